"""One pass of the vocabularies over a tokenised body: where heads, ranks and honorifics start."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress

from tui_reader.extract.tokens import Document, tokenize
from tui_reader.extract.vocabulary import Phrases, Vocabulary, vocabulary
from tui_reader.text import key

_UNSEEN = object()


class LazyMarks:
    """Matches of one vocabulary looked up on demand: for words that are checked only at a few
    places (verbs that end a title), scanning the whole body would cost more than it saves."""

    __slots__ = ("_doc", "_phrases", "_cache")

    def __init__(self, doc: Document, phrases: Phrases) -> None:
        self._doc = doc
        self._phrases = phrases
        self._cache: dict[int, int | None] = {}

    def get(self, i: int, default: int | None = None) -> int | None:
        cache = self._cache
        end = cache.get(i, _UNSEEN)
        if end is _UNSEEN:
            end = cache[i] = _match_at(self._doc, self._phrases, i)
        return default if end is None else end

    def __contains__(self, i: int) -> bool:
        return self.get(i) is not None


def _match_at(doc: Document, phrases: Phrases, i: int) -> int | None:
    """The end of the longest phrase starting at token i, else None."""
    keys = doc.tokens.keys
    if i >= len(keys):
        return None
    entry = phrases.get(keys[i])
    if entry is None:
        return None
    seconds, single = entry
    gaps = doc.tokens.gaps
    n = len(keys)
    if seconds and i + 1 < n and gaps[i + 1] == " ":
        for words in seconds.get(keys[i + 1], ()):
            m = len(words)
            if m == 2 or (
                i + m <= n
                and all(keys[i + w] == words[w] and gaps[i + w] == " " for w in range(2, m))
            ):
                return i + m
    return i + 1 if single else None


@dataclass
class Scan:
    """A document with, per vocabulary, a map from first token to the token after the match."""

    doc: Document
    vocab: Vocabulary
    positions: dict[int, int] = field(default_factory=dict)
    ranks: dict[int, int] = field(default_factory=dict)
    honorifics: dict[int, int] = field(default_factory=dict)
    stops: LazyMarks | None = None
    awards: dict[int, int] = field(default_factory=dict)
    places: dict[int, int | None] = field(default_factory=dict)  # filled by names.place_at
    people: dict[tuple[int, bool], int | None] = field(default_factory=dict)  # names.person_name_at
    organisation_ends: dict[int, int] = field(default_factory=dict)  # titles.organisation_end
    titles: dict = field(default_factory=dict)  # titles.title_at, by head token

    _reverse: dict[int, dict[int, int]] = field(default_factory=dict)
    _capitals: dict[str, list[int]] | None = None

    def capitals_by_key(self) -> dict[str, list[int]]:
        """Capitalised tokens grouped by their key (built on first use)."""
        if self._capitals is None:
            keys = self.doc.tokens.keys
            table: dict[str, list[int]] = {}
            for i in self.doc.capitals:
                table.setdefault(keys[i], []).append(i)
            self._capitals = table
        return self._capitals

    @property
    def rank_ends(self) -> dict[int, int]:
        """Ranks keyed by the token after them."""
        return self._reversed(self.ranks)

    @property
    def honorific_ends(self) -> dict[int, int]:
        """Honorifics keyed by the token after them."""
        return self._reversed(self.honorifics)

    def _reversed(self, table: dict[int, int]) -> dict[int, int]:
        reverse = self._reverse.get(id(table))
        if reverse is None:
            reverse = self._reverse[id(table)] = {end: start for start, end in table.items()}
        return reverse

    def ends_before(self, table: dict[int, int], i: int) -> int | None:
        """The start of a match in ``table`` that ends right before token i, if any."""
        reverse = self._reverse.get(id(table))
        if reverse is None:
            reverse = self._reversed(table)
        return reverse.get(i)


# per first word: the tables holding phrases that start with it, whether one of them holds the
# word alone, and every second word of those phrases
_Owner = tuple[tuple[int, ...], bool, frozenset[str]]
_OWNERS: dict[tuple[int, ...], dict[str, _Owner]] = {}


def _owners(tables: list[Phrases]) -> dict[str, _Owner]:
    """For every first word of the tables' phrases, the tables holding it and what may follow."""
    ident = tuple(id(t) for t in tables)
    owners = _OWNERS.get(ident)
    if owners is None:
        found: dict[str, list[int]] = {}
        for n, table in enumerate(tables):
            for first in table:
                found.setdefault(first, []).append(n)
        owners = _OWNERS[ident] = {
            first: (
                tuple(held),
                any(tables[n][first][1] for n in held),
                frozenset().union(*(tables[n][first][0] for n in held)),
            )
            for first, held in found.items()
        }
    return owners


