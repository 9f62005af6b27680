"""The knowledge base: a store of extracted records, in SQLite or (``postgresql://`` URLs) PostgreSQL.

Opening and migrating (the schema is in :mod:`idefx.schema`; ``PRAGMA user_version``
records its version; a newer idefx upgrades an older store in place, an older idefx
refuses a newer store), saving one document per transaction (idempotent by content
hash), forgetting a document with everything derived only from it, and exporting.
Who is the same person across documents is :mod:`idefx.store_people`'s job.

Connections use WAL and a busy timeout, and writes take the write lock up
front (``BEGIN IMMEDIATE``), so several ``idefx extract`` processes can save
into the same store at once; a killed process loses at most the document it
was writing. The SQL is SQLite's; :mod:`idefx.store_postgres` speaks it to a
PostgreSQL server, where writes take turns the same way.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

from idefx import store_people
from idefx.errors import EXIT_OUTPUT, EXIT_USAGE, IdefxError
from idefx.schema import MIGRATIONS, SCHEMA_VERSION, SIGHTINGS_VERSION, SIGNATURES_VERSION
from idefx.store_rows import add_evidence, shared_ids

if TYPE_CHECKING:  # the record model (pydantic) is only needed by callers that save; queries stay light
    from idefx.records import DocumentRecord

ENV_VAR = "IDEFX_DB"
APP_NAME = "idefx"
DB_FILENAME = "idefx.sqlite3"
BUSY_TIMEOUT_MS = 60_000



class StoreError(IdefxError):
    """A store that cannot be opened, read or written; the message is one line for the user."""

    exit_code = EXIT_OUTPUT


class QueryError(StoreError):
    """A request the store cannot answer as asked: a bad filter value, no match, an ambiguous name."""

    exit_code = EXIT_USAGE


def default_path() -> Path:
    import typer

    return Path(typer.get_app_dir(APP_NAME)) / DB_FILENAME


def is_url(db: object) -> bool:
    """Whether ``db`` names a PostgreSQL store (``postgresql://...``) rather than a SQLite file."""
    return isinstance(db, str) and db.startswith(("postgresql://", "postgres://"))


def shown(location: os.PathLike | str) -> str:
    """A store's location for messages: a PostgreSQL URL without its password."""
    from urllib.parse import urlsplit, urlunsplit

    if not is_url(location):
        return str(location)
    parts = urlsplit(location)
    if parts.password is None:
        return location
    return urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@")))


def resolve_path(db: Optional[os.PathLike | str] = None) -> Path | str:
    """The store to use: ``db`` if given, else ``$IDEFX_DB``, else the default in the user's data directory (a
    file's Path, or a PostgreSQL URL as it is)."""
    db = db or os.environ.get(ENV_VAR) or default_path()
    return db if is_url(db) else Path(db)


def database_errors() -> tuple[type[Exception], ...]:
    """The exceptions a store's database may raise (PostgreSQL's only when its driver is loaded)."""
    import sys

    postgres = sys.modules.get("idefx.store_postgres")
    return (sqlite3.Error, postgres.Error) if postgres else (sqlite3.Error,)


def _connect_postgres(url: str, create: bool):
    try:
        from idefx import store_postgres
    except ImportError:
        raise StoreError("a PostgreSQL store needs its driver: pip install 'idefx[postgres]'") from None
    try:
        if not create and not store_postgres.has_store(url):
            raise StoreError(f"no store at {shown(url)} (idefx extract creates one; check --db or "
                             f"${ENV_VAR})")
        conn = store_postgres.connect(url)
    except store_postgres.Error as exc:
        raise StoreError(f"cannot open store {shown(url)}: {exc}".splitlines()[0]) from None
    try:
        migrate(conn)
    except store_postgres.Error as exc:
        conn.close()
        raise StoreError(f"cannot open store {shown(url)}: {exc}".splitlines()[0]) from None
    except StoreError:
        conn.close()
        raise
    return conn


def connect(path: os.PathLike | str, create: bool = True) -> sqlite3.Connection:
    """Open (upgrading as needed) the store at ``path`` (a file, or a PostgreSQL URL); a missing store is created
    only if ``create``, else refused without creating anything (not even its folder)."""
    if is_url(path):
        return _connect_postgres(path, create)
    path = Path(path)
    if not create and not path.exists():
        raise StoreError(f"no store at {path} (idefx extract creates one; check --db or ${ENV_VAR})")
    try:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"cannot open store {path}: {exc}") from None
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _use_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"cannot open store {path}: {exc}") from None
    except StoreError:
        conn.close()
        raise
    return conn


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL. Converting a new store needs an exclusive lock, for which SQLite does not wait when
    another process is converting or writing the same file at that moment: retry until the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> None:
    """Bring the schema up to ``target``, one migration per step, all in one transaction."""
    if schema_version(conn) == target:
        return
    with transaction(conn):
        version = schema_version(conn)
        if version > SCHEMA_VERSION:
            raise StoreError(f"the store has schema version {version}, newer than this idefx supports "
                             f"({SCHEMA_VERSION}); upgrade idefx")
        for step in range(version, target):
            for statement in MIGRATIONS[step]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step + 1}")
        if version < SIGHTINGS_VERSION <= target:
            store_people.rebuild(conn)
        if version < SIGNATURES_VERSION <= target:
            store_people.sign_all(conn)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: commit on success, roll back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# ---------------------------------------------------------------- saving


