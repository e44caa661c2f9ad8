"""Turning paths into articles for the library, and extracting them on every core."""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tui_reader.articles import Article
from tui_reader.extract import Extraction, extract
from tui_reader.store import ArticleDocuments, article_documents

# Below this many articles a process pool costs more than it saves.
POOL_THRESHOLD = 200
# Files (or bulk chunks of 32 records) sent to the workers ahead of the results taken.
IN_FLIGHT = 1024


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
    for task in _file_tasks(paths, source_prefix, text_format):
        if isinstance(task, tuple) and len(task) == 2:
            yield task
        else:
            yield from file_articles(*task)


def _file_tasks(
    paths: Iterable[Path], source_prefix: str | None, text_format: str
) -> Iterator[tuple[str, str] | tuple[Path, str, str]]:
    """(path, source, text_format) for each file to read; (source, reason) for unusable paths."""
    from tui_reader.formats import BULK_SUFFIXES
    from tui_reader.reading import ARTICLE_SUFFIXES, ArticleReadError, iter_article_paths

    # In folders: .txt articles and .csv/.jsonl bulk files. Other tables and JSON files are
    # often not articles (manifests, annotations, settings): they are read only when named.
    folder_suffixes = (ARTICLE_SUFFIXES | BULK_SUFFIXES) - {".json", ".tsv", ".psv"}
    for root in paths:
        for item in iter_article_paths([root], suffixes=folder_suffixes):
            if isinstance(item, ArticleReadError):
                yield (item.path, item.reason)
                continue
            if source_prefix is not None:
                source = source_prefix + item.relative_to(root).as_posix()
            else:
                source = str(item.resolve())
            yield (item, source, text_format)


def file_articles(
    path: Path, source: str, text_format: str = "auto"
) -> Iterator[Article | tuple[str, str]]:
    """The articles of one file (many for a bulk file), or (source, reason) for each failure."""
    from tui_reader.formats import BULK_SUFFIXES, RecordError, iter_records, iter_text
    from tui_reader.reading import ArticleReadError, read_article_file

    if path.suffix.lower() in BULK_SUFFIXES:
        records = iter_records(path)
    elif text_format == "text" or (text_format == "auto" and _has_header_lines(path)):
        records = iter_text(path, source)
    else:
        try:
            yield read_article_file(path, source=source)
        except ArticleReadError as exc:
            yield (str(path), exc.reason)
        return
    for record in records:
        if isinstance(record, RecordError):
            yield (_where(record), record.reason)
        else:
            yield record


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


@dataclass
class Prepared:
    """An article read by a worker process and, unless it is known unchanged, extracted and
    turned into the documents the library stores (then the article itself is not sent back)."""

    source: str
    digest: str
    article: Article | None = None
    docs: ArticleDocuments | None = None


# ---- worker processes ------------------------------------------------------------------------

_known: dict[str, str] = {}


def _init_worker(known: dict[str, str]) -> None:
    global _known
    _known = known


def _prepare(article: Article) -> Prepared:
    digest = article.content_hash()
    if _known.get(article.source) == digest:
        # unchanged: no need to extract it again (the text goes back in case the library
        # changed since ``known`` was read)
        return Prepared(article.source, digest, article)
    extraction = extract(article.title, article.body)
    docs = article_documents(article, digest, extraction, with_terms=True)
    return Prepared(article.source, digest, docs=docs)


def _prepare_task(task: tuple) -> list[Prepared | tuple[str, str]]:
    """A file's articles, or the (source, reason) of a path that could not be used."""
    return [task] if len(task) == 2 else _prepare_file(task)


def _prepare_file(task: tuple[Path, str, str]) -> list[Prepared | tuple[str, str]]:
    return _prepare_items(file_articles(*task))


def _prepare_items(
    items: Iterable[Article | tuple[str, str]],
) -> list[Prepared | tuple[str, str]]:
    """Articles prepared; the (source, reason) of bad inputs pass through in their place."""
    return [item if isinstance(item, tuple) else _prepare(item) for item in items]


def _extract_pair(pair: tuple[str, str]) -> Extraction:
    return extract(*pair)


