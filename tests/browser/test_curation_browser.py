"""Curation in a real browser, the whole flow on one server with a private data folder (store,
tables, cache, curation log, local KB): reject a match and it is gone after the rebuild; correct
a score and the league table and the Overview follow; undo brings it back; add an unknown
lineup name as a player and their statuses appear.
"""
from __future__ import annotations

import json

import pytest

from fanboard.curation import computed_keys

from .conftest import screenshot, streamlit_server, wait_idle

LINEUP = """Sampdoria-Atalanta 0-2 (invented test article)

Il tabellino
SAMPDORIA (4-4-2): Audero; Bereszynski, Tonelli, Colley, Augello; Candreva, Thorsby, Ekdal, Jankto; Gomez, Quagliarella. All. Ranieri
ATALANTA (3-4-1-2): Gollini; Toloi, Romero, Djimsiti; Hateboer, De Roon, Freuler, Gosens; Pessina; Bellandi, Zapata. All. Gasperini
"""
REJECTED = "2020-12-09-ajax-atalanta"
CORRECTED = "2020-12-13-atalanta-fiorentina"
LINEUP_MATCH = "2021-02-28-sampdoria-atalanta"
SLOW = 240_000      # a rebuild loads the language pipelines


@pytest.fixture(scope="module")
def curation_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("curationdata")
    store = data / "articles"
    store.mkdir()
    (store / "tabellino.txt").write_text(LINEUP, encoding="utf-8")
    (store / "articles.toml").write_text('[tabellino]\npublished = "2021-03-01"\nlanguage = "it"\n', encoding="utf-8")
    with streamlit_server(data / "streamlit.log", FANBOARD_TABLES=str(data / "tables"), FANBOARD_ARTICLES=str(store),
                          FANBOARD_CACHE=str(data / "cache"), FANBOARD_CURATION=str(data / "curation"),
                          FANBOARD_KB_LOCAL=str(data / "kblocal")) as url:
        yield url, data


def main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def open_page(page, url: str, path: str) -> str:
    page.goto(f"{url}/{path}")
    wait_idle(page, SLOW)
    assert page.locator("[data-testid='stException']").count() == 0
    return main_text(page)


def act(page, tab: str, button: str) -> None:
    """Click a tab of the Curation page, then its button, and wait for the rebuild."""
    page.get_by_role("tab", name=tab).click()
    page.locator("[data-testid='stTabs'] [role='tabpanel']:visible button", has_text=button).click()
    page.get_by_text("Tables rebuilt:").wait_for(timeout=SLOW)
    wait_idle(page, SLOW)


def points_line(text: str) -> str:
    return next(line.strip("- ").strip() for line in text.splitlines() if "points from" in line)


def test_reject_correct_undo_and_teach_a_name(curation_server, page):
    url, data = curation_server
    # 1. reject a match: its page no longer has it after the rebuild
    assert "Ajax 0-1 Atalanta" in open_page(page, url, f"match?match={REJECTED}")
    open_page(page, url, f"curation?table=matches&key={REJECTED}")
    page.get_by_role("tab", name="Reject").click()
    page.get_by_label("Why is it wrong? (optional)").fill("no such match in the articles")
    page.get_by_label("Why is it wrong? (optional)").press("Enter")
    wait_idle(page)
    act(page, "Reject", "Reject this row")
    assert "Ajax 0-1 Atalanta" not in open_page(page, url, f"match?match={REJECTED}")
    log = [json.loads(line) for line in (data / "curation" / "log.jsonl").read_text().splitlines()]
    assert [(a["action"], a["key"], a["why"]) for a in log] == [("reject", REJECTED, "no such match in the articles")]

    # 2. correct a score (3-0 → 0-0): the league table and the Overview follow
    before_overview = points_line(open_page(page, url, ""))
    before_league = next(line for line in open_page(page, url, "league_table").splitlines() if "Computed:" in line)
    open_page(page, url, f"curation?table=matches&key={CORRECTED}&field=home_goals")
    page.get_by_role("tab", name="Correct a field").click()
    page.get_by_label("Correct value").fill("0")
    page.get_by_label("Correct value").press("Enter")
    wait_idle(page)
    act(page, "Correct a field", "Save the correction")
    screenshot(page, "curation_corrected")
    after_overview = points_line(open_page(page, url, ""))
    after_league = next(line for line in open_page(page, url, "league_table").splitlines() if "Computed:" in line)
    points = int(before_overview.split()[0])
    assert after_overview.startswith(f"{points - 2} points from")
    assert after_league == before_league.replace(f"{points} points", f"{points - 2} points")
    assert "✎ corrected" in open_page(page, url, f"curation?table=matches&key={CORRECTED}")

    # 3. undo brings the score back
    page.get_by_role("button", name="Undo").click()
    page.get_by_text("Tables rebuilt:").wait_for(timeout=SLOW)
    wait_idle(page, SLOW)
    assert points_line(open_page(page, url, "")) == before_overview

    # 4. the unknown lineup name, added as an Atalanta player, gets statuses
    key = computed_keys("player_status", _status_row(LINEUP_MATCH, "Bellandi", "started"))[0]
    open_page(page, url, "curation")
    page.get_by_role("tab", name="Add as a person").click()
    assert page.get_by_role("combobox", name="Unknown name").input_value() == "Bellandi (lineup, 1×)"
    assert page.get_by_role("textbox", name="Name").input_value() == "Bellandi"
    act(page, "Add as a person", "Add this person")
    people = (data / "kblocal" / "people.csv").read_text(encoding="utf-8").splitlines()
    assert people == ["id,name,club,role,position,nationality,captain,aliases", "bellandi,Bellandi,atalanta,player,,,,"]
    assert f"Key {key}" in open_page(page, url, f"curation?table=player_status&key={key}")
    page.get_by_role("tab", name="Add as a person").click()
    assert page.get_by_role("combobox", name="Unknown name").input_value() == "Gomez (lineup, 1×)"  # Bellandi is known


def _status_row(match_id: str, player: str, status: str):
    import pandas as pd
    return pd.DataFrame([{"match_id": match_id, "player": player, "status": status}])
