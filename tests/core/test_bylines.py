"""Bylines: what a reader sees as the signature is split off, a real last sentence never is."""

import pytest

from tui_reader.bylines import is_vietnamese_syllable, parse_byline, split_byline

BODY = "Hội nghị đã thống nhất các nội dung trọng tâm của năm 2024."


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Lê Phượng", "Lê Phượng"),
        ("Lan Phương (TTXVN)", "Lan Phương"),
        ("Theo Nam Phương (VnExpress)", "Nam Phương"),
        ("Tin, ảnh: THU HƯƠNG", "THU HƯƠNG"),
        ("Thu Hoài - Nguyễn Hà", "Thu Hoài - Nguyễn Hà"),
        ("Bài và ảnh: Minh Hiền", "Minh Hiền"),
        ("Xuân Anh/TTXVN", "Xuân Anh"),
        ("Lê Thơm/VOV-Trung tâm Tin", "Lê Thơm"),
        ("B.Vân", "B.Vân"),
        ("Theo B.Vân (Người Lao động)", "B.Vân"),
        ("Kim Ngân (tổng hợp)", "Kim Ngân"),
        ("Thanh Thảo - CTV", "Thanh Thảo"),
        ("Dữ liệu: Đức Ngọc; Đồ họa: Chi Phan", "Đức Ngọc - Chi Phan"),
        ("Việt Đức/VOV.VN Việt Đức/VOV.VN", "Việt Đức"),
        ("T.ThủyTheo PA/The Verge", "T.Thủy"),
        ("Theo NHK Tuấn Anh Theo NHK", "Tuấn Anh"),
        ("(HỒNG THẠNH)", "HỒNG THẠNH"),
        ("Lương Ý", "Lương Ý"),
        ("Hải Yến - Phòng Tuyên truyền", "Hải Yến"),
        ("Văn Thắng - Trung tâm VH-TT huyện Yên Lạc", "Văn Thắng"),
        ("Minh Hợp-Phong Hà-Hữu Tiến/vnanet.vn", "Minh Hợp-Phong Hà-Hữu Tiến"),
        ("Thanh Hà-VOV- Miền Trung", "Thanh Hà"),
        ("TS. Tôn Sinh Thành", "Tôn Sinh Thành"),
        ("Thái An - Clip truyền hình VNN", "Thái An"),
        ("T.E.A B.C.Đ", "T.E.A B.C.Đ"),
        ("Minh Minh", "Minh Minh"),
        ("Đồng Dao", "Đồng Dao"),
    ],
)
def test_byline_names_the_person_without_agency_or_role(byline, author):
    assert parse_byline(byline) == (True, author)


@pytest.mark.parametrize(
    "byline",
    ["Theo VGP", "(Nguồn: TTXVN)", "Theo Dân trí", "TTXVN/Tin Tức", "theo Thời đại", "PV",
     "Nhóm PV", "Theo Báo Công an nhân dân", "(TTXVN/Vietnam+)", "Theo GĐVN",
     "Nhóm PV kinh tế", "NHÓM PV BẠN ĐỌC", "Nhóm phóng viên TTXVN tại các địa phương"],
)  # fmt: skip
def test_agency_only_bylines_have_no_author(byline):
    assert parse_byline(byline) == (True, None)


@pytest.mark.parametrize(
    "text",
    [
        "Hình ảnh chiếc xe máy bị nghiền nát",
        "Ông Nguyễn Văn An",
        "Brad O'Neill - Zara McDermott - Closer",
        "Hotline: 1900 54 54 26",
        "Ông Salzberg nói.",
        "Tôi đã bị chuột rút nhưng vẫn cố gắng để giành chiến thắng”.",
        "Kim Kardashian nổi bật trên thảm đỏ",
    ],
)
def test_sentences_and_captions_are_not_bylines(text):
    assert parse_byline(text)[0] is False
    assert split_byline([BODY, text]) == ([BODY, text], None, None)


def test_last_paragraph_byline_is_removed():
    paragraphs, byline, author = split_byline([BODY, "Hồng Giang (TTXVN)"])
    assert paragraphs == [BODY]
    assert (byline, author) == ("Hồng Giang (TTXVN)", "Hồng Giang")


