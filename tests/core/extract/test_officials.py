"""Officials: names, ranks and titles in the constructions Vietnamese news uses."""

from __future__ import annotations

import unicodedata

from tui_reader.extract import extract


def officials(body: str, title: str = "Tin địa phương") -> dict[str, tuple[str | None, list[str]]]:
    return {o.name: (o.rank, o.titles) for o in extract(title, body).officials}


def test_rank_name_then_titles_after_commas():
    got = officials(
        "Thiếu tướng Lê Văn Bình, Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Công an tỉnh "
        "phát biểu tại hội nghị."
    )
    assert got == {
        "Lê Văn Bình": ("Thiếu tướng", ["Ủy viên Ban Thường vụ Tỉnh ủy", "Giám đốc Công an tỉnh"])
    }


def test_titles_before_the_name():
    got = officials("Chủ tịch nước Võ Minh Khang và Bộ trưởng Bộ Y tế Đặng Thu Hà đến dự.")
    assert got["Võ Minh Khang"] == (None, ["Chủ tịch nước"])
    assert got["Đặng Thu Hà"] == (None, ["Bộ trưởng Bộ Y tế"])


def test_comma_separated_titles_before_the_name():
    got = officials("Ủy viên Bộ Chính trị, Phó Thủ tướng Hoàng Đức Long chủ trì buổi làm việc.")
    assert got["Hoàng Đức Long"][1] == ["Ủy viên Bộ Chính trị", "Phó Thủ tướng"]


def test_title_shared_by_a_list_after_a_colon():
    got = officials(
        "Nhân dịp này, các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: Trần Thị Mai, Trưởng Ban "
        "Tuyên giáo Tỉnh ủy; Đại tá Phạm Quốc Việt, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh "
        "đã trao quà."
    )
    assert got["Trần Thị Mai"][1] == [
        "Ủy viên Ban Thường vụ Tỉnh ủy",
        "Trưởng Ban Tuyên giáo Tỉnh ủy",
    ]
    rank, titles = got["Phạm Quốc Việt"]
    assert rank == "Đại tá"
    assert "Ủy viên Ban Thường vụ Tỉnh ủy" in titles
    assert "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh" in titles


def test_plural_title_before_a_list_of_names():
    got = officials("Cùng dự có các Phó Chủ tịch UBND tỉnh Lò Văn Sinh, Hà Thị Nga, Bế Văn Toàn.")
    for name in ("Lò Văn Sinh", "Hà Thị Nga", "Bế Văn Toàn"):
        assert got[name][1] == ["Phó Chủ tịch UBND tỉnh"], name


def test_committee_completes_the_first_title():
    got = officials(
        "Bà Ngô Thị Lan, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy, Chủ tịch Ủy ban "
        "MTTQ tỉnh cho biết như vậy."
    )
    assert got["Ngô Thị Lan"][1] == [
        "Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy", "Chủ tịch Ủy ban MTTQ tỉnh",
    ]  # fmt: skip


def test_former_and_standing_deputy_are_kept():
    got = officials(
        "Tham dự có ông Đào Văn Tâm, nguyên Thứ trưởng Bộ Quốc phòng và bà Lý Thu Trang, "
        "Phó Bí thư Thường trực Tỉnh ủy."
    )
    assert got["Đào Văn Tâm"][1] == ["nguyên Thứ trưởng Bộ Quốc phòng"]
    assert got["Lý Thu Trang"][1] == ["Phó Bí thư Thường trực Tỉnh ủy"]


def test_kiem_and_dash_share_the_organisation():
    got = officials(
        "Ông Vi Văn Hòa, Chánh Văn phòng kiêm người phát ngôn của UBND tỉnh Lạng Sơn trả lời. "
        "Bà Kiều Thị Hạnh - Phó Chủ tịch - Tổng Thư ký Hội Chữ thập đỏ tỉnh phát biểu."
    )
    assert got["Vi Văn Hòa"][1] == [
        "Chánh Văn phòng UBND tỉnh Lạng Sơn", "người phát ngôn của UBND tỉnh Lạng Sơn",
    ]  # fmt: skip
    assert got["Kiều Thị Hạnh"][1] == [
        "Phó Chủ tịch Hội Chữ thập đỏ tỉnh", "Tổng Thư ký Hội Chữ thập đỏ tỉnh",
    ]  # fmt: skip


def test_later_mentions_merge_and_are_all_listed():
    body = (
        "Thiếu tướng Đầu Văn Sơn, Giám đốc Công an tỉnh chủ trì. Sau đó, Thiếu tướng Sơn "
        "đi kiểm tra. Đồng chí Đầu Văn Sơn nhấn mạnh yêu cầu."
    )
    result = extract("Tin", body).officials
    assert [o.name for o in result] == ["Đầu Văn Sơn"]
    spans = result[0].mentions
    assert [body[s:e] for s, e in spans] == ["Đầu Văn Sơn", "Sơn", "Đầu Văn Sơn"]


