"""Build src/svodka/data/speech_frames.json: speech verbs and source nouns counted by their syntactic frame.

Run: .venv/bin/python scripts/build_speech_frames.py [--limit N]   (about 3 minutes on 2 cores)

Texts: NEREL train (Wikinews) and the factRuEval devset documents of the tuning split
(``svodka.eval.splits``-style rule: ``sha1(name) % 4 != 0``); NEREL dev and the held-out
factRuEval documents are never read.  Each text is analysed by svodka (natasha's UD syntax
and the entity layer), and two frames are counted:

* a verb whose subject is a person or an organisation (a mention, or a personal pronoun)
  and which governs a clause opened by «что», «будто» or «якобы» after a comma, or a colon
  (``verbs``: lemma -> [clauses, all finite or adverbial-participle uses]);
* «по / согласно» opening a sentence or following a comma or dash, + a noun in the dative
  (adjectives may stand between) whose genitive dependent is a person or an organisation
  or which takes «его / её / их», the phrase closed by a comma (``sources``: lemma ->
  [frames, all uses of «по / согласно» + the noun in that position]).

The quotes layer keeps the lemmas seen in the frame at least ``MIN_COUNT`` times and in at
least ``MIN_SHARE`` of their uses (see lexicon.py).
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "svodka" / "data" / "speech_frames.json"
_CLAUSE = {"что", "будто", "якобы"}
_PRON = {"он", "она", "они"}


def _texts(limit: int | None) -> list[tuple[str, str]]:
    out = []
    for p in sorted((SHARED / "nerel" / "train").glob("*.txt")):
        out.append((f"nerel:train/{p.stem}", p.read_text(encoding="utf-8")))
    for p in sorted((SHARED / "factru" / "devset").glob("book_*.txt")):
        if int(hashlib.sha1(p.stem.encode()).hexdigest(), 16) % 4 != 0:  # the tuning split only
            out.append((f"factru:{p.stem}", p.read_text(encoding="utf-8")))
    return out[:limit] if limit else out


def _count(doc, verbs: dict[str, Counter], sources: dict[str, Counter]) -> None:
    toks = doc.tokens
    speaker: set[int] = set()  # tokens inside person / organisation mentions
    starts = [t.start for t in toks]
    for ent in doc.entities:
        if ent.type not in ("PER", "ORG"):
            continue
        for m in ent.mentions:
            lo = bisect.bisect_left(starts, m.start)
            hi = bisect.bisect_left(starts, m.end)
            speaker.update(range(lo, hi))
    children: list[list[int]] = [[] for _ in toks]
    for i, t in enumerate(toks):
        if t.head >= 0:
            children[t.head].append(i)

    def voiced(i: int) -> bool:
        return i in speaker or toks[i].lemma in _PRON

    for i, t in enumerate(toks):
        if t.pos == "VERB" and t.feats.get("VerbForm") in ("Fin", "Conv"):
            verbs.setdefault(t.lemma, Counter())["all"] += 1
            subj = [c for c in children[i] if toks[c].rel in ("nsubj",)]
            if not subj or not voiced(subj[0]):
                continue
            for k in range(i + 1, min(len(toks) - 1, i + 6)):
                if toks[k].sent != t.sent or (toks[k].pos in ("VERB", "AUX") and toks[k].feats.get("VerbForm") == "Fin"):
                    break
                if (toks[k].text == "," and toks[k + 1].lemma in _CLAUSE) or toks[k].text == ":":
                    verbs[t.lemma]["clause"] += 1
                    break
        opens = i == 0 or toks[i - 1].sent != t.sent or toks[i - 1].text in (",", "—", "(")
        if t.lemma in ("по", "согласно") and i + 1 < len(toks) and opens:
            j = i + 1
            while j < len(toks) and toks[j].pos == "ADJ":
                j += 1
            if j >= len(toks) or toks[j].pos != "NOUN" or toks[j].feats.get("Case") != "Dat":
                if j < len(toks) and toks[j].lemma in ("его", "её", "ее", "их") and j + 1 < len(toks) and toks[j + 1].pos == "NOUN":
                    j += 1  # «по его словам»
                else:
                    continue
            noun = toks[j]
            sources.setdefault(noun.lemma, Counter())["all"] += 1
            owner = [c for c in children[j] if toks[c].rel in ("nmod", "det") and (c in speaker or toks[c].lemma in ("его", "её", "ее", "их", "он", "она", "они"))]
            owner += [j - 1] if toks[j - 1].lemma in ("его", "её", "ее", "их") else []
            comma = next((k for k in range(j + 1, min(len(toks), j + 12)) if toks[k].text in (",", ".")), None)
            if owner and comma is not None and toks[comma].text == ",":
                sources[noun.lemma]["frame"] += 1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from svodka import analyze
    from svodka.models import load_models

    models = load_models()
    verbs: dict[str, Counter] = {}
    sources: dict[str, Counter] = {}
    texts = _texts(args.limit)
    for n, (_name, text) in enumerate(texts):
        try:
            doc = analyze(text, models=models, quotes=False, times=False, facts=False, brief=False)
        except Exception as exc:  # noqa: BLE001 - a text the pipeline rejects is skipped, not fatal
            print(f"skipped {_name}: {exc}", file=sys.stderr)
            continue
        _count(doc, verbs, sources)
        if n % 200 == 0:
            print(f"{n}/{len(texts)}", file=sys.stderr)
    data = {
        "source": f"{len(texts)} texts: NEREL train and the factRuEval devset tuning split (sha1 % 4 != 0)",
        "built_by": "scripts/build_speech_frames.py",
        "verbs": {k: [c["clause"], c["all"]] for k, c in sorted(verbs.items()) if c["clause"]},
        "sources": {k: [c["frame"], c["all"]] for k, c in sorted(sources.items()) if c["frame"]},
    }
    lines = [f'"{k}": {json.dumps(v, ensure_ascii=False)}' for k, v in data.items() if isinstance(v, str)]
    for part in ("verbs", "sources"):
        rows = ",\n".join(f"  {json.dumps(k, ensure_ascii=False)}: {v}" for k, v in data[part].items())
        lines.append(f'"{part}": {{\n{rows}\n}}')
    OUT.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"{OUT}: {len(data['verbs'])} verbs, {len(data['sources'])} source nouns")


if __name__ == "__main__":
    main()
