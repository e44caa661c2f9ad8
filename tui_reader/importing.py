"""Turning paths into articles for the library, and extracting them on every core."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from tui_reader.articles import Article
from tui_reader.extract import Extraction, extract

# Below this many articles a process pool costs more than it saves.
POOL_THRESHOLD = 200


def bundled_data_dir() -> Path | None:
    """The sample articles shipped with the package (or the repo's data/ in a checkout)."""
    packaged = resources.files("tui_reader") / "bundled_data"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parent.parent / "data"
    return checkout if checkout.is_dir() else None


def iter_inputs(
    paths: Iterable[Path], source_prefix: str | None = None, text_format: str = "auto"
) -> Iterator[Article | tuple[str, str]]:
    """Articles from files, folders (recursive) and bulk files; (source, reason) for failures.

    Sources are absolute paths, so importing the same file again is recognised, or
    ``source_prefix`` + the path relative to the given folder (for the bundled samples).
    ``text_format``: "auto" reads .txt files in the ``date YYYY-MM <title>`` format (and
    title-then-body files that start with ``# key = value`` lines); "text" reads every .txt
    as title-then-body.
    """
    from tui_reader.formats import BULK_SUFFIXES, RecordError, iter_records, iter_text
    from tui_reader.reading import ARTICLE_SUFFIXES, ArticleReadError, iter_article_paths
    from tui_reader.reading import read_article_file

    # a folder's .json files are often not articles (annotations, settings): only when named
    folder_suffixes = (ARTICLE_SUFFIXES | BULK_SUFFIXES) - {".json"}
    for root in paths:
        for item in iter_article_paths([root], suffixes=folder_suffixes):
            if isinstance(item, ArticleReadError):
                yield (item.path, item.reason)
                continue
            if source_prefix is not None:
                source = source_prefix + item.relative_to(root).as_posix()
            else:
                source = str(item.resolve())
            if item.suffix.lower() in BULK_SUFFIXES:
                for record in iter_records(item):
                    if isinstance(record, RecordError):
                        yield (_where(record), record.reason)
                    else:
                        yield record
                continue
            if text_format == "text" or (text_format == "auto" and _has_header_lines(item)):
                for record in iter_text(item, source):
                    if isinstance(record, RecordError):
                        yield (_where(record), record.reason)
                    else:
                        yield record
                continue
            try:
                yield read_article_file(item, source=source)
            except ArticleReadError as exc:
                yield (str(item), exc.reason)


def _where(record) -> str:
    return f"{record.path}:{record.line}" if record.line else record.path


def _has_header_lines(path: Path) -> bool:
    """True for title-then-body files that open with ``# key = value`` lines."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(256).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    return head.startswith(b"# ") and b"=" in head.split(b"\n", 1)[0]


def _extract_pair(pair: tuple[str, str]) -> Extraction:
    return extract(*pair)


class ExtractorPool:
    """Runs the extractor in worker processes for large batches, inline for small ones."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self._pool = None

    def __enter__(self) -> ExtractorPool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def extract(self, pairs: list[tuple[str, str]]) -> list[Extraction]:
        """Extractions of (title, body) pairs, in order."""
        if self.workers <= 1 or len(pairs) < POOL_THRESHOLD:
            return [_extract_pair(p) for p in pairs]
        if self._pool is None:
            # forkserver: safe to start from a process that runs threads (the app's workers)
            method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            self._pool = multiprocessing.get_context(method).Pool(self.workers)
        return self._pool.map(_extract_pair, pairs, chunksize=64)
