"""The query language: what the parser makes of what a reader types."""

from __future__ import annotations

import unicodedata

from tui_reader.search import DateRange, parse_query


def words(term):
    return [w.text for w in term.words]


def test_plain_words_are_separate_terms_and_only_the_last_is_a_prefix():
    q = parse_query("pham thi thanh thuy")
    assert [words(t) for t in q.terms] == [["pham"], ["thi"], ["thanh"], ["thuy"]]
    assert [t.words[0].prefix for t in q.terms] == [False, False, False, True]
    assert all(t.field == "all" and not t.negated for t in q.terms)


def test_a_trailing_space_ends_the_word_being_typed():
    q = parse_query("pham thi ")
    assert not any(w.prefix for t in q.terms for w in t.words)


def test_diacritics_are_decided_per_word():
    q = parse_query("phượng phuong Đà da")
    assert [t.words[0].exact for t in q.terms] == [True, False, True, False]


def test_nfd_query_is_read_as_nfc():
    q = parse_query(unicodedata.normalize("NFD", "Phượng "))
    assert words(q.terms[0]) == ["Phượng"] and q.terms[0].words[0].exact


def test_quoted_phrase_exclusions_and_fields():
    q = parse_query('"huân chương lao động" -bằng -"chủ tịch" official:"tran phu ha" award:lao')
    assert [(words(t), t.field, t.negated) for t in q.terms] == [
        (["huân", "chương", "lao", "động"], "all", False),
        (["bằng"], "all", True),
        (["chủ", "tịch"], "all", True),
        (["tran", "phu", "ha"], "official", False),
        (["lao"], "award", False),
    ]
    assert q.terms[-1].words[0].prefix  # the last word, still being typed
    assert not q.terms[0].words[-1].prefix  # a closed phrase is finished


def test_field_names_are_case_insensitive_and_plural_allowed():
    q = parse_query("Official:thuy AUTHOR:son Title:trao awards:lao")
    assert [t.field for t in q.terms] == ["official", "author", "title", "award"]


def test_unknown_field_names_are_ordinary_words():
    q = parse_query("lúc 10:30 foo:bar")
    assert [(words(t), t.field) for t in q.terms] == [
        (["lúc"], "all"),
        (["10", "30"], "all"),
        (["foo", "bar"], "all"),
    ]


def test_hyphenated_word_is_a_phrase_not_an_exclusion():
    q = parse_query("covid-19 ")
    assert [(words(t), t.negated) for t in q.terms] == [(["covid", "19"], False)]


def test_dates_year_month_and_ranges():
    assert parse_query("date:2023").dates == [DateRange(202301, 202312)]
    assert parse_query("date:2023-06").dates == [DateRange(202306, 202306)]
    assert parse_query("date:2023-01..2023-06").dates == [DateRange(202301, 202306)]
    assert parse_query("date:2023-01..").dates == [DateRange(202301, None)]
    assert parse_query("date:..2022").dates == [DateRange(None, 202212)]
    assert parse_query("date:2021..2022-03").dates == [DateRange(202101, 202203)]
    assert parse_query("-date:2020").dates == [DateRange(202001, 202012, negated=True)]


def test_bad_dates_are_reported_not_raised_and_the_rest_still_works():
    for bad in ("date:2023-13", "date:23", "date:2023-06..2023-01", "date:..", "date:abc"):
        q = parse_query(f"{bad} thuy")
        assert q.dates == []
        assert len(q.problems) == 1 and "date:" in q.problems[0]
        assert [words(t) for t in q.terms] == [["thuy"]]


def test_unterminated_quote_runs_to_the_end_and_is_reported():
    q = parse_query('thuy "tran phu')
    assert [words(t) for t in q.terms] == [["thuy"], ["tran", "phu"]]
    assert q.terms[1].words[1].prefix
    assert q.problems and "quote" in q.problems[0]


def test_fragments_while_typing_are_ignored_quietly():
    for text in ("", "   ", "-", "official:", "date:", '"', '""', "-official:"):
        q = parse_query(text)
        assert q.is_empty(), text
        assert not any("date" in p for p in q.problems)
