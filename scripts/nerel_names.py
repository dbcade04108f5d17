"""Measure svodka's names on NEREL (until `svodka eval nerel` exists): PER/LOC/ORG exact F1 on the
outermost mapped gold spans, and the normal-form accuracy of PER mentions against the Russian
name of the Wikidata entity they link to.

    .venv/bin/python scripts/nerel_names.py ../shared/data/nerel/train [--every 3] [--errors]

Tune on train; for dev read the scores only (held-out discipline, docs/quality.md).
A system mention matching only a nested inner gold span («России» in «Минсельхоза России»)
counts neither way.  Normal forms: a matched PER mention is right when every word of its entity's
name is a word of the linked name (a lone «Обама» fits «Барак Обама»), counted only where the
linked name spells the mention's words (first three letters of each alike), so a different
transliteration in Wikidata is not scored.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

TYPES = {"PERSON": "PER", "ORGANIZATION": "ORG", "COUNTRY": "LOC", "CITY": "LOC", "STATE_OR_PROVINCE": "LOC",
         "DISTRICT": "LOC", "LOCATION": "LOC"}


def fold(s: str) -> str:
    return s.lower().replace("ё", "е")


def words(s: str) -> list[str]:
    import re

    return [fold(w) for w in re.findall(r"[\w'’-]+", s)]


def load(ann: Path):
    ents, links = {}, {}
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, text = line.split("\t", 2)
            typ, rest = info.split(" ", 1)
            if ";" in rest:
                continue
            a, b = rest.split()
            ents[tid] = (typ, int(a), int(b), text)
        elif line.startswith("N"):
            parts = line.split("\t")
            _, tid, ref = parts[1].split(" ")
            name = parts[2] if len(parts) > 2 else ""
            if not ref.endswith("NULL"):
                links[tid] = name
    mapped = {t: e for t, e in ents.items() if e[0] in TYPES}
    outer, inner = {}, set()
    for t, (typ, a, b, text) in mapped.items():
        covered = any(o != t and oa <= a and b <= ob and (oa, ob) != (a, b) for o, (_, oa, ob, _) in mapped.items())
        if covered:
            inner.add((a, b))
        else:
            outer[(a, b, TYPES[typ])] = (t, text)
    return outer, inner, links


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", type=Path)
    ap.add_argument("--every", type=int, default=1, help="every n-th document only")
    ap.add_argument("--errors", action="store_true", help="print the errors (never on dev)")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    if args.errors and args.dir.name == "dev":
        sys.exit("dev is held out: read its scores, not its errors")
    from svodka import analyze
    from svodka.clean import clean
    from svodka.entities.variants import variant_key
    from svodka.models import load_models

    models = load_models()
    files = sorted(args.dir.glob("*.txt"))[:: args.every]
    if args.limit:
        files = files[: args.limit]
    tp, fp, fn = Counter(), Counter(), Counter()
    nf_ok = nf_all = nf_var = 0
    skipped = 0
    for path in files:
        raw = path.read_text(encoding="utf-8")
        outer, inner, links = load(path.with_suffix(".ann"))
        doc = analyze(raw, models=models, quotes=False, facts=False, brief=False, times=False)
        cleaned = clean(raw)
        if doc.text != cleaned.text:
            skipped += 1
            continue
        off = cleaned.offsets
        sys_spans = {}
        for ent in doc.entities:
            for m in ent.mentions:
                if m.kind == "name":
                    sys_spans[(off[m.start], off[m.end - 1] + 1, ent.type)] = ent
        for key, ent in sys_spans.items():
            if key in outer:
                tp[key[2]] += 1
            elif (key[0], key[1]) in inner:
                continue
            else:
                fp[key[2]] += 1
                if args.errors:
                    print(f"FP {path.stem} {key[2]} «{raw[key[0]:key[1]]}»")
        for key, (tid, text) in outer.items():
            if key not in sys_spans:
                fn[key[2]] += 1
                if args.errors:
                    other = [k[2] for k in sys_spans if k[:2] == key[:2]]
                    print(f"FN {path.stem} {key[2]} «{text}»" + (f" (as {other[0]})" if other else ""))
            elif key[2] == "PER" and tid in links:
                label = words(links[tid])
                if not label or not all("а" <= c <= "я" or not c.isalpha() for w in label for c in w):
                    continue
                if not all(any(w[:3] == lw[:3] for lw in label) for w in words(text)):
                    continue
                nf_all += 1
                name = words(sys_spans[key].name)
                if all(w in label for w in name):
                    nf_ok += 1
                    nf_var += 1
                elif all(any(variant_key(w) == variant_key(lw) for lw in label) for w in name):
                    nf_var += 1  # the linked name spells it another way («Баффетт»)
                elif args.errors:
                    print(f"NF {path.stem} «{text}» → «{sys_spans[key].name}», gold «{links[tid]}»")
    print(f"{args.dir}: {len(files) - skipped} documents ({skipped} skipped: text changed by cleaning)")
    tot = Counter()
    for t in ("PER", "LOC", "ORG"):
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0
        r = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 0
        f = 2 * p * r / (p + r) if p + r else 0
        print(f"  {t}: P {p:.4f} R {r:.4f} F1 {f:.4f}  (tp {tp[t]} fp {fp[t]} fn {fn[t]})")
        tot["tp"] += tp[t]
        tot["fp"] += fp[t]
        tot["fn"] += fn[t]
    p = tot["tp"] / (tot["tp"] + tot["fp"])
    r = tot["tp"] / (tot["tp"] + tot["fn"])
    print(f"  all: P {p:.4f} R {r:.4f} F1 {2 * p * r / (p + r):.4f}")
    print(f"  PER normal form: {nf_ok}/{nf_all} = {nf_ok / max(nf_all, 1):.4f} exact, "
          f"{nf_var / max(nf_all, 1):.4f} up to spelling variants")


if __name__ == "__main__":
    main()
