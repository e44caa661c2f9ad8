"""Words of an article body with their offsets, keys and the punctuation between them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from tui_reader.text import key, strip_diacritics

# A word may carry inner dots, slashes, hyphens or ampersands: "TP.Phan", "V.Vnukov", "GD-ĐT".
WORD_RE = re.compile(r"\w+(?:[.&/'’\-]\w+)*", re.UNICODE)
# "TP.Phan Thiết" and the typo "TPHồ Chí Minh" are two words each
_GLUED_RE = re.compile(r"^([A-ZĐ]{1,4})\.(?=[A-ZĐ])|^(TP)(?=[A-ZĐ][a-zà-ỹ])")
_GLUED_FIND_RE = re.compile(r"(?<!\w)(?:[A-ZĐ]{1,4}\.[A-ZĐ]|TP[A-ZĐ][a-zà-ỹ])")
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


class Tokens:
    """The tokens of a body, built on first access: most words are never looked at closely."""

    __slots__ = ("_body", "_key", "starts", "ends", "keys", "_cache")

    def __init__(self, body: str, body_key: str, spans: list[tuple[int, int]]):
        self._body, self._key = body, body_key
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        self.keys = [body_key[s:e] for s, e in spans]
        self._cache: dict[int, Token] = {}

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self.starts)))]
        tok = self._cache.get(i)
        if tok is None:
            if i < 0:
                i += len(self.starts)
            s, e = self.starts[i], self.ends[i]
            text = self._body[s:e]
            tok = Token(s, e, text, self.keys[i], strip_diacritics(self.keys[i]), text[0].isupper())
            self._cache[i] = tok
        return tok

    def __iter__(self):
        return (self[i] for i in range(len(self.starts)))


@dataclass
class Document:
    """An article body split into tokens, with its key text for vocabulary matching."""

    body: str
    key: str
    tokens: Tokens
    by_start: dict[int, int]
    by_end: dict[int, int]
    capitals: list[int]  # indexes of the tokens that start with a capital letter

    @cached_property
    def fold(self) -> str:
        """The folded key of the whole body, same length (computed on first use)."""
        return strip_diacritics(self.key)

    def gap(self, i: int) -> str:
        """The text between token i-1 and token i ("" before the first token)."""
        starts = self.tokens.starts
        if i <= 0 or i >= len(starts):
            return ""
        return self.body[self.tokens.ends[i - 1] : starts[i]]

    def adjacent(self, i: int) -> bool:
        """True when token i follows token i-1 with one space, or a dot after a capital
        abbreviation ("TP.Phan Thiết", "V.Vnukov")."""
        gap = self.gap(i)
        if gap == " ":
            return True
        if gap not in (".", ""):
            return False
        prev = self.tokens[i - 1].text
        return prev.isupper() and len(prev) <= 4

    def text(self, i: int, j: int) -> str:
        """The body text of tokens i..j-1 as written."""
        return self.body[self.tokens.starts[i] : self.tokens.ends[j - 1]]

    def token_at(self, offset: int) -> int | None:
        """The index of the token that starts at this body offset."""
        return self.by_start.get(offset)


def tokenize(body: str) -> Document:
    """Split a body into tokens; keys are computed once for the whole body."""
    body_key = key(body)
    if len(body_key) != len(body):  # an exotic character changed length when lowered
        body_key = "".join(key(c) if len(key(c)) == 1 else c for c in body)
    spans = [m.span() for m in WORD_RE.finditer(body)]
    glued = {m.start() for m in _GLUED_FIND_RE.finditer(body)}
    if glued:
        spans = _split_glued(body, spans, glued)
    return Document(
        body=body,
        key=body_key,
        tokens=Tokens(body, body_key, spans),
        by_start={s: n for n, (s, _) in enumerate(spans)},
        by_end={e: n for n, (_, e) in enumerate(spans)},
        capitals=[n for n, (s, _) in enumerate(spans) if body[s].isupper()],
    )


def _split_glued(body: str, spans: list[tuple[int, int]], starts: set[int]) -> list[tuple[int, int]]:
    """Split "TP.Phan" and the typo "TPHồ" into two words each."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        glued = _GLUED_RE.match(body, start, end) if start in starts else None
        if glued:
            group = 1 if glued.group(1) else 2
            cut = glued.end(group)
            out.append((start, cut))
            start = cut + 1 if group == 1 else cut
        out.append((start, end))
    return out
