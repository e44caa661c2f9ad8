"""Reading article files from disk: decoding, size limits, and one clear error per bad file."""

from __future__ import annotations

from pathlib import Path

from tui_reader.articles import Article, ArticleFormatError, parse_article

MAX_FILE_BYTES = 20 * 1024 * 1024


class ArticleReadError(Exception):
    """A file that cannot be read as an article: names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def decode_bytes(data: bytes, path: str) -> str:
    """Decode an article file's bytes; UTF-8 (with or without BOM) and UTF-16 with a BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise ArticleReadError(path, "binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleReadError(path, f"not UTF-8 text (bad byte at offset {exc.start})") from None


def read_article_file(path: Path, source: str | None = None) -> Article:
    """Read and parse one article file; raise ArticleReadError naming the file and the problem."""
    name = source if source is not None else str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ArticleReadError(name, f"file too large ({size // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except ArticleReadError:
        raise
    except IsADirectoryError:
        raise ArticleReadError(name, "is a folder, not a file") from None
    except FileNotFoundError:
        raise ArticleReadError(name, "no such file") from None
    except PermissionError:
        raise ArticleReadError(name, "permission denied") from None
    except OSError as exc:
        raise ArticleReadError(name, exc.strerror or str(exc)) from None
    text = decode_bytes(data, name)
    try:
        return parse_article(text, source=name)
    except ArticleFormatError as exc:
        raise ArticleReadError(name, exc.reason) from None
