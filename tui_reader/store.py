"""The article library: TinyDB files for metadata, bodies and reading state, plus the search index.

Layout beside the database file ``library.json`` (the store of record):

- ``library.json``: one document per article with what the list shows: title, date, author,
  source, content hash, the counts of officials and awards, the shard holding its body. Small
  enough to load at start even at 100k articles (about a third of a full record).
- ``library.extractions.json``: the officials and awards of every article (without mention
  offsets), for the views across the corpus; loaded when first needed, not at start.
- ``library.bodies/NNNN.json``: TinyDB shards of ``SHARD_SIZE`` bodies: the text, the article's
  own officials and awards, caption and mention offsets as flat integer lists (few objects, so
  a shard parses fast). Opening an article reads its shard and nothing else.
- ``library.state.json``: read and bookmarked flags, written often, so kept apart.
- ``library.index``: the persisted search index, rebuilt from the above if stale or damaged.
- ``library.pending.json``: while an import updates articles in place, their ids (their new
  text may be in the shards before the metadata commits): the next import stores them again.

The metadata file is written last in an import: it is the commit point, so a crash leaves the
old library or the new one. Writers take a lock on ``library.json.lock``. A library written
before the extractions had a file of their own (officials and awards inside ``library.json``)
opens as it is and is split at its next import.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import orjson
from tinydb import TinyDB
from tinydb.table import Document

from tui_reader.articles import PARAGRAPH_SEPARATOR, Article
from tui_reader.extract import Award, Extraction, Official
from tui_reader.storage import AtomicJSONStorage, StoreError, write_atomically

if TYPE_CHECKING:
    from tui_reader.importing import ExtractorPool, Prepared

log = logging.getLogger(__name__)

# Opening an article parses its whole shard: 100 bodies (~0.8 MB) take a few milliseconds.
SHARD_SIZE = 100
# An import holds at most this many articles (text, extractions, index terms) before it
# writes them: bounded memory, while the files are rewritten only a few times in a big import.
MAX_BATCH = 20_000
# Articles are handed to the writer thread in chunks of this many; it may lag this many chunks.
STAGE_SIZE = 500
REBUILD_CHUNK = 5000  # articles' texts held at once while the index is rebuilt
MAX_TASKS_AHEAD = 8
ARTICLES = "articles"
INFO = "info"
BODIES = "bodies"
STATE = "state"
EXTRACTIONS = "extractions"


# Phrases of three words or more are checked against the text when there are few candidates
# in few shards: in a narrow search a stray match of the index's pairwise check would show,
# and checking costs a few milliseconds; in a broad one it would cost seconds and hardly show.
PHRASE_CHECK_CANDIDATES = 40
PHRASE_CHECK_SHARDS = 6

READING_FILTERS: dict[str, Callable[[Library, int], bool]] = {
    "is:unread": lambda library, i: not library.is_read(i),
    "is:read": lambda library, i: library.is_read(i),
    "is:bookmarked": lambda library, i: library.is_bookmarked(i),
}


@dataclass
class ArticleSummary:
    """What the article list needs of one article."""

    id: int
    title: str
    date: str | None
    author: str | None
    officials: int
    awards: int


@dataclass
class StoredArticle:
    """A whole article as stored: text, extraction with mention offsets, reading state."""

    id: int
    article: Article
    extraction: Extraction
    read: bool = False
    bookmarked: bool = False


@dataclass
class ImportReport:
    """The outcome of one import: counts and one (source, reason) per failed input."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.failed)} failed"
        )


