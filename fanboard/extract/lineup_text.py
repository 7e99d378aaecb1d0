"""Read lineup blocks: the Italian tabellino, English "Teams:" lists, Dutch "Opstelling X:".

    AJAX (4-3-3): Keeper; Back A, Back B (92' Back C), ...; Forward. All. Coach
    Opstelling Ashford: Keeper; Back A, ...; Forward en Forward.
    Marcatori: 85' Forward

A block is a team's name (recognised by the caller, who knows the clubs), an optional formation,
a colon and at least `MIN_PLAYERS` names separated by ";" and ",". A parenthesis after a name
with a minute and a name is a substitution: the first left, the second came on. The coach
follows a coach marker, the bench a bench marker. Goal and red-card lines are read too. The
words that shape a block are data (`data/patterns/lineups.toml`).

This module only reads text: it returns names as written, with their character offsets, and
leaves who they are (the knowledge base, learned names) and which match it was to the caller.
Blocks announced as a guess ("Vermoedelijke opstelling", "probabili formazioni") are marked
`predicted`: they say nothing about who played.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ..paths import PATTERNS_DIR

MARKERS_FILE = PATTERNS_DIR / "lineups.toml"
MIN_PLAYERS = 10          # a team sheet names at least ten of its eleven
MAX_TEAM_CHARS = 40
HEADER_SPAN = 400         # the longest 'Heading Team (formation):' looked for, in characters

_NAME = r"[A-ZÀ-ÖØ-Þ][\w.'’\-]*(?:\s+(?:[a-zà-ÿ]{1,3}\s+)?[A-ZÀ-ÖØ-Þ][\w.'’\-]*){0,3}"
_NAME_RE = re.compile(rf"^{_NAME}$")
_MINUTE = r"(\d{1,3})(?:\s*\+\s*(\d{1,2}))?\s*(?:[′'’`´]|\.(?!\d)|°|min\.?)?"
_CAPTAIN_TAG = r"\s*\((?:c|cap|capt|k|gk)\.?\)"
_FORMATION = r"\(\s*(?P<form>\d(?:\s*-\s*\d){2,4})\s*\)"
_LATE_FORMATION = re.compile(rf"[ \t]*{_FORMATION}[ \t]*:[ \t]*")   # a formation after the colon


@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Substitution:
    off: Name
    on: Name
    minute: int | None


@dataclass(frozen=True)
class TeamSheet:
    team: Name                    # the team's name as written ("RIVERTOWN", "Ashford")
    formation: str | None
    starters: tuple[Name, ...]
    substitutions: tuple[Substitution, ...]
    bench: tuple[Name, ...]       # listed substitutes (those who came on are among substitutions)
    coach: Name | None
    captain: Name | None
    predicted: bool
    start: int
    end: int


@dataclass(frozen=True)
class GoalLine:
    scorer: Name
    minute: int | None
    penalty: bool
    own_goal: bool


@dataclass(frozen=True)
class RedCard:
    player: Name
    minute: int | None


@dataclass(frozen=True)
class LineupText:
    sheets: tuple[TeamSheet, ...]
    goals: tuple[GoalLine, ...]
    red_cards: tuple[RedCard, ...]


@dataclass(frozen=True)
class Markers:
    heading: tuple[str, ...]
    coach: tuple[str, ...]
    bench: tuple[str, ...]
    goals: tuple[str, ...]
    red: tuple[str, ...]
    penalty: tuple[str, ...]
    own_goal: tuple[str, ...]
    sub_prefix: tuple[str, ...]
    predicted: tuple[str, ...]
    and_words: tuple[str, ...]
    second_half: tuple[str, ...]
    first_half: tuple[str, ...]
    extra_first: tuple[str, ...]
    extra_second: tuple[str, ...]
    own_line: tuple[str, ...]


@lru_cache(maxsize=8)
def load_markers(lang: str, path: Path = MARKERS_FILE) -> Markers:
    """The markers of `lang` followed by those of every language ("any"), longest first."""
    with Path(path).open("rb") as fh:
        data = tomllib.load(fh)
    fields = Markers.__dataclass_fields__
    unknown = set(data.get(lang, {})) - set(fields) | set(data.get("any", {})) - set(fields)
    if unknown:
        raise ValueError(f"{path}: unknown marker kinds {sorted(unknown)}")
    merged = {}
    for name in fields:
        words = list(data.get(lang, {}).get(name, [])) + list(data.get("any", {}).get(name, []))
        merged[name] = tuple(sorted(dict.fromkeys(w.lower() for w in words), key=len, reverse=True))
    return Markers(**merged)


def _alternation(words: tuple[str, ...]) -> str:
    parts = []
    for w in words:
        p = re.escape(w)
        parts.append(p + (r"(?![^\W\d_])" if w[-1].isalpha() else ""))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!x)x"


# ---------------------------------------------------------------------------- splitting

def _split_top(text: str, offset: int, seps: str = ";,") -> list[tuple[str, int]]:
    """Split at separators outside parentheses; each piece with its offset, stripped."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text + ";"):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue   # a rating with a decimal comma: "Schuurs 6,5"
        elif (ch in seps and depth == 0) or i == len(text):
            piece = text[start:i]
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                out.append((piece.strip(), offset + start + lead))
            start = i + 1
    return out


