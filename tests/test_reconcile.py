"""Reconciliation on small invented articles (each says in its first line that it is invented)."""
from __future__ import annotations

from fanboard.pipeline import build


def _build(tmp_path, text: str, meta: str = ""):
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "a.txt").write_text(text, encoding="utf-8")
    if meta:
        (arts / "articles.toml").write_text(meta, encoding="utf-8")
    return build([arts], tmp_path / "tables", cache_dir=None).tables


def test_years_date_an_undated_article(tmp_path):
    t = _build(tmp_path, "Invented: Gosens blijft\n\nVerzonnen. Robin Gosens speelt al sinds 2017 voor Atalanta. "
                         "De club haalde hem drie jaar geleden op bij Heracles.\n")
    a = t["articles"].iloc[0]
    assert (a.published_from, a.published_to) == ("2020-01-01", "2020-12-31")
    assert "'since 2017' together with '3 years ago'" in a.published_evidence


def test_a_draw_links_to_the_drawn_fixture(tmp_path):
    t = _build(tmp_path, "Invented: a row\n\nInvented. Atalanta players argued during the Champions League draw with Midtjylland.\n",
               '[a]\npublished = "2020-12-15"\n')
    assert list(t["matches"]["match_id"]) == ["2020-12-01-atalanta-midtjylland"]
    assert list(t["matches"][["home_goals", "away_goals"]].iloc[0]) == ["1", "1"]


def test_a_match_announced_is_scheduled_and_has_no_score(tmp_path):
    t = _build(tmp_path, "Invented: preview\n\nInvented. Atalanta will play host to Roma this weekend.\n",
               '[a]\npublished = "2020-12-17"\n')
    m = t["matches"].iloc[0]
    assert (m.match_id, m.status, m.home_goals, m.date_basis) == ("2020-12-20-atalanta-roma", "scheduled", "", "linked_fixture")


def test_one_club_and_no_gap_is_no_match_row(tmp_path):
    # a score next to a single club, with no stripped name where the other club was: no row
    t = _build(tmp_path, "Invented: a season\n\nInvented. Torino had lost 2-0 in a bad week, the coach said.\n")
    assert list(t["matches"]["match_id"]) == []


def test_a_stripped_name_still_makes_a_row(tmp_path):
    t = _build(tmp_path, "Invented: holes\n\nInvented. Torino lost 2-0 at  in a bad week.\n")
    assert list(t["matches"][["home", "away", "home_goals", "away_goals"]].itertuples(index=False, name=None)) \
        == [("Milan", "Torino", "2", "0")]  # the only 2-0 defeat away: the calendar fills the gap
