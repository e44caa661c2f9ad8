"""Matching rules of SearchIndex.search, on small articles written for each rule."""

from __future__ import annotations

import unicodedata

import pytest

from tui_reader.search import IndexDoc, SearchIndex, parse_query


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def doc(title="Tin", body="", date="2023-01", author=None, officials=(), awards=()):
    return IndexDoc(
        title=title,
        body=body,
        date=date,
        author=author,
        officials=list(officials),
        awards=list(awards),
    )


@pytest.fixture
def index() -> SearchIndex:
    ix = SearchIndex()
    ix.add_many(
        [
            (1, doc(body="Hoa phượng nở đỏ sân trường.", date="2023-05")),
            (2, doc(body="Phường Phương Liên tổ chức lễ.", date="2023-04")),
            (3, doc(body="Bà Phạm Thị Thanh Thuỷ phát biểu.", date="2022-11")),
            (4, doc(body=nfd("Ông Nguyễn Văn Hoà và bà Lê Thị Thủy dự."), date="2021-03")),
            (5, doc(body="Đảng bộ tỉnh đang chuẩn bị đại hội.", date="2020-08")),
            (6, doc(body="Dang dở công trình ở Đà Nẵng.", date="2020-07")),
        ]
    )
    return ix


def ids(index: SearchIndex, query: str) -> set[int]:
    return set(index.search(query))


def test_word_without_diacritics_matches_any_diacritics(index):
    assert ids(index, "phuong ") == {1, 2}  # phượng, Phương (not Phường: that is "phuong" too)


def test_word_without_diacritics_also_matches_phuong_ward(index):
    index.add(7, doc(body="Phường 3 quận 5."))
    assert 7 in ids(index, "phuong ")


def test_word_with_diacritics_matches_exactly(index):
    assert ids(index, "phượng ") == {1}
    assert ids(index, "Phương ") == {2}
    assert ids(index, "PHƯỜNG ") == {2}


def test_case_never_matters(index):
    assert ids(index, "PHUONG ") == ids(index, "phuong ") == {1, 2}
    assert ids(index, "pHượNG ") == {1}


def test_old_and_new_tone_placement_are_the_same(index):
    assert ids(index, "thuỷ ") == ids(index, "thủy ") == {3, 4}
    assert ids(index, "hoà ") == ids(index, "hòa ") == {4}


def test_nfd_text_and_nfd_query(index):
    assert ids(index, nfd("Nguyễn Văn")) == {4}
    assert ids(index, "nguyễn văn hòa") == {4}
    assert ids(index, nfd("Thủy ")) == {3, 4}


def test_d_with_stroke_matches_d_only_in_a_word_without_diacritics(index):
    assert ids(index, "dang ") == {5, 6}  # Đảng, đang, Dang
    assert ids(index, "đang ") == {5}
    assert ids(index, "Đảng ") == {5}
    assert ids(index, "da nang") == {6}
    assert ids(index, "đà ") == {6}
    assert ids(index, "dà ") == set()  # diacritics given, but not the stroke: exact


def test_all_words_must_match(index):
    assert ids(index, "pham thi thanh thuy") == {3}
    assert ids(index, "thi thuy ") == {3, 4}
    assert ids(index, "pham nguyen ") == set()


def test_last_word_is_a_prefix_while_typing(index):
    assert ids(index, "pham thi thanh th") == {3}
    assert ids(index, "ph") == {1, 2, 3}  # phượng, Phường, Phạm, phát
    assert ids(index, "phư") == {1, 2}  # exact prefix: phượng, Phường, Phương
    assert ids(index, "ph ") == set()  # finished word "ph": no such word
    assert ids(index, "tha thuy") == set()  # only the last word is a prefix


def test_quoted_phrase_needs_the_words_adjacent_and_in_order(index):
    assert ids(index, '"thanh thuy"') == {3}
    assert ids(index, '"thuy thanh"') == set()
    assert ids(index, '"thị thủy"') == {4}
    assert ids(index, '"pham thi thanh thuy"') == {3}


def test_phrase_being_typed_uses_a_prefix_for_its_last_word(index):
    assert ids(index, '"thanh th') == {3}
    assert ids(index, '"le thi th') == {4}


