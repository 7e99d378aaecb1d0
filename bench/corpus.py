"""Generate a benchmark corpus of football articles in en, nl and it.

How an article is made (deterministic for a given seed):

1. The *sentence pool* of a language is every sentence of the seed articles
   (`seeds/`) and of the invented test articles (`tests/data/invented/articles/`)
   in that language, kept in runs: each source paragraph is a list of sentences.
   Headlines form a separate pool.
2. An article draws a headline, then paragraphs until it reaches its word target
   (uniform 380-620 words, so 2,000 articles make about 1M words). A paragraph is a
   run of 1-4 consecutive sentences of one source paragraph, so that pronouns and
   "the Argentine" keep someone to refer to; one paragraph in four gets a sentence
   from elsewhere in the pool mixed in.
3. Every knowledge-base name in the article (people and clubs from data/kb/*.csv,
   canonical names and aliases) is swapped for another of the same kind through a
   per-article permutation: players for players, coaches for coaches, clubs for
   clubs. One article stays consistent with itself ("Gasperini" and "Gian Piero
   Gasperini" become the same new coach), and the new name is written sometimes as
   the canonical name, sometimes as an alias, so the entity ruler and the cue
   patterns fire on names they did not see in the source sentences.
4. Scores ("3-0", "1 - 1") get new random numbers, so match claims differ.
5. The first line says the article is generated; `articles.toml` gives each
   article its language, a source name and (for two in three) a publication date
   between October 2020 and February 2021, so both the dated and the date-inference
   paths of the pipeline run.

Usage: ``python -m bench.corpus [--n 2000] [--out bench/corpus/articles]``.
The corpus is rebuilt in a few seconds and is not committed (bench/corpus/ is gitignored).
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = [ROOT / "seeds", ROOT / "tests" / "data" / "invented" / "articles"]
KB_DIR = ROOT / "data" / "kb"
CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
LANGUAGE_WEIGHTS = {"en": 0.4, "nl": 0.3, "it": 0.3}
WORDS_PER_ARTICLE = (380, 620)
GENERATED_MARK = "(generated benchmark article)"

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“«‘ÀÈÉÌÒÙ])")
_SCORE = re.compile(r"(?<![\d/.:])(\d{1,2})(\s?[-–]\s?)(\d{1,2})(?![\d/.:])")
_INVENTED_MARK = re.compile(r"\s*\(invented test article\)\s*$")


@dataclass
class Pools:
    headlines: dict[str, list[str]]
    paragraphs: dict[str, list[list[str]]]   # runs of sentences per language


def _language_of(path: Path) -> str:
    """The language of a source file: from the invented set's sidecar or file name, else by stop words."""
    name = path.stem
    for lang in ("en", "nl", "it"):
        if name.startswith(lang + "_"):
            return lang
    # stop words of the three languages only (importing all of langdetect's candidates costs seconds)
    from fanboard.langdetect import _stop_words
    words = re.findall(r"\w+", path.read_text(encoding="utf-8").lower())
    return max(("en", "nl", "it"), key=lambda lang: sum(w in _stop_words(lang) for w in words))


def load_pools(source_dirs: list[Path] = SOURCE_DIRS) -> Pools:
    headlines: dict[str, list[str]] = {}
    paragraphs: dict[str, list[list[str]]] = {}
    for folder in source_dirs:
        for path in sorted(Path(folder).glob("*.txt")):
            lang = _language_of(path)
            blocks = [b.strip() for b in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if b.strip()]
            if not blocks:
                continue
            headlines.setdefault(lang, []).append(_INVENTED_MARK.sub("", blocks[0].splitlines()[0]))
            for block in blocks[1:]:
                sentences = [s.strip() for s in _SENTENCE_END.split(" ".join(block.split("\n"))) if s.strip()]
                if sentences:
                    paragraphs.setdefault(lang, []).append(sentences)
    return Pools(headlines, paragraphs)


