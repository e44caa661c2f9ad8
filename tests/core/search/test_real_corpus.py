"""On real articles, search agrees with a slow reference built on find_hits, order included."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tui_reader.search import IndexDoc, Query, SearchIndex, find_hits, parse_query

REAL = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus" / "real"

QUERIES = [
    "tinh",
    "phuong",
    "thủy",
    "Thuỷ",
    "huân chương",
    "nguy",
    "dang -đảng",
    "đảng",
    '"chu tich"',
    '"bí thư"',
    "chu tich -tinh",
    "ha noi",
    "lao đ",
    "title:trao",
    "title:huan chuong",
]


@pytest.fixture(scope="module")
def corpus() -> dict[int, IndexDoc]:
    if not REAL.is_dir():
        pytest.skip("the shared corpus is absent")
    from tui_reader.reading import read_article_file

    docs = {}
    for i, path in enumerate(sorted(REAL.glob("*.txt"))[:100]):
        try:
            art = read_article_file(path)
        except Exception:
            continue
        docs[i] = IndexDoc(title=art.title, body=art.body, date=art.date, author=art.author)
    return docs


def _hits(term, doc: IndexDoc) -> bool:
    q = Query(terms=[replace(term, negated=False)])
    if term.field == "title":
        return bool(find_hits(q, doc.title, "title"))
    return bool(find_hits(q, doc.title, "title") or find_hits(q, doc.body, "body"))


def reference(query: str, docs: dict[int, IndexDoc]) -> list[int]:
    q = parse_query(query)
    found = []
    for doc_id, doc in docs.items():
        if all(_hits(t, doc) for t in q.positive) and not any(_hits(t, doc) for t in q.negative):
            plain = [t for t in q.positive if t.field == "all"]
            score = sum(bool(find_hits(Query(terms=[t]), doc.title, "title")) for t in plain)
            found.append((score, doc.date or "", doc_id))
    return [doc_id for *_, doc_id in sorted(found, reverse=True)]


@pytest.fixture(scope="module")
def index(corpus) -> SearchIndex:
    ix = SearchIndex()
    ix.add_many(corpus.items())
    return ix


@pytest.mark.parametrize("query", QUERIES)
def test_search_matches_the_reference(corpus, index, query):
    expected = reference(query, corpus)
    assert expected, f"{query!r} should find something in the corpus"
    assert index.search(query) == expected
    assert index.search(query, limit=5) == expected[:5]
