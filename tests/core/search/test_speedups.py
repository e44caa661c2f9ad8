"""The compiled twins (``_speedups``) give exactly what the pure-Python code gives.

A reader never sees which one ran: the same words and pairs for any text, the same index
file byte for byte, and bad data raises instead of crashing the process."""

from __future__ import annotations

import os
import random
import shutil
from array import array
from pathlib import Path

import pytest

from tests.conftest import DATA
from tui_reader import speedups
from tui_reader.extract import tokens
from tui_reader.search import IndexDoc, SearchIndex, postings, terms
from tui_reader.text import key

compiled = speedups.module
needs_compiled = pytest.mark.skipif(compiled is None, reason="the compiled speed-ups are not built")

# letters with and without marks, decomposed marks, digits of other scripts, a ligature, an
# emoji, no-break space, tabs and line breaks: every kind of boundary the word scan meets
ALPHABET = "aáàảãạăắđĐoòóuủyý_\n\n \t.,-x9٣²ⅫÅǅ\u0301\u0300\U0001f600\u00a0ÆﬁẞİΣ"


def _unpacked(raw: bytes) -> list[int]:
    out = array("Q")
    out.frombytes(raw)
    return list(out)


def _texts() -> list[str]:
    texts = [key(p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("*.txt"))]
    rnd = random.Random(7)
    texts += ["".join(rnd.choices(ALPHABET, k=rnd.randint(0, 40))) for _ in range(3000)]
    texts += ["", "\n", "a", "a\nb", "a b", "a  b\n\nc d", "\n".join(["ủy ban"] * 5)]
    # many distinct words and pairs: the compiled tables grow several times
    texts.append(" ".join(f"từ{i} {i % 7}" for i in range(6000)))
    return texts


@needs_compiled
@pytest.mark.parametrize("with_pairs", [True, False])
def test_scan_finds_the_same_words_and_pairs(with_pairs):
    for text in _texts():
        words, packed = compiled.scan(text, with_pairs)
        want_words, want_packed = terms._scan_py(text, with_pairs)
        assert words == want_words, text
        pairs = _unpacked(packed)
        assert len(pairs) == len(set(pairs)), "pairs come out distinct"
        assert set(pairs) == set(_unpacked(want_packed)), text


@needs_compiled
def test_scan_on_real_articles(shared):
    paths = sorted((shared / "corpus" / "real").rglob("*.txt"))[:300]
    for path in paths:
        text = key(path.read_text(encoding="utf-8", errors="replace"))
        words, packed = compiled.scan(text, True)
        want_words, want_packed = terms._scan_py(text, True)
        assert words == want_words
        assert set(_unpacked(packed)) == set(_unpacked(want_packed))


def _docs(n: int) -> list[IndexDoc]:
    """Articles sharing phrases often enough that some pair keys turn into bitmaps."""
    rnd = random.Random(3)
    bodies = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
    docs = []
    for i in range(n):
        body = "\n".join(rnd.sample(bodies[i % len(bodies)].split("\n\n"), 3))
        if i % 3 == 0:
            body += "\nỦy ban nhân dân tỉnh trao Huân chương Lao động hạng Ba."
        docs.append(
            IndexDoc(
                title=f"Tin số {i} của Ủy ban",
                body=body,
                date=f"20{10 + i % 14}-{1 + i % 12:02d}",
                author=rnd.choice(["Minh Anh", "Thu Hà", None]),
                officials=["Ông Nguyễn Văn A, Chủ tịch UBND tỉnh"] if i % 4 == 0 else [],
                awards=["Huân chương Lao động hạng Ba của Chủ tịch nước"] if i % 5 == 0 else [],
            )
        )
    return docs


