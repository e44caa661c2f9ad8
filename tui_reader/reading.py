"""Reading article files from disk: decoding, size limits, and one clear error per bad file.

Files come from anywhere, so every way a file can be wrong ends in ArticleReadError with a short
reason a reader understands: empty, binary, too large, a folder, a symbolic-link loop, an
unknown encoding, or text that is not an article.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from tui_reader.articles import Article, ArticleFormatError, parse_article
from tui_reader.bylines import is_vietnamese_syllable

# One article is a few kilobytes; anything this large is not one, and is refused unread.
MAX_FILE_BYTES = 5 * 1024 * 1024
ARTICLE_SUFFIXES = frozenset({".txt"})


class ArticleReadError(Exception):
    """A file that cannot be read as an article: names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


# --- decoding ------------------------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Signatures of common non-text files, so the reason can say what the file is.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Excel document"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"SQLite format 3", "an SQLite database"),
    (b"{\\rtf", "an RTF document"),
)

# TCVN3 (ABC, TCVN 5712:1993 VN3): one byte per lower-case Vietnamese letter, upper case only
# for the base letters with a mark. Bytes not listed are the same as in Latin-1.
_TCVN3 = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip
_TCVN3_TABLE = str.maketrans({bytes([b]).decode("latin-1"): c for b, c in _TCVN3.items()})

# VNI-Windows writes a letter's marks as a second byte after the vowel ("aù" for "á", "eä" for
# "ệ"); a few letters have a byte of their own (ñ for đ, ô for ơ, ö for ư, ò for ị).
_VNI_LETTERS = str.maketrans({
    "ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
    "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị",
})  # fmt: skip
_VNI_MARKS = {
    "ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
    "â": "\u0302", "á": "\u0302\u0301", "à": "\u0302\u0300", "å": "\u0302\u0309",
    "ã": "\u0302\u0303", "ä": "\u0302\u0323",
    "ê": "\u0306", "é": "\u0306\u0301", "è": "\u0306\u0300", "ú": "\u0306\u0309",
    "ü": "\u0306\u0303", "ë": "\u0306\u0323",
}  # fmt: skip
_VNI_MARKS.update({m.upper(): c for m, c in _VNI_MARKS.items()})
_VNI_MARK_RE = re.compile("(?<=[aeiouyơưAEIOUYƠƯ])[" + "".join(sorted(_VNI_MARKS)) + "]")
_VNI_PAIRS_RE = re.compile(r"[aeiouyAEIOUY][ùøûõïáàåãäéèúüëÙØÛÕÏÁÀÅÃÄÉÈÚÜË]|[ñÑöÖ]")


def _decode_vni(data: bytes) -> str:
    text = data.decode("cp1252", errors="replace").translate(_VNI_LETTERS)
    return unicodedata.normalize("NFC", _VNI_MARK_RE.sub(lambda m: _VNI_MARKS[m.group(0)], text))


_WORD_RE = re.compile(r"[^\W\d_]+")
# C0 controls but tab, line feed, form feed and carriage return; and DEL.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


_VIETNAMESE_LETTERS = frozenset(
    "abcdeghiklmnopqrstuvxyđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
)
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _is_written_syllable(word: str) -> bool:
    """A Vietnamese syllable with its marks: Vietnamese letters only, at most one tone."""
    lower = word.lower()
    if any(c not in _VIETNAMESE_LETTERS for c in lower) or not is_vietnamese_syllable(word):
        return False
    tones = sum(1 for c in unicodedata.normalize("NFD", lower) if c in _TONES)
    return tones <= 1


def _vietnamese_share(text: str) -> float:
    """Share of the words with non-ASCII letters that are well-formed Vietnamese syllables."""
    words = [w for w in _WORD_RE.findall(unicodedata.normalize("NFC", text[:20000]))
             if not w.isascii()]  # fmt: skip
    if not words:
        return 0.0
    return sum(1 for w in words if _is_written_syllable(w)) / len(words)


