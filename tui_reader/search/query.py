"""The search query language: words, prefixes, "phrases", -exclusions, field: and date: filters.

Parsing never raises. A syntax problem (an unterminated quote, a bad date) is recorded in
``Query.problems`` as a sentence the UI can show; the rest of the query still works:
an unterminated quote runs to the end of the text, a bad ``date:`` filter is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui_reader.text import WORD_RE, has_diacritics, nfc

# Field names a user can type, mapped to the index field they search.
FIELD_NAMES = {
    "official": "official",
    "officials": "official",
    "award": "award",
    "awards": "award",
    "author": "author",
    "title": "title",
}
PLAIN = "all"  # plain words search the title, the body and the officials


@dataclass(frozen=True)
class Word:
    """One query word: as typed (NFC), whether it must match diacritics, whether it is a prefix."""

    text: str
    exact: bool
    prefix: bool = False


@dataclass(frozen=True)
class Term:
    """A word or an adjacent phrase of words, in one field, maybe negated."""

    words: tuple[Word, ...]
    field: str = PLAIN
    negated: bool = False

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


@dataclass(frozen=True)
class DateRange:
    """Months ``start``..``end`` inclusive as YYYYMM integers; None is an open end."""

    start: int | None
    end: int | None
    negated: bool = False

    def contains(self, month: int) -> bool:
        return (self.start is None or month >= self.start) and (
            self.end is None or month <= self.end
        )


@dataclass
class Query:
    """A parsed query: every positive term and date range must hold, no negated term may."""

    terms: list[Term] = field(default_factory=list)
    dates: list[DateRange] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def positive(self) -> list[Term]:
        return [t for t in self.terms if not t.negated]

    @property
    def negative(self) -> list[Term]:
        return [t for t in self.terms if t.negated]

    def is_empty(self) -> bool:
        return not self.terms and not self.dates


# One item of the query: optional "-", optional "name:", then a quoted or a bare value.
_ITEM_RE = re.compile(
    r"""
    (?P<neg>-)?
    (?:(?P<name>[^\W\d_]+):)?
    (?:
        "(?P<quoted>[^"]*)(?P<close>"?)
      | (?P<bare>[^\s"]*)
    )
    """,
    re.VERBOSE,
)
_MONTH_RE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")


def _parse_month(value: str, end: bool) -> int | None:
    """YYYY or YYYY-MM as YYYYMM; a bare year is its first month, or its last when ``end``."""
    m = _MONTH_RE.match(value)
    if m is None:
        return None
    year = int(m.group(1))
    if m.group(2) is None:
        return year * 100 + (12 if end else 1)
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return None
    return year * 100 + month


def _parse_dates(value: str, negated: bool) -> DateRange | str:
    """A DateRange, or the problem as a sentence."""
    value = value.strip()
    bad = f"date:{value} is not a month: use date:2023, date:2023-06 or date:2023-01..2023-06"
    if ".." in value:
        lo_text, _, hi_text = value.partition("..")
        lo = _parse_month(lo_text, end=False) if lo_text else None
        hi = _parse_month(hi_text, end=True) if hi_text else None
        if (lo_text and lo is None) or (hi_text and hi is None) or (not lo_text and not hi_text):
            return bad
        if lo is not None and hi is not None and lo > hi:
            return f"date:{value} ends before it starts"
        return DateRange(lo, hi, negated)
    lo = _parse_month(value, end=False)
    if lo is None:
        return bad
    return DateRange(lo, _parse_month(value, end=True), negated)


def _words(text: str) -> list[str]:
    return WORD_RE.findall(nfc(text))


def parse_query(text: str) -> Query:
    """Parse a query typed by a reader; never raises (see ``Query.problems``)."""
    text = nfc(text)
    query = Query()
    pos = 0
    # Each entry: (words, field, negated, open_at_end) before prefix marking.
    pending: list[tuple[list[str], str, bool, bool]] = []
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        m = _ITEM_RE.match(text, pos)
        assert m is not None  # the pattern matches the empty string
        end = m.end()
        if end == pos:  # a lone quote mark can't start an item; skip it
            pos += 1
            continue
        pos = end
        negated = m.group("neg") is not None
        name = m.group("name")
        quoted = m.group("quoted")
        value = quoted if quoted is not None else (m.group("bare") or "")
        open_at_end = end == len(text) and (quoted is None or not m.group("close"))
        if quoted is not None and not m.group("close"):
            query.problems.append("a quote is not closed: the phrase runs to the end")
        field_name = None
        if name is not None:
            lowered = name.lower()
            if lowered == "date":
                if not value.strip():
                    continue  # "date:" while typing: no constraint yet
                parsed = _parse_dates(value, negated)
                if isinstance(parsed, str):
                    query.problems.append(parsed)
                else:
                    query.dates.append(parsed)
                continue
            field_name = FIELD_NAMES.get(lowered)
            if field_name is None:
                # Not a field we know ("10:30", "covid:"): the name is an ordinary word.
                value = f"{name} {value}" if quoted is not None else f"{name}:{value}"
        words = _words(value)
        if not words:
            continue
        # A quoted value is a phrase; so is a bare value that splits ("covid-19", "10:30").
        pending.append((words, field_name or PLAIN, negated, open_at_end))
    for words, field_name, negated, open_at_end in pending:
        marked = tuple(
            Word(
                text=w,
                exact=has_diacritics(w),
                # The word being typed matches as a prefix; exclusions stay whole words.
                prefix=open_at_end and not negated and i == len(words) - 1,
            )
            for i, w in enumerate(words)
        )
        query.terms.append(Term(marked, field_name, negated))
    return query
