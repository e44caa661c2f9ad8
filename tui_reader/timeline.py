"""Articles per month, as a list, a one-line sparkline and a one-line summary."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

BLOCKS = "▁▂▃▄▅▆▇█"


def _month_number(month: str) -> int | None:
    """ "2017-05" -> 2017 * 12 + 4; None for anything else."""
    if len(month) < 7 or month[4] != "-" or not (month[:4].isdigit() and month[5:7].isdigit()):
        return None
    number = int(month[5:7])
    return int(month[:4]) * 12 + number - 1 if 1 <= number <= 12 else None


def articles_per_month(metas: dict[int, dict],
                       ids: Iterable[int] | None = None) -> list[tuple[str, int]]:  # fmt: skip
    """(month, articles) for every month from the first to the last, months without articles
    included as 0; articles without a date are left out."""
    counts: Counter[int] = Counter()
    for article_id in metas if ids is None else ids:
        meta = metas.get(article_id)
        date = meta.get("date") if meta else None
        if isinstance(date, str):
            number = _month_number(date)
            if number is not None:
                counts[number] += 1
    if not counts:
        return []
    return [
        (f"{n // 12:04d}-{n % 12 + 1:02d}", counts.get(n, 0))
        for n in range(min(counts), max(counts) + 1)
    ]


def sparkline(counts: list[int], width: int | None = None) -> str:
    """One block per count (▁ for none, ▂ to █ scaled to the largest), resampled to ``width``
    characters when given (each the mean of the counts it covers)."""
    if not counts or (width is not None and width <= 0):
        return ""
    values = [max(0, c) for c in counts]
    if width is not None and width != len(values):
        n = len(values)
        resampled = []
        for i in range(width):
            lo = i * n // width
            hi = max(lo + 1, (i + 1) * n // width)
            resampled.append(sum(values[lo:hi]) / (hi - lo))
        values = resampled
    top = max(values)
    if top <= 0:
        return BLOCKS[0] * len(values)
    steps = len(BLOCKS) - 1
    # any article at all shows as at least ▂, so a quiet month never reads as an empty one
    return "".join(
        BLOCKS[0] if v <= 0 else BLOCKS[max(1, math.ceil(v / top * steps))] for v in values
    )


def summarise(months: list[tuple[str, int]]) -> str:
    """ "2017-02 … 2017-07: 1,585 articles, peak 2017-05 (412)"."""
    if not months:
        return "no dated articles"
    total = sum(n for _, n in months)
    peak, most = max(months, key=lambda m: m[1])  # the first of equal peaks
    articles = f"{total:,} article{'' if total == 1 else 's'}"
    if len(months) == 1:
        return f"{peak}: {articles}"
    return f"{months[0][0]} … {months[-1][0]}: {articles}, peak {peak} ({most:,})"