def _half_shift(after: str, markers: Markers) -> int:
    """The minutes before the half a marker at the start of `after` names: "st" 45, "pts" 90,
    "sts" 105 (the halves of extra time before the second half, which "sts" begins like)."""
    after = after.lstrip(" \t′'’`´°")
    for words, shift in ((markers.extra_second, 105), (markers.extra_first, 90), (markers.second_half, 45)):
        if re.match(_alternation(words), after, flags=re.I):
            return shift
    return 0


def _halves(markers: Markers) -> str:
    """Any half marker, longest first ("p.t.s." before "p.t.")."""
    words = markers.extra_second + markers.extra_first + markers.second_half + markers.first_half
    return _alternation(tuple(sorted(words, key=len, reverse=True)))


def _minute(m: re.Match, text: str, markers: Markers) -> int:
    minute = int(m.group(1)) + (int(m.group(2)) if m.group(2) else 0)
    return minute + _half_shift(text[m.end():m.end() + 8], markers)


def _clean_name(text: str, start: int) -> Name | None:
    """A name as written, without ratings, position tags or punctuation around it."""
    s = re.sub(_CAPTAIN_TAG + r"\s*$", "", text, flags=re.I)
    s = re.sub(r"\s+(?:\d{1,2}(?:[.,]5)?|n/?a|s\.?v\.?|n\.?g\.?)\s*$", "", s, flags=re.I)   # a rating: "Gollini 6.5", "sv"
    s = re.sub(r"^\s*\d{1,2}\s+(?=[A-ZÀ-ÖØ-Þ])", "", s)   # a shirt number: "31 Rossi"
    s = s.strip(" .:-–—\u00a0")
    if not s or not _NAME_RE.match(s) or len(s) > 40:
        return None
    lead = text.find(s)
    return Name(s, start + max(lead, 0), start + max(lead, 0) + len(s))


def _captain(text: str) -> bool:
    return bool(re.search(r"\((?:c|cap|capt|k)\.?\)", text, flags=re.I))


def _and_split(pieces: list[tuple[str, int]], markers: Markers) -> list[tuple[str, int]]:
    """'Neres en Tadic' as the last item names two players."""
    if not pieces:
        return pieces
    text, start = pieces[-1]
    m = re.match(rf"^(.+?)\s+{_alternation(markers.and_words)}\s+(.+)$", text)
    if m and "(" not in text:
        return pieces[:-1] + [(m.group(1), start), (m.group(2), start + m.start(2))]
    return pieces


# ---------------------------------------------------------------------------- one team sheet

