"""Words of an article body with their offsets, keys and the punctuation between them."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate, compress
from operator import itemgetter
from typing import NamedTuple

from tui_reader.speedups import module as _speedups
from tui_reader.text import key, strip_diacritics

# A word may carry inner dots, slashes, hyphens or ampersands: "TP.Phan", "V.Vnukov", "GD-ĐT".
WORD_RE = re.compile(r"\w+(?:[.&/'’\-]\w+)*", re.UNICODE)
# "TP.Phan Thiết" and the typo "TPHồ Chí Minh" are two words each
_TP_GLUED_RE = re.compile(r"TP(?=[A-ZĐ][a-zà-ỹ])")
# possessive: a word never gives back a letter, so the engine keeps no backtracking points
_SPLIT_RE = re.compile(r"(\w++(?:[.&/'’\-]\w++)*+)")
# a dot between letters ("TP.Phan", "V.Vnukov", "Phúc.Thủ") or "TP" run into a name ("TPHồ");
# both start with a literal so that the regex engine skips ahead fast
_DOT_FIND_RE = re.compile(r"\.(?=[^\W\d_])")
_TP_FIND_RE = re.compile(r"TP(?=[A-ZĐ][a-zà-ỹ])")
# The usual body holds only these characters: ASCII, Latin-1, the Vietnamese letters and the
# General Punctuation block. For them \w is spelled out as a character class, which the regex
# engine tests faster than \w; a body with any other character is split with \w itself.
_PLAIN_RANGES = (
    (0x00, 0xFF), (0x102, 0x103), (0x110, 0x111), (0x128, 0x129), (0x168, 0x169),
    (0x1A0, 0x1A1), (0x1AF, 0x1B0), (0x1EA0, 0x1EF9), (0x2000, 0x206F),
)  # fmt: skip


def _plain_class(test) -> str:
    """A regex character class of the plain characters that pass ``test``."""
    out = []
    for lo, hi in _PLAIN_RANGES:
        code = lo
        while code <= hi:
            if not test(chr(code)):
                code += 1
                continue
            last = code
            while last < hi and test(chr(last + 1)):
                last += 1
            out.append(f"\\u{code:04x}" if last == code else f"\\u{code:04x}-\\u{last:04x}")
            code = last + 1
    return "[" + "".join(out) + "]"


_PLAIN_WORD = _plain_class(lambda c: c.isalnum() or c == "_")
_PLAIN_SPLIT_RE = re.compile(rf"({_PLAIN_WORD}++(?:[.&/'’\-]{_PLAIN_WORD}++)*+)")
_OUTSIDE_PLAIN_RE = re.compile("[^" + _plain_class(lambda c: True)[1:])
if _speedups is not None:
    _speedups.set_plain_ranges(_PLAIN_RANGES)
# Vietnamese syllable shape on the folded (diacritic-free) form; foreign words fail it.
_SYLLABLE_RE = re.compile(
    r"^(?:ngh|ng|nh|ch|tr|th|ph|kh|gh|gi|qu|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"(?:[aeiouy]{1,3})(?:ng|nh|ch|c|m|n|p|t)?$"
)


def is_syllable(folded: str) -> bool:
    """True when a folded (diacritic-free) word has the shape of one Vietnamese syllable."""
    return _SYLLABLE_RE.match(folded) is not None


@lru_cache(maxsize=65536)
def key_is_syllable(word_key: str) -> bool:
    """``is_syllable`` of a word's key (folded here); cached, since words repeat."""
    return _SYLLABLE_RE.match(strip_diacritics(word_key)) is not None


class Token(NamedTuple):
    """One word: its span in the body, its text, key and folded key."""

    start: int
    end: int
    text: str
    key: str
    upper: bool  # starts with a capital letter

    @property
    def fold(self) -> str:
        """The key without diacritics."""
        return strip_diacritics(self.key)

    @property
    def is_syllable(self) -> bool:
        """True when the word has the shape of one Vietnamese syllable."""
        return _SYLLABLE_RE.match(self.fold) is not None


