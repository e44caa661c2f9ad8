"""Shared fixtures: article files written on the fly, the seed, the shared corpus when present."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
SEED = DATA / "000_56148d7fa4945aca.txt"
SHARED = REPO.parent / "shared"


def article_text(
    title: str,
    date: str = "2024-05",
    paragraphs: list[str] | None = None,
    author: str | None = "Minh Anh",
) -> str:
    """An article in the seed format."""
    paragraphs = paragraphs or ["Một đoạn văn bình thường về tin tức địa phương."]
    parts = [f" date {date} {title}", *paragraphs]
    if author:
        parts.append(author)
    return "\n\n".join(parts)


@pytest.fixture
def write_article(tmp_path: Path):
    """write_article(name, title, ...) -> Path of a new article file in tmp_path/articles."""
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)

    def write(name: str, title: str, **kwargs) -> Path:
        path = folder / name
        path.write_text(article_text(title, **kwargs), encoding="utf-8")
        return path

    return write


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "db" / "library.json"


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "corpus" / "real").is_dir():
        pytest.skip("../shared is not present")
    return SHARED
