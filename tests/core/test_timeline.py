"""Articles per month, sparklines and one-line summaries."""

from __future__ import annotations

from tui_reader.timeline import BLOCKS, articles_per_month, sparkline, summarise


def metas_of(*dates: str | None) -> dict[int, dict]:
    return {i: {"title": "t", "date": d} for i, d in enumerate(dates, start=1)}


def test_every_month_from_first_to_last_with_zeros_and_undated_skipped():
    metas = metas_of("2017-05", "2017-02", None, "2017-05", "2016-12")
    assert articles_per_month(metas) == [
        ("2016-12", 1), ("2017-01", 0), ("2017-02", 1), ("2017-03", 0), ("2017-04", 0),
        ("2017-05", 2),
    ]  # fmt: skip


def test_only_the_given_ids_are_counted():
    metas = metas_of("2017-05", "2017-02", "2017-07")
    assert articles_per_month(metas, ids=[1, 3]) == [("2017-05", 1), ("2017-06", 0),
                                                      ("2017-07", 1)]  # fmt: skip
    assert articles_per_month(metas, ids=[]) == []
    assert articles_per_month({}) == []
    assert articles_per_month(metas_of(None, "not a date")) == []


def test_sparkline_scales_to_the_largest_and_keeps_quiet_months_visible():
    line = sparkline([0, 1, 4, 8])
    assert len(line) == 4
    assert line[0] == BLOCKS[0] and line[-1] == BLOCKS[-1]
    assert line[1] != BLOCKS[0]  # one article is not nothing
    assert set(line) <= set(BLOCKS)
    assert sparkline([]) == ""
    assert sparkline([0, 0]) == BLOCKS[0] * 2
    assert sparkline([5]) == BLOCKS[-1]


def test_sparkline_is_resampled_to_the_width():
    counts = [0] * 50 + [10] * 50
    line = sparkline(counts, width=10)
    assert len(line) == 10
    assert line[:5] == BLOCKS[0] * 5 and line[5:] == BLOCKS[-1] * 5
    assert len(sparkline([1, 2, 3], width=12)) == 12  # stretched
    assert sparkline([1, 2], width=0) == ""


def test_summary_reads_as_one_line():
    months = [("2017-02", 370), ("2017-03", 9), ("2017-04", 0), ("2017-05", 412),
              ("2017-06", 518), ("2017-07", 276)]  # fmt: skip
    assert summarise(months) == "2017-02 … 2017-07: 1,585 articles, peak 2017-06 (518)"
    assert summarise([("2024-01", 1)]) == "2024-01: 1 article"
    assert summarise([]) == "no dated articles"
