"""Bulk article files: pipe-delimited CSV, JSON Lines, and title-then-body text files.

``iter_records`` streams any of them as Articles, one RecordError per bad record, and goes on
after a bad record. Files are read a line at a time, so a 1 GB dump never sits in memory.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any

from tui_reader.articles import Article, find_captions, normalise_text, parse_article
from tui_reader.bylines import parse_byline, split_byline
from tui_reader.reading import ArticleReadError, describe_os_error, read_text_file

# A record longer than this is refused (a runaway quote, or not an article dump at all).
MAX_RECORD_CHARS = 4 * 1024 * 1024
CSV_SUFFIXES = frozenset({".csv", ".tsv", ".psv"})
JSON_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
BULK_SUFFIXES = CSV_SUFFIXES | JSON_SUFFIXES

# Column and key names, first match wins.
TITLE_KEYS = ("title", "tieu_de", "headline", "name")
CONTENT_KEYS = ("content", "body", "text", "article", "noi_dung", "paragraphs")
LEAD_KEYS = ("sapo", "description", "summary", "lead", "abstract")
AUTHOR_KEYS = ("author", "authors", "byline", "tac_gia", "writer")
DATE_KEYS = ("date", "published_time", "published", "publish_date", "published_at", "pubdate",
             "time", "datetime", "created_at", "crawled_time")  # fmt: skip
URL_KEYS = ("url", "link", "href", "source_url")

_VIETNAM = timezone(timedelta(hours=7))


@dataclass
class RecordError:
    """One record of a bulk file that could not be read: the file, its line, and why."""

    path: str
    line: int  # 1-based line where the record starts; 0 when the whole file failed
    reason: str

    @property
    def line_number(self) -> int:
        return self.line

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.reason}"
            if self.line
            else f"{self.path}: {self.reason}"
        )


# --- dates ---------------------------------------------------------------------------------------

_ISO_MONTH_RE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})(?:\b|[-/.T ])")
_COMPACT_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:\D|$)")
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
_MY_RE = re.compile(r"^\s*(\d{1,2})[-/.](\d{4})\s*$")


def month_of(value: Any) -> str | None:
    """``YYYY-MM`` from a date as crawlers write it (ISO, 20201001, 28/06/2025, epoch) or None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 1e11 else value  # milliseconds since the epoch
        try:
            moment = datetime.fromtimestamp(seconds, tz=_VIETNAM)
        except (OverflowError, OSError, ValueError):
            return None
        return _month(moment.year, moment.month)
    text = str(value).strip()
    if text.isdigit() and len(text) >= 9:  # epoch seconds written as a string
        return month_of(int(text))
    for regex, year_group, month_group in ((_ISO_MONTH_RE, 1, 2), (_COMPACT_RE, 1, 2),
                                           (_DMY_RE, 3, 2), (_MY_RE, 2, 1)):  # fmt: skip
        m = regex.search(text)
        if m:
            return _month(int(m.group(year_group)), int(m.group(month_group)))
    return None


def _month(year: int, month: int) -> str | None:
    if 1900 <= year < 2200 and 1 <= month <= 12:
        return f"{year:04d}-{month:02d}"
    return None


# --- records to articles -------------------------------------------------------------------------


def _lowered(record: dict[str, Any]) -> dict[str, Any]:
    return {str(k).strip().lower(): v for k, v in record.items()}


def _pick(fields: dict[str, Any], keys: Iterable[str]) -> Any:
    """The first non-empty value under one of the keys; ``fields`` comes from ``_lowered``."""
    for key in keys:
        value = fields.get(key)
        if value not in (None, "", []):
            return value
    return None


def _paragraphs(value: Any) -> list[str]:
    """Paragraphs from a text (one per line) or a list of texts, whitespace collapsed."""
    if isinstance(value, list):
        parts = [str(v) for v in value if v is not None]
    else:
        parts = normalise_text(str(value)).split("\n")
    paragraphs = (" ".join(p.split()) for p in parts)
    return [p for p in paragraphs if p]