def test_old_and_new_tone_spelling_is_one_title_in_the_longer_form():
    got = officials(
        "Ông Mai Văn Quý, Bí thư Tỉnh uỷ phát biểu. Bí thư Tỉnh ủy Hà Giang Mai Văn Quý nói thêm."
    )
    assert got["Mai Văn Quý"][1] == ["Bí thư Tỉnh ủy Hà Giang"]


def test_nfd_input_gives_the_same_officials_and_spans_into_it():
    body = "Phó Chủ tịch UBND tỉnh Nguyễn Thị Thủy phát biểu. Bà Thủy cho biết thêm."
    nfd = unicodedata.normalize("NFD", body)
    expected = {"Nguyễn Thị Thủy": (None, ["Phó Chủ tịch UBND tỉnh"])}
    assert officials(nfd) == officials(body) == expected
    spans = extract("Tin", nfd).officials[0].mentions
    assert [unicodedata.normalize("NFC", nfd[s:e]) for s, e in spans] == ["Nguyễn Thị Thủy", "Thủy"]


def test_foreign_names_after_a_title():
    got = officials(
        "Đại sứ Liên bang Nga tại Việt Nam Konstantin V.Vnukov trao huân chương. "
        "Thị trưởng thành phố Augsburg Eva Weber phát biểu."
    )
    assert got["Konstantin V.Vnukov"][1] == ["Đại sứ Liên bang Nga tại Việt Nam"]
    assert got["Eva Weber"][1] == ["Thị trưởng thành phố Augsburg"]


def test_places_are_not_people_but_president_ho_chi_minh_is():
    got = officials(
        "Chủ tịch UBND Thành phố Hồ Chí Minh Phan Văn Mãi và Bí thư Tỉnh ủy Hà Tĩnh Lê Đình Sơn "
        "nhắc lời Chủ tịch Hồ Chí Minh."
    )
    assert set(got) == {"Phan Văn Mãi", "Lê Đình Sơn", "Hồ Chí Minh"}
    assert got["Phan Văn Mãi"][1] == ["Chủ tịch UBND Thành phố Hồ Chí Minh"]
    assert got["Hồ Chí Minh"][1] == ["Chủ tịch"]


def test_degrees_honours_and_untitled_people_are_left_out():
    got = officials(
        "PGS.TS Lê Quang Huy, Hiệu trưởng Trường Đại học Y phát biểu. Anh hùng Lao động "
        "Trần Văn Tư và chị Phạm Thị Hoa cũng có mặt."
    )
    assert got == {"Lê Quang Huy": (None, ["Hiệu trưởng Trường Đại học Y"])}


def test_school_named_after_a_person_is_not_a_person():
    got = officials("Thầy Lê Văn Hải, Hiệu trưởng Trường THPT Lê Quý Đôn cho biết.")
    assert got == {"Lê Văn Hải": (None, ["Hiệu trưởng Trường THPT Lê Quý Đôn"])}


def test_title_through_a_role_verb():
    got = officials(
        "Ông Lưu Đức Thành từng đảm nhiệm các chức vụ Giám đốc Sở Xây dựng, Bí thư Huyện ủy "
        "Yên Lạc."
    )
    assert got["Lưu Đức Thành"][1] == ["Giám đốc Sở Xây dựng", "Bí thư Huyện ủy Yên Lạc"]


def test_relieved_post_goes_to_the_person_named_after_it():
    got = officials(
        "Giám đốc Sở Nội vụ Lê Quang Vinh cho biết HĐND đã miễn nhiệm chức danh Phó Chủ tịch "
        "UBND thành phố đối với ông Tạ Văn Hiển."
    )
    assert got["Lê Quang Vinh"][1] == ["Giám đốc Sở Nội vụ"]
    assert got["Tạ Văn Hiển"][1] == ["Phó Chủ tịch UBND thành phố"]


def test_headline_titles_a_person_the_body_names_without_title():
    result = extract(
        "Đại tá Hà Minh Tuấn làm Giám đốc Công an tỉnh", "Ông Hà Minh Tuấn sinh năm 1972."
    ).officials
    assert [(o.name, o.rank, o.titles) for o in result] == [
        ("Hà Minh Tuấn", "Đại tá", ["Giám đốc Công an tỉnh"])
    ]
    assert result[0].mentions == [(4, 16)]


def test_districts_and_companies_named_like_people_are_not_people():
    got = officials(
        "Ông Đỗ Văn Nam, Chủ tịch UBND huyện Thạch Thành và ông Vi Thị Thu, Giám đốc Công ty "
        "TNHH Vàng Phước Minh có mặt. Trưởng Ban tổ chức Lý Văn Hòa phát biểu."
    )
    assert got == {
        "Đỗ Văn Nam": (None, ["Chủ tịch UBND huyện Thạch Thành"]),
        "Vi Thị Thu": (None, ["Giám đốc Công ty TNHH Vàng Phước Minh"]),
        "Lý Văn Hòa": (None, ["Trưởng Ban tổ chức"]),
    }


