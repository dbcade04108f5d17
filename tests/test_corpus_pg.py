"""A throw-away PostgreSQL server for the corpus tests: initdb + pg_ctl on a free loopback port.

Imported by tests/test_corpus*.py; the server starts once per session and is torn
down at the end.  PostgreSQL refuses to run as root, so as root the server runs
as the `postgres` user (created by Debian's package; else we create a system user).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

PG_USER = "svodka"


def pg_bindir() -> Path | None:
    """The directory with initdb, pg_ctl and postgres: on PATH, else Debian's /usr/lib/postgresql/N/bin."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    return Path(dirs[-1]).parent if dirs else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as() -> tuple[list[str], int | None, int | None]:
    """Command prefix to run the server as a non-root user, and that user's uid/gid."""
    if os.geteuid() != 0:
        return [], None, None
    for name in ("postgres", "svodka-pg"):
        try:
            pw = pwd.getpwnam(name)
            break
        except KeyError:
            continue
    else:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/bin/sh", "svodka-pg"], check=True)
        pw = pwd.getpwnam("svodka-pg")
    prefix = (
        ["runuser", "-u", pw.pw_name, "--"] if shutil.which("runuser") else ["su", pw.pw_name, "-s", "/bin/sh", "-c"]
    )
    return prefix, pw.pw_uid, pw.pw_gid


def _cmd(prefix: list[str], args: list[str]) -> list[str]:
    if prefix and prefix[0] == "su":
        import shlex

        return prefix + [shlex.join(args)]
    return prefix + args


class PgServer:
    def __init__(self) -> None:
        bindir = pg_bindir()
        if bindir is None:
            pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found: run scripts/ensure-postgres.sh")
        self.bindir = bindir
        self.prefix, uid, gid = _run_as()
        self.base = Path(tempfile.mkdtemp(prefix="svodka-pg-"))
        if uid is not None:
            os.chown(self.base, uid, gid)
        self.data = self.base / "data"
        self.port = _free_port()
        self._run(
            [
                str(bindir / "initdb"),
                "-D",
                str(self.data),
                "-U",
                PG_USER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ]
        )
        opts = (
            f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.base / "log"),
                "-w",
                "-t",
                "60",
                "-o",
                opts,
                "start",
            ]
        )

    def _run(self, args: list[str]) -> None:
        proc = subprocess.run(_cmd(self.prefix, args), check=False, capture_output=True, text=True, cwd=self.base)
        if proc.returncode:
            log = (self.base / "log").read_text() if (self.base / "log").exists() else ""
            raise RuntimeError(f"{args[0]} failed: {proc.stderr or proc.stdout}\n{log[-2000:]}")

    def new_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={PG_USER} dbname=postgres", autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://{PG_USER}@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            self._run([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        finally:
            shutil.rmtree(self.base, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    server = PgServer()
    yield server
    server.stop()


@pytest.mark.postgres
def test_server_speaks_russian_text_search(pg_server):
    """The throw-away server has the `russian` snowball configuration the store relies on."""
    import psycopg

    url = pg_server.new_database().replace("postgresql://", "postgresql://", 1)
    with psycopg.connect(url) as c:
        lexemes = c.execute("SELECT to_tsvector('russian', 'госсекретарем США')::text").fetchone()[0]
    assert "госсекретар" in lexemes


@pytest.mark.postgres
def test_synthetic_store_copied_or_moved_into_postgres_equals_sqlite(pg_server, factru_dir, tmp_path):
    """The COPY bulk loader of synthetic stores (PostgreSQL) gives the same documents, identities and
    links as the SQLite loader: the scale benchmark compares like with like."""
    from sqlalchemy import text

    from svodka.corpus.engine import make_engine
    from svodka.corpus.synthetic import build

    from svodka.corpus.api import Corpus
    from svodka.corpus.transfer import copy_store

    pg, moved = pg_server.new_database(), pg_server.new_database()
    build(pg, 400, factru_dir)
    build(tmp_path / "syn.db", 400, factru_dir)
    copy_store(tmp_path / "syn.db", moved)  # a whole SQLite store moved over, derived tables and all

    def dump(url: str) -> dict[str, list[tuple]]:
        engine = make_engine(url)
        with engine.connect() as conn:
            out = {q: [tuple(r) for r in conn.execute(text(q))] for q in (
                "SELECT id, name, type, n_docs FROM entities ORDER BY id",
                "SELECT id, dup_group, published FROM documents ORDER BY id",
                "SELECT doc_id, local_id, entity_id FROM doc_entities ORDER BY doc_id, local_id",
                "SELECT count(*) FROM lsh_bands")}
        engine.dispose()
        return out

    got, want = dump(pg), dump(f"sqlite:///{tmp_path / 'syn.db'}")
    assert len(want["SELECT id, name, type, n_docs FROM entities ORDER BY id"]) > 100
    assert got == want
    assert dump(moved) == want
    corpus = Corpus(moved)  # and the moved store answers like one built on PostgreSQL (its own ranking)
    original = Corpus(pg)
    assert [h.id for h in corpus.search("россия", limit=20)] == [h.id for h in original.search("россия", limit=20)]
