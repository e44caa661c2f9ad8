"""Writers for ``tui-reader export`` and ``tui-reader officials``: JSON, JSON Lines and CSV.

Rows are written one at a time, so exporting 100k articles never holds the output in memory.
JSON is UTF-8 as written (no \\u escapes). CSV has a header row, lists joined with "; ", a BOM
so spreadsheet programs read Vietnamese, and cells starting with = + - @ (or a tab or carriage
return) prefixed with ' so a spreadsheet never runs them as formulas.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import os
import secrets
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from tui_reader.award_summary import AwardGroup
from tui_reader.directory import Person, Seen

FORMATS = ("json", "jsonl", "csv")
LIST_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Bodies are read shard by shard: rows for this many articles are put in order in a spill file.
ORDER_CHUNK = 20_000

ARTICLE_FIELDS = ["id", "date", "title", "author", "source", "url", "officials", "awards"]
OFFICIAL_FIELDS = ["key", "name", "spellings", "ranks", "titles", "articles", "first", "last",
                   "ambiguous", "note", "article_ids"]  # fmt: skip
AWARD_FIELDS = ["award", "issuer", "articles", "collectives", "individuals", "recipients",
                "presenters", "first", "last", "article_ids"]  # fmt: skip


class ExportError(Exception):
    """An export that could not be written: names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


# ---- rows ----------------------------------------------------------------------------------


def _award_label(award: dict) -> str:
    issuer = award.get("issuer")
    return f"{award.get('award', '')} ({issuer})" if issuer else str(award.get("award", ""))


def _article_row(article_id: int, meta: dict, text: str | None) -> dict:
    row = {
        "id": article_id,
        "date": meta.get("date"),
        "title": meta.get("title"),
        "author": meta.get("author"),
        "source": meta.get("source"),
        "url": meta.get("url"),
        "officials": [o.get("name", "") for o in meta.get("officials") or ()],
        "awards": [_award_label(a) for a in meta.get("awards") or ()],
    }
    if text is not None:
        row["text"] = text
    return row


def _seen_json(seen: Seen) -> dict:
    return {"text": seen.text, "first": seen.first, "last": seen.last, "articles": seen.articles}


def _seen_cell(seen: Seen) -> str:
    """ "Giám đốc Sở Y tế (2023-01 – 2024-05, 3 articles)"."""
    if seen.first and seen.last and seen.first != seen.last:
        when = f"{seen.first} – {seen.last}, "
    elif seen.first:
        when = f"{seen.first}, "
    else:
        when = ""
    return f"{seen.text} ({when}{seen.articles} article{'' if seen.articles == 1 else 's'})"


def _official_row(person: Person, for_csv: bool) -> dict:
    seen = _seen_cell if for_csv else _seen_json
    return {
        "key": person.key,
        "name": person.name,
        "spellings": person.spellings,
        "ranks": [seen(s) for s in person.ranks],
        "titles": [seen(s) for s in person.titles],
        "articles": len(person.article_ids),
        "first": person.first,
        "last": person.last,
        "ambiguous": person.ambiguous,
        "note": person.note,
        "article_ids": person.article_ids,
    }


def _award_row(group: AwardGroup) -> dict:
    return {
        "award": group.award,
        "issuer": group.issuer,
        "articles": len(group.article_ids),
        "collectives": group.collectives,
        "individuals": group.individuals,
        "recipients": group.recipients,
        "presenters": group.presenters,
        "first": group.first,
        "last": group.last,
        "article_ids": group.article_ids,
    }


# ---- formats -------------------------------------------------------------------------------


def safe_cell(value: Any) -> Any:
    """A CSV cell: lists joined with "; ", text that a spreadsheet would run as a formula
    prefixed with '."""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def _write(rows: Iterable[dict], fmt: str, out: BinaryIO, fields: list[str]) -> int:
    """Write rows in ``fmt``; returns how many."""
    _check(fmt)
    count = 0
    if fmt == "csv":
        out.write(codecs.BOM_UTF8)
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        try:
            writer = csv.writer(text)
            writer.writerow(fields)
            for row in rows:
                writer.writerow([safe_cell(row.get(f)) for f in fields])
                count += 1
            text.flush()
        finally:
            text.detach()  # the caller's stream stays open
        return count
    if fmt == "jsonl":
        for row in rows:
            out.write(orjson.dumps(row))
            out.write(b"\n")
            count += 1
        return count
    out.write(b"[")
    for row in rows:
        out.write(b"\n" if count == 0 else b",\n")
        out.write(orjson.dumps(row))
        count += 1
    out.write(b"\n]\n" if count else b"]\n")
    return count


def export_articles(library, ids: list[int], fmt: str, out: BinaryIO,
                    with_text: bool = True) -> int:  # fmt: skip
    """Write the articles ``ids`` (in that order) from ``library``; returns the rows written."""
    _check(fmt)
    fields = ARTICLE_FIELDS + (["text"] if with_text else [])
    if not with_text:
        rows = (_article_row(i, library.record(i), None) for i in ids)
        return _write(rows, fmt, out, fields)
    return _write(_rows_with_text(library, ids), fmt, out, fields)


def _rows_with_text(library, ids: list[int]) -> Iterator[dict]:
    """Article rows with their text, in the order of ``ids``, each body shard read once per
    chunk: bodies are read in shard order and put back in order through a spill file."""
    for start in range(0, len(ids), ORDER_CHUNK):
        chunk = ids[start : start + ORDER_CHUNK]
        by_shard = sorted(range(len(chunk)), key=lambda n: (_shard(library, chunk[n]), n))
        if by_shard == list(range(len(chunk))):  # already in shard order: no spill needed
            for article_id in chunk:
                record = library.record(article_id)
                yield _article_row(article_id, record, _text(library, article_id))
            continue
        with tempfile.TemporaryFile() as spill:
            where: list[tuple[int, int]] = [(0, 0)] * len(chunk)
            for n in by_shard:
                article_id = chunk[n]
                data = orjson.dumps(_article_row(article_id, library.record(article_id),
                                                 _text(library, article_id)))  # fmt: skip
                where[n] = (spill.tell(), len(data))
                spill.write(data)
            for offset, size in where:
                spill.seek(offset)
                yield orjson.loads(spill.read(size))


def _shard(library, article_id: int) -> int:
    return int(library.meta(article_id).get("shard", 0) or 0)


def _text(library, article_id: int) -> str:
    return library.get(article_id).article.body


def export_officials(people: list[Person], fmt: str, out: BinaryIO) -> int:
    """Write the directory of officials; returns the rows written."""
    _check(fmt)
    return _write((_official_row(p, fmt == "csv") for p in people), fmt, out, OFFICIAL_FIELDS)


def export_awards(groups: list[AwardGroup], fmt: str, out: BinaryIO) -> int:
    """Write award groups; returns the rows written."""
    _check(fmt)
    return _write((_award_row(g) for g in groups), fmt, out, AWARD_FIELDS)


def export_to_file(path: Path, writer: Callable[..., int], *args: Any, **kwargs: Any) -> int:
    """Run ``writer(*args, out=file, **kwargs)`` into ``path`` atomically: a temporary file
    beside it, fsynced, then renamed over it. Returns the rows written."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        # created with the usual permissions (the umask applies), unlike mkstemp's 0600
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise ExportError(path, f"cannot write here: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            rows = writer(*args, out=handle, **kwargs)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise ExportError(path, f"{exc.strerror or exc}; nothing was written") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):  # the rename itself survives a crash
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return rows