def _build(tmp: Path, name: str, docs: list[IndexDoc]) -> bytes:
    """An index built in batches, saved, loaded, grown and updated, then saved again."""
    ix = SearchIndex()
    third = len(docs) // 3
    ix.add_many(enumerate(docs[:third]))
    ix.add_many(enumerate(docs[third : 2 * third], start=third))
    first = tmp / f"{name}-1.idx"
    ix.save(first)
    ix = SearchIndex.load(first)  # frozen postings now live in the file's memory
    ix.add_many(enumerate(docs[2 * third :], start=2 * third))
    for i in range(0, len(docs), 9):
        ix.add(i, docs[(i * 5) % len(docs)])  # updated articles take new slots
    assert ix.search('"ủy ban nhân dân"'), "a phrase is found before the last save"
    second = tmp / f"{name}-2.idx"
    ix.save(second)
    return second.read_bytes()


@needs_compiled
def test_index_is_byte_identical_either_way(tmp_path, monkeypatch):
    docs = _docs(900)  # threshold is 64 slots: frequent pairs become bitmaps
    fast = _build(tmp_path, "fast", docs)
    monkeypatch.setattr(postings, "_speedups", None)
    monkeypatch.setattr(terms, "_scan", terms._scan_py)
    slow = _build(tmp_path, "slow", docs)
    assert fast == slow


@needs_compiled
def test_phrase_found_while_pairs_wait_to_be_merged():
    ix = SearchIndex()
    ix.add_many(enumerate(_docs(30)))
    doc = IndexDoc(title="Lễ đón", body="Xã Tân Phú đón bằng công nhận.")
    ix.add_many_terms([(100, terms.index_terms(doc))], freeze=False)
    assert 100 in ix.search('"tân phú"')
    assert 100 not in ix.search('"phú tân"')


@needs_compiled
@pytest.mark.parametrize(
    ("offsets", "firsts", "lasts", "widths", "blob"),
    [
        ([0, 99], [1], [1], [1], b""),  # offsets that point past the blob
        ([0], [], [], [], b""),  # keys and offsets of different lengths
        ([0, 3], [1], [2], [3], b"abc"),  # a width that is not 1, 2 or 4
        ([0, 0], [9], [9], [1], b""),  # new slots that do not come after the old ones
    ],
)
def test_damaged_postings_raise_instead_of_crashing(offsets, firsts, lasts, widths, blob):
    one_key = array("Q", [5])
    old = (one_key, array("Q", offsets), array("I", firsts), array("I", lasts), array("B", widths))
    new = (one_key, array("Q", [0, 1]), array("I", [3]))
    with pytest.raises(ValueError):
        compiled.merge_runs(*old, blob, array("I"), *new, 64)


@needs_compiled
def test_bad_staged_pairs_raise():
    with pytest.raises(ValueError):
        compiled.group_pairs([(b"1234567", 0)])  # not whole 8-byte keys
    with pytest.raises(TypeError):
        compiled.group_pairs([("text", 0)])
    with pytest.raises(OverflowError):
        compiled.group_pairs([(bytes(8), 1 << 40)])
    assert compiled.group_pairs([]) == (b"", bytes(8), b"")


def test_a_stale_build_is_not_used(tmp_path, monkeypatch):
    if compiled is None:
        pytest.skip("the compiled speed-ups are not built")
    source = tmp_path / "_speedups.c"
    source.write_text("/* edited since the build */\n")
    monkeypatch.setattr(speedups, "_SOURCE", source)
    assert speedups._load() is None
    monkeypatch.setattr(speedups, "_SOURCE", tmp_path / "missing.c")
    assert speedups._load() is not None  # installed without its source: the build is trusted


def test_pure_python_can_be_asked_for(monkeypatch):
    monkeypatch.setenv("TUI_READER_PURE_PYTHON", "1")
    assert speedups._load() is None


@pytest.mark.skipif(
    shutil.which("cc") is None and shutil.which("gcc") is None,
    reason="no C compiler: the pure-Python versions run",
)
def test_installing_builds_the_speedups_where_a_compiler_exists():
    if os.environ.get("TUI_READER_PURE_PYTHON"):
        pytest.skip("pure Python asked for")
    assert compiled is not None, "pip install should have compiled tui_reader/_speedups.c"