def test_phrase_does_not_run_across_paragraphs_or_texts():
    ix = SearchIndex()
    ix.add(1, doc(title="Hội nghị tỉnh", body="Ủy ban họp.\n\nTỉnh ủy họp."))
    assert ix.search('"tinh uy"') == [1]
    assert ix.search('"nghi tinh"') == [1]
    assert ix.search('"hop tinh"') == []  # "họp." ends one paragraph, "Tỉnh" starts the next
    assert ix.search('"tinh uy"') == [1]
    ix.add(2, doc(title="Hội nghị tỉnh", body="Ủy ban họp."))
    assert ix.search('"tinh uy"') == [1]  # "tỉnh" ends the title, "Ủy ban" starts the body


def test_exclusion_of_words_and_phrases(index):
    assert ids(index, "thi -pham") == {4}
    assert ids(index, 'thuy -"thanh thuy"') == {4}
    assert ids(index, "-phuong dang") == {5, 6}
    assert ids(index, "thuy -thuy") == set()
    # an exclusion alone keeps everything else
    assert ids(index, "-dang") == {1, 2, 3, 4}


def test_exclusion_follows_the_diacritics_rule(index):
    assert ids(index, "dang -đang") == {6}


FIELD_DOCS = [
    (
        10,
        doc(
            title="Trao Huân chương Lao động",
            body="Lễ trao tặng diễn ra tại Hà Nội. Ông Trần Phú Hà chúc mừng.",
            date="2023-06",
            author="Thanh Sơn",
            officials=["Thiếu tướng Trần Phú Hà, Phó Chủ tịch UBND tỉnh"],
            awards=["Huân chương Lao động hạng Nhất của Chủ tịch nước"],
        ),
    ),
    (
        11,
        doc(
            title="Hà Trần Phú về thăm quê",
            body="Trần Phú là tên đường. Huân chương được nhắc tới.",
            date="2023-02",
            author="Hà Trần",
            officials=["Hà Trần Phú, Bí thư Huyện ủy"],
            awards=["Bằng khen của Thủ tướng Chính phủ"],
        ),
    ),
    (
        12,
        doc(
            title="Tin thời sự Sơn La",
            body="Bài viết của phóng viên về Phó Chủ tịch.",
            date="2022-12",
            author="Minh Châu",
        ),
    ),
]


@pytest.fixture
def fields() -> SearchIndex:
    ix = SearchIndex()
    ix.add_many(FIELD_DOCS)
    return ix


def test_official_field_searches_names_ranks_and_titles(fields):
    assert ids(fields, 'official:"tran phu ha"') == {10}
    assert ids(fields, "official:tran official:phu official:ha") == {10, 11}
    assert ids(fields, "official:thieu official:tuong") == {10}  # the rank
    assert ids(fields, 'official:"bi thu huyen uy"') == {11}  # a title
    assert ids(fields, "official:pho official:chu official:tich") == {10}  # not 12's body


def test_award_field_searches_award_texts_and_issuers(fields):
    assert ids(fields, "award:lao") == {10}
    assert ids(fields, 'award:"thu tuong"') == {11}
    assert ids(fields, "award:huan") == {10}  # 11 mentions Huân chương only in the body
    assert ids(fields, "huan") == {10, 11}


def test_author_field(fields):
    assert ids(fields, "author:son") == {10}
    assert ids(fields, "author:tran") == {11}
    assert ids(fields, "son ") == {12}  # plain words do not search the author


def test_title_field(fields):
    assert ids(fields, "title:trao") == {10}
    assert ids(fields, "title:ha") == {11}
    assert ids(fields, 'title:"ha tran phu"') == {11}


def test_plain_words_search_title_body_and_officials(fields):
    assert ids(fields, "thieu tuong") == {10}  # only in the officials
    assert ids(fields, "tho ") == set()
    assert ids(fields, "thoi su") == {12}  # only in the title
    assert ids(fields, "ten duong") == {11}  # only in the body


def test_field_exclusion(fields):
    assert ids(fields, "tran -official:tran") == set()
    assert ids(fields, "huan -award:huan") == {11}


DATED = [
    (20, doc(body="tin một", date="2022-12")),
    (21, doc(body="tin hai", date="2023-01")),
    (22, doc(body="tin ba", date="2023-06")),
    (23, doc(body="tin bốn", date="2023-07")),
    (24, doc(body="tin năm", date="2024-01")),
    (25, doc(body="tin sáu", date=None)),
]


@pytest.fixture
def dated() -> SearchIndex:
    ix = SearchIndex()
    ix.add_many(DATED)
    return ix


