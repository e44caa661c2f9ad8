"""The compiled twins of the import's hottest loops (``_speedups.c``), when they were built.

Installing the package compiles them when a C compiler is at hand; without one, or with
``TUI_READER_PURE_PYTHON=1`` in the environment, the pure-Python versions run instead, with
the same results (the tests compare the two).
"""

from __future__ import annotations

import os
from types import ModuleType

from tui_reader.text import _FOLD_TABLE


def _load() -> ModuleType | None:
    if os.environ.get("TUI_READER_PURE_PYTHON"):
        return None
    try:
        from tui_reader import _speedups
    except ImportError:
        return None
    _speedups.configure(_FOLD_TABLE)
    return _speedups


module = _load()
