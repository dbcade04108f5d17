"""Speed work's invariant and profile: dump svodka's JSON of a fixed workload and time each stage.

    python scripts/speed_check.py dump OUTDIR      # 122 devset texts + the sample + 50 NEREL train texts
    python scripts/speed_check.py time [--natasha] # CPU ms/doc per stage (time.process_time) on the devset

Compare two dumps with `diff -r A B`.  Workload as in svodka.bench (one document at a time).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def workload() -> list[tuple[str, str, str | None]]:
    from svodka.bench import _texts

    items = [(f"factru-{i:03d}", t, None) for i, t in enumerate(_texts(DATA / "factru" / "devset"))]
    items.append(("sample", (ROOT.parent / "shared" / "samples" / "putin-kerry-2013.txt").read_text(encoding="utf-8"), "2013-05-08"))
    for p in sorted((DATA / "nerel" / "train").glob("*.txt"))[:50]:
        items.append((f"nerel-{p.stem}", p.read_text(encoding="utf-8"), None))
    return items


def dump(out: Path) -> None:
    from svodka.models import load_models
    from svodka.pipeline import analyze

    out.mkdir(parents=True, exist_ok=True)
    models = load_models()
    for name, text, published in workload():
        doc = analyze(text, published=published, models=models)
        (out / f"{name}.json").write_text(doc.to_json(indent=2), encoding="utf-8")


def timing(natasha: bool) -> None:
    from svodka.bench import _texts

    texts = _texts(DATA / "factru" / "devset")
    if natasha:
        from svodka.bench import _runner

        run = _runner("natasha")
        for t in texts[:3]:
            run(t)
        t0 = time.process_time()
        for t in texts:
            run(t)
        print(f"natasha {1000 * (time.process_time() - t0) / len(texts):.1f} ms/doc")
        return
    from svodka import pipeline
    from svodka.models import load_models

    models = load_models()
    spent: dict[str, float] = {}
    orig = {c.name: c.func for c in pipeline.COMPONENTS}

    def timed(name, func):
        def wrap(doc, models, *a):
            t = time.process_time()
            try:
                return func(doc, models, *a)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t
        return wrap

    pipeline._parse = timed("parse", pipeline._parse)
    pipeline.COMPONENTS = tuple(
        pipeline.Component(c.name, timed(c.name, orig[c.name]) if c.name != "parse" else c.func, c.requires, c.assigns, c.setting)
        for c in pipeline.COMPONENTS
    )
    for t in texts[:3]:
        pipeline.analyze(t, models=models)
    spent.clear()
    t0 = time.process_time()
    for t in texts:
        pipeline.analyze(t, models=models)
    total = time.process_time() - t0
    n = len(texts)
    print(f"svodka total {1000 * total / n:.1f} ms/doc; " + ", ".join(f"{k} {1000 * v / n:.1f}" for k, v in spent.items()))


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(Path(sys.argv[2]))
    else:
        timing("--natasha" in sys.argv)
