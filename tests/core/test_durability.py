"""Killing an import at any moment, or two imports at once, never costs stored articles."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tui_reader.importing import iter_inputs
from tui_reader.store import Library

from ..conftest import article_text


def write_articles(folder: Path, count: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        paragraphs = [
            f"Sáng nay, UBND huyện số {n} tổ chức hội nghị tổng kết công tác năm.",
            f"Ông Nguyễn Văn Số{n}, Chủ tịch UBND huyện, phát biểu chỉ đạo hội nghị.",
        ]
        (folder / f"{n:05d}.txt").write_text(
            article_text(
                f"Hội nghị số {n}", date=f"20{10 + n % 15}-0{1 + n % 9}", paragraphs=paragraphs
            ),
            encoding="utf-8",
        )
    return folder


def cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "tui_reader", "--db", str(db), *args]


def test_sigkill_at_random_moments_leaves_old_or_new_library(tmp_path):
    everything = write_articles(tmp_path / "all", 400)
    baseline = tmp_path / "baseline" / "library.json"
    Library.open(baseline).import_articles(iter_inputs(sorted(everything.iterdir())[:40]))
    old_library = Library.open(baseline)
    old_titles = {old_library.summary(i).title for i in old_library.ids()}

    rng = random.Random(11)
    outcomes = set()
    for trial in range(8):
        folder = tmp_path / f"trial{trial}"
        shutil.copytree(baseline.parent, folder)
        db = folder / "library.json"
        process = subprocess.Popen(
            cli(db, "import", "--quiet", str(everything)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, 2.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        library = Library.open(db)  # must open: never a half-written file
        titles = {library.summary(i).title for i in library.ids()}
        assert len(library) == len(titles) in (40, 400), f"trial {trial}: {len(library)} articles"
        assert old_titles <= titles
        # every article's text is readable and the search index agrees with the metadata
        for article_id in library.ids()[:20]:
            assert library.get(article_id).article.paragraphs
        found = library.search("hoi nghi")
        assert len(found) == len(titles) and set(found) <= set(library.ids())
        outcomes.add(len(titles))
    # the delays span the whole import (both outcomes were seen here); each one was valid
    assert outcomes <= {40, 400}


def test_two_imports_at_once_are_serialised(tmp_path):
    first = write_articles(tmp_path / "a", 150)
    second = write_articles(tmp_path / "b", 150, start=1000)
    db = tmp_path / "db" / "library.json"
    runs = [
        subprocess.Popen(
            cli(db, "import", "--quiet", str(folder)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in (first, second)
    ]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    assert all("150 new" in out for out, _ in results)
    library = Library.open(db)
    assert len(library) == 300
    assert len(library.search("hoi nghi")) == 300


def test_a_large_folder_with_a_few_bad_files(tmp_path):
    folder = write_articles(tmp_path / "many", 1500)
    (folder / "sub").mkdir()
    (folder / "sub" / "empty.txt").write_bytes(b"")
    (folder / "sub" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "sub" / "no-date.txt").write_text("Chỉ có tiêu đề\n\nvà một đoạn.", encoding="utf-8")
    db = tmp_path / "db" / "library.json"
    run = subprocess.run(
        cli(db, "import", "--quiet", str(folder)), capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 1
    assert run.stdout.strip() == "1500 new, 0 updated, 0 unchanged, 3 failed"
    errors = run.stderr.strip().splitlines()
    assert len(errors) == 3 and all("Traceback" not in e for e in errors)
    assert {e.split(": ")[1].rsplit("/", 1)[-1] for e in errors} == {
        "empty.txt",
        "binary.txt",
        "no-date.txt",
    }
    assert len(Library.open(db)) == 1500
