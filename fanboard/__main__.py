"""Command line: `python -m fanboard build | import-results | ...`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import pipeline


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


def cmd_build(args: argparse.Namespace) -> int:
    dirs = [Path(d) for d in args.articles] if args.articles else pipeline.ARTICLE_DIRS
    missing = [d for d in dirs if not d.is_dir()]
    if args.articles and missing:
        print(f"error: no such folder: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    update, close = _progress_bar()
    try:
        result = pipeline.build(dirs, Path(args.out), progress=update,
                                cache_dir=None if args.no_cache else pipeline.CACHE_DIR)
    finally:
        close()
    for m in result.messages:
        print(str(m), file=sys.stderr)
    print(f"{result.summary} → {args.out}")
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


def pd_read(path: Path):
    import pandas as pd
    return pd.read_csv(path, dtype=str) if Path(path).exists() else pd.DataFrame()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fanboard", description="fanboard: news articles → tables")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="read the articles and write the tables")
    b.add_argument("--articles", action="append", metavar="DIR",
                   help="folder of articles (repeatable; default: seeds/ and data/articles/)")
    b.add_argument("--out", default=str(pipeline.TABLES_DIR), metavar="DIR", help="where to write the tables")
    b.add_argument("--no-cache", action="store_true", help="re-parse every article")
    b.set_defaults(func=cmd_build)
    i = sub.add_parser("import-results", help="add fixtures from a football-data.co.uk CSV")
    i.add_argument("file")
    i.add_argument("--fixtures", help="fixtures file to add to (default: data/reference/fixtures.csv)")
    i.set_defaults(func=cmd_import_results)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
