"""Building blocks: slot bitmaps and postings spaces, at sizes small articles never reach."""

from __future__ import annotations

import random
from pathlib import Path

from tui_reader.search import bitmaps, indexfile
from tui_reader.search.postings import DeltaSpace, Space


def test_bitmaps_round_trip_small_and_large_sets():
    rng = random.Random(7)
    for n in (0, 1, 10, 47, 48, 500, 20000):
        slots = sorted(rng.sample(range(200_000), n))
        bm = bitmaps.from_slots(slots)
        assert bitmaps.slots(bm) == slots
        assert bitmaps.from_sorted(slots) == bm
        assert bitmaps.from_sorted([s + 70_000 for s in slots]) == bm << 70_000
        assert list(bitmaps.slots_desc(bm)) == slots[::-1]
    assert bitmaps.from_slots([5, 5, 3]) == 0b101000


def test_select_desc_picks_values_of_set_slots_from_the_top():
    rng = random.Random(11)
    values = [f"doc{i}" for i in range(40_000)]
    for n in (0, 1, 100, 30_000):
        slots = rng.sample(range(40_000), n)
        picked = list(bitmaps.select_desc(bitmaps.from_slots(slots), values))
        assert picked == [values[s] for s in sorted(slots, reverse=True)]


def test_slots_desc_is_lazy_from_the_top():
    bm = bitmaps.from_slots(range(0, 100_000, 3))
    walk = bitmaps.slots_desc(bm)
    assert [next(walk) for _ in range(3)] == [99999, 99996, 99993]


def _round_trip(space, tmp_path: Path, cls):
    out = indexfile.SectionWriter()
    indexfile.write(tmp_path / "s.idx", {"space": space.to_state(out.put)}, out)
    table, section, _ = indexfile.read(tmp_path / "s.idx")
    return cls.from_state(table["space"], section)


def test_delta_space_keeps_gaps_of_every_width(tmp_path: Path):
    space = DeltaSpace()
    spread = [0, 3, 300, 70_000, 70_001, 4_000_000]  # gaps of 1, 2 and 4 bytes
    for slot in spread:
        space.add({7, 9}, slot)
    space.add({9}, 4_000_001)
    space.freeze(4_000_002)
    assert bitmaps.slots(space.bitmap(7)) == spread
    assert bitmaps.slots(space.bitmap(9)) == spread + [4_000_001]
    assert space.bitmap(8) == 0
    loaded = _round_trip(space, tmp_path, DeltaSpace)
    assert bitmaps.slots(loaded.bitmap(7)) == spread
    # more documents after loading, then freezing again, keep the old runs intact
    loaded.add({7, 11}, 4_000_005)
    assert bitmaps.slots(loaded.bitmap(7)) == spread + [4_000_005]
    loaded.freeze(4_000_006)
    assert bitmaps.slots(loaded.bitmap(7)) == spread + [4_000_005]
    assert bitmaps.slots(loaded.bitmap(9)) == spread + [4_000_001]
    assert bitmaps.slots(loaded.bitmap(11)) == [4_000_005]


def test_space_turns_frequent_keys_into_bitmaps_and_finds_prefixes(tmp_path: Path):
    space = Space()
    for slot in range(1000):
        words = {"tinh", "thanh"} if slot % 2 else {"tinh", "thuy"}
        if slot == 999:
            words.add("thuyen")
        space.add(words, slot)
    space.freeze(1000)
    assert space.dense  # "tinh" is in every slot: kept as a bitmap
    assert bitmaps.slots(space.bitmap("tinh")) == list(range(1000))
    assert bitmaps.slots(space.prefix_bitmap("thuy")) == list(range(0, 1000, 2)) + [999]
    assert space.prefix_keys("th", 10) == ["thanh", "thuy", "thuyen"]
    assert space.prefix_keys("th", 2) is None
    loaded = _round_trip(space, tmp_path, Space)
    assert loaded.prefix_bitmap("thuy") == space.prefix_bitmap("thuy")
    assert loaded.bitmap("thanh") == space.bitmap("thanh")


def test_precomputed_prefixes_answer_like_gathered_ones(tmp_path: Path, monkeypatch):
    from tui_reader.search import postings

    monkeypatch.setattr(postings, "_PREFIX_SLOTS", 50)
    monkeypatch.setattr(postings, "_PREFIX_DENSE", 1)
    rng = random.Random(3)
    vocab = ["tinh", "thanh", "thuy", "thuyen", "tho", "pho", "phuong", "phuc", "an"]
    space = Space()
    for slot in range(3000):
        space.add(set(rng.sample(vocab, 3)), slot)
    space.freeze(3000)
    assert {"t", "th", "ph"} <= set(space.prefixes)
    for prefix in ("t", "th", "thu", "ph", "p", "a", "x"):
        assert space.prefix_bitmap(prefix) == space._frozen_prefix_bitmap(prefix), prefix
    space.add({"thuoc"}, 3000)  # the overlay still counts for a precomputed prefix
    assert 3000 in bitmaps.slots(space.prefix_bitmap("th"))
    space.freeze(3001)
    # prefixes precomputed before the merge were extended, not gathered again: same bitmaps
    assert all(space.prefixes[h] == space._frozen_prefix_bitmap(h) for h in space.prefixes)
    loaded = _round_trip(space, tmp_path, Space)
    assert set(loaded.prefixes) == set(space.prefixes)
    assert all(loaded.prefixes[h] == space.prefixes[h] for h in space.prefixes)
    assert loaded.prefix_bitmap("th") == space.prefix_bitmap("th")
    loaded.add({"thom", "an"}, 3001)
    loaded.freeze(3002)
    assert all(loaded.prefixes[h] == loaded._frozen_prefix_bitmap(h) for h in loaded.prefixes)
    assert 3001 in bitmaps.slots(loaded.prefixes["th"])


def test_prefixes_extended_by_a_large_merge_match_gathered_ones(monkeypatch):
    from tui_reader.search import postings

    monkeypatch.setattr(postings, "_PREFIX_SLOTS", 50)
    monkeypatch.setattr(postings, "_PREFIX_DENSE", 1)
    rng = random.Random(5)
    vocab = ["t", "th", "thu", "thuy", "thuyen", "tho", "tinh", "pho", "phuong", "an", "anh"]
    space = Space()
    for slot in range(2000):
        space.add(set(rng.sample(vocab[:8], 3)), slot)
    space.freeze(2000)
    # a merge where some keys are frequent (bitmaps), some rare, some new, nested prefixes
    for slot in range(2000, 4000):
        space.add(set(rng.sample(vocab, 4)) | {f"thu{slot % 7}"}, slot)
    space.freeze(4000)
    assert {"t", "th", "thu", "thuy"} <= set(space.prefixes)
    assert all(space.prefixes[h] == space._frozen_prefix_bitmap(h) for h in space.prefixes)
