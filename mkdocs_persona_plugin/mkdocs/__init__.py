"""The MkDocs host: the ``persona`` plugin (also run by ProperDocs), a thin adapter that wires
MkDocs events to the core and the renderer."""
