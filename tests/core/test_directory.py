"""The directory of officials: spellings merged, namesakes kept apart, promotions as timelines."""

from __future__ import annotations

import unicodedata

from tui_reader.directory import build_directory, compare_key, find_people


def official(name: str, *titles: str, rank: str | None = None) -> dict:
    return {"name": name, "rank": rank, "titles": list(titles)}


def meta(date: str | None, *officials: dict) -> dict:
    return {"title": "t", "date": date, "author": None, "source": "s", "officials": list(officials),
            "awards": []}  # fmt: skip


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def by_name(people, name):
    return [p for p in people if p.name == name]


def test_empty_library_gives_an_empty_directory():
    assert build_directory({}) == []
    assert build_directory({1: meta("2024-01")}) == []


def test_nfd_case_and_old_tone_spellings_are_one_person():
    metas = {
        1: meta("2024-01", official("Nguyễn Thị Thủy", "Giám đốc Sở Y tế tỉnh Nghệ An")),
        2: meta("2024-02", official(nfd("Nguyễn Thị Thủy"), "Giám đốc Sở Y tế tỉnh Nghệ An")),
        3: meta("2024-03", official("Nguyễn Thị Thuỷ", "Giám đốc Sở Y tế Nghệ An")),
        4: meta("2024-04", official("NGUYỄN THỊ THỦY", "Giám đốc Sở Y tế tỉnh Nghệ An")),
    }
    [person] = build_directory(metas)
    assert person.name == "Nguyễn Thị Thủy"  # the most frequent spelling
    assert set(person.spellings) == {"Nguyễn Thị Thủy", "Nguyễn Thị Thuỷ", "NGUYỄN THỊ THỦY"}
    assert person.article_ids == [4, 3, 2, 1]
    assert (person.first, person.last) == ("2024-01", "2024-04")
    [title] = person.titles
    assert title.articles == 4 and "Giám đốc Sở Y tế" in title.text
    assert not person.ambiguous


def test_a_shorter_title_folds_into_the_longer_one_it_starts():
    metas = {
        1: meta("2023-01", official("Lê Văn Tám", "Giám đốc Công an")),
        2: meta("2023-05", official("Lê Văn Tám", "Giám đốc Công an tỉnh")),
    }
    [person] = build_directory(metas)
    assert [(t.text, t.first, t.last, t.articles) for t in person.titles] == [
        ("Giám đốc Công an tỉnh", "2023-01", "2023-05", 2)
    ]


def test_abbreviations_compare_equal_and_the_fullest_spelling_is_kept():
    assert compare_key("Chủ tịch UBND tỉnh Quảng Nam") == compare_key(
        "Chủ tịch Ủy ban nhân dân tỉnh Quảng Nam"
    )
    assert compare_key("Bí thư Thành ủy TP.HCM") == compare_key(
        "Bí thư Thành ủy Thành phố Hồ Chí Minh"
    )
    assert compare_key("Chủ tịch Ủy ban T.Ư MTTQ") == compare_key(
        "Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc"
    )
    assert compare_key("Bộ trưởng Bộ Tư pháp") != compare_key("Bộ trưởng Bộ Trung ương pháp")
    metas = {
        1: meta("2024-01", official("Phan Văn Mãi", "Chủ tịch UBND tỉnh Bến Tre")),
        2: meta("2024-02", official("Phan Văn Mãi", "Chủ tịch Uỷ ban nhân dân tỉnh Bến Tre")),
    }
    [person] = build_directory(metas)
    assert [t.text for t in person.titles] == ["Chủ tịch Uỷ ban nhân dân tỉnh Bến Tre"]


def test_a_deputy_title_is_not_folded_into_the_head_title():
    metas = {
        1: meta("2023-01", official("Trần Văn Nam", "Phó Giám đốc Sở Tài chính tỉnh Nam Định")),
        2: meta("2024-06", official("Trần Văn Nam", "Giám đốc Sở Tài chính tỉnh Nam Định")),
    }
    [person] = build_directory(metas)  # a promotion: one person, two titles in order
    assert [(t.text, t.first) for t in person.titles] == [
        ("Phó Giám đốc Sở Tài chính tỉnh Nam Định", "2023-01"),
        ("Giám đốc Sở Tài chính tỉnh Nam Định", "2024-06"),
    ]
    assert person.note is None


def test_namesakes_in_two_provinces_are_kept_apart_with_a_note():
    metas = {
        1: meta("2024-01", official("Nguyễn Văn Hùng", "Chủ tịch UBND tỉnh Quảng Nam")),
        2: meta("2024-02", official("Nguyễn Văn Hùng", "Giám đốc Sở Y tế tỉnh Bình Định")),
        3: meta("2024-03", official("Nguyễn Văn Hùng", "Chủ tịch UBND tỉnh Quảng Nam")),
    }
    people = build_directory(metas)
    assert len(people) == 2
    quang_nam, binh_dinh = people  # the one seen in more articles first
    assert quang_nam.article_ids == [3, 1] and binh_dinh.article_ids == [2]
    assert quang_nam.key != binh_dinh.key
    assert "Quảng Nam" in quang_nam.note and "Bình Định" in quang_nam.note
    assert not quang_nam.ambiguous and not binh_dinh.ambiguous


