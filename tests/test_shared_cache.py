"""What the dashboard shares between sessions, and that sharing changes nothing a fan sees.

app.py keeps one Dashboard per tables version and filter state for all sessions, and the
Timeline's chart specs are made once per Dashboard, converted without Altair's validation.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.elements import vega_charts
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from fanboard import charts, views
from fanboard.tables import read_tables
from pages._shared import chart_specs, vega_lite_spec

ROOT = Path(__file__).resolve().parents[1]
ILICIC = "Josip Iličić"


@pytest.fixture(autouse=True)
def navigation_mode(monkeypatch: pytest.MonkeyPatch):
    """As in test_app_pages: each AppTest run remembers st.navigation, like a server."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


def timeline(tables_dir: Path, monkeypatch, players: list[str] | None = None) -> AppTest:
    monkeypatch.setenv("FANBOARD_TABLES", str(tables_dir))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    at.switch_page("pages/timeline.py").run()
    if players is not None:
        at.sidebar.multiselect(key="player").set_value(players).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def chart_protos(at: AppTest) -> list:
    protos = [c.proto for c in at.main.get("vega_lite_chart")]
    assert len(protos) == 2   # the events and results panel, the league position panel
    return protos


def test_specs_are_what_streamlit_makes_of_the_altair_charts(tables_dir):
    tables = read_tables(tables_dir)
    d = views.Dashboard.create(tables, views.Filters(players=(ILICIC,)))
    for chart in charts.timeline_panels(d.events, d.results, d.positions, club=d.club):
        assert vega_lite_spec(chart) == vega_charts._convert_altair_to_vega_lite_spec(chart)


def test_chart_specs_are_made_once_per_dashboard(tables_dir):
    d = views.Dashboard.create(read_tables(tables_dir), views.Filters())
    made = []

    def make():
        made.append(1)
        return charts.timeline_panels(d.events, d.results, d.positions, club=d.club)

    first = chart_specs(d, "timeline", make)
    assert chart_specs(d, "timeline", make) is first and len(made) == 1 and len(first) == 2
    other = views.Dashboard.create(read_tables(tables_dir), views.Filters())
    assert chart_specs(other, "timeline", make) == first and len(made) == 2


def test_sessions_with_the_same_filters_get_the_same_charts_and_a_change_shows(tables_dir, monkeypatch):
    everyone = timeline(tables_dir, monkeypatch)
    again = timeline(tables_dir, monkeypatch)                    # a second session, served from the cache
    assert [p.spec for p in chart_protos(again)] == [p.spec for p in chart_protos(everyone)]
    assert [list(p.datasets) for p in chart_protos(again)] == [list(p.datasets) for p in chart_protos(everyone)]
    one = timeline(tables_dir, monkeypatch, [ILICIC])
    assert chart_protos(one)[0].datasets[0].data.data != chart_protos(everyone)[0].datasets[0].data.data
    assert "Showing 2 events and 2 matches for Josip Iličić" in " ".join(m.value for m in one.main.markdown)
    # the player filter leaves the league position panel as it is for everyone
    assert chart_protos(one)[1].spec == chart_protos(everyone)[1].spec


def test_a_rebuild_is_shown_at_once(tmp_path, tables_dir, monkeypatch):
    import shutil

    from fanboard.tables import write_tables

    tables = read_tables(tables_dir)
    shutil.copytree(tables_dir, tmp_path / "t")
    before = timeline(tmp_path / "t", monkeypatch)
    assert "Showing 9 events" in " ".join(m.value for m in before.main.markdown)
    fewer = dict(tables, events=tables["events"].iloc[:4])
    write_tables(fewer, tmp_path / "t")
    after = timeline(tmp_path / "t", monkeypatch)
    text = " ".join(m.value for m in after.main.markdown)
    assert "Showing 9 events" not in text and "Showing " in text
