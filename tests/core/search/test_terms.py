"""Indexing in two halves: ``index_terms`` in any process, ``add_many_terms`` in the index's."""

from __future__ import annotations

import pickle
import random
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pytest

from tui_reader.search import (
    IndexDoc,
    IndexFileError,
    IndexTerms,
    SearchIndex,
    index_terms,
    indexfile,
)
from tui_reader.search.terms import SEP

WORDS = [
    "Bà",
    "Phạm",
    "Thị",
    "Thanh",
    "Thuỷ",
    "Thủy",
    "chủ",
    "tịch",
    "Ủy",
    "ban",
    "nhân",
    "dân",
    "tỉnh",
    "Đảng",
    "bộ",
    "đang",
    "họp",
    "Huân",
    "chương",
    "Lao",
    "động",
    "hạng",
    "Nhì",
    "trao",
    "tặng",
    "Phường",
    "Phương",
    "Liên",
    "hoa",
    "phượng",
    "nở",
    "2023",
]
QUERIES = [
    "thuy",
    "Thuỷ",
    "chủ tịch",
    '"chu tich tinh"',
    '"ủy ban nhân"',
    '"huan chuong lao d',
    "official:thanh",
    'award:"lao dong"',
    "author:son",
    "title:trao",
    "phuong -phường",
    "dang date:2021..2022",
    "ph",
]


def make_docs(n: int, seed: int = 5) -> list[tuple[int, IndexDoc]]:
    rng = random.Random(seed)
    ids = rng.sample(range(10 * n), n)
    docs = []
    for i in range(n):
        body = "\n\n".join(" ".join(rng.choices(WORDS, k=12)) + "." for _ in range(3))
        docs.append(
            (
                ids[i],
                IndexDoc(
                    title=" ".join(rng.choices(WORDS, k=5)),
                    body=body,
                    date=f"{rng.randint(2019, 2023)}-{rng.randint(1, 12):02d}",
                    author="Thanh Sơn" if i % 3 == 0 else None,
                    officials=[f"Ông {rng.choice(WORDS)} Thanh, Chủ tịch"] if i % 4 == 0 else [],
                    awards=["Huân chương Lao động của Chủ tịch nước"] if i % 5 == 0 else [],
                ),
            )
        )
    return docs


def answers(ix: SearchIndex) -> list[list[int]]:
    return [ix.search(q) for q in QUERIES]


def _keys(terms: IndexTerms) -> tuple:
    """The terms as sets (the order of words within a field may differ between processes)."""
    return (
        terms.month,
        [set(e.split(SEP)) for e in terms.exact],
        [set(f.split(SEP)) for f in terms.folded],
        [set(memoryview(p).cast("Q")) for p in terms.pairs],
    )


def _terms_in_worker(docs: list[IndexDoc]) -> list[IndexTerms]:
    return [index_terms(d) for d in docs]


def test_terms_from_another_process_index_like_documents():
    docs = make_docs(300)
    # A fresh interpreter has another string hash seed: the keys must not depend on it.
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        terms = pool.submit(_terms_in_worker, [d for _, d in docs]).result()
    assert list(map(_keys, terms)) == [_keys(index_terms(d)) for _, d in docs]
    by_terms = SearchIndex()
    by_terms.add_many_terms(zip([i for i, _ in docs], terms, strict=True))
    by_docs = SearchIndex()
    by_docs.add_many(docs)
    expected = answers(by_docs)
    assert all(expected[:4]), "the common queries should find something"
    assert answers(by_terms) == expected


def test_terms_survive_pickling():
    _, doc = make_docs(1)[0]
    terms = index_terms(doc)
    assert pickle.loads(pickle.dumps(terms)) == terms


def test_many_small_batches_answer_like_one_batch():
    docs = make_docs(600)
    whole = SearchIndex()
    whole.add_many(docs)
    pieces = SearchIndex()
    for k in range(0, 600, 70):  # every batch freezes and merges into the frozen part
        pieces.add_many(docs[k : k + 70])
    assert answers(pieces) == answers(whole)


def test_merging_after_a_load_keeps_answers(tmp_path: Path):
    docs = make_docs(400)
    ix = SearchIndex()
    ix.add_many(docs[:200])
    ix.save(tmp_path / "a.idx")
    loaded = SearchIndex.load(tmp_path / "a.idx")
    loaded.add_many(docs[200:])
    whole = SearchIndex()
    whole.add_many(docs)
    assert answers(loaded) == answers(whole)


def test_an_index_file_of_the_previous_format_raises_index_file_error(tmp_path, monkeypatch):
    path = tmp_path / "old.idx"
    monkeypatch.setattr(indexfile, "VERSION", 2)
    ix = SearchIndex()
    ix.add_many(make_docs(20))
    ix.save(path)
    monkeypatch.undo()
    with pytest.raises(IndexFileError) as info:
        SearchIndex.load(path)
    assert "rebuild" in info.value.reason