def test_a_bare_mention_that_could_be_either_namesake_is_marked_ambiguous():
    metas = {
        1: meta("2024-01", official("Nguyễn Văn Hùng", "Chủ tịch UBND tỉnh Quảng Nam")),
        2: meta("2024-02", official("Nguyễn Văn Hùng", "Giám đốc Sở Y tế tỉnh Bình Định")),
        3: meta("2024-03", official("Nguyễn Văn Hùng", "Chủ tịch")),
    }
    people = build_directory(metas)
    [unsure] = [p for p in people if p.ambiguous]
    assert unsure.article_ids == [3]
    assert "Quảng Nam" in unsure.note and "Bình Định" in unsure.note
    assert sorted(a for p in people for a in p.article_ids) == [1, 2, 3]


def test_the_rest_of_the_article_tells_which_namesake_it_is():
    metas = {
        1: meta("2024-01", official("Nguyễn Văn Hùng", "Chủ tịch UBND tỉnh Quảng Nam")),
        2: meta("2024-02", official("Nguyễn Văn Hùng", "Giám đốc Sở Y tế tỉnh Bình Định")),
        3: meta("2024-03", official("Nguyễn Văn Hùng", "Chủ tịch"),
                official("Lê Thị Hoa", "Phó Chủ tịch UBND tỉnh Quảng Nam")),
    }  # fmt: skip
    people = build_directory(metas)
    assert not any(p.ambiguous for p in people)
    [quang_nam] = [p for p in people if p.key.endswith("quang-nam")]
    assert quang_nam.article_ids == [3, 1]


def test_ranks_that_go_backwards_are_two_people():
    metas = {
        1: meta("2023-04", official("Phạm Văn Đức", rank="Đại tá")),
        2: meta("2024-04", official("Phạm Văn Đức", rank="Thiếu tá")),
    }
    people = build_directory(metas)
    assert len(people) == 2
    assert all("ranks go backwards" in p.note for p in people)


def test_a_promotion_in_rank_reads_as_one_timeline():
    metas = {
        1: meta("2021-09", official("Phạm Văn Đức", "Giám đốc Công an tỉnh Hà Nam", rank="Đại tá")),
        2: meta("2023-02", official("Phạm Văn Đức", "Giám đốc Công an tỉnh Hà Nam",
                                    rank="Thiếu tướng")),
        3: meta("2022-01", official("Phạm Văn Đức", rank="Đại tá")),
    }  # fmt: skip
    [person] = build_directory(metas)
    assert [(r.text, r.first, r.last) for r in person.ranks] == [
        ("Đại tá", "2021-09", "2022-01"),
        ("Thiếu tướng", "2023-02", "2023-02"),
    ]
    assert person.article_ids == [2, 3, 1]


def test_a_title_under_a_province_merged_in_2025_is_the_same_person():
    metas = {
        1: meta("2024-03", official("Võ Văn Tùng", "Phó Chủ tịch UBND tỉnh Quảng Nam")),
        2: meta("2025-09", official("Võ Văn Tùng", "Phó Chủ tịch UBND thành phố Đà Nẵng")),
    }
    assert len(build_directory(metas)) == 1


def test_former_titles_stay_apart_and_run_ons_do_not_name_a_title():
    metas = {i: meta("2017-05", official("Đinh La Thăng", "Bí thư Thành ủy TP.HCM"))
             for i in range(1, 9)}  # fmt: skip
    metas[9] = meta("2017-06", official("Đinh La Thăng", "Bí thư Thành ủy TP.HCM tại buổi lễ"))
    metas[10] = meta("2017-07", official("Đinh La Thăng", "nguyên Bí thư Thành ủy TP.HCM"))
    [person] = build_directory(metas)
    texts = {t.text: t.articles for t in person.titles}
    assert texts == {"Bí thư Thành ủy TP.HCM": 9, "nguyên Bí thư Thành ủy TP.HCM": 1}


def test_directory_order_and_undated_articles():
    metas = {
        1: meta(None, official("Bùi Thị An", "Giám đốc")),
        2: meta("2024-01", official("Bùi Thị An", "Giám đốc")),
        3: meta("2024-01", official("Âu Văn Bé", "Trưởng phòng")),
    }
    people = build_directory(metas)
    assert [p.name for p in people] == ["Bùi Thị An", "Âu Văn Bé"]
    assert people[0].article_ids == [2, 1]  # undated last
    assert (people[0].first, people[0].last) == ("2024-01", "2024-01")


def test_find_people_by_name_prefixes_and_titles():
    metas = {
        1: meta("2024-01", official("Nguyễn Thị Thủy", "Giám đốc Sở Y tế tỉnh Nghệ An")),
        2: meta("2024-01", official("Nguyễn Văn Thụy", "Chủ tịch UBND tỉnh Yên Bái")),
        3: meta("2024-01", official("Trần Hưng", "Phó Giám đốc Sở Y tế tỉnh Nghệ An")),
    }
    people = build_directory(metas)
    names = lambda q: [p.name for p in find_people(people, q)]  # noqa: E731
    assert names("nguyen th") == ["Nguyễn Thị Thủy", "Nguyễn Văn Thụy"]
    assert names("thuy") == ["Nguyễn Thị Thủy", "Nguyễn Văn Thụy"]
    assert names("Thủy") == ["Nguyễn Thị Thủy"]  # diacritics given: exact
    assert names("Thuỷ") == ["Nguyễn Thị Thủy"]  # old tone placement in the query
    assert names("yen bai") == ["Nguyễn Văn Thụy"]  # a title matches
    assert names("hung") == ["Trần Hưng"]
    assert names("Hùng") == []
    assert names("") == [p.name for p in people]