class NameSwapper:
    """Finds knowledge-base names in text and swaps them through a per-article permutation."""

    def __init__(self, kb_dir: Path = KB_DIR):
        self.forms: dict[str, tuple[str, str]] = {}       # surface form -> (kind, id)
        self.names: dict[str, list[str]] = {}             # id -> [canonical name, *aliases]
        self.groups: dict[str, list[str]] = {}            # kind -> ids
        for kind, file in (("club", "clubs.csv"), ("person", "people.csv")):
            with (kb_dir / file).open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    group = "club" if kind == "club" else f"person:{row['role']}"
                    aliases = [a for a in (row.get("aliases") or "").split("|") if a]
                    # one-word lower-case aliases ("la Vecchia") are left alone: they read as words
                    forms = [row["name"], *aliases]
                    self.names[row["id"]] = forms
                    self.groups.setdefault(group, []).append(row["id"])
                    for form in forms:
                        if form[:1].isupper():
                            self.forms.setdefault(form, (group, row["id"]))
        alternation = "|".join(re.escape(f) for f in sorted(self.forms, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")

    def permutation(self, rng: random.Random) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for ids in self.groups.values():
            shuffled = ids[:]
            rng.shuffle(shuffled)
            mapping.update(zip(ids, shuffled))
        return mapping

    def swap(self, text: str, mapping: dict[str, str], rng: random.Random) -> str:
        spelled: dict[str, str] = {}

        def replace(m: re.Match) -> str:
            _, old = self.forms[m.group(0)]
            new = mapping.get(old, old)
            forms = self.names[new]
            is_full = m.group(0) == self.names[old][0]
            if new not in spelled:
                # the first mention of a person in an article is usually the full name
                spelled[new] = forms[0]
                return forms[0]
            if is_full or len(forms) == 1:
                return forms[0]
            # later mentions: mostly the first alias (the surname), sometimes another spelling
            return forms[1] if rng.random() < 0.8 else rng.choice(forms[1:])

        return self.pattern.sub(replace, text)


def _new_scores(text: str, rng: random.Random) -> str:
    return _SCORE.sub(lambda m: f"{rng.randint(0, 4)}{m.group(2)}{rng.randint(0, 4)}", text)


def make_article(pools: Pools, swapper: NameSwapper, rng: random.Random, lang: str) -> str:
    target = rng.randint(*WORDS_PER_ARTICLE)
    headline = rng.choice(pools.headlines[lang])
    paragraphs: list[str] = []
    words = len(headline.split())
    source = pools.paragraphs[lang]
    while words < target:
        run = rng.choice(source)
        start = rng.randrange(len(run))
        sentences = run[start:start + rng.randint(1, 4)]
        if rng.random() < 0.25:
            other = rng.choice(rng.choice(source))
            if other not in sentences:
                sentences.insert(rng.randrange(len(sentences) + 1), other)
        para = " ".join(sentences)
        paragraphs.append(para)
        words += len(para.split())
    mapping = swapper.permutation(rng)
    body = swapper.swap("\n\n".join([headline, *paragraphs]), mapping, rng)
    body = _new_scores(body, rng)
    first, rest = body.split("\n\n", 1)
    return f"{first} {GENERATED_MARK}\n\n{rest}\n"


def generate(n: int, out_dir: Path, seed: int = 2021) -> list[Path]:
    """Write n articles plus articles.toml into out_dir (emptied first). Returns the article paths."""
    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    rng = random.Random(seed)
    pools = load_pools()
    swapper = NameSwapper()
    langs, weights = zip(*[(lang, w) for lang, w in LANGUAGE_WEIGHTS.items() if lang in pools.paragraphs])
    paths, meta = [], []
    first_day, days = date(2020, 10, 1), 150
    for i in range(n):
        lang = rng.choices(langs, weights)[0]
        text = make_article(pools, swapper, rng, lang)
        article_id = f"gen_{i:05d}_{lang}"
        path = out_dir / f"{article_id}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        entry = [f"[{article_id}]", f'language = "{lang}"', 'source = "fanboard benchmark corpus"']
        if rng.random() < 2 / 3:
            entry.append(f'published = "{(first_day + timedelta(days=rng.randrange(days))).isoformat()}"')
        meta.append("\n".join(entry))
    (out_dir / "articles.toml").write_text(
        "# Generated by bench/corpus.py: sentences of the seeds and invented test articles,\n"
        "# recombined with other knowledge-base names. Not real news.\n\n" + "\n\n".join(meta) + "\n",
        encoding="utf-8")
    return paths


def subset(corpus_dir: Path, n: int, out_dir: Path) -> Path:
    """A folder holding the first n articles of corpus_dir (as symlinks) and its sidecar."""
    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    for path in sorted(Path(corpus_dir).glob("*.txt"))[:n]:
        (out_dir / path.name).symlink_to(path.resolve())
    (out_dir / "articles.toml").symlink_to((Path(corpus_dir) / "articles.toml").resolve())
    return out_dir


def count_words(text: str) -> int:
    """Words as the benchmark counts them: whitespace-separated chunks."""
    return len(text.split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=CORPUS_DIR / "articles")
    ap.add_argument("--seed", type=int, default=2021)
    args = ap.parse_args(argv)
    paths = generate(args.n, args.out, args.seed)
    words = sum(count_words(p.read_text(encoding="utf-8")) for p in paths)
    print(f"{len(paths)} articles, {words:,} words → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
