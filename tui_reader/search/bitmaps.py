"""Sets of document slots as Python ints (bit i = slot i), converted in bulk at C speed.

Python's big-int ``&``, ``|`` and ``& ~`` run in C over machine words, so AND/OR of two sets of
100,000 slots costs microseconds; the conversions below avoid per-slot Python bytecode.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, compress, repeat
from operator import setitem, sub

from tui_reader.speedups import module as _speedups

# byte value -> its 8 bits as 8 bytes of 0/1, lowest bit first
_UNPACK = [bytes((b >> i) & 1 for i in range(8)) for b in range(256)]
_SMALL = 48  # below this many slots, setting bits one by one beats the bulk path
_SHIFT_FROM = 1 << 14  # from_slots starts at the lowest slot when it is at least this
_CHUNK = 2048  # bytes of bitmap unpacked at a time when walking slots from the top


def from_slots(slots: Sequence[int]) -> int:
    """The bitmap of the given slots (any order, duplicates allowed)."""
    n = len(slots)
    if n == 0:
        return 0
    if n >= _SMALL and _speedups is not None and _is_uint32_buffer(slots):
        return int.from_bytes(_speedups.bitmap_bytes(slots), "little")
    if n < _SMALL:
        bm = 0
        for s in slots:
            bm |= 1 << s
        return bm
    low = min(slots)
    if low >= _SHIFT_FROM:
        # Slots high up (say, the newest documents): build from the lowest one, then shift,
        # so the work follows the span of the slots rather than their top.
        return from_slots(list(map(sub, slots, repeat(low)))) << low
    # The bitmap as binary digits, highest slot first, read by int() in C: cheaper than
    # packing bytes of flags. operator.setitem is a fast call, unlike flags.__setitem__.
    top = max(slots)
    digits = bytearray(b"0") * (top + 1)
    deque(map(setitem, repeat(digits), slots, repeat(49)), maxlen=0)  # 49: "1"
    digits.reverse()
    return int(digits, 2)


def _is_uint32_buffer(slots: object) -> bool:
    """An array or memoryview of native uint32, which the compiled twin reads directly."""
    return (type(slots) is array and slots.typecode == "I") or (
        type(slots) is memoryview and slots.format == "I"
    )


def from_sorted(slots: Sequence[int]) -> int:
    """The bitmap of slots in ascending order; the work follows their span, not their top."""
    if len(slots) < _SMALL or (_speedups is not None and _is_uint32_buffer(slots)):
        return from_slots(slots)
    low = slots[0]
    digits = bytearray(b"0") * (slots[-1] - low + 1)
    offsets = map(sub, slots, repeat(low)) if low else slots
    deque(map(setitem, repeat(digits), offsets, repeat(49)), maxlen=0)
    digits.reverse()
    return int(digits, 2) << low


def to_flags(bm: int) -> bytes:
    """One byte (0 or 1) per slot from 0 up to the highest set bit."""
    raw = bm.to_bytes((bm.bit_length() + 7) >> 3, "little")
    return b"".join(map(_UNPACK.__getitem__, raw))


def slots(bm: int) -> list[int]:
    """The set slots in ascending order."""
    flags = to_flags(bm)
    return list(compress(range(len(flags)), flags))


def slots_desc(bm: int) -> Iterator[int]:
    """The set slots from the highest down, unpacking lazily so a short prefix is cheap."""
    if bm <= 0:
        return iter(())
    raw = bm.to_bytes((bm.bit_length() + 7) >> 3, "little")

    def chunk(end: int) -> Iterator[int]:
        start = max(0, end - _CHUNK)
        flags = b"".join(map(_UNPACK.__getitem__, raw[start:end]))
        return compress(range(end * 8 - 1, start * 8 - 1, -1), flags[::-1])

    # chain/map/compress keep the per-slot work in C; a generator would not.
    return chain.from_iterable(map(chunk, range(len(raw), 0, -_CHUNK)))


def select_desc(bm: int, values: list) -> Iterator:
    """``values[slot]`` for the set slots from the highest down (values covers every slot)."""
    if bm <= 0:
        return iter(())
    raw = bm.to_bytes((bm.bit_length() + 7) >> 3, "little")

    def chunk(end: int) -> Iterator:
        start = max(0, end - _CHUNK)
        picked = values[start * 8 : end * 8]
        flags = b"".join(map(_UNPACK.__getitem__, raw[start:end]))[: len(picked)]
        return compress(picked[::-1], flags[::-1])

    return chain.from_iterable(map(chunk, range(len(raw), 0, -_CHUNK)))


def union(bitmaps: Iterable[int]) -> int:
    """OR of many bitmaps."""
    out = 0
    for bm in bitmaps:
        out |= bm
    return out
