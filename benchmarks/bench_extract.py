"""Benchmark the extractor over the real corpus: articles per second on one core.

The baseline, measured in the same run, is reading and parsing the same files, so the ratio says
how much extraction adds to loading. Usage: ``python benchmarks/bench_extract.py [--repeat 3]
[--corpus DIR] [--limit N]`` (any folder of article files, e.g. a generated bench corpus).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REAL = REPO.parent / "shared" / "corpus" / "real"


def _best(seconds: list[float]) -> float:
    # the fastest run is the one least disturbed by other processes on the machine
    return min(seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measure (best kept)")
    parser.add_argument("--corpus", type=Path, default=REAL, help="folder of article files")
    parser.add_argument("--limit", type=int, default=0, help="first N files only (0: all)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    sys.path.insert(0, str(REPO))
    from tui_reader.extract import extract
    from tui_reader.reading import read_article_file

    paths = sorted(args.corpus.rglob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    articles = [read_article_file(p) for p in paths]
    extract(articles[0].title, articles[0].body)  # load the vocabularies outside the timing

    parse_runs, extract_runs = [], []
    for _ in range(args.repeat):
        start = time.process_time()
        for p in paths:
            read_article_file(p)
        parse_runs.append(time.process_time() - start)
        start = time.process_time()
        officials = awards = 0
        for article in articles:
            result = extract(article.title, article.body)
            officials += len(result.officials)
            awards += len(result.awards)
        extract_runs.append(time.process_time() - start)
    n = len(articles)
    parse_s, extract_s = _best(parse_runs), _best(extract_runs)
    print(f"articles            {n}")
    print(f"officials, awards   {officials}, {awards}")
    print(f"read+parse          {n / parse_s:8.0f} articles/s  (baseline)")
    print(f"extract             {n / extract_s:8.0f} articles/s  (CPU time, one core)")
    print(f"extract per article {extract_s / n * 1000:8.3f} ms")
    print(f"extract / parse     {extract_s / parse_s:8.2f} x the time to read and parse")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
