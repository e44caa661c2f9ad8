"""Bulk files: pipe CSV, JSON Lines, title-then-body text; bad records reported, the rest read."""

import json
import tracemalloc
from pathlib import Path

import pytest

from tui_reader.articles import Article
from tui_reader.formats import RecordError, detect_format, iter_records, month_of

HEADER = "crawled_time|published_time|title|content|author|url\n"
ROW = (
    "2025-06-29T01:07:52+07:00|2025-06-28T23:43:45+07:00|Hưng Yên: cháy xưởng tái chế|"
    "Ít nhất 4 người tử vong trong vụ cháy tại xưởng tái chế phế liệu ở Hưng Yên.|"
    "(Nguồn: TTXVN)|https://baomoi.com/a-c1.epi\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def articles(items):
    return [i for i in items if isinstance(i, Article)]


def errors(items):
    return [i for i in items if isinstance(i, RecordError)]


# --- CSV -----------------------------------------------------------------------------------------


def test_pipe_csv_record(tmp_path):
    [article] = iter_records(write(tmp_path, "a.csv", HEADER + ROW))
    assert article.title == "Hưng Yên: cháy xưởng tái chế"
    assert article.date == "2025-06"
    assert article.author is None and article.byline == "(Nguồn: TTXVN)"
    assert article.url == article.source == "https://baomoi.com/a-c1.epi"
    assert article.paragraphs[0].startswith("Ít nhất 4 người")


def test_csv_quoted_fields_with_pipes_quotes_and_newlines(tmp_path):
    row = (
        '2025-06-29|2025-05-01T08:00:00+07:00|"Tiêu đề có | và ""ngoặc"""|'
        '"Đoạn một có | dấu.\nĐoạn hai."|Lan Phương (TTXVN)|https://x.vn/2\n'
    )
    items = list(iter_records(write(tmp_path, "a.csv", HEADER + row + ROW)))
    first, second = articles(items)
    assert first.title == 'Tiêu đề có | và "ngoặc"'
    assert first.paragraphs == ["Đoạn một có | dấu.", "Đoạn hai."]
    assert first.author == "Lan Phương" and first.date == "2025-05"
    assert second.source == "https://baomoi.com/a-c1.epi"


def test_csv_byline_inside_content_when_author_is_empty(tmp_path):
    row = "x|2025-06-01|Tiêu đề|Nội dung bài báo đã kết thúc. Theo Nam Phương (VnExpress)||\n"
    [article] = iter_records(write(tmp_path, "a.csv", HEADER + row))
    assert article.author == "Nam Phương"
    assert article.paragraphs == ["Nội dung bài báo đã kết thúc."]
    # no url: the absolute path and the line, the same from any working folder
    assert article.source == f"{(tmp_path / 'a.csv').resolve()}#2"


def test_csv_bad_rows_are_reported_and_the_rest_read(tmp_path):
    bad_fields = "x|2025-06-01|Chỉ ba cột\n"
    no_title = "x|2025-06-01||Nội dung.|A|https://x.vn/3\n"
    items = list(iter_records(write(tmp_path, "a.csv", HEADER + bad_fields + no_title + ROW)))
    assert len(articles(items)) == 1
    assert [(e.line, e.reason) for e in errors(items)] == [
        (2, "3 fields where the header has 6"),
        (3, "no title"),
    ]


def test_csv_bad_bytes_on_one_line(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes((HEADER + "x|y|Ti\xeau|z|a|u\n").encode("latin-1") + ROW.encode())
    items = list(iter_records(path))
    assert len(articles(items)) == 1
    assert errors(items)[0].line == 2 and "UTF-8" in errors(items)[0].reason


def test_csv_without_title_column(tmp_path):
    [error] = iter_records(write(tmp_path, "a.csv", "a|b\n1|2\n"))
    assert isinstance(error, RecordError) and "no title column" in error.reason


def test_empty_bulk_files(tmp_path):
    assert [e.reason for e in iter_records(write(tmp_path, "a.csv", ""))] == ["the file is empty"]
    assert list(iter_records(write(tmp_path, "a.jsonl", "\n\n"))) == []


def test_comma_csv_with_body_and_date_columns(tmp_path):
    text = 'title,body,date\n"Tiêu đề, có phẩy",Nội dung.,20201001\n'
    [article] = iter_records(write(tmp_path, "a.csv", text))
    assert article.title == "Tiêu đề, có phẩy" and article.date == "2020-10"


# --- JSON Lines ----------------------------------------------------------------------------------


def test_jsonl_records(tmp_path):
    lines = [
        {"title": "Một", "content": "Đoạn một.\nĐoạn hai.", "author": "Thu Hoài - Nguyễn Hà",
         "date": "2024-03-05", "url": "https://x.vn/1"},
        {"title": "Hai", "body": "Nội dung.", "published_time": 1719600000},
        {"title": "Ba", "content": ["Đoạn a.", "Đoạn b."], "author": "Theo VGP"},
    ]  # fmt: skip
    path = write(tmp_path, "a.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    one, two, three = iter_records(path)
    assert (one.author, one.date, one.source) == (
        "Thu Hoài - Nguyễn Hà",
        "2024-03",
        "https://x.vn/1",
    )
    assert one.paragraphs == ["Đoạn một.", "Đoạn hai."]
    assert two.date == "2024-06" and two.author is None and two.source.endswith("a.jsonl#2")
    assert three.paragraphs == ["Đoạn a.", "Đoạn b."] and three.author is None


def test_author_field_the_byline_grammar_cannot_read(tmp_path):
    lines = [
        {"title": "A", "content": "Có.", "author": "Jean-Luc Picard"},
        {"title": "B", "content": "Có.", "author": "admin"},
    ]
    path = write(tmp_path, "a.jsonl", "\n".join(json.dumps(x) for x in lines))
    first, second = iter_records(path)
    assert (first.author, first.byline) == ("Jean-Luc Picard", "Jean-Luc Picard")
    assert (second.author, second.byline) == (None, "admin")


def test_jsonl_bad_lines(tmp_path):
    text = '{"title": "Tốt", "content": "Có."}\n{broken\n[1, 2]\n{"content": "x"}\n"chuỗi"\n'
    items = list(iter_records(write(tmp_path, "a.jsonl", text)))
    assert [a.title for a in articles(items)] == ["Tốt"]
    reasons = [(e.line, e.reason.split(" (")[0]) for e in errors(items)]
    assert reasons == [(2, "not JSON"), (3, "not a JSON object"), (4, "no title"),
                       (5, "not a JSON object")]  # fmt: skip


def test_json_array_file_is_streamed(tmp_path):
    records = [{"title": f"Bài {i}", "content": "Nội dung."} for i in range(3)]
    path = write(tmp_path, "a.json", json.dumps(records, ensure_ascii=False, indent=2))
    assert [a.title for a in iter_records(path)] == ["Bài 0", "Bài 1", "Bài 2"]


def test_unfinished_json_array(tmp_path):
    path = write(tmp_path, "a.json", '[{"title": "Một", "content": "A."}, {"title": "Hai"')
    items = list(iter_records(path))
    assert [a.title for a in articles(items)] == ["Một"]
    assert "unfinished" in errors(items)[0].reason


def test_big_jsonl_is_streamed_in_bounded_memory(tmp_path):
    record = json.dumps({"title": "T", "content": "Nội dung bài báo. " * 50}, ensure_ascii=False)
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for _ in range(1500):  # about 1.7 MB
            handle.write(record + "\n")
    tracemalloc.start()
    count = sum(1 for _ in iter_records(path))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 1500
    assert peak < 600 * 1024  # a fraction of the file: records are never all in memory


def test_overlong_line_is_refused_and_reading_goes_on(tmp_path, monkeypatch):
    import tui_reader.formats as formats

    monkeypatch.setattr(formats, "MAX_RECORD_CHARS", 1000)
    good = json.dumps({"title": "Sau", "content": "Có."})
    path = write(tmp_path, "a.jsonl", '{"title": "' + "x" * 5000 + '"}\n' + good + "\n")
    items = list(iter_records(path))
    assert [a.title for a in articles(items)] == ["Sau"]
    assert errors(items)[0].line == 1 and "too long" in errors(items)[0].reason


# --- text files ----------------------------------------------------------------------------------


def test_text_with_header_lines(tmp_path):
    text = (
        "# doc_id = news_001\n# url = https://dantri.com.vn/a-20201001.htm\n# date = 20201001\n"
        "Vinamilk lọt Top 1.000 thương hiệu hàng đầu châu Á\n"
        "Năm 2020, Vinamilk đã vượt qua các thương hiệu khác.\n"
        "Đoạn thứ hai của bài.\n"
    )
    [article] = iter_records(write(tmp_path, "news.txt", text))
    assert article.title == "Vinamilk lọt Top 1.000 thương hiệu hàng đầu châu Á"
    assert article.date == "2020-10"
    assert article.url == "https://dantri.com.vn/a-20201001.htm"
    assert article.paragraphs == ["Năm 2020, Vinamilk đã vượt qua các thương hiệu khác.",
                                  "Đoạn thứ hai của bài."]  # fmt: skip


def test_title_sapo_body_text_with_glued_byline(tmp_path):
    text = (
        "Khen thưởng học sinh nhặt được của rơi\n"
        "Sáng 6/2, UBND huyện đã khen thưởng em Nguyễn Thị Lan Anh.\n"
        "Em Lan Anh nhặt được túi tiền và trả lại người đánh rơi. Anh Tấn"
    )
    [article] = iter_records(write(tmp_path, "21472016.txt", text))
    assert article.date is None and article.author == "Anh Tấn"
    assert article.paragraphs[-1].endswith("trả lại người đánh rơi.")


def test_text_without_a_title_line_is_refused(tmp_path):
    text = (
        "# date = 20201001\n" + "Đây là một đoạn văn dài mở đầu bài báo mà không có tiêu đề. " * 3
    )
    [error] = iter_records(write(tmp_path, "a.txt", text))
    assert isinstance(error, RecordError) and "no title line" in error.reason


def test_seed_format_text_goes_through_the_article_parser(tmp_path):
    text = " date 2023-06 Tiêu đề\n\nNội dung.\n\nLê Phượng"
    [article] = iter_records(write(tmp_path, "a.txt", text))
    assert article.date == "2023-06" and article.author == "Lê Phượng"
    [error] = iter_records(write(tmp_path, "b.txt", " date 2023-13 Tiêu đề\n\nNội dung."))
    assert "not YYYY-MM" in error.reason


def test_unreadable_text_file_is_one_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"%PDF-1.4")
    [error] = iter_records(path)
    assert error.line == 0 and "PDF" in error.reason


def test_folder_and_missing_file(tmp_path):
    [error] = iter_records(tmp_path / "missing.csv")
    assert isinstance(error, RecordError) and error.reason == "no such file or folder"
    folder = tmp_path / "d.jsonl"
    folder.mkdir()
    [error] = iter_records(folder)
    assert "folder" in error.reason


def test_detect_format_by_content(tmp_path):
    assert detect_format(write(tmp_path, "dump", '{"title": "x"}\n')) == "jsonl"
    assert detect_format(write(tmp_path, "dump2", HEADER + ROW)) == "csv"
    assert detect_format(write(tmp_path, "dump3", "Tiêu đề\nNội dung")) == "text"


@pytest.mark.parametrize(
    ("value", "month"),
    [
        ("2025-06-28T23:43:45+07:00", "2025-06"),
        ("20201001", "2020-10"),
        ("28/06/2025", "2025-06"),
        ("Thứ bảy, 28/6/2025 - 23:43", "2025-06"),
        ("2025-06", "2025-06"),
        ("06/2025", "2025-06"),
        (1719600000, "2024-06"),
        (1719600000000, "2024-06"),
        ("", None),
        ("hôm qua", None),
        ("2025-13-01", None),
        (None, None),
    ],
)
def test_month_of(value, month):
    assert month_of(value) == month


# --- the raw samples -----------------------------------------------------------------------------

RAW = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "raw-samples"


@pytest.mark.skipif(not RAW.is_dir(), reason="raw samples not present")
def test_raw_samples():
    csv_items = list(iter_records(RAW / "khoaihps-baomoi-crawler-NER" / "articles.sample50.csv"))
    assert len(articles(csv_items)) == 50 and not errors(csv_items)
    assert all(a.date == "2025-06" and a.url for a in articles(csv_items))
    for folder in ("magizbox-scraper-vn_news", "undertheseanlp-CP_Vietnamese-UNC"):
        for path in sorted((RAW / folder).glob("*.txt")):
            items = list(iter_records(path))
            assert len(items) == 1
            if isinstance(items[0], Article):
                assert items[0].title and items[0].paragraphs
