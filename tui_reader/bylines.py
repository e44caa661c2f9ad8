"""Find the byline at the end of an article and the author's name in it."""

from __future__ import annotations

import re

_AGENCY_ONLY = re.compile(r"^\(?\s*(theo|nguồn)?\s*:?\s*[A-ZĐ][A-ZĐa-z\.]*\s*\)?$")


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and not text.endswith((".", "!", "?", ":", ";")) and all(
        w[:1].isupper() for w in words if w.isalpha()
    )


def split_byline(paragraphs: list[str]) -> tuple[list[str], str | None, str | None]:
    """Return (paragraphs without the byline, the byline as written, the author's name)."""
    if not paragraphs:
        return paragraphs, None, None
    last = paragraphs[-1]
    if len(paragraphs) > 1 and _looks_like_name(last):
        author = None if _AGENCY_ONLY.match(last) else last
        return paragraphs[:-1], last, author
    return paragraphs, None, None
