"""The Textual app: built by one factory, used by the CLI, the tests and the snapshots.

The screen is the mediator: panes post messages, the screen decides what the others show.
Everything slow (opening the library, importing, corpus search) runs in thread workers.
"""

from __future__ import annotations

import gc
import logging
import time
from pathlib import Path

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult, ScreenStackError
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import Footer, Header, Static
from textual.worker import Worker, WorkerState, get_current_worker

from tui_reader.config import ConfigError, Settings, save_settings
from tui_reader.safe import plain_line
from tui_reader.storage import StoreError
from tui_reader.store import Library, StoredArticle
from tui_reader.timeline import articles_per_month
from tui_reader.ui.article_list import ArticleList
from tui_reader.ui.article_view import ArticleView
from tui_reader.ui.commands import ArticleCommands
from tui_reader.ui.corpus_views import (
    AwardsScreen,
    CorpusScreen,
    OfficialsScreen,
    render_timeline,
)
from tui_reader.ui.help_screen import HelpScreen
from tui_reader.ui.i18n import t
from tui_reader.ui.panes import AwardsPane, EntryPane, OfficialsPane
from tui_reader.ui.safe_text import safe_line
from tui_reader.ui.search_bar import SearchBar

log = logging.getLogger(__name__)

Hit = tuple[str, int, int]  # (field, start, end)


