"""Command line: `python -m fanboard build | import-results | ...`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _progress_bar():
    """A tqdm bar on a terminal; nothing when output is piped."""
    if not sys.stderr.isatty():
        return None, lambda: None
    from tqdm import tqdm
    bar = tqdm(total=0, unit="article", desc="parsing", leave=False)

    def update(done: int, total: int, article_id: str) -> None:
        bar.total = total
        bar.n = done
        bar.set_postfix_str(article_id[:30])
        bar.refresh()
    return update, bar.close


def _build(dirs: list[Path], out: Path, cache: Path | None, *, force: bool, progress=None, jobs: int = 1):
    """ensure_built for the terminal: (outcome, None), or (None, the error message)."""
    from .building import BuildBusy, ensure_built
    from .ingest import SidecarError
    from .store import StoreError

    def waiting() -> None:
        print(f"waiting for another build of {out} to finish…", file=sys.stderr, flush=True)

    try:
        return ensure_built(dirs, out, cache, force=force, progress=progress, on_wait=waiting, jobs=jobs), None
    except SidecarError as exc:
        return None, f"error: {exc}\nnothing was built; the tables in {out} stay as they were"
    except (StoreError, BuildBusy) as exc:
        return None, f"error: {exc}"


def _cores() -> int:
    import os
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def cmd_build(args: argparse.Namespace) -> int:
    from .store import Locations

    loc = Locations.from_env()
    dirs = [Path(d) for d in args.articles] if args.articles else loc.article_dirs
    missing = [d for d in dirs if not d.is_dir()]
    if args.articles and missing:
        print(f"error: no such folder: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    if args.jobs is not None and args.jobs < 1:
        print(f"error: --jobs must be at least 1, not {args.jobs}", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else loc.tables
    update, close = _progress_bar()
    try:
        outcome, error = _build(dirs, out, None if args.no_cache else loc.cache, force=True, progress=update,
                                jobs=args.jobs or _cores())
    finally:
        close()
    if error:
        print(error, file=sys.stderr)
        return 1
    for line in outcome.recovered:
        print(f"recovered: {line}", file=sys.stderr)
    result = outcome.result
    for m in result.messages:
        print(str(m), file=sys.stderr)
    print(f"{result.summary} → {out}")
    return 0


def cmd_import_results(args: argparse.Namespace) -> int:
    from .kb import KB
    from .reference import DEFAULT_FIXTURES, ReferenceDataError, add_fixtures, import_football_data
    try:
        result = import_football_data(Path(args.file), KB.load())
    except (ReferenceDataError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for name in result.unknown_teams:
        print(f"warning: unknown team {name!r}: add it (or an alias) to data/kb/clubs.csv; its rows were skipped",
              file=sys.stderr)
    target = Path(args.fixtures) if args.fixtures else DEFAULT_FIXTURES
    before = len(pd_read(target))
    merged = add_fixtures(result.fixtures, target)
    print(f"imported {len(merged) - before} new fixtures into {target} ({len(result.fixtures)} rows read)")
    return 0


def _recover_at_start(store_dir: Path) -> list[str] | None:
    """A writer's start-up: finish or undo interrupted adds. What it did, or None on an error."""
    from .building import recover_stores
    from .store import StoreError

    try:
        recovered = recover_stores([store_dir])
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
    for line in recovered:
        print(f"recovered: {line}", file=sys.stderr)
    return recovered


def _rebuild_after_add(dirs: list[Path], out: Path, cache: Path | None, changed: bool) -> bool:
    """Rebuild after an add (when it stored or recovered something, or the tables are stale)."""
    outcome, error = _build(dirs, out, cache, force=changed)
    if error:
        print(error, file=sys.stderr)
        return False
    if outcome.result is not None:
        result = outcome.result
        print(f"rebuilt the tables ({result.parsed} article(s) parsed, the rest from the cache): {result.summary} → {out}")
    return True


