"""Awards: kind with class, issuer, presenters, recipients and counts of the reported event."""

from __future__ import annotations

from tui_reader.extract import extract


def awards(body: str) -> list[tuple[str, str | None, int | None, int | None]]:
    return [(a.award, a.issuer, a.collectives, a.individuals) for a in extract("Tin", body).awards]


def test_issuer_after_cua_and_counts():
    got = awards(
        "Dịp này, Đại tá Vũ Hữu Lộc, Giám đốc Công an tỉnh trao Giấy khen của Giám đốc Công an "
        "tỉnh cho 10 tập thể, 15 cá nhân có thành tích xuất sắc."
    )
    assert got == [("Giấy khen", "Giám đốc Công an tỉnh", 10, 15)]


def test_class_of_a_medal_and_authorised_issuer():
    body = (
        "Thừa ủy quyền của Chủ tịch nước, Phó Chủ tịch UBND tỉnh Lò Minh Hùng trao Huân chương "
        "Lao động hạng Ba cho Công ty Xây dựng số 4."
    )
    result = extract("Tin", body).awards
    assert [(a.award, a.issuer) for a in result] == [
        ("Huân chương Lao động hạng Ba", "Chủ tịch nước")
    ]
    assert result[0].presenters == ["Lò Minh Hùng"]
    assert result[0].mentions == [(0, len(body))]


def test_numbers_in_words_and_a_named_recipient_plus_others():
    assert awards("UBND huyện tặng Bằng khen cho hai đồng chí có thành tích.") == [
        ("Bằng khen", "UBND huyện", None, 2)
    ]
    assert awards(
        "Anh Tùng và 8 người khác vừa được Chủ tịch UBND xã trao giấy khen của UBND xã Ia Pa."
    ) == [("giấy khen", "UBND xã Ia Pa", None, 9)]


def test_badges_of_party_membership_read_respectively():
    got = awards(
        "Bí thư Tỉnh ủy trao Huy hiệu 50 năm, 45 năm và 30 năm tuổi Đảng cho các đảng viên "
        "lão thành."
    )
    assert [a for a, *_ in got] == [
        "Huy hiệu 50 năm tuổi Đảng", "Huy hiệu 45 năm tuổi Đảng", "Huy hiệu 30 năm tuổi Đảng",
    ]  # fmt: skip


def test_quoted_title_and_commemorative_medal():
    got = awards(
        "Ông Kha Văn Phú được tặng danh hiệu “Công dân Thủ đô ưu tú”. Bộ trưởng trao Kỷ niệm "
        "chương Vì sự nghiệp Giáo dục cho 5 cá nhân."
    )
    kinds = [a for a, *_ in got]
    assert kinds == ["danh hiệu “Công dân Thủ đô ưu tú”", "Kỷ niệm chương Vì sự nghiệp Giáo dục"]
    assert got[1][3] == 5


def test_history_and_general_talk_are_not_awards():
    assert (
        awards(
            "Đơn vị từng được tặng Huân chương Lao động hạng Nhì năm 2010. Em nhận được nhiều "
            "giấy khen của nhà trường."
        )
        == []
    )


def test_one_entry_per_award_and_issuer():
    got = awards(
        "Phó Chủ tịch UBND tỉnh trao Bằng khen của Chủ tịch UBND tỉnh cho 5 tập thể. Các tập "
        "thể nhận Bằng khen của Chủ tịch UBND tỉnh Yên Bái phấn khởi."
    )
    assert [(a, i) for a, i, *_ in got] == [("Bằng khen", "Chủ tịch UBND tỉnh Yên Bái")]


def test_plans_and_records_of_honours_are_not_awards():
    # what winners "sẽ nhận" is announced in the event (test above); a plan to give is not
    assert (
        awards("Năm tới, tỉnh sẽ trao bằng khen của Thủ tướng Chính phủ cho đơn vị dẫn đầu.") == []
    )
    assert (
        awards(
            "Ông được Đảng và Nhà nước tặng thưởng Huân chương Hồ Chí Minh, Huân chương Độc lập "
            "hạng Nhất, Huy hiệu 65 năm tuổi Đảng."
        )
        == []
    )


