"""Where a query hits inside one text, for highlighting an open article."""

from __future__ import annotations

from tui_reader.search.query import PLAIN, Query, Word, parse_query
from tui_reader.text import WORD_RE, fold, key, nfc, strip_diacritics

# For the text being shown, which query fields' words are highlighted in it.
_SHOWN_FIELDS = {
    "body": frozenset({PLAIN, "official", "award"}),
    "title": frozenset({PLAIN, "title", "official", "award"}),
    "official": frozenset({PLAIN, "official"}),
    "award": frozenset({"award"}),
    "author": frozenset({"author"}),
}


def _key_same_length(text: str) -> str:
    k = key(text)
    if len(k) == len(text):
        return k
    # Rare characters whose lower case is longer ("İ"): key each one on its own.
    return "".join((key(c) or c)[0] for c in text)


def _matcher(word: Word):
    if word.exact:
        target = key(word.text)
        if word.prefix:
            return lambda tok, ftok: tok.startswith(target)
        return lambda tok, ftok: tok == target
    target = fold(word.text)
    if word.prefix:
        return lambda tok, ftok: ftok.startswith(target)
    return lambda tok, ftok: ftok == target


def find_hits(query: str | Query, text: str, field: str = "body") -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans in ``text`` (NFC) hit by the query's words.

    ``field`` names the text shown ("body", "title", "official", "award", "author"); words of
    the query's fields that make sense there are highlighted too (official:thuy in the body).
    """
    q = parse_query(query) if isinstance(query, str) else query
    shown = _SHOWN_FIELDS.get(field, frozenset({PLAIN, field}))
    terms = [t for t in q.positive if t.field in shown]
    if not terms or not text:
        return []
    text = nfc(text)
    k = _key_same_length(text)
    tokens = []  # (start, end, key word, folded word, line number)
    line = 0
    last = 0
    for m in WORD_RE.finditer(k):
        line += k.count("\n", last, m.start())
        last = m.start()
        tok = m.group()
        tokens.append((m.start(), m.end(), tok, strip_diacritics(tok), line))
    spans: list[tuple[int, int]] = []
    for term in terms:
        matchers = [_matcher(w) for w in term.words]
        n = len(matchers)
        for i in range(len(tokens) - n + 1):
            first = tokens[i]
            if not matchers[0](first[2], first[3]):
                continue
            ok = True
            for j in range(1, n):
                tok = tokens[i + j]
                if tok[4] != first[4] or not matchers[j](tok[2], tok[3]):
                    ok = False
                    break
            if ok:
                spans.append((first[0], tokens[i + n - 1][1]))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
