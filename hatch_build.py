"""Build hook: compile ``tui_reader/_speedups.c``, the import's compiled twins.

The package works without it (``tui_reader.speedups`` falls back to pure Python), so a
failed build only warns. An editable install compiles in place, beside the source; a wheel
carries the compiled module. The module records a hash of its source, and a build whose
source has changed since is ignored at run time (see ``tui_reader/speedups.py``).

``python hatch_build.py`` recompiles in place, for development.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).parent
SOURCE = Path("tui_reader") / "_speedups.c"
NAME = "tui_reader._speedups"


def source_hash() -> str:
    return hashlib.sha256((ROOT / SOURCE).read_bytes()).hexdigest()[:16]


def compile_speedups(build_lib: Path | None) -> Path:
    """Compile the module into ``build_lib`` (in place when None); its path."""
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    extension = Extension(
        NAME,
        [str(SOURCE)],
        define_macros=[("SOURCE_HASH", f'"{source_hash()}"')],
        extra_compile_args=["-O2"],
    )
    old_cwd = os.getcwd()
    os.chdir(ROOT)  # setuptools resolves sources and in-place outputs from here
    try:
        dist = Distribution({"name": "tui-reader-speedups", "ext_modules": [extension]})
        cmd = build_ext(dist)
        cmd.inplace = build_lib is None
        cmd.force = True  # always compile: setuptools would trust file times, not the source
        with tempfile.TemporaryDirectory(prefix="tui-reader-build-") as temp:
            cmd.build_temp = temp  # object files
            cmd.build_lib = str(build_lib or temp)  # (in place, nothing is left in the tree)
            cmd.ensure_finalized()
            cmd.run()
            return Path(cmd.get_ext_fullpath(NAME)).resolve()
    finally:
        os.chdir(old_cwd)


try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # run as a script, outside a build
    BuildHookInterface = object


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        if os.environ.get("TUI_READER_PURE_PYTHON"):
            return
        editable = version == "editable"
        self._build_lib = None if editable else Path(tempfile.mkdtemp(prefix="tui-reader-lib-"))
        try:
            built = compile_speedups(self._build_lib)
        except Exception as exc:  # no compiler, no headers: the pure-Python code runs
            print(
                f"tui-reader: the compiled speed-ups were not built ({exc}); "
                "the pure-Python versions will run, more slowly",
                file=sys.stderr,
            )
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        if not editable:
            build_data["force_include"][str(built)] = f"tui_reader/{built.name}"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        if getattr(self, "_build_lib", None) is not None:
            shutil.rmtree(self._build_lib, ignore_errors=True)  # the wheel holds the module now


if __name__ == "__main__":
    print(compile_speedups(None))
