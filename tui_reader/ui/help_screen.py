"""The help screen: every key of every pane, generated from the bindings themselves."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui_reader.ui.i18n import t

SEARCH_SYNTAX = [
    ("words", "all words must match; the last one may be the start of a word"),
    ("tran phu ha", "no diacritics typed: matches with or without them"),
    ("Thủy", "diacritics typed: matches exactly (Thuỷ and Thủy are the same)"),
    ('"quoted phrase"', "the words in this order"),
    ("-word", "articles without this word"),
    ("official:thuy", "in officials' names, ranks and titles"),
    ("award:huan chuong", "in awards and their issuers"),
    ("author:  title:", "in the author or the title"),
    ("date:2023-06", "a month; date:2023-01..2023-06 a range"),
    ("is:unread  is:bookmarked", "only unread or bookmarked articles"),
]


def _key_label(binding: Binding) -> str:
    if binding.key_display:
        return binding.key_display
    return " ".join(k.strip() for k in binding.key.split(","))


def help_sections(sections: list[tuple[str, list[Binding]]]) -> Content:
    """The help text: a heading per pane, then each key and what it does."""
    lines: list[Content] = []
    for heading, bindings in sections:
        lines.append(Content.styled(heading, "bold $text-accent"))
        for binding in bindings:
            if not binding.description:
                continue
            lines.append(
                Content.assemble((f"  {_key_label(binding):<22}", "bold"), binding.description)
            )
        lines.append(Content(""))
    lines.append(Content.styled(t("Search syntax"), "bold $text-accent"))
    for example, meaning in SEARCH_SYNTAX:
        lines.append(Content.assemble((f"  {example:<22}", "bold"), t(meaning)))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """A modal listing every key; escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", t("Close help"), id="help.close"),
        Binding("down,j", "scroll(1)", t("Down"), show=False),
        Binding("up,k", "scroll(-1)", t("Up"), show=False),
    ]

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = Content(t("Keys — press ? or escape to close"))
            yield Static(help_sections(self.sections), id="help-text")

    def action_scroll(self, lines: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_to(y=body.scroll_y + lines, animate=False)
