"""Benchmark the search index against SQLite FTS5 on synthetic articles made from the real corpus.

Articles are recombined from /work/shared/corpus/real (titles, paragraphs, officials, awards,
shifted dates; fixed seed), indexed by both engines in the same run, and queried with the same
queries. Usage: ``python benchmarks/bench_search.py [--quick] [--sizes 10000 100000]``.
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tui_reader.search import IndexDoc, SearchIndex, index_terms, parse_query
from tui_reader.search.query import PLAIN, Query

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
REAL = SHARED / "corpus" / "real"
SEED = 20260
TARGET_CHARS = (4000, 6000)
_AWARD_RE = re.compile(r"(?:Huân chương|Bằng khen|Cờ thi đua|Huy hiệu|Danh hiệu)[^.,;:()]{0,50}")

# Queries by kind, as a reader would type them.
QUERIES: dict[str, list[str]] = {
    "1 word": ["tinh", "phuong", "thuy", "doanh", "phượng", "Thủy", "huân", "giáo"],
    "2-3 words": ["pham thi", "chu tich tinh", "nguyen van", "tang bang khen", "le hoi van hoa"],
    "prefix": ["ph", "nguy", "chu t", "huan chuong l", "bang kh", "thu"],
    "phrase": ['"huan chuong lao dong"', '"bi thu tinh uy"', '"chủ tịch nước"', '"thanh thuy"'],
    "field": [
        "official:thuy",
        'official:"nguyen van"',
        "award:lao",
        "author:son",
        "title:trao",
        "official:bi thu",
    ],
    "date": ["tinh date:2020", "huan date:2019-01..2019-06", "date:2021-03", "thuy date:2018.."],
    "exclude": ["huan -lao", 'tinh -"chu tich"', "trao -bang -khen"],
}


def _load_bases(limit: int | None) -> list[dict]:
    """Parse the real articles (and extract officials/awards when the extractor works)."""
    from tui_reader.reading import read_article_file

    try:
        from tui_reader.extract import extract
    except Exception:  # the extractor is someone else's work in progress
        extract = None
    bases = []
    for path in sorted(REAL.glob("*.txt"))[:limit]:
        try:
            art = read_article_file(path)
        except Exception:
            continue
        officials: list[str] = []
        awards: list[str] = []
        if extract is not None:
            try:
                ex = extract(art.title, art.body)
                for o in ex.officials:
                    head = f"{o.rank} {o.name}" if o.rank else o.name
                    officials.append(", ".join([head, *o.titles]))
                for a in ex.awards:
                    awards.append(f"{a.award} của {a.issuer}" if a.issuer else a.award)
            except Exception:
                pass
        if not awards:  # the extractor may not give awards yet: take award-like phrases
            awards = [m.group(0) for m in _AWARD_RE.finditer(art.body)][:4]
        bases.append(
            {
                "title": art.title,
                "paragraphs": art.paragraphs,
                "date": art.date,
                "author": art.author,
                "officials": officials,
                "awards": awards,
            }
        )
    return bases


_BASES: dict[int | None, list[dict]] = {}


def _make_doc(bases: list[dict], all_paragraphs: list[str], i: int) -> IndexDoc:
    """Synthetic article ``i``: one real article's head and names, more paragraphs, a new date."""
    rng = random.Random(SEED * 1_000_003 + i)
    base = bases[rng.randrange(len(bases))]
    target = rng.randint(*TARGET_CHARS)
    paras = list(base["paragraphs"])
    rng.shuffle(paras)
    body: list[str] = []
    size = 0
    for p in paras:
        if size >= target:
            break
        body.append(p)
        size += len(p) + 2
    while size < target:
        p = all_paragraphs[rng.randrange(len(all_paragraphs))]
        body.append(p)
        size += len(p) + 2
    year = rng.randint(2014, 2025)
    month = rng.randint(1, 12)
    return IndexDoc(
        title=base["title"],
        body="\n\n".join(body)[: TARGET_CHARS[1]],
        date=f"{year}-{month:02d}",
        author=base["author"],
        officials=list(base["officials"]),
        awards=list(base["awards"]),
    )


def _docs(bases: list[dict], n: int) -> Iterator[tuple[int, IndexDoc]]:
    all_paragraphs = [p for b in bases for p in b["paragraphs"]]
    for i in range(n):
        yield i + 1, _make_doc(bases, all_paragraphs, i)


def _fts_text(text: str) -> str:
    # FTS5's remove_diacritics does not fold the stroke of đ.
    return text.replace("đ", "d").replace("Đ", "D")


