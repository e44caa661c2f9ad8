"""The command line: import, list, show, search, extract; errors as one line, never a traceback."""

from __future__ import annotations

import json

import pytest

from tui_reader.cli import main

from .conftest import SEED


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("tui-reader ")


def test_extract_seed_json(capsys):
    code, out, _ = run(capsys, "extract", str(SEED), "--json")
    assert code == 0
    [record] = json.loads(out)
    assert record["source"] == str(SEED)
    assert record["date"] == "2023-06"
    assert record["author"] == "Lê Phượng"
    assert record["title"].startswith("Đẩy mạnh phong trào")
    names = {o["name"] for o in record["officials"]}
    assert {"Phạm Thị Thanh Thủy", "Trần Phú Hà"} <= names
    award = next(a for a in record["awards"] if a["award"] == "Giấy khen")
    assert (award["collectives"], award["individuals"]) == (10, 15)


def test_extract_bad_file_gets_an_error_object_and_exit_1(capsys, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code, out, err = run(capsys, "extract", str(bad), str(SEED), "--json")
    assert code == 1
    records = json.loads(out)
    assert records[0]["error"] and records[0]["officials"] == []
    assert records[1]["date"] == "2023-06"
    assert err.count("\n") == 1 and str(bad) in err


def test_import_list_show_search(capsys, tmp_path, write_article):
    db = str(tmp_path / "lib.json")
    folder = write_article("a.txt", "Lễ trao Bằng khen cho công an huyện", date="2024-02").parent
    write_article(
        "b.txt", "Mùa lúa mới", date="2024-03", paragraphs=["Nông dân thu hoạch lúa sớm."]
    )
    (folder / "broken.txt").write_text("no date line here", encoding="utf-8")

    code, out, err = run(capsys, "--db", db, "import", str(folder))
    assert code == 1
    assert out.strip() == "2 new, 0 updated, 0 unchanged, 1 failed"
    assert "broken.txt" in err and "Traceback" not in err

    code, out, _ = run(capsys, "--db", db, "import", str(folder / "a.txt"), str(folder / "b.txt"))
    assert code == 0 and out.strip() == "0 new, 0 updated, 2 unchanged, 0 failed"

    code, out, _ = run(capsys, "--db", db, "list", "--json")
    rows = json.loads(out)
    assert [r["title"] for r in rows] == ["Mùa lúa mới", "Lễ trao Bằng khen cho công an huyện"]

    code, out, _ = run(capsys, "--db", db, "search", "bang khen", "--json")
    assert code == 0
    assert [r["title"] for r in json.loads(out)] == ["Lễ trao Bằng khen cho công an huyện"]

    first_id = str(rows[0]["id"])
    code, out, _ = run(capsys, "--db", db, "show", first_id)
    assert code == 0 and "Mùa lúa mới" in out and "Nông dân thu hoạch" in out


def test_show_unknown_id_is_one_line(capsys, tmp_path):
    code, out, err = run(capsys, "--db", str(tmp_path / "lib.json"), "show", "99")
    assert code == 1
    assert err.strip().startswith("tui-reader: no article with id 99")


def test_corrupt_database_is_one_line_and_left_alone(capsys, tmp_path):
    db = tmp_path / "lib.json"
    db.write_bytes(b'{"articles": {"1": {"title"')
    code, _, err = run(capsys, "--db", str(db), "list")
    assert code == 1
    assert str(db) in err and err.count("\n") == 1 and "Traceback" not in err
    assert db.read_bytes() == b'{"articles": {"1": {"title"'


def test_cli_output_never_carries_escape_codes(capsys, tmp_path, write_article):
    db = str(tmp_path / "lib.json")
    path = write_article(
        "x.txt",
        "Tiêu đề \x1b[2J\x1b]0;pwned\x07 [@click=app.quit]x[/]",
        paragraphs=["Đoạn \x1b[31mđỏ\x1b[0m \u202e ngược"],
    )
    run(capsys, "--db", db, "import", str(path))
    for argv in (["list"], ["show", "1"], ["search", "tieu de"]):
        _, out, err = run(capsys, "--db", db, *argv)
        assert "\x1b" not in out + err and "\x07" not in out + err and "\u202e" not in out + err
    _, out, _ = run(capsys, "--db", db, "list")
    assert "[@click=app.quit]x[/]" in out
