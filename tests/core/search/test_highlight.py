"""find_hits: the spans of an article's text that a query hits, for highlighting."""

from __future__ import annotations

import unicodedata

from tui_reader.search import find_hits

BODY = "Bà Phạm Thị Thanh Thủy, Phó Chủ tịch UBND tỉnh, trao Huân chương cho phường Phượng Cát."


def spans(query: str, text: str = BODY, field: str = "body") -> list[str]:
    return [text[a:b] for a, b in find_hits(query, text, field)]


def test_words_without_diacritics_hit_every_spelling():
    assert spans("phuong") == ["phường", "Phượng"]


def test_words_with_diacritics_hit_exactly():
    assert spans("phượng") == ["Phượng"]
    assert spans("Thuỷ") == ["Thủy"]  # old tone placement in the query


def test_last_word_prefix_and_case():
    assert spans("PHO chu ti") == ["Phó", "Chủ", "tịch", "tỉnh"]
    assert spans("pho chu t ") == ["Phó", "Chủ"]


def test_phrases_hit_as_one_span():
    assert spans('"thanh thuy"') == ["Thanh Thủy"]
    assert spans('"thuy thanh"') == []


def test_hits_do_not_overlap():
    assert spans('"thanh thuy" thuy thanh') == ["Thanh Thủy"]


def test_excluded_words_and_dates_are_not_highlighted():
    assert spans("thuy -pho date:2023") == ["Thủy"]


def test_field_words_highlight_where_they_make_sense():
    assert spans("official:thuy") == ["Thủy"]
    assert spans("author:thuy") == []
    assert spans("title:trao") == []
    assert spans("title:trao", "Trao Huân chương", field="title") == ["Trao"]
    assert spans("author:son", "Thanh Sơn", field="author") == ["Sơn"]


def test_offsets_point_into_nfc_text_even_for_nfd_queries():
    query = unicodedata.normalize("NFD", "Phượng ")
    assert spans(query) == ["Phượng"]


def test_d_with_stroke():
    text = "Đảng bộ đang họp ở Đà Nẵng, dang dở."
    assert spans("dang", text) == ["Đảng", "đang", "dang"]
    assert spans("đang ", text) == ["đang"]


def test_phrase_does_not_cross_a_line_break():
    assert spans('"hop tinh"', "Ủy ban họp.\n\nTỉnh ủy họp.") == []
    assert spans('"hop tinh"', "Ủy ban họp. Tỉnh ủy họp.") == ["họp. Tỉnh"]


def test_empty_inputs():
    assert find_hits("", BODY) == []
    assert find_hits("thuy", "") == []