@pytest.mark.parametrize(
    ("glued", "byline", "author"),
    [
        (" Quang Hùng", "Quang Hùng", "Quang Hùng"),
        (" Tin, ảnh: THU HƯƠNG", "Tin, ảnh: THU HƯƠNG", "THU HƯƠNG"),
        (" Theo VGP", "Theo VGP", None),
        (" Theo Nam Phương (VnExpress)", "Theo Nam Phương (VnExpress)", "Nam Phương"),
        ("/. Thanh Lê", "Thanh Lê", "Thanh Lê"),
        (" Hà Nam, Theo Trí Thức Trẻ", "Hà Nam, Theo Trí Thức Trẻ", "Hà Nam"),
    ],
)
def test_byline_glued_to_the_last_sentence_is_cut_off(glued, byline, author):
    paragraphs, found, name = split_byline(["Mở đầu.", BODY + glued])
    assert (found, name) == (byline, author)
    assert paragraphs == ["Mở đầu.", BODY + ("/." if glued.startswith("/.") else "")]


def test_byline_of_a_single_flattened_paragraph():
    paragraphs, byline, author = split_byline([BODY + " Lan Phương (TTXVN)"])
    assert paragraphs == [BODY]
    assert author == "Lan Phương"


@pytest.mark.parametrize(
    "ending",
    [
        " Hiện nguyên nhân vụ việc đang được làm rõ",  # a sentence without its full stop
        " Trước đó, ông Nguyễn Văn A đã được bổ nhiệm",
        " Cơ quan chức năng đang điều tra",
        " Ở TP. HCM",
        " Chủ tịch UBND tỉnh Trần Văn Bình",
        " UBND tỉnh cũng đã có văn bản báo cáo Chính phủ",
        " Nguồn tiền từ đâu cũng phải chứng minh",
        " Báo đen khi đó đang lần theo dấu vết của một con nai",
        " Cũng theo TS",
        " Tại X",
        " Phong Nha - Kẻ Bàng, trung tâm du lịch của tỉnh",
        " Sở GD&ĐT TP.HCM",
    ],
)
def test_unpunctuated_last_sentence_stays_in_the_text(ending):
    paragraphs, byline, author = split_byline([BODY + ending])
    assert paragraphs == [BODY + ending]
    assert byline is None and author is None


@pytest.mark.parametrize(
    ("text", "byline"),
    [
        ("Hội nghị diễn ra tại TP. Hồ Chí Minh", None),
        ("Ý kiến của PGS. Lê Anh Tuấn", None),
        ("Nhiều người chưa trở lại TP. Lê Khoa", "Lê Khoa"),
        ("Ai cũng lưu ý. Hoài Vũ", "Hoài Vũ"),
    ],
)
def test_periods_of_abbreviations_end_no_sentence(text, byline):
    assert split_byline(["Mở đầu.", text])[1] == byline


def test_single_paragraph_article_is_not_taken_for_a_byline():
    assert split_byline(["Lê Phượng"]) == (["Lê Phượng"], None, None)
    assert split_byline([]) == ([], None, None)


def test_nfd_and_old_tone_bylines():
    import unicodedata

    ok, author = parse_byline(unicodedata.normalize("NFD", "Khánh Hoà (TTXVN)"))
    assert ok and author == "Khánh Hoà"


def test_vietnamese_syllables():
    assert all(is_vietnamese_syllable(w) for w in ("Nguyễn", "khuya", "Quỳnh", "Đường", "Ý"))
    assert not any(is_vietnamese_syllable(w) for w in ("Reuters", "Zara", "Closer", "TTXVN"))


