"""Twenty people at once: concurrent browser sessions on the Timeline of a 2,000-article build.

    .venv/bin/python -m bench.sessions --tables DIR [--sessions 20] [--changes 3]

Starts `streamlit run app.py --server.headless true` (a free localhost port, FANBOARD_TABLES
pointing at DIR) and, when it answers, opens `sessions` headless Chromium sessions at the same
moment (one browser, one context each). Every session:

1. opens /timeline and waits until the page is rendered: the script is idle
   (`[data-testid='stApp'][data-test-script-state='notRunning']`), the page says what it
   shows ("Showing … for anyone"), and the timeline chart has drawn. That time is the
   session's *first load*; the bytes of the server's messages the browser received over the
   websocket until then are its *first-load bytes*.
2. adds `changes` players to the People filter, one after the other, by typing a name and
   clicking it in the list, as a fan does. Each session takes its own players (session n the
   players n·changes … n·changes + changes − 1 of the People list), so no two sessions ask
   for the same filter state. The time from the click to the page rendered again (script
   idle, the sentence names the new player, a chart drawn) is a *filter change*.

With --app hello the same test runs against bench/hello_app.py (one chart and a People
multiselect of the same names, nothing of fanboard): the share of a render that is Streamlit
and the 20 browsers on this machine, not the app.

Then `serial` more sessions (--serial, players of their own) do the same one after the other,
with nothing else running: the server's CPU seconds of each first load and each filter change,
the part of a render the server controls (at once, 20 Chromiums share the cores with it).

An error is a step that did not render within --timeout, an exception or an error dialog on
the page, or a browser page error. Peak RSS is the VmHWM of the server process when all
sessions are done. Nothing here is run by the test suite (it takes minutes); `make bench`
runs it on the build of its extraction measurement.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .dashboard import CHROMIUM, CHROMIUM_ARGS, ROOT, Server
from .load_test import cpu_seconds

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
CHART = "[data-testid='stVegaLiteChart']"
# rendered: the script idle, the summary sentence naming `who`, and a chart with marks on it
# (or the page's explanation that there is nothing to draw for that selection)
RENDERED = """
([who, chart]) => {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.getAttribute("data-test-script-state") !== "notRunning") return false;
  const text = document.body.innerText.replace(/\\\\/g, "");
  if (!text.includes(" for " + who + " ")) return false;
  if (text.includes("No events or matches for ")) return true;
  const el = document.querySelector(chart + " canvas, " + chart + " svg.marks");
  if (!el) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}
