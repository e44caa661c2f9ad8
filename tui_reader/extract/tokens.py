"""Words of an article body with their offsets, keys and the punctuation between them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from tui_reader.text import fold, key

# A word may carry inner dots, slashes, hyphens or ampersands: "TP.Phan", "V.Vnukov", "GD-ĐT".
WORD_RE = re.compile(r"\w+(?:[.&/'’\-]\w+)*", re.UNICODE)
# "TP.Phan Thiết" and the typo "TPHồ Chí Minh" are two words each
_GLUED_RE = re.compile(r"^([A-ZĐ]{1,4})\.(?=[A-ZĐ])|^(TP)(?=[A-ZĐ][a-zà-ỹ])")
# Vietnamese syllable shape on the folded (diacritic-free) form; foreign words fail it.
_SYLLABLE_RE = re.compile(
    r"^(?:ngh|ng|nh|ch|tr|th|ph|kh|gh|gi|qu|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"(?:[aeiouy]{1,3})(?:ng|nh|ch|c|m|n|p|t)?$"
)


class Token(NamedTuple):
    """One word: its span in the body, its text, key and folded key."""

    start: int
    end: int
    text: str
    key: str
    fold: str
    upper: bool  # starts with a capital letter

    @property
    def is_syllable(self) -> bool:
        """True when the word has the shape of one Vietnamese syllable."""
        return _SYLLABLE_RE.match(self.fold) is not None


@dataclass
class Document:
    """An article body split into tokens, with its key text for vocabulary regexes."""

    body: str
    key: str
    fold: str
    tokens: list[Token] = field(default_factory=list)
    by_start: dict[int, int] = field(default_factory=dict)
    by_end: dict[int, int] = field(default_factory=dict)

    def gap(self, i: int) -> str:
        """The text between token i-1 and token i ("" before the first token)."""
        if i <= 0 or i >= len(self.tokens):
            return ""
        return self.body[self.tokens[i - 1].end : self.tokens[i].start]

    def adjacent(self, i: int) -> bool:
        """True when token i follows token i-1 with one space, or a dot after a capital
        abbreviation ("TP.Phan Thiết", "V.Vnukov")."""
        gap = self.gap(i)
        if gap == " ":
            return True
        return gap in (".", "") and self.tokens[i - 1].text.isupper() and len(self.tokens[i - 1].text) <= 4

    def text(self, i: int, j: int) -> str:
        """The body text of tokens i..j-1 as written."""
        return self.body[self.tokens[i].start : self.tokens[j - 1].end]

    def token_at(self, offset: int) -> int | None:
        """The index of the token that starts at this body offset."""
        return self.by_start.get(offset)


def tokenize(body: str) -> Document:
    """Split a body into tokens; keys are computed once for the whole body."""
    body_key = key(body)
    body_fold = fold(body)
    if len(body_key) != len(body):  # an exotic character changed length when lowered
        body_key = "".join(key(c) if len(key(c)) == 1 else c for c in body)
        body_fold = "".join(fold(c) if len(fold(c)) == 1 else c for c in body)
    doc = Document(body=body, key=body_key, fold=body_fold)
    spans = [m.span() for m in WORD_RE.finditer(body)]
    if "." in body or "TP" in body:
        spans = _split_glued(body, spans)
    doc.tokens = [
        Token(s, e, body[s:e], body_key[s:e], body_fold[s:e], body[s].isupper()) for s, e in spans
    ]
    doc.by_start = {s: n for n, (s, _) in enumerate(spans)}
    doc.by_end = {e: n for n, (_, e) in enumerate(spans)}
    return doc


def _split_glued(body: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split "TP.Phan" and the typo "TPHồ" into two words each."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        glued = _GLUED_RE.match(body, start, end) if body[start].isupper() else None
        if glued:
            group = 1 if glued.group(1) else 2
            cut = glued.end(group)
            out.append((start, cut))
            start = cut + 1 if group == 1 else cut
        out.append((start, end))
    return out