def _player_item(text: str, start: int, markers: Markers) -> tuple[Name | None, list[Substitution], bool]:
    """'Gosens (79' Palomino)' → Gosens, [Gosens→Palomino at 79]; nested changes are followed."""
    captain = _captain(text)
    # "Rossi (cap.) (33' Verdi)": the captain's tag is blanked out, offsets kept
    text = re.sub(_CAPTAIN_TAG, lambda m: " " * len(m.group(0)), text, flags=re.I)
    paren = text.find("(")
    head = text if paren < 0 else text[:paren]
    player = _clean_name(head, start)
    subs: list[Substitution] = []
    if player is None or paren < 0:
        return player, subs, captain
    inner_start = paren + 1
    inner = text[inner_start:text.rfind(")")] if ")" in text else text[inner_start:]
    prefix = _alternation(markers.sub_prefix)
    m = re.match(rf"^\s*(?:{prefix}\s*)?{_MINUTE}\s*(?:{_halves(markers)})?\s*(.+)$", inner, flags=re.I)
    if m:
        # "33' st Muriel": the 78th; "4' pts Verdi": the 94th
        minute = int(m.group(1)) + (int(m.group(2)) if m.group(2) else 0)
        minute += _half_shift(inner[m.end(2) if m.group(2) else m.end(1):m.start(3)], markers)
        rest, rest_at = m.group(3), m.start(3)
    else:
        m = re.match(rf"^\s*(.+?)\s*,?\s*{_MINUTE}\s*$", inner)
        if not m:
            return player, subs, captain
        minute, rest, rest_at = int(m.group(2)) + (int(m.group(3)) if m.group(3) else 0), m.group(1), m.start(1)
    # "Orbin (56' Vell - 86' Tarn)", "(dal 56' Vell, dal 86' Tarn)": Vell came on and went off
    # again; read as "Vell (86' Tarn)" (the separator becomes the bracket, offsets kept)
    chain = re.search(rf"([-–,;/])(?=\s*(?:{prefix}\s*)?{_MINUTE}\s*\S)", rest, flags=re.I)
    if chain and "(" not in rest[:chain.start()]:
        rest = rest[:chain.start()] + "(" + rest[chain.end():]
    on, deeper, _ = _player_item(rest, start + inner_start + rest_at, markers)
    if on is not None:
        subs.append(Substitution(player, on, minute))
        subs.extend(deeper)
    return player, subs, captain


def _names_list(text: str, start: int, markers: Markers) -> list[Name]:
    names = []
    for piece, at in _and_split(_split_top(text, start), markers):
        name, _, _ = _player_item(piece, at, markers)
        if name is not None:
            names.append(name)
    return names


def _sheet(text: str, team: Name, formation: str | None, body_start: int, body_end: int,
           markers: Markers, predicted: bool) -> TeamSheet | None:
    body = text[body_start:body_end]
    coach = bench_names = None
    coach_m = re.search(rf"(?:^|[\s.;,])({_alternation(markers.coach)})\s*", body, flags=re.I)
    bench_m = re.search(rf"(?:^|[\s.;,])({_alternation(markers.bench)})\s*", body, flags=re.I)
    players_end = min(m.start(1) for m in (coach_m, bench_m) if m) if (coach_m or bench_m) else len(body)
    if coach_m:
        cm = re.match(_NAME, body[coach_m.end():])
        if cm:
            coach = _clean_name(cm.group(0), body_start + coach_m.end())
    if bench_m:
        bench_end = coach_m.start(1) if coach_m and coach_m.start(1) > bench_m.end() else len(body)
        bench_text = body[bench_m.end():bench_end].rstrip(" .\n\r\t")
        bench_names = _names_list(bench_text, body_start + bench_m.end(), markers)
    starters, subs, captain = [], [], None
    pieces = _and_split(_split_top(body[:players_end].rstrip(" .\n\r\t"), body_start), markers)
    for piece, at in pieces:
        name, changes, is_captain = _player_item(piece, at, markers)
        if name is None:
            continue
        starters.append(name)
        subs.extend(changes)
        if is_captain:
            captain = name
    if len(starters) < MIN_PLAYERS or len(starters) > 11:
        return None
    return TeamSheet(team, formation, tuple(starters), tuple(subs), tuple(bench_names or ()), coach,
                     captain, predicted, team.start, body_end)


# ---------------------------------------------------------------------------- the whole text

