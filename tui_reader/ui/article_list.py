"""The article list: date, title and author per row; unread in bold, bookmarks starred."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style

from tui_reader.safe import plain_line
from tui_reader.store import ArticleSummary
from tui_reader.ui.virtual_list import VirtualList

DATE_WIDTH = 7
AUTHOR_WIDTH = 18


def fit(text: str, width: int) -> str:
    """Text cut to ``width`` cells with an ellipsis, padded to exactly ``width``."""
    if cell_len(text) > width > 1:
        text = set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


class ArticleList(VirtualList[int]):
    """Rows of date, title and author, keyed by article id."""

    COMPONENT_CLASSES = {
        "virtual-list--cursor",
        "article-list--date",
        "article-list--author",
        "article-list--unread",
        "article-list--mark",
    }

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

    @classmethod
    def of_library(cls, app, **kwargs) -> ArticleList:
        """A list of the app's library's articles (the library may be opened later)."""
        return cls(
            summary=lambda i: app.library.summary(i),
            is_unread=lambda i: not app.library.is_read(i),
            is_marked=lambda i: app.library.is_bookmarked(i),
            **kwargs,
        )

    @property
    def ids(self) -> list[int]:
        return self.keys

    @property
    def current_id(self) -> int | None:
        return self.current

    def set_ids(self, ids: list[int], keep: int | None = None) -> None:
        self.set_keys(ids, keep)

    def row_state(self, key: int) -> tuple:
        return (self._is_unread(key), self._is_marked(key))

    def render_row(self, key: int, width: int, base: Style) -> list[Segment]:
        summary = self._summary(key)
        style = (
            base + self.get_component_rich_style("article-list--unread")
            if (self._is_unread(key))
            else base
        )
        date_style = base + self.get_component_rich_style("article-list--date")
        author_style = base + self.get_component_rich_style("article-list--author")
        mark_style = base + self.get_component_rich_style("article-list--mark")
        author = plain_line(summary.author or "")
        author_width = min(AUTHOR_WIDTH, cell_len(author)) if width >= 60 else 0
        title_width = max(width - DATE_WIDTH - 3 - (author_width + 1 if author_width else 0), 1)
        segments = [
            Segment("★" if self._is_marked(key) else " ", mark_style),
            Segment(set_cell_size(summary.date or "", DATE_WIDTH), date_style),
            Segment("  ", base),
            Segment(fit(plain_line(summary.title), title_width), style),
        ]
        if author_width:
            segments.append(Segment(" ", base))
            segments.append(Segment(fit(author, author_width), author_style))
        return segments
