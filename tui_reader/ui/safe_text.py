"""The one way untrusted text reaches the screen: as Content or rich Text, never as markup.

Article text may contain Textual/Rich markup ("[@click=app.quit]"), ANSI escapes, bidi overrides
and other control characters. These helpers clean control codes (one character for one, so
offsets stay valid) and wrap the result in objects that Textual never parses as markup.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.content import Content

from tui_reader.safe import clean_text, plain_line


def safe_content(text: str | None, style: str = "") -> Content:
    """Untrusted text as literal Content (one line or many), optionally styled."""
    cleaned = clean_text(text or "")
    content = Content(cleaned)
    return content.stylize(style) if style else content


def safe_line(text: str | None, style: str = "") -> Content:
    """Untrusted text as one literal line of Content: newlines and tabs become spaces."""
    content = Content(plain_line(text or ""))
    return content.stylize(style) if style else content


def safe_text(text: str | None, style: str | Style = "") -> Text:
    """Untrusted text as a literal rich Text (for line-API widgets that render segments)."""
    return Text(clean_text(text or ""), style=style, end="", no_wrap=True)