def test_date_month_year_and_ranges(dated):
    assert ids(dated, "date:2023-06") == {22}
    assert ids(dated, "date:2023") == {21, 22, 23}
    assert ids(dated, "tin date:2023-01..2023-06") == {21, 22}
    assert ids(dated, "date:2023-07..") == {23, 24}
    assert ids(dated, "date:..2023-01") == {20, 21}
    assert ids(dated, "date:2022..2023") == {20, 21, 22, 23}
    assert ids(dated, "tin -date:2023") == {20, 24, 25}


def test_bad_date_does_not_raise(dated):
    # the bad filter is dropped (and reported by parse_query); the words still search
    assert ids(dated, "tin date:2023-13") == {20, 21, 22, 23, 24, 25}
    assert parse_query("tin date:2023-13").problems


def test_newest_first_then_higher_id(dated):
    assert dated.search("tin") == [24, 23, 22, 21, 20, 25]  # undated last
    dated.add(26, doc(body="tin bảy", date="2023-06"))
    assert dated.search("tin")[:4] == [24, 23, 26, 22]


def test_title_or_official_name_hits_rank_above_body_only_hits():
    ix = SearchIndex()
    ix.add_many(
        [
            (1, doc(title="Tin mới", body="Bà Thủy phát biểu.", date="2024-01")),
            (2, doc(title="Bà Thủy nhận bằng khen", body="...", date="2020-01")),
            (3, doc(body="Tin", date="2019-01", officials=["Lê Thị Thủy, Phó Chủ tịch"])),
            # Thủy only in an official's title, not in the name: ranks like a body hit
            (4, doc(body="Tin", date="2023-01", officials=["Lê Văn An, Giám đốc Sở Thủy lợi"])),
        ]
    )
    assert ix.search("thuy") == [2, 3, 1, 4]
    # more query words in the title or names rank higher still
    assert ix.search("ba thuy") == [2, 1]


def test_limit_returns_the_best_first(dated):
    assert dated.search("tin", limit=2) == [24, 23]
    assert dated.search("tin", limit=0) == []


def test_empty_query_finds_nothing(dated):
    assert dated.search("") == []
    assert dated.search("   ") == []
    assert dated.search('"') == []


def test_add_replaces_and_remove_forgets(index):
    assert 3 in index and len(index) == 6
    index.add(3, doc(body="Bài đã sửa, không còn tên.", date="2022-11"))
    assert ids(index, "thanh thuy") == set()
    assert ids(index, "sua") == {3}
    assert len(index) == 6
    index.remove(3)
    assert 3 not in index and len(index) == 5
    assert ids(index, "sua") == set()
    index.remove(999)  # unknown ids are ignored


def test_documents_added_out_of_date_order_still_rank_by_date():
    ix = SearchIndex()
    ix.add_many([(1, doc(body="tin", date="2023-01")), (2, doc(body="tin", date="2023-05"))])
    ix.add(3, doc(body="tin", date="2020-01"))  # an old article imported late
    ix.add(4, doc(body="tin", date="2023-03"))
    ix.add_many([(5, doc(body="tin", date="2025-01")), (0, doc(body="tin", date="2023-03"))])
    assert ix.search("tin") == [5, 2, 4, 0, 1, 3]
    assert ix.search("tin", limit=3) == [5, 2, 4]


def test_rejects_bad_document_ids():
    with pytest.raises(ValueError):
        SearchIndex().add(-1, doc())


@pytest.mark.parametrize("tail_limit", [0, 10_000])
def test_many_documents_added_out_of_order_rank_by_date(monkeypatch, tail_limit):
    """Both ways of ranking late documents (sorting the hits, or a kept ranking view) agree."""
    import random

    from tui_reader.search import index as index_module

    monkeypatch.setattr(index_module, "_TAIL_SORT_LIMIT", tail_limit)
    rng = random.Random(5)
    docs = [
        (
            i,
            doc(
                body="tin " + ("thuy" if i % 3 else "hoa"),
                date=f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}",
            ),
        )
        for i in range(400)
    ]
    ix = SearchIndex()
    ix.add_many(docs[:100])
    for doc_id, d in docs[100:]:  # one by one, in no particular order
        ix.add(doc_id, d)
    ix.remove(7)
    expected = sorted((d.date, doc_id) for doc_id, d in docs if doc_id % 3 and doc_id != 7)[::-1]
    assert ix.search("thuy") == [doc_id for _, doc_id in expected]
    assert ix.search("thuy", limit=10) == [doc_id for _, doc_id in expected][:10]
    assert len(ix.search("tin")) == 399
