"""The officials and awards panes: one entry each, laid out to read at a glance.

A line-API widget: entries are wrapped once per width into styled lines (rank, name, one title
a line with a hanging indent; the award, its issuer, counts, presenters, recipients), so that
opening an article costs no layout pass of the screen.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui_reader.extract import Award, Official
from tui_reader.safe import plain_line
from tui_reader.ui.article_view import wrap_offsets
from tui_reader.ui.i18n import t

Piece = tuple[str, str]  # (text, component class or "")
Line = list[Piece]


def hanging(text: str, width: int, first: str = "", style: str = "") -> list[Line]:
    """Untrusted text wrapped to ``width`` cells, continuation lines indented under the first."""
    clean = plain_line(text)
    room = max(width - cell_len(first), 8)
    pieces = [clean[s:e].rstrip() for s, e in wrap_offsets(clean, room)]
    pad = " " * cell_len(first)
    return [[(first if i == 0 else pad, ""), (piece, style)] for i, piece in enumerate(pieces)]


def official_lines(official: Official, width: int = 40) -> list[Line]:
    """Rank and name, then one title a line with a hanging indent."""
    head = f"{official.rank} " if official.rank else ""
    name_lines = hanging(official.name, width - cell_len(head), style="entry-pane--name")
    name_lines[0][0] = (head, "entry-pane--rank")
    lines = name_lines
    for title in official.titles:
        lines += hanging(title, width, first="· ")
    if not official.titles and not official.rank:
        lines.append([("  " + t("(no title)"), "entry-pane--muted")])
    return lines


def count_phrase(award: Award) -> str:
    """ "10 tập thể, 15 cá nhân" from the award's counts ("" when the article gives none)."""
    parts = []
    if award.collectives is not None:
        parts.append(f"{award.collectives} tập thể")
    if award.individuals is not None:
        parts.append(f"{award.individuals} cá nhân")
    return ", ".join(parts)


def award_lines(award: Award, width: int = 40) -> list[Line]:
    """The award, its issuer, to how many, who presented it and who received it."""
    lines = hanging(award.award, width, style="entry-pane--award")

    def row(label: str, value: str) -> list[Line]:
        wrapped = hanging(value, width, first=label + " ")
        wrapped[0][0] = (label + " ", "entry-pane--muted")
        return wrapped

    if award.issuer:
        lines += row(t("by"), award.issuer)
    counts = count_phrase(award)
    if counts:
        lines += row(t("to"), counts)
    if award.presenters:
        lines += row(t("presented by:"), ", ".join(award.presenters))
    if award.recipients:
        lines += row(t("received by:"), ", ".join(award.recipients))
    return lines