def test_a_one_holder_title_after_a_comma_is_a_new_clause():
    got = officials(
        "Chủ tịch Quốc hội Lào Pany Yathotou đón đoàn. Nhắc tới Đại tướng Võ Nguyên Giáp, "
        "Chủ tịch Quốc hội Lào khẳng định tình hữu nghị."
    )
    assert got["Pany Yathotou"][1] == ["Chủ tịch Quốc hội Lào"]
    assert got["Võ Nguyên Giáp"] == ("Đại tướng", [])


def test_one_off_roles_and_compounds_are_not_titles():
    got = officials(
        "Ông Lê Văn Ân, Trưởng đoàn kiểm tra, cho biết tăng trưởng Nguyễn Văn Bình đạt 7%. "
        "Lớp trưởng Trần Văn Tư và Trưởng đoàn ĐBQH tỉnh Hà Thị Lan cùng dự."
    )
    assert got == {"Hà Thị Lan": (None, ["Trưởng đoàn ĐBQH tỉnh"])}


def test_title_comma_rank_name_and_former_title_after_the_name():
    got = officials(
        "Bộ trưởng Bộ Công an, Đại tướng Tô Lâm đến thăm. Ông Phạm Văn Đồng, nguyên Thủ tướng, "
        "từng nói."
    )
    assert got == {
        "Tô Lâm": ("Đại tướng", ["Bộ trưởng Bộ Công an"]),
        "Phạm Văn Đồng": (None, ["nguyên Thủ tướng"]),
    }


def test_degree_between_title_and_name_and_self_standing_heads():
    got = officials(
        "Hiệu trưởng PGS.TS Lưu Trang phát biểu. Ông Lý Văn Kha, Phó Thủ tướng kiêm Bộ trưởng "
        "Bộ Nội vụ Lào, tại Lễ ký kết cho biết."
    )
    assert got == {
        "Lưu Trang": (None, ["Hiệu trưởng"]),
        "Lý Văn Kha": (None, ["Phó Thủ tướng", "Bộ trưởng Bộ Nội vụ Lào"]),
    }


def test_ship_commanders_and_a_title_before_a_colon_with_the_name_reversed():
    got = officials(
        "Tàu tuần tra KUNASHIR do Trung tá Ivan Petrov, Chỉ huy tàu dẫn đầu đã cập cảng. Tàu dài "
        "90 m, Thuyền trưởng: Petrov Ivan và 40 thủy thủ. Hạm trưởng Lê Văn Hải đón đoàn."
    )
    assert got == {
        "Ivan Petrov": ("Trung tá", ["Chỉ huy tàu", "Thuyền trưởng"]),
        "Lê Văn Hải": (None, ["Hạm trưởng"]),
    }
    # in lower case the same words are a verb and a job, not titles
    assert officials("Ông Lê Văn Hải chỉ huy tàu cá, bà Trần Thị Mai là thư ký tòa.") == {}


def test_religious_dignitaries_and_their_posts():
    got = officials(
        "Dự lễ có chư tôn Trưởng lão Chứng minh Ban Trị sự GHPGVN tỉnh An Giang: Hòa thượng Thích "
        "Thiện Tâm, Hòa thượng Thích Minh Đạo; Thượng tọa Thích Huệ Phát, Chánh Thư ký Ban Trị sự "
        "tỉnh."
    )
    assert got == {
        "Thích Thiện Tâm": (None, ["Chứng minh Ban Trị sự GHPGVN tỉnh An Giang"]),
        "Thích Minh Đạo": (None, ["Chứng minh Ban Trị sự GHPGVN tỉnh An Giang"]),
        "Thích Huệ Phát": (None, ["Chánh Thư ký Ban Trị sự tỉnh"]),
    }


def test_a_name_right_after_a_place_and_transliterated_names():
    got = officials(
        "Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Lai Châu Giàng Páo Mỷ phát biểu. Đồng chí Xổm-phon "
        "Phôm-vi-hản, Bí thư Tỉnh ủy,Tỉnh trưởng tỉnh U Đôm Xay cảm ơn."
    )
    assert got["Giàng Páo Mỷ"] == (None, ["Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh Lai Châu"])
    assert got["Xổm-phon Phôm-vi-hản"] == (None, ["Bí thư Tỉnh ủy", "Tỉnh trưởng tỉnh U Đôm Xay"])


def test_a_post_given_to_a_list_after_doi_voi_and_a_former_post_after_nguyen_la():
    got = officials(
        "Giám đốc Công an tỉnh quyết định bổ nhiệm giữ chức phó trưởng phòng Cảnh sát giao thông "
        "đối với 2 cán bộ gồm: Thiếu tá Lê Văn Nam (đội trưởng Đội 3) và đại úy Trần Thị Hoa. "
        "Đại úy Trần Thị Hoa nguyên là Trưởng công an xã Tân Lập."
    )
    assert sorted(got["Lê Văn Nam"][1]) == [
        "phó trưởng phòng Cảnh sát giao thông",
        "đội trưởng Đội 3",
    ]
    rank, titles = got["Trần Thị Hoa"]
    assert rank.lower() == "đại úy"
    assert sorted(titles) == [
        "nguyên Trưởng công an xã Tân Lập",
        "phó trưởng phòng Cảnh sát giao thông",
    ]


