"""The command line: parses arguments and calls the core. Errors become one line, never a traceback."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import orjson

from tui_reader import __version__


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code 1."""


def _print_json(data: object) -> None:
    sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    sys.stdout.buffer.write(b"\n")
    sys.stdout.flush()


def _error(message: str) -> None:
    from tui_reader.safe import plain_line

    print(f"tui-reader: {plain_line(message)}", file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    from tui_reader.extract import extract
    from tui_reader.reading import ArticleReadError, read_article_file

    results = []
    failed = 0
    for raw in args.paths:
        try:
            article = read_article_file(Path(raw), source=raw)
        except ArticleReadError as exc:
            failed += 1
            _error(str(exc))
            results.append(
                {"source": raw, "error": exc.reason, "title": None, "date": None,
                 "author": None, "officials": [], "awards": []}
            )  # fmt: skip
            continue
        extraction = extract(article.title, article.body)
        record = {
            "source": raw,
            "title": article.title,
            "date": article.date,
            "author": article.author,
            "byline": article.byline,
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
        print(plain_line(f"  official: {rank}{official['name']}" + (f" — {titles}" if titles else "")))
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tui-reader",
        description="A terminal reader for Vietnamese news: officials, titles and awards at a glance.",
    )
    parser.add_argument("--version", action="version", version=f"tui-reader {__version__}")
    parser.add_argument("--db", metavar="PATH", help="the database file (default: $TUI_READER_DB "
                        "or the user data folder)")  # fmt: skip
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="extract officials and awards from article files (no database)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the JSON array of the eval schema")
    p.add_argument("--mentions", action="store_true", help="include mention offsets in the JSON")
    p.set_defaults(func=cmd_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from tui_reader.ui.app import run_app

            return run_app(db_path=args.db)
        return args.func(args)
    except CliError as exc:
        _error(str(exc))
        return 1
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        return 0
