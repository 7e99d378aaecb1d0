"""Merge claims from all articles into the rows of the tables, with contradictions.

The merge follows the claims' one-way flow, one part per claim kind:

1. ``merge_matches``   match claims -> one row per match (linked to the calendar where possible);
2. ``merge_statuses``  player statuses -> one row per player, status and match (needs 1);
   ``merge_goals``     goals -> one row per goal of a match (needs 1);
3. ``merge_events``    events -> one row per event of the story (needs 1 and 2);
4. ``merge_situation`` the league situation, checked against the computed table (needs 1).

Each part also writes its provenance rows (every row traceable to its sentences) and its
contradiction rows. ``Assembler`` puts the parts together; fanboard.pipeline calls them in the
order above.
"""
from __future__ import annotations

from ..text import slug
from .merge_base import AssemblerBase, provenance_rows
from .merge_events import EVENT_SUMMARY, EventMerge
from .merge_goals import GoalMerge
from .merge_matches import MatchMerge, MatchRow
from .merge_situation import SituationMerge
from .merge_statuses import StatusMerge, _most_specific

__all__ = ["Assembler", "AssemblerBase", "EVENT_SUMMARY", "MatchRow", "provenance_rows", "slug",
           "_most_specific"]


class Assembler(MatchMerge, StatusMerge, GoalMerge, EventMerge, SituationMerge):
    """All claims of all articles merged: ``matches()``, then ``player_status(matches)``, ``goals(matches)``,
    ``events(matches, statuses)``, ``situation(matches)`` and ``situation_contradictions``.
    ``provenance`` and ``contradictions`` collect what every step writes."""
