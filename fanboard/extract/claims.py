"""Claims: what one article says, each with where it says it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Provenance:
    article_id: str
    start: int          # character offsets of the sentence in the article text
    end: int
    quote: str          # the sentence, as written
    certainty: str      # "confirmed" | "reported"


@dataclass
class MatchClaim:
    key: str                        # unique within a build: "<article_id>#m<n>"
    article_id: str
    subject: str | None             # canonical club name whose match it is (the article's focus club by default)
    opponent: str | None            # canonical club name; None when the text does not name it
    hole: bool = False              # the text has a gap where the opponent's name should be
    self_reference: str | None = None  # an opponent name that is the subject itself ("draw with Rivertown")
    venue: str | None = None        # "home" | "away" for the subject
    order_hint: str | None = None   # "home": the subject is printed first (a lineup block), so
                                    # probably at home; used only to choose between fixtures
    subject_goals: int | None = None
    opponent_goals: int | None = None
    result: str | None = None       # "W" | "D" | "L" for the subject
    competition: str | None = None
    status: str | None = None       # "played" | "postponed" | "scheduled"
    status_reason: str | None = None
    time: Any = None                # timeexpr.TimeExpr or None
    provenance: list[Provenance] = field(default_factory=list)
    merged_keys: list[str] = field(default_factory=list)
    anchor: tuple[int, int] = (0, 0)  # token span of the words that state the claim
    as_written: bool = False        # the score is in the order written, not known to be the
                                    # subject's first ("tegen X (0-13)"): whose goals are whose is open

    @property
    def named(self) -> bool:
        return self.opponent is not None


@dataclass
class StatusClaim:
    player: str
    status: str
    match_key: str | None
    value: str
    certainty: str
    provenance: Provenance
    time: Any = None


@dataclass
class EventClaim:
    """One event as one article tells it. `agents` acted, `targets` are whom it concerned;
    `actors` is their union (a claim made with actors only keeps them as they are)."""
    event_type: str
    actors: list[str]
    match_key: str | None
    certainty: str
    provenance: list[Provenance]
    time: Any = None
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


@dataclass
class GoalClaim:
    scorer: str                     # canonical name of the player credited (the KB's)
    team: str | None                # canonical club the goal counted for (None when not known)
    minute: int | None
    penalty: bool
    own_goal: bool
    match_key: str | None
    certainty: str
    provenance: Provenance


@dataclass
class SituationClaim:
    competition: str
    metric: str
    value: str
    provenance: Provenance
    match_key: str | None = None


@dataclass
class NameClaim:
    """A name the article uses that the knowledge base lacks (one line of unknown_names)."""
    name: str
    kind: str           # "lineup": in a known club's team sheet | "cue": near a football cue word
    club: str           # the sheet's club ("lineup"), else ""
    sentence: str       # its line or sentence, cut to fanboard.extract.names.MAX_QUOTE


@dataclass
class ArticleClaims:
    article_id: str
    language: str
    focus_club: str | None
    matches: list[MatchClaim] = field(default_factory=list)
    statuses: list[StatusClaim] = field(default_factory=list)
    events: list[EventClaim] = field(default_factory=list)
    situation: list[SituationClaim] = field(default_factory=list)
    goals: list[GoalClaim] = field(default_factory=list)
    times: list[tuple[Any, str | None]] = field(default_factory=list)  # (TimeExpr, match key it dates) for date inference
    entities: list[tuple[int, int, str, str]] = field(default_factory=list)  # (start, end, label, canonical) for highlighting
    warnings: list[str] = field(default_factory=list)
    focus_evidence: str = ""        # why focus_club is the article's club (the articles table's club_evidence)
    names: list[NameClaim] = field(default_factory=list)  # names the knowledge base lacks (names.py)
