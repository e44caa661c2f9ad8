"""Hostile text reaches every pane, the palette and the CLI literally: nothing parses or acts."""

from __future__ import annotations

import json

import pytest

from tui_reader import importing
from tui_reader.cli import main
from tui_reader.extract import Award, Extraction, Official
from tui_reader.store import Library
from tui_reader.ui.app import create_app
from tui_reader.ui.panes import AwardsPane, OfficialsPane

from ..conftest import article_text
from .test_app import ready, wait_until

HOSTILE = [
    "[link=http://x]liên kết[/link]",
    "[@click=app.quit]thoát[/]",
    "[/",
    "[bold",
    "[/bold]",
    "\x1b[2J\x1b[31mđỏ\x1b[0m",
    "\x1b]8;;http://evil\x1b\\mở\x1b]8;;\x1b\\",
    "chuông\x07 null\x00 xoá\x7f",
    "đảo \u202echiều\u202c",
    "rất" + "dài" * 120,
    "biểu tượng 🇻🇳👍🏽 kết hợp a\u0301\u0323",
]
JOINED = " ".join(HOSTILE)


def visible(text: str) -> str:
    """What the screen should show for a hostile string: controls replaced, markup literal."""
    from tui_reader.safe import clean_text

    return clean_text(text)


@pytest.fixture
def hostile_db(db_path, tmp_path, monkeypatch):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "h.txt").write_text(
        article_text(
            f"Tin {HOSTILE[1]} {HOSTILE[0]}",
            date="2030-01",
            paragraphs=[f"Đoạn một {JOINED}", f"Đoạn hai {HOSTILE[1]} và {HOSTILE[0]}."],
            author="[b]Tác giả[/b]",
        ),
        encoding="utf-8",
    )

    def hostile_extract(title: str, body: str) -> Extraction:
        start = body.index(HOSTILE[1])
        return Extraction(
            officials=[
                Official(
                    f"Nguyễn {HOSTILE[1]}",
                    "[red]Đại tá[/red]",
                    [HOSTILE[0], HOSTILE[5], HOSTILE[9]],
                    [(start, start + 5)],
                )
            ],
            awards=[
                Award(
                    f"Bằng khen {HOSTILE[2]}",
                    HOSTILE[3],
                    [HOSTILE[4]],
                    [HOSTILE[6]],
                    1,
                    2,
                    [(0, 10)],
                )
            ],
        )

    monkeypatch.setattr(importing, "extract", hostile_extract)
    report = Library.open(db_path).import_articles(importing.iter_inputs([folder]))
    assert report.new == 1, report.failed
    return db_path


def option_texts(pane) -> str:
    """The pane's text without the spaces and line breaks its wrapping adds."""
    return "".join(pane.all_text().split())


@pytest.mark.asyncio
async def test_every_pane_shows_hostile_text_literally(hostile_db):
    app = create_app(hostile_db, import_bundled=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await wait_until(pilot, lambda: app.current is not None)
        text = "\n".join(app.article_view.line_text())
        for needle in (HOSTILE[0], HOSTILE[1], "[b]Tác giả[/b]"):
            assert needle in text
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
        officials = option_texts(app.query_one(OfficialsPane))
        assert "[@click=app.quit]thoát[/]" in officials and "[red]Đạitá[/red]" in officials
        assert "\x1b" not in officials
        awards = option_texts(app.query_one(AwardsPane))
        assert "Bằngkhen[/" in awards and "[bold" in awards and "[/bold]" in awards
        # the list row and its title
        row = app.article_list.render_line(0).text
        assert "[@click=app.quit]" in row
        # clicking anywhere on the text and the panes acts on nothing
        for y in range(2, 12):
            await pilot.click("#text", offset=(10, y))
        await pilot.click(OfficialsPane, offset=(5, 1))
        await pilot.click(AwardsPane, offset=(5, 1))
        # a hostile query shows in the list title and the search bar, and finds the article
        await pilot.press("escape", "slash", *"[@click=app.quit]")
        await pilot.pause(0.3)
        assert "[@click=app.quit]" in str(app.article_list.border_title)
        await pilot.press("enter")
        await pilot.press("slash", *"[/", "enter", "n", "N")
        # the palette lists the article by its title, literally
        await pilot.press("escape", "ctrl+p", *"tin lien ket")
        await pilot.pause(0.5)
        palette = "\n".join(str(o.prompt) for o in app.screen.query("CommandList").first()._options)
        assert "[@click=app.quit]thoát[/]" in palette
        await pilot.press("escape")
        await pilot.press("question_mark", "escape", "b")
        await pilot.pause(0.2)
        assert app.is_running


def test_cli_prints_hostile_text_without_control_codes(hostile_db, capsys):
    for argv in (
        ["list"],
        ["list", "--json"],
        ["show", "1"],
        ["show", "1", "--json"],
        ["search", "tin"],
        ["search", "tin", "--json"],
    ):
        code = main(["--db", str(hostile_db), *argv])
        out, err = capsys.readouterr()
        assert code == 0, err
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out and "\x00" not in out
        if "--json" in argv:
            json.loads(out)  # JSON escapes what it must and stays valid
        else:
            assert "[@click=app.quit]thoát[/]" in out


def test_cli_extract_of_a_hostile_file(tmp_path, capsys):
    path = tmp_path / "h.txt"
    path.write_text(article_text(f"Tiêu đề {JOINED}", paragraphs=[JOINED]), encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert "\x1b" not in out and "\x07" not in out and "[@click=app.quit]thoát[/]" in out
