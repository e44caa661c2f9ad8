"""The article format: header, paragraphs, byline, captions, and the errors a reader sees."""

import csv
import unicodedata
from pathlib import Path

import pytest

from tui_reader.articles import (
    ArticleFormatError,
    find_captions,
    parse_article,
    parse_date,
)

ARTICLE = (
    " date 2023-06 Công an tỉnh tổng kết phong trào toàn dân bảo vệ an ninh Tổ quốc\n"
    "\n"
    "Sáng 15/6, Công an tỉnh tổ chức hội nghị tổng kết 10 năm thực hiện chương trình phối hợp.\n"
    "\n"
    "Dự hội nghị có đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh.\n"
    "\n"
    "Lê Phượng"
)


def test_seed_layout():
    article = parse_article(ARTICLE, source="a.txt")
    assert article.title == ("Công an tỉnh tổng kết phong trào toàn dân bảo vệ an ninh Tổ quốc")
    assert article.date == "2023-06"
    assert article.author == "Lê Phượng"
    assert article.byline == "Lê Phượng"
    assert article.source == "a.txt"
    assert len(article.paragraphs) == 2
    assert article.body == "\n\n".join(article.paragraphs)
    assert "Lê Phượng" not in article.body


def test_crlf_trailing_newline_and_bom_read_the_same():
    plain = parse_article(ARTICLE)
    variant = parse_article("\ufeff" + ARTICLE.replace("\n", "\r\n") + "\r\n\r\n")
    assert variant.paragraphs == plain.paragraphs
    assert variant.title == plain.title
    assert variant.content_hash() == plain.content_hash()


def test_nfd_input_is_stored_nfc():
    article = parse_article(unicodedata.normalize("NFD", ARTICLE))
    assert article.title == unicodedata.normalize("NFC", article.title)
    assert article.title.startswith("Công an tỉnh")
    assert article.author == "Lê Phượng"
    assert all(p == unicodedata.normalize("NFC", p) for p in article.paragraphs)


def test_whitespace_inside_paragraphs_is_collapsed_and_text_kept():
    text = " date 2024-01 Tiêu đề\n\nDòng một\nnối dòng hai\u00a0và\tba.\n   \nĐoạn hai."
    article = parse_article(text)
    assert article.paragraphs == ["Dòng một nối dòng hai và ba.", "Đoạn hai."]


def test_agency_only_byline_has_no_author():
    article = parse_article(" date 2024-01 Tiêu đề\n\nNội dung bài viết.\n\nTheo VGP")
    assert article.author is None
    assert article.byline == "Theo VGP"
    assert article.paragraphs == ["Nội dung bài viết."]


def test_no_author():
    article = parse_article(" date 2024-01 Tiêu đề\n\nĐoạn một.\n\nĐoạn hai kết thúc bài.")
    assert article.author is None and article.byline is None
    assert len(article.paragraphs) == 2


def test_byline_glued_to_flattened_body():
    text = (
        "date 2017-05 Trao Bằng khen\n\nSáng 5/5, UBND tỉnh trao Bằng khen cho 10 tập thể. "
        "Các đơn vị đã hoàn thành xuất sắc nhiệm vụ. Tin, ảnh: THU HƯƠNG"
    )
    article = parse_article(text)
    assert article.author == "THU HƯƠNG"
    assert article.paragraphs[-1].endswith("hoàn thành xuất sắc nhiệm vụ.")


def test_multiple_authors_kept_as_written():
    article = parse_article(" date 2024-01 Tiêu đề\n\nNội dung.\n\nThu Hoài - Nguyễn Hà")
    assert article.author == "Thu Hoài - Nguyễn Hà"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("  \n\n \n", "empty"),
        ("Tiêu đề không có ngày\n\nNội dung.", "no date line"),
        (" date 2024-13 Tiêu đề\n\nNội dung.", "not YYYY-MM"),
        (" date 24/05/2017 Tiêu đề\n\nNội dung.", "not YYYY-MM"),
        (" date 2024-05\n\nNội dung.", "no title"),
        (" date\n\nNội dung.", "no date"),
    ],
)
def test_format_errors_say_why(text, reason):
    with pytest.raises(ArticleFormatError) as info:
        parse_article(text, source="x.txt")
    assert reason in info.value.reason
    assert info.value.source == "x.txt"


