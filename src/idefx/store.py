"""The knowledge base: a SQLite store of extracted records.

Schema and migrations (``PRAGMA user_version`` records the schema version; a
newer idefx upgrades an older store in place, an older idefx refuses a newer
store), saving one document per transaction (idempotent by content hash),
forgetting a document with everything derived only from it, and resolving
the same person across documents into one entity.

Connections use WAL and a busy timeout, and writes take the write lock up
front (``BEGIN IMMEDIATE``), so several ``idefx extract`` processes can save
into the same store at once; a killed process loses at most the document it
was writing.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections import Counter
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

from idefx.errors import EXIT_OUTPUT, EXIT_USAGE, IdefxError
from idefx.names import name_key, surname_key, token_count

if TYPE_CHECKING:  # the record model (pydantic) is only needed by callers that save; queries stay light
    from idefx.records import DocumentRecord, Person

ENV_VAR = "IDEFX_DB"
APP_NAME = "idefx"
DB_FILENAME = "idefx.sqlite3"
BUSY_TIMEOUT_MS = 60_000

MIGRATIONS: list[list[str]] = [
    # 1: documents and what was extracted from them.
    [
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL,
            path TEXT,
            sha256 TEXT NOT NULL UNIQUE,
            published TEXT,
            title TEXT,
            saved_at TEXT NOT NULL,
            record TEXT NOT NULL)""",
        """CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            country TEXT)""",
        """CREATE TABLE person_aliases (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            alias_key TEXT NOT NULL,
            is_name INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (person_id, document_id, alias))""",
        """CREATE TABLE organisations (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            country TEXT)""",
        """CREATE TABLE person_roles (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            title TEXT,
            title_key TEXT,
            organisation_id INTEGER REFERENCES organisations(id),
            country TEXT)""",
        """CREATE TABLE document_organisations (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            organisation_id INTEGER NOT NULL REFERENCES organisations(id),
            PRIMARY KEY (document_id, organisation_id))""",
        """CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE)""",
        """CREATE TABLE document_events (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            event_id INTEGER NOT NULL REFERENCES events(id),
            PRIMARY KEY (document_id, event_id))""",
        """CREATE TABLE document_countries (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            code TEXT NOT NULL,
            name TEXT,
            PRIMARY KEY (document_id, code))""",
        """CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            mode TEXT NOT NULL,
            date TEXT,
            city TEXT,
            country TEXT,
            venue TEXT,
            event_id INTEGER REFERENCES events(id),
            topic TEXT)""",
        """CREATE TABLE participants (
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id),
            role TEXT NOT NULL CHECK (role IN ('host', 'guest', 'participant')),
            PRIMARY KEY (meeting_id, person_id))""",
        """CREATE TABLE meeting_parties (
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            country TEXT NOT NULL,
            PRIMARY KEY (meeting_id, country))""",
    ],
    # 2: evidence offsets for every stored item, and the indexes the queries rely on.
    [
        """CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL
                CHECK (kind IN ('person', 'organisation', 'country', 'event', 'venue', 'meeting', 'date')),
            ref_id INTEGER,
            label TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL)""",
        "CREATE INDEX evidence_ref ON evidence(kind, ref_id)",
        "CREATE INDEX evidence_document ON evidence(document_id)",
        "CREATE INDEX people_name_key ON people(name_key)",
        "CREATE INDEX people_country ON people(country)",
        "CREATE INDEX aliases_key ON person_aliases(alias_key)",
        "CREATE INDEX aliases_document ON person_aliases(document_id)",
        "CREATE INDEX roles_person ON person_roles(person_id)",
        "CREATE INDEX roles_document ON person_roles(document_id)",
        "CREATE INDEX roles_organisation ON person_roles(organisation_id)",
        "CREATE INDEX roles_country ON person_roles(country)",
        "CREATE INDEX meetings_document ON meetings(document_id)",
        "CREATE INDEX meetings_date ON meetings(date)",
        "CREATE INDEX meetings_event ON meetings(event_id)",
        "CREATE INDEX participants_person ON participants(person_id)",
        "CREATE INDEX parties_country ON meeting_parties(country)",
        "CREATE INDEX documents_doc_id ON documents(doc_id)",
        "CREATE INDEX document_organisations_org ON document_organisations(organisation_id)",
        "CREATE INDEX document_events_event ON document_events(event_id)",
        "CREATE INDEX document_countries_code ON document_countries(code)",
    ],
    # 3: each meeting carries the extent of its evidence, so listings need no per-meeting lookup.
    [
        "ALTER TABLE meetings ADD COLUMN evidence_start INTEGER",
        "ALTER TABLE meetings ADD COLUMN evidence_end INTEGER",
        """UPDATE meetings SET
            evidence_start = (SELECT min(start) FROM evidence v WHERE v.kind = 'meeting' AND v.ref_id = meetings.id),
            evidence_end = (SELECT max("end") FROM evidence v WHERE v.kind = 'meeting' AND v.ref_id = meetings.id)""",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(IdefxError):
    """A store that cannot be opened, read or written; the message is one line for the user."""

    exit_code = EXIT_OUTPUT


class QueryError(StoreError):
    """A request the store cannot answer as asked: a bad filter value, no match, an ambiguous name."""

    exit_code = EXIT_USAGE


def default_path() -> Path:
    import typer

    return Path(typer.get_app_dir(APP_NAME)) / DB_FILENAME


def resolve_path(db: Optional[os.PathLike | str] = None) -> Path:
    """The store to use: ``db`` if given, else ``$IDEFX_DB``, else the default in the user's data directory."""
    if db:
        return Path(db)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    return default_path()


def connect(path: os.PathLike | str, create: bool = True) -> sqlite3.Connection:
    """Open (upgrading as needed) the store at ``path``; a missing store is created only if ``create``, else
    refused without creating anything (not even its folder)."""
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
        affected: set[int] = set()
        if old is not None:
            affected = _document_people(conn, old["id"])
            conn.execute("DELETE FROM documents WHERE id = ?", (old["id"],))
        doc_row = _insert_document(conn, record)
        people = _save_people(conn, doc_row, record)
        _save_items(conn, doc_row, record)
        _save_meetings(conn, doc_row, record, people)
        _refresh_people(conn, affected | set(people.values()))
        _prune(conn)
    return doc_row


def save_or_fail(conn: sqlite3.Connection, record: DocumentRecord) -> None:
    """:func:`save_record`, with a database failure raised as a one-line :class:`StoreError`."""
    try:
        save_record(conn, record)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot save {record.id}: {exc}") from None


def _insert_document(conn: sqlite3.Connection, record: DocumentRecord) -> int:
    cur = conn.execute(
        "INSERT INTO documents (doc_id, path, sha256, published, title, saved_at, record) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (record.id, record.path, record.sha256, record.published, record.title,
         datetime.now(timezone.utc).isoformat(timespec="seconds"), record.model_dump_json()))
    return cur.lastrowid