def test_posts_held_or_lost_in_a_later_clause():
    got = officials(
        "Năm 2019, ông Lê Văn Tám chuyển công tác là Chủ tịch Hội Nông dân tỉnh. Sau đó ông Phạm "
        "Quang Vinh đã có đơn xin thôi Ủy viên Ban Thường vụ Tỉnh ủy, như vậy không còn là Bí thư "
        "Huyện ủy Yên Lạc. Ông Tám cho biết người chịu trách nhiệm là Giám đốc Sở Xây dựng."
    )
    assert got == {
        "Lê Văn Tám": (None, ["Chủ tịch Hội Nông dân tỉnh"]),
        "Phạm Quang Vinh": (None, ["Ủy viên Ban Thường vụ Tỉnh ủy", "Bí thư Huyện ủy Yên Lạc"]),
    }


def test_head_of_a_body_named_before_do_and_party_committee_of_the_next_post():
    got = officials(
        "Hội đồng Thi đua - Khen thưởng tỉnh do ông Nguyễn Văn Hùng làm Chủ tịch đã họp. Ông Trần "
        "Văn Lộc, Bí thư Đảng ủy, Chủ tịch UBND xã Hòa Phong và Đại tá Lê Minh Tâm, Bí thư Đảng "
        "ủy, Giám đốc Công an tỉnh cùng dự."
    )
    assert got["Nguyễn Văn Hùng"][1] == ["Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh"]
    assert got["Trần Văn Lộc"][1] == ["Bí thư Đảng ủy xã Hòa Phong", "Chủ tịch UBND xã Hòa Phong"]
    assert got["Lê Minh Tâm"][1] == ["Bí thư Đảng ủy Công an tỉnh", "Giám đốc Công an tỉnh"]


def test_dashes_inside_a_body_and_a_title_running_into_the_next_rank_and_name():
    got = officials(
        "Dự có Thủ tướng Lê Văn Hòa, Chủ tịch Hội đồng Thi đua - Khen thưởng Trung ương; Tổng Tư "
        "lệnh Quân đội Hoàng gia Thống tướng Pol Saroeun, Tư lệnh lực lượng Hiến binh Thống tướng "
        "Sao Sokha cùng Thứ trưởng và đoàn công tác."
    )
    assert got["Lê Văn Hòa"][1] == [
        "Thủ tướng",
        "Chủ tịch Hội đồng Thi đua - Khen thưởng Trung ương",
    ]
    assert got["Pol Saroeun"] == ("Thống tướng", ["Tổng Tư lệnh Quân đội Hoàng gia"])
    assert got["Sao Sokha"] == ("Thống tướng", ["Tư lệnh lực lượng Hiến binh"])


