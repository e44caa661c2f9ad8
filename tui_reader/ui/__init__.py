"""The Textual interface: the only part of tui-reader that imports textual or rich."""
