"""Command palette entries: "group: verb" commands and going to any article, without diacritics."""

from __future__ import annotations

import asyncio
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui_reader.text import fold
from tui_reader.ui.safe_text import safe_line


class ArticleCommands(Provider):
    """Reader commands, and "Go to article: <title>" for articles matching the typed words."""

    def _commands(self) -> list[tuple[str, object, str]]:
        app = self.app
        return [
            ("Search: all articles", app.action_search, "Filter the article list (/)"),
            ("Search: next hit", app.action_next_hit, "Move to the next highlighted hit (n)"),
            ("Search: previous hit", app.action_previous_hit, "Move to the previous hit (N)"),
            (
                "Library: reload from disk",
                app.action_refresh_library,
                "Show articles another tui-reader imported (r)",
            ),
            (
                "Article: bookmark",
                app.action_bookmark,
                "Bookmark or un-bookmark the open article (b)",
            ),
            ("Help: keys", app.action_help, "Every key of every pane (?)"),
            ("View: officials", app.action_officials_view, "Every official across the library (o)"),
            ("View: awards", app.action_awards_view, "Awards by kind or issuer (a)"),
            ("Filter: unread only", partial(app.action_toggle_filter, "is:unread"), "(u)"),
            *(
                (
                    f"Export: current list as {name}",
                    partial(app.action_export, fmt),
                    f"A .{fmt} file in the working folder" + (" (e)" if fmt == "csv" else ""),
                )
                for fmt, name in (("csv", "CSV"), ("json", "JSON"), ("jsonl", "JSON Lines"))
            ),
            ("Filter: bookmarked only", partial(app.action_toggle_filter, "is:bookmarked"), "(B)"),
            (
                "Settings: language Tiếng Việt",
                partial(app.choose_language, "vi"),
                "Giao diện tiếng Việt (từ lần mở sau)",
            ),
            (
                "Settings: language English",
                partial(app.choose_language, "en"),
                "The interface in English (from the next start)",
            ),
        ]

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(fold(query))
        for name, callback, help_text in self._commands():
            score = matcher.match(fold(name))
            if score > 0:
                yield Hit(score, Content(name), callback, text=name, help=help_text)
        for theme in sorted(self.app.available_themes):
            label = f"Theme: {theme}"
            score = matcher.match(fold(label))
            if score > 0:
                yield Hit(
                    score * 0.9,
                    Content(label),
                    partial(setattr, self.app, "theme", theme),
                    text=label,
                )
        library = getattr(self.app, "library", None)
        if library is None or not query.strip():
            return
        async for hit in self._officials(query):
            yield hit
        async for hit in self._awards(query):
            yield hit
        try:
            ids = await asyncio.to_thread(library.search, query, 20)
        except Exception:  # noqa: BLE001 - a half-typed query must never break the palette
            return
        for rank, article_id in enumerate(ids):
            summary = library.summary(article_id)
            display = Content.assemble(
                ("Go to article: ", "$text-muted"),
                safe_line(summary.title),
                (f"  {summary.date or ''}", "$text-muted"),
            )
            yield Hit(
                max(0.5 - rank * 0.01, 0.01),
                display,
                partial(self.app.go_to_article, article_id),
                text=f"Go to article: {summary.title}",
            )

    async def _officials(self, query: str) -> Hits:
        """ "Go to official: <name>" for people whose names match the typed words."""
        from tui_reader.directory import find_people

        people = await asyncio.to_thread(self.app.people)
        for rank, person in enumerate(find_people(people, query)[:8]):
            titles = person.titles[-1].text if person.titles else ""
            display = Content.assemble(
                ("Go to official: ", "$text-muted"),
                safe_line(person.name, "bold"),
                ("  " if titles else "", ""),
                safe_line(titles, "$text-muted"),
            )
            yield Hit(
                max(0.8 - rank * 0.01, 0.01),
                display,
                partial(self.app.show_person, person),
                text=f"Go to official: {person.name}",
            )

    async def _awards(self, query: str) -> Hits:
        """ "Filter by award: <kind>" for award kinds matching the typed words."""
        kinds = await asyncio.to_thread(self.app.award_kinds)
        words = fold(query).split()
        found = [k for k in kinds if all(w in fold(k) for w in words)]
        for rank, kind in enumerate(found[:6]):
            display = Content.assemble(("Filter by award: ", "$text-muted"), safe_line(kind))
            yield Hit(
                max(0.7 - rank * 0.01, 0.01),
                display,
                partial(self.app.filter_by_award, kind),
                text=f"Filter by award: {kind}",
            )
