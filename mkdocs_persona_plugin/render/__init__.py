"""The renderer: a validated handbook in, pages and assets out, for any host.

:func:`.build.build_outputs` runs the page modules in :mod:`.pages` over a
:class:`.site.BuildContext` (options, UI strings from :mod:`.strings`, Jinja2 templates in
``templates/persona/``, images). Hosts decide where the outputs go.
"""