"""


@dataclass
class SessionRun:
    first_load: float | None = None
    changes: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    first_load_cpu: float | None = None                        # server CPU seconds of each step:
    change_cpus: list[float] = field(default_factory=list)     # measured only one session at a time
    first_load_bytes: int | None = None     # websocket bytes the browser received for the first load


@dataclass
class SessionsResult:
    sessions: int
    articles: int
    runs: list[SessionRun] = field(default_factory=list)
    peak_rss_mb: float = float("nan")
    idle_rss_mb: float = float("nan")
    server_cpu_s: float = float("nan")
    elapsed_s: float = float("nan")
    serial: list[SessionRun] = field(default_factory=list)   # the sessions after, one at a time

    @property
    def cpu_per_load(self) -> list[float]:
        return [r.first_load_cpu for r in self.serial if r.first_load_cpu is not None]

    @property
    def cpu_per_change(self) -> list[float]:
        return [x for r in self.serial for x in r.change_cpus]

    @property
    def first_load_bytes(self) -> list[int]:
        return [r.first_load_bytes for r in self.runs + self.serial if r.first_load_bytes is not None]

    @property
    def first_loads(self) -> list[float]:
        return sorted(r.first_load for r in self.runs if r.first_load is not None)

    @property
    def filter_changes(self) -> list[float]:
        return sorted(x for r in self.runs for x in r.changes)

    @property
    def errors(self) -> list[str]:
        return [e for r in self.runs + self.serial for e in r.errors]

    @staticmethod
    def median(xs: list[float]) -> float:
        return statistics.median(xs) if xs else float("nan")

    @staticmethod
    def p95(xs: list[float]) -> float:
        return sorted(xs)[min(len(xs) - 1, int(0.95 * len(xs)))] if xs else float("nan")

    @property
    def renders(self) -> list[float]:
        return sorted(self.first_loads + self.filter_changes)


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


async def _problems(page, run: SessionRun, step: str) -> None:
    if await page.locator("[data-testid='stException']").count():
        text = await page.locator("[data-testid='stException']").first.inner_text()
        run.errors.append(f"{step}: exception on the page: {text[:200]}")
    if await page.locator("[data-testid='stDialog']").count():
        text = await page.locator("[data-testid='stDialog']").first.inner_text()
        run.errors.append(f"{step}: dialog {text.splitlines()[0] if text else ''!r}")


async def _add_player(page, name: str, label: str, shown: str, timeout_ms: float) -> float:
    """Pick `label` in the People filter; seconds from the click to the page rendered again."""
    box = page.locator("[data-testid='stMultiSelect']").filter(has_text="People").first
    field_ = box.locator("input")
    await field_.click(timeout=timeout_ms)
    await field_.fill(name, timeout=timeout_ms)
    option = page.get_by_role("option", name=label, exact=True).first
    await option.wait_for(timeout=timeout_ms)
    t = time.monotonic()
    await option.click(timeout=timeout_ms)
    # the click starts a rerun; wait for it to start (or to have finished already), then the render
    await page.wait_for_function(RENDERED, arg=[shown, CHART], polling=100, timeout=timeout_ms)
    elapsed = time.monotonic() - t
    await page.keyboard.press("Escape")
    return elapsed


async def session(browser, url: str, n: int, players: list[tuple[str, str]], timeout_ms: float,
                  cpu=None, path: str = "/timeline") -> SessionRun:
    """One fan: open /timeline, add the players. `cpu`: a function giving the server's CPU
    seconds so far, to record each step's share (meaningful only when nothing else runs)."""
    run = SessionRun()
    cpu = cpu or (lambda: float("nan"))
    context = await browser.new_context(viewport={"width": 1366, "height": 900})
    page = await context.new_page()
    page.on("pageerror", lambda e: run.errors.append(f"page error: {e}"[:300]))
    received = [0]   # bytes of the server's messages (ForwardMsgs) over the websocket
    page.on("websocket", lambda ws: ws.on("framereceived", lambda data: received.__setitem__(0, received[0] + len(data))))
    step = f"opening {path}"
    try:
        t, c = time.monotonic(), cpu()
        await page.goto(f"{url}{path}", timeout=timeout_ms)
        await page.wait_for_function(RENDERED, arg=["anyone", CHART], polling=100, timeout=timeout_ms)
        run.first_load, run.first_load_cpu = time.monotonic() - t, cpu() - c
        run.first_load_bytes = received[0]
        await _problems(page, run, step)
        picked: list[str] = []
        for name, label in players:
            picked.append(name)
            step = f"adding {name}"
            c = cpu()
            run.changes.append(await _add_player(page, name, label, " or ".join(picked), timeout_ms))
            run.change_cpus.append(cpu() - c)
            await _problems(page, run, step)
    except Exception as exc:   # a step that did not render in time is an error of the run
        run.errors.append(f"session {n}, {step}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    finally:
        await context.close()
    return run


def players_for(tables: Path, sessions: int, changes: int) -> list[list[tuple[str, str]]]:
    """(name, label in the list) of the players each session adds: different for every session."""
    from fanboard import views
    from fanboard.tables import read_tables

    labels = views.people_label(read_tables(tables))
    # a name that is a part of another one would make the typed filter ambiguous; skip those
    names = [n for n in labels if not any(n != o and n in o for o in labels)]
    if len(names) < sessions * changes:
        names = names * (sessions * changes // max(len(names), 1) + 1)
    return [[(names[n * changes + k], labels[names[n * changes + k]]) for k in range(changes)]
            for n in range(sessions)]


async def _drive(url: str, plans: list[list[tuple[str, str]]], timeout_ms: float,
                 serial: list[list[tuple[str, str]]], pid: int,
                 path: str = "/timeline") -> tuple[list[SessionRun], list[SessionRun], float, float]:
    """The sessions of `plans` at once (their seconds and the server's CPU seconds in all),
    then those of `serial` one after the other, each step's server CPU recorded."""
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            t, cpu = time.monotonic(), cpu_seconds(pid)
            runs = list(await asyncio.gather(*(session(browser, url, n, plan, timeout_ms, path=path)
                                               for n, plan in enumerate(plans))))
            elapsed, cpu = time.monotonic() - t, cpu_seconds(pid) - cpu
            after = [await session(browser, url, len(plans) + n, plan, timeout_ms, lambda: cpu_seconds(pid), path=path)
                     for n, plan in enumerate(serial)]
            return runs, after, elapsed, cpu
        finally:
            await browser.close()


def run(tables: Path, work: Path, sessions: int = 20, changes: int = 3, timeout: float = 600,
        serial: int = 3, app: str = "fanboard") -> SessionsResult:
    """`sessions` at once, then `serial` more one at a time (own players too): the server's CPU
    seconds per session load and per filter change, the part of a render the server controls
    (at once, the browsers share the cores with it). app="hello": the same sessions against
    bench/hello_app.py, with the same names in its People list."""
    import json

    from fanboard.tables import read_table, table_paths

    _, paths = table_paths(tables)
    res = SessionsResult(sessions, len(read_table(paths["articles"], "articles")))
    plans = players_for(tables, sessions + serial, changes)
    plans, after = plans[:sessions], plans[sessions:]
    env = {**os.environ, "FANBOARD_TABLES": str(tables), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    script, path = ROOT / "app.py", "/timeline"
    if app == "hello":   # the same names, as they are (the hello page has no labels of its own)
        plans, after = ([[(name, name) for name, _ in plan] for plan in ps] for ps in (plans, after))
        env["HELLO_PEOPLE"] = json.dumps(sorted({name for plan in plans + after for name, _ in plan}))
        script, path = ROOT / "bench" / "hello_app.py", "/"
    work.mkdir(parents=True, exist_ok=True)
    server = Server(script, env, work / "sessions-server.log")
    try:
        server.wait_healthy(timeout=120)
        res.idle_rss_mb = rss_mb(server.proc.pid)
        res.runs, res.serial, res.elapsed_s, res.server_cpu_s = asyncio.run(
            _drive(server.url, plans, timeout * 1000, after, server.proc.pid, path))
        res.peak_rss_mb = server.peak_rss_mb()
    finally:
        server.stop()
    return res


def describe(r: SessionsResult) -> list[str]:
    fl, fc = r.first_loads, r.filter_changes
    return [
        f"{r.sessions} sessions at once on {r.articles:,} articles, {r.elapsed_s:.0f} s in all",
        f"first load (s): median {r.median(fl):.2f}, p95 {r.p95(fl):.2f}, max {max(fl, default=float('nan')):.2f} "
        f"({len(fl)} of {r.sessions} loaded)",
        f"filter change (s): median {r.median(fc):.2f}, p95 {r.p95(fc):.2f}, max {max(fc, default=float('nan')):.2f} "
        f"({len(fc)} changes)",
        f"every render (s): median {r.median(r.renders):.2f}",
        f"first load received over the websocket: median {r.median(r.first_load_bytes) / 1e6:.2f} MB",
        f"errors: {len(r.errors)}",
        f"server: RSS idle {r.idle_rss_mb:.0f} MB, peak (VmHWM) {r.peak_rss_mb:.0f} MB, "
        f"CPU {r.server_cpu_s:.0f} s ({os.cpu_count()} cores shared with the browser), "
        f"{r.server_cpu_s / max(r.sessions, 1):.2f} s per session",
        f"server CPU, one session at a time after them ({len(r.serial)} sessions): "
        f"first load median {r.median(r.cpu_per_load):.2f} s, filter change median {r.median(r.cpu_per_change):.2f} s "
        f"(loads {', '.join(f'{x:.2f}' for x in r.cpu_per_load)})",
        f"  and their renders (s): first load median {r.median([x.first_load for x in r.serial if x.first_load]):.2f}, "
        f"filter change median {r.median([x for x in r.serial for x in x.changes]):.2f}",
    ]


def main(argv: list[str] | None = None) -> int:
    import tempfile

    ap = argparse.ArgumentParser(prog="python -m bench.sessions", description=__doc__.split("\n")[0])
    ap.add_argument("--tables", type=Path, required=True, help="built tables (e.g. of 2,000 bench articles)")
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--changes", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=600, help="seconds one step may take")
    ap.add_argument("--serial", type=int, default=3, help="sessions after, one at a time, for the server's CPU per load")
    ap.add_argument("--app", choices=("fanboard", "hello"), default="fanboard",
                    help="hello: the same test against bench/hello_app.py (the baseline of Streamlit and the browsers)")
    ap.add_argument("--work", type=Path, help="folder for the server log (default: a new temporary one)")
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="fanboard-sessions-"))
    r = run(args.tables, work, args.sessions, args.changes, args.timeout, args.serial, args.app)
    print("\n".join(describe(r)))
    for e in r.errors[:10]:
        print("  ", e, file=sys.stderr)
    return 1 if r.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
