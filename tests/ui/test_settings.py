"""Settings in the app: theme and keymap applied; the interface in Vietnamese."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tui_reader.config import Settings, load_settings
from tui_reader.ui.app import create_app

from .test_app import ready


@pytest.mark.asyncio
async def test_theme_and_remapped_keys_are_applied_and_theme_remembered(db_path, tmp_path):
    config = tmp_path / "config.toml"
    settings = Settings(theme="nord", keys={"app.search": "ctrl+f"}, path=config)
    app = create_app(db_path, settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert app.theme == "nord"
        await pilot.press("ctrl+f")
        assert app.search_bar.display
        await pilot.press("escape")
        app.theme = "gruvbox"
        await pilot.pause(0.1)
    assert load_settings(config).theme == "gruvbox"


def test_the_interface_speaks_vietnamese(tmp_path):
    code = textwrap.dedent(f"""
        import asyncio
        from tui_reader.ui.app import create_app
        async def main():
            app = create_app({str(tmp_path / "l.json")!r})
            async with app.run_test(size=(120, 40)) as pilot:
                while app.library is None:
                    await asyncio.sleep(0.02)
                await pilot.pause(0.2)
                footer = " ".join(str(k.render()) for k in app.query("FooterKey"))
                print(footer)
                print(app.article_list.border_title)
        asyncio.run(main())
    """)
    env = {"TUI_READER_LANG": "vi", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert "Thoát" in out.stdout and "Trợ giúp" in out.stdout and "Tìm" in out.stdout
    assert "Bài báo" in out.stdout
