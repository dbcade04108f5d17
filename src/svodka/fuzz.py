"""`make fuzz`: a long campaign of generated hostile inputs, its counts written to docs/reliability.md.

    python -m svodka.fuzz --inputs 100000 --out docs/reliability.md

Inputs come from a seeded generator (``hostile_input(rng)``): mutated news texts (the bundled
sample and the tune split of the factRuEval devset, never its held-out documents), hostile
time phrases, long runs and repeated names, mixed scripts, invisible and broken characters
(lone surrogates, NUL, controls, combining marks), markup-looking brackets, random Unicode,
and now and then a big input.  Every input is analysed in batches of 16 (``analyze_batch``,
what the batch workers send); one chunk in ten is also analysed record by record, and each
record must come out the same.  ``check_offsets`` holds every layer to its offsets.

Counted: inputs, InputErrors (expected: empty text, a bad date), unexpected exceptions, bad
offsets, batch/single mismatches, the slowest chunk and the largest input, peak RSS.
tests/test_hostile.py runs the same generator on a few hundred seeds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import resource
import sys
import time
from pathlib import Path

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

FACTRU = Path(os.environ.get("SVODKA_FACTRU", Path(__file__).resolve().parents[3] / "shared" / "data" / "factru" / "devset"))
CHUNK = 16
BIG_EVERY = 2500  # one input in this many is big (tens of kilobytes)
MARK_START, MARK_END = "<!-- fuzz -->", "<!-- /fuzz -->"

# Pieces the generator splices in: each stands for a class of input that once broke something.
ODD = [
    "\ud800", "\udfff", "\x00", "\x07", "\x1b[31m", "\u0301", "\u0483", "\u200b", "\u200f", "\u202e", "\ufeff",
    "\ufffe", "\uffff", "\u2028", "\u00ad", "\t", "\r", "\f", "\u00a0", "🙂", "👨‍👩‍👧", "[/]", "[bold]", "[/x]",
    "«", "»", "„", "“", "\"", "'", "—", "–", "-", "(", ")", "[", "]", "{", "}", "<", ">", "&amp;", "<b>", "\\",
    "%s", "{0}", "$", "№", "§", "…", ".", "!", "?", ":", ";", ",", "•", "|", "/", "\n", "\n\n", " ",
]
SCRIPTS = ["Путин", "Putin", "Πούτιν", "普京", "بوتين", "פוטין", "Путiн", "ПУТИН", "пУтИн", "Pутин", "Путин-Керри"]
NAMES = ["Путин", "Керри", "Лавров", "Владимир Путин", "Джон Керри", "Сергей Лавров", "Обама", "МИД России", "США", "Москва"]
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
TIME_FORMS = [
    "{d} {m} {y} года", "с {d} по {d2} {m}", "с {d} {m} по {d2} {m2} {y} года", "{d}.{mm}.{y}", "{y}-{mm}-{d}",
    "в {y} году", "в {y}-{y2} годах", "в {r} веке", "{d}-{d2} {m}", "в ночь на {d} {m}", "накануне {d} {m}",
    "в {d} часов {d2} минут", "через {d} дней", "{d} лет назад", "в начале {m} {y} года", "до конца {y} года",
    "в {y}-х", "{d}, {d2} и {d} {m}", "во {r} квартале {y} года", "в {m}", "на следующий день",
]
SMALL_BASE = [
    "Госсекретарь США Джон Керри прилетел в Москву.",
    "«Мы договорились», — сказал Путин журналистам.",
    "По словам Лаврова, встреча состоится 7 мая 2013 года.",
    "ь • Эфиопия[Гру",
    "Президент России Владимир Путин встретился с Керри в Кремле во вторник.",
]


def _tune_texts(limit: int = 40) -> list[str]:
    """Tune-split factRuEval texts (held-out: sha1(name) % 4 == 0), when the devset is here."""
    if not FACTRU.is_dir():
        return []
    out = []
    for path in sorted(FACTRU.glob("book_*.txt")):
        if int(hashlib.sha1(path.stem.encode()).hexdigest(), 16) % 4 != 0:
            out.append(path.read_text(encoding="utf-8-sig"))
        if len(out) >= limit:
            break
    return out


_BASE: list[str] | None = None


def base_texts() -> list[str]:
    global _BASE
    if _BASE is None:
        from . import sample_text

        _BASE = [sample_text(), *_tune_texts(), *SMALL_BASE]
    return _BASE


def _time_phrase(rng: random.Random) -> str:
    days = [0, 1, 2, 28, 29, 30, 31, 32, 99, rng.randint(1, 31)]
    years = [0, 1, 999, 1900, 2013, 2014, 9999, 10000, 99999, rng.randint(1, 3000)]
    return rng.choice(TIME_FORMS).format(
        d=rng.choice(days), d2=rng.choice(days), m=rng.choice(MONTHS), m2=rng.choice(MONTHS),
        mm=f"{rng.choice([0, 1, 2, 12, 13, 99]):02d}", y=rng.choice(years), y2=rng.choice(years),
        r=rng.choice(["XX", "XXI", "IV", "MMXIII", "IIII", "5", "0"]),
    )


def _mutate(text: str, rng: random.Random, edits: int) -> str:
    chars = list(text)
    for _ in range(edits):
        at = rng.randint(0, len(chars))
        kind = rng.random()
        if kind < 0.45:
            chars[at:at] = list(rng.choice(ODD))
        elif kind < 0.6 and chars:
            del chars[at : at + rng.randint(1, 20)]
        elif kind < 0.7:
            chars[at:at] = list(" " + _time_phrase(rng) + " ")
        elif kind < 0.8:
            chars[at:at] = list(" " + rng.choice(SCRIPTS + NAMES) + " ")
        elif kind < 0.9 and chars:
            piece = chars[at : at + rng.randint(1, 60)]
            chars[at:at] = piece * rng.randint(1, 4)
        else:
            chars[at:at] = [chr(rng.randint(1, 0x10FFFF)) for _ in range(rng.randint(1, 5))]
    return "".join(chars)


def hostile_input(rng: random.Random, big: bool = False) -> dict:
    """One record {text, title, published, url, id}: small (up to a few kilobytes) unless ``big``."""
    kind = rng.random()
    if big:
        unit = rng.choice(["а ", "Керри, Лавров и Путин, ", "«Путин» ", "1 ", "ааааааааааааа", rng.choice(base_texts())])
        text = _mutate(unit * (rng.randint(20_000, 80_000) // len(unit) + 1), rng, 20)
    elif kind < 0.45:
        base = rng.choice(base_texts())
        start = rng.randint(0, max(0, len(base) - 50))
        text = _mutate(base[start : start + rng.randint(1, 240)], rng, rng.randint(0, 8))
    elif kind < 0.6:
        text = " ".join(_time_phrase(rng) for _ in range(rng.randint(1, 6)))
        text = _mutate(text, rng, rng.randint(0, 3))
    elif kind < 0.7:
        unit = rng.choice(["а ", "Керри, Лавров и Путин, ", "«Путин» ", rng.choice(NAMES) + " ", "(", "«", "[", "- "])
        text = unit * rng.randint(1, 120)
    elif kind < 0.8:
        text = "".join(rng.choice(ODD + SCRIPTS + NAMES) for _ in range(rng.randint(1, 60)))
    elif kind < 0.9:
        text = "".join(chr(rng.choice([rng.randint(1, 0x7F), rng.randint(0x400, 0x4FF), rng.randint(1, 0x10FFFF)]))
                       for _ in range(rng.randint(1, 120)))
    else:
        text = _mutate(rng.choice(SMALL_BASE), rng, rng.randint(1, 6))
    published = rng.choice([None, "2013-05-08", "0001-01-01", "9999-12-31", ""] * 6 + ["[/x]", "2014-02-29", "2013-13-01"])
    title = rng.choice([None, None, "Керри в Москве", "[/]", "\ud800", "", _mutate("Заголовок", rng, 2)])
    return {"text": text, "title": title, "published": published, "url": rng.choice([None, "http://x/\x00"]),
            "id": rng.choice([None, str(rng.randint(0, 10**6)), "\udcff"])}


def check_offsets(doc) -> list[str]:  # type: ignore[no-untyped-def]
    """Every offset of every layer inside ``doc.text``, and ``text[start:end]`` what the record says."""
    text, bad = doc.text, []

    def span(what: str, start, end, said=None) -> None:  # type: ignore[no-untyped-def]
        if start is None and end is None:
            return
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            bad.append(f"{what}: {start}..{end} outside 0..{len(text)}")
        elif said is not None and text[start:end] != said:
            bad.append(f"{what}: text[{start}:{end}] = {text[start:end]!r}, record says {said!r}")

    for p in doc.paragraphs:
        span("paragraph", p.start, p.end, p.text)
    for e in doc.entities:
        for m in e.mentions:
            span(f"mention of {e.id}", m.start, m.end, m.text)
        for r in e.roles:
            span(f"role of {e.id}", r.start, r.end)
    for q in doc.quotes:
        span(f"quote {q.id}", q.start, q.end, q.text)
        if q.cue:
            span(f"cue of {q.id}", q.cue.start, q.cue.end, q.cue.text)
    for t in doc.times:
        span(f"time {t.id}", t.start, t.end, t.text)
    for f in doc.facts:
        if f.evidence:
            span(f"evidence of {f.id}", f.evidence.start, f.evidence.end, f.evidence.text)
        for a in f.args:
            span(f"arg {a.role} of {f.id}", a.start, a.end, a.text if a.start is not None else None)
    for tok in doc.tokens:
        span("token", tok.start, tok.end, tok.text)
    return bad


def run_campaign(inputs: int, seed: int = 0, every_single: int = 20, progress=None) -> dict:  # type: ignore[no-untyped-def]
    from .errors import InputError
    from .models import load_models
    from .pipeline import analyze, analyze_batch

    models = load_models()
    analyze(base_texts()[0], published="2013-05-08", models=models)  # warm-up: lazy imports and caches
    rng = random.Random(seed)
    counts = {"inputs": 0, "documents": 0, "input_errors": 0, "unexpected": 0, "bad_offsets": 0, "mismatches": 0,
              "parse_rounding": 0, "singles": 0, "warnings": 0, "big": 0, "slowest_chunk_s": 0.0, "slowest_single_s": 0.0,
              "largest_chars": 0, "examples": [], "kinds": {}}
    started = time.perf_counter()
    chunk_no = 0
    while counts["inputs"] < inputs:
        chunk = []
        for _ in range(min(CHUNK, inputs - counts["inputs"])):
            counts["inputs"] += 1
            big = counts["inputs"] % BIG_EVERY == 0
            counts["big"] += big
            chunk.append(hostile_input(rng, big))
        counts["largest_chars"] = max(counts["largest_chars"], *(len(r["text"]) for r in chunk))
        t0 = time.perf_counter()
        results = analyze_batch(chunk, models=models)
        counts["slowest_chunk_s"] = max(counts["slowest_chunk_s"], time.perf_counter() - t0)
        single = chunk_no % every_single == 0
        chunk_no += 1
        for rec, res in zip(chunk, results):
            if isinstance(res, InputError):
                counts["input_errors"] += 1
            elif isinstance(res, Exception):
                counts["unexpected"] += 1
                _example(counts, "exception", rec, str(res))
            else:
                counts["documents"] += 1
                counts["warnings"] += bool(res.warnings)
                bad = check_offsets(res)
                if bad:
                    counts["bad_offsets"] += 1
                    _example(counts, "offsets", rec, bad[0])
            if single:
                counts["singles"] += 1
                t1 = time.perf_counter()
                try:
                    alone = analyze(**rec, models=models)
                except InputError as exc:
                    alone = exc
                except Exception as exc:  # noqa: BLE001 - counted, that is the point
                    counts["unexpected"] += 1
                    _example(counts, "exception (single)", rec, f"{type(exc).__name__}: {exc}")
                    continue
                counts["slowest_single_s"] = max(counts["slowest_single_s"], time.perf_counter() - t1)
                if _timed_out(alone) or _timed_out(res):
                    continue  # where a time limit cut it, the two runs may fairly differ
                if _outcome(alone) != _outcome(res):
                    if same_parse(alone, res):
                        counts["mismatches"] += 1
                        _example(counts, "batch != single", rec, "")
                    else:
                        counts["parse_rounding"] += 1
        if progress:
            progress(counts, time.perf_counter() - started)
    counts["seconds"] = round(time.perf_counter() - started, 1)
    counts["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return counts


def same_parse(a, b) -> bool:  # type: ignore[no-untyped-def]
    """The same tokens, morphology and syntax.  In a shared batch a sentence is padded to other
    lengths than alone, so the models' sums round otherwise, and where two heads score all but
    the same (a phrase repeated word for word) the parser may pick the other: then the layers
    after it may fairly differ; given the same parse they must not."""
    if isinstance(a, Exception) or isinstance(b, Exception):
        return True
    key = lambda doc: [(t.start, t.end, t.pos, t.feats, t.head, t.rel) for t in doc.tokens]  # noqa: E731
    return key(a) == key(b) and [(s.start, s.end) for s in a.ner] == [(s.start, s.end) for s in b.ner]


def _timed_out(res) -> bool:  # type: ignore[no-untyped-def]
    return not isinstance(res, Exception) and any("ran out" in w for w in res.warnings)


def _outcome(res) -> object:  # type: ignore[no-untyped-def]
    return (type(res).__name__, str(res)) if isinstance(res, Exception) else res.to_dict()


def _example(counts: dict, what: str, rec: dict, detail: str) -> None:
    kind = f"{what}: {detail.split(':')[0] if what.startswith('offsets') else detail[:90]}"
    counts["kinds"][kind] = counts["kinds"].get(kind, 0) + 1
    if counts["kinds"][kind] <= 2 and len(counts["examples"]) < 20:
        counts["examples"].append(f"{what}: {rec['text'][:120]!r} ({detail[:200]})")


def report(counts: dict, seed: int, workers: int = 1) -> str:
    lines = [
        MARK_START,
        f"Last campaign: {dt.date.today().isoformat()}, `python -m svodka.fuzz --inputs {counts['inputs']} --seed {seed} --workers {workers}`, "
        f"{counts['seconds']:.0f} s on {os.cpu_count()} shared cores; seeds {seed}… for {workers} process(es).",
        "",
        "| measure | count |",
        "|---|---:|",
        f"| generated inputs | {counts['inputs']:,} |",
        f"| analysed documents | {counts['documents']:,} |",
        f"| refused with InputError (empty text, a bad date) | {counts['input_errors']:,} |",
        f"| unexpected exceptions | {counts['unexpected']} |",
        f"| documents with a bad offset | {counts['bad_offsets']} |",
        f"| records analysed alone too / differing from their batch with the same parse | {counts['singles']:,} / {counts['mismatches']} |",
        f"| … whose parse differed by float rounding in shared batches (not a failure) | {counts['parse_rounding']} |",
        f"| documents with a warning | {counts['warnings']:,} |",
        f"| big inputs (20–80 kB) | {counts['big']} |",
        f"| largest input | {counts['largest_chars']:,} characters |",
        f"| slowest batch of {CHUNK} / slowest single document | {counts['slowest_chunk_s']:.1f} s / {counts['slowest_single_s']:.1f} s |",
        f"| peak memory of the process (RSS) | {counts['peak_rss_mb']} MB |",
    ]
    if counts["kinds"]:
        lines += ["", "Failures found, by kind:", ""] + [f"- {n} × {k}" for k, n in sorted(counts["kinds"].items())]
        lines += ["", "Examples:", ""] + [f"- `{e}`" for e in counts["examples"]]
    return "\n".join(lines + [MARK_END])


def write_report(path: Path, section: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    pattern = re.compile(re.escape(MARK_START) + ".*?" + re.escape(MARK_END), re.S)
    text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def _shard(args: tuple[int, int, str | None]) -> dict:
    inputs, seed, state = args
    last = [0.0]

    def save(counts: dict, seconds: float) -> None:  # progress of a shard, readable while it runs
        if state and seconds - last[0] > 30:
            last[0] = seconds
            rss = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            Path(state, f"shard-{seed}.json").write_text(json.dumps({**counts, "seconds": round(seconds), "peak_rss_mb": rss}))

    counts = run_campaign(inputs, seed, progress=save)
    last[0] = -1e9
    save(counts, counts["seconds"])
    return counts


def merge(parts: list[dict]) -> dict:
    """The counts of several shards of a campaign as one."""
    out = dict(parts[0])
    for part in parts[1:]:
        for key, value in part.items():
            if key.startswith(("slowest", "largest", "peak")):
                out[key] = max(out[key], value)
            elif key == "examples":
                out[key] = (out[key] + value)[:20]
            elif key == "kinds":
                out[key] = {k: out[key].get(k, 0) + value.get(k, 0) for k in {*out[key], *value}}
            elif key == "seconds":
                out[key] = max(out[key], value)
            else:
                out[key] += value
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None, help="Markdown file whose campaign section is replaced")
    parser.add_argument("--workers", type=int, default=1, help="Processes, each a shard with its own seed")
    parser.add_argument("--state", default=None, help="Folder where each shard saves its counts as it goes")
    parser.add_argument("--merge", default=None, help="Only report the counts the shards saved in this folder so far")
    args = parser.parse_args(argv)
    last = [0.0]

    def progress(counts: dict, seconds: float) -> None:
        if seconds - last[0] > 60:
            last[0] = seconds
            print(f"{counts['inputs']:,} inputs, {counts['unexpected']} unexpected, {counts['bad_offsets']} bad offsets, "
                  f"{seconds:.0f} s", file=sys.stderr, flush=True)

    if args.merge:
        parts = [json.loads(p.read_text()) for p in sorted(Path(args.merge).glob("shard-*.json"))]
        counts = merge(parts)
        args.workers = len(parts)
    elif args.workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        share = [args.inputs // args.workers + (i < args.inputs % args.workers) for i in range(args.workers)]
        with ProcessPoolExecutor(args.workers) as pool:
            counts = merge(list(pool.map(_shard, [(n, args.seed + i, args.state) for i, n in enumerate(share)])))
    else:
        counts = run_campaign(args.inputs, args.seed, progress=progress)
    section = report(counts, args.seed, args.workers)
    print(section)
    if args.out:
        write_report(args.out, section)
    return 1 if counts["unexpected"] or counts["bad_offsets"] or counts["mismatches"] else 0


if __name__ == "__main__":
    sys.exit(main())
