"""Sentence spans of a body: split at end punctuation before a capital, and at paragraphs."""

from __future__ import annotations

import re

from tui_reader.extract.model import Span

# ". X", "! X", "? X", "… X"; not after an abbreviation such as "TP." or "GS." (checked below)
# (the lookahead up front lets the engine pass over ordinary characters at once)
_BOUNDARY_RE = re.compile(r"(?=[.!?…\n])(?:([.!?…]+[”\"’)]*)\s++(?=[\"“(]?[A-ZĐÀ-Ỹ])|\n\s*\n)")
_ABBREV_RE = re.compile(r"(?:^|[\s(.])(?:TP|GS|PGS|TS|ThS|BS|KS|Q|P|TX|TT|H|X|[A-ZĐ])$")


def sentence_spans(body: str) -> list[Span]:
    """(start, end) of every sentence, trailing spaces excluded, in order."""
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(body):
        mark = m.group(1)
        if mark == "." and _ABBREV_RE.search(body[max(0, m.start() - 6) : m.start()]):
            continue  # "TP. Hồ Chí Minh", "GS. Lê Ngọc Canh"
        end = m.start() + len(mark or "")
        if end > start:
            spans.append((start, end))
        start = m.end()
    if start < len(body):
        spans.append((start, len(body.rstrip())))
    return [s for s in spans if s[1] > s[0]]
