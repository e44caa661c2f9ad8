"""Exports: JSON, JSON Lines and CSV of articles, officials and awards, written atomically."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tui_reader import export
from tui_reader.award_summary import group_awards
from tui_reader.directory import build_directory
from tui_reader.export import (
    ExportError,
    export_articles,
    export_awards,
    export_officials,
    export_to_file,
    safe_cell,
)
from tui_reader.importing import iter_inputs
from tui_reader.store import Library

PARAGRAPHS = {
    "a.txt": ("2024-03", "Trao Huân chương Lao động cho ngành y tế Nghệ An",
              ["Ông Nguyễn Văn Thủy, Giám đốc Sở Y tế tỉnh Nghệ An, phát biểu tại buổi lễ.",
               "Chủ tịch nước tặng Huân chương Lao động hạng Ba cho Bệnh viện Đa khoa tỉnh."]),
    "b.txt": ("2024-05", "=SUM(A1) khai mạc hội nghị về chuyển đổi số",
              ["Một đoạn văn về tin tức địa phương, viết bằng tiếng Việt có dấu."]),
    "c.txt": ("2023-11", "-Người dân Đà Nẵng đón năm mới",
              ["Đại tá Lê Văn Hòa, Giám đốc Công an thành phố Đà Nẵng, cho biết như vậy."]),
}  # fmt: skip


@pytest.fixture
def library(tmp_path: Path, write_article) -> Library:
    for name, (date, title, paragraphs) in PARAGRAPHS.items():
        write_article(name, title, date=date, paragraphs=paragraphs)
    lib = Library.open(tmp_path / "l.json")
    report = lib.import_articles(iter_inputs([tmp_path / "articles"]))
    assert report.new == 3
    return lib


def written(writer, *args, **kwargs) -> tuple[int, bytes]:
    out = io.BytesIO()
    rows = writer(*args, out=out, **kwargs)
    return rows, out.getvalue()


def test_json_is_one_array_in_utf8_with_the_text(library):
    ids = library.ids()
    rows, data = written(export_articles, library, ids, "json")
    assert rows == 3
    assert b"\\u" not in data and "Nghệ An".encode() in data  # UTF-8 as is
    articles = json.loads(data)
    assert [a["id"] for a in articles] == ids
    first = articles[0]
    assert set(first) == {"id", "date", "title", "author", "source", "url", "officials",
                          "awards", "text"}  # fmt: skip
    by_title = {a["title"]: a for a in articles}
    health = by_title["Trao Huân chương Lao động cho ngành y tế Nghệ An"]
    assert "Nguyễn Văn Thủy" in health["officials"]
    assert "phát biểu tại buổi lễ" in health["text"]


def test_jsonl_has_one_object_a_line_and_text_can_be_left_out(library):
    rows, data = written(export_articles, library, library.ids(), "jsonl", with_text=False)
    lines = data.decode("utf-8").splitlines()
    assert rows == len(lines) == 3
    assert all("text" not in json.loads(line) for line in lines)


def test_csv_has_a_bom_a_header_and_no_formulas(library):
    rows, data = written(export_articles, library, library.ids(), "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0] == ["id", "date", "title", "author", "source", "url", "officials", "awards",
                        "text"]  # fmt: skip
    assert rows == len(table) - 1 == 3
    titles = [row[2] for row in table[1:]]
    assert "'=SUM(A1) khai mạc hội nghị về chuyển đổi số" in titles
    assert "'-Người dân Đà Nẵng đón năm mới" in titles
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in table for cell in row)


def test_csv_cells():
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("+84 912") == "'+84 912"
    assert safe_cell("@cmd") == "'@cmd"
    assert safe_cell("-5") == "'-5"
    assert safe_cell(["a", "=b"]) == "a; =b"  # a joined list is one cell: its start counts
    assert safe_cell(["=a", "b"]) == "'=a; b"
    assert safe_cell(None) == ""
    assert safe_cell(7) == 7


def test_rows_come_in_the_order_asked_whatever_the_shards(library, monkeypatch):
    ids = library.ids()
    # bodies read in another order than the rows, in chunks: the spill file puts them back
    monkeypatch.setattr(export, "_shard", lambda lib, article_id: -article_id)
    monkeypatch.setattr(export, "ORDER_CHUNK", 2)
    for order in (ids, list(reversed(ids)), [ids[1], ids[0], ids[2]]):
        _, data = written(export_articles, library, order, "jsonl")
        got = [json.loads(line) for line in data.splitlines()]
        assert [a["id"] for a in got] == order
        assert all(a["text"] == library.get(a["id"]).article.body for a in got)


def test_rows_are_written_one_at_a_time(library):
    class Recorder(io.BytesIO):
        writes = 0

        def write(self, data):  # type: ignore[override]
            Recorder.writes += 1
            return super().write(data)

    export_articles(library, library.ids(), "json", Recorder())
    assert Recorder.writes >= 3


def test_an_empty_library_exports_empty_files(tmp_path):
    lib = Library.open(tmp_path / "empty.json")
    assert written(export_articles, lib, [], "json") == (0, b"[]\n")
    assert written(export_articles, lib, [], "jsonl") == (0, b"")
    rows, data = written(export_articles, lib, [], "csv")
    assert rows == 0 and data.decode("utf-8-sig").strip() == (
        "id,date,title,author,source,url,officials,awards,text"
    )
    assert written(export_officials, build_directory({}), "json") == (0, b"[]\n")
    assert written(export_awards, group_awards({}), "csv")[0] == 0


def test_officials_and_awards(library):
    people = build_directory(library.records())
    rows, data = written(export_officials, people, "json")
    officials = json.loads(data)
    assert rows == len(people) == len(officials)
    hoa = next(o for o in officials if o["name"] == "Lê Văn Hòa")
    assert hoa["ranks"][0]["text"] == "Đại tá" and hoa["articles"] == 1
    assert hoa["titles"][0]["first"] == "2023-11"
    _, data = written(export_officials, people, "csv")
    table = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    row = next(r for r in table if r["name"] == "Lê Văn Hòa")
    assert row["ranks"] == "Đại tá (2023-11, 1 article)"
    assert row["ambiguous"] == "no"

    groups = group_awards(library.records())
    rows, data = written(export_awards, groups, "jsonl")
    awards = [json.loads(line) for line in data.splitlines()]
    assert rows == len(groups) >= 1
    assert any(a["award"].startswith("Huân chương Lao động") for a in awards)


def test_unknown_format_is_refused(library):
    with pytest.raises(ValueError):
        export_articles(library, library.ids(), "xml", io.BytesIO())


def test_export_to_file_replaces_atomically(tmp_path, library):
    target = tmp_path / "out" / "articles.json"
    target.parent.mkdir()
    target.write_text("old")
    assert export_to_file(target, export_articles, library, library.ids(), "json") == 3
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 3
    assert [p.name for p in target.parent.iterdir()] == ["articles.json"]

    def broken(out):
        out.write(b"half")
        raise RuntimeError("disk trouble")

    with pytest.raises(RuntimeError):
        export_to_file(target, broken)
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 3  # the old export is intact
    assert [p.name for p in target.parent.iterdir()] == ["articles.json"]


def test_export_to_a_missing_folder_names_the_file(tmp_path, library):
    target = tmp_path / "nowhere" / "a.csv"
    with pytest.raises(ExportError) as info:
        export_to_file(target, export_articles, library, library.ids(), "csv")
    assert str(target) in str(info.value)
