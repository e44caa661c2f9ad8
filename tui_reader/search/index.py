"""The in-memory search index over articles, with atomic save and fast load.

Every document gets a slot (0, 1, 2, ...). Each field keeps postings of its exact words, its
folded (diacritic-free) words and the pairs of adjacent folded words (for phrases), all
answering bitmaps of slots (Python ints), so AND/OR/NOT run in C. Slots are assigned in ranking
order (month, then id) when documents arrive in bulk, so results come out best-first by walking
bitmaps from the top; documents added out of order are merged in by sorting the few of them.

A phrase is checked pair by pair: "a b c" needs "a b" and "b c" adjacent somewhere in the same
text, which is exact for two words and, rarely, too generous for three or more. A pair's key
is made of the CRC-32 of both folded words (see ``terms.pair_key``), so it needs no table.

Indexing comes in two halves: ``terms.index_terms`` (tokenising, folding, pair keys) needs no
index and can run in worker processes; ``add_terms``/``add_many_terms`` file its result under
a slot. ``add``/``add_many`` do both in the calling process.
Not thread-safe: callers serialise add/remove/save with search.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from itertools import compress, islice
from operator import itemgetter
from pathlib import Path

from tui_reader.search import bitmaps, indexfile
from tui_reader.search.indexfile import IndexFileError
from tui_reader.search.postings import DeltaSpace, Space
from tui_reader.search.query import PLAIN, Query, Term, Word, parse_query
from tui_reader.search.terms import (
    FIELDS,
    PAIR_FIELDS,
    IndexDoc,
    IndexTerms,
    index_terms,
    pair_key,
)
from tui_reader.text import fold, key

_PREFIX_PAIR_LIMIT = 64  # an unfinished last word of a phrase: at most this many pair lookups
_CACHE_SIZE = 256
_BULK_CHUNK = 25000  # add_many freezes this often so the overlay stays small
_TAIL_SORT_LIMIT = 2000  # out-of-order documents sorted per query; beyond, a ranking view


class _Field:
    __slots__ = ("exact", "folded", "pairs")

    def __init__(self, with_pairs: bool) -> None:
        self.exact = Space()
        self.folded = Space()
        self.pairs = DeltaSpace() if with_pairs else None


class SearchIndex:
    """Diacritic-aware full-text index of articles; see ``search`` for the query language."""

    def __init__(self) -> None:
        self._fields = {name: _Field(name in PAIR_FIELDS) for name in FIELDS}
        self._field_list = list(self._fields.values())  # in the order of FIELDS
        # slot -> doc id, -1 once removed; a list, so results are picked without new ints
        self._slot_doc: list[int] = []
        self._slot_month = array("I")  # slot -> YYYYMM, 0 when unknown
        self._doc_slot: dict[int, int] = {}
        self._live = 0  # bitmap of slots holding a current document
        self._ordered_end = 0  # slots below this are in ranking order
        self._cache: OrderedDict = OrderedDict()
        self._rank_cache: tuple | None = None  # (slot count, gatherer, doc ids) in rank order

    # -- size -----------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._doc_slot)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._doc_slot

    # -- building -------------------------------------------------------------------------------
    def add(self, doc_id: int, doc: IndexDoc) -> None:
        """Index one document, replacing any earlier one with the same id."""
        self.add_terms(doc_id, index_terms(doc))

    def add_terms(self, doc_id: int, terms: IndexTerms) -> None:
        """``add`` from the document's ``index_terms``, computed in any process."""
        if not isinstance(doc_id, int) or not 0 <= doc_id < 1 << 62:
            raise ValueError(f"document ids are non-negative integers, not {doc_id!r}")
        if doc_id in self._doc_slot:
            self.remove(doc_id)
        slot = len(self._slot_doc)
        month = terms.month
        self._slot_doc.append(doc_id)
        self._slot_month.append(month)
        self._doc_slot[doc_id] = slot
        self._live |= 1 << slot
        if self._ordered_end == slot and (slot == 0 or self._rank(slot - 1) < (month, doc_id)):
            self._ordered_end = slot + 1
        for fld, exact, folded, pairs in zip(
            self._field_list, terms.exact, terms.folded, terms.pairs, strict=True
        ):
            if exact:
                fld.exact.add_joined(exact, slot)
            if folded:
                fld.folded.add_joined(folded, slot)
            if pairs:
                fld.pairs.add_packed(pairs, slot)
        self._cache.clear()

    def add_many(self, items: Iterable[tuple[int, IndexDoc]]) -> None:
        """Index many documents; far faster than ``add`` one by one, and keeps ranking order."""
        self.add_many_terms((doc_id, index_terms(doc)) for doc_id, doc in items)

    def add_many_terms(self, items: Iterable[tuple[int, IndexTerms]], freeze: bool = True) -> None:
        """``add_many`` from ``index_terms`` results computed elsewhere (say, in workers).
        ``freeze=False`` leaves them in the overlay, to be merged by a later call or ``save``."""
        batch = list(items)
        batch.sort(key=lambda item: (item[1].month, item[0]))
        add = self.add_terms
        for n, (doc_id, terms) in enumerate(batch, 1):
            add(doc_id, terms)
            if n % _BULK_CHUNK == 0:
                self._freeze()
        if freeze:
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
        # The exact spaces hold only words with diacritics: an exact query word has some, and
        # keeps them in its key (the one letter whose lower case loses them, "İ", gains a
        # combining dot that no indexed word holds, so nothing is missed).
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
            return pairs.bitmap(pair_key(a, b))
        # The word being typed: try the pairs with each word it can still become.
        candidates = folded.prefix_keys(b, _PREFIX_PAIR_LIMIT)
        if candidates is None:
            return -1  # too many to try: adjacency is not checked until more is typed
        return bitmaps.union(pairs.bitmap(pair_key(a, c)) for c in candidates)

    def _date_bitmap(self, start: int | None, end: int | None) -> int:
        """Slots whose month is within start..end (None: open)."""
        lo = start if start is not None else 1
        hi = end if end is not None else 999999
        months = self._slot_month
        oe = self._ordered_end
        # Ranking order sorts the ordered slots by month: the range is one run of slots.
        a = bisect_left(months, lo, 0, oe)
        b = bisect_right(months, hi, 0, oe)
        bm = (1 << b) - (1 << a)
        late = [s for s in range(oe, len(months)) if lo <= months[s] <= hi]
        return bm | bitmaps.from_slots(late) if late else bm

    def _rank_view(self) -> tuple[Callable, list[int]]:
        """All slots in ranking order, as a gatherer of per-slot flags and the doc ids."""
        n = len(self._slot_doc)
        if self._rank_cache is None or self._rank_cache[0] != n:
            order = sorted(range(n), key=self._rank, reverse=True)
            self._rank_cache = (n, itemgetter(*order), [self._slot_doc[s] for s in order])
        return self._rank_cache[1], self._rank_cache[2]

    def _ranked_docs(self, bm: int) -> Iterator[int]:
        """Doc ids of the slots of ``bm``, newest first (month desc, then id desc)."""
        if bm <= 0:
            return iter(())
        oe = self._ordered_end
        n = len(self._slot_doc)
        tail = bm >> oe
        head = bm & ((1 << oe) - 1)
        if not tail:
            return bitmaps.select_desc(head, self._slot_doc)
        if n - oe > max(_TAIL_SORT_LIMIT, n >> 4):
            # Many documents arrived out of order: walk all slots in a ranking order kept
            # aside (in C, about 20 ns a slot) rather than sorting many hits per query.
            gather, docs = self._rank_view()
            flags = bitmaps.to_flags(bm)
            flags += bytes(max(0, n - len(flags)))
            return compress(docs, gather(flags))
        late = sorted((s + oe for s in bitmaps.slots(tail)), key=self._rank, reverse=True)
        if head:
            slots = heapq.merge(bitmaps.slots_desc(head), late, key=self._rank, reverse=True)
        else:
            slots = iter(late)
        return map(self._slot_doc.__getitem__, slots)

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
        for score in range(len(plain), -1, -1):
            tier = result
            for i, bits in enumerate(counter):
                tier &= bits if score >> i & 1 else ~bits
            if score >> len(counter):
                continue
            ranked = self._ranked_docs(tier)
            out.extend(ranked if limit is None else islice(ranked, limit - len(out)))
            if limit is not None and len(out) >= limit:
                break
        return out

    # -- persistence ----------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write the index to ``path`` atomically (temp file, fsync, rename)."""
        path = Path(path)
        self._freeze()
        out = indexfile.SectionWriter()
        table = {
            "slot_doc": out.put(array("q", self._slot_doc)),
            "slot_month": out.put(self._slot_month),
            "ordered_end": self._ordered_end,
            "fields": {
                name: {
                    "exact": fld.exact.to_state(out.put),
                    "folded": fld.folded.to_state(out.put),
                    "pairs": fld.pairs.to_state(out.put) if fld.pairs is not None else None,
                }
                for name, fld in self._fields.items()
            },
        }
        indexfile.write(path, table, out)

    @classmethod
    def load(cls, path: Path) -> SearchIndex:
        """Read an index written by ``save``; raise IndexFileError when it is missing or corrupt."""
        path = Path(path)
        table, section, release = indexfile.read(path)
        try:
            index = cls._from_state(table, section)
            release()
            return index
        except (
            ValueError,
            TypeError,
            KeyError,
            EOFError,
            IndexError,
            AttributeError,
            OverflowError,
            UnicodeDecodeError,
        ) as exc:
            raise IndexFileError(path, f"the index file is corrupt ({exc})") from None

    @classmethod
    def _from_state(cls, table: dict, section) -> SearchIndex:
        index = cls()
        index._slot_doc = section(table["slot_doc"], "q").tolist()
        index._slot_month = array("I", section(table["slot_month"], "I"))
        n = len(index._slot_doc)
        if len(index._slot_month) != n:
            raise ValueError("slot tables differ in length")
        ordered_end = table["ordered_end"]
        if not isinstance(ordered_end, int) or not 0 <= ordered_end <= n:
            raise ValueError("bad ordering mark")
        index._ordered_end = ordered_end
        live = [slot for slot, doc_id in enumerate(index._slot_doc) if doc_id >= 0]
        index._doc_slot = {index._slot_doc[s]: s for s in live}
        if len(index._doc_slot) != len(live):
            raise ValueError("a document id appears twice")
        index._live = bitmaps.from_slots(live)
        for name in FIELDS:
            fs = table["fields"][name]
            fld = index._fields[name]
            fld.exact = Space.from_state(fs["exact"], section)
            fld.folded = Space.from_state(fs["folded"], section)
            fld.pairs = (
                DeltaSpace.from_state(fs["pairs"], section) if fld.pairs is not None else None
            )
        return index

    def memory_bytes(self) -> int:
        """Approximate bytes held by the postings and slot tables."""
        size = 44 * len(self._slot_doc) + 100 * len(self._doc_slot)
        for fld in self._fields.values():
            for space in (fld.exact, fld.folded, fld.pairs):
                if space is not None:
                    size += space.memory_bytes()
        return size
