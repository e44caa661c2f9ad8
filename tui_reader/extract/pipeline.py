"""The extraction pipeline: scan the body once, then read officials and awards from it."""

from __future__ import annotations

import unicodedata

from tui_reader.extract.awards import find_awards
from tui_reader.extract.model import Extraction, Official
from tui_reader.extract.officials import find_officials, fold_key
from tui_reader.extract.scan import Scan, scan
from tui_reader.text import key, nfc


def extract_article(title: str, body: str) -> Extraction:
    """Officials and awards of one article; offsets point into ``body`` as given."""
    text = nfc(body) if not body.isascii() else body
    sc = scan(text, is_nfc=True)  # ASCII text is NFC too
    officials = find_officials(sc)
    if title:
        officials += headline_officials(nfc(title), sc, officials)
    awards = find_awards(sc, officials)
    if text != body:  # decomposed (NFD) input: offsets found in the NFC text point back
        back = _offsets_back(body)
        for item in (*officials, *awards):
            item.mentions = [(back[s], back[e]) for s, e in item.mentions]
    return Extraction(officials=officials, awards=awards)


def _offsets_back(body: str) -> list[int]:
    """For every offset of ``nfc(body)`` (and its end), the offset in ``body``."""
    back: list[int] = []
    start = 0
    for i in range(1, len(body) + 1):
        # a cluster is a character and the combining marks after it
        if i < len(body) and unicodedata.combining(body[i]):
            continue
        composed = nfc(body[start:i])
        back.extend([start] * len(composed))
        start = i
    back.append(len(body))
    return back


def headline_officials(title: str, sc: Scan, known: list[Official]) -> list[Official]:
    """Officials the headline titles who have no title in the body ("Đại tá Nguyễn Thanh Hải làm
    Giám đốc ..."); their mentions are the body's occurrences of the name."""
    seen = {fold_key(o.name) for o in known}
    found = []
    for official in find_officials(scan(title)):
        if fold_key(official.name) in seen:
            continue
        official.mentions = _whole_word_spans(sc.doc.key, key(official.name))
        found.append(official)
    return found


def _whole_word_spans(text: str, word: str) -> list[tuple[int, int]]:
    r"""Spans of ``word`` in ``text`` not inside a longer word, as the regex
    ``(?<!\w)word(?!\w)`` finds them (without compiling a regex for every name)."""
    spans = []
    size = len(word)
    start = text.find(word)
    while start >= 0:
        end = start + size
        if (start == 0 or not _is_word_char(text[start - 1])) and (
            end == len(text) or not _is_word_char(text[end])
        ):
            spans.append((start, end))
            start = text.find(word, end)
        else:
            start = text.find(word, start + 1)
    return spans


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
