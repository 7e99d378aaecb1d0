"""Measurements 4-6: dashboard cold start, filter latency, server memory.

Cold start: from starting `streamlit run <app> --server.headless true --server.port <free>`
to the first page fully rendered in Debian Chromium (Playwright), i.e. the app's script state
is `notRunning` after a run, every Vega-Lite chart on the page has drawn its marks, and no
chart draws for 250 ms more. The end time is the last of: the script going idle, the last
chart draw. fanboard's Overview is compared with bench/hello_app.py (one Altair chart),
started the same way in the same run; the median of `repeats` starts of each is reported.

Filter latency: on the Timeline page, a player is added to (or removed from) the sidebar's
Players filter; the time runs from the key press that changes the filter to the script
going idle with the timeline chart redrawn.

Memory: VmHWM (peak resident set) of the `streamlit run` process that served the cold start
and the filter changes, read from /proc when the changes are done.

How "drawn" is seen: an init script wraps the CanvasRenderingContext2D drawing calls and
records the time of the last one made on a canvas inside a Vega-Lite chart (Streamlit draws
Vega charts on canvas; SVG charts are caught by a MutationObserver instead), and a
MutationObserver records when `data-test-script-state` changes.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELLO_APP = Path(__file__).resolve().parent / "hello_app.py"
CHROMIUM = os.environ.get("FANBOARD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CHART = "[data-testid='stVegaLiteChart']"
QUIET_MS = 250

INIT_SCRIPT = """
(() => {
  const CHART = "%s";
  const fb = window.__fb = {sawRunning: false, runningAt: 0, idleAt: 0, lastDraw: 0, draws: 0};
  const known = new WeakMap();
  const mark = (ctx) => {
    const c = ctx && ctx.canvas;
    if (!c) return;
    let inside = known.get(c);
    if (inside === undefined) {
      inside = !!(c.closest && c.closest(CHART));
      if (c.isConnected) known.set(c, inside);
    }
    if (inside) { fb.lastDraw = performance.now(); fb.draws++; }
  };
  for (const m of ["fill", "stroke", "fillText", "strokeText", "fillRect", "strokeRect", "clearRect", "drawImage"]) {
    const orig = CanvasRenderingContext2D.prototype[m];
    CanvasRenderingContext2D.prototype[m] = function (...args) { mark(this); return orig.apply(this, args); };
  }
  const start = () => {
    new MutationObserver((records) => {
      const now = performance.now();
      for (const r of records) {
        if (r.type === "attributes" && r.attributeName === "data-test-script-state") {
          const s = r.target.getAttribute("data-test-script-state");
          if (s === "running") { fb.sawRunning = true; fb.runningAt = now; }
          else if (s === "notRunning") { fb.idleAt = now; }
        } else if (r.target.closest && r.target.closest(CHART + " svg")) {
          fb.lastDraw = now; fb.draws++;
        }
      }
    }).observe(document, {subtree: true, childList: true, attributes: true, characterData: false});
  };
  start();
})();
""" % CHART

# true once a run has started and ended, and every chart shows marks
RENDERED = """
(minCharts) => {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app) return false;
  const state = app.getAttribute("data-test-script-state");
  if (state === "running") { window.__fb.sawRunning = true; window.__fb.runningAt = performance.now(); }
  if (!window.__fb.sawRunning || state !== "notRunning") return false;
  if (!window.__fb.idleAt) window.__fb.idleAt = performance.now();
  const charts = [...document.querySelectorAll("%s")];
  if (charts.length < minCharts) return false;
  return charts.every((c) => {
    const el = c.querySelector("canvas, svg.marks");
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  });
}
""" % CHART

IDLE_AFTER = """
(t0) => {
  const app = document.querySelector("[data-testid='stApp']");
  const state = app && app.getAttribute("data-test-script-state");
  if (state === "running") { window.__fb.sawRunning = true; window.__fb.runningAt = performance.now(); }
  if (window.__fb.sawRunning && state === "notRunning" && window.__fb.idleAt < t0) window.__fb.idleAt = performance.now();
  return window.__fb.sawRunning && state === "notRunning" && window.__fb.idleAt >= t0;
}
"""


def missing_requirements() -> str:
    """Why the browser measurements cannot run here, or "" when they can."""
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (set FANBOARD_CHROMIUM)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A `streamlit run` process of our own, stopped by its process group id."""

    def __init__(self, app: Path, env: dict[str, str], log: Path):
        self.port = free_port()
        self.url = f"http://localhost:{self.port}"
        self.log = log
        with log.open("wb") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true",
                 "--server.port", str(self.port)],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            )

    def wait_healthy(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not answer within {timeout:.0f} s:\n{self.log_tail()}")
            time.sleep(0.02)

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""

    def peak_rss_mb(self) -> float:
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return float("nan")

    def has_loaded(self, package: str) -> bool:
        try:
            return f"/{package}/" in Path(f"/proc/{self.proc.pid}/maps").read_text()
        except OSError:
            return False

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=15)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=15)


def _page_clock_to_perf(page, page_ms: float) -> float:
    """A page performance.now() time → this process's perf_counter() time."""
    now_page = page.evaluate("() => performance.now()")
    now_perf = time.perf_counter()
    return now_perf - (now_page - page_ms) / 1000.0


