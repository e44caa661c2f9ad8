"""The full text of one article: wrapped, scrollable, with hits and mentions highlighted.

A line-API widget: the article is wrapped once per width into lines that remember which
characters of the title or body they show, so any offset (a search hit, an official's mention)
can be scrolled into view exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui_reader.articles import Article
from tui_reader.safe import clean_text
from tui_reader.ui.i18n import t

Span = tuple[int, int]
_WORD_RE = re.compile(r"\S+\s*|\s+")


# Characters one terminal cell wide: ASCII, Latin-1, Latin Extended (A, B) and Vietnamese
# letters (NFC), general punctuation. A text of only these wraps by counting characters.
_NARROW_RE = re.compile(r"[\u0020-\u007e\u00a0-\u024f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]*")


def wrap_offsets(text: str, width: int) -> list[Span]:
    """Greedy word wrap by terminal cells: (start, end) of each line; long words are split."""
    # a text of one-cell characters is measured by counting them, far faster than by cells
    measure = len if _NARROW_RE.fullmatch(text) else cell_len
    width = max(width, 1)
    lines: list[Span] = []
    start = 0
    used = 0
    for m in _WORD_RE.finditer(text):
        word = m.group(0)
        word_cells = measure(word.rstrip())
        if used and used + word_cells > width:
            lines.append((start, m.start()))
            start, used = m.start(), 0
        if word_cells > width:  # a word longer than the line: cut it by cells
            pos = m.start()
            for i, char in enumerate(word):
                char_cells = measure(char)
                if used + char_cells > width and used:
                    lines.append((start, pos + i))
                    start, used = pos + i, 0
                used += char_cells
            continue
        used += measure(word)
    lines.append((start, len(text)))
    return lines


@dataclass
class _Line:
    field: str  # "title", "meta", "body" or "" for spacing
    start: int
    end: int
    text: Text


class ArticleView(ScrollView, can_focus=True):
    """Title, date and byline, then paragraphs; photo captions set apart."""

    COMPONENT_CLASSES = {
        "article-view--title",
        "article-view--meta",
        "article-view--caption",
        "article-view--hit",
        "article-view--current",
        "article-view--mention",
        "article-view--award",
        "article-view--empty",
    }

    BINDINGS = [
        Binding("down,j", "scroll_lines(1)", t("Down"), show=False, id="text.down"),
        Binding("up,k", "scroll_lines(-1)", t("Up"), show=False, id="text.up"),
        Binding("home,g", "scroll_top", t("Top"), show=False, id="text.top"),
        Binding("end,G", "scroll_bottom", t("Bottom"), show=False, id="text.bottom"),
        Binding("pagedown,space", "page(1)", t("Page down"), show=False, id="text.page_down"),
        Binding("pageup", "page(-1)", t("Page up"), show=False, id="text.page_up"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article: Article | None = None
        self.article_id: int | None = None
        self.placeholder = "No article selected."
        # field -> list of (start, end, component class)
        self._highlights: dict[str, list[tuple[int, int, str]]] = {}
        self._lines: list[_Line] = []
        self._strips: dict[int, Strip] = {}
        self._wrapped_width = -1

    # ---- content -------------------------------------------------------------------------

    def show(
        self,
        article: Article | None,
        article_id: int | None = None,
        highlights: dict[str, list[tuple[int, int, str]]] | None = None,
    ) -> None:
        """Display an article (or the placeholder) from the top, with optional highlights."""
        self.article = article
        self.article_id = article_id
        self._highlights = highlights or {}
        self._relayout()
        self.scroll_to(y=0, animate=False)

    def set_highlights(self, highlights: dict[str, list[tuple[int, int, str]]]) -> None:
        """Replace the highlighted spans: {"title"|"body": [(start, end, class)]}."""
        self._highlights = highlights
        self._relayout()

    def scroll_to_offset(self, field: str, offset: int) -> None:
        """Scroll so that the line holding ``offset`` of ``field`` is in view, a third down."""
        for y, line in enumerate(self._lines):
            if line.field == field and line.start <= offset < max(line.end, line.start + 1):
                height = self.scrollable_content_region.height
                top = round(self.scroll_y)
                if not top <= y < top + height:
                    self.scroll_to(y=max(y - height // 3, 0), animate=False)
                return

    def line_text(self) -> list[str]:
        """The wrapped lines as plain text (what the reader sees), for tests and copying."""
        return [line.text.plain for line in self._lines]

    # ---- layout --------------------------------------------------------------------------

    def _relayout(self) -> None:
        self._wrapped_width = -1
        self._build_lines()
        self.refresh()

    def _build_lines(self) -> None:
        width = max(self.scrollable_content_region.width, 10)
        self._wrapped_width = width
        self._strips.clear()
        lines: list[_Line] = []
        article = self.article
        if article is None:
            empty = self.get_component_rich_style("article-view--empty", partial=True)
            lines.append(_Line("", 0, 0, Text(self.placeholder, style=empty)))
            self._lines = lines
            self.virtual_size = Size(width, len(lines))
            return
        self._add_block(lines, "title", article.title, 0, "article-view--title", width)
        meta = " · ".join(p for p in (article.date, article.byline or article.author) if p)
        if meta:
            self._add_block(lines, "meta", meta, 0, "article-view--meta", width)
        body = article.body
        for start, end, is_caption in self._body_blocks(article):
            lines.append(_Line("", 0, 0, Text("")))
            style = "article-view--caption" if is_caption else ""
            self._add_block(lines, "body", body[start:end], start, style, width)
        self._lines = lines
        self.virtual_size = Size(width, len(lines))

    @staticmethod
    def _body_blocks(article: Article) -> list[tuple[int, int, bool]]:
        """(start, end, is_caption) of each block: paragraphs, with captions cut out of them."""
        blocks = []
        captions = sorted(article.captions)
        offset = 0
        for paragraph in article.paragraphs:
            p_start, p_end = offset, offset + len(paragraph)
            cursor = p_start
            for c_start, c_end in captions:
                if c_end <= cursor or c_start >= p_end:
                    continue
                c_start, c_end = max(c_start, cursor), min(c_end, p_end)
                if c_start > cursor and article.body[cursor:c_start].strip():
                    blocks.append((cursor, c_start, False))
                blocks.append((c_start, c_end, True))
                cursor = c_end
            if cursor < p_end and article.body[cursor:p_end].strip():
                blocks.append((cursor, p_end, False))
            offset = p_end + 2
        return blocks

    def _add_block(
        self, lines: list[_Line], field: str, text: str, base: int, style: str, width: int
    ) -> None:
        rich_style = self.get_component_rich_style(style, partial=True) if style else Style()
        block = Text(clean_text(text), style=rich_style, end="", no_wrap=True)
        block_end = base + len(text)
        for start, end, cls in self._highlights.get(field, ()):
            if end > base and start < block_end:
                block.stylize(
                    self.get_component_rich_style(cls, partial=True),
                    max(start - base, 0),
                    min(end - base, len(text)),
                )
        offsets = wrap_offsets(block.plain, width)
        parts = block.divide([end for _, end in offsets[:-1]])
        for (start, end), part in zip(offsets, parts, strict=False):
            part.rstrip()
            lines.append(_Line(field, base + start, base + end, part))

    # ---- drawing -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._wrapped_width and width > 0:
            self._build_lines()
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        if row >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(row)
        if strip is None:
            segments = list(self._lines[row].text.render(self.app.console))
            strip = Strip([s for s in segments if s.text != "\n"])
            self._strips[row] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, self.rich_style).apply_style(
            self.rich_style
        )

    def on_resize(self) -> None:
        self._build_lines()

    # ---- keys ----------------------------------------------------------------------------

    def action_scroll_lines(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_y + lines, animate=False)

    def action_scroll_top(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_scroll_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)

    def action_page(self, pages: int) -> None:
        height = max(self.scrollable_content_region.height - 1, 1)
        self.scroll_to(y=self.scroll_y + pages * height, animate=False)


__all__ = ["ArticleView", "wrap_offsets"]
