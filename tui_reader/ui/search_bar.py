"""The search bar: an input with its scope ("all articles" or "this article") and a count."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from tui_reader.ui.i18n import t

Scope = Literal["corpus", "article"]

PLACEHOLDERS = {
    "corpus": t('Search all articles — words, "phrase", -exclude, official: award: author: date:'),
    "article": t("Find in this article"),
}
SCOPE_LABELS = {"corpus": t("All articles"), "article": t("This article")}


class SearchBar(Horizontal):
    """Hidden until `/`; posts Changed on every keystroke and Submitted on enter."""

    BINDINGS = [
        Binding("escape", "close", t("Close search"), id="search.close"),
    ]

    class Changed(Message):
        def __init__(self, query: str, scope: Scope) -> None:
            super().__init__()
            self.query = query
            self.scope = scope

    class Submitted(Message):
        def __init__(self, query: str, scope: Scope) -> None:
            super().__init__()
            self.query = query
            self.scope = scope

    class Closed(Message):
        def __init__(self, query: str, scope: Scope) -> None:
            super().__init__()
            self.query = query
            self.scope = scope

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.scope: Scope = "corpus"

    def compose(self) -> ComposeResult:
        yield Static(Content(SCOPE_LABELS["corpus"]), id="search-scope")
        yield Input(placeholder=PLACEHOLDERS["corpus"], id="search-input", select_on_focus=False)
        yield Static(Content(""), id="search-count")

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def value(self) -> str:
        return self.input.value

    def open(self, scope: Scope, value: str | None = None) -> None:
        """Show the bar for a scope and focus the input."""
        self.scope = scope
        self.query_one("#search-scope", Static).update(Content(SCOPE_LABELS[scope]))
        self.input.placeholder = PLACEHOLDERS[scope]
        if value is not None:
            with self.input.prevent(Input.Changed):
                self.input.value = value
                self.input.cursor_position = len(value)
        self.display = True
        # at once, not later: keys typed right after / must land in the input
        self.screen.set_focus(self.input)

    def set_count(self, text: str) -> None:
        self.query_one("#search-count", Static).update(Content(text))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value, self.scope))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value, self.scope))

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed(self.value, self.scope))