def test_organisation_as_the_subject_is_the_issuer():
    got = awards("Nhân dịp này, Đại sứ quán Việt Nam tại Đức đã trao tặng Giấy khen cho Hội.")
    assert got == [("Giấy khen", "Đại sứ quán Việt Nam tại Đức", None, None)]


def test_issuer_after_do_and_as_the_signer_of_the_decision():
    assert awards("Ông Hồng nhận Cờ thi đua do Thủ tướng Nguyễn Xuân Phúc trao tặng.") == [
        ("Cờ thi đua", "Thủ tướng", None, None)
    ]
    signed = "Chủ tịch nước đã ký quyết định tặng thưởng Huân chương Chiến công hạng Nhì."
    assert awards(signed) == [("Huân chương Chiến công hạng Nhì", "Chủ tịch nước", None, None)]
    # who hands an award over is a presenter, not its issuer
    assert awards("Bộ trưởng trao Bằng khen cho 5 cá nhân.") == [("Bằng khen", None, None, 5)]


def test_presenters_and_named_recipients():
    result = extract(
        "Tin",
        "Thừa ủy quyền của Chủ tịch nước, Bí thư Tỉnh ủy Phú Thọ Hoàng Dân Mạc trao tặng Huân "
        "chương Lao động hạng Nhất cho Công ty CP Licogi 14 và anh Lê Văn Tùng.",
    ).awards
    assert [(a.presenters, a.recipients) for a in result] == [
        (["Hoàng Dân Mạc"], ["Công ty CP Licogi 14", "Lê Văn Tùng"])
    ]


def test_counts_written_before_a_passive_award_and_long_kind_names():
    assert awards("Dịp này, 3 tập thể và 7 cá nhân được nhận Giấy khen của Giám đốc Sở Y tế.") == [
        ("Giấy khen", "Giám đốc Sở Y tế", 3, 7)
    ]
    got = awards(
        "Thứ trưởng trao Kỷ niệm chương Bảo vệ an ninh Tổ quốc cho 25 cá nhân. Bà Lò Thị Hương "
        "được truy tặng danh hiệu Bà mẹ Việt Nam anh hùng."
    )
    assert [a for a, *_ in got] == [
        "Kỷ niệm chương Bảo vệ an ninh Tổ quốc", "danh hiệu Bà mẹ Việt Nam anh hùng",
    ]  # fmt: skip


def test_counts_belong_to_the_award_they_follow_or_the_nearest_before():
    got = awards(
        "Công ty được nhận Cờ thi đua của Chính phủ, 5 cá nhân được nhận Bằng khen của Thủ tướng "
        "Chính phủ."
    )
    assert got == [
        ("Cờ thi đua", "Chính phủ", None, None), ("Bằng khen", "Thủ tướng Chính phủ", None, 5),
    ]  # fmt: skip


def test_numbers_of_medals_count_their_recipients_and_share_the_lead_issuer():
    got = awards(
        "Sáng 3/4, tại Vientiane diễn ra Lễ trao Huân chương của Chủ tịch nước Cộng hòa xã hội chủ "
        "nghĩa Việt Nam tặng cán bộ tỉnh bạn. Phó Chủ tịch nước trao 6 Huân chương Hữu nghị, 12 "
        "Huân chương Lao động hạng Ba tặng các đồng chí lãnh đạo 4 tỉnh của Lào."
    )
    issuer = "Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert got == [
        ("Huân chương Hữu nghị", issuer, None, 6),
        ("Huân chương Lao động hạng Ba", issuer, None, 12),
    ]
    assert awards("Bộ trưởng trao 4 Bằng khen cho các đơn vị xuất sắc.") == [
        ("Bằng khen", None, 4, None)
    ]


