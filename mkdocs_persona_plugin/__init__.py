"""mkdocs-persona-plugin: persona and customer-journey YAML files as a searchable handbook.

The package is laid out as the pipeline, each stage importing only the ones before it:

* :mod:`.core` reads and validates the YAML files into models (and knows review dates,
  evidence and git history); it imports neither MkDocs nor Jinja2.
* :mod:`.images` draws avatars and social cards with Pillow.
* :mod:`.render` turns a validated handbook into pages and assets (templates, UI strings,
  exports, feeds).
* Hosts put those outputs somewhere: :mod:`.mkdocs` is the MkDocs/ProperDocs plugin (the
  ``persona`` entry point), :mod:`.generator` writes them as Markdown files for Zensical and
  other hosts, and :mod:`.cli` is the ``mkdocs-persona`` command line.
"""

__version__ = "0.1.0"
