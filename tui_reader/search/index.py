"""The in-memory search index over articles, with atomic save and fast load.

Every document gets a slot (0, 1, 2, ...). Each field keeps postings of its exact words, its
folded (diacritic-free) words and hashed pairs of adjacent folded words (for phrases), all
answering bitmaps of slots. Slots are assigned in ranking order (month, then id) when
documents arrive in bulk, so results come out best-first by walking bitmaps from the top.
"""

from __future__ import annotations

import heapq
import marshal
import os
import tempfile
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tui_reader.search import bitmaps
from tui_reader.search.postings import Space
from tui_reader.search.query import PLAIN, Query, Term, Word, parse_query
from tui_reader.text import WORD_RE, fold, key, strip_diacritics

FIELDS = ("all", "strong", "title", "official", "award", "author")
_PAIR_FIELDS = frozenset({"all", "title", "official", "award", "author"})
PAIR_BITS = 20  # 2**20 buckets: a document's ~600 pairs collide with a query pair ~0.06%
_PAIR_MASK = (1 << PAIR_BITS) - 1
_PAIR_MULT = 0x9E3779B1
_MAGIC = b"TRSEARCH"
_VERSION = 1
_HEADER_LEN = len(_MAGIC) + 1 + 8 + 4
_PREFIX_PAIR_LIMIT = 64  # an unfinished last word of a phrase: at most this many pair lookups
_CACHE_SIZE = 256
_BULK_CHUNK = 20000  # add_many freezes this often so the overlay stays small