class EntryPane(ScrollView, can_focus=True):
    """Entries of several lines; the highlighted one is what the text pane highlights."""

    COMPONENT_CLASSES = {
        "entry-pane--cursor",
        "entry-pane--name",
        "entry-pane--rank",
        "entry-pane--award",
        "entry-pane--muted",
    }

    BINDINGS = [
        Binding("down,j", "move(1)", t("Down"), show=False, id="pane.down"),
        Binding("up,k", "move(-1)", t("Up"), show=False, id="pane.up"),
        Binding("home,g", "first", t("First"), show=False, id="pane.first"),
        Binding("end,G", "last", t("Last"), show=False, id="pane.last"),
    ]

    highlighted: reactive[int | None] = reactive(None, always_update=True, init=False)

    class EntryChosen(Message):
        """An entry was highlighted; ``index`` is None when the pane is empty."""

        def __init__(self, pane: EntryPane, index: int | None) -> None:
            super().__init__()
            self.pane = pane
            self.index = index

    empty_text = "Nothing found."

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._entries: list = []
        self._lines: list[tuple[int, Line]] = []  # (entry index or -1, pieces)
        self._first_line: list[int] = []
        self._laid_out_width = 0

    # ---- content -------------------------------------------------------------------------

    def entry_lines(self, entry, width: int) -> list[Line]:
        raise NotImplementedError

    @property
    def text_width(self) -> int:
        return max(self.scrollable_content_region.width - 2, 12)

    @property
    def entry_count(self) -> int:
        return len(self._entries)

    def show(self, entries: list) -> None:
        """Show these entries from the top, none highlighted."""
        self._entries = list(entries)
        with self.prevent(self.EntryChosen):
            self.highlighted = None
        self._layout()
        self.scroll_to(y=0, animate=False)

    def _layout(self) -> None:
        width = self.text_width
        self._laid_out_width = width
        self._lines = []
        self._first_line = []
        for index, entry in enumerate(self._entries):
            self._first_line.append(len(self._lines))
            self._lines += [(index, line) for line in self.entry_lines(entry, width)]
        if not self._entries:
            self._lines = [(-1, [(self.empty_text, "entry-pane--muted")])]
        self.virtual_size = Size(0, len(self._lines))
        self.refresh()

    def entry_text(self, index: int) -> str:
        """The entry as plain text, one line per line (for tests and copying)."""
        return "\n".join(
            "".join(text for text, _ in line).rstrip() for i, line in self._lines if i == index
        )

    def all_text(self) -> str:
        return "\n".join("".join(text for text, _ in line).rstrip() for _, line in self._lines)

    # ---- drawing -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self._entries and self.text_width != self._laid_out_width:
            self._layout()
        _, scroll_y = self.scroll_offset
        row = scroll_y + y
        base = self.rich_style
        if row >= len(self._lines):
            return Strip.blank(width, base)
        index, pieces = self._lines[row]
        if index >= 0 and index == self.highlighted:
            cursor = self.get_component_rich_style("entry-pane--cursor")
            if not self.has_focus:
                cursor = cursor + Style(dim=True)
            base = base + cursor
        segments = [Segment(" ", base)]
        for text, cls in pieces:
            style = base + self.get_component_rich_style(cls) if cls else base
            if index >= 0 and index == self.highlighted:
                style = style + self.get_component_rich_style("entry-pane--cursor")
            segments.append(Segment(text, style))
        return Strip(segments).adjust_cell_length(width, base)

    def on_resize(self) -> None:
        if self.text_width != self._laid_out_width:
            self._layout()

    # ---- keys ----------------------------------------------------------------------------

    def watch_highlighted(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self._first_line):
            top = self._first_line[index]
            end = (
                self._first_line[index + 1]
                if index + 1 < len(self._first_line)
                else len(self._lines)
            )
            height = self.scrollable_content_region.height
            scroll = round(self.scroll_y)
            if top < scroll:
                self.scroll_to(y=top, animate=False)
            elif end > scroll + height:
                self.scroll_to(
                    y=max(end - height, 0) if end - top <= height else top, animate=False
                )
        self.refresh()
        self.post_message(self.EntryChosen(self, index))

    def action_move(self, step: int) -> None:
        if not self._entries:
            return
        if self.highlighted is None:
            self.highlighted = 0
        else:
            self.highlighted = max(0, min(self.highlighted + step, len(self._entries) - 1))

    def action_first(self) -> None:
        if self._entries:
            self.highlighted = 0

    def action_last(self) -> None:
        if self._entries:
            self.highlighted = len(self._entries) - 1

    def on_focus(self) -> None:
        if self.highlighted is None and self._entries:
            self.highlighted = 0
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event) -> None:
        row = round(self.scroll_y) + event.y
        if 0 <= row < len(self._lines) and self._lines[row][0] >= 0:
            self.highlighted = self._lines[row][0]


class OfficialsPane(EntryPane):
    """The officials of the open article."""

    empty_text = t("No officials named in this article.")

    def entry_lines(self, entry: Official, width: int) -> list[Line]:
        return official_lines(entry, width)

    def show_officials(self, officials: list[Official]) -> None:
        self.show(officials)


class AwardsPane(EntryPane):
    """The awards given in the open article."""

    empty_text = t("No awards given in this article.")

    def entry_lines(self, entry: Award, width: int) -> list[Line]:
        return award_lines(entry, width)

    def show_awards(self, awards: list[Award]) -> None:
        self.show(awards)
