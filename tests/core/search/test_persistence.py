"""Saving and loading the index: same answers after a round trip, clear errors when corrupt."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_reader.search import IndexDoc, IndexFileError, SearchIndex

QUERIES = [
    "thuy",
    "phượng",
    "pham thi th",
    '"thanh thuy"',
    "official:ha",
    "award:lao",
    "author:son",
    "title:trao",
    "date:2023",
    "tin -phuong",
    "dang",
]


def make_index() -> SearchIndex:
    ix = SearchIndex()
    ix.add_many(
        [
            (
                i,
                IndexDoc(
                    title=f"Trao thưởng {i}" if i % 3 == 0 else f"Tin {i}",
                    body=(
                        "Bà Phạm Thị Thanh Thuỷ phát biểu. Hoa phượng nở."
                        if i % 2
                        else "Đảng bộ đang họp. Bà Thủy dự."
                    ),
                    date=f"{2020 + i % 5}-{1 + i % 12:02d}",
                    author="Thanh Sơn" if i % 4 == 0 else None,
                    officials=["Trần Phú Hà, Bí thư"] if i % 5 == 0 else [],
                    awards=["Huân chương Lao động của Chủ tịch nước"] if i % 7 == 0 else [],
                ),
            )
            for i in range(1, 200)
        ]
    )
    return ix


def answers(ix: SearchIndex) -> list[list[int]]:
    return [ix.search(q) for q in QUERIES]


def test_round_trip_gives_the_same_answers(tmp_path: Path):
    ix = make_index()
    before = answers(ix)
    assert all(before), "every query should find something"
    path = tmp_path / "search.idx"
    ix.save(path)
    loaded = SearchIndex.load(path)
    assert len(loaded) == len(ix) and 5 in loaded
    assert answers(loaded) == before


def test_changes_after_load_and_a_second_save(tmp_path: Path):
    path = tmp_path / "search.idx"
    make_index().save(path)
    ix = SearchIndex.load(path)
    ix.remove(5)
    ix.add(7, IndexDoc(title="Tin sửa", body="Không còn gì.", date="2019-01"))
    ix.add(500, IndexDoc(title="Tin mới", body="Ông Nguyễn Văn Hòa.", date="2026-01"))
    expected = answers(ix) + [ix.search("hoa"), ix.search("khong con")]
    assert ix.search("khong con") == [7]
    assert ix.search("hoa")[0] == 500
    ix.save(path)
    again = SearchIndex.load(path)
    assert answers(again) + [again.search("hoa"), again.search("khong con")] == expected
    assert 5 not in again and 500 in again and len(again) == len(ix)


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path: Path):
    path = tmp_path / "search.idx"
    make_index().save(path)
    SearchIndex().save(path)  # overwrite with an empty index
    assert [p.name for p in tmp_path.iterdir()] == ["search.idx"]
    assert len(SearchIndex.load(path)) == 0


def test_empty_index_round_trip(tmp_path: Path):
    path = tmp_path / "empty.idx"
    SearchIndex().save(path)
    ix = SearchIndex.load(path)
    assert len(ix) == 0 and ix.search("thuy") == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"not an index at all",
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data[:-1],
        lambda data: data[:100] + bytes([data[100] ^ 0xFF]) + data[101:],  # one byte flipped
        lambda data: data[:8] + b"\x63" + data[9:],  # unknown format version
    ],
)
def test_corrupt_file_raises_index_file_error(tmp_path: Path, damage):
    path = tmp_path / "search.idx"
    make_index().save(path)
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(IndexFileError) as info:
        SearchIndex.load(path)
    assert info.value.path == path
    assert info.value.reason


def test_table_that_passes_the_checksum_but_does_not_fit_raises(tmp_path: Path):
    from array import array

    from tui_reader.search import indexfile

    path = tmp_path / "search.idx"
    out = indexfile.SectionWriter()
    table = {"slot_doc": out.put(array("q", [1, 2])), "slot_month": out.put(array("I", [1]))}
    indexfile.write(path, table, out)
    with pytest.raises(IndexFileError):
        SearchIndex.load(path)


def test_missing_file_raises_index_file_error(tmp_path: Path):
    with pytest.raises(IndexFileError):
        SearchIndex.load(tmp_path / "nope.idx")