def _headers(text: str, club_of: Callable[[str], str | None], markers: Markers):
    """Every 'Team (formation):' or 'Heading Team:' that names a club, in text order."""
    heading = _alternation(markers.heading)
    pattern = re.compile(
        rf"(?:(?P<heading>{heading})\s+)?(?P<team>[A-ZÀ-Þ][\w.'’&\- ]{{1,{MAX_TEAM_CHARS}}}?)\s*"
        rf"(?:{_FORMATION})?\s*:\s*", flags=re.I)
    longest_heading = max(map(len, markers.heading), default=0)
    found = []
    pos = 0
    while True:
        # Neither a heading, a team nor a formation holds a colon, so a match ends at the first
        # colon after its start: start looking a bounded span before the next colon instead of
        # trying every position of a long colon-free stretch.
        colon = text.find(":", pos)
        if colon < 0:
            break
        # A match starting before a colon ends with it (and the spaces after it): look for one
        # there only, then at the next colon from just after this one, as one search from `lo`
        # through the whole rest of the text would, without retrying every position between.
        lo, m = max(pos, colon - HEADER_SPAN), None
        while colon >= 0:
            stop = colon + 1
            while stop < len(text) and text[stop].isspace():
                stop += 1
            m = pattern.search(text, _earliest_header(text, lo, colon, longest_heading), stop)
            if m:
                break
            lo, colon = colon + 1, text.find(":", colon + 1)
        if not m:
            break
        header = header_of_match(m, club_of)
        if header:
            found.append(header)
        pos = m.end() if header else m.start() + 1
    return found


def header_of_match(m: re.Match, club_of):
    """The (club Name, formation, end, start) a header match gives, or None when no tail of its
    team words is a club: the name may be preceded by other words on the same line."""
    team_text = m.group("team").strip()
    words = team_text.split()
    for i in range(len(words)):
        cand = " ".join(words[i:])
        if club_of(cand):
            at = m.start("team") + team_text.find(cand, len(" ".join(words[:i])))
            return Name(cand, at, at + len(cand)), m.group("form"), m.end(), m.start()
    return None


def _earliest_header(text: str, lo: int, colon: int, longest_heading: int) -> int:
    """Where to start looking for a header ending at `colon`, from `lo` on: the first place one
    can start. Only spaces and a formation (digits, hyphens, brackets) stand between a team and
    its colon, a team has at most MAX_TEAM_CHARS + 1 characters and a heading is one of its
    words and spaces before the team; so no match starts further back, and the search from
    there finds the same first match as the search from `lo`, without trying (and failing at)
    each position of the text before. (Tried at every position, that was most of the time
    lineup reading took on prose with colons.)"""
    end = colon
    while end > lo and (text[end - 1].isspace() or text[end - 1].isdecimal() or text[end - 1] in "-()"):
        end -= 1
    start = end - MAX_TEAM_CHARS - 1
    while start > lo and text[start - 1].isspace():
        start -= 1
    return max(lo, start - longest_heading)


def _is_predicted(text: str, start: int, markers: Markers) -> bool:
    """A guess word on the block's line before the team, or on the two lines with text before it
    (a heading such as "le probabili formazioni" stands above both teams' sheets)."""
    cut, seen = start, 0
    while cut > 0 and seen < 3:
        nl = text.rfind("\n", 0, cut - 1)
        if text[nl + 1:cut].strip():
            seen += 1
        cut = nl + 1 if nl >= 0 else 0
        if nl < 0:
            break
    before = text[cut:start].lower()
    return bool(re.search(_alternation(markers.predicted), before))


def _items_line(text: str, markers: Markers, kind: tuple[str, ...]):
    """The lines of a kind ("Marcatori: ..."): the marker begins a line or follows the end of a
    sentence or item (". Marcatori:"), so prose that runs on after a colon ("con tre reti: apre
    X, ...") is no goal line."""
    pattern = re.compile(rf"(?:^|(?<=\n)|(?<=[.;)])|(?<=[.;)]\s)|(?<=[.;)]\s\s))[ \t]*({_alternation(kind)})\s*([^\n]*)",
                         flags=re.I | re.M)
    for m in pattern.finditer(text):
        body = m.group(2)
        stop = re.search(rf"\s({_alternation(markers.goals + markers.red + markers.bench)})", body, flags=re.I)
        if stop:
            body = body[:stop.start()]
        yield body, m.start(2)


