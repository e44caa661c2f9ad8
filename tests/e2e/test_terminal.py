"""The installed `tui-reader` in a real pseudo-terminal: keys pressed, the screen read back."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")
pyte = pytest.importorskip("pyte")

COLUMNS, LINES = 120, 40


def command() -> list[str]:
    exe = Path(sys.executable).with_name("tui-reader")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("tui-reader")
    return [found] if found else [sys.executable, "-m", "tui_reader"]


class Terminal:
    """A child process on a pty, with a pyte screen that its output is fed into."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(argv[0], argv[1:], env=env, dimensions=(LINES, COLUMNS))

    def pump(self, seconds: float = 0.2) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                data = self.child.read_nonblocking(65536, timeout=0.05)
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                return
            self.stream.feed(data)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, needle: str, timeout: float = 30) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.2)
            if needle in self.text():
                return self.text()
        raise AssertionError(f"{needle!r} never appeared; the screen was:\n{self.text()}")

    def press(self, keys: str) -> None:
        self.child.send(keys)
        self.pump(0.3)


@pytest.fixture
def terminal(tmp_path):
    env = dict(os.environ)
    env.update(
        TERM="xterm-256color",
        COLUMNS=str(COLUMNS),
        LINES=str(LINES),
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    env.pop("TUI_READER_DB", None)
    env.pop("NO_COLOR", None)
    term = Terminal(command(), env)
    yield term
    if term.child.isalive():
        term.child.terminate(force=True)


def test_the_real_app_opens_on_the_samples_searches_and_quits(terminal):
    screen = terminal.wait_for("Articles · ")
    assert "Officials" in screen and "Awards" in screen
    # search for the seed's general without diacritics and open the first hit
    terminal.press("/")
    terminal.press("tran phu ha")
    screen = terminal.wait_for(" of ")
    terminal.press("\r")
    screen = terminal.wait_for("Giám đốc Công an tỉnh")
    assert "Thiếu tướng" in screen and "Trần Phú Hà" in screen
    assert "Bằng khen" in screen
    terminal.press("\t\t")  # to the awards pane, then its last entry
    terminal.press("G")
    terminal.wait_for("Giấy khen")
    terminal.press("?")
    terminal.wait_for("Command palette")
    terminal.press("\x1b")
    terminal.pump(0.5)
    terminal.press("q")
    terminal.child.expect(pexpect.EOF, timeout=10)
    terminal.child.close()
    assert terminal.child.exitstatus == 0