def test_awards_joined_by_va_share_their_giver_and_non_state_certificates_count():
    got = awards(
        "Nhân dịp này, Ban Trị sự tỉnh đã tặng Bằng công đức và Kỷ niệm chương cho chư Tăng Ni."
    )
    assert got == [
        ("Bằng công đức", "Ban Trị sự tỉnh", None, None),
        ("Kỷ niệm chương", "Ban Trị sự tỉnh", None, None),
    ]
    # each award keeps its own issuer when both are written
    got = awards("Hội được nhận Bằng khen của Bộ trưởng Bộ Y tế và Giấy khen của Sở Y tế.")
    assert [(a, i) for a, i, *_ in got] == [
        ("Bằng khen", "Bộ trưởng Bộ Y tế"), ("Giấy khen", "Sở Y tế"),
    ]  # fmt: skip


def test_tournament_medals_places_and_many_medals_are_not_awards():
    assert awards("Ban tổ chức trao cúp và huy chương vàng cho đội vô địch giải futsal.") == []
    assert awards("Nhân dịp này, CLB Cao Bằng khen thưởng 8 vận động viên đạt thành tích.") == []
    assert awards("Ông từng nhận hàng loạt huân chương, nay vẫn được tặng quà.") == []
    assert awards("Trong nhiệm kỳ qua, 2 đồng chí được Bộ trưởng Bộ Xây dựng tặng Bằng khen.") == []
    # a named State medal is still an award
    assert awards("Bộ trưởng trao Huy chương Chiến sĩ vẻ vang cho 3 cá nhân.") == [
        ("Huy chương Chiến sĩ vẻ vang", None, None, 3)
    ]


def test_a_record_of_honours_or_its_closing_words_is_not_an_award_but_an_event_is():
    assert (
        awards(
            "Ông Lê Văn Tư đã được Đảng, Nhà nước tặng Huy hiệu 50 năm tuổi Đảng, nhiều huân, huy "
            "chương và các phần thưởng cao quý khác."
        )
        == []
    )
    # three award heads in one paragraph no longer hide an award of the next sentence
    got = awards(
        "Trong lễ kỷ niệm, Hội được Thủ tướng tặng Bằng khen.\n\nSáng 2/9, Hội kỷ niệm 60 năm "
        "thành lập và nhận Bằng khen của Thủ tướng Chính phủ. Bộ trưởng trao Bằng khen cho Hội."
    )
    assert [(a, i) for a, i, *_ in got] == [("Bằng khen", "Thủ tướng Chính phủ")]


def test_an_issuer_read_from_the_subject_folds_into_its_head():
    got = awards(
        "Chủ tịch UBND TP Huế Lê Văn Hòa vừa ký quyết định tặng danh hiệu “Công dân tiêu biểu” cho "
        "5 cá nhân. UBND TP quyết định tặng danh hiệu “Công dân tiêu biểu” cho 5 cá nhân."
    )
    assert [(a, i, n) for a, i, _c, n in got] == [
        ("danh hiệu “Công dân tiêu biểu”", "Chủ tịch UBND TP Huế", 5)
    ]


def test_a_named_official_and_a_number_of_others_count_together():
    got = awards(
        "Tại buổi lễ, Phó Chủ tịch tỉnh Lê Văn Hải và 6 đảng viên đã được tặng Bằng khen của Đảng "
        "ủy Khối cơ quan tỉnh. Bộ trưởng trao Giấy khen cho 5 cá nhân và 8 tập thể."
    )
    assert got == [
        ("Bằng khen", "Đảng ủy Khối cơ quan tỉnh", None, 7),
        ("Giấy khen", None, 8, 5),
    ]


def test_sentences_opening_on_a_past_year_tell_history_unless_they_report_a_ceremony():
    body = (
        "Năm 2012, hợp tác xã được Chủ tịch nước tặng Huân chương Lao động hạng Ba. Qua 15 năm "
        "xây dựng, hợp tác xã đã được Nhà nước tặng thưởng Huân chương Lao động hạng Nhì. Năm "
        "2019, huyện tổ chức lễ trao Cờ thi đua cho 4 đơn vị."
    )
    assert awards(body) == [("Cờ thi đua", None, 4, None)]


