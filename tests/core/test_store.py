"""The library: round trip, idempotent import, atomic writes, damaged files never overwritten."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from tui_reader import store as store_module
from tui_reader.importing import iter_inputs
from tui_reader.storage import DatabaseCorruptError, StoreError, backup_path
from tui_reader.store import Library

from ..conftest import SEED


def import_paths(library: Library, *paths: Path):
    return library.import_articles(iter_inputs(list(paths)))


def test_round_trip_keeps_text_metadata_and_extraction(db_path, tmp_path):
    library = Library.open(db_path)
    report = import_paths(library, SEED)
    assert (report.new, report.updated, report.unchanged, report.failed) == (1, 0, 0, [])

    reopened = Library.open(db_path)
    assert len(reopened) == 1
    stored = reopened.get(reopened.ids()[0])
    assert stored.article.title.startswith("Đẩy mạnh phong trào toàn dân")
    assert stored.article.date == "2023-06"
    assert stored.article.author == "Lê Phượng"
    assert stored.article.paragraphs[0].startswith("Chiều 15-6")
    names = [o.name for o in stored.extraction.officials]
    assert "Trần Phú Hà" in names
    # mention offsets point at the name in the body
    ha = next(o for o in stored.extraction.officials if o.name == "Trần Phú Hà")
    body = stored.article.body
    assert ha.mentions and all("Hà" in body[s:e] or "Trần" in body[s:e] for s, e in ha.mentions)


def test_utf8_is_stored_as_is_not_escaped(db_path):
    library = Library.open(db_path)
    import_paths(library, SEED)
    raw = db_path.read_bytes()
    assert "Đẩy mạnh".encode() in raw
    assert b"\\u" not in raw


def test_second_import_reports_unchanged_and_edit_updates(db_path, write_article):
    first = write_article("a.txt", "Tin thứ nhất")
    write_article("b.txt", "Tin thứ hai")
    library = Library.open(db_path)
    report = import_paths(library, first.parent)
    assert report.summary() == "2 new, 0 updated, 0 unchanged, 0 failed"

    again = import_paths(Library.open(db_path), first.parent)
    assert again.summary() == "0 new, 0 updated, 2 unchanged, 0 failed"

    write_article("a.txt", "Tin thứ nhất, đã sửa")
    edited = Library.open(db_path)
    report = import_paths(edited, first.parent)
    assert report.summary() == "0 new, 1 updated, 1 unchanged, 0 failed"
    titles = sorted(edited.summary(i).title for i in edited.ids())
    assert titles == ["Tin thứ hai", "Tin thứ nhất, đã sửa"]


def test_bad_files_are_reported_and_the_rest_imported(db_path, write_article, tmp_path):
    good = write_article("good.txt", "Tin tốt")
    (good.parent / "empty.txt").write_bytes(b"")
    (good.parent / "binary.txt").write_bytes(b"\x00\x01\x02\xff")
    library = Library.open(db_path)
    report = import_paths(library, good.parent)
    assert report.new == 1
    failed = {Path(source).name for source, _ in report.failed}
    assert failed == {"empty.txt", "binary.txt"}
    assert len(Library.open(db_path)) == 1


def test_newest_first(db_path, write_article):
    folder = write_article("old.txt", "Cũ", date="2020-01").parent
    write_article("new.txt", "Mới", date="2025-03")
    write_article("mid.txt", "Giữa", date="2023-07")
    library = Library.open(db_path)
    import_paths(library, folder)
    assert [library.summary(i).title for i in library.ids()] == ["Mới", "Giữa", "Cũ"]


def test_crash_during_commit_leaves_the_old_library(db_path, write_article, monkeypatch):
    folder = write_article("a.txt", "Tin A").parent
    import_paths(Library.open(db_path), folder)
    before = db_path.read_bytes()

    write_article("b.txt", "Tin B")

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Library, "_write_meta", crash)
    with pytest.raises(OSError):
        import_paths(Library.open(db_path), folder)
    monkeypatch.undo()

    assert db_path.read_bytes() == before
    reopened = Library.open(db_path)
    assert [reopened.summary(i).title for i in reopened.ids()] == ["Tin A"]
    # the next import completes the work
    report = import_paths(reopened, folder)
    assert report.new == 1 and report.unchanged == 1


def test_corrupt_database_is_never_overwritten(db_path, write_article):
    folder = write_article("a.txt", "Tin A").parent
    import_paths(Library.open(db_path), folder)
    write_article("b.txt", "Tin B")
    import_paths(Library.open(db_path), folder)  # leaves a .bak of the first version
    db_path.write_bytes(db_path.read_bytes()[:40])  # truncated
    damaged = db_path.read_bytes()

    with pytest.raises(DatabaseCorruptError) as info:
        Library.open(db_path)
    message = str(info.value)
    assert str(db_path) in message and ".bak" in message
    assert db_path.read_bytes() == damaged
    assert backup_path(db_path).exists()
    # the backup is a good library
    os.replace(backup_path(db_path), db_path)
    assert len(Library.open(db_path)) >= 1


def test_read_only_folder_is_reported(tmp_path, write_article):
    if os.geteuid() == 0:
        pytest.skip("root can write to read-only folders")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        library = Library.open(folder / "library.json")
        with pytest.raises(StoreError):
            import_paths(library, write_article("a.txt", "Tin A"))
    finally:
        folder.chmod(0o700)


def test_disk_full_is_reported_and_nothing_changes(db_path, write_article, monkeypatch):
    folder = write_article("a.txt", "Tin A").parent
    import_paths(Library.open(db_path), folder)
    before = db_path.read_bytes()
    write_article("b.txt", "Tin B")

    real_open = open

    def full_disk_open(file, mode="r", *args, **kwargs):
        if "w" in mode and str(file).endswith(".tmp"):
            raise OSError(28, "No space left on device")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", full_disk_open)
    with pytest.raises(StoreError) as info:
        import_paths(Library.open(db_path), folder)
    monkeypatch.undo()
    assert "disk is full" in str(info.value)
    assert db_path.read_bytes() == before


def test_reading_state_persists(db_path):
    library = Library.open(db_path)
    import_paths(library, SEED)
    article_id = library.ids()[0]
    assert not library.is_read(article_id)
    library.set_state(article_id, read=True, bookmarked=True)
    reopened = Library.open(db_path)
    assert reopened.is_read(article_id) and reopened.is_bookmarked(article_id)


def test_changes_by_another_process_are_seen_after_reload(db_path, write_article):
    folder = write_article("a.txt", "Tin A").parent
    reader = Library.open(db_path)
    assert len(reader) == 0
    import_paths(Library.open(db_path), folder)
    assert reader.changed_on_disk()
    reader.reload()
    assert len(reader) == 1


def test_bodies_are_sharded(db_path, write_article, monkeypatch):
    monkeypatch.setattr(store_module, "SHARD_SIZE", 2)
    folder = None
    for n in range(5):
        folder = write_article(f"{n}.txt", f"Tin {n}").parent
    library = Library.open(db_path)
    import_paths(library, folder)
    shards = sorted(p.name for p in library.bodies_dir.glob("*.json"))
    assert len(shards) == 3
    reopened = Library.open(db_path)
    assert sorted(reopened.get(i).article.title for i in reopened.ids()) == [
        f"Tin {n}" for n in range(5)
    ]


def test_reading_state_filters_in_search(db_path, write_article):
    folder = write_article("a.txt", "Tin một").parent
    write_article("b.txt", "Tin hai")
    write_article("c.txt", "Chuyện ba")
    library = Library.open(db_path)
    import_paths(library, folder)
    by_title = {library.summary(i).title: i for i in library.ids()}
    one, two, three = by_title["Tin một"], by_title["Tin hai"], by_title["Chuyện ba"]
    library.set_state(one, read=True)
    library.set_state(two, bookmarked=True)
    assert set(library.search("is:unread")) == {two, three}
    assert library.search("is:read") == [one]
    assert library.search("title:tin is:bookmarked") == [two]
    assert library.search("title:tin is:unread") == [two]
    assert library.search("chuyen is:read") == []


def test_batches_commit_in_the_background_and_a_failure_stops_the_import(db_path, write_article):
    folder = None
    for n in range(7):
        folder = write_article(f"{n}.txt", f"Tin số {n}").parent
    library = Library.open(db_path)
    report = library.import_articles(iter_inputs([folder]), batch_size=2)
    assert report.new == 7
    assert sorted(Library.open(db_path).summary(i).title for i in library.ids()) == [
        f"Tin số {n}" for n in range(7)
    ]

    for n in range(7, 12):
        write_article(f"{n}.txt", f"Tin số {n}")
    calls = []
    real_commit = Library._commit

    def failing_commit(self, staged):
        calls.append(staged.size)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_commit(self, staged)

    library = Library.open(db_path)
    library._commit = failing_commit.__get__(library)
    with pytest.raises(OSError):
        library.import_articles(iter_inputs([folder]), batch_size=2)
    stored = Library.open(db_path)
    assert len(stored) == 9  # the first new batch landed whole, nothing after the failure
    assert len(stored.search("tin")) == 9


def test_a_read_only_place_is_reported_and_nothing_changes(db_path, write_article, monkeypatch):
    import errno

    folder = write_article("a.txt", "Tin A").parent
    import_paths(Library.open(db_path), folder)
    before = db_path.read_bytes()
    write_article("b.txt", "Tin B")

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("tui_reader.storage.os.replace", read_only)
    with pytest.raises(StoreError) as info:
        import_paths(Library.open(db_path), folder)
    monkeypatch.undo()
    assert "read-only" in str(info.value) and str(db_path.parent) in str(info.value)
    assert db_path.read_bytes() == before
    assert [Library.open(db_path).summary(i).title for i in Library.open(db_path).ids()] == [
        "Tin A"
    ]


def test_long_phrases_match_only_adjacent_words(db_path, write_article):
    folder = write_article(
        "a.txt", "Tin một", paragraphs=["Hội nghị ban thường vụ tỉnh ủy họp sáng nay."]
    ).parent
    # every pair of "ban thường vụ" is here, but never the three words in a row
    write_article("b.txt", "Tin hai", paragraphs=["Trưởng ban thường trực; thường vụ hội."])
    library = Library.open(db_path)
    import_paths(library, folder)
    titles = [library.summary(i).title for i in library.search('"ban thuong vu"')]
    assert titles == ["Tin một"]
    # the index alone, checking pairs, would have taken both
    assert len(library.index().search('"ban thuong vu"')) == 2
    assert {library.summary(i).title for i in library.search('"ban thuong"')} == {
        "Tin một",
        "Tin hai",
    }


def test_the_list_file_holds_no_extractions_and_opening_an_article_does_not_need_them(db_path):
    import_paths(Library.open(db_path), SEED)
    meta_doc = next(iter(orjson.loads(db_path.read_bytes())["articles"].values()))
    assert "officials" not in meta_doc and meta_doc["n_officials"] > 0

    library = Library.open(db_path)
    stored = library.get(library.ids()[0])
    assert "Trần Phú Hà" in [o.name for o in stored.extraction.officials]
    assert library._extractions is None  # the corpus-wide file was not read for one article
    record = library.record(library.ids()[0])
    assert "Trần Phú Hà" in [o["name"] for o in record["officials"]]
    assert library.summary(library.ids()[0]).officials == len(record["officials"])


def test_a_library_from_before_the_split_opens_and_is_split_at_its_next_import(
    db_path, write_article
):
    """Officials and awards used to live in library.json and bodies held only offsets."""
    import_paths(Library.open(db_path), SEED)
    extractions_path = db_path.with_name("library.extractions.json")
    extractions = orjson.loads(extractions_path.read_bytes())["extractions"]
    data = orjson.loads(db_path.read_bytes())
    for doc_id, meta in data["articles"].items():
        meta["uid"] = meta["source"]
        meta["officials"] = extractions[doc_id]["officials"]
        meta["awards"] = extractions[doc_id]["awards"]
        del meta["n_officials"], meta["n_awards"]
    db_path.write_bytes(orjson.dumps(data))
    extractions_path.unlink()
    for shard in db_path.with_name("library.bodies").glob("*.json"):
        bodies = orjson.loads(shard.read_bytes())
        for body in bodies["bodies"].values():
            del body["officials"], body["awards"]
        shard.write_bytes(orjson.dumps(bodies))

    old = Library.open(db_path)
    seed_id = old.ids()[0]
    assert old.summary(seed_id).officials > 0
    assert "Trần Phú Hà" in [o.name for o in old.get(seed_id).extraction.officials]
    assert old.search("official:tran phu ha") == [seed_id]

    report = import_paths(old, write_article("new.txt", "Tin mới"), SEED)
    assert (report.new, report.unchanged) == (1, 1)
    meta_docs = orjson.loads(db_path.read_bytes())["articles"].values()
    assert all("officials" not in m for m in meta_docs)
    split = Library.open(db_path)
    assert len(split) == 2
    assert "Trần Phú Hà" in [o.name for o in split.get(seed_id).extraction.officials]
    assert split._extractions is None  # the old bodies were given their extractions too
    assert "Trần Phú Hà" in [o["name"] for o in split.record(seed_id)["officials"]]


def test_a_missing_or_outdated_index_is_rebuilt_on_every_core(db_path, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(260):  # above the size that takes the worker pool
        word = "Huân chương Lao động" if n % 13 == 0 else "Giấy khen"
        (folder / f"{n:03d}.txt").write_text(
            f" date 2024-{n % 12 + 1:02d} Tin số {n}\n\nĐơn vị {n} nhận {word}.\n\nMinh Anh\n",
            encoding="utf-8",
        )
    from tui_reader.importing import import_paths as import_on_every_core

    library = Library.open(db_path)
    assert import_on_every_core(library, [folder], workers=2).new == 260
    expected = library.search('"huan chuong lao dong"')
    assert len(expected) == 20

    index_path = db_path.with_name("library.index")
    index_path.write_bytes(b"an index from an older version")
    rebuilt = Library.open(db_path)
    assert rebuilt.search('"huan chuong lao dong"') == expected
    assert rebuilt.search("date:2024-03 giay khen") == library.search("date:2024-03 giay khen")
    index_path.unlink()
    assert Library.open(db_path).search('"huan chuong lao dong"') == expected
    assert index_path.exists()  # saved again for the next start


def test_the_library_tells_when_its_index_must_be_rebuilt(db_path):
    import_paths(Library.open(db_path), SEED)
    assert not Library.open(db_path).index_needs_rebuild()
    index_path = db_path.with_name("library.index")
    data = index_path.read_bytes()
    index_path.write_bytes(data[:8] + bytes([data[8] - 1]) + data[9:])  # an older format
    library = Library.open(db_path)
    assert library.index_needs_rebuild()
    assert library.search("tran phu ha")  # rebuilt
    assert not library.index_needs_rebuild()
    assert not Library.open(db_path).index_needs_rebuild()


def test_an_index_rebuilt_by_a_read_only_reader_is_saved_for_the_next_one(db_path):
    import_paths(Library.open(db_path), SEED)
    index_path = db_path.with_name("library.index")
    index_path.unlink()
    assert Library.open(db_path, read_only=True).search("tran phu ha")
    assert index_path.exists()
    assert not Library.open(db_path, read_only=True).index_needs_rebuild()


def test_an_article_met_twice_in_one_import_is_stored_and_found_as_the_last(db_path, tmp_path):
    bulk = tmp_path / "twice.jsonl"
    first = {"title": "Tin lặp", "content": "Nội dung zebraword.", "date": "2024-05", "url": "u"}
    second = {"title": "Tin lặp", "content": "Nội dung yakword.", "date": "2023-01", "url": "u"}
    bulk.write_text(orjson.dumps(first).decode() + "\n" + orjson.dumps(second).decode() + "\n")
    library = Library.open(db_path)
    library.import_articles(iter_inputs([bulk]))
    (article_id,) = library.ids()
    assert "yakword" in library.get(article_id).article.body
    assert library.search("yakword") == [article_id]
    assert library.search("zebraword") == []
    assert library.search("date:2024-05") == []


def test_a_failed_import_leaves_no_trace_in_the_next_one(db_path, write_article, monkeypatch):
    write_article("x.txt", "Tin gốc", paragraphs=["Nội dung ban đầu."])
    folder = write_article("y.txt", "Tin khác").parent
    library = Library.open(db_path)
    import_paths(library, folder)

    write_article("x.txt", "Tin gốc", paragraphs=["Nội dung đã sửa zebraword."])

    def full_disk(self, shard, docs):
        raise StoreError(self._shard_path(shard), "the disk is full; nothing was changed")

    monkeypatch.setattr(Library, "_write_shard", full_disk)
    with pytest.raises(StoreError):
        import_paths(library, folder)
    monkeypatch.undo()
    write_article("z.txt", "Tin mới", paragraphs=["Một tin khác hẳn."])
    import_paths(library, folder.parent / "articles" / "z.txt")

    reopened = Library.open(db_path)
    assert reopened.search("zebraword") == []  # the failed update left nothing in the index
    assert len(reopened.search('"ban dau"')) == 1


def test_a_library_with_both_layouts_keeps_every_article_s_extractions(db_path, write_article):
    """An older version writing into a library this one split leaves both layouts in it."""
    import_paths(Library.open(db_path), SEED)
    data = orjson.loads(db_path.read_bytes())
    data["articles"]["999"] = {
        "uid": "old.txt", "source": "old.txt", "hash": "h", "title": "Tin cũ", "date": "2020-01",
        "author": None, "shard": 9, "officials": [{"name": "Lê Văn Cũ", "rank": None,
        "titles": []}], "awards": [],
    }  # fmt: skip
    db_path.write_bytes(orjson.dumps(data))
    library = Library.open(db_path)
    seed_id = next(i for i in library.ids() if i != 999)
    assert library.summary(seed_id).officials > 0
    assert [o["name"] for o in library.record(999)["officials"]] == ["Lê Văn Cũ"]
    import_paths(library, write_article("new.txt", "Tin mới"))
    split = Library.open(db_path)
    assert "Trần Phú Hà" in [o["name"] for o in split.record(seed_id)["officials"]]
    assert [o["name"] for o in split.record(999)["officials"]] == ["Lê Văn Cũ"]
    metas = orjson.loads(db_path.read_bytes())["articles"].values()
    assert all("officials" not in m for m in metas)


def test_an_update_stopped_before_its_commit_heals_when_either_text_comes_again(
    db_path, write_article, monkeypatch
):
    original = write_article("x.txt", "Tin gốc", paragraphs=["Nội dung ban đầu."])
    library = Library.open(db_path)
    import_paths(library, original)
    (article_id,) = library.ids()

    write_article("x.txt", "Tin gốc", paragraphs=["Nội dung đã sửa."])

    def killed(self, metas, generation):  # the process dies at the commit point
        raise KeyboardInterrupt

    monkeypatch.setattr(Library, "_write_meta", killed)
    with pytest.raises(KeyboardInterrupt):
        import_paths(Library.open(db_path), original)
    monkeypatch.undo()

    write_article("x.txt", "Tin gốc", paragraphs=["Nội dung ban đầu."])  # the original is back
    report = import_paths(Library.open(db_path), original)
    assert report.updated == 1  # not "unchanged": its shard held the text never committed
    healed = Library.open(db_path)
    assert healed.get(article_id).article.paragraphs == ["Nội dung ban đầu."]
    assert not db_path.with_name("library.pending.json").exists()
    assert import_paths(healed, original).unchanged == 1