def _local_people(record: DocumentRecord) -> list[list[Person]]:
    """Group the record's people who are the same person: equal name keys, or a one-word name equal to the
    surname of exactly one fuller, country-compatible name in the same document."""
    groups: dict[str, list[Person]] = {}
    for person in record.people:
        key = name_key(person.name)
        if key:
            groups.setdefault(key, []).append(person)
    for key in [k for k in groups if token_count(k) == 1]:
        country = _group_country(groups[key])
        fuller = [k for k in groups if token_count(k) > 1 and surname_key(k) == key
                  and _compatible(country, _group_country(groups[k]))]
        if len(fuller) == 1:
            groups[fuller[0]].extend(groups.pop(key))
    return list(groups.values())


def _group_country(group: list[Person]) -> Optional[str]:
    return next((p.country for p in group if p.country), None)


def _compatible(a: Optional[str], b: Optional[str]) -> bool:
    return a is None or b is None or a == b


def _resolve_person(conn: sqlite3.Connection, keys: set[str], country: Optional[str]) -> Optional[int]:
    """The stored person whose name or full-name alias matches one of ``keys`` with a compatible country."""
    full = sorted(k for k in keys if token_count(k) > 1) or sorted(keys)
    marks = ",".join("?" * len(full))
    rows = conn.execute(
        f"""SELECT id, country FROM people WHERE name_key IN ({marks})
            UNION SELECT p.id, p.country FROM person_aliases a JOIN people p ON p.id = a.person_id
                  WHERE a.alias_key IN ({marks})
            ORDER BY id""", full + full).fetchall()
    candidates = [r for r in rows if _compatible(r["country"], country)]
    exact = [r for r in candidates if r["country"] == country]
    chosen = exact or candidates
    return chosen[0]["id"] if chosen else None