def test_a_title_named_by_an_award_head_is_one_award():
    assert awards("Bà Lê Thị Hoa được tặng danh hiệu Chiến sĩ thi đua toàn quốc.") == [
        ("danh hiệu Chiến sĩ thi đua toàn quốc", None, None, None)
    ]


def test_presenters_and_recipients_stay_in_their_own_clause():
    result = extract(
        "Tin",
        "Tại buổi lễ, Bí thư Tỉnh ủy Lê Văn Hùng đã trao Huân chương Lao động hạng Nhất cho Công "
        "ty Cổ phần Sông Đà; Thứ trưởng Bộ Xây dựng Trần Văn Sơn trao Huân chương Lao động hạng "
        "Nhì cho cá nhân đồng chí Phạm Gia Minh, Tổng giám đốc Công ty.",
    ).awards
    assert [(a.award, a.presenters, a.recipients) for a in result] == [
        ("Huân chương Lao động hạng Nhất", ["Lê Văn Hùng"], ["Công ty Cổ phần Sông Đà"]),
        ("Huân chương Lao động hạng Nhì", ["Trần Văn Sơn"], ["Phạm Gia Minh"]),
    ]


def test_a_company_after_cua_holds_a_state_medal_and_wartime_medals_are_history():
    got = awards(
        "Phó Thủ tướng dự lễ đón nhận Huân chương Lao động hạng Ba của Công ty Cổ phần Xi măng "
        "Hà Nam. Đơn vị nhận Bằng khen của Công ty Điện lực."
    )
    assert got == [
        ("Huân chương Lao động hạng Ba", None, None, None),
        ("Bằng khen", "Công ty Điện lực", None, None),
    ]
    assert (
        awards(
            "Kết thúc cuộc kháng chiến, Ban Cơ yếu được Nhà nước tặng thưởng Huân chương Giải "
            "phóng hạng Nhất năm 1965."
        )
        == []
    )


def test_several_givers_in_one_sentence_are_awards_not_a_record_of_honours():
    got = awards(
        "Chủ tịch UBND tỉnh đã tặng bằng khen cho 1 tập thể, 5 cá nhân; Giám đốc Công an tỉnh "
        "cũng tặng Giấy khen cho 1 tập thể và 16 cá nhân; UBND huyện tặng giấy khen cho 13 cá nhân."
    )
    assert got == [
        ("bằng khen", "Chủ tịch UBND tỉnh", 1, 5),
        ("Giấy khen", "Giám đốc Công an tỉnh", 1, 16),
        ("giấy khen", "UBND huyện", None, 13),
    ]
    assert (
        awards(
            "Ông được Đảng và Nhà nước tặng nhiều danh hiệu cao quý: Huân chương Lao động hạng "
            "Nhất, Huân chương Độc lập hạng Nhì…Viện tặng ông Bằng danh dự."
        )
        == []
    )


def test_certificates_of_merit_of_religious_bodies():
    # a body that hands over its own certificate gives it
    assert awards("Tại lễ, Ban Trị sự tỉnh trao Bằng tuyên dương công đức cho 3 vị.") == [
        ("Bằng tuyên dương công đức", "Ban Trị sự tỉnh", None, 3)
    ]


def test_issuer_of_an_authorised_decision_earlier_in_the_paragraph():
    body = (
        "Sáng 3/5, Trung tá Đỗ Minh Quang, Phó trưởng phòng Cảnh sát hình sự, được sự ủy quyền "
        "của Giám đốc Công an tỉnh Bình Dương đã trao quyết định khen thưởng cho anh Lý Văn Tư. "
        "Trung tá Đỗ Minh Quang trao quyết định, anh Tư nhận bằng khen."
    )
    result = extract("Tin", body).awards
    assert [(a.award, a.issuer) for a in result] == [
        ("bằng khen", "Giám đốc Công an tỉnh Bình Dương")
    ]
    assert result[0].presenters == ["Đỗ Minh Quang"]


