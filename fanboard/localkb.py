"""The local knowledge-base overlay: people and aliases a fan added, and names they ignore.

Layout (default ``data/kb/local/``, or $FANBOARD_KB_LOCAL; the main KB is never edited):

    people.csv    the columns of data/kb/people.csv: people the knowledge base lacked
    aliases.csv   kind (person | club), id, alias: another name of a known person or club
    ignored.csv   name: a name the unknown-names list no longer shows
    .lock         the lock every writer takes

`KB.load` adds the overlay to the main KB (fanboard.kb calls `apply_overlay`), so the next
build uses it; the claim cache notices a change (`fingerprint`). Every addition is checked like
the main KB before it is written: an unknown club or role, a person already known, or an alias
that would name two people (or two clubs) is refused with a message, and nothing is written.
Files are replaced atomically (temporary file, fsync, rename) under the lock.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
from dataclasses import replace
from pathlib import Path

from filelock import FileLock

from .paths import KB_DIR
from .text import normalize, slug

ENV = "FANBOARD_KB_LOCAL"
PEOPLE_COLUMNS = ("id", "name", "club", "role", "position", "nationality", "captain", "aliases")
ALIAS_COLUMNS = ("kind", "id", "alias")
IGNORED_COLUMNS = ("name",)


class LocalKBError(ValueError):
    """An addition to the local overlay was refused; nothing was written."""


def local_dir(kb_dir: Path | None = None) -> Path:
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    return Path(kb_dir if kb_dir is not None else KB_DIR) / "local"


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in r.items() if k} for r in csv.DictReader(f)]


def _write(path: Path, columns: tuple[str, ...], rows: list[dict]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({c: r.get(c, "") for c in columns})
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(buf.getvalue().encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# ----------------------------------------------------------------------------- loading

def apply_overlay(kb_dir: Path, clubs: list, people: list) -> tuple[list, list]:
    """The clubs and people of the main KB with the overlay of kb_dir added (fanboard.kb.KB.load)."""
    from .kb import Person, _split

    folder = local_dir(kb_dir)
    if not folder.is_dir():
        return clubs, people
    people = list(people) + [
        Person(id=r.get("id", ""), name=r.get("name", ""), club=r.get("club", ""), role=r.get("role", ""),
               position=r.get("position", ""), nationality=r.get("nationality", ""),
               captain=r.get("captain", "").casefold() in ("yes", "true", "1"),
               aliases=_split(r.get("aliases", ""), "|"))
        for r in _rows(folder / "people.csv")]
    extra: dict[tuple[str, str], list[str]] = {}
    for r in _rows(folder / "aliases.csv"):
        extra.setdefault((r.get("kind", ""), r.get("id", "")), []).append(r.get("alias", ""))
    clubs = [replace(c, aliases=c.aliases + tuple(extra.get(("club", c.id), ()))) for c in clubs]
    people = [replace(p, aliases=p.aliases + tuple(extra.get(("person", p.id), ()))) for p in people]
    return clubs, people


def ignored_names(kb_dir: Path | None = None) -> set[str]:
    return {normalize(r.get("name", "")) for r in _rows(local_dir(kb_dir) / "ignored.csv") if r.get("name")}


def fingerprint(kb_dir: Path | None = None) -> bytes:
    """Changes whenever the overlay's people or aliases do (for the claim cache)."""
    h = hashlib.sha256()
    folder = local_dir(kb_dir)
    for name in ("people.csv", "aliases.csv"):
        path = folder / name
        if path.is_file():
            h.update(name.encode())
            h.update(path.read_bytes())
    return h.digest()


# ----------------------------------------------------------------------------- adding

