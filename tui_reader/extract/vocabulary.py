"""The extractor's vocabularies, loaded once from the text files in ``vocab/``.

Each file holds one entry a line; ``#`` starts a comment. Entries are compared on
``text.key`` (lower case, NFC, new tone placement), so NFD input and "uỷ"/"ủy" behave alike.
"""

from __future__ import annotations

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


# first word -> (second word -> longer phrases as word tuples, longest first; True when the first
# word alone is a phrase)
Phrases = dict[str, tuple[dict[str, tuple[tuple[str, ...], ...]], bool]]


def _phrases(keys: list[str]) -> Phrases:
    """Phrases grouped by their first two words for token-by-token matching."""
    longer: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    single: set[str] = set()
    for k in keys:
        words = tuple(k.split())
        if len(words) == 1:
            single.add(words[0])
        else:
            longer.setdefault(words[0], {}).setdefault(words[1], []).append(words)
    table: Phrases = {}
    for first in set(longer) | single:
        seconds = {
            w: tuple(sorted(v, key=len, reverse=True)) for w, v in longer.get(first, {}).items()
        }
        table[first] = (seconds, first in single)
    return table


@dataclass(frozen=True)
class Vocabulary:
    """All vocabularies as key sets and compiled regexes over ``key(text)``."""

    ranks: frozenset[str]
    rank_phrases: Phrases
    positions: frozenset[str]
    position_phrases: Phrases
    honorifics: frozenset[str]
    honorific_phrases: Phrases
    degrees: frozenset[str]
    surnames: frozenset[str]
    places: frozenset[str]
    place_prefixes: frozenset[str]  # every place's first words ("bà rịa", "bà rịa - vũng")
    people_named_like_places: frozenset[str]
    place_starts: frozenset[str]
    organisations: frozenset[str]
    organisation_starts: frozenset[str]
    admin_units: frozenset[str]
    stopwords: frozenset[str]
    stop_phrases: Phrases
    award_phrases: Phrases
    institutions: frozenset[str]
    not_given_names: frozenset[str]
    not_positions: frozenset[str]
    capitalised_positions: frozenset[str]
    organisation_heads: frozenset[str]
    trailing: frozenset[str]
    max_place_words: int


@cache
def vocabulary() -> Vocabulary:
    """The vocabularies, loaded and compiled on first use."""
    ranks = _keys("ranks.txt")
    capitalised = _keys("capitalised_positions.txt")
    positions = _keys("positions.txt") + capitalised
    honorifics = _keys("honorifics.txt")
    places = _keys("places.txt")
    stopwords = _keys("stopwords.txt")
    return Vocabulary(
        ranks=frozenset(ranks),
        rank_phrases=_phrases(ranks),
        positions=frozenset(positions),
        position_phrases=_phrases(positions),
        honorifics=frozenset(honorifics),
        honorific_phrases=_phrases(honorifics),
        degrees=frozenset(_keys("degrees.txt")),
        surnames=frozenset(_keys("surnames.txt")),
        places=frozenset(places),
        place_prefixes=frozenset(
            " ".join(words[:n])
            for words in (p.split() for p in places)
            for n in range(1, len(words) + 1)
        ),
        people_named_like_places=frozenset(_keys("people_named_like_places.txt")),
        place_starts=frozenset(p.split()[0] for p in places),
        organisations=frozenset(_keys("organisations.txt")),
        organisation_starts=frozenset(k.split()[0] for k in _keys("organisations.txt")),
        admin_units=frozenset(_keys("admin_units.txt")),
        stopwords=frozenset(stopwords),
        stop_phrases=_phrases(stopwords),
        award_phrases=_phrases(_keys("awards.txt")),
        institutions=frozenset(_keys("institutions.txt")),
        not_given_names=frozenset(_keys("not_given_names.txt")),
        not_positions=frozenset(_keys("not_positions.txt")),
        capitalised_positions=frozenset(capitalised),
        organisation_heads=frozenset(k.split()[0] for k in _keys("organisation_heads.txt")),
        trailing=frozenset(_keys("trailing.txt")),
        max_place_words=max(len(p.split()) for p in places),
    )
