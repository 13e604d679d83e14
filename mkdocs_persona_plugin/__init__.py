"""mkdocs-persona-plugin: persona and customer-journey YAML files as a searchable handbook.

The package is split into a host-independent core (loading, validation, models, rendering,
images) and a thin MkDocs adapter in :mod:`mkdocs_persona_plugin.plugin`.
"""

__version__ = "0.1.0"