def _person_id(conn: sqlite3.Connection, name: str, keys: set[str], country: Optional[str]) -> int:
    found = _resolve_person(conn, keys, country)
    if found is not None:
        return found
    return conn.execute("INSERT INTO people (name, name_key, country) VALUES (?, ?, ?)",
                        (name, name_key(name), country)).lastrowid


def _save_people(conn: sqlite3.Connection, doc_row: int, record: DocumentRecord) -> dict[str, int]:
    """Store the record's people; return a map from every name key used in the record to a person id."""
    by_key: dict[str, int] = {}
    for group in _local_people(record):
        main = max(group, key=lambda p: token_count(name_key(p.name)))
        forms = {p.name for p in group} | {a for p in group for a in p.aliases}
        keys = {name_key(f) for f in forms} - {""}
        country = _group_country(group)
        pid = _person_id(conn, main.name, keys, country)
        names = {p.name for p in group}
        for form in forms:
            conn.execute("INSERT OR IGNORE INTO person_aliases (person_id, document_id, alias, alias_key, is_name) "
                         "VALUES (?, ?, ?, ?, ?)", (pid, doc_row, form, name_key(form), int(form in names)))
        roles: dict[tuple, None] = {}
        for person in group:
            org_id = _organisation_id(conn, person.organization, person.country) if person.organization else None
            for title in person.titles or [None]:
                roles[(title, org_id, person.country)] = None
            _evidence(conn, doc_row, "person", pid, None, person.mentions)
        titled = any(title for title, _, _ in roles)
        conn.executemany("INSERT INTO person_roles (person_id, document_id, title, title_key, organisation_id, "
                         "country) VALUES (?, ?, ?, ?, ?, ?)",
                         [(pid, doc_row, title, name_key(title) if title else None, org_id, country)
                          for title, org_id, country in roles if title or not titled])
        for key in keys:
            by_key.setdefault(key, pid)
    surnames: dict[str, set[int]] = {}
    for key, pid in by_key.items():
        if token_count(key) > 1:
            surnames.setdefault(surname_key(key), set()).add(pid)
    for surname, pids in surnames.items():
        if len(pids) == 1:
            by_key.setdefault(surname, next(iter(pids)))
    return by_key


def _organisation_id(conn: sqlite3.Connection, name: str, country: Optional[str]) -> int:
    key = name_key(name) or name
    row = conn.execute("SELECT id, country FROM organisations WHERE name_key = ?", (key,)).fetchone()
    if row is None:
        return conn.execute("INSERT INTO organisations (name, name_key, country) VALUES (?, ?, ?)",
                            (name, key, country)).lastrowid
    if row["country"] is None and country:
        conn.execute("UPDATE organisations SET country = ? WHERE id = ?", (country, row["id"]))
    return row["id"]


