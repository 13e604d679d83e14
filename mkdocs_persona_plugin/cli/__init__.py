"""The ``mkdocs-persona`` command line: one module per command, registered in :mod:`.app`."""

from .app import main

__all__ = ["main"]
