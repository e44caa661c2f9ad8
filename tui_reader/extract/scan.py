"""One pass of the vocabularies over a tokenised body: where heads, ranks and honorifics start."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui_reader.extract.tokens import Document, tokenize
from tui_reader.extract.vocabulary import Phrases, Vocabulary, vocabulary


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

    _reverse: dict[int, dict[int, int]] = field(default_factory=dict)

    def ends_before(self, table: dict[int, int], i: int) -> int | None:
        """The start of a match in ``table`` that ends right before token i, if any."""
        reverse = self._reverse.get(id(table))
        if reverse is None:
            reverse = self._reverse[id(table)] = {end: start for start, end in table.items()}
        return reverse.get(i)


def _marks(doc: Document, phrases: Phrases) -> dict[int, int]:
    """Token-aligned matches of the phrases, longest first, not overlapping."""
    marks: dict[int, int] = {}
    keys = doc.tokens.keys
    n = len(keys)
    i = 0
    while i < n:
        candidates = phrases.get(keys[i])
        if candidates is None:
            i += 1
            continue
        matched = 0
        for words in candidates:
            size = len(words)
            if i + size > n:
                continue
            if all(keys[i + w] == words[w] and doc.gap(i + w) == " " for w in range(1, size)):
                matched = size
                break
        if matched:
            marks[i] = i + matched
            i += matched
        else:
            i += 1
    return marks


def _positions(doc: Document, vocab: Vocabulary) -> dict[int, int]:
    """Position heads, without those that begin another word ("Đại sứ quán")."""
    marks = _marks(doc, vocab.position_phrases)
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
        ranks=_marks(doc, vocab.rank_phrases),
        honorifics=_marks(doc, vocab.honorific_phrases),
        stops=_marks(doc, vocab.stop_phrases),
        awards=_marks(doc, vocab.award_phrases),
    )