def _event_id(conn: sqlite3.Connection, name: str) -> int:
    key = name_key(name) or name
    row = conn.execute("SELECT id FROM events WHERE name_key = ?", (key,)).fetchone()
    if row is not None:
        return row["id"]
    return conn.execute("INSERT INTO events (name, name_key) VALUES (?, ?)", (name, key)).lastrowid


def _evidence(conn: sqlite3.Connection, doc_row: int, kind: str, ref_id: Optional[int], label: Optional[str],
              spans) -> None:
    conn.executemany('INSERT INTO evidence (document_id, kind, ref_id, label, start, "end", text) '
                     "VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [(doc_row, kind, ref_id, label, s.start, s.end, s.text) for s in spans])


def _save_items(conn: sqlite3.Connection, doc_row: int, record: DocumentRecord) -> None:
    for org in record.organizations:
        org_id = _organisation_id(conn, org.name, org.country)
        conn.execute("INSERT OR IGNORE INTO document_organisations VALUES (?, ?)", (doc_row, org_id))
        _evidence(conn, doc_row, "organisation", org_id, None, org.mentions)
    for event in record.events:
        event_id = _event_id(conn, event.name)
        conn.execute("INSERT OR IGNORE INTO document_events VALUES (?, ?)", (doc_row, event_id))
        _evidence(conn, doc_row, "event", event_id, None, event.mentions)
    for country in record.countries:
        conn.execute("INSERT OR IGNORE INTO document_countries VALUES (?, ?, ?)", (doc_row, country.code, country.name))
        _evidence(conn, doc_row, "country", None, country.code, country.mentions)
    for venue in record.venues:
        _evidence(conn, doc_row, "venue", None, venue.name, venue.mentions)
    conn.executemany('INSERT INTO evidence (document_id, kind, ref_id, label, start, "end", text) '
                     "VALUES (?, 'date', NULL, ?, ?, ?, ?)",
                     [(doc_row, d.date, d.start, d.end, d.text) for d in record.dates])


def _save_meetings(conn: sqlite3.Connection, doc_row: int, record: DocumentRecord, people: dict[str, int]) -> None:
    for ordinal, meeting in enumerate(record.meetings):
        event_id = _event_id(conn, meeting.event) if meeting.event else None
        if event_id is not None:
            conn.execute("INSERT OR IGNORE INTO document_events VALUES (?, ?)", (doc_row, event_id))
        mid = conn.execute(
            "INSERT INTO meetings (document_id, ordinal, mode, date, city, country, venue, event_id, topic, "
            "evidence_start, evidence_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_row, ordinal, meeting.mode, meeting.date, meeting.city, meeting.country, meeting.venue, event_id,
             meeting.topic, min((e.start for e in meeting.evidence), default=None),
             max((e.end for e in meeting.evidence), default=None))).lastrowid
        roles: dict[int, str] = {}
        for role, names in (("host", meeting.hosts), ("guest", meeting.guests), ("participant", meeting.participants)):
            for name in names:
                key = name_key(name)
                if not key:
                    continue
                pid = people.get(key)
                if pid is None:
                    pid = people[key] = _person_id(conn, name, {key}, None)
                    conn.execute("INSERT OR IGNORE INTO person_aliases (person_id, document_id, alias, alias_key, "
                                 "is_name) VALUES (?, ?, ?, ?, 1)", (pid, doc_row, name, key))
                roles.setdefault(pid, role)
        conn.executemany("INSERT INTO participants (meeting_id, person_id, role) VALUES (?, ?, ?)",
                         [(mid, pid, role) for pid, role in roles.items()])
        conn.executemany("INSERT OR IGNORE INTO meeting_parties VALUES (?, ?)", [(mid, c) for c in meeting.parties])
        _evidence(conn, doc_row, "meeting", mid, None, meeting.evidence)


def _document_people(conn: sqlite3.Connection, doc_row: int) -> set[int]:
    return {r[0] for r in conn.execute(
        "SELECT person_id FROM person_aliases WHERE document_id = ? "
        "UNION SELECT person_id FROM person_roles WHERE document_id = ? "
        "UNION SELECT p.person_id FROM participants p JOIN meetings m ON m.id = p.meeting_id WHERE m.document_id = ?",
        (doc_row, doc_row, doc_row))}


