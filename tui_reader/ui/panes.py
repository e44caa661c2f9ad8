"""The officials and awards panes: one entry each, laid out to read at a glance."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui_reader.extract import Award, Official
from tui_reader.safe import plain_line
from tui_reader.ui.i18n import t
from tui_reader.ui.safe_text import safe_line


def hanging(text: str, width: int, first: str = "", style: str = "") -> list[Content]:
    """Untrusted text wrapped to ``width`` cells, continuation lines indented under the first."""
    from tui_reader.ui.article_view import wrap_offsets

    clean = plain_line(text)
    room = max(width - len(first), 8)
    pieces = [clean[s:e].rstrip() for s, e in wrap_offsets(clean, room)]
    pad = "\u00a0" * len(first)  # no-break spaces: Textual drops plain ones at line starts
    lines = []
    for i, piece in enumerate(pieces):
        lead = first if i == 0 else pad
        lines.append(Content.assemble(lead, Content(piece).stylize(style) if style else piece))
    return lines


def official_prompt(official: Official, width: int = 40) -> Content:
    """Rank (accent) and name (bold), then one title per line, wrapped with a hanging indent."""
    head = [safe_line(official.name, "bold")]
    if official.rank:
        head.insert(0, safe_line(official.rank + " ", "$text-accent"))
    lines = [Content.assemble(*head)]
    for title in official.titles:
        lines += hanging(title, width, first="· ")
    if not official.titles and not official.rank:
        lines.append(Content.assemble("  ", (t("(no title)"), "$text-muted")))
    return Content("\n").join(lines)


def count_phrase(award: Award) -> str:
    """"10 tập thể, 15 cá nhân" from the award's counts ("" when the article gives none)."""
    parts = []
    if award.collectives is not None:
        parts.append(f"{award.collectives} tập thể")
    if award.individuals is not None:
        parts.append(f"{award.individuals} cá nhân")
    return ", ".join(parts)


def award_prompt(award: Award, width: int = 40) -> Content:
    """The award (bold), its issuer, who presented it, to how many and to whom."""
    lines = [safe_line(award.award, "bold $text-warning")]

    def row(label: str, value: str) -> Content:
        wrapped = hanging(value, width - len(label) - 1, first="")
        first = Content.assemble((f"{label} ", "$text-muted"), wrapped[0])
        rest = [Content.assemble("\u00a0" * (len(label) + 1), line) for line in wrapped[1:]]
        return Content("\n").join([first, *rest])

    if award.issuer:
        lines.append(row(t("by"), award.issuer))
    counts = count_phrase(award)
    if counts:
        lines.append(row(t("to"), counts))
    if award.presenters:
        lines.append(row(t("presented by:"), ", ".join(award.presenters)))
    if award.recipients:
        lines.append(row(t("received by:"), ", ".join(award.recipients)))
    return Content("\n").join(lines)


class EntryPane(OptionList):
    """An option list whose highlighted entry the screen turns into highlights in the text."""

    BINDINGS = [
        Binding("down,j", "cursor_down", t("Down"), show=False, id="pane.down"),
        Binding("up,k", "cursor_up", t("Up"), show=False, id="pane.up"),
        Binding("home,g", "first", t("First"), show=False, id="pane.first"),
        Binding("end,G", "last", t("Last"), show=False, id="pane.last"),
    ]

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
        self._laid_out_width = 0

    @property
    def text_width(self) -> int:
        # the option padding (one cell each side) and a possible scrollbar
        return max(self.scrollable_content_region.width - 4, 12)

    def prompt(self, entry, width: int) -> Content:
        raise NotImplementedError

    def show(self, entries: list) -> None:
        """Show these entries, wrapped to the pane's width."""
        self._entries = list(entries)
        self._laid_out_width = self.text_width
        self.show_entries([self.prompt(e, self._laid_out_width) for e in self._entries])

    def on_resize(self) -> None:
        if self._entries and self.text_width != self._laid_out_width:
            highlighted = self.highlighted
            with self.prevent(OptionList.OptionHighlighted):
                self.show(self._entries)
                self.highlighted = highlighted

    def show_entries(self, prompts: list[Content]) -> None:
        self.clear_options()
        if prompts:
            self.add_options(Option(p, id=str(i)) for i, p in enumerate(prompts))
        else:
            empty = Content.styled(self.empty_text, "$text-muted")
            self.add_options([Option(empty, disabled=True)])
        self.highlighted = None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        index = int(event.option.id) if event.option.id is not None else None
        self.post_message(self.EntryChosen(self, index))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()

    def on_focus(self) -> None:
        if self.highlighted is None and self._entries:
            self.highlighted = 0


class OfficialsPane(EntryPane):
    """The officials of the open article."""

    empty_text = t("No officials named in this article.")

    def prompt(self, entry: Official, width: int) -> Content:
        return official_prompt(entry, width)

    def show_officials(self, officials: list[Official]) -> None:
        self.show(officials)


class AwardsPane(EntryPane):
    """The awards given in the open article."""

    empty_text = t("No awards given in this article.")

    def prompt(self, entry: Award, width: int) -> Content:
        return award_prompt(entry, width)

    def show_awards(self, awards: list[Award]) -> None:
        self.show(awards)
