"""What one article contributes to the search index, computed without any index state.

``index_terms`` is pure and its result pickles compactly, so importers run it in worker
processes and hand the results to ``SearchIndex.add_many_terms`` in the main process, which
then only files ready-made keys under slots. Per field it gives the words that carry
diacritics (the only ones an exact, diacritic-bearing query word can match), every folded
word, and keys of adjacent folded word pairs for phrases.
"""

from __future__ import annotations

import re
import zlib
from array import array
from dataclasses import dataclass, field
from itertools import compress
from operator import ne, or_

from tui_reader.speedups import module as _speedups
from tui_reader.text import key, strip_diacritics

FIELDS = ("all", "strong", "title", "official", "award", "author")
PAIR_FIELDS = frozenset({"all", "title", "official", "award", "author"})
SEP = "\x00"  # joins the words of a field; \w never matches it
_BREAK = "\n"  # texts and paragraphs of a field are joined by line breaks: phrases stop there
_TOKEN_RE = re.compile(r"\w+|\n")
_CACHE_WORDS = 400_000  # a worker's word caches are emptied past this many distinct words


@dataclass
class IndexDoc:
    """What the store hands the index for one article."""

    title: str
    body: str
    date: str | None = None  # "YYYY-MM"
    author: str | None = None
    officials: list[str] = field(default_factory=list)  # "rank name, title1, title2"
    awards: list[str] = field(default_factory=list)  # "award của issuer"


@dataclass(frozen=True, slots=True)
class IndexTerms:
    """The keys of one document, per field in the order of ``FIELDS``; picklable."""

    month: int  # YYYYMM, 0 when unknown
    exact: tuple[str, ...]  # words with diacritics (key form), joined by SEP
    folded: tuple[str, ...]  # folded words, joined by SEP
    pairs: tuple[bytes, ...]  # pair keys as native uint64 (array "Q"); b"" without pairs


def month_of(date: str | None) -> int:
    """YYYYMM of a "YYYY-MM..." date; 0 (ranked oldest) when absent or unreadable."""
    if not date or len(date) < 7 or date[4] != "-":
        return 0
    try:
        return int(date[:4]) * 100 + int(date[5:7])
    except ValueError:
        return 0


def word_hash(folded: str) -> int:
    """A 32-bit hash of a folded word, the same in every process (``hash`` is not)."""
    return zlib.crc32(folded.encode())


def pair_key(first: str, second: str) -> int:
    """The key of two adjacent folded words. Two different pairs share a key only when both
    words collide under CRC-32 at once, which can make a phrase match too generously."""
    return word_hash(first) << 32 | word_hash(second)


class _Folded(dict):
    """Key word -> its folded word."""

    def __missing__(self, word: str) -> str:
        value = self[word] = strip_diacritics(word)
        return value


class _Low(dict):
    """Key word -> hash of its folded word (the second word of a pair); a break never pairs."""

    def __missing__(self, word: str) -> int:
        value = self[word] = -1 if word == _BREAK else word_hash(_FOLDED[word])
        return value


class _High(dict):
    """Key word -> hash of its folded word shifted up (the first word of a pair).

    A break maps to -1 here and in ``_Low``, so every pair that touches one ORs to -1."""

    def __missing__(self, word: str) -> int:
        value = self[word] = -1 if word == _BREAK else _LOW[word] << 32
        return value


_FOLDED = _Folded()
_LOW = _Low()
_HIGH = _High()


def _scan_py(text: str, with_pairs: bool) -> tuple[set[str], bytes]:
    """The distinct words of ``text`` (already a ``key``) and its distinct pair keys, packed
    as native uint64 in no particular order. ``_speedups.scan`` is its compiled twin."""
    tokens = _TOKEN_RE.findall(text)
    words = set(tokens)
    words.discard(_BREAK)
    if not with_pairs or len(tokens) < 2:
        return words, b""
    pairs = set(map(or_, map(_HIGH.__getitem__, tokens), map(_LOW.__getitem__, tokens[1:])))
    pairs.discard(-1)
    return words, _packed(pairs)


def _packed(pairs: set[int]) -> bytes:
    return array("Q", pairs).tobytes() if pairs else b""


_scan = _speedups.scan if _speedups else _scan_py


def index_terms(doc: IndexDoc) -> IndexTerms:
    """The keys ``doc`` files under, field by field (see ``FIELDS``); safe in any process."""
    if len(_FOLDED) > _CACHE_WORDS:
        _FOLDED.clear()
        _LOW.clear()
        _HIGH.clear()
    title = doc.title or ""
    officials = _BREAK.join(doc.officials)
    # The name (with rank) comes before the first comma; it makes a hit rank higher.
    names = _BREAK.join(o.split(",", 1)[0] for o in doc.officials)
    title_key = key(title)
    officials_key = key(officials)
    title_words, title_pairs = _scan(title_key, True)
    official_words, official_pairs = _scan(officials_key, True)
    award_words, award_pairs = _scan(key(_BREAK.join(doc.awards)), True)
    author_words, author_pairs = _scan(key(doc.author or ""), True)
    # "all" is the body, the title and the officials joined by breaks, which no word or pair
    # crosses (and ``key`` works character by character, so the keys are joined).
    all_words, all_pairs = _scan(_BREAK.join((key(doc.body or ""), title_key, officials_key)), True)
    strong_words = title_words | _scan(key(names), False)[0] if names else title_words
    per_field = (all_words, strong_words, title_words, official_words, award_words, author_words)
    fold = _FOLDED.__getitem__
    exact = []
    folded = []
    for words in per_field:
        folds = list(map(fold, words))
        # Exact lookups never ask for a word without diacritics (equal to its fold): a query
        # word without diacritics searches the folded words.
        exact.append(SEP.join(compress(words, map(ne, words, folds))))
        folded.append(SEP.join(set(folds)))
    pairs = (all_pairs, b"", title_pairs, official_pairs, award_pairs, author_pairs)
    return IndexTerms(month_of(doc.date), tuple(exact), tuple(folded), pairs)