def test_an_authorisation_in_another_paragraph_gives_no_issuer():
    got = awards(
        "Thừa ủy quyền của Chủ tịch nước, ông Lê Văn Tám trao quyết định khen thưởng.\n"
        "Chiều cùng ngày, ông Lê Văn Năm trao bằng khen cho 4 học sinh."
    )
    assert got == [("bằng khen", None, None, 4)]


def test_prizes_the_winners_will_receive_are_announced_awards():
    got = awards(
        "Các đề tài đoạt giải Nhất sẽ nhận được bằng khen của Bộ trưởng Bộ Khoa học và Công nghệ "
        "và của Ban tổ chức, bằng Lao động sáng tạo, huy hiệu Tuổi trẻ sáng tạo và tiền thưởng."
    )
    assert got == [
        ("bằng khen", "Bộ trưởng Bộ Khoa học và Công nghệ", None, None),
        ("bằng khen", "Ban tổ chức", None, None),
        ("bằng Lao động sáng tạo", None, None, None),
        ("huy hiệu Tuổi trẻ sáng tạo", None, None, None),
    ]
    assert awards("Sở sẽ cấp giấy khen cho học sinh đạt điểm cao nhất.") == []


def test_titles_held_many_years_running_are_history():
    assert (
        awards(
            "Nhiều năm liền, trường đạt danh hiệu “Tập thể lao động xuất sắc” và được UBND tỉnh "
            "tặng nhiều phần thưởng cao quý."
        )
        == []
    )


def test_thua_quyen_names_the_issuer():
    got = awards(
        "Thừa quyền Chủ tịch nước, Chủ tịch UBND tỉnh Quảng Trị Võ Văn Hưng trao Huân chương Lao "
        "động hạng Nhì cho Bệnh viện tỉnh."
    )
    assert got == [("Huân chương Lao động hạng Nhì", "Chủ tịch nước", None, None)]


def test_title_of_honour_written_without_quotes():
    got = awards(
        "Tại hội nghị, Ban Thường vụ Huyện ủy trao danh hiệu Đảng bộ trong sạch vững mạnh tiêu "
        "biểu 5 năm liền cho Đảng bộ xã Phú Mỹ."
    )
    assert [a for a, *_ in got] == ["danh hiệu Đảng bộ trong sạch vững mạnh tiêu biểu"]


def test_passive_issuer_ending_in_a_word_like_quyet_dinh_and_numbered_units():
    got = awards(
        "Với thành tích trên, anh Lê Văn Hoàng được UBND tỉnh Bình Định khen thưởng bằng khen; "
        "Công an quận 5 tặng giấy khen."
    )
    assert got == [
        ("bằng khen", "UBND tỉnh Bình Định", None, None),
        ("giấy khen", "Công an quận 5", None, None),
    ]


def test_subject_issuer_before_organised_commendation_and_after_a_semicolon():
    assert awards(
        "Sáng 4/3, UBND tỉnh Lai Châu tổ chức khen thưởng, tặng bằng khen cho 2 tập thể, 6 cá "
        "nhân trong chuyên án."
    ) == [("bằng khen", "UBND tỉnh Lai Châu", 2, 6)]
    got = awards(
        "Ông Hà Văn Lực, Phó Chủ tịch UBND huyện tặng hoa chúc mừng; UBND huyện tặng Giấy khen "
        "cho em Lò Thị Hoa."
    )
    assert got == [("Giấy khen", "UBND huyện", None, None)]