class ReaderApp(App[int]):
    """Four panes: the article list, the text, its officials and its awards."""

    CSS_PATH = "reader.tcss"
    TITLE = "tui-reader"
    COMMANDS = App.COMMANDS | {ArticleCommands}

    BINDINGS = [
        Binding("q", "quit", t("Quit"), id="app.quit"),
        Binding("question_mark", "help", t("Help"), key_display="?", id="app.help"),
        # priority: handled before the focused widget sees it, so that keys typed right after
        # it land in the search input, and "/" itself never does (typed in the input, it is
        # inserted by the action)
        Binding("slash", "search", t("Search"), key_display="/", id="app.search", priority=True),
        Binding("n", "next_hit", t("Next hit"), id="app.next_hit"),
        Binding("N", "previous_hit", t("Prev hit"), key_display="N", id="app.previous_hit"),
        Binding("o", "officials_view", t("Officials view"), id="app.officials"),
        Binding("a", "awards_view", t("Awards view"), id="app.awards"),
        Binding("b", "bookmark", t("Bookmark"), show=False, id="app.bookmark"),
        Binding("e", "export('csv')", t("Export"), show=False, id="app.export"),
        Binding("u", "toggle_filter('is:unread')", t("Unread only"), show=False, id="app.unread"),
        Binding(
            "B",
            "toggle_filter('is:bookmarked')",
            t("Bookmarked only"),
            key_display="B",
            show=False,
            id="app.bookmarked",
        ),
        Binding("r", "refresh_library", t("Reload"), show=False, id="app.refresh"),
        Binding("escape", "back", t("Back"), show=False, id="app.back"),
        Binding("tab", "focus_next", t("Next pane"), show=False, id="app.focus_next"),
        Binding(
            "shift+tab", "focus_previous", t("Previous pane"), show=False, id="app.focus_previous"
        ),
    ]

    def __init__(
        self,
        db_path: Path | str | None = None,
        import_bundled: bool = True,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.db_path = db_path
        self.import_bundled = import_bundled
        self.library: Library | None = None
        self.all_ids: list[int] = []
        self.query_text = ""  # the corpus filter in force
        self.current: StoredArticle | None = None
        self.hits: list[Hit] = []
        self.hit_index = -1
        self.hit_class = "article-view--hit"
        self._show_timer = None
        self._people_cache: tuple | None = None
        self._months: list[tuple[str, int]] = []  # articles per month of the current list

    # ---- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="list-column"):
                yield ArticleList.of_library(self, id="articles")
                yield Static(Content(""), id="timeline")
            with Vertical(id="right"):
                yield ArticleView(id="text")
                with Horizontal(id="details"):
                    yield OfficialsPane(id="officials")
                    yield AwardsPane(id="awards")
        search = SearchBar(id="search")
        search.display = False
        yield search
        yield Footer()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one("#articles", ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one("#text", ArticleView)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one("#search", SearchBar)

    def on_mount(self) -> None:
        self._apply_settings()
        self.article_list.border_title = Content(t("Articles"))
        self.article_view.border_title = Content(t("Text"))
        self.query_one("#officials").border_title = Content(t("Officials"))
        self.query_one("#awards").border_title = Content(t("Awards"))
        self.article_view.placeholder = t("Opening the library…")
        self.article_view.show(None)
        self.article_list.focus()
        self._apply_size_classes()
        self.load_library()

    def _apply_settings(self) -> None:
        settings = self.settings
        if settings.theme and settings.theme in self.available_themes:
            self.theme = settings.theme
        if settings.keys:
            self.set_keymap(settings.keys)
        if settings.problem:
            self.notify(plain_line(settings.problem), severity="warning", markup=False)
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme) -> None:
        if self.settings.path is None or self.settings.theme == theme.name:
            return
        self.settings.theme = theme.name
        try:
            save_settings(self.settings)
        except ConfigError as exc:
            self.notify(plain_line(str(exc)), severity="warning", markup=False)

    def choose_language(self, language: str) -> None:
        """Save the interface language; key names are built at start, so it applies next time."""
        self.settings.language = language
        try:
            path = save_settings(self.settings)
        except ConfigError as exc:
            self.notify(plain_line(str(exc)), severity="error", markup=False)
            return
        message = (
            "Đã lưu: giao diện tiếng Việt từ lần mở sau."
            if language == "vi"
            else "Saved: the interface speaks English from the next start."
        )
        self.notify(f"{message} ({path})", markup=False)

    def on_resize(self) -> None:
        self._apply_size_classes()
        self.call_after_refresh(self._draw_timeline)

    def _draw_timeline(self) -> None:
        timeline = self.query_one("#timeline", Static)
        width = timeline.scrollable_content_region.width or 40
        timeline.update(render_timeline(self._months, width, peak=width >= 60))

    def on_descendant_focus(self) -> None:
        # in a tiny terminal the details replace the text while one of them has the focus
        self.set_class(isinstance(self.focused, EntryPane), "-details-focused")

    def _apply_size_classes(self) -> None:
        width, height = self.size
        self.set_class(width < 100, "-narrow")
        self.set_class(width < 60 or height < 18, "-tiny")

    # ---- loading -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_library(self) -> None:
        try:
            library = Library.open(self.db_path)
            if not len(library) and self.import_bundled:
                from tui_reader.importing import bundled_data_dir, iter_inputs

                data = bundled_data_dir()
                if data is not None:
                    self.call_from_thread(
                        self._set_placeholder, t("Importing the sample articles…")
                    )
                    library.import_articles(iter_inputs([data], source_prefix="bundled:"))
            if library.index_needs_rebuild():
                self.call_from_thread(self._set_placeholder, t("Building the search index (once)…"))
            library.index()
            ids = library.ids()
        except StoreError as exc:
            self.call_from_thread(self._fatal, exc)
            return
        # The library's objects live as long as the app: keep the garbage collector from
        # walking them again and again (at 100k articles each full pass stalls the screen).
        gc.freeze()
        self.call_from_thread(self._library_ready, library, None, ids)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed unexpectedly is logged and reported, never silently lost."""
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            log.error("worker %s failed", event.worker.name, exc_info=error)
            message = (
                f"{event.worker.group} failed: {plain_line(str(error)) or type(error).__name__}"
            )
            if event.worker.group == "load" and self.library is None:
                self._set_placeholder(message)
            self.notify(message, severity="error", markup=False, timeout=10)

    def _set_placeholder(self, text: str) -> None:
        self.article_view.placeholder = text
        self.article_view.show(None)

    def _fatal(self, exc: StoreError) -> None:
        self.exit(return_code=1, message=Text(f"tui-reader: {plain_line(str(exc))}"))

    def _library_ready(
        self, library: Library, keep: int | None = None, ids: list[int] | None = None
    ) -> None:
        self.library = library
        self.all_ids = library.ids() if ids is None else ids
        self.article_view.placeholder = (
            t("No article selected.")
            if self.all_ids
            else t("The library is empty: tui-reader import PATH")
        )
        # the list, its title and the timeline of the current filter (all articles if none)
        self.run_search(self.query_text)
        if not self.all_ids:
            self.article_view.show(None)

    def _update_list_title(self, shown: int | None = None) -> None:
        total = len(self.all_ids)
        if self.query_text:
            shown = len(self.article_list.ids) if shown is None else shown
            counts = t("{shown} of {total}", shown=f"{shown:,}", total=f"{total:,}")
            title = Content.assemble(
                t("Articles") + " ", (counts, "bold"), " · ", safe_line(self.query_text, "italic")
            )
        else:
            title = Content(f"{t('Articles')} · {total:,}")
        self.article_list.border_title = title

    # ---- showing an article ----------------------------------------------------------------

    @on(ArticleList.Highlighted, "#articles")
    def _on_highlighted(self, event: ArticleList.Highlighted) -> None:
        if self._show_timer is not None:
            self._show_timer.stop()
        # a short pause so holding j does not load every article it passes
        self._show_timer = self.set_timer(0.04, lambda: self._show_highlighted(event.key))

    def _show_highlighted(self, article_id: int | None) -> None:
        # the timer may fire while the app is closing and its panes are already gone
        try:
            self.show_article(article_id)
        except (NoMatches, ScreenStackError):
            log.debug("no reader screen to show article %s on", article_id)

    @on(ArticleList.Opened, "#articles")
    def _on_opened(self, event: ArticleList.Opened) -> None:
        self.show_article(event.key)
        if self.library is not None and self.current is not None:
            self._mark_read(self.current.id)
        self.article_view.focus()

    def show_article(self, article_id: int | None) -> None:
        """Fill the text, officials and awards panes with one article."""
        view = self.article_view
        if self.library is None or article_id is None:
            self.current = None
            view.show(None)
            self.query_one(OfficialsPane).show_officials([])
            self.query_one(AwardsPane).show_awards([])
            return
        if self.current is not None and self.current.id == article_id:
            return
        try:
            stored = self.library.get(article_id)
        except StoreError as exc:
            self.notify(plain_line(str(exc)), severity="error", markup=False)
            return
        self.current = stored
        self.hits = self._query_hits(self.query_text)
        self.hit_class = "article-view--hit"
        self.hit_index = -1
        view.show(stored.article, article_id, self._highlights())
        self._show_hit_position()
        self.query_one(OfficialsPane).show_officials(stored.extraction.officials)
        self.query_one(AwardsPane).show_awards(stored.extraction.awards)

    def _mark_read(self, article_id: int) -> None:
        try:
            self.library.set_state(article_id, read=True)
        except StoreError as exc:
            self.notify(plain_line(str(exc)), severity="warning", markup=False)
        self.article_list.refresh_rows()

    # ---- hits: search results and mentions inside the open article ---------------------------

    def _query_hits(self, query: str) -> list[Hit]:
        """Every hit of a query in the open article's title and body."""
        from tui_reader.search import find_hits

        if not query.strip() or self.current is None:
            return []
        article = self.current.article
        hits: list[Hit] = [
            ("title", s, e) for s, e in find_hits(query, article.title, field="title")
        ]
        hits += [("body", s, e) for s, e in find_hits(query, article.body)]
        return hits

    def _set_hits_from_query(self, query: str) -> None:
        self._set_hits(self._query_hits(query), "article-view--hit", move=False)

    def _set_hits(self, hits: list[Hit], cls: str, move: bool = True) -> None:
        self.hits = hits
        self.hit_class = cls
        self.hit_index = 0 if (hits and move) else -1
        self._paint_hits()
        if move and hits:
            self._scroll_to_hit()

    def _highlights(self) -> dict[str, list[tuple[int, int, str]]]:
        highlights: dict[str, list[tuple[int, int, str]]] = {}
        for i, (field, start, end) in enumerate(self.hits):
            cls = "article-view--current" if i == self.hit_index else self.hit_class
            highlights.setdefault(field, []).append((start, end, cls))
        return highlights

    def _paint_hits(self) -> None:
        self.article_view.set_highlights(self._highlights())
        self._show_hit_position()

    def _show_hit_position(self) -> None:
        if self.hits:
            position = f"{self.hit_index + 1}/{len(self.hits)}" if self.hit_index >= 0 else "–"
            self.article_view.border_subtitle = Content(f"{position} · n/N")
        else:
            self.article_view.border_subtitle = None
        if self.search_bar.display and self.search_bar.scope == "article":
            self.search_bar.set_count(f"{self.hit_index + 1 if self.hits else 0}/{len(self.hits)}")

    def _scroll_to_hit(self) -> None:
        if 0 <= self.hit_index < len(self.hits):
            field, start, _end = self.hits[self.hit_index]
            self.article_view.scroll_to_offset(field, start)

    def action_next_hit(self) -> None:
        self._step_hit(1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        if not self.hits:
            self.bell()
            return
        if self.hit_index < 0:
            self.hit_index = 0 if step > 0 else len(self.hits) - 1
        else:
            self.hit_index = (self.hit_index + step) % len(self.hits)
        self._paint_hits()
        self._scroll_to_hit()

    @on(EntryPane.EntryChosen)
    def _on_entry_chosen(self, event: EntryPane.EntryChosen) -> None:
        if self.current is None or event.index is None:
            return
        extraction = self.current.extraction
        if isinstance(event.pane, OfficialsPane):
            spans = extraction.officials[event.index].mentions
            cls = "article-view--mention"
        else:
            spans = extraction.awards[event.index].mentions
            cls = "article-view--award"
        self._set_hits([("body", s, e) for s, e in sorted(spans)], cls)

    # ---- search ------------------------------------------------------------------------------

    def action_search(self) -> None:
        focused = self.focused
        if focused is self.search_bar.input:
            # typed in the input: queue it behind the keys typed before it
            focused.post_message(events.Key("slash", "/"))
            return
        if isinstance(self.screen, CorpusScreen):
            self.screen.action_filter()  # "/" filters the view's list there
            return
        if isinstance(self.screen, HelpScreen) or self.screen is not self.screen_stack[0]:
            return
        if focused is self.article_view or isinstance(focused, EntryPane):
            scope = "article"
            value = ""
        else:
            scope = "corpus"
            value = self.query_text
        if self.current is None:
            scope = "corpus"
        self.search_bar.open(scope, value)
        if scope == "article":
            self.search_bar.set_count("")

    @on(SearchBar.Changed)
    def _on_search_changed(self, event: SearchBar.Changed) -> None:
        if event.scope == "corpus":
            self.query_text = event.query.strip()
            self.run_search(self.query_text)
        else:
            self._set_hits_from_query(event.query)
            if self.hits:
                self.hit_index = 0
                self._paint_hits()
                self._scroll_to_hit()

    @on(SearchBar.Submitted)
    def _on_search_submitted(self, event: SearchBar.Submitted) -> None:
        self.search_bar.display = False
        if event.scope == "corpus":
            ids = self.article_list.ids
            if ids and self.query_text:
                self.article_list.cursor = 0
                self.current = None
                self.show_article(ids[0])
                if self.hits:
                    self.hit_index = 0
                    self._paint_hits()
                    self._scroll_to_hit()
                self._mark_read(ids[0])
                self.article_view.focus()
            else:
                self.article_list.focus()
        else:
            self.article_view.focus()

    @on(SearchBar.Closed)
    def _on_search_closed(self, event: SearchBar.Closed) -> None:
        if event.scope == "corpus":
            self.article_list.focus()
        else:
            self.article_view.focus()

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        library = self.library
        if library is None:
            return
        worker = get_current_worker()
        if not query:
            ids = self.all_ids
            error = None
        else:
            try:
                ids = library.search(query)
                error = None
            except Exception as exc:  # noqa: BLE001 - a bad query must never crash the app
                log.exception("search failed")
                ids, error = [], str(exc)
        if worker.is_cancelled:
            return
        self.call_from_thread(self._show_results, query, ids, error)
        # the timeline after the list: the list is what the reader waits for
        months = articles_per_month(library.all_meta(), ids)
        if not worker.is_cancelled:
            self.call_from_thread(self._show_timeline, query, months)

    def _show_timeline(self, query: str, months: list[tuple[str, int]]) -> None:
        if query == self.query_text:
            self._months = months
            self._draw_timeline()

    def _show_results(self, query: str, ids: list[int], error: str | None) -> None:
        if query != self.query_text:
            return  # a newer keystroke has already asked for another search
        keep = self.current.id if self.current is not None else None
        self.article_list.set_ids(ids, keep=keep)
        self._update_list_title(len(ids))
        count = t("{shown} of {total}", shown=f"{len(ids):,}", total=f"{len(self.all_ids):,}")
        count = count if query else ""
        self.search_bar.set_count(error or count)
        self._set_hits_from_query(query)

    def action_back(self) -> None:
        """Escape: leave the text for the list; in the list, clear the filter."""
        if self.focused is not self.article_list:
            self.article_list.focus()
            return
        if self.query_text:
            self.query_text = ""
            self.run_search("")
            self._set_hits([], "article-view--hit", move=False)

    # ---- other actions ---------------------------------------------------------------------

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        sections = [
            (t("Everywhere"), self.BINDINGS_FOR_HELP()),
            (t("Article list"), ArticleList.BINDINGS),
            (t("Article text"), ArticleView.BINDINGS),
            (t("Officials and awards"), EntryPane.BINDINGS),
            (
                t("Search bar"),
                [*SearchBar.BINDINGS, Binding("enter", "", t("Open the first result"))],
            ),
        ]
        self.push_screen(HelpScreen(sections))

    def BINDINGS_FOR_HELP(self) -> list[Binding]:  # noqa: N802 - reads like the constant it lists
        extra = [Binding("ctrl+p", "command_palette", t("Command palette"))]
        return [b for b in self.BINDINGS if isinstance(b, Binding)] + extra

    def people(self) -> list:
        """Every official across the library (built once per library state; thread-safe)."""
        from tui_reader.directory import build_directory

        library = self.library
        if library is None:
            return []
        cached = self._people_cache
        if cached is None or cached[0] is not library or cached[1] != len(library):
            cached = (library, len(library), build_directory(library.records()))
            self._people_cache = cached
        return cached[2]

    def award_kinds(self) -> list[str]:
        """Award kinds across the library, most reported first."""
        from tui_reader.award_summary import group_awards
        from tui_reader.text import fold

        if self.library is None:
            return []
        kinds: dict[str, str] = {}  # one entry per kind, whatever its issuers or its case
        for group in group_awards(self.library.records(), by="award"):
            kinds.setdefault(fold(group.award), group.award)
        return list(kinds.values())

    def show_person(self, person) -> None:
        """The officials view, filtered to one person."""
        screen = OfficialsScreen(initial_filter=person.name)
        self.push_screen(screen)

    def filter_by_award(self, kind: str) -> None:
        """Filter the list to articles giving this award."""
        quoted = kind.replace('"', " ")
        self.query_text = f'award:"{quoted}"'
        self.run_search(self.query_text)
        self.article_list.focus()

    def action_officials_view(self) -> None:
        if self.library is not None and not isinstance(self.screen, OfficialsScreen):
            self.push_screen(OfficialsScreen())

    def action_awards_view(self) -> None:
        if self.library is not None and not isinstance(self.screen, AwardsScreen):
            self.push_screen(AwardsScreen())

    def open_from_corpus(self, article_id: int, item: object) -> None:
        """Open an article chosen in a corpus view, with that person or award highlighted."""
        from tui_reader.text import same_name

        self.go_to_article(article_id)
        if self.current is None:
            return
        extraction = self.current.extraction
        if hasattr(item, "spellings"):  # a person of the officials view
            names = [item.name, *item.spellings]
            pane, entries = self.query_one(OfficialsPane), extraction.officials
            index = next(
                (i for i, o in enumerate(entries) if any(same_name(o.name, n) for n in names)), None
            )
        else:  # an award group
            from tui_reader.directory import compare_key

            pane, entries = self.query_one(AwardsPane), extraction.awards
            wanted = compare_key(item.award or "")
            index = next((i for i, a in enumerate(entries) if compare_key(a.award) == wanted), None)
        if index is not None:
            pane.focus()
            pane.highlighted = index

    def action_export(self, fmt: str = "csv") -> None:
        """Write the articles of the current list to a file in the working folder."""
        if self.library is None:
            return
        stamp = time.strftime("%Y%m%d-%H%M%S")
        self.export_list(list(self.article_list.ids), fmt, Path.cwd() / f"tui-reader-{stamp}.{fmt}")

    @work(thread=True, group="export", exit_on_error=False)
    def export_list(self, ids: list[int], fmt: str, path: Path) -> None:
        from tui_reader.export import ExportError, export_articles, export_to_file

        try:
            rows = export_to_file(path, export_articles, self.library, ids, fmt)
        except ExportError as exc:
            self.call_from_thread(self.notify, plain_line(str(exc)), severity="error", markup=False)
            return
        message = t("Exported {n} articles to {path}", n=f"{rows:,}", path=str(path))
        self.call_from_thread(self.notify, plain_line(message), markup=False)

    def action_toggle_filter(self, token: str) -> None:
        """Add or remove a reading-state filter (is:unread, is:bookmarked) to the list's query."""
        words = self.query_text.split()
        words = [w for w in words if w != token] if token in words else [*words, token]
        self.query_text = " ".join(words)
        if self.search_bar.display and self.search_bar.scope == "corpus":
            self.search_bar.open("corpus", self.query_text)
        self.run_search(self.query_text)

    def action_bookmark(self) -> None:
        if self.library is None or self.current is None:
            return
        marked = not self.library.is_bookmarked(self.current.id)
        try:
            self.library.set_state(self.current.id, bookmarked=marked)
        except StoreError as exc:
            self.notify(plain_line(str(exc)), severity="error", markup=False)
            return
        self.article_list.refresh_rows()
        self.notify(t("Bookmarked.") if marked else t("Bookmark removed."), markup=False)

    def action_refresh_library(self) -> None:
        if self.library is None:
            return
        if not self.library.changed_on_disk():
            self.notify(t("The library is up to date."), markup=False)
            return
        self.reload_library()

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def reload_library(self) -> None:
        library = self.library
        try:
            library.reload()
            library.index()
        except StoreError as exc:
            self.call_from_thread(self.notify, plain_line(str(exc)), severity="error", markup=False)
            return
        keep = self.current.id if self.current is not None else None
        self.current = None
        self.call_from_thread(self._library_ready, library, keep)
        self.call_from_thread(
            self.notify, t("Reloaded: {n} articles.", n=f"{len(library):,}"), markup=False
        )

    def go_to_article(self, article_id: int) -> None:
        """Put the cursor on an article (clearing a filter that hides it) and open it."""
        if article_id not in self.article_list.ids:
            # drop the filter; the new list keeps the cursor on the open article
            self.query_text = ""
            self.run_search("")
        else:
            self.article_list.cursor = self.article_list.ids.index(article_id)
        self.show_article(article_id)
        self.article_view.focus()


def create_app(
    db_path: Path | str | None = None,
    import_bundled: bool = True,
    settings: Settings | None = None,
) -> ReaderApp:
    """The one factory for the app: the CLI, the tests and the snapshots all use it."""
    return ReaderApp(db_path=db_path, import_bundled=import_bundled, settings=settings)


def run_app(db_path: Path | str | None = None, settings: Settings | None = None) -> int:
    """Run the app in this terminal; return its exit code."""
    _log_to_file()
    app = create_app(db_path, settings=settings)
    app.run()
    return app.return_code or 0


def _log_to_file() -> None:
    from platformdirs import user_log_path

    try:
        folder = user_log_path("tui-reader", appauthor=False)
        folder.mkdir(parents=True, exist_ok=True)
        logging.basicConfig(
            filename=folder / "tui-reader.log",
            level=logging.INFO,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
    except OSError:
        logging.basicConfig(handlers=[logging.NullHandler()])
