"""SVG snapshots of what the screen shows (update with `pytest --snapshot-update`)."""

from __future__ import annotations

from tui_reader.ui.app import create_app

from .test_app import open_seed as show_seed
from .test_app import ready


def open_seed(keys: tuple[str, ...] = ()):
    async def run_before(pilot) -> None:
        app = pilot.app
        await ready(app, pilot)
        await show_seed(app, pilot)
        if keys:
            await pilot.press(*keys)
            await pilot.pause(0.3)
            # a search runs in a worker: on a busy machine it may outlast the pause
            await app.workers.wait_for_complete()
            await pilot.pause()

    return run_before


def test_seed_article_four_panes(snap_compare, db_path):
    assert snap_compare(create_app(db_path), terminal_size=(120, 40), run_before=open_seed())


def test_official_chosen_highlights_mentions(snap_compare, db_path):
    app = create_app(db_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=open_seed(("tab", "tab", "n")))


def test_search_filters_the_list(snap_compare, db_path):
    keys = ("slash", *"huan chuong")
    assert snap_compare(create_app(db_path), terminal_size=(120, 40), run_before=open_seed(keys))


def test_help_screen(snap_compare, db_path):
    app = create_app(db_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=open_seed(("question_mark",)))


def test_narrow_terminal_stacks_the_panes(snap_compare, db_path):
    assert snap_compare(create_app(db_path), terminal_size=(80, 24), run_before=open_seed())


def test_tiny_terminal(snap_compare, db_path):
    assert snap_compare(create_app(db_path), terminal_size=(40, 12), run_before=open_seed())


def open_view(key: str, filter_text: str = ""):
    async def run_before(pilot) -> None:
        from .test_app import wait_until

        app = pilot.app
        await ready(app, pilot)
        await pilot.press(key)
        await wait_until(pilot, lambda: len(app.screen.entries.rows) > 0)
        if filter_text:
            await pilot.press("slash", *filter_text, "enter")
            await wait_until(pilot, lambda: len(app.screen.entries.rows) == 1)
        await pilot.pause(0.3)

    return run_before


def test_officials_view(snap_compare, db_path):
    app = create_app(db_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=open_view("o", "tran phu ha"))


def test_awards_view(snap_compare, db_path):
    assert snap_compare(create_app(db_path), terminal_size=(120, 40), run_before=open_view("a"))