@needs_compiled
def test_bitmaps_are_the_same_either_way(monkeypatch):
    from tui_reader.search import bitmaps

    rnd = random.Random(5)
    cases = [sorted(rnd.sample(range(top), k)) for top, k in ((100, 60), (70000, 500), (9, 9))]
    cases += [[0] * 50 + [200000], list(range(20000, 20100))]
    fast = [(bitmaps.from_slots(array("I", c)), bitmaps.from_sorted(array("I", c))) for c in cases]
    monkeypatch.setattr(bitmaps, "_speedups", None)
    slow = [(bitmaps.from_slots(c), bitmaps.from_sorted(sorted(set(c)))) for c in cases]
    assert fast == slow
    with pytest.raises(ValueError):
        compiled.bitmap_bytes(b"abc")


@needs_compiled
def test_pair_postings_grouped_in_parts_join_up():
    rnd = random.Random(11)
    # a few keys shared by many documents, most seen once; top bits spread over every part
    common = [rnd.getrandbits(64) for _ in range(20)]
    staged = []
    for slot in range(400):
        keys = {rnd.getrandbits(64) for _ in range(rnd.randint(0, 60))}
        keys |= set(rnd.sample(common, 5))
        staged.append((array("Q", keys).tobytes(), slot))
    whole = compiled.group_pairs(staged)
    assert compiled.group_pairs(staged, 1000) == whole  # in many parts
    keys, offsets, slots = (_unpacked(whole[0]), _unpacked(whole[1]), array("I", whole[2]))
    want: dict[int, list[int]] = {}
    for packed, slot in staged:
        for k in _unpacked(packed):
            want.setdefault(k, []).append(slot)
    assert keys == sorted(want)
    assert [list(slots[offsets[i] : offsets[i + 1]]) for i in range(len(keys))] == [
        want[k] for k in keys
    ]


@needs_compiled
def test_body_split_into_the_same_words():
    rnd = random.Random(13)
    # the edges of every plain range, and characters just outside them
    edges = "".join(
        chr(c) for lo, hi in tokens._PLAIN_RANGES for c in (lo, hi, max(lo - 1, 0), hi + 1)
    )
    alphabet = "aĐđ9_ .&/'’-–\n\t" + edges + "٣Ⅻ\u0301\U0001f600ﬁ"
    texts = ["".join(rnd.choices(alphabet, k=rnd.randint(0, 30))) for _ in range(5000)]
    texts += ["TP.Phan Thiết", "GD-ĐT, V.Vnukov's", "a.-b", "-abc-", "x/", "Phúc.Thủ Đức"]
    texts += [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
    for text in texts:
        assert compiled.split_words(text) == tokens._split_words(text), text


@needs_compiled
def test_real_bodies_split_into_the_same_words(shared):
    for path in sorted((shared / "corpus" / "real").glob("*.txt"))[:300]:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert compiled.split_words(text) == tokens._split_words(text)


@needs_compiled
def test_word_keys_grouped_as_filed_one_by_one():
    # the same key in strings stored one, two and four bytes a character; empty keys too
    docs = [
        ("ban\x00nhân\x00dân", 0),
        ("ban\x00x", 1),
        ("ban\x00😀\x00\x00dân", 2),
        ("", 3),
        ("nhân\x00ban", 4),
    ]
    grouped = {k: list(array("I", raw)) for k, raw in compiled.group_words(docs, "\x00").items()}
    want: dict[str, list[int]] = {}
    for joined, slot in docs:
        for k in joined.split("\x00"):
            want.setdefault(k, []).append(slot)
    assert grouped == want
    with pytest.raises(TypeError):
        compiled.group_words([(b"bytes", 0)], "\x00")
    with pytest.raises(OverflowError):
        compiled.group_words([("a", 1 << 40)], "\x00")
