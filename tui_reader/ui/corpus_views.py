"""Views across the whole library: every official over time, awards by kind or issuer.

Each view is a screen with a list on the left (a virtual list: fast at any size), the details of
the highlighted entry on the right, and the articles behind it below; enter on an article goes
back to the reader with that article open and the person's mentions (or the award) highlighted.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from tui_reader.safe import plain_line
from tui_reader.ui.article_list import ArticleList, fit
from tui_reader.ui.i18n import t
from tui_reader.ui.safe_text import safe_line
from tui_reader.ui.virtual_list import VirtualList


@dataclass
class Row:
    """One entry of a corpus list: what it shows, and what the detail pane is built from."""

    label: str
    muted: str
    count: int
    span: str
    item: object


class CorpusList(VirtualList[int]):
    """Rows of label, a muted note, the number of articles and the months seen."""

    COMPONENT_CLASSES = {"virtual-list--cursor", "corpus-list--muted", "corpus-list--count"}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[Row] = []

    def show_rows(self, rows: list[Row], keep: int | None = None) -> None:
        self.rows = rows
        self.set_keys(list(range(len(rows))), keep)

    def render_row(self, key: int, width: int, base: Style) -> list[Segment]:
        row = self.rows[key]
        muted = base + self.get_component_rich_style("corpus-list--muted")
        count_style = base + self.get_component_rich_style("corpus-list--count")
        right = f"{row.count:>5,}  {row.span}"
        label_width = max(width - cell_len(right) - 2, 8)
        label = plain_line(row.label)
        note = plain_line(row.muted)
        segments = [Segment(" ", base)]
        if note and cell_len(label) + 1 < label_width:
            segments.append(Segment(label, base + Style(bold=True)))
            segments.append(Segment(fit(" " + note, label_width - cell_len(label)), muted))
        else:
            segments.append(Segment(fit(label, label_width), base + Style(bold=True)))
        segments.append(Segment(" " + right, count_style))
        return segments


def month_span(first: str | None, last: str | None) -> str:
    if not first:
        return "—"
    return first if first == last else f"{first}…{last}"


class CorpusScreen(Screen[None]):
    """A list of entries with a filter, the details of one, and the articles behind it."""

    BINDINGS = [
        Binding("escape", "back", t("Back"), id="corpus.back"),
        Binding("slash", "filter", t("Search"), key_display="/", id="corpus.filter"),
        Binding("s", "sort", t("Sort"), id="corpus.sort"),
    ]

    title_text = ""
    sorts: tuple[str, ...] = ("articles",)

    def __init__(self, initial_filter: str = "") -> None:
        super().__init__()
        self.all_rows: list[Row] = []
        self.sort_index = 0
        self.initial_filter = initial_filter

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="corpus-main"):
            with Vertical(id="corpus-left"):
                yield Input(
                    placeholder=t("Filter (without diacritics is fine)"), id="corpus-filter"
                )
                yield CorpusList(id="corpus-list")
            with Vertical(id="corpus-right"):
                with VerticalScroll(id="corpus-detail-scroll"):
                    yield Static(Content(""), id="corpus-detail")
                yield ArticleList.of_library(self.app, id="corpus-articles")
        yield Footer()

    @property
    def entries(self) -> CorpusList:
        return self.query_one("#corpus-list", CorpusList)

    @property
    def articles(self) -> ArticleList:
        return self.query_one("#corpus-articles", ArticleList)

    def on_mount(self) -> None:
        self.query_one("#corpus-left").border_title = Content(self.title_text)
        self.query_one("#corpus-right").border_title = Content(t("Details"))
        self.articles.border_title = Content(t("Articles"))
        self.query_one("#corpus-detail", Static).update(Content(t("Reading the library…")))
        if self.initial_filter:
            self.query_one("#corpus-filter", Input).value = self.initial_filter
        self.entries.focus()
        self.build()

    # ---- building ----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="corpus", exit_on_error=False)
    def build(self) -> None:
        rows = self.make_rows(self.app.library.records())
        self.app.call_from_thread(self._rows_ready, rows)

    def make_rows(self, metas: dict[int, dict]) -> list[Row]:
        raise NotImplementedError

    def detail(self, row: Row) -> Content:
        raise NotImplementedError

    def matches(self, row: Row, query: str) -> bool:
        from tui_reader.text import fold, has_diacritics, key

        if has_diacritics(query):
            return all(w in key(row.label + " " + row.muted) for w in key(query).split())
        return all(w in fold(row.label + " " + row.muted) for w in fold(query).split())

    def sort_rows(self, rows: list[Row]) -> list[Row]:
        return rows

    def _rows_ready(self, rows: list[Row]) -> None:
        self.all_rows = rows
        self._refilter()

    def _refilter(self) -> None:
        query = self.query_one("#corpus-filter", Input).value.strip()
        rows = [r for r in self.all_rows if self.matches(r, query)] if query else self.all_rows
        self.entries.show_rows(self.sort_rows(rows))
        total = len(self.all_rows)
        counts = t("{shown} of {total}", shown=f"{len(rows):,}", total=f"{total:,}")
        sort = t("sorted by {what}", what=t(self.sorts[self.sort_index]))
        self.query_one("#corpus-left").border_title = Content.assemble(
            self.title_text, " · ", (counts if query else f"{total:,}", "bold"), " · ", sort
        )
        if not rows:
            self.query_one("#corpus-detail", Static).update(Content(t("Nothing found.")))
            self.articles.set_ids([])

    # ---- events ------------------------------------------------------------------------------

    @on(Input.Changed, "#corpus-filter")
    def _filter_changed(self) -> None:
        self._refilter()

    @on(Input.Submitted, "#corpus-filter")
    def _filter_submitted(self) -> None:
        self.entries.focus()

    @on(CorpusList.Highlighted, "#corpus-list")
    def _entry_highlighted(self, event: CorpusList.Highlighted) -> None:
        if event.key is None or event.key >= len(self.entries.rows):
            return
        row = self.entries.rows[event.key]
        self.query_one("#corpus-detail", Static).update(self.detail(row))
        self.articles.set_ids(self.article_ids(row))

    @on(CorpusList.Opened, "#corpus-list")
    def _entry_opened(self) -> None:
        self.articles.focus()

    @on(ArticleList.Opened, "#corpus-articles")
    def _article_opened(self, event: ArticleList.Opened) -> None:
        row = self.entries.rows[self.entries.cursor]
        self.app.pop_screen()
        self.app.open_from_corpus(event.key, row.item)

    def article_ids(self, row: Row) -> list[int]:
        return list(row.item.article_ids)

    def action_back(self) -> None:
        if self.focused is self.query_one("#corpus-filter") or self.focused is self.articles:
            self.entries.focus()
        else:
            self.app.pop_screen()

    def action_filter(self) -> None:
        box = self.query_one("#corpus-filter", Input)
        if self.focused is box:
            box.post_message(events.Key("slash", "/"))  # typed in the box: queue it in order
            return
        self.set_focus(box)

    def action_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(self.sorts)
        self._refilter()


def timeline_line(metas: dict[int, dict], ids: list[int], width: int = 40) -> Content:
    """Articles per month as a sparkline with its range and peak."""
    from tui_reader.timeline import articles_per_month

    return render_timeline(articles_per_month(metas, ids), width)


def render_timeline(months: list[tuple[str, int]], width: int, peak: bool = True) -> Content:
    """ "2017-02 ▁▃█▅ 2017-07  peak 2017-05: 412" fitted to ``width`` cells."""
    from tui_reader.timeline import sparkline

    if not months:
        return Content("")
    counts = [n for _, n in months]
    peak_month, most = max(months, key=lambda m: m[1])
    tail = f"  peak {peak_month}: {most}" if peak else ""
    room = max(width - 2 * len(months[0][0]) - 2 - len(tail), 4)
    return Content.assemble(
        (months[0][0], "$text-muted"),
        " ",
        (sparkline(counts, width=min(room, len(counts))), "$text-accent"),
        " ",
        (months[-1][0], "$text-muted"),
        (tail, "$text-muted"),
    )


class OfficialsScreen(CorpusScreen):
    """Every official across the library, their titles and ranks over time."""

    title_text = t("Officials")
    sorts = ("articles", "name", "last seen")

    def make_rows(self, metas: dict[int, dict]) -> list[Row]:
        self.metas = metas
        rows = []
        for person in self.app.people():
            # the title seen most often (then most recently) says who this is at a glance
            main = max(person.titles, key=lambda t: (t.articles, t.last or ""), default=None)
            latest = main.text if main else ""
            rank = person.ranks[-1].text if person.ranks else ""
            muted = " ".join(p for p in (rank, latest) if p)
            if person.ambiguous:
                muted = "⚠ " + muted
            rows.append(
                Row(
                    person.name,
                    muted,
                    len(person.article_ids),
                    month_span(person.first, person.last),
                    person,
                )
            )
        return rows

    def sort_rows(self, rows: list[Row]) -> list[Row]:
        from tui_reader.text import fold

        what = self.sorts[self.sort_index]
        if what == "name":
            # Vietnamese order by given name, as people are addressed
            return sorted(rows, key=lambda r: (fold(r.label.split()[-1]), fold(r.label)))
        if what == "last seen":
            return sorted(rows, key=lambda r: r.item.last or "", reverse=True)
        return rows

    def detail(self, row: Row) -> Content:
        person = row.item
        lines = [safe_line(person.name, "bold $text-accent")]
        others = [s for s in person.spellings if s != person.name]
        if others:
            lines.append(
                Content.assemble(
                    (t("also written") + ": ", "$text-muted"), safe_line(", ".join(others))
                )
            )
        if person.ambiguous or person.note:
            lines.append(
                Content.assemble(
                    ("⚠ ", "$text-warning"),
                    safe_line(person.note or t("may be several people"), "$text-warning"),
                )
            )
        for heading, seen in ((t("Ranks"), person.ranks), (t("Titles"), person.titles)):
            if not seen:
                continue
            lines.append(Content.styled(heading, "bold"))
            for entry in seen:
                lines.append(
                    Content.assemble(
                        (f"  {month_span(entry.first, entry.last):<16}", "$text-muted"),
                        safe_line(entry.text),
                        (f"  ({entry.articles})", "$text-muted"),
                    )
                )
        lines.append(Content.styled(t("Articles per month"), "bold"))
        lines.append(Content.assemble("  ", timeline_line(self.metas, person.article_ids)))
        return Content("\n").join(lines)


class AwardsScreen(CorpusScreen):
    """Awards across the library, grouped by kind or by issuer, with totals."""

    title_text = t("Awards")
    sorts = ("articles", "collectives", "individuals")
    BINDINGS = [
        *CorpusScreen.BINDINGS,
        Binding("i", "group_by", t("By issuer / kind"), id="awards.group"),
    ]

    def __init__(self, initial_filter: str = "") -> None:
        super().__init__(initial_filter)
        self.by = "award"

    def make_rows(self, metas: dict[int, dict]) -> list[Row]:
        from tui_reader.award_summary import group_awards

        self.metas = metas
        rows = []
        for group in group_awards(metas, by=self.by):
            if self.by == "award":
                label, muted = group.award, (t("by") + " " + group.issuer) if group.issuer else ""
            else:
                label, muted = group.issuer or t("(issuer not given)"), group.award
            rows.append(
                Row(
                    label, muted, len(group.article_ids), month_span(group.first, group.last), group
                )
            )
        return rows

    def sort_rows(self, rows: list[Row]) -> list[Row]:
        what = self.sorts[self.sort_index]
        if what == "collectives":
            return sorted(rows, key=lambda r: r.item.collectives, reverse=True)
        if what == "individuals":
            return sorted(rows, key=lambda r: r.item.individuals, reverse=True)
        return rows

    def action_group_by(self) -> None:
        self.by = "issuer" if self.by == "award" else "award"
        self.build()

    def detail(self, row: Row) -> Content:
        group = row.item
        lines = [safe_line(group.award or "", "bold $text-warning")]
        if group.issuer:
            lines.append(Content.assemble((t("by") + " ", "$text-muted"), safe_line(group.issuer)))
        lines.append(
            Content.assemble(
                (t("Totals") + ": ", "bold"),
                f"{group.collectives:,} {t('collectives')}, "
                f"{group.individuals:,} {t('individuals')}",
                (f"  ({len(group.article_ids):,} {t('articles')})", "$text-muted"),
            )
        )
        if group.presenters:
            lines.append(
                Content.assemble(
                    (t("presented by:") + " ", "$text-muted"),
                    safe_line(", ".join(group.presenters[:12])),
                )
            )
        if group.recipients:
            lines.append(
                Content.assemble(
                    (t("received by:") + " ", "$text-muted"),
                    safe_line(", ".join(group.recipients[:12])),
                )
            )
        lines.append(Content.styled(t("Articles per month"), "bold"))
        lines.append(Content.assemble("  ", timeline_line(self.metas, group.article_ids)))
        return Content("\n").join(lines)