def article_from_record(record: dict[str, Any], source: str) -> Article:
    """An Article from one record's fields; ValueError with the reason when it has none."""
    fields = _lowered(record)  # once, for all six look-ups
    raw_title = _pick(fields, TITLE_KEYS)
    title = " ".join(normalise_text(str(raw_title)).split()) if raw_title is not None else ""
    if not title:
        raise ValueError("no title")
    content = _pick(fields, CONTENT_KEYS)
    paragraphs = _paragraphs(content) if content is not None else []
    lead = _pick(fields, LEAD_KEYS)
    if lead is not None:
        lead_paragraphs = _paragraphs(lead)
        if not paragraphs or paragraphs[0] not in lead_paragraphs:
            paragraphs = lead_paragraphs + paragraphs
    if not paragraphs:
        raise ValueError("no content")
    raw_date = _pick(fields, DATE_KEYS)
    url = _pick(fields, URL_KEYS)
    url = str(url).strip() if url is not None else None
    paragraphs, byline, author = split_byline(paragraphs)
    field_author = _pick(fields, AUTHOR_KEYS)
    if field_author is not None:
        if isinstance(field_author, list):
            field_author = " - ".join(str(a) for a in field_author if a)
        written = " ".join(normalise_text(str(field_author)).split())
        if written:
            ok, name = parse_byline(written)
            byline = written
            # a field the byline grammar cannot read is still the publisher's word for a name,
            # when it looks like one ("admin" or a sentence does not)
            looks_named = len(written.split()) <= 6 and all(
                w[:1].isupper() for w in written.split()
            )
            author = name if ok else (written if looks_named else None)
    return Article(
        title=title,
        date=month_of(raw_date),
        author=author,
        paragraphs=paragraphs,
        source=url or source,
        byline=byline,
        url=url,
        captions=find_captions(paragraphs),
    )


# --- line reading --------------------------------------------------------------------------------


class _Lines:
    """Decoded lines of a binary file with their numbers; overlong lines are cut and noted."""

    def __init__(self, handle: IO[bytes], path: str, identity: str) -> None:
        self.handle = handle
        self.path = path
        self.identity = identity  # the absolute path: "identity#line" names a record for good
        self.number = 0
        self.problems: list[RecordError] = []
        head = handle.peek(4)[:4] if hasattr(handle, "peek") else b""
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            self.text: IO[str] | None = io.TextIOWrapper(handle, encoding="utf-16",
                                                         errors="replace", newline="")  # fmt: skip
        else:
            self.text = None
            if head.startswith(codecs.BOM_UTF8):
                handle.read(3)

    def __iter__(self) -> Iterator[str]:
        while True:
            if self.text is not None:
                line = self.text.readline(MAX_RECORD_CHARS + 1)
            else:
                raw = self.handle.readline(MAX_RECORD_CHARS + 1)
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    line = raw.decode("utf-8", errors="replace")
                    self.problems.append(RecordError(self.path, self.number + 1,
                                                     "not UTF-8 text on this line"))  # fmt: skip
            if not line:
                return
            self.number += 1
            if len(line) > MAX_RECORD_CHARS and not line.endswith("\n"):
                self.problems.append(RecordError(self.path, self.number,
                                                 "line too long (over 4 MB)"))  # fmt: skip
                self._skip_rest()
                line = "\n"
            yield line

    def _skip_rest(self) -> None:
        source = self.text if self.text is not None else self.handle
        while True:
            chunk = source.readline(MAX_RECORD_CHARS)
            if not chunk or chunk[-1:] in ("\n", b"\n"):
                return

    def take_problems(self) -> list[RecordError]:
        problems, self.problems = self.problems, []
        return problems


def _open(path: Path, name: str) -> IO[bytes] | RecordError:
    try:
        if path.is_dir():
            return RecordError(name, 0, "is a folder, not a file")
        return open(path, "rb")  # noqa: SIM115 - closed by the caller's generator
    except OSError as exc:
        return RecordError(name, 0, describe_os_error(exc))


