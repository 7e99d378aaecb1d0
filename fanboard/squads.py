"""Squads: import the players of a season into ``data/kb/people.csv``.

``python -m fanboard import-players FILE [--names FILE] [--extra FILE] [--kb DIR]``

Inputs (UTF-8 CSV, header row):

- FILE, the reference players: ``player,team,shirt,position,appearances``, one row per
  player and club; ``player`` is ``Initial.SURNAME`` ("A.ROSSI", "M.DE SANTIS"), or one
  name without initial ("JOAO PEDRO"); a final apostrophe stands for an accent on the
  last vowel ("FARAGO'" = Faragò). ``team`` is a club name or alias of clubs.csv;
  ``position`` is ``goalkeeper`` or ``outfield``.
- ``--names``: ``club,player,name,position,nationality,surname_alias,aliases``: the full
  name (and, when known, position and nationality) of a reference player of a club
  (club id of clubs.csv). ``surname_alias`` "no" withholds the surname-only alias (a
  surname that is also a common word); "keep" gives it to this player even though
  other people of the KB bear the surname, as long as no one else has it as a name or
  alias (the one the articles mean by it); ``aliases`` ("|") adds spellings.
- ``--extra``: ``club,name,role,position,nationality,captain,surname,aliases``: people
  who are not in FILE (coaches, other clubs' squads). ``surname`` is the surname alias
  to give (empty: none).

Rules:

- A person already in people.csv is matched by club + surname + initial (or by full
  name) and kept: its non-empty cells stay, empty ones are filled, aliases are merged.
- The same reference name at several clubs is one player who changed club, unless the
  names file gives the clubs different full names (homonyms). A mover's row has the
  club where he made most appearances of FILE; ``ImportResult.movers`` lists the others.
- Each person gets the surname alone as an alias, except when a surname is shared by
  several people of the whole knowledge base, when it names a club or a city, or when
  the names file says no: then no one keeps it (``ImportResult.shared_surnames``).
- Nothing is written unless the result loads as a knowledge base (``kb.KB``).
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import memberships as ms
from .csvrows import read_rows
from .kb import DEFAULT_KB_DIR, KB, KBError, Person, normalize

PEOPLE_COLUMNS = ["id", "name", "club", "role", "position", "nationality", "captain", "aliases"]
PLAYER_COLUMNS = ["player", "team", "shirt", "position", "appearances"]
NAME_COLUMNS = ["club", "player", "name", "position", "nationality", "surname_alias", "aliases"]
EXTRA_COLUMNS = ["club", "name", "role", "position", "nationality", "captain", "surname", "aliases"]
DEFAULT_NAMES = DEFAULT_KB_DIR / "player_names.csv"
DEFAULT_EXTRA = DEFAULT_KB_DIR / "squads_extra.csv"
_GRAVE = {"A": "à", "E": "è", "I": "ì", "O": "ò", "U": "ù"}


class SquadImportError(ValueError):
    """An input file is malformed or names an unknown club; nothing was written."""


@dataclass
class Candidate:
    """One person to be in people.csv, before merging with the rows already there."""
    clubs: list[str]
    name: str
    surname: str
    initial: str
    role: str = "player"
    position: str = ""
    nationality: str = ""
    captain: str = ""
    aliases: list[str] = field(default_factory=list)
    surname_alias: str = "yes"  # "yes", "no" (withheld) or "keep" (see shared_surnames)
    appearances: dict[str, int] = field(default_factory=dict)
    reference: str = ""         # the reference file's name, normalised ("r nainggolan")


@dataclass
class ImportResult:
    rows: list[dict[str, str]]
    added: int
    updated: int
    unchanged: int
    shared_surnames: list[str]
    movers: list[tuple[str, list[str]]]
    memberships: int = 0        # rows of memberships.csv written (0: no appearances given)


# -- reading -------------------------------------------------------------------

def _read_table(path: Path, columns: list[str], required: list[str]) -> list[tuple[int, dict[str, str]]]:
    return read_rows(path, columns, SquadImportError, required=required)


def _club_id(kb: KB, name: str) -> str | None:
    club = kb.club(name) or kb.club_by_id(name)
    return club.id if club else None


def _check_clubs(path: Path, rows: list[tuple[int, dict[str, str]]], column: str, kb: KB) -> None:
    unknown = [(n, r[column]) for n, r in rows if _club_id(kb, r[column]) is None]
    if unknown:
        listed = "; ".join(f"line {n}: {name!r}" for n, name in unknown[:10])
        more = f" (and {len(unknown) - 10} more)" if len(unknown) > 10 else ""
        raise SquadImportError(f"{path}: unknown team(s), add them (or an alias) to "
                               f"data/kb/clubs.csv: {listed}{more}; nothing was written")


def split_reference(player: str) -> tuple[str, str]:
    """("A", "ROSSI") for "A.ROSSI"; ("", "JOAO PEDRO") for a name without initial."""
    m = re.fullmatch(r"([A-Z])\.\s*(.+)", player.strip())
    return (m.group(1), m.group(2).strip()) if m else ("", player.strip())


def proper_case(upper: str) -> str:
    """"DE ROON" -> "De Roon", "D'AMBROSIO" -> "D'Ambrosio", "FARAGO'" -> "Faragò"."""
    text = upper.strip()
    if text.endswith("'") and len(text) > 1 and text[-2] in _GRAVE:
        text = text[:-2] + _GRAVE[text[-2]].upper()
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[0].upper() + m.group(0)[1:].lower(), text)


def _surname_in(full_name: str, surname_upper: str) -> str:
    """The words ending ``full_name`` that spell the reference surname ("de Roon")."""
    words = full_name.split()
    target = normalize(proper_case(surname_upper))
    for n in range(1, len(words)):
        tail = " ".join(words[-n:])
        if normalize(tail) == target:
            return tail
    return proper_case(surname_upper)


def read_players(path: Path, kb: KB, names_path: Path | None, extra_path: Path | None) -> list[Candidate]:
    """The candidates of FILE (merged per person) followed by those of ``--extra``."""
    rows = _read_table(path, PLAYER_COLUMNS, PLAYER_COLUMNS)
    _check_clubs(Path(path), rows, "team", kb)
    names = _read_names(names_path, kb) if names_path else {}
    by_person: dict[tuple[str, str], Candidate] = {}
    for line_no, r in rows:
        club = _club_id(kb, r["team"])
        initial, surname_upper = split_reference(r["player"])
        info = names.get((club, normalize(r["player"])), {})
        full = info.get("name") or (f"{initial}. " if initial else "") + proper_case(surname_upper)
        try:
            apps = int(r["appearances"] or 0)
        except ValueError:
            raise SquadImportError(f"{path}: line {line_no}: appearances {r['appearances']!r} is not a number")
        key = (normalize(r["player"]), normalize(full))
        cand = by_person.get(key)
        if cand is None:
            goalkeeper = r["position"].casefold() == "goalkeeper"
            cand = by_person[key] = Candidate(
                clubs=[], name=full, surname=_surname_in(full, surname_upper) if initial else "",
                initial=initial, position=info.get("position") or ("goalkeeper" if goalkeeper else ""),
                nationality=info.get("nationality", ""), aliases=_split(info.get("aliases", "")),
                surname_alias=_surname_rule(info.get("surname_alias", "")), reference=normalize(r["player"]))
        cand.appearances[club] = cand.appearances.get(club, 0) + apps
        cand.clubs.append(club)
    for cand in by_person.values():
        cand.clubs.sort(key=lambda c: -cand.appearances[c])  # stable: first listed wins a tie
    return list(by_person.values()) + (read_extra(extra_path, kb) if extra_path else [])


def _read_names(path: Path, kb: KB) -> dict[tuple[str, str], dict[str, str]]:
    rows = _read_table(path, NAME_COLUMNS, ["club", "player", "name"])
    _check_clubs(Path(path), rows, "club", kb)
    out: dict[tuple[str, str], dict[str, str]] = {}
    for line_no, r in rows:
        key = (_club_id(kb, r["club"]), normalize(r["player"]))
        if key in out:
            raise SquadImportError(f"{path}: line {line_no}: {r['club']} {r['player']} is listed twice")
        out[key] = r
    return out


def read_extra(path: Path, kb: KB) -> list[Candidate]:
    rows = _read_table(path, EXTRA_COLUMNS, ["club", "name", "role"])
    _check_clubs(Path(path), rows, "club", kb)
    out = []
    for _, r in rows:
        out.append(Candidate(
            clubs=[_club_id(kb, r["club"])], name=r["name"], surname=r["surname"],
            initial=r["name"][:1].upper(), role=r["role"], position=r["position"],
            nationality=r["nationality"], captain=r["captain"], aliases=_split(r["aliases"]),
            surname_alias="yes"))
    return out


def _surname_rule(cell: str) -> str:
    rule = cell.casefold() or "yes"
    if rule not in ("yes", "no", "keep"):
        raise SquadImportError(f"surname_alias {cell!r} not understood; use yes, no or keep")
    return rule


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


# -- merging -------------------------------------------------------------------

def _forms(row: dict[str, str]) -> list[str]:
    return [row["name"], *_split(row["aliases"])]


def _matches(row: dict[str, str], cand: Candidate) -> bool:
    """Same club, and the same full name, or the same surname and initial."""
    if row["club"] not in cand.clubs:
        return False
    if normalize(row["name"]) == normalize(cand.name):
        return True
    if not cand.initial or not cand.surname:
        return False
    tail = " " + normalize(cand.surname)
    return any(normalize(f).endswith(tail) and normalize(f)[:1] == cand.initial.casefold()
               for f in _forms(row))


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name.replace("ø", "o").replace("æ", "ae").replace("ß", "ss"))
    ascii_name = "".join(c for c in ascii_name if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


def _new_row(cand: Candidate, taken: set[str]) -> dict[str, str]:
    base = slug(cand.name)
    pid = base if base not in taken else f"{base}-{cand.clubs[0]}"
    n = 2
    while pid in taken:
        pid, n = f"{base}-{cand.clubs[0]}-{n}", n + 1
    return {"id": pid, "name": cand.name, "club": cand.clubs[0], "role": cand.role,
            "position": cand.position, "nationality": cand.nationality,
            "captain": cand.captain, "aliases": ""}


def merge(existing: list[dict[str, str]], candidates: list[Candidate]) -> tuple[list[dict[str, str]], dict[str, Candidate], int]:
    """Rows after merging (existing first, in order), the candidate of each row id,
    and how many rows are new."""
    rows = [dict(r) for r in existing]
    taken = {r["id"] for r in rows}
    owner: dict[str, Candidate] = {}
    added = 0
    for cand in candidates:
        row = next((r for r in rows if r["id"] not in owner and _matches(r, cand)), None)
        if row is None:
            row = _new_row(cand, taken)
            rows.append(row)
            taken.add(row["id"])
            added += 1
        for column, value in (("position", cand.position), ("nationality", cand.nationality),
                              ("captain", cand.captain)):
            if not row[column] and value:
                row[column] = value
        aliases = _split(row["aliases"])
        wanted = ([cand.surname] if cand.surname else []) + cand.aliases
        keys = {normalize(a) for a in aliases} | {normalize(row["name"])}
        aliases += [a for a in wanted if normalize(a) not in keys and not keys.add(normalize(a))]
        row["aliases"] = "|".join(aliases)
        owner[row["id"]] = cand
    return rows, owner, added


# -- surname aliases -----------------------------------------------------------

_PARTICLES = {"de", "di", "da", "del", "della", "dos", "das", "do", "van", "von", "ten", "ter",
              "la", "le", "el"}


def _suffixes(name: str) -> set[str]:
    """The surnames a full name may be cut to: "Marten de Roon" -> {"de roon"}, not "roon"."""
    words = normalize(name).split()
    return {" ".join(words[i:]) for i in range(1, len(words)) if words[i - 1] not in _PARTICLES}


def shared_surnames(rows: list[dict[str, str]], owner: dict[str, Candidate], blocked: set[str]) -> set[str]:
    """Surname keys that must not be an alias: used by several people (as a surname, a
    name or a non-surname alias), blocked (a club or city), or withheld by the names file."""
    users: dict[str, set[str]] = defaultdict(set)
    claims: dict[str, set[str]] = defaultdict(set)  # keys given as a name or an alias
    withheld, kept = set(), defaultdict(set)
    for r in rows:
        cand = owner.get(r["id"])
        for key in _own_surnames(r, cand):
            users[key].add(r["id"])
        for form in _forms(r):
            users[normalize(form)].add(r["id"])
            claims[normalize(form)].add(r["id"])
        if cand and cand.surname and cand.surname_alias == "no":
            withheld.add(normalize(cand.surname))
        if cand and cand.surname and cand.surname_alias == "keep":
            kept[normalize(cand.surname)].add(r["id"])
    shared = {k for k, ids in users.items() if len(ids) > 1}
    # "keep": the one person the data says the surname alone means, when no one else claims it
    shared -= {k for k, ids in kept.items() if len(ids) == 1 and claims[k] <= ids}
    return shared | (blocked & users.keys()) | withheld


def resolvable_surnames(rows: list[dict[str, str]], owner: dict[str, Candidate], shared: set[str],
                        blocked: set[str]) -> dict[str, list[str]]:
    """{surname as written: person ids} of the shared surnames the context may resolve: the
    surname of several people (not a common word, club or city, nor anyone's name or alias)."""
    bearers: dict[str, set[str]] = defaultdict(set)
    forms: dict[str, str] = {}
    named = {normalize(f) for r in rows for f in _forms(r)}
    for r in rows:
        cand = owner.get(r["id"])
        if cand is None or not cand.surname or cand.surname_alias == "no":
            continue
        key = normalize(cand.surname)
        bearers[key].add(r["id"])
        forms.setdefault(key, cand.surname)
    return {forms[k]: sorted(ids) for k, ids in bearers.items()
            if len(ids) > 1 and k in shared and k not in blocked and k not in named}


def _own_surnames(row: dict[str, str], cand: Candidate | None) -> set[str]:
    return _suffixes(row["name"]) | ({normalize(cand.surname)} if cand and cand.surname else set())


def drop_shared(rows: list[dict[str, str]], owner: dict[str, Candidate], shared: set[str]) -> None:
    """Remove from every row the aliases that are its surname alone and shared."""
    for r in rows:
        own = _own_surnames(r, owner.get(r["id"]))
        r["aliases"] = "|".join(a for a in _split(r["aliases"])
                                if not (normalize(a) in own and normalize(a) in shared))


def _blocked_words(kb: KB, kb_dir: Path) -> set[str]:
    words = {normalize(f) for c in kb.clubs for f in (c.name, *c.aliases)}
    cities = Path(kb_dir) / "cities.csv"
    if cities.is_file():
        with cities.open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                words |= {normalize(x) for x in [r.get("city") or "", *_split(r.get("aliases") or "")] if x}
    return words


# -- the whole import ----------------------------------------------------------

def import_players(players: Path, kb_dir: Path = DEFAULT_KB_DIR, names: Path | None = None,
                   extra: Path | None = None, write: bool = True, appearances: Path | None = None,
                   fixtures: Path | None = None) -> ImportResult:
    """Merge the players (and ``extra`` people) into ``kb_dir/people.csv``, and write
    ``shared_surnames.csv`` (and, given ``appearances``, ``memberships.csv``) beside it.

    Raises SquadImportError (input), MembershipError (appearances) or KBError (the result
    would not load); in every case the knowledge base is left as it was.
    """
    kb_dir = Path(kb_dir)
    kb = KB.load(kb_dir)
    people_path = kb_dir / "people.csv"
    existing = [r for _, r in _read_table(people_path, PEOPLE_COLUMNS, PEOPLE_COLUMNS)]
    candidates = read_players(Path(players), kb, names, extra)
    rows, owner, added = merge(existing, candidates)
    blocked = _blocked_words(kb, kb_dir)
    shared = shared_surnames(rows, owner, blocked)
    drop_shared(rows, owner, shared)
    resolvable = resolvable_surnames(rows, owner, shared, blocked)
    dated = None
    if appearances is not None:
        person_of = {(club, c.reference): rid for rid, c in owner.items() if c.reference for club in c.clubs}
        dated = ms.memberships(Path(appearances), Path(fixtures or ms.DEFAULT_FIXTURES), kb, person_of)
    _check_kb(kb, rows, people_path, kb.memberships() if dated is None else dated, resolvable)
    before = {r["id"]: r for r in existing}
    unchanged = sum(1 for r in rows if before.get(r["id"]) == r)
    movers = [(r["id"], owner[r["id"]].clubs[1:]) for r in rows
              if r["id"] in owner and len(owner[r["id"]].clubs) > 1]
    shared_used = sorted({normalize(c.surname): c.surname for c in owner.values()
                          if c.surname and normalize(c.surname) in shared}.values(), key=normalize)
    if write:
        if dated is not None:
            ms.write_csv(ms.membership_rows(dated), ms.MEMBERSHIP_COLUMNS, kb_dir / "memberships.csv")
        ms.write_csv(ms.shared_rows(resolvable), ms.SHARED_COLUMNS, kb_dir / "shared_surnames.csv")
        write_people(rows, people_path)
    return ImportResult(rows, added, len(rows) - added - unchanged, unchanged, shared_used, movers,
                        len(dated or ()))


def _check_kb(kb: KB, rows: list[dict[str, str]], people_path: Path, dated=(), resolvable=None) -> None:
    people = [Person(id=r["id"], name=r["name"], club=r["club"], role=r["role"],
                     position=r["position"], nationality=r["nationality"],
                     captain=r["captain"].casefold() in ("yes", "true", "1"),
                     aliases=tuple(_split(r["aliases"]))) for r in rows]
    KB(kb.clubs, people, kb.competitions, kb.descriptions(), source=people_path.parent,
       memberships=dated, shared_surnames={s: tuple(ids) for s, ids in (resolvable or {}).items()})


def write_people(rows: list[dict[str, str]], path: Path) -> None:
    """Write people.csv atomically (temp file in the same folder, then rename)."""
    ms.write_csv(rows, PEOPLE_COLUMNS, path)


def summary(result: ImportResult) -> str:
    counts = Counter(r["club"] for r in result.rows if r["role"] == "player")
    return (f"{result.added} added, {result.updated} updated, {result.unchanged} unchanged; "
            f"{len(result.rows)} people, players in {len(counts)} clubs")