class ExtractorPool:
    """Reads and extracts in worker processes, one per core; inline for small jobs."""

    def __init__(self, workers: int | None = None, known: dict[str, str] | None = None) -> None:
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.known = known or {}
        self._pool = None
        self._closing = False

    def __enter__(self) -> ExtractorPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self._closing = True  # a feeder waiting for room in the window gives up
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def _get_pool(self):
        if self._pool is None:
            # forkserver: safe to start from a process that runs threads (the app's workers)
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context(
                "forkserver" if "forkserver" in methods else "spawn"
            )
            self._pool = context.Pool(
                self.workers, initializer=_init_worker, initargs=(self.known,)
            )
        return self._pool

    def extract(self, pairs: list[tuple[str, str]]) -> list[Extraction]:
        """Extractions of (title, body) pairs, in order."""
        if self.workers <= 1 or len(pairs) < POOL_THRESHOLD:
            return [_extract_pair(p) for p in pairs]
        return self._get_pool().map(_extract_pair, pairs, chunksize=64)

    def index_terms(self, docs: list) -> list:
        """The search index's terms of each IndexDoc, in order."""
        from tui_reader.search import index_terms

        if self.workers <= 1 or len(docs) < POOL_THRESHOLD:
            return [index_terms(d) for d in docs]
        return self._get_pool().map(index_terms, docs, chunksize=32)

    def prepare(
        self, paths: Iterable[Path], source_prefix: str | None = None, text_format: str = "auto"
    ) -> Iterator[Prepared | tuple[str, str]]:
        """Every article of the paths, read and extracted in parallel, in order."""
        if self.workers <= 1:
            _init_worker(self.known)
            for item in iter_inputs(paths, source_prefix, text_format):
                yield item if isinstance(item, tuple) else _prepare(item)
            return
        from tui_reader.formats import BULK_SUFFIXES

        tasks = _file_tasks(paths, source_prefix, text_format)
        bulk: list[tuple[Path, str, str]] = []

        def until_bulk() -> Iterator[tuple]:
            """The tasks up to the next bulk file (kept in ``bulk``): one stream for the pool,
            so no worker waits for the other at the end of a group of files."""
            for task in tasks:
                if len(task) == 3 and task[0].suffix.lower() in BULK_SUFFIXES:
                    bulk.append(task)
                    return
                yield task

        while True:
            yield from self._windowed(_prepare_task, until_bulk(), chunksize=16)
            if not bulk:
                return
            yield from self._run_bulk(bulk.pop())

    def _windowed(self, func, tasks: Iterator, chunksize: int) -> Iterator:
        """``func`` of each task in the workers, in order, with at most ``IN_FLIGHT`` tasks
        sent ahead of the results taken: workers faster than the writer wait, so memory stays
        bounded."""
        window = threading.Semaphore(IN_FLIGHT)

        def throttled() -> Iterator:
            for task in tasks:  # runs in the pool's feeder thread
                while not window.acquire(timeout=0.2):
                    if self._closing:
                        return
                yield task

        for items in self._get_pool().imap(func, throttled(), chunksize=chunksize):
            window.release()
            yield from items

    def _run_bulk(self, task: tuple[Path, str, str]):
        """A bulk file is read as it streams, its records sent to the workers 32 at a time
        (bad ones too, to keep their place in the report)."""

        def chunks():
            chunk: list[Article | tuple[str, str]] = []
            for item in file_articles(*task):
                chunk.append(item)
                if len(chunk) >= 32:
                    yield chunk
                    chunk = []
            if chunk:
                yield chunk

        yield from self._windowed(_prepare_items, chunks(), chunksize=1)


def import_paths(
    library,
    paths: Iterable[Path],
    *,
    workers: int | None = None,
    text_format: str = "auto",
    source_prefix: str | None = None,
    progress: Callable[[int], None] | None = None,
    on_failure: Callable[[str, str], None] | None = None,
):
    """Import files and folders into the library, reading and extracting on every core.

    ``on_failure(source, reason)`` hears of each bad input as it happens; the import goes on.
    """
    from tui_reader.store import uid_of

    known = {uid_of(meta): meta["hash"] for meta in library.all_meta().values()}
    gc.freeze()  # the stored library is long-lived: the collector need not walk it again

    def reported(items):
        for item in items:
            if isinstance(item, tuple) and on_failure is not None:
                on_failure(*item)
            yield item

    with ExtractorPool(workers, known) as pool:
        items = reported(pool.prepare(paths, source_prefix, text_format))
        return library.import_articles(items, progress=progress, pool=pool)