def test_parse_date():
    assert parse_date("2017-05") == "2017-05"
    assert parse_date("2017-00") is None
    assert parse_date("2017-5") is None
    assert parse_date("0001-01") is None


def test_title_only_article_has_no_paragraphs():
    article = parse_article(" date 2024-02 Chỉ có tiêu đề")
    assert article.paragraphs == [] and article.body == ""


# --- captions ------------------------------------------------------------------------------------


def _captions(article):
    return [article.body[s:e] for s, e in article.captions]


def test_caption_paragraph_between_paragraphs():
    text = (
        " date 2020-10 Tiêu đề\n\nĐoạn mở đầu của bài báo.\n\n"
        "Phó Chủ tịch UBND tỉnh Nguyễn Văn An phát biểu tại hội nghị\n\n"
        "Hội nghị đã thống nhất nhiều nội dung quan trọng."
    )
    assert _captions(parse_article(text)) == [
        "Phó Chủ tịch UBND tỉnh Nguyễn Văn An phát biểu tại hội nghị"
    ]


def test_photo_credit_paragraph_is_a_caption():
    text = " date 2020-10 Tiêu đề\n\nĐoạn một.\n\n(Ảnh: AFP)\n\nĐoạn hai."
    assert _captions(parse_article(text)) == ["(Ảnh: AFP)"]


def test_embedded_caption_without_final_punctuation():
    body = (
        "Sáng 12/6, tỉnh tổ chức lễ kỷ niệm 70 năm ngày thành lập ngành. "
        "Đồng chí Trần Văn Bình trao Bằng khen cho các tập thể xuất sắc Cùng dự có lãnh đạo các "
        "sở, ngành của tỉnh. Buổi lễ kết thúc tốt đẹp."
    )
    article = parse_article(" date 2017-06 Lễ kỷ niệm\n\n" + body)
    assert _captions(article) == ["Đồng chí Trần Văn Bình trao Bằng khen cho các tập thể xuất sắc"]


@pytest.mark.parametrize(
    ("body", "caption"),
    [
        (
            "Hội nghị diễn ra trong hai ngày. Thủ tướng phát biểu tại hội nghị. Ảnh: VGP/Nhật Bắc "
            "Tham dự hội nghị có đại diện các bộ, ngành.",
            "Thủ tướng phát biểu tại hội nghị. Ảnh: VGP/Nhật Bắc",
        ),
        (  # a bracketed credit with spaces inside
            "Hội nghị diễn ra trong hai ngày với nhiều nội dung. Thủ tướng phát biểu tại hội nghị "
            "( Ảnh: Nhật Bắc) Tham dự hội nghị có đại diện các bộ, ngành và địa phương trong cả "
            "nước.",
            "Thủ tướng phát biểu tại hội nghị ( Ảnh: Nhật Bắc)",
        ),
    ],
)
def test_caption_with_credit_inside_a_flattened_paragraph(body, caption):
    article = parse_article(" date 2017-06 Hội nghị\n\n" + body)
    assert _captions(article) == [caption]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Góp phần đổi mới dạy và học",  # a subheading
        "Chúng tôi đang đợi hướng xử lý từ các cơ quan chức năng”, ông Đức nói",
        "Thông tin chi tiết vui lòng truy cập tại đây",
        "Ngày 5/5, đoàn công tác đến thăm và làm việc tại tỉnh Lào Cai",
    ],
)
def test_paragraphs_that_are_not_captions(paragraph):
    text = f" date 2020-10 Tiêu đề\n\nĐoạn một.\n\n{paragraph}\n\nĐoạn ba."
    assert parse_article(text).captions == []


def test_sentences_are_not_cut_into_captions():
    body = (
        "Ông Nguyễn Văn Năm, Chủ tịch UBND xã cho biết địa phương đã hoàn thành kế hoạch. "
        "Theo kế hoạch, năm 2024 xã sẽ xây thêm hai trường học."
    )
    assert parse_article(" date 2024-01 Tiêu đề\n\n" + body).captions == []


def test_caption_offsets_point_into_body():
    paragraphs = ["Đoạn một.", "Bộ trưởng thăm gia đình nạn nhân tại bệnh viện", "Đoạn ba."]
    spans = find_captions(paragraphs)
    body = "\n\n".join(paragraphs)
    assert [body[s:e] for s, e in spans] == [paragraphs[1]]


