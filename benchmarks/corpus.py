"""Synthetic corpora for the benchmarks: N articles made by varying the real ones in ../shared.

Each generated article takes a real article's title and paragraphs, mixes in a paragraph of
another article, and shifts the month, so that texts, dates and the search vocabulary stay
realistic while no two articles are the same. Deterministic for a given N.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REAL = REPO.parent / "shared" / "corpus" / "real"


def real_corpus_or_exit() -> Path:
    if not REAL.is_dir():
        print(f"skipped: the real corpus is not at {REAL}", file=sys.stderr)
        raise SystemExit(0)
    return REAL


def load_real() -> list[tuple[str, str, list[str], str | None]]:
    """(title, date, paragraphs, author) of every real article."""
    sys.path.insert(0, str(REPO))
    from tui_reader.reading import read_article_file

    articles = []
    for path in sorted(REAL.glob("*.txt")):
        article = read_article_file(path)
        articles.append(
            (article.title, article.date or "2020-01", article.paragraphs, article.byline)
        )
    return articles


def generated_texts(n: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """(file name, article text) of N synthetic articles in the seed format."""
    real = load_real()
    rng = random.Random(seed)
    for i in range(n):
        title, _date, paragraphs, byline = real[i % len(real)]
        donor = real[rng.randrange(len(real))][2]
        body = list(paragraphs)
        if donor:
            body.insert(rng.randrange(len(body) + 1), donor[rng.randrange(len(donor))])
        year = 2015 + (i * 7919) % 11
        month = 1 + (i * 31) % 12
        variant = f"{title} ({i // len(real) + 1})" if i >= len(real) else title
        parts = [f" date {year:04d}-{month:02d} {variant}", *body]
        if byline:
            parts.append(byline)
        yield f"{i:06d}.txt", "\n\n".join(parts)


def write_corpus(n: int, folder: Path) -> Path:
    """Write N generated articles into folder/ (in sub-folders of 1,000); reuse if present."""
    marker = folder / f".complete-{n}"
    if marker.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in generated_texts(n):
        sub = folder / name[:3]
        sub.mkdir(exist_ok=True)
        (sub / name).write_text(text, encoding="utf-8")
    marker.touch()
    return folder