class Tokens:
    """The tokens of a body, built on first access: most words are never looked at closely.

    ``starts``, ``ends``, ``keys``, ``words``, ``upper`` and ``gaps`` are plain lists for the hot
    loops (reading them is much cheaper than building a Token); ``gaps[i]`` is the text between
    token i-1 and token i, ``upper[i]`` tells whether token i starts with a capital letter."""

    __slots__ = ("_body", "starts", "ends", "keys", "words", "upper", "gaps", "_cache")

    def __init__(self, body: str, starts: list[int], ends: list[int], keys: list[str],
                 gaps: list[str], words: list[str] | None = None,
                 upper: list[bool] | None = None) -> None:  # fmt: skip
        self._body = body
        self.starts, self.ends, self.keys, self.gaps = starts, ends, keys, gaps
        if words is None:
            words = [body[s:e] for s, e in zip(starts, ends, strict=True)]
        if upper is None:
            upper = [w[0].isupper() for w in words]
        self.words, self.upper = words, upper
        self._cache: dict[int, Token] = {}

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):
        try:
            return self._cache[i]
        except KeyError:
            pass
        except TypeError:  # a slice
            return [self[j] for j in range(*i.indices(len(self.starts)))]
        if i < 0:
            i += len(self.starts)
        tok = self._cache[i] = Token(
            self.starts[i], self.ends[i], self.words[i], self.keys[i], self.upper[i]
        )
        return tok

    def __iter__(self):
        return (self[i] for i in range(len(self.starts)))


class OffsetIndex:
    """Token index by a body offset (where tokens start, or where they end): a binary search
    in the sorted offsets, cheaper than a dict for the few look-ups an article makes."""

    __slots__ = ("_offsets",)

    def __init__(self, offsets: list[int]) -> None:
        self._offsets = offsets

    def get(self, offset: int, default: int | None = None) -> int | None:
        offsets = self._offsets
        i = bisect_left(offsets, offset)
        if i < len(offsets) and offsets[i] == offset:
            return i
        return default

    def __contains__(self, offset: int) -> bool:
        return self.get(offset) is not None

    def __getitem__(self, offset: int) -> int:
        i = self.get(offset)
        if i is None:
            raise KeyError(offset)
        return i


@dataclass
class Document:
    """An article body split into tokens, with its key text for vocabulary matching."""

    body: str
    tokens: Tokens
    capitals: list[int]  # indexes of the tokens that start with a capital letter
    _key: str | None = field(default=None, repr=False)

    @property
    def key(self) -> str:
        """``text.key`` of the whole body, same length (computed on first use)."""
        if self._key is None:
            self._key = _body_key(self.body)
        return self._key

    @cached_property
    def by_start(self) -> OffsetIndex:
        """Token index by the body offset where the token starts."""
        return OffsetIndex(self.tokens.starts)

    @cached_property
    def by_end(self) -> OffsetIndex:
        """Token index by the body offset where the token ends."""
        return OffsetIndex(self.tokens.ends)

    @cached_property
    def fold(self) -> str:
        """The folded key of the whole body, same length (computed on first use)."""
        return strip_diacritics(self.key)

    def gap(self, i: int) -> str:
        """The text between token i-1 and token i ("" before the first token)."""
        if i <= 0 or i >= len(self.tokens.starts):
            return ""
        return self.tokens.gaps[i]

    def adjacent(self, i: int) -> bool:
        """True when token i follows token i-1 with one space, or a dot after a capital
        abbreviation ("TP.Phan Thiết", "V.Vnukov")."""
        tokens = self.tokens
        if 0 < i < len(tokens.starts):
            gap = tokens.gaps[i]
            if gap == " ":
                return True
            if gap != "." and gap != "":
                return False
        prev = tokens.words[i - 1]
        return prev.isupper() and len(prev) <= 4

    def text(self, i: int, j: int) -> str:
        """The body text of tokens i..j-1 as written."""
        return self.body[self.tokens.starts[i] : self.tokens.ends[j - 1]]

    def token_at(self, offset: int) -> int | None:
        """The index of the token that starts at this body offset."""
        return self.by_start.get(offset)


def _split_words(body: str) -> tuple[list[str], list[str], list[int], list[int], bool]:
    """The gaps (one more than the words), the words, where each word starts and ends, and
    whether the body holds only plain characters. ``_speedups.split_words`` is its twin."""
    # splitting with a capturing group alternates gaps and words, all in C; a character outside
    # the plain set is never in a word of the plain split, so looking for one in the gaps (a
    # fifth of the body) tells whether the body is plain
    parts = _PLAIN_SPLIT_RE.split(body)
    gaps = parts[0::2]
    plain = _OUTSIDE_PLAIN_RE.search("".join(gaps)) is None
    if not plain:
        parts = _SPLIT_RE.split(body)
        gaps = parts[0::2]
    offsets = list(accumulate(map(len, parts)))
    return gaps, parts[1::2], offsets[0:-1:2], offsets[1::2], plain


