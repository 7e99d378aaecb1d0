"""The knowledge base: clubs, people, competitions and descriptive phrases.

The facts live in ``data/kb/*.csv`` (UTF-8, header row); this module only loads
them and answers lookups. Lookups are case- and accent-insensitive: "Tolói",
"toloi" and "TOLOI" all find the same person.

Files and columns:

- ``clubs.csv``        id, name, country, competitions (";"), ucl_group, aliases ("|")
- ``people.csv``       id, name, club, role, position, nationality, captain, aliases ("|")
- ``competitions.csv`` id, name, kind, aliases ("|")
- ``descriptions.csv`` lang, phrase, refers_to ("role:captain", "role:coach",
  "nationality:<Country>", "club_country:<Country>": the one club of that country the article names,
  "last:player": the person named last, when a player; "{age}" in a phrase stands for an age;
  "club:<id>": a nickname of one club written in lower case, "i partenopei")
- ``cities.csv``       city, club (id), aliases ("|"): home towns that stand for one club
  (optional, like descriptions.csv)
- ``stadiums.csv``     stadium, club (id), aliases ("|"): home grounds of one club, read as
  cities (optional)
- ``memberships.csv``  person (id), club (id), from, to (ISO dates, empty: open), from_matchday,
  to_matchday: the dates a player was at a club, from the first to the last matchday he
  played for it (optional; written by ``import-players --appearances``). A person without a
  row is at the club of people.csv all the time; ``club_of(person, on)`` reads it.
- ``shared_surnames.csv`` surname, people (ids, "|"): a surname several people bear, which
  names none of them alone; the context decides (``shared(surname)``; optional, written by
  ``import-players``).
- ``common_word_surnames.csv`` surname, person (id): a surname withheld as an alias because it is
  also a common word ("Destro", "Calabria"); the context accepts it as the person only where it
  is safe (``common_word_surnames()``; optional, written by hand).

An alias that normalises to the same key as a name or alias of a *different*
entity of the same kind is an error at load time: such data would make lookups
(and the spaCy rulers built from ``surface_forms``) silently pick one of them.
The same string may name a club and a person; those are different labels.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, TypeVar

from .paths import KB_DIR
from .text import normalize, strip_accents

DEFAULT_KB_DIR = KB_DIR

ROLES = ("player", "coach", "assistant", "executive", "journalist")
POSITIONS = ("goalkeeper", "defender", "midfielder", "forward")


class KBError(ValueError):
    """The knowledge base files are missing, malformed or ambiguous."""


@dataclass(frozen=True)
class Club:
    id: str
    name: str
    country: str
    competitions: tuple[str, ...]
    ucl_group: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    club: str
    role: str
    position: str
    nationality: str
    captain: bool
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Competition:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Description:
    lang: str
    phrase: str
    refers_to: str


@dataclass(frozen=True)
class City:
    city: str
    club: str                      # club id
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Membership:
    person: str                    # person id
    club: str                      # club id
    start: date | None = None      # first day at the club (None: before the data begins)
    end: date | None = None        # last day (None: still there)
    from_matchday: str = ""
    to_matchday: str = ""

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


_COLUMNS = {
    "clubs.csv": ("id", "name", "country", "competitions", "ucl_group", "aliases"),
    "people.csv": ("id", "name", "club", "role", "position", "nationality", "captain", "aliases"),
    "competitions.csv": ("id", "name", "kind", "aliases"),
    "descriptions.csv": ("lang", "phrase", "refers_to"),
    "cities.csv": ("city", "club", "aliases"),
    "stadiums.csv": ("stadium", "club", "aliases"),
    "memberships.csv": ("person", "club", "from", "to", "from_matchday", "to_matchday"),
    "shared_surnames.csv": ("surname", "people"),
    "common_word_surnames.csv": ("surname", "person"),
}

T = TypeVar("T", Club, Person, Competition)


def _read(path: Path) -> list[dict[str, str]]:
    """Rows of a KB CSV as dicts of stripped strings; checks the header."""
    if not path.is_file():
        raise KBError(f"{path}: file not found (the knowledge base needs it)")
    required = _COLUMNS[path.name]
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames or []
        for column in required:
            if column not in header:
                raise KBError(
                    f"{path}: missing column {column!r} (expected columns: {', '.join(required)})"
                )
        rows = []
        for line_no, row in enumerate(reader, start=2):
            if None in row:
                raise KBError(f"{path}: line {line_no} has more cells than the header")
            rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


def _split(cell: str, sep: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(sep) if part.strip())


class KB:
    """All facts of ``data/kb``, with case- and accent-insensitive lookups."""

    def __init__(
        self,
        clubs: Iterable[Club],
        people: Iterable[Person],
        competitions: Iterable[Competition],
        descriptions: Iterable[Description] = (),
        source: Path | None = None,
        cities: Iterable[City] = (),
        memberships: Iterable[Membership] = (),
        shared_surnames: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.clubs: tuple[Club, ...] = tuple(clubs)
        self.people: tuple[Person, ...] = tuple(people)
        self.competitions: tuple[Competition, ...] = tuple(competitions)
        self._descriptions: tuple[Description, ...] = tuple(descriptions)
        self.cities: tuple[City, ...] = tuple(cities)
        where = source or Path("<memory>")
        self._club_ids = self._by_id(self.clubs, where / "clubs.csv")
        self._person_ids = self._by_id(self.people, where / "people.csv")
        self._comp_ids = self._by_id(self.competitions, where / "competitions.csv")
        self._club_keys = self._index(self.clubs, where / "clubs.csv")
        self._person_keys = self._index(self.people, where / "people.csv")
        self._comp_keys = self._index(self.competitions, where / "competitions.csv")
        for p in self.people:
            if p.club and p.club not in self._club_ids:
                raise KBError(f"{where / 'people.csv'}: {p.id!r} has unknown club id {p.club!r}")
            if p.role not in ROLES:
                raise KBError(
                    f"{where / 'people.csv'}: {p.id!r} has role {p.role!r}; use one of {', '.join(ROLES)}"
                )
            if p.position and p.position not in POSITIONS:
                raise KBError(
                    f"{where / 'people.csv'}: {p.id!r} has position {p.position!r}; "
                    f"use one of {', '.join(POSITIONS)}"
                )
        for city in self.cities:
            if city.club not in self._club_ids:
                raise KBError(f"{where / 'cities.csv'}: city {city.city!r} names unknown club id {city.club!r}")
        self._memberships = self._check_memberships(memberships, where / "memberships.csv")
        self._shared = self._check_shared(shared_surnames or {}, where / "shared_surnames.csv")
        self._source = source
        self._common: dict[str, tuple[Person, ...]] | None = None
        self._described: dict[tuple[str, str | None], tuple[Person, ...]] = {}   # resolve_description
        for c in self.clubs:
            for comp in c.competitions:
                if comp not in self._comp_ids:
                    raise KBError(
                        f"{where / 'clubs.csv'}: {c.id!r} lists unknown competition id {comp!r}"
                    )

    # -- loading -------------------------------------------------------------

    @classmethod
    def load(cls, kb_dir: Path = DEFAULT_KB_DIR) -> "KB":
        kb_dir = Path(kb_dir)
        clubs = [
            Club(
                id=r["id"], name=r["name"], country=r["country"],
                competitions=_split(r["competitions"], ";"), ucl_group=r["ucl_group"],
                aliases=_split(r["aliases"], "|"),
            )
            for r in _read(kb_dir / "clubs.csv")
        ]
        people = [
            Person(
                id=r["id"], name=r["name"], club=r["club"], role=r["role"],
                position=r["position"], nationality=r["nationality"],
                captain=r["captain"].casefold() in ("yes", "true", "1"),
                aliases=_split(r["aliases"], "|"),
            )
            for r in _read(kb_dir / "people.csv")
        ]
        competitions = [
            Competition(id=r["id"], name=r["name"], kind=r["kind"], aliases=_split(r["aliases"], "|"))
            for r in _read(kb_dir / "competitions.csv")
        ]
        desc_path = kb_dir / "descriptions.csv"
        descriptions = (
            [Description(r["lang"], r["phrase"], r["refers_to"]) for r in _read(desc_path)]
            if desc_path.exists() else []
        )
        city_path = kb_dir / "cities.csv"
        cities = (
            [City(r["city"], r["club"], _split(r["aliases"], "|")) for r in _read(city_path)]
            if city_path.exists() else []
        )
        stadium_path = kb_dir / "stadiums.csv"   # a home ground stands for its club as a home town does
        for r in _read(stadium_path) if stadium_path.exists() else []:
            if r["club"] not in {c.id for c in clubs}:
                raise KBError(f"{stadium_path}: stadium {r['stadium']!r} names unknown club id {r['club']!r}")
            cities.insert(0, City(r["stadium"], r["club"], _split(r["aliases"], "|")))
        from .localkb import apply_overlay      # people and aliases fans added (data/kb/local/)
        clubs, people = apply_overlay(kb_dir, clubs, people)
        return cls(clubs, people, competitions, descriptions, source=kb_dir, cities=cities,
                   memberships=_read_memberships(kb_dir / "memberships.csv"),
                   shared_surnames=_read_shared(kb_dir / "shared_surnames.csv"))

    def _check_memberships(self, memberships: Iterable[Membership], path: Path) -> dict[str, tuple[Membership, ...]]:
        out: dict[str, list[Membership]] = {}
        for m in memberships:
            if m.person not in self._person_ids:
                raise KBError(f"{path}: unknown person id {m.person!r}")
            if m.club not in self._club_ids:
                raise KBError(f"{path}: {m.person!r} has unknown club id {m.club!r}")
            if m.start and m.end and m.end < m.start:
                raise KBError(f"{path}: {m.person!r} at {m.club!r} ends ({m.end}) before it starts ({m.start})")
            out.setdefault(m.person, []).append(m)
        return {pid: tuple(sorted(ms, key=lambda m: m.start or date.min)) for pid, ms in out.items()}

    def _check_shared(self, shared: dict[str, tuple[str, ...]], path: Path) -> dict[str, tuple[Person, ...]]:
        out: dict[str, tuple[Person, ...]] = {}
        for surname, ids in shared.items():
            key = normalize(surname)
            if key in self._person_keys:
                raise KBError(f"{path}: surname {surname!r} is also a name or alias of "
                              f"{self._person_keys[key].id!r}; remove it from one of the two files")
            unknown = [i for i in ids if i not in self._person_ids]
            if unknown or len(ids) < 2:
                raise KBError(f"{path}: surname {surname!r} needs two or more known person ids "
                              f"(unknown: {', '.join(unknown) or 'none'})")
            out[key] = tuple(self._person_ids[i] for i in ids)
        self._shared_forms = {normalize(s): s for s in shared}
        return out

    @staticmethod
    def _by_id(items: tuple[T, ...], path: Path) -> dict[str, T]:
        out: dict[str, T] = {}
        for item in items:
            if not item.id:
                raise KBError(f"{path}: a row has an empty id ({item.name!r})")
            if item.id in out:
                raise KBError(f"{path}: duplicate id {item.id!r}")
            out[item.id] = item
        return out

    @staticmethod
    def _index(items: tuple[T, ...], path: Path) -> dict[str, T]:
        out: dict[str, T] = {}
        for item in items:
            for form in (item.name, *item.aliases):
                key = normalize(form)
                other = out.get(key)
                if other is not None and other.id != item.id:
                    raise KBError(
                        f"{path}: alias {form!r} is ambiguous: it names both "
                        f"{other.id!r} and {item.id!r}; remove it from one of them"
                    )
                out[key] = item
        return out

    # -- lookups -------------------------------------------------------------

    def club(self, name_or_alias: str) -> Club | None:
        return self._club_keys.get(normalize(name_or_alias))

    def person(self, name_or_alias: str) -> Person | None:
        return self._person_keys.get(normalize(name_or_alias))

    def competition(self, name_or_alias: str) -> Competition | None:
        return self._comp_keys.get(normalize(name_or_alias)) or self._comp_ids.get(name_or_alias)

    def club_by_id(self, club_id: str) -> Club | None:
        return self._club_ids.get(club_id)

    def person_by_id(self, person_id: str) -> Person | None:
        return self._person_ids.get(person_id)

    def competition_by_id(self, competition_id: str) -> Competition | None:
        return self._comp_ids.get(competition_id)

    def memberships(self, person_id: str | None = None) -> tuple[Membership, ...]:
        """The person's club memberships by date (everyone's, person None)."""
        if person_id is None:
            return tuple(m for ms in self._memberships.values() for m in ms)
        return self._memberships.get(person_id, ())

    def clubs_of(self, person: Person) -> tuple[str, ...]:
        """Every club the person was at, in order (the people.csv club alone when no dates)."""
        clubs = tuple(dict.fromkeys(m.club for m in self.memberships(person.id)))
        return clubs or ((person.club,) if person.club else ())

    def club_of(self, person: Person, on: date | None = None) -> str:
        """The person's club on a day: the membership that covers it, else the last one begun
        by then (between two clubs, the newer), else the first; people.csv's club without a
        day or dates."""
        spans = self.memberships(person.id)
        if on is None or not spans:
            return person.club
        covering = [m for m in spans if m.covers(on)]
        if covering:
            return covering[-1].club
        begun = [m for m in spans if m.start is None or m.start <= on]
        return (begun[-1] if begun else spans[0]).club

    def shared(self, surname: str) -> tuple[Person, ...]:
        """The people a shared surname may mean ("Zapata"): none of them by itself."""
        return self._shared.get(normalize(surname), ())

    def common_word_surnames(self) -> dict[str, tuple[Person, ...]]:
        """{surname key: its bearers} of common_word_surnames.csv (`surname,person`): surnames no
        one has as an alias because they are also common words ("Destro" is a right foot,
        "Calabria" a region); the context gives such a word its bearer only where it is safe
        (fanboard.extract.context.resolve_common_words). Read on first use."""
        if self._common is None:
            path = Path(self._source) / "common_word_surnames.csv" if self._source else None
            out: dict[str, list[Person]] = {}
            for line_no, r in enumerate(_read(path) if path is not None and path.exists() else [], start=2):
                person = self._person_ids.get(r["person"])
                key = normalize(r["surname"])
                if person is None:
                    raise KBError(f"{path}: line {line_no}: unknown person id {r['person']!r}")
                if key in self._person_keys or key in self._shared or key in self._club_keys:
                    raise KBError(f"{path}: line {line_no}: {r['surname']!r} already names someone or a club")
                out.setdefault(key, []).append(person)
            self._common = {k: tuple(v) for k, v in out.items()}
        return self._common

    def shared_forms(self) -> Iterator[tuple[str, str]]:
        """(surname as written, its key) of every shared surname, for the entity ruler: as the
        file writes it, without accents, and as its bearers' names write it ("Traore" of the
        file is also "Traoré", Lassina Traoré's spelling)."""
        for key, form in self._shared_forms.items():
            spelt = [" ".join(words[-n:]) for p in self._shared.get(key, ()) for words in [p.name.split()]
                     for n in range(1, len(words)) if normalize(" ".join(words[-n:])) == key]
            for text in dict.fromkeys((form, strip_accents(form), *spelt)):
                yield text, key

    def people_of(self, club_id: str) -> list[Person]:
        return [p for p in self.people if p.club == club_id]

    def descriptions(self, lang: str | None = None) -> list[Description]:
        return [d for d in self._descriptions if lang is None or d.lang == lang]

    def surface_forms(self) -> Iterator[tuple[str, str, str]]:
        """(label, text, target id) for every name and alias, for spaCy rulers.

        Labels: "CLUB", "PERSON", "COMP". Each form is followed by its
        accent-stripped variant when that differs ("Pašalić" -> "Pasalic").
        No (label, text) pair is yielded twice.
        """
        seen: set[tuple[str, str]] = set()
        groups: list[tuple[str, tuple[Club | Person | Competition, ...]]] = [
            ("CLUB", self.clubs), ("PERSON", self.people), ("COMP", self.competitions),
        ]
        for label, items in groups:
            for item in items:
                for form in (item.name, *item.aliases):
                    for text in (form, strip_accents(form)):
                        if (label, text) not in seen:
                            seen.add((label, text))
                            yield label, text, item.id

    def resolve_description(
        self, refers_to: str, club_id: str | None, candidates: list[str] | None = None
    ) -> Person | None:
        """The one person of ``club_id`` that a description such as "the Argentine" means.

        ``refers_to`` is "role:captain" (the captain flag), "role:<role>" (e.g.
        coach) or "nationality:<Country>". When ``candidates`` (person ids
        mentioned in the article) narrows the matches to exactly one, that one
        wins; otherwise the match must be unique in the club. None when no one
        or more than one person fits. ``club_id`` None searches everyone.
        """
        matches = self._described.get((refers_to, club_id))
        if matches is None:
            matches = self._described[(refers_to, club_id)] = self._fitting(refers_to, club_id)
        if candidates:
            wanted = set(candidates)
            narrowed = [p for p in matches if p.id in wanted]
            if len(narrowed) == 1:
                return narrowed[0]
        return matches[0] if len(matches) == 1 else None

    def _fitting(self, refers_to: str, club_id: str | None) -> tuple[Person, ...]:
        """The people of ``club_id`` (everyone's, None) that a description fits, in KB order:
        worked out once per (description, club), since the people never change."""
        kind, _, value = refers_to.partition(":")
        if kind == "role" and value == "captain":
            def fits(p: Person) -> bool:
                return p.captain
        elif kind == "role":
            def fits(p: Person) -> bool:
                return p.role == value
        elif kind == "nationality":
            def fits(p: Person) -> bool:
                return normalize(p.nationality) == normalize(value)
        else:
            raise KBError(
                f"description target {refers_to!r} not understood; "
                "use role:captain, role:<role> or nationality:<Country>"
            )
        pool = self.people if club_id is None else self.people_of(club_id)
        return tuple(p for p in pool if fits(p))


def _read_memberships(path: Path) -> list[Membership]:
    if not path.exists():
        return []
    out = []
    for line_no, r in enumerate(_read(path), start=2):
        try:
            start = date.fromisoformat(r["from"]) if r["from"] else None
            end = date.fromisoformat(r["to"]) if r["to"] else None
        except ValueError:
            raise KBError(f"{path}: line {line_no}: dates must be YYYY-MM-DD (got {r['from']!r}, {r['to']!r})") from None
        out.append(Membership(r["person"], r["club"], start, end, r["from_matchday"], r["to_matchday"]))
    return out


def _read_shared(path: Path) -> dict[str, tuple[str, ...]]:
    if not path.exists():
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for line_no, r in enumerate(_read(path), start=2):
        if normalize(r["surname"]) in {normalize(k) for k in out}:
            raise KBError(f"{path}: line {line_no}: surname {r['surname']!r} is listed twice")
        out[r["surname"]] = _split(r["people"], "|")
    return out