def _known_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"not a text file: {what}"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM: every other byte of ASCII characters is zero."""
    sample = data[:4096]
    if len(sample) < 16 or 0 not in sample:
        return None  # no zero byte: no ASCII written as UTF-16
    even_zero = sample[0::2].count(0) / len(sample[0::2])
    odd_zero = sample[1::2].count(0) / len(sample[1::2])
    for zero_share, other, codec in ((odd_zero, even_zero, "utf-16-le"),
                                     (even_zero, odd_zero, "utf-16-be")):  # fmt: skip
        if zero_share > 0.3 and other < 0.05:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def decode_bytes(data: bytes, path: str) -> str:
    """Decode an article file's bytes to NFC text, or raise ArticleReadError saying why not.

    UTF-8 (with or without BOM), UTF-16/32 with a BOM (UTF-16 also without), and the legacy
    Vietnamese encodings Windows-1258, TCVN3 and VNI-Windows, whichever reads as Vietnamese.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ArticleReadError(path, f"broken {codec.upper()} text (bad bytes at offset "
                                             f"{exc.start})") from None  # fmt: skip
            return _checked_text(text, path)
    binary = _known_binary(data)
    if binary:
        raise ArticleReadError(path, binary)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked_text(utf16, path)
    if data[:8192].count(b"\x00") > max(4, len(data[:8192]) // 1000):
        raise ArticleReadError(path, "not a text file: binary data (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc.start
    else:
        # UTF-8 writes control characters as the same single bytes: none there, none in the text
        if len(data.translate(None, _CONTROL_BYTES)) == len(data):
            return unicodedata.normalize("NFC", text.lstrip("\ufeff"))
        return _checked_text(text, path)
    return _checked_text(_decode_legacy(data, path, first_error), path)


def _decode_legacy(data: bytes, path: str, first_error: int) -> str:
    """Text that is not UTF-8: a legacy Vietnamese encoding, or UTF-8 with a few broken bytes."""
    broken = data.decode("utf-8", errors="replace")
    bad = broken.count("\ufffd")
    multibyte = sum(1 for b in data if b >= 0xC2 and b <= 0xF4)  # lead bytes of UTF-8 sequences
    if bad <= max(2, len(data) // 2000) and multibyte > bad * 4:
        return broken  # UTF-8 with a few damaged bytes: keep the text, mark what was lost
    candidates = [data.decode("latin-1").translate(_TCVN3_TABLE), _decode_vni(data)]
    with contextlib.suppress(UnicodeDecodeError):
        candidates.append(unicodedata.normalize("NFC", data.decode("cp1258")))
    best = max(candidates, key=_vietnamese_share)
    if _vietnamese_share(best) >= 0.8:
        return best
    raise ArticleReadError(
        path,
        f"not UTF-8 text (bad byte at offset {first_error}) and not a Vietnamese encoding "
        "(Windows-1258, TCVN3, VNI): save the file as UTF-8",
    )


def _checked_text(text: str, path: str) -> str:
    # A few escape codes or NULs are scraper debris in a real article, shown literally later;
    # a binary file has them everywhere.
    sample = text[:8192]
    controls = len(_CONTROL_RE.findall(sample))
    if sample.count("\x00") > max(4, len(sample) // 200) or controls > max(16, len(sample) // 20):
        raise ArticleReadError(path, "not a text file: binary data (control characters)")
    return unicodedata.normalize("NFC", text.lstrip("\ufeff"))


# --- files ---------------------------------------------------------------------------------------


def describe_os_error(exc: OSError) -> str:
    """A short reason for an operating-system error on a file, as a reader would put it."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "no such file or folder"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EISDIR:
        return "is a folder, not a file"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return exc.strerror or str(exc)


def read_text_file(path: Path, name: str, limit: int = MAX_FILE_BYTES) -> str:
    """The decoded text of one regular file of at most ``limit`` bytes."""
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.islink(path):
            raise ArticleReadError(name, "broken symbolic link") from None
        raise ArticleReadError(name, describe_os_error(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ArticleReadError(name, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ArticleReadError(name, "not a regular file (a device, pipe or socket)")
    if info.st_size > limit:
        raise ArticleReadError(name, f"file too large ({_size(info.st_size)}; an article is at "
                                     f"most {_size(limit)})")  # fmt: skip
    try:
        with open(path, "rb") as handle:
            # the size read first: asking for limit + 1 bytes allocates that much every time
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:  # the file has grown since stat
                data += handle.read(limit + 1 - len(data))
    except OSError as exc:
        raise ArticleReadError(name, describe_os_error(exc)) from None
    if len(data) > limit:
        raise ArticleReadError(name, f"file too large (over {_size(limit)})")
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ArticleReadError(name, "the file is empty")
    return decode_bytes(data, name)


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def read_article_file(path: Path, source: str | None = None) -> Article:
    """Read and parse one article file; raise ArticleReadError naming the file and the problem."""
    name = source if source is not None else str(path)
    text = read_text_file(Path(path), name)
    try:
        return parse_article(text, source=name)
    except ArticleFormatError as exc:
        raise ArticleReadError(name, exc.reason) from None


# --- folders -------------------------------------------------------------------------------------


def iter_article_paths(
    paths: Iterable[Path | str], suffixes: Iterable[str] = ARTICLE_SUFFIXES
) -> Iterator[Path | ArticleReadError]:
    """Files to read: named files whatever their extension, and in folders (recursively, sorted)
    the files with one of ``suffixes``; an ArticleReadError for each path that cannot be used."""
    wanted = frozenset(s.lower() for s in suffixes)
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        try:
            info = os.stat(path)
        except OSError as exc:
            broken = exc.errno == errno.ENOENT and os.path.islink(path)
            yield ArticleReadError(
                str(path), "broken symbolic link" if broken else describe_os_error(exc)
            )
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, info, wanted, seen_dirs, seen_files)
        elif (info.st_dev, info.st_ino) not in seen_files:
            seen_files.add((info.st_dev, info.st_ino))
            yield path


def _walk(
    folder: Path,
    info: os.stat_result,
    wanted: frozenset[str],
    seen_dirs: set[tuple[int, int]],
    seen_files: set[tuple[int, int]],
) -> Iterator[Path | ArticleReadError]:
    # a folder reached twice (a symbolic link to a parent, or two links to one place) is skipped,
    # which is what stops link loops
    identity = (info.st_dev, info.st_ino)
    if identity in seen_dirs:
        return
    seen_dirs.add(identity)
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as exc:
        yield ArticleReadError(str(folder), f"cannot open the folder: {describe_os_error(exc)}")
        return
    for name in names:
        if name.startswith("."):
            continue  # hidden files and folders (.git, .DS_Store) are never articles
        child = folder / name
        try:
            child_info = os.stat(child)
        except OSError as exc:
            if Path(name).suffix.lower() in wanted or exc.errno == errno.ELOOP:
                broken = exc.errno == errno.ENOENT and os.path.islink(child)
                yield ArticleReadError(str(child), "broken symbolic link" if broken
                                       else describe_os_error(exc))  # fmt: skip
            continue
        if stat.S_ISDIR(child_info.st_mode):
            yield from _walk(child, child_info, wanted, seen_dirs, seen_files)
        elif stat.S_ISREG(child_info.st_mode) and Path(name).suffix.lower() in wanted:
            file_identity = (child_info.st_dev, child_info.st_ino)
            if file_identity not in seen_files:
                seen_files.add(file_identity)
                yield child
