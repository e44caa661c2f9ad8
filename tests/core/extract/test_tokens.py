"""Tokens: the fast paths (plain-text split, offset look-ups, headline name search) read a body
exactly as the general ones do."""

from __future__ import annotations

import random
import re

from tui_reader.extract import extract
from tui_reader.extract.pipeline import _whole_word_spans
from tui_reader.extract.tokens import (
    _OUTSIDE_PLAIN_RE,
    _PLAIN_RANGES,
    _PLAIN_SPLIT_RE,
    _SPLIT_RE,
    tokenize,
)
from tui_reader.text import key

BODY = (
    "Thiếu tướng Lê Văn Bình, Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Công an TP.Phan Thiết "
    "và ông Nguyễn Văn A (SN 1962) - GD-ĐT, R&D, 50/50, O’Neil… «hoà» ½ ² µ ß ÿ_1."
)


def test_plain_text_splits_as_the_word_class_does():
    assert _OUTSIDE_PLAIN_RE.search(BODY) is None
    assert _PLAIN_SPLIT_RE.split(BODY) == _SPLIT_RE.split(BODY)
    rng = random.Random(5)
    alphabet = [chr(c) for lo, hi in _PLAIN_RANGES for c in range(lo, hi + 1)]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert _PLAIN_SPLIT_RE.split(text) == _SPLIT_RE.split(text), repr(text)


def test_other_characters_take_the_general_path():
    # "₂" is a word character outside the plain set: "CO₂" stays one word
    doc = tokenize("Khí CO₂ và 北京 tăng.")
    assert doc.tokens.words == [
        "Khí", "CO₂", "và", "北京", "tăng",
    ]  # fmt: skip


def test_an_official_is_found_the_same_with_foreign_characters_nearby():
    plain = "Chủ tịch UBND tỉnh Trần Văn Hải phát biểu."
    for extra in (" Khí CO₂ giảm.", " Đoàn 北京 đến.", " 😀"):
        got = extract("Tin", plain + extra).to_json()
        assert got == extract("Tin", plain).to_json()


def test_token_lists_agree_with_tokens():
    doc = tokenize(BODY)
    toks = doc.tokens
    for i in range(len(toks)):
        tok = toks[i]
        assert (tok.start, tok.end, tok.text, tok.key) == (
            toks.starts[i], toks.ends[i], toks.words[i], toks.keys[i]
        )  # fmt: skip
        assert tok.upper == toks.upper[i] == (i in doc.capitals)
        assert doc.key[tok.start : tok.end] == tok.key
    assert doc.key == key(BODY)  # read on first use


def test_offsets_map_to_tokens_only_on_word_edges():
    doc = tokenize("Ông Lê Văn Bình đến.")
    assert doc.by_start.get(0) == 0
    assert doc.by_start.get(4) == 1
    assert doc.by_start.get(5) is None
    assert doc.by_end.get(15) == 3
    assert doc.by_end.get(100) is None
    assert doc.token_at(7) == 2


def test_headline_name_search_matches_whole_words_only():
    text = "lê văn bình, lê văn bình2 và _lê văn bình; lê văn bìnhx lê văn bình"
    expected = [m.span() for m in re.finditer(r"(?<!\w)lê văn bình(?!\w)", text)]
    assert _whole_word_spans(text, "lê văn bình") == expected == [(0, 11), (56, 67)]


def test_word_tables_stay_bounded_and_right(monkeypatch):
    from tui_reader.extract import tokens

    monkeypatch.setattr(tokens, "_WORD_TABLE_LIMIT", 3)
    for body in ("Ông Lê Văn Bình, Uỷ viên", "bà Trần Thị Hoà đến Hà Nội"):
        doc = tokenize(body)
        assert doc.tokens.keys == [
            doc.key[s:e] for s, e in zip(doc.tokens.starts, doc.tokens.ends, strict=True)
        ]
        assert len(tokens._WORD_KEYS) <= 3