def save_record(conn: sqlite3.Connection, record: DocumentRecord) -> int:
    """Save one record in one transaction, replacing an earlier save of the same text; return its row id."""
    with transaction(conn):
        old = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (record.sha256,)).fetchone()
        removed = store_people.Removed(set(), {}, set())
        if old is not None:
            removed = store_people.document_sightings(conn, old["id"])
            shared = _shared_rows(conn, old["id"])
            store_people.uncount_person_rows(conn, old["id"])
            conn.execute("DELETE FROM documents WHERE id = ?", (old["id"],))
        doc_row = _insert_document(conn, record)
        _save_items(conn, doc_row, record)
        keys = removed.keys | store_people.add_sightings(conn, doc_row, record, removed.people)
        store_people.resolve(conn, keys, {doc_row: record}, removed.people.values(), removed.signatures)
        if old is not None:
            _prune(conn, *shared)
    return doc_row


def save_or_fail(conn: sqlite3.Connection, record: DocumentRecord) -> None:
    """:func:`save_record`, with a database failure raised as a one-line :class:`StoreError`."""
    try:
        save_record(conn, record)
    except database_errors() as exc:
        raise StoreError(f"cannot save {record.id}: {exc}") from None


def save_unless_stored(conn: sqlite3.Connection, record: DocumentRecord) -> bool:
    """:func:`save_or_fail` unless the store holds this very record already; whether it saved."""
    row = conn.execute("SELECT record FROM documents WHERE sha256 = ?", (record.sha256,)).fetchone()
    if row is not None and row[0] == record.model_dump_json():
        return False
    save_or_fail(conn, record)
    return True


def _insert_document(conn: sqlite3.Connection, record: DocumentRecord) -> int:
    cur = conn.execute(
        "INSERT INTO documents (doc_id, path, sha256, published, title, saved_at, record) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (record.id, record.path, record.sha256, record.published, record.title,
         datetime.now(timezone.utc).isoformat(timespec="seconds"), record.model_dump_json()))
    return cur.lastrowid


def _save_items(conn: sqlite3.Connection, doc_row: int, record: DocumentRecord) -> None:
    org_ids, event_of = shared_ids(conn, [(org.name, org.country) for org in record.organizations],
                                   [event.name for event in record.events]
                                   + [meeting.event for meeting in record.meetings if meeting.event])
    orgs = [(org_ids[org.name], org) for org in record.organizations]
    events = [(event_of[event.name], event) for event in record.events]
    conn.executemany("INSERT OR IGNORE INTO document_organisations VALUES (?, ?)", [(doc_row, i) for i, _ in orgs])
    conn.executemany("INSERT OR IGNORE INTO document_events VALUES (?, ?)", [(doc_row, i) for i, _ in events])
    conn.executemany("INSERT OR IGNORE INTO document_countries VALUES (?, ?, ?)",
                     [(doc_row, country.code, country.name) for country in record.countries])
    for org_id, org in orgs:
        add_evidence(conn, doc_row, "organisation", org_id, None, org.mentions)
    for eid, event in events:
        add_evidence(conn, doc_row, "event", eid, None, event.mentions)
    for country in record.countries:
        add_evidence(conn, doc_row, "country", None, country.code, country.mentions)
    for venue in record.venues:
        add_evidence(conn, doc_row, "venue", None, venue.name, venue.mentions)
    conn.executemany('INSERT INTO evidence (document_id, kind, ref_id, label, start, "end", text) '
                     "VALUES (?, 'date', NULL, ?, ?, ?, ?)",
                     [(doc_row, d.date, d.start, d.end, d.text) for d in record.dates])
    _save_meetings(conn, doc_row, record, event_of)


def _save_meetings(conn: sqlite3.Connection, doc_row: int, record: DocumentRecord, event_of: dict[str, int]) -> None:
    """The record's meetings, their parties and evidence (who took part is written with the people)."""
    events = [event_of[m.event] if m.event else None for m in record.meetings]
    conn.executemany("INSERT OR IGNORE INTO document_events VALUES (?, ?)",
                     [(doc_row, eid) for eid in events if eid is not None])
    conn.executemany(
        "INSERT INTO meetings (document_id, ordinal, mode, date, city, country, venue, event_id, topic, "
        "evidence_start, evidence_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_row, ordinal, m.mode, m.date, m.city, m.country, m.venue, eid, m.topic, *m.evidence_extent())
         for ordinal, (m, eid) in enumerate(zip(record.meetings, events))])
    if not record.meetings:
        return
    meeting_ids = dict(conn.execute("SELECT ordinal, id FROM meetings WHERE document_id = ?", (doc_row,)).fetchall())
    conn.executemany("INSERT OR IGNORE INTO meeting_parties VALUES (?, ?)",
                     [(meeting_ids[ordinal], c) for ordinal, m in enumerate(record.meetings) for c in m.parties])
    for ordinal, meeting in enumerate(record.meetings):
        add_evidence(conn, doc_row, "meeting", meeting_ids[ordinal], None, meeting.evidence)


