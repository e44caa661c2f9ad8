"""A TinyDB storage that writes atomically, keeps the previous good file, and reads once.

Every write goes to a temporary file that is fsynced and renamed over the old one, so a crash at
any moment leaves either the old or the new file, never half of one. Before the rename the old
file is kept as ``<name>.bak``. A file that cannot be parsed is never overwritten.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage


class StoreError(Exception):
    """A problem with the database files, for the user: names the file and what to do."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class DatabaseCorruptError(StoreError):
    """The file exists but is not a database we wrote; it is left untouched."""


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _describe_os_error(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full; nothing was changed"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "cannot write here (read-only or permission denied); nothing was changed"
    return f"{exc.strerror or exc}; nothing was changed"


def write_atomically(path: Path, data: bytes, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never a mix."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and path.exists():
            bak = backup_path(path)
            bak_tmp = bak.with_name(f".{bak.name}.{os.getpid()}.tmp")
            with contextlib.suppress(FileNotFoundError):
                bak_tmp.unlink()
            os.link(path, bak_tmp)
            os.replace(bak_tmp, bak)
        os.replace(tmp, path)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreError(path, _describe_os_error(exc)) from None


def read_json_file(path: Path) -> Any:
    """Parse a JSON file we wrote; raise DatabaseCorruptError, with a way out, if damaged."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(path, f"cannot read: {exc.strerror or exc}") from None
    try:
        data = orjson.loads(raw) if raw.strip() else None
    except orjson.JSONDecodeError as exc:
        data = exc
    if data is None or not isinstance(data, dict):
        bak = backup_path(path)
        hint = (
            f"the previous good version is {bak}: move the damaged file away and rename the "
            "backup to restore it"
            if bak.exists()
            else "move it away to start a new database"
        )
        what = "empty" if not raw.strip() else "not a valid database (damaged or truncated)"
        raise DatabaseCorruptError(path, f"{what}; it was left untouched; {hint}")
    return data


class AtomicJSONStorage(Storage):
    """TinyDB storage: orjson, UTF-8 as is, atomic writes, one read, optional batching."""

    def __init__(self, path: str | Path, read_only: bool = False, keep_backup: bool = True):
        self.path = Path(path)
        self.read_only = read_only
        self.keep_backup = keep_backup
        self._cache: dict[str, Any] | None = None
        self._batch_depth = 0
        self._dirty = False

    def read(self) -> dict[str, Any] | None:
        if self._cache is None:
            data = read_json_file(self.path)
            if data is None:
                return None
            self._cache = data
        return self._cache

    def write(self, data: dict[str, Any]) -> None:
        if self.read_only:
            raise StoreError(self.path, "the database is open read-only")
        self._cache = data
        if self._batch_depth:
            self._dirty = True
            return
        self._flush()

    def _flush(self) -> None:
        assert self._cache is not None
        write_atomically(self.path, orjson.dumps(self._cache), keep_backup=self.keep_backup)
        self._dirty = False

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Defer writes until the block ends, then write once (nothing if the block raises)."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if not self._batch_depth:
                self._cache = None  # drop the unwritten changes; the next read reloads the file
                self._dirty = False
            raise
        self._batch_depth -= 1
        if not self._batch_depth and self._dirty:
            self._flush()

    def forget(self) -> None:
        """Drop the cached content so the next read sees what is on disk now."""
        self._cache = None

    def close(self) -> None:
        self._cache = None
