"""Invented articles (one per language plus one with link holes), built through the same CLI,
against the tables a careful reader wrote for them (tests/data/invented/expected, see its README).

Measured, not tuned: every row the build produces must be in the expected tables (no invented
facts), and the share of expected rows found is held at what the rules reach today, so that it
can only go up.
"""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from helpers import DATA, ROOT

SETS = {"invented": DATA / "invented", "invented2": DATA / "invented2"}
KEYS = {
    "matches": ["match_id", "home", "away", "status"],
    "player_status": ["player", "status", "match_id"],
    "situation": ["competition", "metric", "value", "article_id"],
    "events": ["event_type", "actors", "article_id"],
}
# recall reached by the rules (rows found / rows expected); raise when the rules improve
# player_status is back at 0.85: "Zapata" alone, shared by Duván (Atalanta) and Cristián
# (Genoa), names the one at the article's club again (fanboard/extract/context.py)
MIN_RECALL = {
    "invented": {"matches": 0.9, "player_status": 0.85, "situation": 1.0, "events": 1.0},
    # the second set was written later, by someone who had not seen the rules
    "invented2": {"matches": 1.0, "player_status": 0.85, "situation": 1.0, "events": 1.0},
}
# Known wrong rows, each with the reason. The list may only shrink.
KNOWN_EXTRA: dict[str, set] = {
    # ("beating  3-1 in Bergamo", a hole no calendar constraint narrows to one match, is no
    # longer a row: an unlinked match needs both clubs and a date)
    "matches": set(),
    "player_status": {
        # Italian "X ha sbloccato ... su lancio di Y e all'intervallo ha lasciato il posto a Z":
        # without a parse the subject of the second verb is taken to be Y, the nearest name
        ("Josip Iličić", "substituted_off", "2021-01-06-atalanta-parma"),
        # "Sportiello mocht die avond in de basis beginnen": "die avond" points back to a match
        # told without a cue ("speelden ... nog met 2-2 gelijk"), so the previous match is used
        ("Marco Sportiello", "started", "2020-11-25-liverpool-atalanta"),
    },
    "situation": set(), "events": set(),
}
KNOWN_EXTRA = {"invented": KNOWN_EXTRA, "invented2": {"matches": set(), "player_status": set(),
                                                      "situation": set(), "events": set()}}


@pytest.fixture(scope="module", params=list(SETS))
def built(request, tmp_path_factory):
    name = request.param
    out = tmp_path_factory.mktemp(name)
    articles = SETS[name] / "articles"
    proc = subprocess.run([sys.executable, "-m", "fanboard", "build", "--no-cache",
                           "--articles", str(articles), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    n = len([p for p in articles.iterdir() if p.suffix == ".txt"])
    assert proc.stdout.startswith(f"{n} articles,")
    return name, out


def _rows(df: pd.DataFrame, name: str) -> set:
    df = df.copy()
    if name == "events":
        df["article_id"] = df.get("sources", df.get("article_id"))
    return {tuple(str(v) for v in r) for r in df[KEYS[name]].itertuples(index=False)}


@pytest.mark.parametrize("name", list(KEYS))
def test_no_invented_facts_and_recall(built, name):
    which, out = built
    got = _rows(pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False), name)
    want = _rows(pd.read_csv(SETS[which] / "expected" / f"{name}.csv", dtype=str, keep_default_na=False), name)
    extra = got - want - KNOWN_EXTRA[which][name]
    assert not extra, f"{which} {name}: rows no careful reader would write: {sorted(extra)}"
    recall = len(got & want) / len(want)
    print(f"{which} {name}: recall {recall:.2f} ({len(got & want)}/{len(want)})")
    assert recall >= MIN_RECALL[which][name]


def test_holes_never_become_names(built):
    which, out = built
    m = pd.read_csv(out / "matches.csv", dtype=str, keep_default_na=False)
    holes = m[m.sources == "en_holes"]
    assert set(holes.home) | set(holes.away) <= {"Atalanta", "Milan", "Cagliari", "Lazio", ""}
