"""Awards grouped by kind and by issuer, spelling variants and abbreviations merged."""

from __future__ import annotations

import unicodedata

import pytest

from tui_reader.award_summary import group_awards


def award(kind: str, issuer: str | None = None, recipients=(), presenters=(),
          collectives: int | None = None, individuals: int | None = None) -> dict:  # fmt: skip
    return {"award": kind, "issuer": issuer, "presenters": list(presenters),
            "recipients": list(recipients), "collectives": collectives,
            "individuals": individuals}  # fmt: skip


def meta(date: str | None, *awards: dict) -> dict:
    return {"title": "t", "date": date, "officials": [], "awards": list(awards)}


def test_empty_library_has_no_awards():
    assert group_awards({}) == []
    assert group_awards({1: meta("2024-01")}, by="issuer") == []


def test_unknown_grouping_is_refused():
    with pytest.raises(ValueError):
        group_awards({}, by="year")


def test_abbreviations_case_and_nfd_of_issuers_are_merged():
    metas = {
        1: meta("2024-01", award("Bằng khen", "Chủ tịch UBND tỉnh", individuals=3)),
        2: meta("2024-03", award("bằng khen", "Chủ tịch Ủy ban nhân dân tỉnh", individuals=2)),
        3: meta("2023-11", award(unicodedata.normalize("NFD", "Bằng khen"),
                                 "Chủ tịch Uỷ ban nhân dân tỉnh", collectives=4)),
    }  # fmt: skip
    [group] = group_awards(metas)
    assert group.award == "Bằng khen"
    assert group.article_ids == [2, 1, 3]
    assert (group.collectives, group.individuals) == (4, 5)
    assert (group.first, group.last) == ("2023-11", "2024-03")


def test_classes_of_an_order_are_different_kinds():
    metas = {
        1: meta("2024-01", award("Huân chương Lao động hạng Ba", "Chủ tịch nước")),
        2: meta("2024-02", award("Huân chương Lao động hạng Nhì", "Chủ tịch nước")),
        3: meta("2024-03", award("huân chương lao động hạng ba", "Chủ tịch nước")),
        4: meta("2024-04", award("Huân chương Lao động", "Chủ tịch nước")),
    }
    groups = group_awards(metas)
    assert [(g.award, len(g.article_ids)) for g in groups] == [
        ("Huân chương Lao động hạng Ba", 2),
        ("Huân chương Lao động", 1),
        ("Huân chương Lao động hạng Nhì", 1),
    ]


def test_a_shorter_issuer_folds_into_its_only_longer_form():
    metas = {
        1: meta("2024-01", award("Bằng khen", "Thủ tướng")),
        2: meta("2024-02", award("Bằng khen", "Thủ tướng Chính phủ")),
        3: meta("2024-02", award("Cờ thi đua", "Chính phủ")),
        4: meta("2024-03", award("Huân chương Độc lập hạng Nhất",
                                 "Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam")),
        5: meta("2024-04", award("Huân chương Độc lập hạng Nhất", "Chủ tịch nước")),
    }  # fmt: skip
    groups = {(g.award, g.issuer): g.article_ids for g in group_awards(metas)}
    assert groups == {
        ("Bằng khen", "Thủ tướng Chính phủ"): [2, 1],
        ("Cờ thi đua", "Chính phủ"): [3],
        ("Huân chương Độc lập hạng Nhất", "Chủ tịch nước"): [5, 4],
    }


def test_a_generic_issuer_is_not_guessed_to_be_one_province():
    metas = {
        1: meta("2024-01", award("Bằng khen", "UBND tỉnh Quảng Nam")),
        2: meta("2024-02", award("Bằng khen", "UBND tỉnh Bình Định")),
        3: meta("2024-03", award("Bằng khen", "UBND tỉnh")),
    }
    assert len(group_awards(metas, by="issuer")) == 3


def test_grouped_by_issuer_the_kinds_are_listed():
    metas = {
        1: meta("2024-01", award("Bằng khen", "Thủ tướng Chính phủ", recipients=["Lê Văn A"],
                                 presenters=["Phạm Minh Chính"])),
        2: meta("2024-05", award("Bằng khen", "Thủ tướng Chính phủ", recipients=["Lê Văn A"]),
                award("Cờ thi đua", "Thủ tướng Chính phủ", recipients=["Trường THPT X"])),
        3: meta("2024-02", award("Giấy khen")),
    }  # fmt: skip
    groups = group_awards(metas, by="issuer")
    assert [(g.issuer, g.award) for g in groups] == [
        ("Thủ tướng Chính phủ", "Bằng khen; Cờ thi đua"),
        (None, "Giấy khen"),
    ]
    first = groups[0]
    assert first.article_ids == [2, 1]
    assert first.recipients == ["Lê Văn A", "Trường THPT X"]
    assert first.presenters == ["Phạm Minh Chính"]


def test_recipients_are_merged_across_spellings():
    metas = {
        1: meta("2024-01", award("Bằng khen", recipients=["Nguyễn Thị Thuỷ"])),
        2: meta("2024-02", award("Bằng khen", recipients=["Nguyễn Thị Thủy"])),
        3: meta("2024-03", award("Bằng khen", recipients=["Nguyễn Thị Thủy", "Lê Hoa"])),
    }
    [group] = group_awards(metas)
    assert group.recipients == ["Nguyễn Thị Thủy", "Lê Hoa"]
    assert (group.collectives, group.individuals) == (0, 0)  # no counts given
