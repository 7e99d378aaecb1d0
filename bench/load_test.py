"""Bounded load test of the dashboard, on localhost only.

    .venv/bin/python -m bench.load_test [--sessions 20] [--seconds 60] [--max-rss-mb 1500]

Starts `streamlit run app.py` on a free localhost port with tables built from the seeds into
a temporary folder, then opens N concurrent headless Chromium sessions (one browser, one
context each). Every session keeps switching pages and filters for about a minute: half of
its steps open a page with filters in the URL (the filters are bound to query parameters),
the other half click in the app (a sidebar page link or a language pill). After each step it
waits until the script has finished and checks that the page shows no exception.

The server's resident memory (VmRSS from /proc, or psutil when installed) is sampled twice a
second. The test prints the figures and exits non-zero when a page failed to render, a session
saw an exception, or the server's memory went over --max-rss-mb.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, bench/ would come first on sys.path and its modules (bench/profile.py) would
# shadow the standard library's; the project root is what this script needs.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
CHROMIUM = os.environ.get("FANBOARD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
# The default page (Overview) lives at "/": Streamlit answers "/overview" with "Page not found".
PAGES = ["", "timeline", "matches", "players", "sources"]
NAV_TITLES = ["Overview", "Timeline", "Matches", "Players", "Sources"]


@dataclass
class SessionStats:
    renders: int = 0
    latencies: list[float] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of the process and its children, in MB."""
    try:
        import psutil
        p = psutil.Process(pid)
        return sum(q.memory_info().rss for q in [p, *p.children(recursive=True)]) / 2**20
    except ImportError:
        pass
    except Exception:
        return 0.0
    total = 0
    pids = [pid]
    try:
        pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total / 2**20


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def build_tables(out: Path) -> None:
    from fanboard import pipeline
    pipeline.build(list(pipeline.ARTICLE_DIRS), out, cache_dir=out.parent / "cache")


def people_and_langs(tables: Path) -> tuple[list[str], list[str]]:
    from fanboard import views
    from fanboard.tables import read_tables
    t = read_tables(tables)
    return views.people(t)[:6], views.languages(t)


async def wait_render(page, stats: SessionStats, started: float, timeout_ms: int, step: str = "") -> None:
    await page.wait_for_selector(IDLE, timeout=timeout_ms)
    await page.wait_for_timeout(200)
    await page.wait_for_selector(IDLE, timeout=timeout_ms)
    stats.latencies.append(time.monotonic() - started)
    stats.renders += 1
    if await page.locator("[data-testid='stDialog']").count():        # e.g. "Page not found"
        text = (await page.locator("[data-testid='stDialog']").first.inner_text()).splitlines()[0]
        stats.errors.append(f"dialog {text!r} after {step}")
        await page.keyboard.press("Escape")
    n = await page.locator("[data-testid='stException']").count()
    if n:
        text = await page.locator("[data-testid='stException']").first.inner_text()
        stats.exceptions.append(text[:300])