def _shared_rows(conn: sqlite3.Connection, doc_row: int) -> tuple[list[int], list[int]]:
    """The organisations and events one document refers to: the only ones its removal can leave unused (every
    one a save writes is referred to by it)."""
    orgs = [r[0] for r in conn.execute(
        "SELECT organisation_id FROM document_organisations WHERE document_id = ? UNION "
        "SELECT organisation_id FROM person_roles WHERE document_id = ? AND organisation_id IS NOT NULL",
        (doc_row, doc_row)).fetchall()]
    events = [r[0] for r in conn.execute(
        "SELECT event_id FROM document_events WHERE document_id = ? UNION "
        "SELECT event_id FROM meetings WHERE document_id = ? AND event_id IS NOT NULL", (doc_row, doc_row)).fetchall()]
    return orgs, events


def _prune(conn: sqlite3.Connection, orgs: list[int], events: list[int]) -> None:
    """Remove those of ``orgs`` and ``events`` no document refers to any more."""
    conn.execute("""DELETE FROM organisations WHERE id IN (SELECT value FROM json_each(?))
        AND NOT EXISTS (SELECT 1 FROM person_roles r WHERE r.organisation_id = organisations.id)
        AND NOT EXISTS (SELECT 1 FROM document_organisations d WHERE d.organisation_id = organisations.id)""",
                 (json.dumps(sorted(orgs)),))
    conn.execute("""DELETE FROM events WHERE id IN (SELECT value FROM json_each(?))
        AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.event_id = events.id)
        AND NOT EXISTS (SELECT 1 FROM document_events d WHERE d.event_id = events.id)""", (json.dumps(sorted(events)),))


# ---------------------------------------------------------------- forgetting


def find_documents(conn: sqlite3.Connection, ref: str) -> list[sqlite3.Row]:
    """Documents named by ``ref``: their id (file stem), path, or a prefix of their SHA-256 (6+ hex digits)."""
    ref = ref.strip()
    prefix = ref.lower() if len(ref) >= 6 and all(c in "0123456789abcdef" for c in ref.lower()) else None
    by_hash, params = (" OR substr(sha256, 1, ?) = ?", [len(prefix), prefix]) if prefix else ("", [])
    return conn.execute(f"SELECT id, doc_id, path, sha256 FROM documents WHERE doc_id = ? OR path = ?{by_hash} "
                        "ORDER BY id", [ref, ref, *params]).fetchall()


def forget(conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    """Remove one document and everything derived only from it; return the removed document's row."""
    with transaction(conn):
        found = find_documents(conn, ref)
        if not found:
            raise QueryError(f"no stored document matches {ref!r}")
        if len(found) > 1:
            listed = ", ".join(f"{r['doc_id']} ({r['sha256'][:12]})" for r in found)
            raise QueryError(f"{ref!r} matches {len(found)} documents: {listed}; give a longer SHA-256 prefix")
        doc = found[0]
        removed = store_people.document_sightings(conn, doc["id"])
        shared = _shared_rows(conn, doc["id"])
        store_people.uncount_person_rows(conn, doc["id"])
        conn.execute("DELETE FROM documents WHERE id = ?", (doc["id"],))
        store_people.resolve(conn, removed.keys, {}, removed.people.values(), removed.signatures)
        _prune(conn, *shared)
    return doc


# ---------------------------------------------------------------- export

EXPORT_TABLES = ("documents", "people", "person_aliases", "person_roles", "organisations", "document_organisations",
                 "events", "document_events", "document_countries", "meetings", "participants", "meeting_parties",
                 "evidence", "sightings", "sighting_forms", "person_names", "person_countries")


def _known_table(table: str) -> str:
    if table not in EXPORT_TABLES:
        raise QueryError(f"unknown table {table!r}")
    return table


def table_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The column names of one store table (``table`` must be one of EXPORT_TABLES)."""
    columns = [d[0] for d in conn.execute(f'SELECT * FROM "{_known_table(table)}" LIMIT 0').description]
    return [c for c in columns if c != "rowid"]  # PostgreSQL's stand-in for SQLite's hidden rowid


def table_rows(conn: sqlite3.Connection, table: str) -> Iterator[dict]:
    """Every row of one store table, in row order (``table`` must be one of EXPORT_TABLES)."""
    columns = table_columns(conn, table)
    listed = ", ".join(f'"{c}"' for c in columns)
    order = "id" if "id" in columns else "rowid"
    for row in conn.execute(f'SELECT {listed} FROM "{table}" ORDER BY {order}'):
        yield dict(zip(columns, row))

