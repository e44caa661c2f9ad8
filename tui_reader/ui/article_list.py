"""The article list: a line-API widget that draws only the visible rows, instant at 100k rows."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui_reader.safe import plain_line
from tui_reader.store import ArticleSummary
from tui_reader.ui.i18n import t

DATE_WIDTH = 7
AUTHOR_WIDTH = 18


class ArticleList(ScrollView, can_focus=True):
    """Rows of date, title and author; unread rows bold; the cursor row highlighted."""

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--date",
        "article-list--author",
        "article-list--unread",
        "article-list--mark",
    }

    BINDINGS = [
        Binding("enter", "open", t("Open"), id="list.open"),
        Binding("down,j", "cursor_down", t("Down"), show=False, id="list.down"),
        Binding("up,k", "cursor_up", t("Up"), show=False, id="list.up"),
        Binding("home,g", "first", t("First"), show=False, id="list.first"),
        Binding("end,G", "last", t("Last"), show=False, id="list.last"),
        Binding("pagedown,space", "page_down", t("Page down"), show=False, id="list.page_down"),
        Binding("pageup", "page_up", t("Page up"), show=False, id="list.page_up"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor moved to an article."""

        def __init__(self, article_id: int | None) -> None:
            super().__init__()
            self.article_id = article_id

    class Opened(Message):
        """The reader asked to open an article (enter or click)."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(
        self,
        summary: Callable[[int], ArticleSummary],
        is_unread: Callable[[int], bool] = lambda _id: False,
        is_marked: Callable[[int], bool] = lambda _id: False,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self._summary = summary
        self._is_unread = is_unread
        self._is_marked = is_marked
        self.ids: list[int] = []
        self._strip_cache: dict[tuple, Strip] = {}

    # ---- content -------------------------------------------------------------------------

    def set_ids(self, ids: list[int], keep: int | None = None) -> None:
        """Show these articles in this order; keep the cursor on ``keep`` if it is among them."""
        self.ids = ids
        self._strip_cache.clear()
        self.virtual_size = Size(self.size.width, len(ids))
        target = 0
        if keep is not None:
            try:
                target = ids.index(keep)
            except ValueError:
                target = 0
        self.cursor = min(target, max(len(ids) - 1, 0))
        self.scroll_to(y=max(self.cursor - self.size.height // 2, 0), animate=False)
        self.refresh()

    def refresh_rows(self) -> None:
        """Redraw after reading state changed."""
        self._strip_cache.clear()
        self.refresh()

    @property
    def current_id(self) -> int | None:
        if 0 <= self.cursor < len(self.ids):
            return self.ids[self.cursor]
        return None

    # ---- drawing -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        width = self.size.width
        if row >= len(self.ids):
            return Strip.blank(width, self.rich_style)
        article_id = self.ids[row]
        key = (article_id, width, row == self.cursor, self._is_unread(article_id),
               self._is_marked(article_id), self.has_focus)  # fmt: skip
        strip = self._strip_cache.get(key)
        if strip is None:
            strip = self._render_row(article_id, width, row == self.cursor)
            if len(self._strip_cache) > 4000:
                self._strip_cache.clear()
            self._strip_cache[key] = strip
        return strip

    def _render_row(self, article_id: int, width: int, is_cursor: bool) -> Strip:
        summary = self._summary(article_id)
        base = self.rich_style
        unread = self._is_unread(article_id)
        marked = self._is_marked(article_id)
        style = base + self.get_component_rich_style("article-list--unread") if unread else base
        date_style = base + self.get_component_rich_style("article-list--date")
        author_style = base + self.get_component_rich_style("article-list--author")
        mark_style = base + self.get_component_rich_style("article-list--mark")
        author = plain_line(summary.author or "")
        author_width = min(AUTHOR_WIDTH, cell_len(author)) if width >= 60 else 0
        if cell_len(author) > author_width > 1:
            author = set_cell_size(author, author_width - 1) + "…"
        title_width = max(width - DATE_WIDTH - 3 - (author_width + 1 if author_width else 0), 1)
        title = plain_line(summary.title)
        if cell_len(title) > title_width:
            title = set_cell_size(title, title_width - 1) + "…"
        segments = [
            Segment("★" if marked else " ", mark_style),
            Segment(set_cell_size(summary.date or "", DATE_WIDTH), date_style),
            Segment("  ", base),
            Segment(set_cell_size(title, title_width), style),
        ]
        if author_width:
            segments.append(Segment(" ", base))
            segments.append(Segment(set_cell_size(author, author_width), author_style))
        if is_cursor:
            # the cursor's colours go on top of every part of the row
            cursor = self.get_component_rich_style("article-list--cursor")
            if not self.has_focus:
                cursor = cursor + Style(dim=True)
            segments = [Segment(seg.text, seg.style + cursor) for seg in segments]
            base = base + cursor
        return Strip(segments).adjust_cell_length(width, base)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.ids))
        self._strip_cache.clear()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # ---- cursor --------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_cursor_into_view()
        self.refresh()
        self.post_message(self.Highlighted(self.current_id))

    def _scroll_cursor_into_view(self) -> None:
        height = self.size.height
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif height and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def _move(self, row: int) -> None:
        if not self.ids:
            return
        row = max(0, min(row, len(self.ids) - 1))
        if row != self.cursor:
            self.cursor = row

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1)

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self.ids) - 1)

    def action_page_down(self) -> None:
        self._move(self.cursor + max(self.size.height - 1, 1))

    def action_page_up(self) -> None:
        self._move(self.cursor - max(self.size.height - 1, 1))

    def action_open(self) -> None:
        if self.current_id is not None:
            self.post_message(self.Opened(self.current_id))

    def on_click(self, event) -> None:
        row = round(self.scroll_y) + event.y
        if 0 <= row < len(self.ids):
            self._move(row)
            if event.chain >= 2:
                self.action_open()