def cmd_import_players(args: argparse.Namespace) -> int:
    """Merge a season's players (and coaches, other squads) into data/kb/people.csv."""
    from .kb import KBError
    from .memberships import MembershipError
    from .squads import DEFAULT_EXTRA, DEFAULT_NAMES, SquadImportError, import_players, summary
    kb_dir = Path(args.kb) if args.kb else None
    names = Path(args.names) if args.names else (DEFAULT_NAMES if kb_dir is None else None)
    extra = Path(args.extra) if args.extra else (DEFAULT_EXTRA if kb_dir is None else None)
    try:
        result = import_players(Path(args.file), **({"kb_dir": kb_dir} if kb_dir else {}),
                                names=names, extra=extra,
                                appearances=Path(args.appearances) if args.appearances else None,
                                fixtures=Path(args.fixtures) if args.fixtures else None)
    except (SquadImportError, MembershipError, KBError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if result.shared_surnames:
        print(f"no surname-only alias (shared, or a common word): {', '.join(result.shared_surnames)}",
              file=sys.stderr)
    for person, others in result.movers:
        print(f"note: {person} also played for {', '.join(others)} (kept at the club of most appearances)",
              file=sys.stderr)
    if result.memberships:
        print(f"{result.memberships} club memberships with dates written to memberships.csv")
    print(summary(result))
    return 0


def cmd_import_appearances(args: argparse.Namespace) -> int:
    """Copy a season's Serie A appearances into data/reference/appearances.csv."""
    from .appearances import DEFAULT_APPEARANCES, import_appearances, summary
    from .kb import DEFAULT_KB_DIR, KBError
    from .reference import DEFAULT_FIXTURES, ReferenceDataError
    target = Path(args.out) if args.out else DEFAULT_APPEARANCES
    try:
        result = import_appearances(Path(args.file), target, kb_dir=Path(args.kb) if args.kb else DEFAULT_KB_DIR,
                                    fixtures_path=Path(args.fixtures) if args.fixtures else DEFAULT_FIXTURES)
    except (ReferenceDataError, KBError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if result.unidentified:
        shown = ", ".join(result.unidentified[:10]) + (f" (and {len(result.unidentified) - 10} more)"
                                                      if len(result.unidentified) > 10 else "")
        print(f"not identified in data/kb/people.csv (kept without a person): {shown}", file=sys.stderr)
    print(summary(result, target))
    print("rebuild the tables (python -m fanboard build) to check the articles' statuses against them")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    """Store article files in the article store, then rebuild the tables (incrementally)."""
    from . import store as st

    meta = st.Metadata(source=args.source or "", url=args.url or "", published=args.published or "",
                       language=args.language or "")
    try:
        meta = meta.checked()
    except st.Refused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    loc = st.Locations.from_env()
    store_dir = Path(args.store) if args.store else loc.store
    out = Path(args.out) if args.out else loc.tables
    recovered = _recover_at_start(store_dir)     # finish (or undo) an add that a kill interrupted
    if recovered is None:
        return 2
    results: list[st.AddResult] = []
    candidates = []
    for name in args.files:
        path = Path(name)
        try:
            candidates.append(st.prepare_file(_read_input(path), path.name, meta))
        except st.Refused as exc:
            results.append(st.AddResult(st.safe_display_name(path.name or name), "refused", str(exc)))
    try:
        results += st.ArticleStore(store_dir).add(candidates)
    except st.StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for r in results:
        print(str(r), file=sys.stdout if r.status != "refused" else sys.stderr)
    changed = any(r.stored for r in results) or bool(recovered)
    built = True
    if not args.no_build and (changed or out.exists()):     # stale tables are rebuilt even after a duplicate
        built = _rebuild_after_add([loc.seeds, store_dir], out, None if args.no_cache else loc.cache, changed)
    refused = sum(r.status == "refused" for r in results)
    stored = sum(r.stored for r in results)
    dupes = sum(r.status == "duplicate" for r in results)
    print(f"{stored} stored, {dupes} already there, {refused} refused")
    return 1 if refused or not built else 0


def _read_input(path: Path) -> bytes:
    """A file given to `add`: a regular file only (a symbolic link, folder, pipe or device is
    refused, so a link to /etc/passwd is never stored), read up to just over the size limit."""
    from . import store as st
    from .checks import NotARegularFile, read_regular_file

    limit = max(st.MAX_TEXT_BYTES, st.MAX_HTML_BYTES)
    try:
        data, size = read_regular_file(path, limit)
    except NotARegularFile as exc:
        raise st.Refused(f"{exc}; nothing was stored") from None
    except OSError as exc:
        raise st.Refused(f"cannot read it ({exc.strerror or exc}); nothing was stored") from None
    if size > limit:
        raise st.Refused(f"{st.safe_display_name(path.name)} is {st._size(size)}; no file over "
                         f"{st._size(limit)} can be added; nothing was stored")
    return data


def pd_read(path: Path):
    import pandas as pd
    return pd.read_csv(path, dtype=str) if Path(path).exists() else pd.DataFrame()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fanboard", description="fanboard: news articles → tables")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="read the articles and write the tables")
    b.add_argument("--articles", action="append", metavar="DIR",
                   help="folder of articles (repeatable; default: seeds/ and data/articles/, or $FANBOARD_ARTICLES)")
    b.add_argument("--out", metavar="DIR", help="where to write the tables (default: data/tables/, or $FANBOARD_TABLES)")
    b.add_argument("--no-cache", action="store_true", help="re-parse every article")
    b.add_argument("--jobs", type=int, metavar="N",
                   help="processes that parse the articles (default: the number of cores); the tables are the same")
    b.set_defaults(func=cmd_build)
    i = sub.add_parser("import-results", help="add fixtures from a football-data.co.uk CSV")
    i.add_argument("file")
    i.add_argument("--fixtures", help="fixtures file to add to (default: data/reference/fixtures.csv)")
    i.set_defaults(func=cmd_import_results)
    ip = sub.add_parser("import-players", help="add a season's players (Initial.SURNAME CSV) to data/kb/people.csv")
    ip.add_argument("file")
    ip.add_argument("--names", help="full names of the players (default: data/kb/player_names.csv)")
    ip.add_argument("--extra", help="people not in FILE: coaches, other squads (default: data/kb/squads_extra.csv)")
    ip.add_argument("--kb", metavar="DIR", help="knowledge base folder to update (default: data/kb; "
                    "then --names/--extra have no default)")
    ip.add_argument("--appearances", metavar="FILE", help="appearances per matchday (player,shirt,team,matchday,"
                    "home,away,...): writes the dated club memberships to memberships.csv")
    ip.add_argument("--fixtures", metavar="FILE", help="the dates of the matchdays (default: data/reference/fixtures.csv)")
    ip.set_defaults(func=cmd_import_players)
    ia = sub.add_parser("import-appearances",
                        help="copy a season's Serie A appearances (who played, minutes) into data/reference")
    ia.add_argument("file")
    ia.add_argument("--out", help="appearances file to update (default: data/reference/appearances.csv)")
    ia.add_argument("--fixtures", help="fixtures to map the matches to (default: data/reference/fixtures.csv)")
    ia.add_argument("--kb", metavar="DIR", help="knowledge base whose people are matched (default: data/kb)")
    ia.set_defaults(func=cmd_import_appearances)
    a = sub.add_parser("add", help="add article files (.txt, .md, .html) to data/articles/ and rebuild the tables")
    a.add_argument("files", nargs="+", metavar="FILE")
    a.add_argument("--source", help="who published it (e.g. a newspaper)")
    a.add_argument("--url", help="where it was published (http:// or https://)")
    a.add_argument("--published", metavar="YYYY-MM-DD", help="publication date")
    a.add_argument("--language", help="language code (en, nl, it); detected when omitted")
    a.add_argument("--store", metavar="DIR", help="article store (default: data/articles/, or $FANBOARD_ARTICLES)")
    a.add_argument("--out", metavar="DIR", help="tables folder to rebuild (default: data/tables/, or $FANBOARD_TABLES)")
    a.add_argument("--no-build", action="store_true", help="store only; do not rebuild the tables")
    a.add_argument("--no-cache", action="store_true", help="re-parse every article when rebuilding")
    a.set_defaults(func=cmd_add)
    from .curation_cli import register
    register(sub)       # curate …, kb … (fanboard/curation_cli.py)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
