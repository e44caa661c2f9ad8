"""The officials and awards panes: one entry each, laid out to read at a glance."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui_reader.extract import Award, Official
from tui_reader.ui.safe_text import safe_line


def official_prompt(official: Official) -> Content:
    """Rank (muted) and name (bold), then one title per line."""
    head = [safe_line(official.name, "bold")]
    if official.rank:
        head.insert(0, safe_line(official.rank + " ", "$text-accent"))
    lines = [Content.assemble(*head)]
    lines += [Content.assemble("  ", safe_line(title)) for title in official.titles]
    if not official.titles and not official.rank:
        lines.append(Content.assemble("  ", ("(no title)", "$text-muted")))
    return Content("\n").join(lines)


def count_phrase(award: Award) -> str:
    """"10 tập thể, 15 cá nhân" from the award's counts ("" when the article gives none)."""
    parts = []
    if award.collectives is not None:
        parts.append(f"{award.collectives} tập thể")
    if award.individuals is not None:
        parts.append(f"{award.individuals} cá nhân")
    return ", ".join(parts)


def award_prompt(award: Award) -> Content:
    """The award (bold), its issuer, who presented it, to how many and to whom."""
    lines = [safe_line(award.award, "bold $text-warning")]

    def row(label: str, value: str) -> Content:
        return Content.assemble((f"  {label} ", "$text-muted"), safe_line(value))

    if award.issuer:
        lines.append(row("của", award.issuer))
    counts = count_phrase(award)
    if counts:
        lines.append(row("cho", counts))
    if award.presenters:
        lines.append(row("trao:", ", ".join(award.presenters)))
    if award.recipients:
        lines.append(row("nhận:", ", ".join(award.recipients)))
    return Content("\n").join(lines)


class EntryPane(OptionList):
    """An option list whose highlighted entry the screen turns into highlights in the text."""

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="pane.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="pane.up"),
        Binding("home,g", "first", "First", show=False, id="pane.first"),
        Binding("end,G", "last", "Last", show=False, id="pane.last"),
    ]

    class EntryChosen(Message):
        """An entry was highlighted; ``index`` is None when the pane is empty."""

        def __init__(self, pane: EntryPane, index: int | None) -> None:
            super().__init__()
            self.pane = pane
            self.index = index

    empty_text = "Nothing found."

    def show_entries(self, prompts: list[Content]) -> None:
        self.clear_options()
        if prompts:
            self.add_options(Option(p, id=str(i)) for i, p in enumerate(prompts))
        else:
            self.add_options([Option(Content.styled(self.empty_text, "$text-muted"), disabled=True)])
        self.highlighted = None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        index = int(event.option.id) if event.option.id is not None else None
        self.post_message(self.EntryChosen(self, index))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count and not self.get_option_at_index(0).disabled:
            self.highlighted = 0


class OfficialsPane(EntryPane):
    """The officials of the open article."""

    empty_text = "No officials named in this article."

    def show_officials(self, officials: list[Official]) -> None:
        self.show_entries([official_prompt(o) for o in officials])


class AwardsPane(EntryPane):
    """The awards given in the open article."""

    empty_text = "No awards given in this article."

    def show_awards(self, awards: list[Award]) -> None:
        self.show_entries([award_prompt(a) for a in awards])