def _fts_build(path: Path, bases: list[dict], n: int) -> sqlite3.Connection:
    con = sqlite3.connect(path)
    con.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, body, officials, awards, author,"
        " month UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"
    )
    rows = (
        (
            doc_id,
            _fts_text(d.title),
            _fts_text(d.body),
            _fts_text("\n".join(d.officials)),
            _fts_text("\n".join(d.awards)),
            _fts_text(d.author or ""),
            int(d.date.replace("-", "")) if d.date else 0,
        )
        for doc_id, d in _docs(bases, n)
    )
    con.executemany(
        "INSERT INTO fts(rowid, title, body, officials, awards, author, month)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    con.commit()
    return con


_FTS_COLUMNS = {
    PLAIN: "{title body officials}",
    "title": "title",
    "official": "officials",
    "award": "awards",
    "author": "author",
}


def _fts_query(q: Query) -> tuple[str, str, list[int]]:
    """The same query for FTS5: a MATCH expression and a WHERE clause on the month."""

    def term_expr(term) -> str:
        words = []
        for w in term.words:
            text = _fts_text(w.text)
            words.append(f'"{text}"' + ("*" if w.prefix else ""))
        body = words[0] if len(words) == 1 else f"({' + '.join(words)})"
        return f"{_FTS_COLUMNS[term.field]} : {body}"

    pos = [term_expr(t) for t in q.positive]
    neg = [term_expr(t) for t in q.negative]
    where = []
    params: list[int] = []
    for d in q.dates:
        if d.start is not None:
            where.append("month >= ?")
            params.append(d.start)
        if d.end is not None:
            where.append("month <= ?")
            params.append(d.end)
    match = " AND ".join(pos) if pos else ""
    for n in neg:
        match = f"({match}) NOT {n}" if match else ""
    return match, " AND ".join(where), params


def _fts_search(con: sqlite3.Connection, q: Query, limit: int | None) -> list[int]:
    match, where, params = _fts_query(q)
    clauses = []
    args: list = []
    if match:
        clauses.append("fts MATCH ?")
        args.append(match)
    if where:
        clauses.append(where)
        args.extend(params)
    sql = "SELECT rowid FROM fts WHERE " + " AND ".join(clauses)
    sql += " ORDER BY month DESC, rowid DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [r[0] for r in con.execute(sql, args)]


def _p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


_LOAD_SNIPPET = """
import sys, time
from pathlib import Path
def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096
from tui_reader.search import SearchIndex
before = rss()
t = time.perf_counter()
ix = SearchIndex.load(Path(sys.argv[1]))
elapsed = time.perf_counter() - t
after_load = rss() - before
for text in sys.argv[2:]:
    ix.search(text)
print(elapsed, after_load, rss() - before)
"""


def _query_rows(n: int, index: SearchIndex, fts: sqlite3.Connection, limit: int | None) -> list:
    """Time every query kind on both engines. Our word cache is emptied before each run, so
    every run does the whole work, as when a reader types a new query."""
    rows = []
    for kind, queries in QUERIES.items():
        ours: list[float] = []
        theirs: list[float] = []
        hits_ours = hits_fts = 0
        for text in queries:
            q = parse_query(text)
            hits_ours += len(index.search(q, limit))
            hits_fts += len(_fts_search(fts, q, limit))
            for _ in range(5):
                index._cache.clear()
                t = time.perf_counter()
                index.search(q, limit)
                ours.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                _fts_search(fts, q, limit)
                theirs.append((time.perf_counter() - t) * 1000)
        rows.append(
            {
                "size": n,
                "kind": kind,
                "limit": limit,
                "ours_median_ms": statistics.median(ours),
                "ours_p95_ms": _p95(ours),
                "fts_median_ms": statistics.median(theirs),
                "fts_p95_ms": _p95(theirs),
                "hits_ours": hits_ours / len(queries),
                "hits_fts": hits_fts / len(queries),
            }
        )
    return rows


def run(sizes: list[int], limits: tuple[int | None, ...] = (None, 50)) -> list[dict]:
    """Run the benchmark for each corpus size; one dict per (size, kind, limit) and per size."""
    if not REAL.is_dir():
        print(f"skipped: {REAL} is absent")
        return []
    limit_bases = None if max(sizes) > 2000 else 300
    if limit_bases not in _BASES:
        _BASES[limit_bases] = _load_bases(limit_bases)
    bases = _BASES[limit_bases]
    rows: list[dict] = []
    for n in sizes:
        gc.collect()
        with tempfile.TemporaryDirectory() as tmp:
            tmp_path = Path(tmp)
            docs = list(_docs(bases, n))
            t = time.perf_counter()
            index = SearchIndex()
            index.add_many(docs)
            build_s = time.perf_counter() - t
            del docs
            gc.collect()
            t = time.perf_counter()
            fts = _fts_build(tmp_path / "fts.db", bases, n)
            fts_build_s = time.perf_counter() - t
            t = time.perf_counter()
            index.save(tmp_path / "search.idx")
            save_s = time.perf_counter() - t
            size_mb = (tmp_path / "search.idx").stat().st_size / 1e6
            fts_mb = (tmp_path / "fts.db").stat().st_size / 1e6
            probe = subprocess.run(
                [sys.executable, "-c", _LOAD_SNIPPET, str(tmp_path / "search.idx")]
                + [text for queries in QUERIES.values() for text in queries],
                capture_output=True,
                text=True,
            )
            if probe.returncode:
                raise RuntimeError(f"loading the index failed:\n{probe.stderr}")
            load_s, rss_bytes, rss_queried = probe.stdout.split()
            loaded = SearchIndex.load(tmp_path / "search.idx")
            for limit in limits:
                rows += _query_rows(n, loaded, fts, limit)
            fts.close()
            rows.append(
                {
                    "size": n,
                    "kind": "summary",
                    "build_s": build_s,
                    "fts_build_s": fts_build_s,
                    "save_s": save_s,
                    "load_s": float(load_s),
                    "index_file_mb": size_mb,
                    "fts_file_mb": fts_mb,
                    "loaded_rss_mb": int(rss_bytes) / 1e6,
                    "queried_rss_mb": int(rss_queried) / 1e6,
                    "estimated_mb": loaded.memory_bytes() / 1e6,
                }
            )
            del loaded, index
    return rows


def build_costs(n: int) -> dict:
    """CPU per article of both halves of indexing, fed in batches as an import feeds them
    (at least 5,000, then a quarter of what is there; a save after each), and save() times."""
    if not REAL.is_dir():
        print(f"skipped: {REAL} is absent")
        return {}
    if None not in _BASES:
        _BASES[None] = _load_bases(None)
    docs = list(_docs(_BASES[None], n))
    gc.collect()
    t = time.process_time()
    terms = [(doc_id, index_terms(doc)) for doc_id, doc in docs]
    worker_s = time.process_time() - t
    del docs
    index = SearchIndex()
    add_s = 0.0
    saves: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        start = 0
        while start < n:
            end = min(n, start + max(5000, start // 4))
            t = time.process_time()
            index.add_many_terms(terms[start:end])
            add_s += time.process_time() - t
            t = time.perf_counter()
            index.save(Path(tmp) / "search.idx")
            saves.append(time.perf_counter() - t)
            start = end
    return {
        "size": n,
        "worker_ms": worker_s / n * 1000,
        "main_ms": add_s / n * 1000,
        "batches": len(saves),
        "last_save_s": saves[-1],
        "all_saves_s": sum(saves),
    }


def print_table(rows: list[dict]) -> None:
    """Print the rows as one plain table."""
    print(
        f"{'size':>7} {'kind':<10} {'limit':>5} {'ours med':>9} {'ours p95':>9}"
        f" {'fts med':>9} {'fts p95':>9} {'hits ours/fts':>15}"
    )
    for r in rows:
        if r["kind"] == "summary":
            continue
        limit = "all" if r["limit"] is None else str(r["limit"])
        print(
            f"{r['size']:>7} {r['kind']:<10} {limit:>5} {r['ours_median_ms']:>9.2f}"
            f" {r['ours_p95_ms']:>9.2f} {r['fts_median_ms']:>9.2f} {r['fts_p95_ms']:>9.2f}"
            f" {r['hits_ours']:>7.0f}/{r['hits_fts']:<7.0f}"
        )
    for r in rows:
        if r["kind"] != "summary":
            continue
        print(
            f"{r['size']:>7} build {r['build_s']:.1f} s (fts5 {r['fts_build_s']:.1f} s),"
            f" save {r['save_s']:.2f} s, load {r['load_s']:.2f} s,"
            f" file {r['index_file_mb']:.0f} MB (fts5 {r['fts_file_mb']:.0f} MB),"
            f" RSS after load {r['loaded_rss_mb']:.0f} MB,"
            f" after all queries once {r['queried_rss_mb']:.0f} MB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1,000 articles only (CI smoke)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument(
        "--build", action="store_true", help="only the CPU cost of indexing and of save()"
    )
    args = parser.parse_args()
    sizes = [1000] if args.quick else args.sizes
    if args.build:
        for n in sizes:
            r = build_costs(n)
            if r:
                print(
                    f"{n:>7} index_terms {r['worker_ms']:.3f} ms/article (any process),"
                    f" add_many_terms {r['main_ms']:.3f} ms/article (index process),"
                    f" {r['batches']} batches; save at {n:,}: {r['last_save_s']:.2f} s"
                    f" (all saves {r['all_saves_s']:.1f} s)",
                    flush=True,
                )
        return
    rows = []
    for n in sizes:
        rows += run([n])
        print_table(rows)  # the whole table so far: the last one printed is complete
        print(flush=True)


if __name__ == "__main__":
    main()
