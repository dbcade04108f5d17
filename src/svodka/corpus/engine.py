"""Opening a store: URL rules, SQLite pragmas (WAL), and migrations applied on open."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

from ..errors import ConfigError

DEFAULT_URL = "sqlite:///svodka.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def normalise_url(url: str | Path | None) -> str:
    """``None`` → ./svodka.db; a bare path → SQLite; ``postgresql://`` → the psycopg 3 driver."""
    if url is None or str(url) == "":
        return DEFAULT_URL
    text = str(url)
    if "://" not in text:
        return f"sqlite:///{text}"
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    if text.startswith(("sqlite:", "postgresql+")):
        return text
    raise ConfigError(f"db: expected a sqlite:/// or postgresql:// URL or a file path, got {text!r}")


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers never block the writer; a killed writer leaves no torn pages
    cur.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable at checkpoints, never corrupt
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url: str | Path | None = None, migrate: bool = True) -> Engine:
    """An engine on the store, its schema brought to the newest revision."""
    full = normalise_url(url)
    try:
        if full.startswith("sqlite"):
            engine = create_engine(full, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(full, pool_pre_ping=True)
    except Exception as exc:  # bad URL syntax, missing driver
        raise ConfigError(f"db: cannot open {full!r} ({exc})") from exc
    if migrate:
        upgrade(engine)
    return engine


def upgrade(engine: Engine) -> None:
    """Apply the migrations shipped inside the package (programmatic Alembic, no alembic.ini)."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    try:
        # The first connection is made under the lock too: it switches a new SQLite file to WAL, which
        # needs an exclusive lock that SQLite may refuse at once («database is locked», no busy wait)
        # while another process creates the tables (seen with 8 concurrent first opens on a loaded machine).
        with _migration_lock(engine):
            with engine.connect() as conn:
                if MigrationContext.configure(conn).get_current_revision() == head:
                    return
            with engine.begin() as conn:
                # look again in the migrating transaction (PostgreSQL takes no file lock)
                if MigrationContext.configure(conn).get_current_revision() != head:
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
    except Exception as exc:
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError):
            raise ConfigError(f"db: cannot use {engine.url.render_as_string(hide_password=True)} ({exc.orig})") from exc
        raise


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """Only one process migrates a SQLite file at a time: two first opens of a new store would
    otherwise both create its tables («table alembic_version already exists»).  SQLite's own
    locks do not help, as pysqlite runs the DDL outside a transaction.  An advisory lock on a
    file beside the store serialises them; PostgreSQL migrates in one transaction, and an
    in-memory SQLite store is private to its process."""
    path = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    if not path or path == ":memory:" or path.startswith("file:"):
        yield
        return
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    with open(f"{path}.lock", "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
