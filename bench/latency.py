"""Timeline re-render latency after a player-filter change, in this process (no browser).

    .venv/bin/python -m bench.latency --tables DIR [--changes 20]

The whole app runs through Streamlit's AppTest, as a server runs it for one session: app.py
(tables, sidebar filters, the Dashboard) and then pages/timeline.py, every chart converted to
the Vega-Lite spec the browser gets. After the Timeline page is open, the People filter is
changed `changes` times, alternating between one player (a different one each time, so the
filter state has never been seen before) and no player (a state seen before). The figure is
the median time of `at.run()` after such a change; both kinds are also reported apart:

- "new state": a player nobody picked before — nothing can come from a per-filter cache;
- "seen state": back to "everyone" — what a cache per filter state gives.

As on a server, each script is compiled once (one ScriptCache for all runs; AppTest alone
would compile app.py and the page on every run). What is not in the figure: the browser drawing the chart (bench/dashboard.py's figure 5
measures that end to end, on the seeds' tables). Streamlit's caches live in the process, so a
second AppTest (`--sessions 2`) shows what another session gets from the first one's work.
"""
from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"


@dataclass
class LatencyResult:
    tables: str
    articles: int = 0
    first_open_s: list[float] = field(default_factory=list)   # app + Timeline, per session
    new_ms: list[float] = field(default_factory=list)
    seen_ms: list[float] = field(default_factory=list)
    new_cpu_ms: list[float] = field(default_factory=list)   # process CPU time of the same runs:
    seen_cpu_ms: list[float] = field(default_factory=list)  # less sensitive to a loaded machine
    exceptions: list[str] = field(default_factory=list)

    @property
    def all_ms(self) -> list[float]:
        return self.new_ms + self.seen_ms

    @property
    def median_ms(self) -> float:
        return statistics.median(self.all_ms) if self.all_ms else float("nan")

    @property
    def median_cpu_ms(self) -> float:
        cpu = self.new_cpu_ms + self.seen_cpu_ms
        return statistics.median(cpu) if cpu else float("nan")

    @staticmethod
    def med(xs: list[float]) -> float:
        return statistics.median(xs) if xs else float("nan")


def _navigation_mode() -> None:
    """Make each AppTest run remember st.navigation, as a live server does (see tests/test_app_pages.py)."""
    from streamlit.runtime.pages_manager import PagesManager
    if getattr(PagesManager, "_fanboard_bench", False):
        return
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init
    PagesManager._fanboard_bench = True
    # A server compiles each script once (its ScriptCache); AppTest compiles app.py and the
    # page again on every run (~40 ms of CPU a run that no server spends): share one cache.
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner
    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


def _check(at, res: LatencyResult, step: str) -> None:
    if at.exception:
        res.exceptions.append(f"{step}: {at.exception[0].value}"[:300])


def session(res: LatencyResult, people: list[str], changes: int, timeout: float = 600) -> None:
    """One AppTest session: open the Timeline, then `changes` player-filter changes."""
    from streamlit.testing.v1 import AppTest

    t = time.perf_counter()
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    at.run()
    at.switch_page("pages/timeline.py").run()
    res.first_open_s.append(time.perf_counter() - t)
    _check(at, res, "opening the Timeline")
    for i in range(changes):
        player = people.pop(0) if i % 2 == 0 and people else None
        at.sidebar.multiselect(key="player").set_value([player] if player else [])
        t, c = time.perf_counter(), time.process_time()
        at.run()
        ms, cpu = (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000
        (res.new_ms if player else res.seen_ms).append(ms)
        (res.new_cpu_ms if player else res.seen_cpu_ms).append(cpu)
        _check(at, res, f"filter {player or 'everyone'}")
        if not at.exception:
            shown = " ".join(str(m.value) for m in at.main.markdown).replace("\\", "")
            who = player or "anyone"
            if f"for {who}" not in shown and "No events" not in " ".join(str(x.value) for x in at.main.info):
                res.exceptions.append(f"filter {who}: the page does not say it shows {who}")


def run(tables: Path, changes: int = 20, sessions: int = 1) -> LatencyResult:
    import os

    from fanboard import views
    from fanboard.tables import read_tables

    _navigation_mode()
    os.environ["FANBOARD_TABLES"] = str(tables)
    t = read_tables(tables)
    # players in the middle of the list: not the first ones another measurement may have used
    people = views.people(t)
    people = people[len(people) // 3:] + people[:len(people) // 3]
    res = LatencyResult(str(tables), len(t["articles"]))
    for _ in range(sessions):
        session(res, people, changes)
    return res


def build(corpus_dir: Path, out: Path) -> Path:
    from fanboard import pipeline
    pipeline.build([corpus_dir], out, cache_dir=None)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.latency", description=__doc__.split("\n")[0])
    ap.add_argument("--tables", type=Path, help="tables to serve (default: build the seeds)")
    ap.add_argument("--changes", type=int, default=20)
    ap.add_argument("--sessions", type=int, default=1, help="AppTest sessions one after the other")
    args = ap.parse_args(argv)
    tables = args.tables
    if tables is None:
        import tempfile
        from fanboard import pipeline
        tables = Path(tempfile.mkdtemp(prefix="fanboard-latency-")) / "tables"
        pipeline.build(pipeline.ARTICLE_DIRS, tables, cache_dir=None)
    r = run(tables, args.changes, args.sessions)
    print(f"{r.articles} articles ({r.tables})")
    print(f"open app + Timeline (s): {', '.join(f'{x:.2f}' for x in r.first_open_s)}")
    print(f"filter change median {r.median_ms:.0f} ms; new state {r.med(r.new_ms):.0f} ms, "
          f"seen state {r.med(r.seen_ms):.0f} ms")
    print(f"CPU time median {r.median_cpu_ms:.0f} ms; new state {r.med(r.new_cpu_ms):.0f} ms, "
          f"seen state {r.med(r.seen_cpu_ms):.0f} ms")
    print(f"all (ms): {', '.join(f'{x:.0f}' for x in r.all_ms)}")
    for e in r.exceptions[:5]:
        print("  ", e)
    return 1 if r.exceptions else 0


if __name__ == "__main__":
    raise SystemExit(main())