def _marks_all(doc: Document, tables: list[Phrases]) -> list[dict[int, int]]:
    """Token-aligned matches of each table's phrases, longest first, not overlapping."""
    keys = doc.tokens.keys
    gaps = doc.tokens.gaps
    n = len(keys)
    owners = _owners(tables)
    results: list[dict[int, int]] = [{} for _ in tables]
    next_free = [0] * len(tables)
    # one pass over the words that start a phrase of any table; each table keeps its own
    # left-to-right matching
    for i in compress(range(n), map(owners.__contains__, keys)):
        first = keys[i]
        held, single_any, seconds_any = owners[first]
        if not single_any and (i + 1 >= n or gaps[i + 1] != " " or keys[i + 1] not in seconds_any):
            continue  # a common word ("các", "người") that starts no phrase here
        for t in held:
            if i < next_free[t]:
                continue
            seconds, single = tables[t][first]
            size = 0
            if seconds and i + 1 < n and gaps[i + 1] == " ":
                for words in seconds.get(keys[i + 1], ()):
                    m = len(words)
                    if m == 2 or (i + m <= n and all(
                        keys[i + w] == words[w] and gaps[i + w] == " " for w in range(2, m)
                    )):  # fmt: skip
                        size = m
                        break
            if not size and single:
                size = 1
            if size:
                results[t][i] = next_free[t] = i + size
    return results


def _drop_non_positions(doc: Document, vocab: Vocabulary, marks: dict[int, int]) -> dict[int, int]:
    """Position heads without those that begin another word ("Đại sứ quán") and without a bare
    "trưởng" that ends another word ("tăng trưởng", "thuyền trưởng")."""
    keys = doc.tokens.keys
    gaps = doc.tokens.gaps
    for first, last in list(marks.items()):
        if (
            not doc.body[doc.tokens.starts[first]].isupper()
            and " ".join(keys[first:last]) in vocab.capitalised_positions
        ):
            del marks[first]  # "chứng minh", "thư ký tòa": a verb or a job in lower case
            continue
        if (
            last < len(keys)
            and " ".join(keys[first : last + 1]) in vocab.not_positions
            or (
                last == first + 1
                and keys[first] in _BOUND_HEADS
                and first > 0
                and gaps[first] == " "
                and keys[first - 1] not in _BEFORE_BOUND_HEADS
                and (
                    not doc.body[doc.tokens.starts[first - 1]].isupper()
                    or keys[first - 1] in _COMPOUND_STARTS
                )
            )
        ):
            del marks[first]
        elif (
            keys[first : first + 2] in _DELEGATION_HEADS
            and keys[first + 2 : first + 3] not in _DEPUTIES
            and last <= first + 2
        ):
            del marks[first]  # head of a one-off delegation, not of the deputies' delegation
        elif keys[first] == _ACTING and first > 0 and keys[first - 1] in _AUTHORISING:
            # "thừa ủy quyền Chủ tịch nước" (also miswritten "thừa quyền"): the head starts after
            # "quyền"
            del marks[first]
            if last > first + 1:
                marks[first + 1] = last
    for first, last in list(marks.items()):
        if (
            first > 0
            and keys[first - 1] == _ACTING
            and gaps[first] == " "
            and first - 1 not in marks
            and (first < 2 or keys[first - 2] not in _AUTHORISING)
        ):
            # "quyền Chánh Thanh tra": an acting post is a post of any head, not just the listed
            del marks[first]
            marks[first - 1] = last
    return marks


_ACTING = key("quyền")


_AUTHORISING = frozenset(key(w) for w in ("ủy", "uỷ", "thừa"))
_DELEGATION_HEADS = ([key("trưởng"), key("đoàn")], [key("phó"), key("đoàn")])
_DEPUTIES = ([key("đbqh")], [key("đại")])
# words that make a compound with "trưởng" even at the start of a sentence ("Thuyền trưởng")
_COMPOUND_STARTS = frozenset(key(w) for w in ("tăng", "thuyền", "gia", "lớp", "sinh"))
# one-word heads that also end compounds, and the words that may stand right before them
_BOUND_HEADS = frozenset({"trưởng"})
_BEFORE_BOUND_HEADS = frozenset({"nguyên", "cựu", "quyền", "là", "làm", "và", "chức", "các", "vị"})


def scan(body: str, is_nfc: bool = False) -> Scan:
    """Tokenise the body and mark every vocabulary match on token boundaries (``is_nfc``: the
    caller has already put the body in NFC)."""
    vocab = vocabulary()
    doc = tokenize(body, is_nfc)
    positions, ranks, honorifics, awards = _marks_all(
        doc,
        [vocab.position_phrases, vocab.rank_phrases, vocab.honorific_phrases, vocab.award_phrases],
    )
    return Scan(
        doc=doc,
        vocab=vocab,
        positions=_drop_non_positions(doc, vocab, positions),
        ranks=ranks,
        honorifics=honorifics,
        stops=LazyMarks(doc, vocab.stop_phrases),
        awards=awards,
    )
