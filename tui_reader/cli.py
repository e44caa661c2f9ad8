"""The command line: parses arguments and calls the core.

Errors become one line naming the file and the reason, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import orjson

from tui_reader import __version__
from tui_reader.export import ExportError
from tui_reader.storage import StoreError


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code 1."""


# Characters JSON may carry raw but a terminal would act on (C1 controls, bidi overrides):
# written as \u escapes, which mean the same to any JSON reader.
_JSON_UNSAFE = re.compile("[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _print_json(data: object) -> None:
    text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    text = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.flush()


def _error(message: str) -> None:
    from tui_reader.safe import plain_line

    print(f"tui-reader: {plain_line(message)}", file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    from tui_reader.extract import extract
    from tui_reader.importing import file_articles

    results = []
    failed = 0
    for raw in args.paths:
        for item in file_articles(Path(raw), raw, args.format):
            if isinstance(item, tuple):
                failed += 1
                _error(f"{item[0]}: {item[1]}")
                results.append(
                    {
                        "source": raw,
                        "error": item[1],
                        "title": None,
                        "date": None,
                        "author": None,
                        "officials": [],
                        "awards": [],
                    }
                )
                continue
            extraction = extract(item.title, item.body)
            record = {
                "source": raw if item.source == raw else item.source,
                "title": item.title,
                "date": item.date,
                "author": item.author,
                "byline": item.byline,
            }
            record.update(extraction.to_json(with_mentions=args.mentions))
            results.append(record)
    if args.json:
        _print_json(results)
    else:
        for record in results:
            _print_extraction_text(record)
    return 1 if failed else 0


def _print_extraction_text(record: dict) -> None:
    from tui_reader.safe import plain_line

    if record.get("error"):
        return
    print(plain_line(f"{record['date'] or '????-??'}  {record['title']}"))
    print(plain_line(f"  author: {record['author'] or '-'}"))
    for official in record["officials"]:
        rank = f"{official['rank']} " if official["rank"] else ""
        titles = "; ".join(official["titles"])
        print(
            plain_line(f"  official: {rank}{official['name']}" + (f" — {titles}" if titles else ""))
        )
    for award in record["awards"]:
        parts = [award["award"]]
        if award["issuer"]:
            parts.append(f"của {award['issuer']}")
        counts = []
        if award["collectives"] is not None:
            counts.append(f"{award['collectives']} tập thể")
        if award["individuals"] is not None:
            counts.append(f"{award['individuals']} cá nhân")
        if counts:
            parts.append("cho " + ", ".join(counts))
        print(plain_line("  award: " + " ".join(parts)))
    print()


def _open_library(args: argparse.Namespace, read_only: bool = False):
    from tui_reader.store import Library

    return Library.open(args.db, read_only=read_only)


def cmd_import(args: argparse.Namespace) -> int:
    from tui_reader.importing import import_paths
    from tui_reader.safe import plain_line

    library = _open_library(args)
    paths = [Path(p) for p in args.paths]

    def failed(source: str, reason: str) -> None:
        _error(f"{source}: {reason}")

    def run(progress=None):
        return import_paths(
            library,
            paths,
            workers=args.workers,
            text_format=args.format,
            progress=progress,
            on_failure=failed,
        )

    if sys.stderr.isatty() and not args.quiet:
        import time

        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn

        columns = (
            TextColumn("importing"),
            BarColumn(),
            TextColumn("{task.completed:,} articles"),
            TextColumn("{task.fields[rate]}"),
        )
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("import", total=None, rate="")
            started = time.monotonic()

            def advance(done: int) -> None:
                if done % 50 == 0:
                    rate = done / max(time.monotonic() - started, 1e-6)
                    bar.update(task, completed=done, rate=f"{rate:,.0f}/s")

            report = run(advance)
    else:
        report = run()
    print(plain_line(report.summary()))
    return 1 if report.failed else 0


def _summary_row(library, article_id: int) -> dict:
    s = library.summary(article_id)
    return {
        "id": s.id,
        "title": s.title,
        "date": s.date,
        "author": s.author,
        "officials": s.officials,
        "awards": s.awards,
    }


def _print_rows(rows: list[dict]) -> None:
    from tui_reader.safe import plain_line

    width = max((len(str(r["id"])) for r in rows), default=1)
    for r in rows:
        author = f" — {r['author']}" if r["author"] else ""
        print(plain_line(f"{r['id']:>{width}}  {r['date'] or '???????'}  {r['title']}{author}"))


def cmd_list(args: argparse.Namespace) -> int:
    library = _open_library(args, read_only=True)
    ids = library.ids()[: args.limit] if args.limit else library.ids()
    rows = [_summary_row(library, i) for i in ids]
    if args.json:
        _print_json(rows)
    else:
        _print_rows(rows)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    library = _open_library(args, read_only=True)
    ids = library.search(" ".join(args.query), limit=args.limit)
    rows = [_summary_row(library, i) for i in ids]
    if args.json:
        _print_json(rows)
    else:
        _print_rows(rows)
        print(f"{len(rows)} of {len(library):,} articles", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from tui_reader.safe import clean_text, plain_line

    library = _open_library(args, read_only=True)
    if args.id not in library:
        raise CliError(f"no article with id {args.id} (see 'tui-reader list')")
    stored = library.get(args.id)
    if args.json:
        a = stored.article
        data = {
            "id": stored.id,
            "title": a.title,
            "date": a.date,
            "author": a.author,
            "byline": a.byline,
            "source": a.source,
            "paragraphs": a.paragraphs,
        }
        data.update(stored.extraction.to_json(with_mentions=True))
        _print_json(data)
        return 0
    a = stored.article
    print(plain_line(a.title))
    print(plain_line(f"{a.date or '-'}  {a.byline or a.author or ''}"))
    print()
    for paragraph in a.paragraphs:
        print(clean_text(paragraph).replace("\n", " "))
        print()
    record = {"title": a.title, "date": a.date, "author": a.author}
    record.update(stored.extraction.to_json(with_mentions=False))
    _print_extraction_text(record)
    return 0


def _ids_for(library, query: str | None) -> list[int]:
    return library.search(query) if query else library.ids()


def _metas_for(library, query: str | None) -> dict[int, dict]:
    """The stored metadata of the articles a search finds (all articles without one)."""
    return library.records(_ids_for(library, query) if query else None)


def cmd_export(args: argparse.Namespace) -> int:
    from tui_reader import export

    library = _open_library(args, read_only=True)
    ids = _ids_for(library, args.query)
    if args.what == "articles":
        writer, items = export.export_articles, (library, ids, args.format)
        extra = {"with_text": not args.no_text}
    elif args.what == "officials":
        from tui_reader.directory import build_directory

        people = build_directory(library.records(ids))
        writer, items, extra = export.export_officials, (people, args.format), {}
    else:
        from tui_reader.award_summary import group_awards

        groups = group_awards(library.records(ids), by=args.by)
        writer, items, extra = export.export_awards, (groups, args.format), {}
    if args.output and args.output != "-":
        rows = export.export_to_file(Path(args.output), lambda out: writer(*items, out, **extra))
        print(f"{rows:,} rows written to {args.output}", file=sys.stderr)
    else:
        writer(*items, sys.stdout.buffer, **extra)
        sys.stdout.flush()
    return 0


def cmd_officials(args: argparse.Namespace) -> int:
    from tui_reader.directory import build_directory, find_people
    from tui_reader.safe import plain_line

    library = _open_library(args, read_only=True)
    people = build_directory(_metas_for(library, args.query))
    if args.name:
        people = find_people(people, args.name)
    if args.limit:
        people = people[: args.limit]
    if args.json:
        from tui_reader import export

        export.export_officials(people, "json", sys.stdout.buffer)
        sys.stdout.flush()
        return 0
    for person in people:
        span = person.first if person.first == person.last else f"{person.first}…{person.last}"
        flag = "  ⚠ " + (person.note or "may be several people") if person.ambiguous else ""
        print(plain_line(f"{person.name}  ({len(person.article_ids)} articles, {span}){flag}"))
        for seen in [*person.ranks, *person.titles]:
            when = seen.first if seen.first == seen.last else f"{seen.first}…{seen.last}"
            print(plain_line(f"    {when or '—':<16} {seen.text}"))
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from tui_reader.timeline import articles_per_month, sparkline, summarise

    library = _open_library(args, read_only=True)
    months = articles_per_month(library.all_meta(), _ids_for(library, args.query))
    if args.json:
        _print_json([{"month": m, "articles": n} for m, n in months])
        return 0
    print(summarise(months))
    if months:
        print(
            f"{months[0][0]} {sparkline([n for _, n in months], width=args.width)} {months[-1][0]}"
        )
    return 0


def cmd_awards(args: argparse.Namespace) -> int:
    from tui_reader.award_summary import group_awards
    from tui_reader.safe import plain_line

    library = _open_library(args, read_only=True)
    groups = group_awards(_metas_for(library, args.query), by=args.by)
    if args.json:
        from tui_reader import export

        export.export_awards(groups, "json", sys.stdout.buffer)
        sys.stdout.flush()
        return 0
    for group in groups[: args.limit] if args.limit else groups:
        head = group.award if args.by == "award" else (group.issuer or "(issuer not given)")
        issuer = f" — của {group.issuer}" if args.by == "award" and group.issuer else ""
        kinds = f" — {group.award}" if args.by == "issuer" and group.award else ""
        counts = f"{group.collectives:,} tập thể, {group.individuals:,} cá nhân"
        print(plain_line(f"{head}{issuer}{kinds}  ({len(group.article_ids)} articles; {counts})"))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tui-reader",
        description="A terminal reader for Vietnamese news: officials, titles and awards.",
    )
    parser.add_argument("--version", action="version", version=f"tui-reader {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="the database file (default: $TUI_READER_DB or the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "extract", help="extract officials and awards from article files (no database)"
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the JSON array of the eval schema")
    p.add_argument("--mentions", action="store_true", help="include mention offsets in the JSON")
    p.add_argument(
        "--format",
        choices=("auto", "text"),
        default="auto",
        help="auto: .txt files are 'date YYYY-MM <title>' articles; text: title-then-body",
    )
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("import", help="import article files, folders (recursive) and bulk files")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument(
        "--workers", type=int, default=None, help="extraction processes (default: cores)"
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--format",
        choices=("auto", "text"),
        default="auto",
        help="auto: .txt files are 'date YYYY-MM <title>' articles (or title-then-body "
        "with '# key = value' headers); text: every .txt is title-then-body",
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", help="list stored articles, newest first")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=None)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="print one stored article with its officials and awards")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", help="search stored articles (same syntax as in the app)")
    p.add_argument("query", nargs="+", metavar="QUERY")
    p.add_argument("--json", action="store_true", help="print a JSON array, best first")
    p.add_argument("--limit", type=int, default=None)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("export", help="export articles, officials or awards (of a search)")
    p.add_argument("--format", choices=("json", "jsonl", "csv"), default="json")
    p.add_argument("--what", choices=("articles", "officials", "awards"), default="articles")
    p.add_argument("--query", "-q", default=None, help="only what this search finds")
    p.add_argument(
        "--by",
        choices=("award", "issuer"),
        default="award",
        help="awards grouped by kind or by issuer",
    )
    p.add_argument("--no-text", action="store_true", help="articles without their text")
    p.add_argument(
        "--output", "-o", default=None, help="a file (written atomically); default stdout"
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("officials", help="every official across the library, titles over time")
    p.add_argument("name", nargs="?", default=None, help="only people matching this name")
    p.add_argument("--query", "-q", default=None, help="only officials of what this search finds")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=None)
    p.set_defaults(func=cmd_officials)

    p = sub.add_parser("awards", help="awards across the library, by kind or by issuer")
    p.add_argument("--by", choices=("award", "issuer"), default="award")
    p.add_argument("--query", "-q", default=None, help="only awards of what this search finds")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=None)
    p.set_defaults(func=cmd_awards)

    p = sub.add_parser("timeline", help="articles per month, as a sparkline")
    p.add_argument("--query", "-q", default=None, help="only what this search finds")
    p.add_argument("--width", type=int, default=60, help="the sparkline's width in characters")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_timeline)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from tui_reader.config import load_settings

            settings = load_settings()
            # the language must be set before the interface modules build their key bindings
            from tui_reader.ui.i18n import set_language

            if not os.environ.get("TUI_READER_LANG"):
                set_language(settings.effective_language)
            from tui_reader.ui.app import run_app

            return run_app(db_path=args.db, settings=settings)
        return args.func(args)
    except (CliError, StoreError, ExportError) as exc:
        _error(str(exc))
        return 1
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        return 0
