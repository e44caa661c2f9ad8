"""The compiled twins of the import's hottest loops (``_speedups.c``), when they were built.

Installing the package compiles them when a C compiler is at hand (``hatch_build.py``);
without one, or with ``TUI_READER_PURE_PYTHON=1`` in the environment, the pure-Python
versions run instead, with the same results (the tests compare the two). A module built from
an older ``_speedups.c`` than the one beside it is ignored: ``python hatch_build.py`` (or
reinstalling) rebuilds it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from types import ModuleType

from tui_reader.text import FOLD_TABLE

_SOURCE = Path(__file__).with_name("_speedups.c")


def _load() -> ModuleType | None:
    if os.environ.get("TUI_READER_PURE_PYTHON"):
        return None
    try:
        from tui_reader import _speedups
    except ImportError:
        return None
    try:
        source = hashlib.sha256(_SOURCE.read_bytes()).hexdigest()[:16]
    except OSError:
        source = _speedups.SOURCE_HASH  # installed without its source: trust the build
    if source != _speedups.SOURCE_HASH:
        return None
    _speedups.configure(FOLD_TABLE)
    return _speedups


module = _load()
