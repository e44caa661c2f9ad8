"""The extractor on the annotated dev articles keeps the project's F1 floors."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tui_reader.extract import extract
from tui_reader.reading import read_article_file

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
DEV = SHARED / "eval" / "dev"
SCORER = SHARED / "eval" / "score.py"
FLOORS = {"names": 0.93, "titles": 0.85, "awards": 0.85}


@pytest.fixture(scope="module")
def scorer():
    if not SCORER.is_file() or not DEV.is_dir():
        pytest.skip("the shared eval folder is not next to the repository")
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_set_f1_floors(scorer):
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.json"))]
    tallies = {
        name: scorer.Tally()
        for name in (
            "names",
            "titles",
            "awards",
            "ranks",
            "rank_total",
            "counts",
            "count_total",
            "title",
            "date",
            "author",
        )
    }
    log: list[str] = []
    for gold in golds:
        article = read_article_file(SHARED / gold["article"])
        pred = extract(article.title, article.body).to_json(with_mentions=False)
        scorer.score_article(gold, pred, tallies, log)
    f1 = {name: tallies[name].prf()[2] for name in FLOORS}
    for name, floor in FLOORS.items():
        assert f1[name] >= floor, f"{name} F1 {f1[name]:.3f} < {floor}: " + "\n".join(log)
    assert sum(f1.values()) / 3 >= 0.90
