"""Build dev.jsonl, heldout.jsonl and heldout2.jsonl from their .txt sources and the source texts.

    .venv/bin/python tests/data/times/build.py [FACTRU_DEVSET_DIR]

annotations.txt lists, per document, its expressions in text order as
``text | type | value | mod``; each is located after the previous one, at word edges.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FACTRU = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2].parent / "shared" / "data" / "factru" / "devset"


def sample() -> str:
    from svodka import sample_text
    from svodka.pipeline import make_document
    from svodka.readers import split_title

    title, body = split_title(sample_text())
    return make_document(body, title=title).text  # the repeated paragraph dropped, as svodka does


def parse(path: Path) -> list[dict]:
    docs: list[dict] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            name, pub = line[3:].split(" published=")
            docs.append({"id": name, "published": None if pub == "none" else pub, "items": []})
        elif line.strip():
            text, type_, value, mod = [part.strip() for part in line.split(" | ")]
            docs[-1]["items"].append({"text": text, "type": type_, "value": value, "mod": mod or None})
    return docs


def locate(doc: dict, text: str) -> list[dict]:
    cursor, out = 0, []
    for item in doc["items"]:
        m = re.compile(r"(?<!\w)" + re.escape(item["text"]) + r"(?!\w)").search(text, cursor)
        if m is None:
            raise SystemExit(f"{doc['id']}: {item['text']!r} not found after offset {cursor}")
        out.append({"start": m.start(), "end": m.end(), **item})
        cursor = m.end()
    return out


def build(source: str, target: str) -> None:
    rows = []
    for doc in parse(HERE / source):
        if doc["id"] == "sample":
            text, origin = sample(), "svodka sample (putin-kerry-2013)"
        else:
            text, origin = (FACTRU / f"{doc['id']}.txt").read_text(encoding="utf-8"), f"factRuEval-2016 devset/{doc['id']}.txt"
        rows.append({"id": doc["id"], "source": origin, "published": doc["published"], "text": text, "times": locate(doc, text)})
    with open(HERE / target, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} documents, {sum(len(r['times']) for r in rows)} expressions → {HERE / target}")


def main() -> None:
    build("annotations.txt", "dev.jsonl")
    build("heldout.txt", "heldout.jsonl")
    build("heldout2.txt", "heldout2.jsonl")


if __name__ == "__main__":
    main()
