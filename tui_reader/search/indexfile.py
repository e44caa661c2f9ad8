"""The on-disk container of a search index: a checksummed header, a small marshal'd table and
8-byte aligned binary sections that load without copying (memory-mapped, read as memoryviews).

Layout: MAGIC, version, payload length, CRC-32 of the payload; payload = table length, table,
padding, sections. The whole payload is checked on load, so any damaged byte is reported.
"""

from __future__ import annotations

import marshal
import mmap
import os
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path

MAGIC = b"TRSEARCH"
VERSION = 3  # 3: pair keys from CRC-32 of the words, no word table
_HEADER = 32  # magic 8, version 1, reserved 7, payload length 8, crc32 4, reserved 4
_ALIGN = 8
_ITEMSIZE = {"B": 1, "H": 2, "I": 4, "Q": 8, "q": 8}


class IndexFileError(Exception):
    """A saved index that cannot be read back: carries the path and the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class SectionWriter:
    """Collects binary sections; ``put`` returns the number that finds a section again."""

    def __init__(self) -> None:
        self.parts: list = []

    def put(self, buffer) -> int:
        self.parts.append(memoryview(buffer).cast("B"))
        return len(self.parts) - 1


def _padding(size: int) -> bytes:
    return bytes(-size % _ALIGN)


def write(path: Path, table: dict, sections: SectionWriter) -> None:
    """Write atomically: a temp file in the same folder, fsync, rename, fsync the folder."""
    spans = []
    offset = 0
    for part in sections.parts:
        spans.append((offset, len(part)))
        offset += len(part) + len(_padding(len(part)))
    table = dict(table, _sections=spans)
    head = marshal.dumps(table)
    lead = len(head).to_bytes(8, "little") + head
    lead += _padding(len(lead))
    chunks = [lead]
    for part in sections.parts:
        chunks.append(part)
        chunks.append(_padding(len(part)))
    crc = 0
    length = 0
    for chunk in chunks:
        crc = zlib.crc32(chunk, crc)
        length += len(chunk)
    header = (
        MAGIC
        + bytes([VERSION])
        + bytes(7)
        + length.to_bytes(8, "little")
        + crc.to_bytes(4, "little")
        + bytes(4)
    )
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(header)
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def is_current(path: Path) -> bool:
    """Whether ``path`` starts like an index file this version reads (a cheap first look)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(MAGIC) + 1)
    except OSError:
        return False
    return head == MAGIC + bytes([VERSION])


def read(path: Path) -> tuple[dict, Callable[[int, str], memoryview], Callable[[], None]]:
    """The table, a function giving section ``n`` as a memoryview of a type code, and a
    function to call once loaded, which lets go of the pages the checksum read.

    Raises IndexFileError when the file is missing, not an index, or damaged.
    """
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size < _HEADER:
                raise IndexFileError(path, "not a tui-reader search index")
            # Mapped, not read: sections are used in place and pages stay shared with the cache.
            buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except OSError as exc:
        raise IndexFileError(path, f"cannot read the index ({exc.strerror or exc})") from None
    view = memoryview(buf)
    if view[:8] != MAGIC:
        raise IndexFileError(path, "not a tui-reader search index")
    if view[8] != VERSION:
        raise IndexFileError(path, f"index format {view[8]} is not supported (rebuild it)")
    length = int.from_bytes(view[16:24], "little")
    crc = int.from_bytes(view[24:28], "little")
    if size - _HEADER != length:
        raise IndexFileError(path, "the index file is truncated")
    payload = view[_HEADER:]
    if zlib.crc32(payload) != crc:
        raise IndexFileError(path, "the index file is corrupt (checksum mismatch)")
    try:
        head_len = int.from_bytes(payload[:8], "little")
        table = marshal.loads(payload[8 : 8 + head_len])
        spans = table["_sections"]
        base = 8 + head_len + len(_padding(8 + head_len))
    except (ValueError, TypeError, KeyError, EOFError) as exc:
        raise IndexFileError(path, f"the index file is corrupt ({exc})") from None

    def section(n: int, code: str) -> memoryview:
        offset, size = spans[n]
        start = base + offset
        if start + size > len(payload) or size % _ITEMSIZE[code]:
            raise ValueError(f"section {n} does not fit")
        return payload[start : start + size].cast(code)

    def release() -> None:
        # The checksum touched every page; drop them from this process until a query needs
        # them again (they stay in the page cache, so that is cheap).
        if hasattr(mmap, "MADV_DONTNEED"):
            buf.madvise(mmap.MADV_DONTNEED)

    return table, section, release
