"""The extractor's vocabularies, loaded once from the text files in ``vocab/``.

Each file holds one entry a line; ``#`` starts a comment. Entries are compared on
``text.key`` (lower case, NFC, new tone placement), so NFD input and "uỷ"/"ủy" behave alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tui_reader.text import key

VOCAB_DIR = Path(__file__).resolve().parent / "vocab"


def load_entries(name: str) -> list[str]:
    """The entries of one vocabulary file, in file order, comments and blanks dropped."""
    entries = []
    for line in (VOCAB_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.append(" ".join(line.split()))
    return entries


def _keys(name: str) -> list[str]:
    return list(dict.fromkeys(key(e) for e in load_entries(name)))


def _alternation(keys: list[str]) -> str:
    """A regex alternation of the keys, longest first, words separated by any whitespace."""
    ordered = sorted(keys, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in k.split()) for k in ordered)


def _phrase_regex(keys: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])(?:{_alternation(keys)})(?![\w])")


@dataclass(frozen=True)
class Vocabulary:
    """All vocabularies as key sets and compiled regexes over ``key(text)``."""

    ranks: frozenset[str]
    rank_re: re.Pattern[str]
    positions: frozenset[str]
    position_re: re.Pattern[str]
    honorifics: frozenset[str]
    honorific_re: re.Pattern[str]
    degrees: frozenset[str]
    surnames: frozenset[str]
    places: frozenset[str]
    organisations: frozenset[str]
    admin_units: frozenset[str]
    stopwords: frozenset[str]
    stop_re: re.Pattern[str]
    award_re: re.Pattern[str]
    institutions: frozenset[str]
    not_given_names: frozenset[str]
    not_positions: frozenset[str]
    organisation_heads: frozenset[str]
    trailing: frozenset[str]
    max_place_words: int


@cache
def vocabulary() -> Vocabulary:
    """The vocabularies, loaded and compiled on first use."""
    ranks = _keys("ranks.txt")
    positions = _keys("positions.txt")
    honorifics = _keys("honorifics.txt")
    places = _keys("places.txt")
    stopwords = _keys("stopwords.txt")
    return Vocabulary(
        ranks=frozenset(ranks),
        rank_re=_phrase_regex(ranks),
        positions=frozenset(positions),
        position_re=_phrase_regex(positions),
        honorifics=frozenset(honorifics),
        honorific_re=_phrase_regex(honorifics),
        degrees=frozenset(_keys("degrees.txt")),
        surnames=frozenset(_keys("surnames.txt")),
        places=frozenset(places),
        organisations=frozenset(_keys("organisations.txt")),
        admin_units=frozenset(_keys("admin_units.txt")),
        stopwords=frozenset(stopwords),
        stop_re=_phrase_regex(stopwords),
        award_re=_phrase_regex(_keys("awards.txt")),
        institutions=frozenset(_keys("institutions.txt")),
        not_given_names=frozenset(_keys("not_given_names.txt")),
        not_positions=frozenset(_keys("not_positions.txt")),
        organisation_heads=frozenset(k.split()[0] for k in _keys("organisation_heads.txt")),
        trailing=frozenset(_keys("trailing.txt")),
        max_place_words=max(len(p.split()) for p in places),
    )