def test_a_chain_of_titles_after_va_belongs_to_the_second_person():
    got = officials(
        "Chiều 5/7, Phó Thủ tướng Lê Văn Thành và Ủy viên Bộ Chính trị, Trưởng ban Dân vận Trung "
        "ương Trần Thị Mai đến thăm. Bộ trưởng làm việc với Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh "
        "Đặng Quốc Khánh."
    )
    assert got["Lê Văn Thành"][1] == ["Phó Thủ tướng"]
    assert got["Trần Thị Mai"][1] == ["Ủy viên Bộ Chính trị", "Trưởng ban Dân vận Trung ương"]
    assert got["Đặng Quốc Khánh"][1] == ["Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]


def test_comma_inside_a_programme_name_and_a_caption_after_a_place():
    got = officials(
        "Ông Trần Văn Nhung, Giám đốc Bệnh viện Phổi, Chủ nhiệm Chương trình phòng, chống lao "
        "Quốc gia phát biểu. Ông Lê Thanh Sơn, nguyên Chủ tịch UBND tỉnh Khánh Hòa Ban cán sự "
        "đảng UBND tỉnh có vi phạm."
    )
    assert got["Trần Văn Nhung"][1] == [
        "Giám đốc Bệnh viện Phổi", "Chủ nhiệm Chương trình phòng, chống lao Quốc gia",
    ]  # fmt: skip
    assert got["Lê Thanh Sơn"][1] == ["nguyên Chủ tịch UBND tỉnh Khánh Hòa"]


def test_a_capitalised_verb_phrase_right_after_a_body_word_is_its_name():
    got = officials(
        "Ông Lê Thành Phương, nguyên Giám đốc Sở Thông tin và Truyền thông tỉnh, cùng Thiếu tướng "
        "Thaw Lwin, Cục trưởng Cục Thông tin dự lễ. Bộ trưởng Bộ Thông tin và Truyền thông Trương "
        "Minh Tuấn phát biểu."
    )
    assert got["Trương Minh Tuấn"][1] == ["Bộ trưởng Bộ Thông tin và Truyền thông"]
    assert got["Lê Thành Phương"][1] == ["nguyên Giám đốc Sở Thông tin và Truyền thông tỉnh"]
    assert got["Thaw Lwin"] == ("Thiếu tướng", ["Cục trưởng Cục Thông tin"])


def test_a_foreign_name_before_its_title_after_a_comma():
    got = officials(
        "Nhà lãnh đạo Kim Jong-un, Chủ tịch Ủy ban Quốc vụ Triều Tiên, thị sát. Bộ trưởng Quốc "
        "phòng Nhật Bản Tomomi Inada đến thăm. Theo Báo Infonet, Giám đốc Sở Y tế cho biết. Thủ "
        "tướng Ấn Độ Narendra Modi, Tổng thống Mỹ Donald Trump dự."
    )
    assert got == {
        "Kim Jong-un": (None, ["Chủ tịch Ủy ban Quốc vụ Triều Tiên"]),
        "Tomomi Inada": (None, ["Bộ trưởng Quốc phòng Nhật Bản"]),
        "Narendra Modi": (None, ["Thủ tướng Ấn Độ"]),
        "Donald Trump": (None, ["Tổng thống Mỹ"]),
    }


def test_chief_of_staff_lao_committee_and_a_caption_after_a_company():
    got = officials(
        "Thượng tướng Phạm Văn Minh - Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam dự. Đi "
        "cùng có Khampheuy Keokinnaly, Phó Chủ tịch Ủy ban hợp tác Lào-Việt Nam. Ông Nguyễn Quốc "
        "Hiệp, Chủ tịch Công ty CP Toàn Cầu Lãnh đạo UBND TP cũng chỉ đạo."
    )
    assert got == {
        "Phạm Văn Minh": (
            "Thượng tướng",
            ["Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam"],
        ),
        "Khampheuy Keokinnaly": (None, ["Phó Chủ tịch Ủy ban hợp tác Lào-Việt Nam"]),
        "Nguyễn Quốc Hiệp": (None, ["Chủ tịch Công ty CP Toàn Cầu"]),
    }


def test_a_title_before_a_colon_heads_the_names_after_it_not_the_name_before():
    got = officials(
        "Đến dự có Tổng Bí thư Lê Văn Trọng, nguyên Tổng Bí thư: Lê Khả Hiếu, Nông Văn Mạnh; Thủ "
        "tướng Phạm Minh Tâm. Ông Bùi Xuân Cường, Giám đốc Sở GTVT: “Sẽ xử lý”."
    )
    assert got == {
        "Lê Văn Trọng": (None, ["Tổng Bí thư"]),
        "Lê Khả Hiếu": (None, ["nguyên Tổng Bí thư"]),
        "Nông Văn Mạnh": (None, ["nguyên Tổng Bí thư"]),
        "Phạm Minh Tâm": (None, ["Thủ tướng"]),
        "Bùi Xuân Cường": (None, ["Giám đốc Sở GTVT"]),
    }


def test_posts_won_in_an_election_or_by_appointment():
    got = officials(
        "Ông Lê Ngọc Trữ trúng cử Ủy viên UBND TP Hải Phòng với 64/67 phiếu. Bà Trần Thị Lan "
        "được bổ nhiệm Phó Giám đốc Sở Y tế. Lễ đón 3 tân phó cục trưởng do Đại tá Đỗ Văn Bình chủ "
        "trì."
    )
    assert got == {
        "Lê Ngọc Trữ": (None, ["Ủy viên UBND TP Hải Phòng"]),
        "Trần Thị Lan": (None, ["Phó Giám đốc Sở Y tế"]),
        "Đỗ Văn Bình": ("Đại tá", []),
    }


def test_long_lower_case_names_of_departments_are_kept_whole():
    got = officials(
        "Bà Đinh Thị Thu Hà, Phó khoa Hồi sức tích cực và chống độc (Bệnh viện Đa khoa tỉnh) cho "
        "biết. Thượng tá Nguyễn Văn Hiểu, Phó Thủ trưởng cơ quan cảnh sát điều tra Công an huyện "
        "Sóc Sơn, xác nhận."
    )
    assert got["Đinh Thị Thu Hà"][1] == ["Phó khoa Hồi sức tích cực và chống độc"]
    assert got["Nguyễn Văn Hiểu"][1] == [
        "Phó Thủ trưởng cơ quan cảnh sát điều tra Công an huyện Sóc Sơn"
    ]


def test_the_agent_of_a_passive_appointment_does_not_take_the_post():
    got = officials(
        "Ông Phạm Văn Quý được bà Lê Thị Trà, khi còn Chủ tịch UBND tỉnh, ký quyết định bổ nhiệm "
        "làm Giám đốc Sở Tài chính."
    )
    assert got["Phạm Văn Quý"] == (None, ["Giám đốc Sở Tài chính"])
    assert "Giám đốc Sở Tài chính" not in got.get("Lê Thị Trà", (None, []))[1]


def test_a_post_held_at_the_time_of_the_events():
    got = officials(
        "Ông Lê Văn Vịnh đã câu kết với Trần Văn Quân (lúc đó là Chủ tịch xã Hải Yến) để lập hồ "
        "sơ khống. Bà Lê Thị Trà, khi còn Chủ tịch UBND tỉnh, ký quyết định."
    )
    assert got == {
        "Trần Văn Quân": (None, ["Chủ tịch xã Hải Yến"]),
        "Lê Thị Trà": (None, ["Chủ tịch UBND tỉnh"]),
    }


def test_delegations_and_youth_unions_are_not_names_and_a_colon_needs_people_after_it():
    got = officials(
        "Bà Phan Thị Mỹ Thanh, Phó Bí thư Tỉnh ủy, Trưởng Đoàn Đại biểu Quốc hội tỉnh Đồng Nai. "
        "Ý kiến các Phó Thủ tướng, Bộ trưởng các Bộ: Quốc phòng, Xây dựng đã rõ, Thủ tướng Lê Văn "
        "Phúc kết luận."
    )
    assert got == {
        "Phan Thị Mỹ Thanh": (
            None,
            ["Phó Bí thư Tỉnh ủy", "Trưởng Đoàn Đại biểu Quốc hội tỉnh Đồng Nai"],
        ),
        "Lê Văn Phúc": (None, ["Thủ tướng"]),
    }


def test_heads_of_sub_departments_forest_units_and_prisons():
    got = officials(
        "Ông Trần Viết Phương (Phó Giám đốc Sở NN&PTNT, kiêm Chi cục trưởng Chi cục Kiểm lâm) cho "
        "biết. Thượng tá Lê Văn Hòa, Giám thị Trại giam Xuân Lộc và ông Lê Văn Hà, Hạt trưởng Hạt "
        "kiểm lâm huyện Đắk Song dự."
    )
    assert got["Trần Viết Phương"][1] == [
        "Phó Giám đốc Sở NN&PTNT", "Chi cục trưởng Chi cục Kiểm lâm",
    ]  # fmt: skip
    assert got["Lê Văn Hòa"] == ("Thượng tá", ["Giám thị Trại giam Xuân Lộc"])
    assert got["Lê Văn Hà"] == (None, ["Hạt trưởng Hạt kiểm lâm huyện Đắk Song"])


def test_rank_written_before_the_title_after_a_comma():
    got = officials("Dự có Trung tướng, Tư lệnh Quân khu 7 Võ Minh Lương và đồng chí Lê Văn Hải.")
    assert got == {"Võ Minh Lương": ("Trung tướng", ["Tư lệnh Quân khu 7"])}


def test_organising_committees_and_juries_of_an_event_are_not_posts():
    got = officials(
        "Ông Nguyễn Đắc Tài, Trưởng Ban tổ chức Festival Biển, và ông Lê Văn Phúc, Trưởng Ban giám "
        "khảo, trao giải. Ông Phạm Minh Chính, Trưởng Ban Tổ chức Trung ương dự."
    )
    assert got == {"Phạm Minh Chính": (None, ["Trưởng Ban Tổ chức Trung ương"])}


def test_a_company_ending_in_a_family_name_before_a_full_name():
    got = officials(
        "Theo Phó Tổng Giám đốc Cty TNHH MTV Nam Triệu Bùi Hữu Hùng, công ty đã đóng 30 tàu. Ông "
        "Trần Nguyễn Minh Anh, Giám đốc Sở Y tế dự."
    )
    assert got == {
        "Bùi Hữu Hùng": (None, ["Phó Tổng Giám đốc Cty TNHH MTV Nam Triệu"]),
        "Trần Nguyễn Minh Anh": (None, ["Giám đốc Sở Y tế"]),
    }


def test_names_written_syllable_by_syllable_after_ong_and_before_their_title():
    got = officials(
        "Ông Phết Ta Von Phi La Văn, Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Luông Nậm Thà bày tỏ vinh "
        "dự. Ông Nay Y Blung, Chủ tịch UBND huyện Sơn Hòa cho biết."
    )
    assert got == {
        "Phết Ta Von Phi La Văn": (None, ["Bí thư Tỉnh ủy", "Tỉnh trưởng tỉnh Luông Nậm Thà"]),
        "Nay Y Blung": (None, ["Chủ tịch UBND huyện Sơn Hòa"]),
    }


def test_party_committee_membership_and_former_posts_after_the_name():
    got = officials(
        "Kỷ luật khai trừ ông Lâm Quốc Trung, nguyên Tỉnh ủy viên, nguyên Giám đốc Sở Nội vụ, "
        "nguyên Bí thư Huyện ủy Long Thành. Cảnh cáo bà Hà Thị Lan, Đảng ủy viên, Phó Giám đốc "
        "Sở Tài nguyên và Môi trường tỉnh; khiển trách ông Tô Văn Kiên."
    )
    assert got == {
        "Lâm Quốc Trung": (
            None,
            [
                "nguyên Tỉnh ủy viên",
                "nguyên Giám đốc Sở Nội vụ",
                "nguyên Bí thư Huyện ủy Long Thành",
            ],
        ),
        "Hà Thị Lan": (None, ["Đảng ủy viên", "Phó Giám đốc Sở Tài nguyên và Môi trường tỉnh"]),
    }


def test_thua_quyen_is_an_authorisation_not_an_acting_post():
    got = officials(
        "Thừa quyền Chủ tịch nước, Chủ tịch UBND tỉnh Quảng Trị Võ Văn Hưng trao Huân chương Lao "
        "động hạng Nhì cho Bệnh viện tỉnh."
    )
    assert got == {"Võ Văn Hưng": (None, ["Chủ tịch UBND tỉnh Quảng Trị"])}


def test_titles_after_a_birth_year_or_age_in_brackets():
    got = officials(
        "Cơ quan điều tra khởi tố ông Đặng Văn Ân (SN 1962), nguyên Phó Giám đốc Sở Xây dựng tỉnh "
        "Bình Thuận, và ông Lò Văn Sính (ngụ xã Tân Hòa), tài xế."
    )
    assert got == {"Đặng Văn Ân": (None, ["nguyên Phó Giám đốc Sở Xây dựng tỉnh Bình Thuận"])}


def test_a_department_named_with_a_verb_after_truong_phong():
    got = officials("Bà Lương Thị Hạnh, Trưởng phòng Tổ chức cán bộ Sở Y tế bị khiển trách.")
    assert got == {"Lương Thị Hạnh": (None, ["Trưởng phòng Tổ chức cán bộ Sở Y tế"])}


def test_a_service_word_between_rank_and_name():
    got = officials(
        "Á hậu, Thiếu úy quân nhân Đỗ Ngọc Châu Anh và Đại úy công an Lê Văn Tám dự họp báo."
    )
    assert got == {"Đỗ Ngọc Châu Anh": ("Thiếu úy", []), "Lê Văn Tám": ("Đại úy", [])}


def test_acting_post_of_any_head():
    # "quyền" before a head means the person acts in that post; it was only known for a few
    # listed heads, so "quyền Chánh Thanh tra" lost both the post and the person. It is part of
    # the title, as "nguyên" is, but not after "thừa ủy", where it is the authorisation.
    got = officials(
        "Ngày 17/2, ông Lý Văn Tân, quyền Chánh Thanh tra Bộ Nội vụ thông tin vụ việc. "
        "Bà Đỗ Thị Mai thừa ủy quyền Chủ tịch UBND tỉnh trao quà."
    )
    assert got["Lý Văn Tân"] == (None, ["quyền Chánh Thanh tra Bộ Nội vụ"])
    assert "Đỗ Thị Mai" not in got


def test_reporter_note_after_a_dash_is_not_part_of_the_title():
    # Papers annotate quotes in brackets and sign the note "- PV" (the reporter). The dash there
    # is not the dash inside a body's name ("Sở Văn hóa - Thể thao"), so the title stops before.
    got = officials("“Chúng tôi đồng ý (bà Lò Thị Hoa, Bí thư Lai Châu - PV) từ đầu”, ông nói.")
    assert got["Lò Thị Hoa"] == (None, ["Bí thư Lai Châu"])


def test_organisation_word_before_a_foreign_name():
    # A capitalised word between a title and a foreign name can be the employer ("Interpol"):
    # when the article writes that word alone and the name without it, it belongs to the title.
    got = officials(
        "Tổng Thư ký Interpol Jurgen Stock dẫn đầu đoàn. Việt Nam gia nhập Interpol năm 1991. "
        "Ngài Jurgen Stock cảm ơn."
    )
    assert got == {"Jurgen Stock": (None, ["Tổng Thư ký Interpol"])}


def test_monarchs_with_a_number_or_a_single_name():
    # Kings and queens are titled by position and named by one name or a name and a number.
    # Guidelines count historical people, so "Vua George" is an official; "Anh" after the
    # title is England, not the honorific "anh".
    got = officials("Nữ hoàng Anh Elizabeth II lên ngôi sau khi cha là Vua George qua đời.")
    assert got == {
        "Elizabeth II": (None, ["Nữ hoàng Anh"]),
        "George": (None, ["Vua"]),
    }


def test_titles_after_a_name_with_the_comma_left_out():
    # Writers sometimes drop the comma between a name and its posts. One capitalised head after
    # a name is too weak a sign, but a chain of two posts joined by a comma is the person's.
    got = officials(
        "Dự lễ có bà Pany Yathotu Ủy viên Bộ Chính trị, Chủ tịch Quốc hội Lào và nhân dân."
    )
    assert got["Pany Yathotu"] == (None, ["Ủy viên Bộ Chính trị", "Chủ tịch Quốc hội Lào"])


def test_a_full_title_as_a_later_subject_completes_a_bare_one():
    # News names an official once with a bare head ("Chủ tịch Nguyễn Đức Chung") and later
    # refers to the post alone ("Chủ tịch UBND TP.Hà Nội chỉ đạo ..."). When only one person in
    # the article holds that head, the full post is theirs; a title that is not the subject of
    # its sentence ("được Chủ tịch UBND phường cấp phép") may be someone else's and is left.
    got = officials(
        "Tại cuộc họp giữa UBND TP.Hà Nội với các Sở, Chủ tịch Nguyễn Đức Chung yêu cầu báo "
        "cáo. Chủ tịch UBND TP.Hà Nội cũng chỉ đạo xử lý. Trường được Chủ tịch UBND phường "
        "Minh Khai cấp phép."
    )
    assert got == {"Nguyễn Đức Chung": (None, ["Chủ tịch UBND TP.Hà Nội"])}


def test_title_after_a_kinship_aside_and_the_province_for_tinh():
    # "ông A (em trai bà B, Bí thư X), Giám đốc Y": the bracket is about a relative, so the post
    # after it is A's, and B keeps the post written inside. The same post written once with a
    # generic "tỉnh" and once with the province's name is one title, kept in the longer form.
    got = officials(
        "Ông Phạm Văn Quý, Giám đốc Sở Tài nguyên môi trường tỉnh, đã ký. Trường hợp ông Phạm "
        "Văn Quý (em trai bà Phạm Thị Trà, Bí thư Tỉnh ủy Yên Bái), Giám đốc Sở Tài nguyên và "
        "Môi trường Yên Bái chưa đúng quy định."
    )
    assert got["Phạm Văn Quý"] == (None, ["Giám đốc Sở Tài nguyên và Môi trường Yên Bái"])
    assert got["Phạm Thị Trà"] == (None, ["Bí thư Tỉnh ủy Yên Bái"])


def test_capitalised_to_chuc_names_a_body_in_a_title():
    # "tổ chức" is usually the verb "organise" and ends an organisation, but capitalised and
    # followed by a capitalised name it is the body itself ("Tổ chức Thương mại Thế giới").
    got = officials("Ông Roberto Azevedo, Tổng Giám đốc Tổ chức Thương mại Thế giới phát biểu.")
    assert got == {"Roberto Azevedo": (None, ["Tổng Giám đốc Tổ chức Thương mại Thế giới"])}


def test_form_of_discipline_ends_the_title():
    # Discipline news writes the penalty right after the post: "bằng hình thức cảnh cáo" is
    # how the person is punished, not part of the Party committee's name.
    got = officials(
        "Bộ Chính trị kỷ luật ông Lê Văn Tám, Bí thư Thành ủy TP.HCM bằng hình thức cảnh cáo."
    )
    assert got == {"Lê Văn Tám": (None, ["Bí thư Thành ủy TP.HCM"])}


def test_captions_end_a_title_at_the_place_or_the_next_dated_sentence():
    # Photo captions run into the next text without a full stop. A bare capitalised "TP" is a
    # whole place (the city), so a verb after it is not part of the body; a capitalised time of
    # day before a date ("Sáng 10.5") opens the next sentence. Old state names are places too.
    got = officials(
        "Ông Tất Văn Cang - Phó Bí thư Thường trực Thành ủy TP dìu bà Huỳnh Thị Thơ. Ông Đinh "
        "Văn Thăng, Phó ban Kinh tế Trung ương Sáng 10.5 ông đến. Ông Phan Văn Tuệ, Phó Thủ "
        "tướng Chính phủ nước Việt Nam Dân chủ Cộng hòa."
    )
    assert got["Tất Văn Cang"] == (None, ["Phó Bí thư Thường trực Thành ủy TP"])
    assert got["Đinh Văn Thăng"] == (None, ["Phó ban Kinh tế Trung ương"])
    assert got["Phan Văn Tuệ"] == (None, ["Phó Thủ tướng Chính phủ nước Việt Nam Dân chủ Cộng hòa"])


def test_a_post_written_with_a_defined_abbreviation_is_listed_once():
    # Articles define a body's short name in brackets once ("Sở Tài nguyên và Môi trường
    # (TN-MT)") and use it later. The same post written with the short name is then the same
    # title, so only the long form is kept; a short name never defined is left alone.
    got = officials(
        "Ông Phạm Văn Quý, Giám đốc Sở Tài nguyên và Môi trường (TN-MT) đã ký. Trước đó, ông "
        "Phạm Văn Quý, Giám đốc Sở TN-MT, Chủ tịch Hội Cựu chiến binh HCB trả lời."
    )
    assert got["Phạm Văn Quý"] == (
        None,
        ["Giám đốc Sở Tài nguyên và Môi trường", "Chủ tịch Hội Cựu chiến binh HCB"],
    )
