"""A bounded burst against `svodka serve` on loopback: N requests from C clients to
/api/analyze and /api/search, counting server errors and timing each request.

    python -m svodka.web.burst                       # starts its own server over a small store
    python -m svodka.web.burst --url http://127.0.0.1:8000 --requests 1000 --clients 4

Without --url it ingests the bundled sample article (and its paragraphs as short articles)
into a temporary store, starts `svodka serve` on a free 127.0.0.1 port, warms it up with one
analysis (model loading is not a request's cost), and stops it afterwards.  Only loopback
addresses are accepted: this is a test of our own server, never of someone else's.
Half the requests analyse one paragraph of the sample (200–700 characters), half search
for a word of it with a random page offset.  Prints a Markdown table; exits 1 on any
answer ≥ 500 or any answer that is not JSON.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

LOOPBACK = ("127.0.0.1", "localhost", "::1")
WORDS = ("Путин", "Керри", "сотрудничество", "встреча", "Обама", "Сирия", "саммит", "Лавров", "Кремль", "США")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _paragraphs() -> list[str]:
    from .. import sample_text

    return [p for p in sample_text().split("\n\n") if 150 <= len(p) <= 800]


def _store(folder: Path) -> Path:
    """The sample and each of its paragraphs as an article, ingested into a new store."""
    from .. import sample_text
    from ..corpus import Corpus

    src = folder / "articles"
    src.mkdir()
    (src / "sample.txt").write_text(sample_text(), encoding="utf-8")
    for i, p in enumerate(_paragraphs()):
        (src / f"p{i:02}.txt").write_text(p, encoding="utf-8")
    db = folder / "burst.db"
    with Corpus(db) as corpus:
        corpus.ingest(src, workers=1, published="2013-05-08")
    return db


def _serve(db: Path, port: int) -> subprocess.Popen:
    cmd = [sys.executable, "-c", "from svodka.cli import main; main()", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("burst: the server did not start") from None
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("burst: the server did not start in 60 s")


def _requests(n: int, seed: int) -> list[tuple[str, str, bytes | None]]:
    rng = random.Random(seed)
    paras = _paragraphs()
    out = []
    for i in range(n):
        if i % 2 == 0:
            body = json.dumps({"text": rng.choice(paras), "published": "2013-05-08"}, ensure_ascii=False).encode()
            out.append(("POST", "/api/analyze", body))
        else:
            q = urllib.parse.urlencode({"q": rng.choice(WORDS), "offset": rng.choice((0, 0, 0, 10)), "limit": 10})
            out.append(("GET", f"/api/search?{q}", None))
    return out


def burst(host: str, port: int, n: int = 1000, clients: int = 4, seed: int = 0) -> dict:
    """Send the requests from ``clients`` threads, each on its own keep-alive connection."""
    todo = _requests(n, seed)
    lock = threading.Lock()
    results: list[tuple[str, int, float, bool]] = []

    def client() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=120)
        while True:
            with lock:
                if not todo:
                    break
                method, path, body = todo.pop()
            headers = {"Content-Type": "application/json"} if body else {}
            t0 = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                r = conn.getresponse()
                data = r.read()
                status = r.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=120)
                status, data = 599, b""
            ms = (time.perf_counter() - t0) * 1000
            try:
                json.loads(data)
                is_json = True
            except ValueError:
                is_json = False
            with lock:
                results.append((path.split("?")[0], status, ms, is_json))
        conn.close()

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"results": results, "seconds": time.perf_counter() - t0, "clients": clients}


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else 0.0


def report(run: dict) -> tuple[str, int]:
    rows, bad = [], 0
    lines = ["| endpoint | requests | statuses | median | p95 | max |", "|---|---:|---|---:|---:|---:|"]
    for path in sorted({r[0] for r in run["results"]}):
        mine = [r for r in run["results"] if r[0] == path]
        statuses = Counter(r[1] for r in mine)
        bad += sum(1 for r in mine if r[1] >= 500 or not r[3])
        ms = [r[2] for r in mine]
        shown = ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items()))
        lines.append(f"| {path} | {len(mine)} | {shown} | {_pct(ms, .5):.0f} ms | {_pct(ms, .95):.0f} ms | {max(ms):.0f} ms |")
        rows.append(path)
    total = len(run["results"])
    lines.append("")
    lines.append(
        f"{total} requests from {run['clients']} clients in {run['seconds']:.1f} s "
        f"({total / run['seconds']:.1f} requests/s); server errors or non-JSON answers: **{bad}**."
    )
    return "\n".join(lines), bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", help="a running server on loopback (default: start one over the sample)")
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if not 1 <= args.requests <= 10_000 or not 1 <= args.clients <= 16:
        ap.error("a bounded burst: 1–10,000 requests from 1–16 clients")
    proc = None
    with tempfile.TemporaryDirectory(prefix="svodka-burst-") as tmp:
        if args.url:
            u = urllib.parse.urlsplit(args.url)
            host, port = u.hostname or "", u.port or 80
            if host not in LOOPBACK:
                ap.error("only a loopback server (127.0.0.1, localhost, ::1)")
        else:
            host, port = "127.0.0.1", _free_port()
            proc = _serve(_store(Path(tmp)), port)
        try:
            burst(host, port, 2, 1, seed=args.seed + 1)  # warm-up: models load on the first analysis
            load = os.getloadavg()[0]
            text, bad = report(burst(host, port, args.requests, args.clients, args.seed))
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(10)
    print(text)
    print(f"\nLoad average before the burst: {load:.1f} on {os.cpu_count()} cores.")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
