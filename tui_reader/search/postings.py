"""Postings of one kind of key (exact words, folded words or word pairs) in one field.

A frozen part (sorted keys, offsets into one array of slots, frequent keys as bitmaps) is
compact and loads from disk in a few copies; a small overlay takes documents added since the
last ``freeze``. Lookups answer bitmaps of slots (see ``bitmaps``). New documents always take
higher slots, so a freeze appends to runs: it walks only the keys the overlay touches and
copies the rest in blocks.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from functools import partial
from itertools import accumulate, chain, repeat
from operator import add, sub

from tui_reader.search import bitmaps
from tui_reader.search.terms import SEP
from tui_reader.speedups import module as _speedups

_MAX_CHAR = "\U0010ffff"
_PREFIX_MAX = 6  # prefixes up to this length may be precomputed...
_PREFIX_SLOTS = 8000  # ...when their rare keys hold more slots than this
_PREFIX_DENSE = 24  # ...or they cover more frequent (bitmap) keys than this


_slot_array = partial(array, "I")  # a new, empty array of slots


def _view(code: str, raw: bytes) -> memoryview:
    """Native numbers in ``raw``, read in place."""
    return memoryview(raw).cast(code)


def _bitmaps_of(lengths: Sequence[int], blob: memoryview) -> list[memoryview]:
    """Bitmaps stored one after another in ``blob``, with their byte lengths (still bytes)."""
    if sum(lengths) != len(blob):
        raise ValueError("bitmaps do not match their data")
    out = []
    pos = 0
    for n in lengths:
        out.append(blob[pos : pos + n])
        pos += n
    return out


def _bitmap_bytes(bm: int | memoryview) -> bytes | memoryview:
    return bm if isinstance(bm, memoryview) else bm.to_bytes((bm.bit_length() + 7) >> 3, "little")


class _Bitmaps(dict):
    """Key -> bitmap. Bitmaps of a loaded index stay bytes in the file until first used,
    so loading does not copy them and unused ones cost nothing."""

    def __getitem__(self, k) -> int:
        bm = dict.__getitem__(self, k)
        if isinstance(bm, memoryview):
            bm = int.from_bytes(bm, "little")
            self[k] = bm
        return bm

    def get(self, k, default=None):
        try:
            return self[k]
        except KeyError:
            return default

    def nbytes(self) -> int:
        return sum(len(_bitmap_bytes(bm)) for bm in dict.values(self))


class _Store:
    """Slots of consecutive keys being frozen, as plain 32-bit slots."""

    def __init__(self) -> None:
        self.offsets = array("Q", [0])
        self.data = array("I")

    def append(self, slots: Sequence[int]) -> None:
        if isinstance(slots, memoryview):
            self.data.frombytes(slots.cast("B"))  # a run of a loaded index: copy it as it is
        else:
            self.data.extend(slots)
        self.offsets.append(len(self.data))


class _DeltaStore:
    """Slots of consecutive keys as the first slot and the gaps, each key's gaps in the
    narrowest of 1, 2 or 4 bytes (word pairs are many and mostly rare: this halves them)."""

    def __init__(self) -> None:
        self.offsets = array("Q", [0])  # byte offsets into ``blob``
        self.firsts = array("I")
        self.lasts = array("I")  # the last slot of each key: new slots extend from it
        self.widths = array("B")
        self.blob = bytearray()

    def append(self, slots: Sequence[int]) -> None:
        if len(slots) < 2:  # most word pairs occur in a single document
            self.firsts.append(slots[0] if slots else 0)
            self.lasts.append(slots[0] if slots else 0)
            self.widths.append(1)
            self.offsets.append(len(self.blob))
            return
        self.firsts.append(slots[0])
        self.lasts.append(slots[-1])
        gaps = list(map(sub, slots[1:], slots[:-1]))
        top = max(gaps)
        width = 1 if top < 1 << 8 else 2 if top < 1 << 16 else 4
        self.widths.append(width)
        # Runs are not aligned: memoryview reads unaligned items safely (by copying).
        self.blob.extend(array(_WIDTH_CODES[width], gaps).tobytes())
        self.offsets.append(len(self.blob))

    def append_raw(self, first: int, last: int, width: int, run) -> None:
        self.firsts.append(first)
        self.lasts.append(last)
        self.widths.append(width)
        self.blob += run
        self.offsets.append(len(self.blob))


_WIDTH_CODES = {1: "B", 2: "H", 4: "I"}


class Space:
    """Sorted frozen postings plus an overlay; keys are all ``str`` or all ``int``."""

    def __init__(self, int_keys: bool = False) -> None:
        self.int_keys = int_keys
        self.keys: Sequence = array("Q") if int_keys else []  # frozen keys, sorted
        self.offsets = array("Q", [0])  # slots of keys[i] are data[offsets[i]:offsets[i + 1]]
        self.data = array("I")
        self.dense = _Bitmaps()  # key index -> bitmap, for keys in many documents
        self.dense_order: list[int] = []  # the indexes of ``dense``, sorted
        # prefix -> bitmap of the frozen part, for prefixes too costly to gather per query
        self.prefixes = _Bitmaps()
        # key -> array of slots added since the last freeze
        self.extra: defaultdict = defaultdict(_slot_array)
        self._extra_keys: list | None = None  # sorted keys of ``extra``, built when needed
        # with the compiled helpers: (keys joined by SEP, slot) not yet filed in ``extra``;
        # they are grouped all at once in C when ``extra`` is next read
        self._staged_words: list[tuple[str, int]] = []

    @property
    def extra(self) -> defaultdict:
        if self._staged_words:
            self._file_staged_words()
        return self._extra

    @extra.setter
    def extra(self, value: defaultdict) -> None:
        self._extra = value

    # -- building -------------------------------------------------------------------------
    def add(self, keys: Iterable, slot: int) -> None:
        """Record that ``slot`` contains each of ``keys`` (distinct)."""
        # All in C: look up (or create) each key's array and append the slot to it.
        deque(map(array.append, map(self.extra.__getitem__, keys), repeat(slot)), maxlen=0)
        self._extra_keys = None

    def add_joined(self, joined: str, slot: int) -> None:
        """``add`` of distinct (string) keys joined by ``SEP``."""
        if _speedups is None:
            self.add(joined.split(SEP), slot)
        else:
            self._staged_words.append((joined, slot))
            self._extra_keys = None

    def _file_staged_words(self) -> None:
        """File the staged keys in ``extra``, as ``add`` would have one document at a time."""
        staged = self._staged_words
        self._staged_words = []
        extra = self._extra
        for k, raw in _speedups.group_words(staged, SEP).items():
            extra[k].frombytes(raw)  # (a new key gets an empty array first)

    def freeze(self, nslots: int) -> None:
        """Merge the overlay into the frozen part; keys found in many slots become bitmaps.

        Work is in proportion to the keys the overlay touches: runs of untouched keys are
        copied as whole blocks, and a touched key's old run is extended, not decoded."""
        if not self.extra:
            return
        threshold = max(64, nslots >> 5)  # a bitmap costs nslots bits, an array 32 bits a slot
        extra = self.extra
        old_keys = self.keys
        n_old = len(old_keys)
        old_dense = self.dense
        dense_order = self.dense_order
        n_dense = len(dense_order)
        keys: list = []
        out = self._new_store()
        dense = _Bitmaps()
        j = 0  # old keys below j are done
        d = 0  # dense_order[d:] are the old dense keys not yet done
        new_keys = sorted(extra)
        # bitmaps of the new slots of keys that are dense, kept for the prefixes (words only)
        fresh: dict | None = None if self.int_keys else {}
        for k in new_keys:
            # Touched keys often follow one another: look at the next old key before searching.
            p = j if j >= n_old or old_keys[j] >= k else bisect_left(old_keys, k, j + 1)
            if p > j:
                # A block of untouched keys: copy keys, runs and bitmaps as they are.
                shift = len(keys) - j
                keys.extend(old_keys[j:p])
                self._copy_block(j, p, out)
                while d < n_dense and dense_order[d] < p:
                    i = dense_order[d]
                    dense[i + shift] = dict.__getitem__(old_dense, i)
                    d += 1
                j = p
            new = extra[k]
            idx = len(keys)
            keys.append(k)
            if p < n_old and old_keys[p] == k:
                j = p + 1
                if d < n_dense and dense_order[d] == p:
                    d += 1
                    bm = bitmaps.from_sorted(new)
                    dense[idx] = old_dense[p] | bm
                    out.append(())
                    if fresh is not None:
                        fresh[k] = bm
                else:
                    bm = self._extend_run(p, new, threshold, out)
                    if bm is not None:
                        dense[idx] = bm
            elif len(new) > threshold:
                dense[idx] = bm = bitmaps.from_sorted(new)
                out.append(())
                if fresh is not None:
                    fresh[k] = bm
            else:
                out.append(new)
        if j < n_old:
            shift = len(keys) - j
            keys.extend(old_keys[j:])
            self._copy_block(j, n_old, out)
            for i in dense_order[d:]:
                dense[i + shift] = dict.__getitem__(old_dense, i)
        self.keys = array("Q", keys) if self.int_keys else keys
        self._set_store(out)
        self.dense = dense
        self.dense_order = sorted(dense)
        self.extra = defaultdict(_slot_array)
        self._extra_keys = None
        if not self.int_keys:
            self._build_prefixes(new_keys, extra, fresh)

    def _build_prefixes(
        self, new_keys: Sequence = (), new: dict | None = None, fresh: dict | None = None
    ) -> None:
        """Precompute the bitmaps of short prefixes that cover many slots or frequent keys.

        A prefix precomputed before the merge of ``new`` (sorted ``new_keys`` -> slots) only
        gains the new keys' slots: cheaper than gathering all of its keys again."""
        rare: dict[str, int] = {}
        dense_keys: dict[str, int] = {}
        offsets, dense = self.offsets, self.dense
        for i, k in enumerate(self.keys):
            heads = [k[:n] for n in range(1, min(len(k), _PREFIX_MAX) + 1)]
            if i in dense:
                for h in heads:
                    dense_keys[h] = dense_keys.get(h, 0) + 1
            else:
                size = offsets[i + 1] - offsets[i]
                for h in heads:
                    rare[h] = rare.get(h, 0) + size
        heavy = {h for h, n in rare.items() if n > _PREFIX_SLOTS}
        heavy.update(h for h, n in dense_keys.items() if n > _PREFIX_DENSE)
        old = self.prefixes
        prefixes = _Bitmaps()
        grown = {h for h in heavy if h in old} if new is not None else set()
        # The new slots of a prefix are those of its longer grown prefixes plus those of the
        # remaining keys: longest first, so each new slot is gathered once, not once a length.
        children: dict[str, list[str]] = {}
        for h in grown:
            if len(h) > 1 and h[:-1] in grown:
                children.setdefault(h[:-1], []).append(h)
        fresh = fresh or {}
        gained: dict[str, int] = {}
        for h in sorted(grown, key=len, reverse=True):
            joined = _slot_array()
            bm = 0
            pos = bisect_left(new_keys, h)
            spans = []  # runs of new keys under ``h`` but under none of its grown children
            for child in sorted(children.get(h, ())):
                lo = bisect_left(new_keys, child, pos)
                spans.append(new_keys[pos:lo])
                bm |= gained[child]
                pos = bisect_left(new_keys, child + _MAX_CHAR, lo)
            spans.append(new_keys[pos : bisect_left(new_keys, h + _MAX_CHAR, pos)])
            for k in chain.from_iterable(spans):
                # A frequent key's new slots are a bitmap already: OR it, not its slots.
                done = fresh.get(k)
                if done is None:
                    joined.extend(new[k])
                else:
                    bm |= done
            gained[h] = bm | bitmaps.from_slots(joined)
        for h in sorted(heavy):
            if h in grown:
                prefixes[h] = old[h] | gained[h]
            else:
                prefixes[h] = self._frozen_prefix_bitmap(h)
        self.prefixes = prefixes

    # -- storage of the frozen slots -------------------------------------------------------
    def _frozen_slots(self, i: int) -> Sequence[int]:
        return self.data[self.offsets[i] : self.offsets[i + 1]]

    def _new_store(self) -> _Store:
        return _Store()

    def _copy_block(self, lo: int, hi: int, store: _Store) -> None:
        """Copy the runs of frozen keys lo..hi-1 to ``store`` in one piece."""
        a, b = self.offsets[lo], self.offsets[hi]
        base = len(store.data)
        store.data.frombytes(memoryview(self.data)[a:b].cast("B"))
        store.offsets.extend(map(add, self.offsets[lo + 1 : hi + 1], repeat(base - a)))

    def _extend_run(self, i: int, new: array, threshold: int, store: _Store) -> int | None:
        """Store frozen key ``i``'s run followed by ``new``; the bitmap instead when long."""
        run = self.data[self.offsets[i] : self.offsets[i + 1]]
        if len(run) + len(new) > threshold:
            store.append(())
            return bitmaps.from_sorted(run) | bitmaps.from_sorted(new)
        store.data.frombytes(memoryview(run).cast("B"))
        store.append(new)
        return None

    def _set_store(self, store: _Store) -> None:
        self.offsets, self.data = store.offsets, store.data

    def _store_bytes(self) -> int:
        return 8 * len(self.offsets) + 4 * len(self.data)

    # -- lookups ----------------------------------------------------------------------------
    def _index(self, k) -> int:
        keys = self.keys
        i = bisect_left(keys, k)
        return i if i < len(keys) and keys[i] == k else -1

    def bitmap(self, k) -> int:
        """Slots containing key ``k``."""
        bm = 0
        i = self._index(k)
        if i >= 0:
            bm = self.dense.get(i)
            if bm is None:
                bm = bitmaps.from_sorted(self._frozen_slots(i))
        if self.extra:
            new = self.extra.get(k)
            if new:
                bm |= bitmaps.from_sorted(new)
        return bm

    def prefix_range(self, prefix: str) -> tuple[int, int]:
        """Indexes lo..hi of the frozen keys starting with ``prefix``."""
        keys = self.keys
        return bisect_left(keys, prefix), bisect_left(keys, prefix + _MAX_CHAR)

    def prefix_keys(self, prefix: str, limit: int) -> list[str] | None:
        """The keys starting with ``prefix`` (frozen and overlay); None when over ``limit``."""
        lo, hi = self.prefix_range(prefix)
        found = set(self.keys[lo:hi]) if hi - lo <= limit else None
        if found is None:
            return None
        for k in self._extra_sorted_range(prefix):
            found.add(k)
        return sorted(found) if len(found) <= limit else None

    def prefix_bitmap(self, prefix: str) -> int:
        """Slots containing any key that starts with ``prefix``."""
        bm = self.prefixes.get(prefix)
        if bm is None:
            bm = self._frozen_prefix_bitmap(prefix)
        if self.extra:
            parts = [self.extra[k] for k in self._extra_sorted_range(prefix)]
            if parts:
                joined = _slot_array()
                for p in parts:
                    joined.extend(p)
                bm |= bitmaps.from_slots(joined)
        return bm

    def _frozen_prefix_bitmap(self, prefix: str) -> int:
        lo, hi = self.prefix_range(prefix)
        bm = 0
        if hi > lo:
            d_lo = bisect_left(self.dense_order, lo)
            d_hi = bisect_left(self.dense_order, hi)
            dense = self.dense
            for i in self.dense_order[d_lo:d_hi]:
                bm |= dense[i]
            # Dense keys own no range of ``data``, so the rest is one contiguous slice.
            bm |= bitmaps.from_slots(self.data[self.offsets[lo] : self.offsets[hi]])
        return bm

    def _extra_sorted_range(self, prefix: str) -> list:
        if not self.extra:
            return []
        if self._extra_keys is None:
            self._extra_keys = sorted(self.extra)
        ek = self._extra_keys
        return ek[bisect_left(ek, prefix) : bisect_left(ek, prefix + _MAX_CHAR)]

    # -- persistence --------------------------------------------------------------------------
    # ``put`` stores a binary section and returns its number; ``section(n, code)`` gives it
    # back as a memoryview, used in place (see ``indexfile``).
    def _store_state(self, put) -> dict:
        return {"offsets": put(self.offsets), "data": put(self.data)}

    def _load_store(self, state: dict, section, nkeys: int) -> None:
        offsets = section(state["offsets"], "Q")
        data = section(state["data"], "I")
        if len(offsets) != nkeys + 1 or offsets[0] != 0 or offsets[-1] != len(data):
            raise ValueError("postings offsets do not match their data")
        self.offsets, self.data = offsets, data

    def to_state(self, put) -> dict:
        """A snapshot of the frozen part (call ``freeze`` first): small values and sections."""
        order = self.dense_order
        blobs = [_bitmap_bytes(dict.__getitem__(self.dense, i)) for i in order]
        keys = self.keys if self.int_keys else "\x00".join(self.keys).encode()
        heads = list(self.prefixes)
        head_blobs = [_bitmap_bytes(bm) for bm in dict.values(self.prefixes)]
        return {
            "prefix_keys": "\x00".join(heads),
            "prefix_len": put(array("Q", map(len, head_blobs))),
            "prefix_blob": put(b"".join(head_blobs)),
            "keys": put(keys),
            "nkeys": len(self.keys),
            **self._store_state(put),
            "dense_index": put(array("I", order)),
            "dense_len": put(array("Q", map(len, blobs))),
            "dense_blob": put(b"".join(blobs)),
        }

    @classmethod
    def from_state(cls, state: dict, section) -> Space:
        """Rebuild from ``to_state``; raises ValueError when the pieces do not fit together."""
        space = cls()
        nkeys = state["nkeys"]
        if space.int_keys:
            keys = section(state["keys"], "Q")
        else:
            text = bytes(section(state["keys"], "B")).decode()
            keys = text.split("\x00") if nkeys else []
        if len(keys) != nkeys:
            raise ValueError("the number of keys does not match")
        space._load_store(state, section, nkeys)
        order = section(state["dense_index"], "I")
        lengths = section(state["dense_len"], "Q")
        blob = section(state["dense_blob"], "B")
        if len(order) != len(lengths) or sum(lengths) != len(blob):
            raise ValueError("dense postings do not match their data")
        if order and order[-1] >= nkeys:
            raise ValueError("dense postings point past the keys")
        dense = _Bitmaps(zip(order, _bitmaps_of(lengths, blob), strict=True))
        space.keys = keys
        space.dense, space.dense_order = dense, list(order)
        heads = state["prefix_keys"].split("\x00") if state["prefix_keys"] else []
        space.prefixes = _Bitmaps(
            zip(heads, _bitmaps_of(section(state["prefix_len"], "Q"),
                                   section(state["prefix_blob"], "B")), strict=True)
        )  # fmt: skip
        return space

    def memory_bytes(self) -> int:
        """Approximate bytes held (arrays and bitmaps; key strings estimated)."""
        size = self._store_bytes()
        size += self.dense.nbytes() + self.prefixes.nbytes()
        if self.int_keys:
            size += 8 * len(self.keys)  # a loaded index maps these from the file
        else:
            size += sum(len(k) + 57 for k in self.keys)
        size += sum(4 * len(a) + 64 for a in self.extra.values())
        return size