def _goals(text: str, markers: Markers) -> list[GoalLine]:
    """Goal items; one item may hold several minutes of one scorer ("9' e 15' st Zapata")."""
    out = []
    pen, og = _alternation(markers.penalty), _alternation(markers.own_goal)
    for body, at in _items_line(text, markers, markers.goals):
        for piece, p_at in _split_top(body, at, ";,"):
            piece_wo = re.sub(r"^\d{1,2}\s*-\s*\d{1,2}\s+", "", piece)        # "0-1 Muriel (85.)"
            shift = p_at + (len(piece) - len(piece_wo))
            is_pen = bool(re.search(rf"(?:^|[\s(]){pen}", piece_wo, flags=re.I))
            is_og = bool(re.search(rf"(?:^|[\s(]){og}", piece_wo, flags=re.I))
            rest = re.sub(rf"{_MINUTE}|\((?:[^)]*)\)|(?:^|\s)(?:{pen}|{og}|{_halves(markers)}|{_alternation(markers.and_words)})(?=\s|$)",
                          lambda m: " " * len(m.group(0)), piece_wo, flags=re.I)
            nm = re.search(_NAME, rest)
            name = _clean_name(nm.group(0), shift + nm.start()) if nm else None
            if name is None:
                continue
            half = re.search(rf"(?:^|\s)({_halves(markers)})(?=\s|$)", piece_wo, flags=re.I)
            added = _half_shift(half.group(1), markers) if half else 0   # one half for all the minutes
            minutes = [int(m.group(1)) + (int(m.group(2)) if m.group(2) else 0) + added
                       for m in re.finditer(_MINUTE, piece_wo)]
            for minute in minutes or [None]:
                out.append(GoalLine(name, minute, is_pen, is_og))
    return out


def _red_cards(text: str, markers: Markers) -> list[RedCard]:
    out = []
    for body, at in _items_line(text, markers, markers.red):
        for piece, p_at in _split_top(body, at, ";,"):
            nm = re.match(_NAME, piece)
            if not nm:
                continue
            name = _clean_name(nm.group(0), p_at)
            mm = re.search(_MINUTE, piece[nm.end():])
            if name:
                out.append(RedCard(name, _minute(mm, piece[nm.end():], markers) if mm else None))
    return out


def _block_end(text: str, body_start: int, markers: Markers) -> int:
    """The end of a team's block: its line, and the lines right after it that begin with a
    markers.own_line word ("In panchina: ...", "Allenatore: ..." on lines of their own)."""
    follow = re.compile(rf"[ \t]*{_alternation(markers.own_line)}", flags=re.I)
    end = text.find("\n", body_start)
    while end >= 0 and follow.match(text, end + 1):
        end = text.find("\n", end + 1)
    return len(text) if end < 0 else end


def read_lineups(text: str, lang: str, club_of: Callable[[str], str | None],
                 markers: Markers | None = None) -> LineupText:
    """Every team sheet, goal line and red card in `text`. `club_of` names a club or says None."""
    markers = markers or load_markers(lang)
    headers = _headers(text, club_of, markers)
    sheets = []
    for i, (team, formation, body_start, header_start) in enumerate(headers):
        late = _LATE_FORMATION.match(text, body_start)   # "AJAX: (4-3-3): Onana; ..."
        if late and formation is None:
            formation, body_start = late.group("form"), late.end()
        end = _block_end(text, body_start, markers)
        if i + 1 < len(headers):
            end = min(end, headers[i + 1][3])
        stop = re.search(rf"\s({_alternation(markers.goals + markers.red)})", text[body_start:end], flags=re.I)
        if stop:
            end = body_start + stop.start()
        sheet = _sheet(text, team, formation, body_start, end, markers,
                       _is_predicted(text, team.start, markers))
        if sheet is not None:
            sheets.append(sheet)
    return LineupText(tuple(sheets), tuple(_goals(text, markers)), tuple(_red_cards(text, markers)))