def _settle(page, timeout_ms: float = 30_000) -> float:
    """Wait until nothing draws for QUIET_MS and the script is idle; the page time it finished."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        page.wait_for_timeout(QUIET_MS)
        fb = page.evaluate("() => window.__fb")
        state = page.evaluate(
            "() => document.querySelector(\"[data-testid='stApp']\").getAttribute('data-test-script-state')")
        now = page.evaluate("() => performance.now()")
        last = max(fb["idleAt"], fb["lastDraw"])
        if state == "notRunning" and now - fb["lastDraw"] >= QUIET_MS and fb["runningAt"] <= fb["idleAt"]:
            return last
        if time.monotonic() > deadline:
            return last


def cold_start(browser, app: Path, env: dict[str, str], log: Path, keep: bool = False):
    """Seconds from starting the server to the first page fully rendered; the Server if keep."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.add_init_script(INIT_SCRIPT)
    page = context.new_page()
    t0 = time.perf_counter()
    server = Server(app, env, log)
    try:
        server.wait_healthy()
        page.goto(server.url, wait_until="commit", timeout=60_000)
        page.wait_for_function(RENDERED, arg=1, polling="raf", timeout=60_000)
        done = _page_clock_to_perf(page, _settle(page))
        charts = page.locator(CHART).count()
    except BaseException:
        server.stop()
        context.close()
        raise
    if not keep:
        rss = server.peak_rss_mb()
        server.stop()
        context.close()
        return done - t0, charts, rss, None, None
    return done - t0, charts, server.peak_rss_mb(), server, page


def _players_box(page):
    return page.locator("[data-testid='stMultiSelect']").filter(has_text="People").first


def player_options(page, limit: int) -> list[str]:
    box = _players_box(page)
    box.locator("input").click()
    page.wait_for_selector("[role='option']", timeout=10_000)
    names = [t.strip() for t in page.locator("[role='option']").all_inner_texts()
             if t.strip() and t.strip().lower() not in ("select all", "no results")]
    page.keyboard.press("Escape")
    return names[:limit]


def filter_change(page, add: str | None) -> tuple[float, bool]:
    """One player-filter change (add `add`, or remove the last player): milliseconds, chart redrawn?"""
    box = _players_box(page)
    field_ = box.locator("input")
    field_.click()
    if add:
        field_.fill(add)
        page.get_by_role("option", name=add, exact=True).first.wait_for(timeout=10_000)
    t0 = page.evaluate("() => { window.__fb.sawRunning = false; return performance.now(); }")
    page.keyboard.press("Enter" if add else "Backspace")
    page.wait_for_function(IDLE_AFTER, arg=t0, polling="raf", timeout=60_000)
    redrawn = True
    try:
        page.wait_for_function("(t0) => window.__fb.lastDraw > t0", arg=t0, polling="raf", timeout=2_000)
    except Exception:
        redrawn = False
    end = _settle(page)
    page.keyboard.press("Escape")
    chips = box.locator("[data-tag]").count()
    if chips != (1 if add else 0):
        raise RuntimeError(f"the Players filter shows {chips} players after {'adding ' + add if add else 'removing one'}")
    return end - t0, redrawn


@dataclass
class DashboardResult:
    cold_starts: list[float] = field(default_factory=list)
    hello_starts: list[float] = field(default_factory=list)
    overview_charts: int = 0
    spacy_loaded: bool = False
    filter_ms: list[float] = field(default_factory=list)
    not_redrawn: int = 0
    peak_rss_mb: float = float("nan")
    hello_rss_mb: float = float("nan")

    @property
    def cold_start(self) -> float:
        return statistics.median(self.cold_starts)

    @property
    def hello_start(self) -> float:
        return statistics.median(self.hello_starts)

    @property
    def filter_median(self) -> float:
        return statistics.median(self.filter_ms) if self.filter_ms else float("nan")


def build_tables(out: Path) -> Path:
    """The tables the dashboard reads, built before any timing (from the default article folders)."""
    from fanboard import pipeline
    pipeline.build(pipeline.ARTICLE_DIRS, out, cache_dir=None)
    return out


def run(work: Path, repeats: int = 3, changes: int = 20, tables: Path | None = None) -> DashboardResult:
    from playwright.sync_api import sync_playwright
    tables = tables or build_tables(work / "dashboard-tables")
    env = {**os.environ, "FANBOARD_TABLES": str(tables), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    res = DashboardResult()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            server = page = None
            for i in range(repeats):
                secs, _, rss, _, _ = cold_start(browser, HELLO_APP, env, logs / f"hello-{i}.log")
                res.hello_starts.append(secs)
                res.hello_rss_mb = rss if res.hello_rss_mb != res.hello_rss_mb else max(res.hello_rss_mb, rss)
                last = i == repeats - 1
                secs, charts, rss, server, page = cold_start(
                    browser, ROOT / "app.py", env, logs / f"app-{i}.log", keep=last)
                res.cold_starts.append(secs)
                res.overview_charts = charts
            try:
                res.spacy_loaded = server.has_loaded("spacy")
                page.get_by_role("link", name="Timeline").first.click()
                page.wait_for_url("**/timeline**", timeout=30_000)
                page.wait_for_function(RENDERED, arg=1, polling="raf", timeout=60_000)
                _settle(page)
                names = player_options(page, max(1, changes // 2 + 1))
                if not names:
                    raise RuntimeError("the Players filter on the Timeline page offers no players")
                for i in range(changes):
                    add = names[(i // 2) % len(names)] if i % 2 == 0 else None
                    ms, redrawn = filter_change(page, add)
                    res.filter_ms.append(ms)
                    res.not_redrawn += not redrawn
                res.peak_rss_mb = server.peak_rss_mb()
            finally:
                server.stop()
        finally:
            browser.close()
    return res


def main() -> int:
    """`python -m bench.dashboard`: only measurements 4-6 (tables from the default articles)."""
    import tempfile
    work = Path(tempfile.mkdtemp(prefix="fanboard-bench-dash-"))
    try:
        r = run(work)
        print(r)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