# --- CSV -----------------------------------------------------------------------------------------


def _sniff_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in ("|", "\t", ";", ",")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def iter_csv(path: Path, name: str | None = None) -> Iterator[Article | RecordError]:
    """Records of a delimited file with a header row (``|``, tab, ``;`` or ``,``)."""
    name = name or str(path)
    handle = _open(path, name)
    if isinstance(handle, RecordError):
        yield handle
        return
    with handle:
        lines = _Lines(handle, name, str(Path(path).resolve()))
        line_iter = iter(lines)
        header_line = next((line for line in line_iter if line.strip()), None)
        if header_line is None:
            yield RecordError(name, 0, "the file is empty")
            return
        delimiter = _sniff_delimiter(header_line)
        header = [h.strip().lower() for h in next(csv.reader([header_line], delimiter=delimiter))]
        if not any(h in TITLE_KEYS for h in header):
            yield RecordError(
                name, lines.number, f"no title column in the header {header_line[:80]!r}"
            )
            return
        previous_field_limit = csv.field_size_limit()
        csv.field_size_limit(MAX_RECORD_CHARS)
        try:
            yield from _csv_rows(csv.reader(line_iter, delimiter=delimiter), header, lines, name)
        finally:
            csv.field_size_limit(previous_field_limit)


def _csv_rows(
    reader: Any, header: list[str], lines: _Lines, name: str
) -> Iterator[Article | RecordError]:
    while True:
        start = lines.number + 1
        try:
            row = next(reader)
        except StopIteration:
            yield from lines.take_problems()
            return
        except csv.Error as exc:
            yield RecordError(name, start, f"broken CSV: {exc}")
            continue
        problems = lines.take_problems()
        if problems:
            yield from problems
            continue
        if not any(field.strip() for field in row):
            continue
        if len(row) != len(header):
            yield RecordError(name, start, f"{len(row)} fields where the header has {len(header)}")
            continue
        try:
            yield article_from_record(
                dict(zip(header, row, strict=True)), f"{lines.identity}#{start}"
            )
        except ValueError as exc:
            yield RecordError(name, start, str(exc))


# --- JSON Lines ----------------------------------------------------------------------------------


def iter_jsonl(path: Path, name: str | None = None) -> Iterator[Article | RecordError]:
    """Records of a JSON Lines file (one object a line); a JSON array file is streamed too."""
    name = name or str(path)
    handle = _open(path, name)
    if isinstance(handle, RecordError):
        yield handle
        return
    with handle:
        lines = _Lines(handle, name, str(Path(path).resolve()))
        line_iter = iter(lines)
        first = True
        for line in line_iter:
            problems = lines.take_problems()
            if problems:
                yield from problems
                continue
            stripped = line.strip()
            if not stripped:
                continue
            if first and stripped.startswith("["):
                yield from _json_array(stripped[1:], line_iter, lines, name)
                return
            first = False
            yield _json_record(stripped, lines.number, name, lines.identity)