class IndexFileError(Exception):
    """A saved index that cannot be read back: carries the path and the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass
class IndexDoc:
    """What the store hands the index for one article."""

    title: str
    body: str
    date: str | None = None  # "YYYY-MM"
    author: str | None = None
    officials: list[str] = field(default_factory=list)  # "rank name, title1, title2"
    awards: list[str] = field(default_factory=list)  # "award của issuer"


def _month(date: str | None) -> int:
    """YYYYMM of a "YYYY-MM..." date; 0 (ranked oldest) when absent or unreadable."""
    if not date or len(date) < 7 or date[4] != "-":
        return 0
    try:
        return int(date[:4]) * 100 + int(date[5:7])
    except ValueError:
        return 0


def _lines(text: str) -> list[list[str]]:
    """The comparison-key words of each line; phrases never run across a line break."""
    return [WORD_RE.findall(line) for line in key(text).split("\n")]


class _Field:
    __slots__ = ("exact", "folded", "pairs")

    def __init__(self, with_pairs: bool) -> None:
        self.exact = Space()
        self.folded = Space()
        self.pairs = Space(int_keys=True) if with_pairs else None


class SearchIndex:
    """Diacritic-aware full-text index of articles; see ``search`` for the query language."""

    def __init__(self) -> None:
        self._fields = {name: _Field(name in _PAIR_FIELDS) for name in FIELDS}
        self._slot_doc = array("q")  # slot -> doc id, -1 once removed
        self._slot_month = array("I")  # slot -> YYYYMM, 0 when unknown
        self._doc_slot: dict[int, int] = {}
        self._live = 0  # bitmap of slots holding a current document
        self._ordered_end = 0  # slots below this are in ranking order
        self._months: dict[int, int] | None = None  # month -> bitmap, built on first date filter
        self._fold_cache: dict[str, str] = {}
        self._hash_cache: dict[str, int] = {}
        self._cache: OrderedDict = OrderedDict()

    # -- size -----------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._doc_slot)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._doc_slot

    # -- building -------------------------------------------------------------------------------
    def add(self, doc_id: int, doc: IndexDoc) -> None:
        """Index one document, replacing any earlier one with the same id."""
        if not isinstance(doc_id, int) or not 0 <= doc_id < 1 << 62:
            raise ValueError(f"document ids are non-negative integers, not {doc_id!r}")
        if doc_id in self._doc_slot:
            self.remove(doc_id)
        slot = len(self._slot_doc)
        month = _month(doc.date)
        self._slot_doc.append(doc_id)
        self._slot_month.append(month)
        self._doc_slot[doc_id] = slot
        self._live |= 1 << slot
        if self._ordered_end == slot and (slot == 0 or self._rank(slot - 1) < (month, doc_id)):
            self._ordered_end = slot + 1
        if self._months is not None:
            self._months[month] = self._months.get(month, 0) | 1 << slot
        self._index_doc(slot, doc)
        self._cache.clear()

    def add_many(self, items: Iterable[tuple[int, IndexDoc]]) -> None:
        """Index many documents; far faster than ``add`` one by one, and keeps ranking order."""
        batch = list(items)
        batch.sort(key=lambda item: (_month(item[1].date), item[0]))
        for n, (doc_id, doc) in enumerate(batch, 1):
            self.add(doc_id, doc)
            if n % _BULK_CHUNK == 0:
                self._freeze()
        self._freeze()

    def remove(self, doc_id: int) -> None:
        """Forget a document; unknown ids are ignored."""
        slot = self._doc_slot.pop(doc_id, None)
        if slot is None:
            return
        self._slot_doc[slot] = -1
        self._live &= ~(1 << slot)
        self._cache.clear()

    def _rank(self, slot: int) -> tuple[int, int]:
        return self._slot_month[slot], self._slot_doc[slot]

    def _fold_words(self, words: list[str]) -> list[str]:
        cache = self._fold_cache
        out = []
        for w in words:
            f = cache.get(w)
            if f is None:
                f = cache[w] = strip_diacritics(w)
            out.append(f)
        return out

    def _pair_buckets(self, folded: list[str]) -> set[int]:
        cache = self._hash_cache
        hashes = []
        for w in folded:
            h = cache.get(w)
            if h is None:
                h = cache[w] = zlib.crc32(w.encode())
            hashes.append(h)
        pairs = zip(hashes, hashes[1:], strict=False)
        return {((a * _PAIR_MULT) ^ b) & _PAIR_MASK for a, b in pairs}

    def _pair_bucket(self, first: str, second: str) -> int:
        a, b = zlib.crc32(first.encode()), zlib.crc32(second.encode())
        return ((a * _PAIR_MULT) ^ b) & _PAIR_MASK

    def _index_doc(self, slot: int, doc: IndexDoc) -> None:
        title = _lines(doc.title)
        body = _lines(doc.body)
        officials = [words for o in doc.officials for words in _lines(o)]
        # The name (with rank) comes before the first comma; it makes a hit rank higher.
        names = [words for o in doc.officials for words in _lines(o.split(",", 1)[0])]
        awards = [words for a in doc.awards for words in _lines(a)]
        author = _lines(doc.author) if doc.author else []
        segments = {
            "all": title + body + officials,
            "strong": title + names,
            "title": title,
            "official": officials,
            "award": awards,
            "author": author,
        }
        for name, lines in segments.items():
            if not lines:
                continue
            fld = self._fields[name]
            exact: set[str] = set()
            folded: set[str] = set()
            pairs: set[int] = set()
            for words in lines:
                if not words:
                    continue
                exact.update(words)
                f = self._fold_words(words)
                folded.update(f)
                if fld.pairs is not None and len(f) > 1:
                    pairs |= self._pair_buckets(f)
            fld.exact.add(exact, slot)
            fld.folded.add(folded, slot)
            if fld.pairs is not None:
                fld.pairs.add(pairs, slot)

    def _freeze(self) -> None:
        n = len(self._slot_doc)
        for fld in self._fields.values():
            fld.exact.freeze(n)
            fld.folded.freeze(n)
            if fld.pairs is not None:
                fld.pairs.freeze(n)

    # -- searching ------------------------------------------------------------------------------
    def _cached(self, cache_key: tuple, compute) -> int:
        cache = self._cache
        bm = cache.get(cache_key)
        if bm is None:
            bm = compute()
            cache[cache_key] = bm
            if len(cache) > _CACHE_SIZE:
                cache.popitem(last=False)
        else:
            cache.move_to_end(cache_key)
        return bm

    def _word_bitmap(self, field_name: str, word: Word) -> int:
        fld = self._fields[field_name]
        space = fld.exact if word.exact else fld.folded
        k = key(word.text) if word.exact else fold(word.text)
        if word.prefix:
            return self._cached((field_name, word.exact, True, k), lambda: space.prefix_bitmap(k))
        return self._cached((field_name, word.exact, False, k), lambda: space.bitmap(k))

    def _term_bitmap(self, term: Term, field_name: str | None = None) -> int:
        """Slots matching every word of the term, adjacent when it is a phrase."""
        field_name = field_name or term.field
        bm = -1
        for w in term.words:
            bm &= self._word_bitmap(field_name, w)
            if not bm:
                return 0
        fld = self._fields[field_name]
        if term.is_phrase and fld.pairs is not None:
            for first, second in zip(term.words, term.words[1:], strict=False):
                bm &= self._pair_bitmap(fld.pairs, fld.folded, first, second)
                if not bm:
                    return 0
        return bm

    def _pair_bitmap(self, pairs: Space, folded: Space, first: Word, second: Word) -> int:
        a = fold(first.text)
        b = fold(second.text)
        if not second.prefix:
            return pairs.bitmap(self._pair_bucket(a, b))
        # The word being typed: try the pairs with each word it can still become.
        candidates = folded.prefix_keys(b, _PREFIX_PAIR_LIMIT)
        if candidates is None:
            return -1  # too many to try: adjacency is not checked until more is typed
        return bitmaps.union(pairs.bitmap(self._pair_bucket(a, c)) for c in candidates)

    def _date_bitmap(self, start: int | None, end: int | None) -> int:
        if self._months is None:
            by_month: dict[int, list[int]] = {}
            for slot, month in enumerate(self._slot_month):
                by_month.setdefault(month, []).append(slot)
            self._months = {m: bitmaps.from_slots(s) for m, s in by_month.items()}
        lo = start if start is not None else 1
        hi = end if end is not None else 999999
        return bitmaps.union(bm for m, bm in self._months.items() if m and lo <= m <= hi)

    def _ranked_slots(self, bm: int) -> Iterator[int]:
        """Slots of ``bm`` newest first (month desc, then id desc)."""
        if bm <= 0:
            return iter(())
        oe = self._ordered_end
        tail = bm >> oe
        head = bm & ((1 << oe) - 1)
        if not tail:
            return bitmaps.slots_desc(head)
        late = sorted((s + oe for s in bitmaps.slots(tail)), key=self._rank, reverse=True)
        if not head:
            return iter(late)
        return heapq.merge(bitmaps.slots_desc(head), late, key=self._rank, reverse=True)

    def search(self, query: str | Query, limit: int | None = None) -> list[int]:
        """Ids of the documents matching ``query``, best first (see the module docs of query)."""
        q = parse_query(query) if isinstance(query, str) else query
        if q.is_empty() or limit is not None and limit <= 0:
            return []
        result = self._live
        for d in q.dates:
            if not d.negated:
                result &= self._date_bitmap(d.start, d.end)
        positive = q.positive
        for term in positive:
            if not result:
                return []
            result &= self._term_bitmap(term)
        for d in q.dates:
            if d.negated and result:
                result &= ~self._date_bitmap(d.start, d.end)
        for term in q.negative:
            if not result:
                return []
            result &= ~self._term_bitmap(term)
        if not result:
            return []
        # Rank tiers: how many plain terms hit the title or an official's name.
        plain = [t for t in positive if t.field == PLAIN]
        counter: list[int] = []  # bit-sliced count per slot
        for term in plain:
            carry = self._term_bitmap(term, "strong") & result
            for i in range(len(counter)):
                if not carry:
                    break
                counter[i], carry = counter[i] ^ carry, counter[i] & carry
            if carry:
                counter.append(carry)
        out: list[int] = []
        slot_doc = self._slot_doc
        for score in range(len(plain), -1, -1):
            tier = result
            for i, bits in enumerate(counter):
                tier &= bits if score >> i & 1 else ~bits
            if score >> len(counter):
                continue
            for slot in self._ranked_slots(tier):
                out.append(slot_doc[slot])
                if limit is not None and len(out) >= limit:
                    return out
        return out

    # -- persistence ----------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write the index to ``path`` atomically (temp file, fsync, rename)."""
        path = Path(path)
        self._freeze()
        state = {
            "slot_doc": self._slot_doc.tobytes(),
            "slot_month": self._slot_month.tobytes(),
            "ordered_end": self._ordered_end,
            "fields": {
                name: {
                    "exact": fld.exact.to_state(),
                    "folded": fld.folded.to_state(),
                    "pairs": fld.pairs.to_state() if fld.pairs is not None else None,
                }
                for name, fld in self._fields.items()
            },
        }
        payload = marshal.dumps(state)
        header = (
            _MAGIC
            + bytes([_VERSION])
            + len(payload).to_bytes(8, "little")
            + zlib.crc32(payload).to_bytes(4, "little")
        )
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(header)
                fh.write(payload)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        try:  # make the rename itself durable
            dir_fd = os.open(path.parent, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(dir_fd)
        except OSError:
            pass
        finally:
            os.close(dir_fd)

    @classmethod
    def load(cls, path: Path) -> SearchIndex:
        """Read an index written by ``save``; raise IndexFileError when it is missing or corrupt."""
        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise IndexFileError(path, f"cannot read the index ({exc.strerror or exc})") from None
        if len(raw) < _HEADER_LEN or not raw.startswith(_MAGIC):
            raise IndexFileError(path, "not a tui-reader search index")
        version = raw[len(_MAGIC)]
        if version != _VERSION:
            raise IndexFileError(path, f"index format {version} is not supported (rebuild it)")
        length = int.from_bytes(raw[len(_MAGIC) + 1 : len(_MAGIC) + 9], "little")
        crc = int.from_bytes(raw[len(_MAGIC) + 9 : _HEADER_LEN], "little")
        payload = memoryview(raw)[_HEADER_LEN:]
        if len(payload) != length:
            raise IndexFileError(path, "the index file is truncated")
        if zlib.crc32(payload) != crc:
            raise IndexFileError(path, "the index file is corrupt (checksum mismatch)")
        try:
            return cls._from_state(marshal.loads(payload))
        except (ValueError, TypeError, KeyError, EOFError, IndexError, AttributeError) as exc:
            raise IndexFileError(path, f"the index file is corrupt ({exc})") from None

    @classmethod
    def _from_state(cls, state: dict) -> SearchIndex:
        index = cls()
        index._slot_doc = array("q")
        index._slot_doc.frombytes(state["slot_doc"])
        index._slot_month = array("I")
        index._slot_month.frombytes(state["slot_month"])
        n = len(index._slot_doc)
        if len(index._slot_month) != n:
            raise ValueError("slot tables differ in length")
        ordered_end = state["ordered_end"]
        if not isinstance(ordered_end, int) or not 0 <= ordered_end <= n:
            raise ValueError("bad ordering mark")
        index._ordered_end = ordered_end
        live = [slot for slot, doc_id in enumerate(index._slot_doc) if doc_id >= 0]
        index._doc_slot = {index._slot_doc[s]: s for s in live}
        index._live = bitmaps.from_slots(live)
        for name in FIELDS:
            fs = state["fields"][name]
            fld = index._fields[name]
            fld.exact = Space.from_state(fs["exact"], int_keys=False)
            fld.folded = Space.from_state(fs["folded"], int_keys=False)
            fld.pairs = (
                Space.from_state(fs["pairs"], int_keys=True) if name in _PAIR_FIELDS else None
            )
        return index

    def memory_bytes(self) -> int:
        """Approximate bytes held by the postings and slot tables."""
        size = 12 * len(self._slot_doc) + 100 * len(self._doc_slot)
        for fld in self._fields.values():
            for space in (fld.exact, fld.folded, fld.pairs):
                if space is not None:
                    size += space.memory_bytes()
        return size