@pytest.mark.parametrize(
    ("lines", "byline", "author"),
    [
        (["Nhật Linh", "Theo CNBC"], "Nhật Linh Theo CNBC", "Nhật Linh"),
        (["Lan Phương", "(Nguồn: TTXVN)"], "Lan Phương (Nguồn: TTXVN)", "Lan Phương"),
        (["Bài: Hồng Nhung", "Ảnh: Minh Tuấn"], "Bài: Hồng Nhung Ảnh: Minh Tuấn",
         "Hồng Nhung - Minh Tuấn"),
    ],
)  # fmt: skip
def test_byline_on_two_lines(lines, byline, author):
    assert split_byline([BODY, *lines]) == ([BODY], byline, author)


def test_two_name_paragraphs_are_not_merged():
    """A place or caption line before the author's line stays text."""
    assert split_byline([BODY, "Hà Nội", "Lan Phương"]) == (
        [BODY, "Hà Nội"],
        "Lan Phương",
        "Lan Phương",
    )


def test_stray_full_stop_after_a_standalone_signature():
    assert split_byline([BODY, "Lê Phượng."]) == ([BODY], "Lê Phượng.", "Lê Phượng")


@pytest.mark.parametrize(
    ("ending", "byline", "author"),
    [
        (" tại Hội nghị MInh Hòa/VOV.VN", "MInh Hòa/VOV.VN", "MInh Hòa"),
        (" phát biểu tại buổi lễ Lan Phương (TTXVN)", "Lan Phương (TTXVN)", "Lan Phương"),
    ],
)
def test_byline_after_a_caption_without_full_stop_needs_an_agency(ending, byline, author):
    paragraphs, found, name = split_byline([BODY + " Các đại biểu dự lễ" + ending])
    assert (found, name) == (byline, author)
    assert not paragraphs[0].endswith(byline)


@pytest.mark.parametrize(
    "ending",
    [
        " trên tuyến cao tốc Hạ Long - Vân Đồn",
        " phòng chống dịch cúm A/H7N9",
        " nâng cao nhận thức về phòng, chống HIV/AIDS",
        " dỡ bỏ trạm thu phí Bắc Thăng Long - Nội Bài",
        " tâm dịch lớn thứ hai thế giới, sau Mỹ (Ảnh: Reuters)",
        " mất tích dưới Đại Tây Dương (Ảnh: AFP)",
    ],
)
def test_unpunctuated_endings_with_names_stay_text(ending):
    assert split_byline([BODY + ending])[1] is None


# A last paragraph of several hundred characters: the byline checks look at its end only.
LONG_BODY = " ".join([BODY] * 12)


@pytest.mark.parametrize(
    ("text", "byline"),
    [
        (LONG_BODY + " Ý kiến của PGS. Lê Anh Tuấn", None),
        (LONG_BODY + " Hội nghị diễn ra tại TP. Hồ Chí Minh", None),
        (LONG_BODY + " Nhiều người chưa trở lại TP. Lê Khoa", "Lê Khoa"),
        (LONG_BODY + " Các đại biểu dự lễ Lan Phương (TTXVN)", "Lan Phương (TTXVN)"),
        (LONG_BODY + " mất tích dưới Đại Tây Dương (Ảnh: AFP)", None),
    ],
)
def test_long_last_paragraphs_end_the_same_way_as_short_ones(text, byline):
    paragraphs, found, _ = split_byline(["Mở đầu.", text])
    assert found == byline
    assert paragraphs[-1] + (" " + found if found else "") == text


@pytest.mark.parametrize(
    ("last", "author"),
    [
        ("Reuters  Minh   Anh", "Minh   Anh"),  # spaced out by hand: the name as written
        ("Reuters Minh Anh", "Minh Anh"),
        ("NHK\tTuấn Anh", "Tuấn Anh"),
    ],
)
def test_agency_before_a_name_with_any_spacing(last, author):
    _, byline, found = split_byline(["Mở đầu.", last])
    assert byline == last
    assert found == author


@pytest.mark.parametrize(
    "last",
    ["CTV ", "Tin: CTV ", "PV  thực hiện", "Nhóm PV THU HƯƠNG Lê Anh Tuấn \n Đức Tiến Theo VGP"],
)
def test_odd_last_paragraphs_never_raise(last):
    paragraphs, byline, _ = split_byline(["Mở đầu.", last])
    assert paragraphs[0] == "Mở đầu."
