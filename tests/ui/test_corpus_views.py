"""Officials and awards across the library: lists, details, and back to an article."""

from __future__ import annotations

import pytest

from tui_reader.ui.app import create_app
from tui_reader.ui.corpus_views import AwardsScreen, OfficialsScreen
from tui_reader.ui.panes import AwardsPane, OfficialsPane

from .test_app import ready, wait_until


def detail_text(screen) -> str:
    return str(screen.query_one("#corpus-detail").render())


@pytest.mark.asyncio
async def test_officials_view_lists_people_and_opens_their_articles(db_path):
    app = create_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("o")
        assert isinstance(app.screen, OfficialsScreen)
        screen = app.screen
        await wait_until(pilot, lambda: len(screen.entries.rows) > 5)
        # the filter matches without diacritics
        await pilot.press("slash", *"tran phu ha", "enter")
        await wait_until(pilot, lambda: len(screen.entries.rows) == 1)
        assert screen.entries.rows[0].label == "Trần Phú Hà"
        await wait_until(pilot, lambda: "Giám đốc Công an tỉnh" in detail_text(screen))
        assert "Thiếu tướng" in detail_text(screen)
        assert screen.articles.ids
        await pilot.press("enter")  # to the person's articles
        assert app.focused is screen.articles
        await pilot.press("enter")  # open the first: back to the reader, mentions highlighted
        await wait_until(pilot, lambda: not isinstance(app.screen, OfficialsScreen))
        await wait_until(pilot, lambda: app.hit_class == "article-view--mention")
        pane = app.query_one(OfficialsPane)
        assert app.current.extraction.officials[pane.highlighted].name == "Trần Phú Hà"
        assert len(app.hits) >= 2


@pytest.mark.asyncio
async def test_awards_view_groups_by_kind_and_by_issuer(db_path):
    app = create_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("a")
        assert isinstance(app.screen, AwardsScreen)
        screen = app.screen
        await wait_until(pilot, lambda: len(screen.entries.rows) > 2)
        labels = [r.label for r in screen.entries.rows]
        assert any(label.startswith("Bằng khen") for label in labels)
        assert "Totals" in detail_text(screen)
        await pilot.press("i")
        await wait_until(
            pilot,
            lambda: (
                screen.by == "issuer"
                and any("Giám đốc Công an tỉnh" in r.label for r in screen.entries.rows)
            ),
        )
        await pilot.press("s")
        assert "collectives" in str(screen.query_one("#corpus-left").border_title)
        await pilot.press("enter", "enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, AwardsScreen))
        assert app.query_one(AwardsPane).highlighted is not None
        await pilot.press("escape")


@pytest.mark.asyncio
async def test_timeline_follows_the_filter(db_path):
    app = create_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        timeline = app.query_one("#timeline")
        await wait_until(pilot, lambda: "2023-01" in str(timeline.render()))
        assert "2025-06" in str(timeline.render())
        await pilot.press("slash", *"date:2024", "enter")
        await wait_until(pilot, lambda: "2023-01" not in str(timeline.render()))
        assert "2024" in str(timeline.render())


@pytest.mark.asyncio
async def test_palette_goes_to_officials_and_filters_by_award(db_path):
    app = create_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+p", *"tran phu")
        await pilot.pause(0.8)
        palette = app.screen.query("CommandList").first()
        prompts = [str(o.prompt) for o in palette._options]
        assert any(p.startswith("Go to official: Trần Phú Hà") for p in prompts)
        assert any(p.startswith("Go to article: ") for p in prompts)
        await pilot.press("escape", "ctrl+p", *"giay khen")
        await pilot.pause(0.8)
        prompts = [str(o.prompt) for o in app.screen.query("CommandList").first()._options]
        target = next(
            i for i, p in enumerate(prompts) if p.startswith("Filter by award: Giấy khen")
        )
        for _ in range(target):
            await pilot.press("down")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.query_text.startswith("award:"))
        await wait_until(pilot, lambda: 0 < len(app.article_list.ids) < 17)


@pytest.mark.asyncio
async def test_export_of_the_current_filter_from_the_app(db_path, tmp_path, monkeypatch):
    import json

    monkeypatch.chdir(tmp_path)
    app = create_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *"giay khen", "escape")
        await wait_until(pilot, lambda: 0 < len(app.article_list.ids) < 17)
        shown = list(app.article_list.ids)
        app.action_export("json")
        await wait_until(pilot, lambda: list(tmp_path.glob("tui-reader-*.json")))
    [path] = list(tmp_path.glob("tui-reader-*.json"))
    rows = json.loads(path.read_text(encoding="utf-8"))
    assert [r["id"] for r in rows] == shown
