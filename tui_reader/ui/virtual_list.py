"""A keyboard list that draws only its visible rows (line API): instant at 100k rows.

Subclasses say how one row looks (``render_row``); this class owns the cursor, scrolling, keys,
mouse and the messages, so the article, officials and awards lists behave the same.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui_reader.ui.i18n import t

Key = TypeVar("Key")


class VirtualList(ScrollView, Generic[Key], can_focus=True):
    """Rows identified by keys (article ids, people...), one line each, with a cursor."""

    COMPONENT_CLASSES = {"virtual-list--cursor"}

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

    class RowMessage(Message):
        """About one row of a list; ``control`` lets handlers pick the list by id."""

        def __init__(self, list_: VirtualList, key: object) -> None:
            super().__init__()
            self.list = list_
            self.key = key

        @property
        def control(self) -> VirtualList:
            return self.list

    class Highlighted(RowMessage):
        """The cursor moved to a row (``key`` None when the list is empty)."""

    class Opened(RowMessage):
        """The reader asked to open a row (enter or double click)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.keys: list[Key] = []
        self._strip_cache: dict[tuple, Strip] = {}

    # ---- content -------------------------------------------------------------------------

    def set_keys(self, keys: list[Key], keep: Key | None = None) -> None:
        """Show these rows in this order; keep the cursor on ``keep`` if it is among them."""
        self.keys = keys
        self._strip_cache.clear()
        self.virtual_size = Size(0, len(keys))
        target = 0
        if keep is not None:
            try:
                target = keys.index(keep)
            except ValueError:
                target = 0
        self.cursor = min(target, max(len(keys) - 1, 0))
        self.scroll_to(y=max(self.cursor - self.size.height // 2, 0), animate=False)
        self.refresh()

    def refresh_rows(self) -> None:
        """Redraw every row (after what they show has changed)."""
        self._strip_cache.clear()
        self.refresh()

    @property
    def current(self) -> Key | None:
        if 0 <= self.cursor < len(self.keys):
            return self.keys[self.cursor]
        return None

    # ---- drawing -------------------------------------------------------------------------

    def row_state(self, key: Key) -> tuple:
        """Whatever else changes how a row looks (read, bookmarked...): part of the cache key."""
        return ()

    def render_row(self, key: Key, width: int, base: Style) -> list[Segment]:
        """The segments of one row, without the cursor (the list adds it)."""
        raise NotImplementedError

    def render_line(self, y: int) -> Strip:
        _, scroll_y = self.scroll_offset
        row = scroll_y + y
        width = self.scrollable_content_region.width
        if row >= len(self.keys):
            return Strip.blank(width, self.rich_style)
        key = self.keys[row]
        is_cursor = row == self.cursor
        cache_key = (key, width, is_cursor, self.has_focus, self.row_state(key))
        strip = self._strip_cache.get(cache_key)
        if strip is None:
            strip = self._render_strip(key, width, is_cursor)
            if len(self._strip_cache) > 4000:
                self._strip_cache.clear()
            self._strip_cache[cache_key] = strip
        return strip

    def _render_strip(self, key: Key, width: int, is_cursor: bool) -> Strip:
        base = self.rich_style
        segments = self.render_row(key, width, base)
        if is_cursor:
            # the cursor's colours go on top of every part of the row
            cursor = self.get_component_rich_style("virtual-list--cursor")
            if not self.has_focus:
                cursor = cursor + Style(dim=True)
            segments = [Segment(seg.text, (seg.style or base) + cursor) for seg in segments]
            base = base + cursor
        return Strip(segments).adjust_cell_length(width, base)

    def on_resize(self) -> None:
        self.virtual_size = Size(0, len(self.keys))
        self._strip_cache.clear()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # ---- cursor --------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_cursor_into_view()
        self.refresh()
        self.post_message(self.Highlighted(self, self.current))

    def _scroll_cursor_into_view(self) -> None:
        height = self.scrollable_content_region.height
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif height and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def _move(self, row: int) -> None:
        if not self.keys:
            return
        row = max(0, min(row, len(self.keys) - 1))
        if row != self.cursor:
            self.cursor = row

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1)

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self.keys) - 1)

    def action_page_down(self) -> None:
        self._move(self.cursor + max(self.scrollable_content_region.height - 1, 1))

    def action_page_up(self) -> None:
        self._move(self.cursor - max(self.scrollable_content_region.height - 1, 1))

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self, self.current))

    def on_click(self, event) -> None:
        row = round(self.scroll_y) + event.y
        if 0 <= row < len(self.keys):
            self._move(row)
            if event.chain >= 2:
                self.action_open()