def test_a_body_handing_over_its_own_commendation_is_the_issuer():
    assert awards("Dịp này, Trung ương Đoàn trao Huy hiệu Tuổi trẻ sáng tạo cho 10 đoàn viên.") == [
        ("Huy hiệu Tuổi trẻ sáng tạo", "Trung ương Đoàn", None, 10)
    ]
    # a post's holder hands over what someone else gives; two bodies give it jointly
    assert awards("Dịp này, Thủ tướng trao Huy hiệu 50 năm tuổi Đảng cho 2 đảng viên.") == [
        ("Huy hiệu 50 năm tuổi Đảng", None, None, 2)
    ]
    assert awards("Dịp này, UBND huyện và Hội Khuyến học trao giấy khen cho 7 học sinh.") == [
        ("giấy khen", None, None, 7)
    ]


def test_a_named_person_and_others_count_together():
    got = awards(
        "Anh Lê Văn Tùng và 8 người tham gia cứu nạn đã được UBND huyện Đăk Hà trao giấy khen."
    )
    assert got == [("giấy khen", "UBND huyện Đăk Hà", None, 9)]


def test_a_medal_named_in_quotes_keeps_its_name():
    got = awards(
        "Dịp này, Hội Nhà báo Việt Nam tặng Kỷ niệm chương “Vì sự nghiệp báo chí Việt Nam” cho 30 "
        "cá nhân. Kỷ niệm chương Vì sự nghiệp báo chí Việt Nam được trao tại lễ."
    )
    assert got == [
        ("Kỷ niệm chương “Vì sự nghiệp báo chí Việt Nam”", "Hội Nhà báo Việt Nam", None, 30)
    ]


def test_young_people_and_drivers_are_counted_individuals():
    assert awards(
        "Tại lễ tuyên dương, 15 thanh niên được Trung ương Đoàn tặng Huy hiệu Tuổi trẻ dũng cảm."
    ) == [("Huy hiệu Tuổi trẻ dũng cảm", "Trung ương Đoàn", None, 15)]
    assert awards("Sáng nay, Công an tỉnh trao giấy khen cho 2 tài xế taxi.") == [
        ("giấy khen", "Công an tỉnh", None, 2)
    ]


def test_whose_decision_was_handed_over_gives_the_award_named_next():
    got = awards(
        "Sáng 5/6, Đại tá Lê Văn Hòa trao quyết định khen thưởng của Giám đốc Công an tỉnh Bình "
        "Phước cho anh Trần Văn Tú. Anh Tú nhận bằng khen trong niềm vui."
    )
    assert got == [("bằng khen", "Giám đốc Công an tỉnh Bình Phước", None, None)]


def test_a_hope_to_give_an_award_is_not_one():
    assert (
        awards(
            "Thủ tướng hy vọng sang năm, khi có dịp đến thăm, ông sẽ trao Bằng khen của Thủ tướng "
            "Chính phủ cho các trưởng đại diện."
        )
        == []
    )
    assert awards("Ai cũng mong muốn con mình được lên sân khấu nhận bằng khen.") == []


def test_excellent_flags_and_grade_of_an_emulation_title():
    got = awards(
        "Tại buổi lễ, trường vinh dự đón nhận Cờ thi đua xuất sắc của UBND tỉnh Nam Định. Tại lễ, "
        "3 đồng chí được công nhận danh hiệu Chiến sĩ thi đua cấp cơ sở."
    )
    assert got == [
        ("Cờ thi đua xuất sắc", "UBND tỉnh Nam Định", None, None),
        ("danh hiệu Chiến sĩ thi đua cấp cơ sở", None, None, 3),
    ]


def test_awards_in_a_question_or_a_supposed_case_are_not_given():
    # An article on privacy law asks whether parents may post a photo of a child receiving a
    # Bằng khen: nobody is given anything. A question, or a case introduced by "trường hợp" or
    # "nếu", talks about awards in general; the event sentence after it still counts.
    got = awards(
        "Cha mẹ đăng ảnh con nhận Bằng khen, Giấy khen có vi phạm pháp luật không? Luật sư cho "
        "rằng trường hợp cha mẹ đăng ảnh con nhận Giấy khen thì không vi phạm. Hôm qua, Chủ tịch "
        "UBND tỉnh đã trao Bằng khen cho 5 cá nhân."
    )
    assert got == [("Bằng khen", None, None, 5)]
