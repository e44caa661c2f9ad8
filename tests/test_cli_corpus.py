"""The corpus commands: officials across articles, and export in three formats."""

from __future__ import annotations

import csv
import io
import json

from tui_reader.cli import main

from .conftest import DATA


def imported(capsys, tmp_path) -> str:
    db = str(tmp_path / "lib.json")
    assert main(["--db", db, "import", str(DATA)]) == 0
    capsys.readouterr()
    return db


def test_officials_lists_people_with_their_titles(capsys, tmp_path):
    db = imported(capsys, tmp_path)
    assert main(["--db", db, "officials", "tran phu ha"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Trần Phú Hà")
    assert "Giám đốc Công an tỉnh" in out and "Thiếu tướng" in out
    assert main(["--db", db, "officials", "--json"]) == 0
    people = json.loads(capsys.readouterr().out)
    assert any(p["name"] == "Phạm Thị Thanh Thủy" for p in people)


def test_export_formats(capsys, tmp_path):
    db = imported(capsys, tmp_path)
    assert main(["--db", db, "export", "--format", "json", "--query", "giay khen"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all("title" in r for r in rows)
    assert main(["--db", db, "export", "--format", "jsonl", "--what", "awards"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines and all(json.loads(line)["award"] for line in lines)
    out = tmp_path / "officials.csv"
    assert (
        main(["--db", db, "export", "--format", "csv", "--what", "officials", "-o", str(out)]) == 0
    )
    text = out.read_text(encoding="utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert len(table) > 5 and any("Trần Phú Hà" in cell for row in table for cell in row)


def test_awards_and_timeline_commands(capsys, tmp_path):
    db = imported(capsys, tmp_path)
    assert main(["--db", db, "awards"]) == 0
    out = capsys.readouterr().out
    assert "Giấy khen — của Giám đốc Công an tỉnh" in out and "tập thể" in out
    assert main(["--db", db, "awards", "--by", "issuer", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)
    assert main(["--db", db, "timeline"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("2023-01") and "17 articles" in out[0]
    assert out[1].startswith("2023-01 ") and out[1].endswith(" 2025-06")
    assert main(["--db", db, "timeline", "--query", "date:2024", "--json"]) == 0
    months = json.loads(capsys.readouterr().out)
    assert months[0]["month"].startswith("2024") and sum(m["articles"] for m in months) >= 1
