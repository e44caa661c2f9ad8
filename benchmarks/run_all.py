"""All the scale benchmarks in one table: import, startup, open, search, memory, at 1k/10k/100k.

usage: python benchmarks/run_all.py [--sizes 1000 10000 100000] [--quick]

Every figure sits beside a floor measured in the same run on the same data: reading the same
library files with plain orjson. Each measurement runs in a fresh process so that its peak
memory is its own. Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from corpus import real_corpus_or_exit, write_corpus  # noqa: E402

QUERIES = [
    "tỉnh",
    "tran phu",
    "cong an tinh",
    "huân chương",
    "giam doc so",
    "official:thieu tuong",
    "award:bang khen",
    "date:2017-03 chu tich",
    '"ban thuong vu"',
    "nguy",
]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(round(q * (len(ordered) - 1))), len(ordered) - 1)]


# ---- measurements that run in their own process --------------------------------------------


def measure_import(db: str, folder: str) -> dict:
    """What ``tui-reader import FOLDER`` does: read and extract on every core, then store."""
    from tui_reader.importing import import_paths
    from tui_reader.store import Library

    started = time.perf_counter()
    library = Library.open(db)
    report = import_paths(library, [Path(folder)])
    seconds = time.perf_counter() - started
    return {
        "imported": report.new,
        "failed": len(report.failed),
        "seconds": seconds,
        "rate": report.new / seconds,
        "rss": peak_rss_mb(),
    }


def measure_floor(db: str) -> dict:
    import orjson

    path = Path(db)
    started = time.perf_counter()
    meta = orjson.loads(path.read_bytes())
    meta_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for shard in sorted(path.with_name(path.stem + ".bodies").glob("*.json")):
        orjson.loads(shard.read_bytes())
    bodies_seconds = time.perf_counter() - started
    del meta
    return {"meta_seconds": meta_seconds, "all_seconds": meta_seconds + bodies_seconds}


def measure_app(db: str) -> dict:
    """The real app in a headless terminal. Times run to the frame that shows the change:
    each frame is encoded for the terminal as a real one would be (the headless driver skips
    only the write)."""
    started = time.perf_counter()  # before the app's modules are imported: they count too
    import asyncio
    import random

    from tui_reader.ui.app import create_app

    result: dict = {}
    frames: list[float] = []

    async def next_frame(after: float) -> float:
        while not frames or frames[-1] < after:
            await asyncio.sleep(0.001)
        return frames[-1]

    async def run() -> None:
        app = create_app(db, import_bundled=False)
        display = app._display

        def timed_display(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None and hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)
                frames.append(time.perf_counter())

        app._display = timed_display
        async with app.run_test(size=(120, 40)) as pilot:
            while app.library is None or not app.article_list.ids:
                await asyncio.sleep(0.002)
            result["startup"] = await next_frame(time.perf_counter()) - started
            result["rss_after_start"] = peak_rss_mb()
            await pilot.pause()
            ids = app.article_list.ids
            rng = random.Random(3)
            opens = []
            for article_id in rng.sample(ids, min(60, len(ids))):
                t0 = time.perf_counter()
                app.show_article(article_id)
                opens.append(await next_frame(t0) - t0)
                await pilot.pause()
            result["open_median"] = statistics.median(opens)
            result["open_p95"] = percentile(opens, 0.95)
            moves = []
            for _ in range(200):
                t0 = time.perf_counter()
                app.article_list.action_cursor_down()
                moves.append(time.perf_counter() - t0)
            result["move_p95"] = percentile(moves, 0.95)
            latencies = []
            for _ in range(3):
                for query in QUERIES:
                    t0 = time.perf_counter()
                    app.library.search(query)
                    latencies.append(time.perf_counter() - t0)
            result["search_median"] = statistics.median(latencies)
            result["search_p95"] = percentile(latencies, 0.95)
        result["rss"] = peak_rss_mb()

    asyncio.run(run())
    return result


def in_subprocess(kind: str, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", kind, *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# ---- the table -----------------------------------------------------------------------------


def run(sizes: list[int], work: Path) -> list[dict]:
    rows = []
    for n in sizes:
        folder = write_corpus(n, work / f"corpus-{n}")
        db = work / f"db-{n}" / "library.json"
        if db.parent.exists():
            for p in sorted(db.parent.rglob("*"), reverse=True):
                p.unlink() if p.is_file() else p.rmdir()
        imported = in_subprocess("import", str(db), str(folder))
        floor = in_subprocess("floor", str(db))
        app = in_subprocess("app", str(db))
        rows.append(
            {
                "n": n,
                **{f"import_{k}": v for k, v in imported.items()},
                **{f"floor_{k}": v for k, v in floor.items()},
                **app,
            }
        )
        print_table(rows[-1:], header=len(rows) == 1)
    return rows


def print_table(rows: list[dict], header: bool = True) -> None:
    if header:
        print(
            f"{'articles':>9} | {'import/s':>9} {'imp MB':>7} | {'startup s':>9} {'floor s':>8}"
            f" {'ratio':>6} | {'open ms':>8} {'p95':>6} | {'search ms':>9} {'p95':>6} |"
            f" {'move ms':>7} | {'app MB':>7}"
        )
    for r in rows:
        ratio = r["startup"] / max(r["floor_meta_seconds"], 1e-9)
        print(
            f"{r['n']:>9,} | {r['import_rate']:>9,.0f} {r['import_rss']:>7,.0f} |"
            f" {r['startup']:>9.2f} {r['floor_meta_seconds']:>8.2f} {ratio:>6.1f} |"
            f" {r['open_median'] * 1000:>8.1f} {r['open_p95'] * 1000:>6.1f} |"
            f" {r['search_median'] * 1000:>9.2f} {r['search_p95'] * 1000:>6.2f} |"
            f" {r['move_p95'] * 1000:>7.2f} | {r['rss']:>7,.0f}",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    parser.add_argument("--quick", action="store_true", help="1,000 articles only (CI smoke)")
    parser.add_argument("--work", type=Path, default=None, help="where corpora and databases go")
    parser.add_argument("--measure", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        kind, *rest = args.measure
        func = {"import": measure_import, "floor": measure_floor, "app": measure_app}[kind]
        print(json.dumps(func(*rest)))
        return 0
    real_corpus_or_exit()
    sizes = [1_000] if args.quick else args.sizes
    work = args.work or Path(tempfile.gettempdir()) / "tui-reader-bench"
    work.mkdir(parents=True, exist_ok=True)
    print(f"cores: {os.cpu_count()}; work folder: {work}")
    run(sizes, work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
