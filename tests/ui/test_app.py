"""The app driven by the Pilot: panes filled, keyboard navigation, search with n/N, help."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_reader.importing import iter_inputs
from tui_reader.store import Library
from tui_reader.ui.app import ReaderApp, create_app
from tui_reader.ui.article_list import ArticleList
from tui_reader.ui.help_screen import HelpScreen
from tui_reader.ui.panes import AwardsPane, OfficialsPane

from ..conftest import DATA, article_text


async def ready(app: ReaderApp, pilot) -> None:
    """Wait until the library is loaded, its list shown and the first article on screen."""
    for _ in range(1000):
        if app.library is not None and not app.workers._workers and app.current is not None:
            break
        if app.library is not None and not app.all_ids and not app.workers._workers:
            break  # an empty library: nothing to show
        await pilot.pause(0.02)
    else:
        raise AssertionError("the library never finished loading")
    await pilot.pause(0.05)


async def wait_until(pilot, predicate, timeout: float = 10.0) -> None:
    """Let the app run until ``predicate()`` holds (workers and timers need real time)."""
    for _ in range(int(timeout / 0.02)):
        if predicate():
            return
        await pilot.pause(0.02)
    raise AssertionError("the app never reached the expected state")


async def open_seed(app: ReaderApp, pilot) -> None:
    """Put the list cursor on the seed article and wait until it is shown."""
    row = seed_row(app)
    app.article_list.cursor = row
    await wait_until(
        pilot, lambda: app.current is not None and app.current.id == app.article_list.ids[row]
    )
    await pilot.pause(0.05)


def option_texts(pane) -> str:
    return pane.all_text()


def seed_row(app: ReaderApp) -> int:
    return next(
        i
        for i, article_id in enumerate(app.article_list.ids)
        if app.library.summary(article_id).date == "2023-06"
        and "toàn dân bảo vệ an ninh" in app.library.summary(article_id).title
    )


@pytest.mark.asyncio
async def test_first_launch_imports_the_samples_and_fills_four_panes(db_path):
    app = create_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        bundled = len(list(DATA.glob("*.txt")))
        assert len(app.article_list.ids) == bundled >= 13
        # newest first
        dates = [app.library.summary(i).date for i in app.article_list.ids]
        assert dates == sorted(dates, reverse=True)
        await open_seed(app, pilot)
        view_text = "\n".join(app.article_view.line_text())
        assert "Đẩy mạnh phong trào toàn dân" in view_text
        assert "Lê Phượng" in view_text
        officials = option_texts(app.query_one(OfficialsPane))
        assert "Phạm Thị Thanh Thủy" in officials
        assert "Thiếu tướng Trần Phú Hà" in officials
        assert "Giám đốc Công an tỉnh" in officials
        awards = option_texts(app.query_one(AwardsPane))
        assert "Giấy khen" in awards and "Giám đốc Công an tỉnh" in awards
        assert "10 tập thể, 15 cá nhân" in awards


@pytest.mark.asyncio
async def test_keyboard_navigation_and_panes(db_path):
    app = create_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        articles = app.article_list
        assert app.focused is articles
        await pilot.press("j", "j")
        assert articles.cursor == 2
        await pilot.press("k")
        assert articles.cursor == 1
        await pilot.press("G")
        assert articles.cursor == len(articles.ids) - 1
        await pilot.press("g")
        assert articles.cursor == 0
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert app.focused is app.article_view
        assert app.library.is_read(articles.ids[0])
        await pilot.press("tab")
        assert isinstance(app.focused, OfficialsPane)
        await pilot.press("tab")
        assert isinstance(app.focused, AwardsPane)
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert app.focused is articles


@pytest.mark.asyncio
async def test_search_filters_the_list_and_n_moves_between_hits(db_path):
    app = create_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        total = len(app.article_list.ids)
        await pilot.press("slash")
        assert app.search_bar.display
        await pilot.press(*"tran phu ha")
        await pilot.pause(0.3)
        shown = app.article_list.ids
        assert 1 <= len(shown) < total
        assert f"{len(shown)} of {total}" in str(app.article_list.border_title)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert app.focused is app.article_view
        assert app.current is not None and app.current.id == shown[0]
        assert len(app.hits) >= 2
        assert str(app.article_view.border_subtitle).startswith(f"1/{len(app.hits)}")
        await pilot.press("n")
        assert str(app.article_view.border_subtitle).startswith(f"2/{len(app.hits)}")
        await pilot.press("N", "N")
        assert str(app.article_view.border_subtitle).startswith(f"{len(app.hits)}/{len(app.hits)}")
        # escape back to the list, escape again clears the filter and keeps the article
        await pilot.press("escape")
        assert app.focused is app.article_list
        await pilot.press("escape")
        await pilot.pause(0.1)
        assert len(app.article_list.ids) == total
        assert app.article_list.current_id == app.current.id


@pytest.mark.asyncio
async def test_find_inside_the_open_article(db_path):
    app = create_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await open_seed(app, pilot)
        await pilot.press("enter", "slash")
        assert app.search_bar.scope == "article"
        await pilot.press(*"thuy")
        await pilot.pause(0.1)
        # "Thủy" is mentioned five times in the seed's body, none in its title
        assert len(app.hits) >= 5
        count = str(app.search_bar.query_one("#search-count").render())
        assert count == f"1/{len(app.hits)}"
        await pilot.press("enter")
        assert app.focused is app.article_view
        await pilot.press("n")
        assert app.hit_index == 1


@pytest.mark.asyncio
async def test_choosing_an_official_highlights_their_mentions(db_path):
    app = create_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await open_seed(app, pilot)
        pane = app.query_one(OfficialsPane)
        pane.focus()
        await wait_until(pilot, lambda: app.hit_class == "article-view--mention")
        official = app.current.extraction.officials[pane.highlighted]
        assert app.hit_class == "article-view--mention"
        assert len(app.hits) == len(official.mentions) >= 2
        body = app.current.article.body
        surname = official.name.split()[-1]
        assert all(
            surname in body[s:e] or official.name.split()[0] in body[s:e] for _, s, e in app.hits
        )
        await pilot.press("n")
        assert app.hit_index == 1


@pytest.mark.asyncio
async def test_help_screen_lists_every_key(db_path):
    app = create_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for expected in (
            "Quit",
            "Search",
            "Next hit",
            "Open",
            "Command palette",
            "Next pane",
            "Bookmark",
            "date:2023-06",
        ):
            assert expected in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.asyncio
async def test_hostile_article_is_shown_literally_and_does_not_act(tmp_path, db_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    hostile = "[link=http://x]nhấn[/link] [@click=app.quit]thoát[/] \x1b[2J\x07 [/ [bold"
    (folder / "h.txt").write_text(
        article_text(
            f"Tin {hostile}",
            date="2030-01",
            author="[b]Tác giả[/b]",
            paragraphs=[f"Đoạn {hostile}", "Ông Nguyễn Văn [red]A[/red], Chủ tịch UBND xã."],
        ),
        encoding="utf-8",
    )
    library = Library.open(db_path)
    library.import_articles(iter_inputs([folder]))
    app = create_app(db_path, import_bundled=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await pilot.pause(0.2)
        lines = "\n".join(app.article_view.line_text())
        assert "[@click=app.quit]thoát[/]" in lines
        assert "[link=http://x]" in lines
        assert "\x1b" not in lines and "\x07" not in lines
        await pilot.click(ArticleList, offset=(20, 0))
        await pilot.click("#text", offset=(10, 3))
        await pilot.press("slash", *"[/", "enter")
        await pilot.pause(0.2)
        assert app.is_running


@pytest.mark.asyncio
@pytest.mark.parametrize("size", [(80, 24), (60, 20), (40, 12)])
async def test_small_terminals_do_not_crash(db_path, size):
    app = create_app(db_path)
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "enter", "tab", "tab", "slash", *"ha", "enter", "n", "question_mark")
        await pilot.press("escape")
        assert app.is_running


def test_factory_builds_an_app(tmp_path: Path):
    app = create_app(tmp_path / "x.json")
    assert isinstance(app, ReaderApp)


@pytest.mark.asyncio
async def test_keys_typed_in_a_burst_after_slash_land_in_the_search(db_path):
    from textual import events

    app = create_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        # a fast typist or a paste: every key queued before the app handles the first
        for key, char in [("slash", "/"), ("t", "t"), ("r", "r"), ("slash", "/"), ("n", "n")]:
            app.post_message(events.Key(key, char))
        await wait_until(pilot, lambda: app.search_bar.input.value == "tr/n")
        assert app.focused is app.search_bar.input


@pytest.mark.asyncio
async def test_unread_and_bookmarked_filters(db_path):
    app = create_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        total = len(app.article_list.ids)
        await pilot.press("enter")  # opens (and reads) the first article
        await wait_until(pilot, lambda: app.current is not None)
        first = app.current.id
        await pilot.press("b", "escape", "u")
        await wait_until(pilot, lambda: len(app.article_list.ids) == total - 1)
        assert first not in app.article_list.ids
        assert "is:unread" in str(app.article_list.border_title)
        await pilot.press("u", "B")
        await wait_until(pilot, lambda: app.article_list.ids == [first])
        await pilot.press("B")
        await wait_until(pilot, lambda: len(app.article_list.ids) == total)


@pytest.mark.asyncio
async def test_a_damaged_library_stops_the_app_with_a_message_and_is_kept(tmp_path):
    db = tmp_path / "library.json"
    db.write_bytes(b'{"articles": {"1": {"title": "cut her')
    app = create_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 1
    assert db.read_bytes() == b'{"articles": {"1": {"title": "cut her'


@pytest.mark.asyncio
async def test_no_color_keeps_highlights_visible(db_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = create_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert app.no_color
        await open_seed(app, pilot)
        await pilot.press("tab", "tab")
        await wait_until(pilot, lambda: app.hit_class == "article-view--mention")
        view = app.article_view
        y = next(i for i, line in enumerate(view.line_text()) if "Phạm Thị Thanh Thủy" in line)
        view.scroll_to(y=y, animate=False)
        await pilot.pause(0.1)
        styles = [seg.style for seg in view.render_line(0) if "Thủy" in seg.text]
        assert styles and all(s and (s.underline or s.bold) for s in styles)


@pytest.mark.asyncio
async def test_r_shows_articles_another_process_imported(db_path, tmp_path, write_article):
    app = create_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        before = len(app.article_list.ids)
        folder = write_article("new.txt", "Tin mới từ tiến trình khác", date="2031-01").parent
        Library.open(db_path).import_articles(iter_inputs([folder]))
        await pilot.press("r")
        await wait_until(pilot, lambda: len(app.article_list.ids) == before + 1)
        assert app.library.summary(app.article_list.ids[0]).title == "Tin mới từ tiến trình khác"
