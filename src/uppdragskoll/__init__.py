"""uppdragskoll: keeps track of Swedish government assignments kept as YAML files."""

__version__ = "0.1.0"
