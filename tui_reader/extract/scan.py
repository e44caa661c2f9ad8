"""One pass of the vocabularies over a tokenised body: where heads, ranks and honorifics start."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui_reader.extract.tokens import Document, tokenize
from tui_reader.extract.vocabulary import Vocabulary, vocabulary


@dataclass
class Scan:
    """A document with, per vocabulary, a map from first token to the token after the match."""

    doc: Document
    vocab: Vocabulary
    positions: dict[int, int] = field(default_factory=dict)
    ranks: dict[int, int] = field(default_factory=dict)
    honorifics: dict[int, int] = field(default_factory=dict)
    stops: dict[int, int] = field(default_factory=dict)
    awards: dict[int, int] = field(default_factory=dict)

    def ends_before(self, table: dict[int, int], i: int) -> int | None:
        """The start of a match in ``table`` that ends right before token i, if any."""
        for back in range(1, 6):
            s = i - back
            if s < 0:
                break
            if table.get(s) == i:
                return s
        return None


def _marks(doc: Document, pattern: re.Pattern[str]) -> dict[int, int]:
    marks: dict[int, int] = {}
    for m in pattern.finditer(doc.key):
        first = doc.by_start.get(m.start())
        last = doc.by_end.get(m.end())
        if first is not None and last is not None:
            marks[first] = last + 1
    return marks


def _positions(doc: Document, vocab: Vocabulary) -> dict[int, int]:
    """Position heads, without those that begin another word ("Đại sứ quán")."""
    marks = _marks(doc, vocab.position_re)
    toks = doc.tokens
    for first, last in list(marks.items()):
        if last < len(toks):
            joined = " ".join(t.key for t in toks[first : last + 1])
            if joined in vocab.not_positions:
                del marks[first]
    return marks


def scan(body: str) -> Scan:
    """Tokenise the body and mark every vocabulary match on token boundaries."""
    vocab = vocabulary()
    doc = tokenize(body)
    return Scan(
        doc=doc,
        vocab=vocab,
        positions=_positions(doc, vocab),
        ranks=_marks(doc, vocab.rank_re),
        honorifics=_marks(doc, vocab.honorific_re),
        stops=_marks(doc, vocab.stop_re),
        awards=_marks(doc, vocab.award_re),
    )
