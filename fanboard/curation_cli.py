"""The `curate` and `kb` subcommands of `python -m fanboard` (registered by fanboard.__main__).

    curate list [--table T]                 the actions that count (applied or orphaned), or the
                                            rows of table T with their keys
    curate reject T KEY [--why TEXT]        curate set T KEY FIELD VALUE [--why TEXT]
    curate confirm T KEY [--why TEXT]       curate merge T KEY OTHER [--why TEXT]
    curate split T KEY --sources A;B        curate undo ID [--why TEXT]
    kb add-person NAME --club C --role R [--alias A ...] [--position P]
    kb add-alias person|club TARGET ALIAS   kb ignore NAME      kb unknown

Each writing command checks its input against the current tables first (an unknown table, key
or field, or a bad value: a message, exit code 2, nothing written), records the action, then
rebuilds the tables (unless --no-build) so it shows at once.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

SUMMARY = {
    "matches": ("date", "home", "away", "home_goals", "away_goals", "status"),
    "player_status": ("player", "status", "match_id", "value"),
    "goals": ("match_id", "scorer", "team", "minute"),
    "events": ("date", "event_type", "actors"),
}


def _locations(args):
    from .store import Locations
    loc = Locations.from_env()
    return loc, (Path(args.tables) if getattr(args, "tables", None) else loc.tables)


def _rebuild(args) -> int:
    if getattr(args, "no_build", False):
        print("not rebuilt (--no-build): the next build applies it")
        return 0
    from .__main__ import _build
    loc, out = _locations(args)
    outcome, error = _build(loc.article_dirs, out, loc.cache, force=True)
    if error:
        print(error, file=sys.stderr)
        return 1
    print(f"rebuilt the tables: {outcome.result.summary} → {out}")
    return 0


def _curator(args):
    from .curation import Curator, load_tables
    from .tables import DamagedTable
    _, out = _locations(args)
    try:
        tables = load_tables(out)
    except (DamagedTable, OSError) as exc:
        raise SystemExit(f"error: the tables cannot be read ({exc}); build them first")
    return Curator(tables, who=args.who)


def cmd_curate(args: argparse.Namespace) -> int:
    from .curation_store import CurationError
    if args.curate_command == "list":
        return _list(args)
    try:
        c = _curator(args)
        cmd = args.curate_command
        if cmd == "reject":
            rec = c.reject(args.table, args.key, args.why or "")
        elif cmd == "set":
            rec = c.set(args.table, args.key, args.field, args.value, args.why or "")
        elif cmd == "confirm":
            rec = c.confirm(args.table, args.key, args.why or "")
        elif cmd == "merge":
            rec = c.merge(args.table, args.key, args.other, args.why or "")
        elif cmd == "split":
            rec = c.split(args.table, args.key, args.sources.split(";"), args.why or "")
        else:
            rec = c.undo(args.id, args.why or "")
    except CurationError as exc:
        print(f"error: {exc}; nothing was written", file=sys.stderr)
        return 2
    print(f"recorded {rec['id']}: {describe(rec)}")
    return _rebuild(args)


def describe(a: dict) -> str:
    """One action in words."""
    kind = a["action"]
    where = f"{a.get('table', '')} {a.get('key', '')}"
    text = {
        "reject": f"reject {where}",
        "confirm": f"confirm {where}",
        "set": f"set {a.get('field')} of {where} to {a.get('value')!r} (was {a.get('old')!r})",
        "merge": f"merge {a.get('other')} into {where}",
        "split": f"split {a.get('value')} out of {where}",
        "undo": f"undo {a.get('target')}",
    }[kind]
    return text + (f" — {a['why']}" if a.get("why") else "")


def _list(args) -> int:
    from .curation import row_keys
    from .curation_store import ROW_TABLES, CurationError, CurationStore
    from .tables import read_tables
    _, out = _locations(args)
    if args.table and args.table not in ROW_TABLES:
        print(f"error: table {args.table!r} cannot be curated; use one of {', '.join(ROW_TABLES)}", file=sys.stderr)
        return 2
    tables = read_tables(out) if out.exists() else {}
    if args.table:
        df = tables.get(args.table)
        if df is None:
            print("error: there are no tables yet; build them first", file=sys.stderr)
            return 2
        for key, r in zip(row_keys(args.table, df), df.to_dict("records")):
            cells = " | ".join(str(r[c]) for c in SUMMARY[args.table])
            print(f"{key}\t{cells}" + (f"\t[{r['curated']}]" if r.get("curated") else ""))
        return 0
    try:
        actions = CurationStore().actions()
    except CurationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    built = tables.get("curation")
    state = dict(zip(built["id"], built["state"])) if built is not None else {}
    if not actions:
        print("no curation actions yet")
    for a in actions:
        shown = "" if a["action"] == "undo" else f" [{state.get(a['id'], 'not built yet, or undone')}]"
        print(f"{a['id']}\t{a['at']}\t{a['who']}\t{describe(a)}{shown}")
    return 0


def cmd_kb(args: argparse.Namespace) -> int:
    from .localkb import LocalKB, LocalKBError
    if args.kb_command == "unknown":
        return _unknown(args)
    kb = LocalKB()
    try:
        if args.kb_command == "add-person":
            row = kb.add_person(args.name, args.club, args.role, args.alias or [], args.position or "")
            print(f"added {row['name']} ({row['role']} of {row['club']}, id {row['id']}) to {kb.folder}")
        elif args.kb_command == "add-alias":
            row = kb.add_alias(args.kind, args.target, args.alias)
            print(f"added {row['alias']!r} as an alias of {args.kind} {row['id']} to {kb.folder}")
        else:
            kb.ignore(args.name)
            print(f"{args.name!r} is ignored from now on")
            return 0
    except LocalKBError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return _rebuild(args)


def _unknown(args) -> int:
    from .tables import read_tables
    _, out = _locations(args)
    df = read_tables(out)["unknown_names"] if out.exists() else None
    if df is None or df.empty:
        print("no unknown names (or no tables yet)")
        return 0
    for r in df.to_dict("records"):
        print(f"{r['name']}\t{r['kind']}\t{r['club']}\t{r['count']}\t{r['sentences'][:120]}")
    return 0


def register(sub) -> None:
    """Add `curate` and `kb` to the subcommands of `python -m fanboard`."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--tables", metavar="DIR", help="tables folder (default: data/tables/, or $FANBOARD_TABLES)")
    common.add_argument("--no-build", action="store_true", help="record only; do not rebuild the tables")
    common.add_argument("--who", help="who makes the correction (default: the user name)")
    common.add_argument("--why", help="the reason, kept in the log")
    c = sub.add_parser("curate", help="correct the record: reject, set, confirm, merge, split, undo")
    cs = c.add_subparsers(dest="curate_command", required=True)
    ls = cs.add_parser("list", parents=[common], help="the curation actions, or a table's rows and keys")
    ls.add_argument("--table")
    for name in ("reject", "confirm"):
        p = cs.add_parser(name, parents=[common], help=f"{name} a row")
        p.add_argument("table")
        p.add_argument("key")
    p = cs.add_parser("set", parents=[common], help="correct one field of a row")
    for arg in ("table", "key", "field", "value"):
        p.add_argument(arg)
    p = cs.add_parser("merge", parents=[common], help="two rows are the same thing: OTHER goes into KEY")
    for arg in ("table", "key", "other"):
        p.add_argument(arg)
    p = cs.add_parser("split", parents=[common], help="the articles in --sources become a row of their own")
    p.add_argument("table")
    p.add_argument("key")
    p.add_argument("--sources", required=True, help="article ids, joined with ';'")
    p = cs.add_parser("undo", parents=[common], help="an action no longer counts")
    p.add_argument("id")
    c.set_defaults(func=cmd_curate)
    k = sub.add_parser("kb", help="the local knowledge-base overlay (data/kb/local/)")
    ks = k.add_subparsers(dest="kb_command", required=True)
    p = ks.add_parser("add-person", parents=[common], help="add a player or staff member of a club")
    p.add_argument("name")
    p.add_argument("--club", required=True)
    p.add_argument("--role", required=True)
    p.add_argument("--alias", action="append")
    p.add_argument("--position")
    p = ks.add_parser("add-alias", parents=[common], help="another name of a known person or club")
    p.add_argument("kind", choices=("person", "club"))
    p.add_argument("target")
    p.add_argument("alias")
    p = ks.add_parser("ignore", parents=[common], help="leave a name out of the unknown-names list")
    p.add_argument("name")
    ks.add_parser("unknown", parents=[common], help="the names the articles use but the KB lacks")
    k.set_defaults(func=cmd_kb)
