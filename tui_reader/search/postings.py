"""Postings of one kind of key (exact words, folded words or word-pair buckets) in one field.

A frozen part (sorted keys, offsets into one array of slots, frequent keys as bitmaps) is
compact and loads from disk in a few copies; a small overlay takes documents added since the
last ``freeze``. Lookups answer bitmaps of slots (see ``bitmaps``).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from itertools import repeat

from tui_reader.search import bitmaps

_MAX_CHAR = "\U0010ffff"


def _slot_array() -> array:
    return array("I")


class Space:
    """Sorted frozen postings plus an overlay; keys are all ``str`` or all ``int``."""

    def __init__(self, int_keys: bool = False) -> None:
        self.int_keys = int_keys
        self.keys: Sequence = array("Q") if int_keys else []  # frozen keys, sorted
        self.offsets = array("Q", [0])  # slots of keys[i] are data[offsets[i]:offsets[i + 1]]
        self.data = array("I")
        self.dense: dict[int, int] = {}  # key index -> bitmap, for keys in many documents
        self.dense_order: list[int] = []  # the indexes of ``dense``, sorted
        # key -> array of slots added since the last freeze
        self.extra: defaultdict = defaultdict(_slot_array)
        self._extra_keys: list | None = None  # sorted keys of ``extra``, built when needed

    # -- building -------------------------------------------------------------------------
    def add(self, keys: Iterable, slot: int) -> None:
        """Record that ``slot`` contains each of ``keys`` (distinct)."""
        # All in C: look up (or create) each key's array and append the slot to it.
        deque(map(array.append, map(self.extra.__getitem__, keys), repeat(slot)), maxlen=0)
        self._extra_keys = None

    def freeze(self, nslots: int) -> None:
        """Merge the overlay into the frozen part; keys found in many slots become bitmaps."""
        if not self.extra:
            return
        threshold = max(64, nslots >> 5)  # a bitmap costs nslots bits, an array 32 bits a slot
        old_keys, old_off, old_data, old_dense = self.keys, self.offsets, self.data, self.dense
        extra = self.extra
        merged = sorted(set(extra).union(old_keys) if len(old_keys) else extra)
        keys: list = []
        offsets = array("Q", [0])
        data = array("I")
        dense: dict[int, int] = {}
        j = 0
        n_old = len(old_keys)
        for k in merged:
            # Walk the old sorted keys alongside the merged ones.
            slots_old = None
            dense_old = None
            if j < n_old and old_keys[j] == k:
                if j in old_dense:
                    dense_old = old_dense[j]
                else:
                    slots_old = old_data[old_off[j] : old_off[j + 1]]
                j += 1
            new = extra.get(k)
            idx = len(keys)
            keys.append(k)
            if dense_old is not None:
                dense[idx] = dense_old | bitmaps.from_slots(new) if new else dense_old
            else:
                count = (len(slots_old) if slots_old else 0) + (len(new) if new else 0)
                if count > threshold:
                    bm = bitmaps.from_slots(slots_old) if slots_old else 0
                    dense[idx] = bm | bitmaps.from_slots(new) if new else bm
                else:
                    if slots_old:
                        data.extend(slots_old)
                    if new:
                        data.extend(new)
            offsets.append(len(data))
        self.keys = array("Q", keys) if self.int_keys else keys
        self.offsets, self.data, self.dense = offsets, data, dense
        self.dense_order = sorted(dense)
        self.extra = defaultdict(_slot_array)
        self._extra_keys = None

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
                bm = bitmaps.from_slots(self.data[self.offsets[i] : self.offsets[i + 1]])
        if self.extra:
            new = self.extra.get(k)
            if new:
                bm |= bitmaps.from_slots(new)
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
        if self.extra:
            parts = [self.extra[k] for k in self._extra_sorted_range(prefix)]
            if parts:
                joined = _slot_array()
                for p in parts:
                    joined.extend(p)
                bm |= bitmaps.from_slots(joined)
        return bm

    def _extra_sorted_range(self, prefix: str) -> list:
        if not self.extra:
            return []
        if self._extra_keys is None:
            self._extra_keys = sorted(self.extra)
        ek = self._extra_keys
        return ek[bisect_left(ek, prefix) : bisect_left(ek, prefix + _MAX_CHAR)]

    # -- persistence --------------------------------------------------------------------------
    def to_state(self) -> dict:
        """A marshal-able snapshot of the frozen part (call ``freeze`` first)."""
        order = self.dense_order
        blobs = [self.dense[i].to_bytes((self.dense[i].bit_length() + 7) >> 3, "little")
                 for i in order]  # fmt: skip
        return {
            "keys": self.keys.tobytes() if self.int_keys else "\x00".join(self.keys),
            "offsets": self.offsets.tobytes(),
            "data": self.data.tobytes(),
            "dense_index": array("I", order).tobytes(),
            "dense_len": array("Q", map(len, blobs)).tobytes(),
            "dense_blob": b"".join(blobs),
        }

    @classmethod
    def from_state(cls, state: dict, int_keys: bool) -> Space:
        """Rebuild from ``to_state``; raises ValueError when the pieces do not fit together."""
        space = cls(int_keys)
        if int_keys:
            keys = array("Q")
            keys.frombytes(state["keys"])
        else:
            text = state["keys"]
            if not isinstance(text, str):
                raise ValueError("keys are not text")
            keys = text.split("\x00") if text else []
        offsets = array("Q")
        offsets.frombytes(state["offsets"])
        data = array("I")
        data.frombytes(state["data"])
        order = array("I")
        order.frombytes(state["dense_index"])
        lengths = array("Q")
        lengths.frombytes(state["dense_len"])
        blob = state["dense_blob"]
        if len(offsets) != len(keys) + 1 or offsets[0] != 0 or offsets[-1] != len(data):
            raise ValueError("postings offsets do not match their data")
        if len(order) != len(lengths) or sum(lengths) != len(blob):
            raise ValueError("dense postings do not match their data")
        if order and order[-1] >= len(keys):
            raise ValueError("dense postings point past the keys")
        dense = {}
        pos = 0
        for i, n in zip(order, lengths, strict=True):
            dense[i] = int.from_bytes(blob[pos : pos + n], "little")
            pos += n
        space.keys, space.offsets, space.data = keys, offsets, data
        space.dense, space.dense_order = dense, list(order)
        return space

    def memory_bytes(self) -> int:
        """Approximate bytes held (arrays and bitmaps; key strings estimated)."""
        size = self.offsets.itemsize * len(self.offsets) + 4 * len(self.data)
        size += sum((bm.bit_length() + 7) >> 3 for bm in self.dense.values())
        if self.int_keys:
            size += 8 * len(self.keys)
        else:
            size += sum(len(k) + 57 for k in self.keys)
        size += sum(4 * len(a) + 64 for a in self.extra.values())
        return size