def tokenize(body: str, is_nfc: bool = False) -> Document:
    """Split a body into tokens; keys are computed once for the whole body. ``is_nfc`` says
    the caller has already put the body in NFC (else it is checked here)."""
    if _speedups is not None:
        gaps, words, starts, ends, plain = _speedups.split_words(body)
    else:
        gaps, words, starts, ends, plain = _split_words(body)
    if plain and (is_nfc or unicodedata.is_normalized("NFC", body)):
        # lowering plain NFC text maps each character to one, by itself, and the tone rewrite
        # works inside words: each word's key is its own key, and the whole body's key waits
        # until something asks for it
        body_key = None
        keys = list(map(_WORD_KEYS.__getitem__, words))
    else:
        body_key = _body_key(body)
        keys = None
    if keys is None:
        keys = [body_key[s:e] for s, e in zip(starts, ends, strict=True)]
    hits = [
        m.start() - 1
        for m in _DOT_FIND_RE.finditer(body)
        if body[m.start() - 1 : m.start()].isalpha()
    ]
    hits += [m.start() for m in _TP_FIND_RE.finditer(body)]
    if hits:
        if body_key is None:
            piece_key = lambda a, b: key(body[a:b])  # noqa: E731
        else:
            piece_key = lambda a, b: body_key[a:b]  # noqa: E731
        starts, ends, words, keys, gaps = _split_glued(
            body, piece_key, (starts, ends, words, keys, gaps), hits
        )
    upper = list(map(str.isupper, map(_FIRST_CHAR, words)))
    return Document(
        body=body,
        tokens=Tokens(body, starts, ends, keys, gaps, words, upper),
        capitals=list(compress(range(len(upper)), upper)),
        _key=body_key,
    )


class _WordTable(dict):
    """A value per distinct word, computed on first sight: words repeat across articles, and a
    look-up in C is cheaper than a Python call per word. Emptied when it grows too large."""

    def __init__(self, compute) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, word: str):
        if len(self) >= _WORD_TABLE_LIMIT:
            self.clear()
        value = self[word] = self._compute(word)
        return value


_WORD_TABLE_LIMIT = 100_000  # about 15 MB: names and numbers make new words forever
_WORD_KEYS = _WordTable(key)  # a word's key is the slice of the body's key (plain NFC text)
_FIRST_CHAR = itemgetter(0)


def _body_key(body: str) -> str:
    """``text.key`` of a whole body, one character for each of the body's."""
    body_key = key(body)
    if len(body_key) != len(body):  # an exotic character changed length when lowered
        body_key = "".join(key(c) if len(key(c)) == 1 else c for c in body)
    return body_key


def _split_glued(body: str, piece_key, lists: tuple, hits: list[int]) -> tuple:
    """Split words run together by a dot or a typo: "TP.Phan" (an abbreviation, read as one
    name with what follows), "Phúc.Thủ" (a sentence end without its space), "TPHồ". Only the
    few words hit are rebuilt; the lists are spliced. ``piece_key(start, end)`` is the key of
    the body's text there."""
    starts, ends, words, keys, gaps = lists  # the caller's fresh lists, changed in place
    for n in sorted({bisect_right(starts, h) - 1 for h in hits}, reverse=True):
        pieces = _pieces(body, starts[n], ends[n])
        if len(pieces) == 1:
            continue
        starts[n : n + 1] = [a for a, _ in pieces]
        ends[n : n + 1] = [b for _, b in pieces]
        words[n : n + 1] = [body[a:b] for a, b in pieces]
        keys[n : n + 1] = [piece_key(a, b) for a, b in pieces]
        gaps[n + 1 : n + 1] = [body[pieces[k - 1][1] : pieces[k][0]] for k in range(1, len(pieces))]
    return starts, ends, words, keys, gaps


def _pieces(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words inside one token that a dot or "TP" glues together."""
    out: list[tuple[int, int]] = []
    tp = _TP_GLUED_RE.match(body, start, end)
    if tp:
        out.append((start, tp.end()))
        start = tp.end()
    piece = start
    for dot in [k for k in range(start + 1, end - 1) if body[k] == "."]:
        left, right = body[piece:dot], body[dot + 1 : dot + 2]
        if left.isupper() and body[dot + 1 : end].isupper() and end - dot <= 3:
            break  # "T.Ư", "T.W": one abbreviation
        abbreviation = left.isupper() and len(left) <= 4
        sentence_end = len(left) >= 2 and not left.isupper() and left.isalpha()
        if right.isupper() and (abbreviation or sentence_end):
            out.append((piece, dot))
            piece = dot + 1
    out.append((piece, end))
    return out