class DeltaSpace(Space):
    """A Space of integer keys whose frozen slots are stored as gaps (see ``_DeltaStore``).

    With the compiled helpers, documents' keys arrive packed (``add_packed``) and wait in a
    list until ``freeze`` groups and merges them all in C; lookups group them first. Without,
    they go through the overlay of ``Space`` one by one, with the same results."""

    def __init__(self) -> None:
        super().__init__(int_keys=True)
        self.firsts = array("I")
        self.lasts = array("I")
        self.widths = array("B")
        self.blob = b""
        self._staged: list[tuple[bytes, int]] = []  # (packed keys, slot) not yet grouped
        self._grouped: tuple | None = None  # the staged keys grouped: (keys, offsets, slots)

    def add(self, keys: Iterable, slot: int) -> None:
        if _speedups is None:
            super().add(keys, slot)
        else:  # staged like packed keys, so that ``freeze`` merges everything in one place
            self.add_packed(array("Q", keys).tobytes(), slot)

    def add_packed(self, packed: bytes, slot: int) -> None:
        """``add`` of distinct keys packed as native uint64."""
        if _speedups is None:
            super().add(memoryview(packed).cast("Q"), slot)
        else:
            self._staged.append((packed, slot))
            self._grouped = None

    def _group(self) -> tuple[Sequence[int], Sequence[int], Sequence[int]]:
        """The staged keys, sorted and distinct, with each one's slots (see ``group_pairs``)."""
        if self._grouped is None:
            keys, offsets, slots = _speedups.group_pairs(self._staged)
            self._grouped = (_view("Q", keys), _view("Q", offsets), _view("I", slots))
        return self._grouped

    def _staged_slots(self, k: int) -> Sequence[int]:
        keys, offsets, slots = self._group()
        i = bisect_left(keys, k)
        if i < len(keys) and keys[i] == k:
            return slots[offsets[i] : offsets[i + 1]]
        return ()

    def bitmap(self, k) -> int:
        bm = super().bitmap(k)
        if self._staged:
            new = self._staged_slots(k)
            if new:
                bm |= bitmaps.from_sorted(new)
        return bm

    def freeze(self, nslots: int) -> None:
        if not self._staged:
            super().freeze(nslots)
            return
        new_keys, new_offsets, new_slots = self._group()
        old_dense = self.dense
        keys, offsets, firsts, lasts, widths, blob, actions = _speedups.merge_runs(
            self.keys, self.offsets, self.firsts, self.lasts, self.widths, self.blob,
            array("I", self.dense_order), new_keys, new_offsets, new_slots,
            max(64, nslots >> 5),  # as in ``Space.freeze``
        )  # fmt: skip
        dense = _Bitmaps()
        for idx, old, lo, hi in actions:
            if lo < 0:  # an untouched frequent key: its bitmap as it is (maybe still bytes)
                dense[idx] = dict.__getitem__(old_dense, old)
                continue
            bm = bitmaps.from_sorted(new_slots[lo:hi])
            if old >= 0:
                old_dense_bm = old_dense.get(old)
                if old_dense_bm is None:
                    old_dense_bm = bitmaps.from_sorted(self._frozen_slots(old))
                bm |= old_dense_bm
            dense[idx] = bm
        # the new runs stay in the bytes written for them, as a loaded index's stay in its file
        self.keys = _view("Q", keys)
        self.offsets = _view("Q", offsets)
        self.firsts = _view("I", firsts)
        self.lasts = _view("I", lasts)
        self.widths = _view("B", widths)
        self.blob = blob
        self.dense = dense
        self.dense_order = sorted(dense)
        self._staged = []
        self._grouped = None

    def memory_bytes(self) -> int:
        return super().memory_bytes() + sum(len(p) + 80 for p, _ in self._staged)

    def _frozen_slots(self, i: int) -> Sequence[int]:
        a, b = self.offsets[i], self.offsets[i + 1]
        gaps = memoryview(self.blob)[a:b].cast(_WIDTH_CODES[self.widths[i]])
        return list(accumulate(gaps, initial=self.firsts[i]))

    def _new_store(self) -> _DeltaStore:
        return _DeltaStore()

    def _copy_block(self, lo: int, hi: int, store: _DeltaStore) -> None:
        a, b = self.offsets[lo], self.offsets[hi]
        base = len(store.blob)
        store.blob += memoryview(self.blob)[a:b]
        store.offsets.extend(map(add, self.offsets[lo + 1 : hi + 1], repeat(base - a)))
        store.firsts.frombytes(memoryview(self.firsts)[lo:hi].cast("B"))
        store.lasts.frombytes(memoryview(self.lasts)[lo:hi].cast("B"))
        store.widths.frombytes(memoryview(self.widths[lo:hi]).cast("B"))

    def _extend_run(self, i: int, new: array, threshold: int, store: _DeltaStore) -> int | None:
        a, b = self.offsets[i], self.offsets[i + 1]
        width = self.widths[i]
        first = self.firsts[i]
        if (b - a) // width + 1 + len(new) > threshold:
            store.append(())
            return bitmaps.from_sorted(self._frozen_slots(i)) | bitmaps.from_sorted(new)
        # New slots all come after the old ones: the old gaps stay, widened only when a new
        # gap needs more bytes.
        step = new[0] - self.lasts[i]
        more = [step, *map(sub, new[1:], new[:-1])] if len(new) > 1 else [step]
        top = max(more)
        need = 1 if top < 1 << 8 else 2 if top < 1 << 16 else 4
        if need <= width:
            store.blob += memoryview(self.blob)[a:b]
        else:
            if b > a:
                gaps = memoryview(self.blob)[a:b].cast(_WIDTH_CODES[width])
                store.blob += array(_WIDTH_CODES[need], gaps)
            width = need
        store.append_raw(first, new[-1], width, array(_WIDTH_CODES[width], more))
        return None

    def _set_store(self, store: _DeltaStore) -> None:
        self.offsets, self.firsts, self.widths = store.offsets, store.firsts, store.widths
        self.lasts = store.lasts
        self.blob = store.blob  # never resized again: a new store takes the next merge

    def _store_bytes(self) -> int:
        return 17 * len(self.firsts) + len(self.blob)

    def _store_state(self, put) -> dict:
        return {
            "offsets": put(self.offsets),
            "firsts": put(self.firsts),
            "lasts": put(self.lasts),
            "widths": put(self.widths),
            "blob": put(self.blob),
        }

    def _load_store(self, state: dict, section, nkeys: int) -> None:
        offsets = section(state["offsets"], "Q")
        firsts = section(state["firsts"], "I")
        lasts = section(state["lasts"], "I")
        widths = section(state["widths"], "B")
        blob = section(state["blob"], "B")
        if len(offsets) != nkeys + 1 or offsets[0] != 0 or offsets[-1] != len(blob):
            raise ValueError("postings offsets do not match their data")
        if len(firsts) != nkeys or len(lasts) != nkeys or len(widths) != nkeys:
            raise ValueError("postings widths do not match their keys")
        if set(widths) - {1, 2, 4}:
            raise ValueError("postings widths do not match their keys")
        self.offsets, self.firsts, self.widths, self.blob = offsets, firsts, widths, blob
        self.lasts = lasts