def _refresh_people(conn: sqlite3.Connection, ids: set[int]) -> None:
    """Recompute each person's display name and country from what remains; drop people nothing refers to."""
    for pid in sorted(ids):
        names = [r[0] for r in conn.execute(
            "SELECT alias FROM person_aliases WHERE person_id = ? AND is_name = 1 ORDER BY document_id", (pid,))]
        if not names:
            names = [r[0] for r in conn.execute(
                "SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY document_id", (pid,))]
        if not names:
            conn.execute("DELETE FROM evidence WHERE kind = 'person' AND ref_id = ?", (pid,))
            conn.execute("DELETE FROM people WHERE id = ?", (pid,))
            continue
        counts = Counter(names)
        name = max(counts, key=lambda n: (token_count(name_key(n)), counts[n], -names.index(n)))
        countries = Counter(r[0] for r in conn.execute(
            "SELECT country FROM person_roles WHERE person_id = ? AND country IS NOT NULL", (pid,)))
        country = countries.most_common(1)[0][0] if countries else None
        conn.execute("UPDATE people SET name = ?, name_key = ?, country = ? WHERE id = ?",
                     (name, name_key(name), country, pid))


def _prune(conn: sqlite3.Connection) -> None:
    """Remove organisations and events no document refers to any more."""
    conn.execute("""DELETE FROM organisations WHERE
        NOT EXISTS (SELECT 1 FROM person_roles r WHERE r.organisation_id = organisations.id)
        AND NOT EXISTS (SELECT 1 FROM document_organisations d WHERE d.organisation_id = organisations.id)""")
    conn.execute("""DELETE FROM events WHERE
        NOT EXISTS (SELECT 1 FROM meetings m WHERE m.event_id = events.id)
        AND NOT EXISTS (SELECT 1 FROM document_events d WHERE d.event_id = events.id)""")


# ---------------------------------------------------------------- forgetting


def find_documents(conn: sqlite3.Connection, ref: str) -> list[sqlite3.Row]:
    """Documents named by ``ref``: their id (file stem), path, or a prefix of their SHA-256 (6+ hex digits)."""
    ref = ref.strip()
    prefix = ref.lower() if len(ref) >= 6 and all(c in "0123456789abcdef" for c in ref.lower()) else None
    return conn.execute(
        "SELECT id, doc_id, path, sha256 FROM documents WHERE doc_id = ? OR path = ? "
        "OR (? IS NOT NULL AND substr(sha256, 1, length(?)) = ?) ORDER BY id",
        (ref, ref, prefix, prefix, prefix)).fetchall()


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
        affected = _document_people(conn, doc["id"])
        conn.execute("DELETE FROM documents WHERE id = ?", (doc["id"],))
        _refresh_people(conn, affected)
        _prune(conn)
    return doc


# ---------------------------------------------------------------- export

EXPORT_TABLES = ("documents", "people", "person_aliases", "person_roles", "organisations", "document_organisations",
                 "events", "document_events", "document_countries", "meetings", "participants", "meeting_parties",
                 "evidence")


def _known_table(table: str) -> str:
    if table not in EXPORT_TABLES:
        raise QueryError(f"unknown table {table!r}")
    return table


def table_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The column names of one store table (``table`` must be one of EXPORT_TABLES)."""
    return [d[0] for d in conn.execute(f'SELECT * FROM "{_known_table(table)}" LIMIT 0').description]


def table_rows(conn: sqlite3.Connection, table: str) -> Iterator[dict]:
    """Every row of one store table, in row order (``table`` must be one of EXPORT_TABLES)."""
    for row in conn.execute(f'SELECT * FROM "{_known_table(table)}" ORDER BY rowid'):
        yield dict(row)

