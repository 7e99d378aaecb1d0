"""The figures of one benchmark run: a printed table and a section of bench/results.md."""
from __future__ import annotations

import platform
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results.md"
RUNS_MARKER = "<!-- runs: newest first; `python -m bench` inserts below this line -->"

HEADER = f"""# Benchmark results

Written by `make bench` (`python -m bench`, see bench/__init__.py for what each figure
measures). Each run records the commit it was measured on; `+dirty` means the working tree
had uncommitted changes (other files than bench/), so the figure belongs to that tree, not
to the commit alone. Older runs stay below, so before/after figures can be compared.

{RUNS_MARKER}
"""


@dataclass
class Figure:
    name: str
    value: str            # what we measured, human readable
    reference: str = ""   # the reference measured in the same run
    ratio: str = ""       # value / reference, or the growth exponent
    target: str = ""
    met: bool | None = None   # None: not measured
    details: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        return {True: "yes", False: "NO", None: "n/a"}[self.met]


def commit() -> str:
    """Short commit hash of HEAD, with +dirty when files outside bench/ differ from it."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                                capture_output=True, text=True, check=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    dirty = [line for line in status if not line[3:].startswith("bench/")]
    return head + ("+dirty" if dirty else "")


def machine() -> str:
    import os
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def table(figures: list[Figure]) -> str:
    cols = ("#", "measurement", "figure", "reference (same run)", "ratio", "target", "met")
    rows = [(str(i), f.name, f.value, f.reference, f.ratio, f.target, f.verdict)
            for i, f in enumerate(figures, 1)]
    widths = [max(len(c), *(len(r[k]) for r in rows)) for k, c in enumerate(cols)]

    def line(cells):
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"
    out = [line(cols), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(r) for r in rows]
    return "\n".join(out)


def section(figures: list[Figure], label: str = "", when: datetime | None = None) -> str:
    when = when or datetime.now()
    title = f"### {when:%Y-%m-%d %H:%M} · commit {commit()}" + (f" · {label}" if label else "")
    details = []
    for i, f in enumerate(figures, 1):
        for d in f.details:
            details.append(f"- ({i}) {d}")
    parts = [title, "", f"Machine: {machine()}.", "", table(figures)]
    if details:
        parts += ["", *details]
    return "\n".join(parts) + "\n"


def write_results(figures: list[Figure], path: Path = RESULTS, label: str = "") -> Path:
    """Insert this run's section at the top of the runs in path (created with a header if missing)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    if RUNS_MARKER not in text:
        text = text.rstrip("\n") + "\n\n" + RUNS_MARKER + "\n"
    head, runs = text.split(RUNS_MARKER, 1)
    earlier = "\n" + runs.lstrip("\n") if runs.strip() else ""
    text = head + RUNS_MARKER + "\n\n" + section(figures, label) + earlier
    path.write_text(text, encoding="utf-8")
    return path