# --- the real corpus -----------------------------------------------------------------------------

REAL = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "real"


@pytest.mark.skipif(not (REAL / "MANIFEST.tsv").is_file(), reason="real corpus not present")
def test_real_corpus_author_paragraphs_are_found():
    """Source A gives the author as the last paragraph: nearly all must be split off."""
    with open(REAL / "MANIFEST.tsv", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t")
                if r["author_last_paragraph"] == "yes"]  # fmt: skip
    found = 0
    for row in rows:
        text = (REAL / row["file"]).read_text(encoding="utf-8")
        article = parse_article(text)
        last = text.rsplit("\n\n", 1)[-1]
        found += article.byline == last
        assert article.title and article.date == row["month"]
    assert found >= 0.97 * len(rows)


def test_gallery_of_caption_lines():
    text = (
        " date 2020-10 Giông lốc cuốn mái tôn trường học\n\nĐoạn mở đầu của bài báo.\n\n"
        "Một phần mái tôn vắt lên tường\n\n"
        "Phòng học toang hoang sau khi mái tôn bị gió cuốn đi\n\n"
        "Theo phó hiệu trưởng, không có học sinh đến lớp lúc xảy ra sự cố."
    )
    assert _captions(parse_article(text)) == [
        "Một phần mái tôn vắt lên tường",
        "Phòng học toang hoang sau khi mái tôn bị gió cuốn đi",
    ]


def test_lists_in_a_row_are_not_a_gallery():
    text = (
        " date 2020-10 Đội hình\n\nĐoạn mở đầu.\n\n"
        "CLB Hà Nội: Tấn Trường, Văn Kiên, Thành Chung, Việt Anh\n\n"
        "CLB Thanh Hóa: Thanh Diệp, Xuân Cường, Minh Tùng, Văn Lợi\n\n"
        "Viện trưởng Viện Cơ khí Động lực\n\n"
        "Chủ tịch Công đoàn Trường Đại học Bách khoa"
    )
    assert parse_article(text).captions == []


def test_zero_width_and_double_spaces_are_collapsed_in_title_and_text():
    text = " date 2024-01 Tiêu  đề\u200bmới\n\nMột\u200b hai\ufeffba  bốn.\n\nĐoạn\u3000hai."
    article = parse_article(text)
    assert article.title == "Tiêu đề mới"
    assert article.paragraphs == ["Một hai ba bốn.", "Đoạn hai."]


def test_credit_word_inside_another_word_is_no_credit():
    paragraphs = ["Đoạn một.", "Bộ trưởng thăm gia đình nạn nhânẢnh: tại bệnh viện tỉnh."]
    assert find_captions(paragraphs) == []


@pytest.mark.parametrize("space", [" ", "  ", "\t", "\u00a0", " \n "])
def test_unpunctuated_caption_before_a_sentence_starter_after_any_space(space):
    """find_captions also takes paragraphs nobody collapsed (bulk records, other callers)."""
    caption = "Đồng chí Trần Văn Bình trao Bằng khen cho các tập thể xuất sắc"
    paragraph = (
        "Sáng 12/6, tỉnh tổ chức lễ kỷ niệm 70 năm ngày thành lập ngành. "
        f"{caption}{space}Cùng dự có lãnh đạo các sở, ngành của tỉnh. "
        "Buổi lễ kết thúc tốt đẹp. Ngành đã đạt nhiều thành tích trong những năm qua."
    )
    spans = find_captions([paragraph])
    assert [paragraph[s:e] for s, e in spans] == [caption]


def test_no_caption_before_a_starter_that_follows_a_full_stop_or_a_quote():
    paragraph = (
        "Sáng 12/6, tỉnh tổ chức lễ kỷ niệm 70 năm ngày thành lập ngành. Đồng chí Trần Văn Bình "
        "trao Bằng khen cho các tập thể xuất sắc.” Cùng dự có lãnh đạo các sở, ngành của tỉnh."
    )
    assert find_captions([paragraph]) == []


@pytest.mark.parametrize("ending", [".", ".”", "!)", ":", ".\n"])
def test_a_short_line_with_final_punctuation_is_no_caption(ending):
    line = "Phó Chủ tịch UBND tỉnh Nguyễn Văn An phát biểu tại hội nghị" + ending
    assert find_captions(["Đoạn một.", line, "Đoạn ba."]) == []
