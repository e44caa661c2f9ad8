"""Article records and the parser of the plain-text article format.

The format: first line ``date YYYY-MM <title>`` (leading spaces allowed), a blank line, paragraphs
separated by blank lines, the author's name last. Text is kept as written, in NFC.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from tui_reader.text import nfc


class ArticleFormatError(ValueError):
    """An article's text does not follow the format; carries the source and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


PARAGRAPH_SEPARATOR = "\n\n"


@dataclass
class Article:
    """One parsed article. ``body`` joins the paragraphs; offsets elsewhere point into it."""

    title: str
    date: str | None
    author: str | None
    paragraphs: list[str]
    source: str = ""
    byline: str | None = None  # the byline as written, agency included ("Theo VGP")
    url: str | None = None
    # (start, end) offsets into ``body`` of photo captions, so the reader can set them apart
    captions: list[tuple[int, int]] = field(default_factory=list)

    @property
    def body(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    def content_hash(self) -> str:
        """A digest of everything a reader sees; changes when the article is edited."""
        digest = hashlib.blake2b(digest_size=16)
        for part in (self.title, self.date or "", self.author or "", self.byline or "", self.body):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
        return digest.hexdigest()


_HEADER_RE = re.compile(r"^\s*date\s+(\S+)\s*(.*)$", re.IGNORECASE)
_DATE_RE = re.compile(r"^(\d{4})-(\d{2})$")


def parse_date(value: str) -> str | None:
    """``YYYY-MM`` when the value is a valid month, else None."""
    m = _DATE_RE.match(value)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return value


def parse_article(text: str, source: str = "") -> Article:
    """Parse one article in the seed format; raise ArticleFormatError when it is not one."""
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n")).lstrip("\ufeff")
    if not text.strip():
        raise ArticleFormatError(source, "the file is empty")
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    header = _HEADER_RE.match(lines[first])
    if header is None:
        raise ArticleFormatError(source, "the first line is not 'date YYYY-MM <title>'")
    date = parse_date(header.group(1))
    if date is None:
        raise ArticleFormatError(source, f"the date {header.group(1)!r} is not YYYY-MM")
    title = header.group(2).strip()
    if not title:
        raise ArticleFormatError(source, "the first line has no title")
    rest = "\n".join(lines[first + 1 :])
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", rest)]
    paragraphs = [p for p in paragraphs if p]
    from tui_reader.bylines import split_byline

    paragraphs, byline, author = split_byline(paragraphs)
    return Article(
        title=title,
        date=date,
        author=author,
        paragraphs=paragraphs,
        source=source,
        byline=byline,
    )
