"""The core never imports textual or rich: it must run without a screen."""

import subprocess
import sys

CORE_MODULES = [
    "tui_reader.text",
    "tui_reader.articles",
    "tui_reader.bylines",
    "tui_reader.reading",
    "tui_reader.formats",
    "tui_reader.storage",
    "tui_reader.store",
    "tui_reader.importing",
    "tui_reader.extract",
    "tui_reader.extract.pipeline",
    "tui_reader.search",
    "tui_reader.safe",
    "tui_reader.config",
    "tui_reader.directory",
    "tui_reader.award_summary",
    "tui_reader.timeline",
    "tui_reader.export",
    "tui_reader.cli",
]


def test_core_modules_do_not_import_textual_or_rich():
    code = (
        "import sys, importlib\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
