"""``python -m mkdocs_persona_plugin.cli``: the same program as ``mkdocs-persona``."""

from .app import main

raise SystemExit(main())