def default_db_path() -> Path:
    """$TUI_READER_DB, else library.json in the user's data folder."""
    env = os.environ.get("TUI_READER_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("tui-reader", appauthor=False) / "library.json"


def _db(path: Path, read_only: bool) -> TinyDB:
    return TinyDB(path, storage=AtomicJSONStorage, read_only=read_only)


def _storage(db: TinyDB) -> AtomicJSONStorage:
    return db.storage  # type: ignore[return-value]


def official_index_text(official: dict) -> str:
    """One official as the search index sees it: "rank name, title, title"."""
    head = " ".join(p for p in (official.get("rank"), official.get("name")) if p)
    return ", ".join([head, *official.get("titles", [])])


def award_index_text(award: dict) -> str:
    """One award as the search index sees it: "award của issuer"."""
    issuer = award.get("issuer")
    return f"{award['award']} của {issuer}" if issuer else award["award"]


class Library:
    """The article store. Open with ``Library.open(path)``; import with ``import_articles``."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.bodies_dir = path.with_name(path.stem + ".bodies")
        self.index_path = path.with_name(path.stem + ".index")
        # the metadata generation the saved index belongs to
        self.index_stamp_path = path.with_name(path.stem + ".index.generation")
        # ids of articles whose new text may be in their shard while the metadata still has
        # the old one (an import of edited files stopped before its commit point)
        self.pending_path = path.with_name(path.stem + ".pending.json")
        self.lock_path = path.with_name(path.name + ".lock")
        self.state_lock_path = path.with_name(path.stem + ".state.json.lock")
        self._db = _db(path, read_only)
        self._state_db = _db(path.with_name(path.stem + ".state.json"), read_only)
        self._extractions_db = _db(path.with_name(path.stem + ".extractions.json"), read_only)
        self._shards: OrderedDict[int, dict[str, dict]] = OrderedDict()
        self._shards_lock = threading.Lock()
        self._meta: dict[int, dict] = {}
        self._state: dict[int, dict] = {}
        # id -> {"officials", "awards"}; None until first needed (see ``extractions``)
        self._extractions: dict[int, dict] | None = None
        self._extractions_lock = threading.Lock()
        self._split_pending = False  # an old library whose extractions are still in its metadata
        self._index = None
        self._mtime = 0.0

    # ---- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None, read_only: bool = False) -> Library:
        """Open (or create on first write) the library at ``path``; raise StoreError if damaged."""
        library = cls(Path(path) if path else default_db_path(), read_only=read_only)
        library._load()
        return library

    def _load(self) -> None:
        with collector_paused():
            self._load_files()

    def _load_files(self) -> None:
        _storage(self._db).forget()
        _storage(self._state_db).forget()
        _storage(self._extractions_db).forget()
        # Straight from the storage's parsed JSON (TinyDB's documents would copy each of them:
        # twice the time and memory at 100k articles); writes still go through TinyDB.
        self._meta = _table_docs(self._db, ARTICLES)
        self._state = _table_docs(self._state_db, STATE)
        with self._extractions_lock:
            self._extractions = None
            self._split_pending = False
            if any("officials" in meta for meta in self._meta.values()):
                self._extractions = self._split_old_layout()
                self._split_pending = True
        self._mtime = self._stamp()
        self._index = None

    def _split_old_layout(self) -> dict[int, dict]:
        """The extractions of a library written by an older version, moved out of its
        metadata (in memory; the files follow at the next import, extractions first). Only the
        documents in the old layout move: any others keep theirs from the extractions file."""
        extractions = _table_docs(self._extractions_db, EXTRACTIONS)
        for article_id, meta in self._meta.items():
            if "officials" not in meta and "awards" not in meta:
                continue
            extraction = {"officials": meta.pop("officials", []), "awards": meta.pop("awards", [])}
            if meta.get("uid") == meta.get("source"):
                del meta["uid"]
            meta["n_officials"] = len(extraction["officials"])
            meta["n_awards"] = len(extraction["awards"])
            extractions[article_id] = extraction
        return extractions

    def _stamp(self) -> float:
        try:
            return self.path.stat().st_mtime
        except FileNotFoundError:
            return 0.0

    def changed_on_disk(self) -> bool:
        """True when another process has written the library since it was loaded."""
        return self._stamp() != self._mtime

    def reload(self) -> None:
        """Re-read the library from disk (after another process imported into it)."""
        with self._shards_lock:
            self._shards.clear()
        self._load()

    # ---- reading -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._meta)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._meta

    def ids(self) -> list[int]:
        """Every article id, newest first (by month, then most recently imported)."""
        dates = {i: meta.get("date") or "" for i, meta in self._meta.items()}
        order = sorted(dates)  # by id, then (a stable sort) by month: in C, no key tuples
        order.sort(key=dates.__getitem__)
        order.reverse()
        return order

    def summary(self, article_id: int) -> ArticleSummary:
        meta = self._meta[article_id]
        return ArticleSummary(
            id=article_id,
            title=meta["title"],
            date=meta.get("date"),
            author=meta.get("author"),
            officials=meta.get("n_officials", 0),
            awards=meta.get("n_awards", 0),
        )

    def meta(self, article_id: int) -> dict:
        """The stored metadata document of one article (title, date, author, source, ...)."""
        return self._meta[article_id]

    def all_meta(self) -> dict[int, dict]:
        """Every article's metadata by id: what the list shows, without the extractions."""
        return self._meta

    def extractions(self) -> dict[int, dict]:
        """Every article's officials and awards (``{"officials": [...], "awards": [...]}``) by id,
        read from their file the first time (about a second at 100k articles)."""
        with self._extractions_lock:
            if self._extractions is None:
                with collector_paused():
                    self._extractions = _table_docs(self._extractions_db, EXTRACTIONS)
            return self._extractions

    def record(self, article_id: int) -> dict:
        """The metadata and the extractions of one article in one document."""
        return {**self._meta[article_id], **self._extraction_of(article_id)}

    def records(self, ids: Iterable[int] | None = None) -> Mapping[int, dict]:
        """Metadata with extractions by id, for the given articles (all when None)."""
        return _Records(self, self._meta if ids is None else [i for i in ids if i in self._meta])

    def _extraction_of(self, article_id: int, body: dict | None = None) -> dict:
        """An article's officials and awards: from its body when it carries them (bodies
        written before the split do not), else from the corpus-wide file."""
        if body is not None and "officials" in body:
            return body
        return self.extractions().get(article_id) or {"officials": [], "awards": []}

    def _shard(self, number: int) -> dict[str, dict]:
        with self._shards_lock:  # the screen and a search or export worker may both read
            if number in self._shards:
                self._shards.move_to_end(number)
                return self._shards[number]
            db = _db(self._shard_path(number), read_only=True)
            data = (db.storage.read() or {}).get(BODIES, {})
            self._shards[number] = data
            while len(self._shards) > 8:
                self._shards.popitem(last=False)
            return data

    def _shard_path(self, number: int) -> Path:
        return self.bodies_dir / f"{number:04d}.json"

    def get(self, article_id: int) -> StoredArticle:
        """The whole article; its body is read from its shard on demand."""
        meta = self._meta[article_id]
        body = self._shard(meta["shard"]).get(str(article_id))
        if body is None:
            raise StoreError(
                self._shard_path(meta["shard"]),
                f"the text of article {article_id} is missing; re-import its file",
            )
        article = Article(
            title=meta["title"],
            date=meta.get("date"),
            author=meta.get("author"),
            paragraphs=body["text"].split(PARAGRAPH_SEPARATOR) if body["text"] else [],
            source=meta.get("source", ""),
            byline=meta.get("byline"),
            url=meta.get("url"),
            captions=_pairs(body.get("captions", ())),
        )
        extracted = self._extraction_of(article_id, body)
        spans = body.get("spans", {})
        official_spans = spans.get("officials") or _empty(extracted, "officials")
        award_spans = spans.get("awards") or _empty(extracted, "awards")
        officials = [
            Official(o["name"], o.get("rank"), list(o.get("titles", ())), _pairs(flat))
            for o, flat in zip(extracted.get("officials", ()), official_spans, strict=False)
        ]
        awards = [
            Award(
                a["award"],
                a.get("issuer"),
                list(a.get("presenters", ())),
                list(a.get("recipients", ())),
                a.get("collectives"),
                a.get("individuals"),
                _pairs(flat),
            )
            for a, flat in zip(extracted.get("awards", ()), award_spans, strict=False)
        ]
        state = self._state.get(article_id, {})
        return StoredArticle(
            id=article_id,
            article=article,
            extraction=Extraction(officials, awards),
            read=bool(state.get("read")),
            bookmarked=bool(state.get("bookmarked")),
        )

    # ---- reading state -------------------------------------------------------------------

    def is_read(self, article_id: int) -> bool:
        return bool(self._state.get(article_id, {}).get("read"))

    def is_bookmarked(self, article_id: int) -> bool:
        return bool(self._state.get(article_id, {}).get("bookmarked"))

    def set_state(self, article_id: int, **flags: bool) -> None:
        """Set read/bookmarked flags of one article and write them at once."""
        state = {**self._state.get(article_id, {}), **flags}
        if state == self._state.get(article_id):
            return
        self._state[article_id] = state
        table = self._state_db.table(STATE)
        # its own lock: marking an article read must not wait for a long import
        with self._write_lock(self.state_lock_path):
            table.upsert(Document(state, doc_id=article_id))

    # ---- search --------------------------------------------------------------------------

    def index(self):  # -> SearchIndex
        """The search index, loaded from disk or rebuilt when missing, stale or damaged."""
        if self._index is None:
            self._index = self._load_or_rebuild_index()
        return self._index

    def index_needs_rebuild(self) -> bool:
        """Whether opening the search index means building it anew (a minute or more at 100k
        articles): it is missing, from another version, or older than the metadata."""
        from tui_reader.search import indexfile

        if self._index is not None or not self._meta:
            return False
        return self._saved_generation() != self._generation() or not indexfile.is_current(
            self.index_path
        )

    def _saved_generation(self) -> int | None:
        """The metadata generation the saved index belongs to; None when never saved."""
        try:
            return int(self.index_stamp_path.read_text())
        except (OSError, ValueError):
            return None

    def _generation(self) -> int:
        info = self._db.table(INFO).get(doc_id=1)
        return int(info["generation"]) if info else 0

    def _load_or_rebuild_index(self):
        from tui_reader.search import SearchIndex

        generation = self._generation()
        if self._saved_generation() == generation:  # else never saved or stale: rebuilt
            try:
                index = SearchIndex.load(self.index_path)
                if len(index) == len(self._meta):
                    return index
            except Exception as exc:  # noqa: BLE001 - any damage only means a rebuild
                log.warning("search index unusable (%s); rebuilding", exc)
        index = self._rebuild_index()
        if not self.read_only:
            with contextlib.suppress(StoreError, OSError):
                self._save_index(index, generation)
            return index
        # Opened read-only (the CLI's queries): the index is derived data, so it is saved all
        # the same, that the next command starts at once; not while a writer is at work.
        with contextlib.suppress(StoreError, OSError), _locked(self.lock_path, wait=False) as held:
            if held and not self.changed_on_disk():
                self._save_index(index, generation)
        return index

    def _rebuild_index(self):  # -> SearchIndex
        """The index of every article, its terms computed on every core (in id order, so the
        bodies' shards are read one after another)."""
        from tui_reader.importing import ExtractorPool
        from tui_reader.search import SearchIndex

        index = SearchIndex()
        ids = list(self._meta)
        with ExtractorPool() as pool:
            for start in range(0, len(ids), REBUILD_CHUNK):
                part = ids[start : start + REBUILD_CHUNK]
                terms = pool.index_terms([self._index_doc(i) for i in part])
                last = start + REBUILD_CHUNK >= len(ids)
                index.add_many_terms(zip(part, terms, strict=True), freeze=last)
        return index

    def _index_doc(self, article_id: int):
        meta = self._meta[article_id]
        stored = self._shard(meta["shard"]).get(str(article_id)) or {"text": ""}
        return index_doc(meta, stored["text"], self._extraction_of(article_id, stored))

    def _save_index(self, index, generation: int) -> None:
        index.save(self.index_path)
        write_atomically(self.index_stamp_path, str(generation).encode(), keep_backup=False)

    def search(self, query: str, limit: int | None = None) -> list[int]:
        """Article ids matching the query, best first.

        Besides the index's syntax, ``is:unread``, ``is:read`` and ``is:bookmarked`` keep only
        articles in that reading state (they live here, not in the index).
        """
        words = query.split()
        states = {w.lower() for w in words if w.lower() in READING_FILTERS}
        text = " ".join(w for w in words if w.lower() not in READING_FILTERS)
        if text.strip():
            long_phrases = _long_phrases(text)
            exact = not states and not long_phrases
            ids = [
                i
                for i in self.index().search(text, limit=limit if exact else None)
                if i in self._meta
            ]
            if long_phrases and self._cheap_to_read(ids):
                ids = [i for i in ids if self._has_phrases(i, long_phrases)]
        else:
            ids = self.ids()
        for state in states:
            ids = [i for i in ids if READING_FILTERS[state](self, i)]
        return ids[:limit] if limit is not None else ids

    def _cheap_to_read(self, ids: list[int]) -> bool:
        if len(ids) > PHRASE_CHECK_CANDIDATES:
            return False
        shards = set()
        for i in ids:
            shards.add(self._meta[i]["shard"])
            if len(shards) > PHRASE_CHECK_SHARDS:
                return False
        return True

    def _has_phrases(self, article_id: int, terms: list) -> bool:
        """Whether the article holds each phrase with its words truly adjacent (the index
        checks phrases of three or more words pair by pair, which can over-match)."""
        from tui_reader.search import Query, find_hits

        doc = self._index_doc(article_id)  # the texts the index saw, field by field
        officials = "\n".join(doc.officials)
        texts = {
            "title": doc.title,
            "official": officials,
            "award": "\n".join(doc.awards),
            "author": doc.author or "",
        }
        for term in terms:
            text = texts.get(term.field)
            if text is None:  # plain words: title, body and officials
                text = "\n".join([doc.title, doc.body, officials])
            if not find_hits(Query(terms=[term]), text):
                return False
        return True

    # ---- writing -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _write_lock(self, lock_path: Path | None = None) -> Iterator[None]:
        """Serialise writers across processes: the second waits for the first to finish."""
        if self.read_only:
            raise StoreError(self.path, "the database is open read-only")
        lock_path = lock_path or self.lock_path
        with contextlib.ExitStack() as stack:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                stack.enter_context(_locked(lock_path, wait=True))
            except OSError as exc:
                reason = f"cannot create the lock file: {exc.strerror}"
                raise StoreError(lock_path, reason) from None
            yield

    def import_articles(
        self,
        articles: Iterable[Article | Prepared | tuple[str, str]],
        progress: Callable[[int], None] | None = None,
        batch_size: int = 5000,
        workers: int | None = None,
        pool: ExtractorPool | None = None,
    ) -> ImportReport:
        """Store articles (new, updated or unchanged by identity and content hash).

        Items are articles, articles already read and extracted by worker processes
        (``Prepared``), or (source, reason) pairs for inputs that failed to read, counted as
        failed. Writes happen in batches, each one atomic.
        """
        try:
            return self._import(articles, progress, batch_size, workers, pool)
        except BaseException:
            # the writer thread has stopped: forget an index that may hold staged terms of a
            # batch never committed (read again from its file when next needed)
            self._index = None
            raise

    def _import(self, articles, progress, batch_size, workers, pool) -> ImportReport:
        """``import_articles``; the caller forgets the index if this raises."""
        from tui_reader.importing import ExtractorPool, Prepared

        report = ImportReport()
        with (
            self._write_lock(),
            contextlib.ExitStack() as stack,
            ThreadPoolExecutor(1, thread_name_prefix="commit") as committer,
            collector_paused(),  # the staged documents hold no cycles; the collector's
            # passes over thousands of them would cost about a tenth of an import
        ):
            if pool is None:
                pool = stack.enter_context(ExtractorPool(workers))
            if self.changed_on_disk():
                self.reload()
            by_uid = {uid_of(meta): i for i, meta in self._meta.items()}
            hashes = {i: meta["hash"] for i, meta in self._meta.items()}
            for article_id in self._pending() & hashes.keys():
                hashes[article_id] = ""  # never "unchanged": stored again, whichever text comes
            next_id = max(self._meta, default=0) + 1
            # Articles are staged in chunks while the workers read on: their documents sorted
            # into files and their terms filed in the index (in memory). A batch is committed
            # when it is big enough: files, then the index, then the metadata. Staging and
            # commits run in order on one background thread; the batches grow with the library
            # so that rewriting its files stays a small share of the work.
            staged = _Staged()
            chunk: list[tuple[int, Prepared]] = []
            tasks: list = []
            failed = threading.Event()

            def run(task, *args) -> None:
                if failed.is_set():
                    return  # an earlier step failed: nothing after it may be written
                try:
                    task(*args)
                except BaseException:
                    failed.set()
                    self._index = None  # it may hold staged terms: read it again from its file
                    raise

            def submit(task, *args) -> None:
                tasks.append(committer.submit(run, task, *args))
                # the first error stops the import; never run far ahead of the writer
                while tasks and (tasks[0].done() or len(tasks) > MAX_TASKS_AHEAD):
                    tasks.pop(0).result()

            try:
                for seen, item in enumerate(articles, 1):
                    if isinstance(item, tuple):
                        report.failed.append(item)
                    else:
                        if not isinstance(item, Prepared):
                            item = Prepared(item.source, item.content_hash(), item)
                        uid = item.source
                        existing = by_uid.get(uid)
                        if existing is not None and hashes.get(existing) == item.digest:
                            report.unchanged += 1
                        else:
                            if existing is None:
                                existing = next_id
                                next_id += 1
                                by_uid[uid] = existing
                                report.new += 1
                            else:
                                report.updated += 1
                            hashes[existing] = item.digest
                            chunk.append((existing, item))
                            staged.size += 1
                        if len(chunk) >= STAGE_SIZE:
                            submit(self._stage, staged, chunk, pool)
                            chunk = []
                        if staged.size >= max(batch_size, min(len(hashes) // 4, MAX_BATCH)):
                            if chunk:
                                submit(self._stage, staged, chunk, pool)
                                chunk = []
                            submit(self._commit, staged)
                            staged = _Staged()
                    if progress is not None:
                        progress(seen)
                if chunk:
                    submit(self._stage, staged, chunk, pool)
                if staged.size:
                    submit(self._commit, staged)
                for task in tasks:
                    task.result()
            except BaseException:
                failed.set()  # the writer skips what is queued: nothing more is written
                raise
        return report

    def _stage(self, staged: _Staged, items: list[tuple[int, Prepared]], pool) -> None:
        """Extract what is missing, sort the documents into their files, file their terms
        in the index (which is saved only when the batch is committed)."""
        missing = [p.article for _, p in items if p.docs is None]
        extracted = iter(pool.extract([(a.title, a.body) for a in missing]))
        terms = []
        for article_id, prepared in items:
            docs = prepared.docs
            if docs is None:
                docs = article_documents(prepared.article, prepared.digest, next(extracted))
            old = self._meta.get(article_id)
            shard = old["shard"] if old else article_id // SHARD_SIZE
            docs.meta["shard"] = shard
            staged.metas[article_id] = docs.meta
            staged.extractions[article_id] = docs.extracted
            staged.bodies.setdefault(shard, {})[article_id] = docs.body
            terms.append((article_id, docs.terms or index_terms(docs.index_doc())))
        # an article met twice in one chunk (a bulk file repeating a URL): the last one counts,
        # as in the documents above
        terms = list(dict(terms).items())
        index = self.index()  # loaded (or rebuilt) before the new metadata is visible
        try:
            # merged once, when saved: merging each chunk would copy the index every time
            index.add_many_terms(terms, freeze=False)
        except BaseException:
            self._index = None  # half filed: read it again from its file
            raise

    def _commit(self, staged: _Staged) -> None:
        """Write the staged bodies, extractions, the index, then the metadata (the commit
        point). Articles updated in place are noted first as pending, until the commit."""
        old_meta = dict(self._meta)
        updated = {i for i in staged.metas if i in self._meta}
        if updated:
            self._set_pending(self._pending() | updated)
        try:
            if self._split_pending:
                self._add_extractions_to_old_shards()
            for shard, shard_docs in staged.bodies.items():
                self._write_shard(shard, shard_docs)
            self._write_extractions(staged.extractions)
            generation = self._generation() + 1
            index = self.index()
            self._meta.update(staged.metas)
            self._save_index(index, generation)
            self._write_meta(staged.metas, generation)
            self._split_pending = False
        except BaseException:
            self._meta = old_meta
            self._index = None
            # what is cached of the files may hold this batch: read them again when needed
            _storage(self._db).forget()
            _storage(self._extractions_db).forget()
            if not self._split_pending:  # (after a split, memory holds the only copy)
                with self._extractions_lock:
                    self._extractions = None
            raise
        if updated:
            self._set_pending(self._pending() - updated)

    def _add_extractions_to_old_shards(self) -> None:
        """Bodies written by an older version held only mention offsets: give each one its
        article's extractions, so that opening an article reads its shard alone (once, when
        the library is split; each shard is written atomically, and an interrupted pass is
        taken up again at the next import)."""
        for path in sorted(self.bodies_dir.glob("*.json")):
            storage = _storage(_db(path, read_only=False))
            data = storage.read() or {}
            bodies = data.get(BODIES, {})
            old = [(doc_id, b) for doc_id, b in bodies.items() if "officials" not in b]
            if not old:
                continue
            for doc_id, body in old:
                extracted = self._extraction_of(int(doc_id))
                body["officials"] = extracted["officials"]
                body["awards"] = extracted["awards"]
            storage.write(data)
            with self._shards_lock:
                self._shards.clear()

    def _pending(self) -> set[int]:
        try:
            return {int(i) for i in orjson.loads(self.pending_path.read_bytes())}
        except FileNotFoundError:
            return set()
        except (OSError, ValueError, TypeError) as exc:
            reason = f"cannot read the list of pending updates: {exc}"
            raise StoreError(self.pending_path, reason) from None

    def _set_pending(self, ids: set[int]) -> None:
        if ids:
            write_atomically(self.pending_path, orjson.dumps(sorted(ids)), keep_backup=False)
        else:
            with contextlib.suppress(FileNotFoundError):
                self.pending_path.unlink()

    def _write_extractions(self, docs: dict[int, dict]) -> None:
        """Add or replace articles' extractions in their file (all of them, the first time an
        old library is written)."""
        current = self.extractions()
        storage = _storage(self._extractions_db)
        table = self._extractions_db.table(EXTRACTIONS)
        with storage.batch():
            if self._split_pending:
                storage.write({EXTRACTIONS: {str(i): doc for i, doc in current.items()}})
            _replace_documents(table, docs)
        current.update(docs)

    def _write_shard(self, shard: int, docs: dict[int, dict]) -> None:
        path = self._shard_path(shard)
        db = _db(path, read_only=False)
        table = db.table(BODIES)
        with _storage(db).batch():
            _replace_documents(table, docs)
        with self._shards_lock:
            self._shards.pop(shard, None)

    def _write_meta(self, metas: dict[int, dict], generation: int) -> None:
        table = self._db.table(ARTICLES)
        info = self._db.table(INFO)
        storage = _storage(self._db)
        with storage.batch():
            if self._split_pending:  # the first write after a split: every document, split
                data = dict(storage.read() or {})
                data[ARTICLES] = {str(i): meta for i, meta in self._meta.items()}
                storage.write(data)
            else:
                _replace_documents(table, metas)
            info.upsert(Document({"generation": generation}, doc_id=1))
        self._mtime = self._stamp()


@contextlib.contextmanager
def _locked(lock_path: Path, wait: bool) -> Iterator[bool]:
    """An exclusive lock on ``lock_path`` across processes: True once held; False at once when
    another process holds it and ``wait`` is off. Raises OSError when it cannot be opened."""
    handle = open(lock_path, "a+")  # noqa: SIM115 - held across the yield below
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                yield False
                return
            log.info("waiting for another writer to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        handle.close()


def _replace_documents(table, docs: dict[int, dict]) -> None:
    """Insert documents by id into a TinyDB table, replacing those already there."""
    existing = [i for i in docs if table.contains(doc_id=i)]
    if existing:
        table.remove(doc_ids=existing)
    table.insert_multiple(Document(doc, doc_id=i) for i, doc in docs.items())


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection while many documents arrive (parsed JSON, an import's batch):
    they hold no cycles, and the collector's passes over them would only cost time (they
    double the time to load 100k articles' metadata)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class _Staged:
    """A batch of an import on its way to the files: documents by id, bodies by shard."""

    size: int = 0
    metas: dict[int, dict] = field(default_factory=dict)
    extractions: dict[int, dict] = field(default_factory=dict)
    bodies: dict[int, dict[int, dict]] = field(default_factory=dict)


@dataclass
class ArticleDocuments:
    """One article as the files store it, built where it was extracted (a worker process):
    the list's metadata (its shard is set when stored), the extractions, the body document,
    and the search index's terms."""

    meta: dict
    extracted: dict
    body: dict
    terms: object = None

    def index_doc(self):  # -> IndexDoc
        return index_doc(self.meta, self.body["text"], self.extracted)


def article_documents(
    article: Article, digest: str, extraction: Extraction, with_terms: bool = False
) -> ArticleDocuments:
    """The documents of one article (and its index terms, when asked for)."""
    data = extraction.to_json(with_mentions=True)
    officials = data["officials"]
    awards = data["awards"]
    spans = {
        "officials": [_flat(o.pop("mentions")) for o in officials],
        "awards": [_flat(a.pop("mentions")) for a in awards],
    }
    meta = {
        "source": article.source,
        "hash": digest,
        "title": article.title,
        "date": article.date,
        "author": article.author,
        "byline": article.byline,
        "url": article.url,
        "n_officials": len(officials),
        "n_awards": len(awards),
    }
    body = {
        "text": article.body,
        "captions": _flat(article.captions),
        "officials": officials,
        "awards": awards,
        "spans": spans,
    }
    docs = ArticleDocuments(meta, {"officials": officials, "awards": awards}, body)
    if with_terms:
        docs.terms = index_terms(docs.index_doc())
    return docs


def index_terms(doc):  # -> IndexTerms
    from tui_reader.search import index_terms as terms_of

    return terms_of(doc)


class _Records(Mapping):
    """Article id -> metadata and extractions in one document, merged when asked for."""

    def __init__(self, library: Library, ids: Iterable[int]) -> None:
        self._library = library
        self._ids = ids

    def __getitem__(self, article_id: int) -> dict:
        if article_id not in self._library._meta:
            raise KeyError(article_id)
        return self._library.record(article_id)

    def __iter__(self) -> Iterator[int]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def uid_of(meta: dict) -> str:
    """What identifies an article across imports: its source (older libraries kept a copy)."""
    return meta.get("uid") or meta.get("source") or ""


def index_doc(meta: dict, text: str, extracted: dict):  # -> IndexDoc
    """One article as the search index sees it."""
    from tui_reader.search import IndexDoc

    return IndexDoc(
        title=meta["title"],
        body=text,
        date=meta.get("date"),
        author=meta.get("author"),
        officials=[official_index_text(o) for o in extracted.get("officials", ())],
        awards=[award_index_text(a) for a in extracted.get("awards", ())],
    )


def _table_docs(db: TinyDB, name: str) -> dict[int, dict]:
    """A table's documents by id, as stored (not copies)."""
    raw = (_storage(db).read() or {}).get(name, {})
    return {int(doc_id): doc for doc_id, doc in raw.items()}


def _long_phrases(query: str) -> list:
    """The positive phrases of three words or more in a query."""
    from tui_reader.search import parse_query

    return [t for t in parse_query(query).positive if t.is_phrase and len(t.words) >= 3]


def _empty(meta: dict, key: str) -> list[list]:
    return [[] for _ in meta.get(key, ())]


def _flat(spans) -> list[int]:
    """[(1, 4), (9, 12)] -> [1, 4, 9, 12]: one list of ints parses far faster than many pairs."""
    return [n for span in spans for n in span]


def _pairs(flat) -> list[tuple[int, int]]:
    return list(zip(flat[0::2], flat[1::2], strict=False))
