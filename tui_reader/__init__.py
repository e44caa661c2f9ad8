"""tui-reader: a terminal reader for Vietnamese news, with officials and awards at a glance."""

__version__ = "0.1.0"