class LocalKB:
    """Writes to the overlay of one knowledge base, each addition checked first."""

    def __init__(self, kb_dir: Path | None = None):
        self.kb_dir = Path(kb_dir) if kb_dir is not None else KB_DIR
        self.folder = local_dir(self.kb_dir)

    def lock(self) -> FileLock:
        self.folder.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.folder / ".lock"), timeout=60)

    def _kb(self):
        from .kb import KB, KBError
        try:
            return KB.load(self.kb_dir)
        except KBError as exc:
            raise LocalKBError(f"the knowledge base cannot be loaded, so nothing can be added: {exc}") from None

    @staticmethod
    def _check(kb, clubs=None, people=None) -> None:
        from .kb import KB, KBError
        try:
            KB(clubs if clubs is not None else kb.clubs, people if people is not None else kb.people,
               kb.competitions, kb.descriptions(), cities=kb.cities)
        except KBError as exc:
            message = str(exc).split(": ", 1)[-1]
            raise LocalKBError(f"refused: {message}; nothing was written") from None

    def add_person(self, name: str, club: str, role: str, aliases: list[str] = (), position: str = "") -> dict:
        from .kb import POSITIONS, ROLES, Person
        name = " ".join(str(name).split())
        aliases = [" ".join(a.split()) for a in aliases if a.strip()]
        if not name:
            raise LocalKBError("a person needs a name")
        if role not in ROLES:
            raise LocalKBError(f"role {role!r} is not known; use one of {', '.join(ROLES)}")
        if position and position not in POSITIONS:
            raise LocalKBError(f"position {position!r} is not known; use one of {', '.join(POSITIONS)}")
        with self.lock():
            kb = self._kb()
            found = kb.club(club) or kb.club_by_id(club)
            if found is None:
                raise LocalKBError(f"no club {club!r} in the knowledge base; give its name, an alias or its id")
            known = kb.person(name)
            if known is not None:
                raise LocalKBError(f"{name!r} is already in the knowledge base as {known.name} ({known.id}); "
                                   "add an alias instead if it is someone else's name")
            pid = slug(name)
            if kb.person_by_id(pid) is not None:
                pid = f"{pid}-{found.id}"
            person = Person(pid, name, found.id, role, position, "", False, tuple(aliases))
            self._check(kb, people=list(kb.people) + [person])
            row = {"id": pid, "name": name, "club": found.id, "role": role, "position": position,
                   "aliases": "|".join(aliases)}
            path = self.folder / "people.csv"
            _write(path, PEOPLE_COLUMNS, _rows(path) + [row])
        return row

    def add_alias(self, kind: str, target: str, alias: str) -> dict:
        alias = " ".join(str(alias).split())
        if kind not in ("person", "club"):
            raise LocalKBError(f"an alias is of a person or a club, not {kind!r}")
        if not alias:
            raise LocalKBError("the alias is empty")
        with self.lock():
            kb = self._kb()
            if kind == "person":
                item = kb.person(target) or kb.person_by_id(target)
            else:
                item = kb.club(target) or kb.club_by_id(target)
            if item is None:
                raise LocalKBError(f"no {kind} {target!r} in the knowledge base")
            if kind == "person":
                people = [replace(p, aliases=p.aliases + (alias,)) if p.id == item.id else p for p in kb.people]
                self._check(kb, people=people)
            else:
                clubs = [replace(c, aliases=c.aliases + (alias,)) if c.id == item.id else c for c in kb.clubs]
                self._check(kb, clubs=clubs)
            row = {"kind": kind, "id": item.id, "alias": alias}
            path = self.folder / "aliases.csv"
            _write(path, ALIAS_COLUMNS, _rows(path) + [row])
        return row

    def ignore(self, name: str) -> dict:
        name = " ".join(str(name).split())
        if not name:
            raise LocalKBError("give the name to ignore")
        with self.lock():
            path = self.folder / "ignored.csv"
            rows = _rows(path)
            if normalize(name) not in {normalize(r.get("name", "")) for r in rows}:
                _write(path, IGNORED_COLUMNS, rows + [{"name": name}])
        return {"name": name}