def _json_record(text: str, number: int, name: str, identity: str) -> Article | RecordError:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return RecordError(name, number, f"not JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return RecordError(name, number, "not JSON (nested too deeply)")
    if not isinstance(record, dict):
        return RecordError(name, number, "not a JSON object")
    try:
        return article_from_record(record, f"{identity}#{number}")
    except ValueError as exc:
        return RecordError(name, number, str(exc))


def _json_array(
    rest: str, line_iter: Iterator[str], lines: _Lines, name: str
) -> Iterator[Article | RecordError]:
    """Objects of a ``[{...}, {...}]`` file decoded one at a time from a sliding buffer."""
    decoder = json.JSONDecoder()
    buffer = rest
    start_line = lines.number
    exhausted = False
    while True:
        buffer = buffer.lstrip(" \t\r\n,")
        if buffer.startswith("]"):
            return
        if buffer:
            try:
                record, end = decoder.raw_decode(buffer)
            except json.JSONDecodeError:
                record, end = None, -1
            except RecursionError:
                yield RecordError(name, start_line, "not JSON (nested too deeply)")
                return
            if end >= 0 and (end < len(buffer) or exhausted):
                buffer = buffer[end:]
                if not isinstance(record, dict):
                    yield RecordError(name, start_line, "not a JSON object")
                else:
                    try:
                        yield article_from_record(record, f"{lines.identity}#{start_line}")
                    except ValueError as exc:
                        yield RecordError(name, start_line, str(exc))
                start_line = lines.number
                continue
        if exhausted:
            if buffer.strip():
                yield RecordError(name, start_line, "broken JSON array (unfinished object)")
            return
        if len(buffer) > MAX_RECORD_CHARS:
            yield RecordError(name, start_line, "record too long (over 4 MB)")
            return
        line = next(line_iter, None)
        if line is None:
            exhausted = True
        else:
            buffer += line
            if not buffer.strip(" \t\r\n,"):
                start_line = lines.number


# --- text files ----------------------------------------------------------------------------------

_HEADER_LINE_RE = re.compile(r"^#\s*([\w.-]+)\s*[=:]\s*(.*?)\s*$")


def parse_text_record(text: str, source: str) -> Article:
    """One title-then-body text file: optional ``# key = value`` lines, the title line, then one
    paragraph a line. ValueError when there is no title line."""
    text = normalise_text(text)
    fields: dict[str, str] = {}
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        header = _HEADER_LINE_RE.match(line)
        if header:
            fields[header.group(1).lower()] = header.group(2)
        elif line:
            break
        index += 1
    if index >= len(lines):
        raise ValueError("no title and no text")
    title = " ".join(lines[index].split())
    # crawlers without a title line start straight with a paragraph: refuse, never make one up
    if len(title) > 250 or (title.endswith((".", ";", ":")) and len(title) > 60):
        raise ValueError("no title line: the first line is a paragraph")
    record: dict[str, Any] = {**fields, "title": fields.get("title") or title}
    if fields.get("title"):
        index -= 1  # the title came from the header: the first line is text
    record["content"] = "\n".join(lines[index + 1 :])
    return article_from_record(record, source)


def iter_text(path: Path, name: str | None = None) -> Iterator[Article | RecordError]:
    """The one article of a text file: the ``date YYYY-MM <title>`` format or title-then-body."""
    name = name or str(path)
    try:
        text = read_text_file(path, name)
    except ArticleReadError as exc:
        yield RecordError(name, 0, exc.reason)
        return
    first = next((line for line in text.split("\n") if line.strip()), "")
    try:
        if re.match(r"^\s*date\s*:?\s*\d", first, re.IGNORECASE):
            yield parse_article(text, source=name)
        else:
            yield parse_text_record(text, name)
    except ValueError as exc:  # ArticleFormatError is a ValueError
        yield RecordError(name, 1, getattr(exc, "reason", str(exc)))


# --- dispatch ------------------------------------------------------------------------------------


def detect_format(path: Path) -> str:
    """The format of a file, "csv", "jsonl" or "text": by extension, else by its first bytes."""
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in JSON_SUFFIXES:
        return "jsonl"
    if suffix == ".txt":
        return "text"
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return "text"
    if head.startswith((b"{", b"[")):
        return "jsonl"
    first = head.split(b"\n", 1)[0].lower()
    if b"title" in first and any(d in first for d in (b"|", b"\t", b",", b";")):
        return "csv"
    return "text"


def iter_records(path: Path | str) -> Iterator[Article | RecordError]:
    """Articles of a bulk or text file, with a RecordError for each record that is not one."""
    path = Path(path)
    kind = detect_format(path)
    if kind == "csv":
        return iter_csv(path)
    if kind == "jsonl":
        return iter_jsonl(path)
    return iter_text(path)