async def session(browser, url: str, n: int, deadline: float, people: list[str], langs: list[str],
                  timeout_ms: int) -> SessionStats:
    rnd = random.Random(n)
    stats = SessionStats()
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    page.on("pageerror", lambda e: stats.errors.append(f"page error: {e}"[:300]))
    try:
        t = time.monotonic()
        await page.goto(f"{url}/{PAGES[n % len(PAGES)]}", timeout=timeout_ms)
        await wait_render(page, stats, t, timeout_ms, f"opening /{PAGES[n % len(PAGES)]}")
        while time.monotonic() < deadline:
            t = time.monotonic()
            step = ""
            try:
                if rnd.random() < 0.5:
                    query = {}
                    if people and rnd.random() < 0.6:
                        query["player"] = rnd.sample(people, rnd.randint(1, min(2, len(people))))
                    if langs and rnd.random() < 0.4:
                        query["lang"] = [rnd.choice(langs)]
                    q = urllib.parse.urlencode(query, doseq=True)
                    step = f"opening /{rnd.choice(PAGES)}{'?' + q if q else ''}"
                    await page.goto(url + step.split(" ", 1)[1], timeout=timeout_ms)
                elif rnd.random() < 0.6 or not langs:
                    title = rnd.choice(NAV_TITLES)
                    step = f"clicking the {title} link"
                    await page.get_by_role("link", name=title, exact=True).click(timeout=timeout_ms)
                else:
                    lang = rnd.choice(langs).upper()
                    step = f"clicking the {lang} pill"
                    pill = page.locator("[data-testid='stSidebar'] button", has_text=lang)
                    await pill.first.click(timeout=timeout_ms)
                await wait_render(page, stats, t, timeout_ms, step)
            except Exception as exc:   # a page that did not render in time is a failure of the test
                stats.errors.append(f"{step}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    finally:
        await context.close()
    return stats


async def sample_rss(pid: int, samples: list[tuple[float, float]], stop: asyncio.Event) -> None:
    t0 = time.monotonic()
    while not stop.is_set():
        samples.append((time.monotonic() - t0, rss_mb(pid)))
        try:
            await asyncio.wait_for(stop.wait(), 0.5)
        except asyncio.TimeoutError:
            pass


async def drive(url: str, pid: int, args, people, langs) -> tuple[list[SessionStats], list[tuple[float, float]], float]:
    from playwright.async_api import async_playwright

    samples: list[tuple[float, float]] = []
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_rss(pid, samples, stop))
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            deadline = time.monotonic() + args.seconds
            t0 = time.monotonic()
            results = await asyncio.gather(*(
                session(browser, url, n, deadline, people, langs, args.timeout * 1000) for n in range(args.sessions)
            ))
            elapsed = time.monotonic() - t0
        finally:
            await browser.close()
    await asyncio.sleep(3)              # let the server drop the closed sessions
    stop.set()
    await sampler
    return results, samples, elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--timeout", type=float, default=120, help="seconds one page may take to render")
    ap.add_argument("--max-rss-mb", type=float, default=1500, help="fail when the server's RSS goes over this")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="fanboard-load-"))
    tables = work / "tables"
    print(f"building tables from the seeds into {tables} …", flush=True)
    build_tables(tables)
    people, langs = people_and_langs(tables)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (work / "streamlit.log").open("wb")
    env = {**os.environ, "FANBOARD_TABLES": str(tables), "FANBOARD_ARTICLES": str(work / "articles"),
           "FANBOARD_CACHE": str(work / "cache"), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    print("the server did not start; see", log.name, file=sys.stderr)
                    return 2
                time.sleep(0.3)
        idle_rss = rss_mb(server.pid)
        cpu_before = cpu_seconds(server.pid)
        print(f"server up at {url} (pid {server.pid}, RSS {idle_rss:.0f} MB); "
              f"{args.sessions} sessions for {args.seconds:.0f} s …", flush=True)
        results, samples, elapsed = asyncio.run(drive(url, server.pid, args, people, langs))
        after_rss = rss_mb(server.pid)
        server_cpu = cpu_seconds(server.pid) - cpu_before
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(server.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        log.close()

    lat = sorted(x for s in results for x in s.latencies)
    renders = [s.renders for s in results]
    exceptions = [e for s in results for e in s.exceptions]
    errors = [e for s in results for e in s.errors]
    rss = [r for _, r in samples]
    third = max(1, len(rss) // 3)
    q = (lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]) if lat else (lambda p: float("nan"))
    print()
    print(f"sessions                 {args.sessions} concurrent, {elapsed:.0f} s")
    print(f"page renders             {sum(renders)} in all; per session min {min(renders)}, median "
          f"{statistics.median(renders):.0f}, max {max(renders)}")
    print(f"render time (s)          p50 {q(0.5):.2f}, p95 {q(0.95):.2f}, max {lat[-1] if lat else float('nan'):.2f}")
    print(f"exceptions on pages      {len(exceptions)}")
    print(f"failed steps             {len(errors)}")
    print(f"server RSS (MB)          idle {idle_rss:.0f}, mean first third {statistics.mean(rss[:third]):.0f}, "
          f"mean last third {statistics.mean(rss[-third:]):.0f}, peak {max(rss):.0f}, after the sessions closed {after_rss:.0f}")
    print(f"server CPU               {server_cpu:.0f} s over {elapsed:.0f} s ({100 * server_cpu / elapsed:.0f}% of one core; "
          f"{os.cpu_count()} CPUs shared with the browsers)")
    for e in (exceptions + errors)[:10]:
        print("  ", e)
    # every session rendered (at least its first page), no step failed or timed out, no exception
    ok = not exceptions and not errors and min(renders) >= 1 and max(rss) <= args.max_rss_mb
    print("PASS" if ok else "FAIL", f"(limit {args.max_rss_mb:.0f} MB)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
