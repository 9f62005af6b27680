"""The store's people, taken from records as the pipeline decided them.

Each person in a saved record is a *sighting* (the record's own people are the identities within the
document: the store never matches names again inside one). Meeting participants are the record's people
named in ``participants``/``hosts``/``guests`` (by their ``name``; a name that is nobody's in the record
becomes one more sighting). Across documents, :func:`idefx.identity.group` says which sightings are one
person; after every save or removal the sightings that share a name key with the changed ones, directly or
through others, are grouped again, and the rows about a person (aliases, roles, meeting participation,
evidence) of every document whose sightings changed person are written again from its record. The store's
people therefore depend on the set of documents saved, never on the order they came in. Each person's display
name and country are picked from per-person counts of its names and role countries, which the writing and the
removal of a document's rows keep up to date, so naming a person costs the same however many documents name them.

The grouping depends only on which *signatures* (name keys and country) the sightings have, not on how many
share one: a save or removal that adds no signature the store lacked and takes away none it keeps gives each
new sighting the person of its signature, which is what grouping again would give, without doing it.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import TYPE_CHECKING, Iterable, NamedTuple, Optional

from idefx.identity import Sighting, group
from idefx.names import name_key, token_count
from idefx.store_rows import add_evidence, shared_ids

if TYPE_CHECKING:
    from idefx.records import DocumentRecord, Person

_CHUNK = 500  # SQL parameters per query, well under SQLite's limit


def record_people(record: DocumentRecord) -> list[Person]:
    """The record's people in order, then one person for each meeting participant named by none of them."""
    from idefx.records import Person

    people = list(record.people)
    known = {p.name for p in people}
    for meeting in record.meetings:
        for name in (*meeting.participants, *meeting.hosts, *meeting.guests):
            if name not in known and name_key(name):
                known.add(name)
                people.append(Person(name=name))
    return people


def _forms(person: Person) -> set[str]:
    return {name_key(form) for form in (person.name, *person.aliases)} - {""}


def signature(forms: Iterable[str], country: Optional[str]) -> Optional[str]:
    """What a sighting's grouping depends on (its name keys and country), as one text; None without name keys.

    Sightings with the same signature are always one person, so a change that brings no new signature and takes
    none away leaves everybody's person as it was."""
    forms = sorted(forms)
    return json.dumps([country, forms], ensure_ascii=False) if forms else None


def add_sightings(conn: sqlite3.Connection, doc_row: int, record: DocumentRecord,
                  previous: Optional[dict[int, int]] = None) -> set[str]:
    """Store one sighting per person of the record, not yet resolved (``previous``: the person each ordinal had in
    an earlier save of the document, which its group keeps if it can); return the name keys they bring."""
    previous = previous or {}
    people = record_people(record)
    forms = [_forms(person) for person in people]
    conn.executemany("INSERT INTO sightings (document_id, ordinal, person_id, country, signature) "
                     "VALUES (?, ?, ?, ?, ?)",
                     [(doc_row, ordinal, previous.get(ordinal), person.country, signature(keys, person.country))
                      for ordinal, (person, keys) in enumerate(zip(people, forms))])
    conn.executemany("INSERT INTO sighting_forms (sighting_id, form_key) "
                     "SELECT id, ? FROM sightings WHERE document_id = ? AND ordinal = ?",
                     [(form, doc_row, ordinal) for ordinal, keys in enumerate(forms) for form in sorted(keys)])
    return set().union(*forms)


class Removed(NamedTuple):
    """What one document's sightings were, before they are deleted: their name keys, the person of each by
    ordinal, and their signatures."""

    keys: set[str]
    people: dict[int, int]
    signatures: set[str]


def document_sightings(conn: sqlite3.Connection, doc_row: int) -> Removed:
    """One document's sightings, as :class:`Removed` describes them."""
    keys = {r[0] for r in conn.execute("SELECT f.form_key FROM sighting_forms f JOIN sightings s "
                                       "ON s.id = f.sighting_id WHERE s.document_id = ?", (doc_row,)).fetchall()}
    rows = conn.execute("SELECT ordinal, person_id, signature FROM sightings WHERE document_id = ?",
                        (doc_row,)).fetchall()
    return Removed(keys, {o: p for o, p, _ in rows if p is not None}, {sig for _, _, sig in rows if sig})


def sign_all(conn: sqlite3.Connection) -> None:
    """Give every sighting without one its signature (on the upgrade to a store with signatures)."""
    forms: dict[int, set[str]] = {}
    for sid, form in conn.execute("SELECT sighting_id, form_key FROM sighting_forms").fetchall():
        forms.setdefault(sid, set()).add(form)
    conn.executemany("UPDATE sightings SET signature = ? WHERE id = ?",
                     [(signature(forms.get(sid, ()), country), sid) for sid, country in
                      conn.execute("SELECT id, country FROM sightings WHERE signature IS NULL").fetchall()])


class _Stored(NamedTuple):
    document: int
    person: Optional[int]
    country: Optional[str]
    forms: frozenset[str]


def _region(conn: sqlite3.Connection, keys: set[str]) -> dict[int, _Stored]:
    """Every sighting that shares a name key with ``keys``, directly or through other sightings: each query
    brings the sightings known by the keys not yet followed, with all their keys."""
    seen_keys: set[str] = set()
    frontier = set(keys)
    forms: dict[int, set[str]] = {}
    rows = {}
    while frontier:
        seen_keys |= frontier
        found: set[str] = set()
        for chunk in _chunks(frontier):
            for sid, document, person, country, form in conn.execute(
                    "SELECT s.id, s.document_id, s.person_id, s.country, f2.form_key FROM sighting_forms f1 "
                    "JOIN sightings s ON s.id = f1.sighting_id JOIN sighting_forms f2 ON f2.sighting_id = s.id "
                    f"WHERE f1.form_key IN ({','.join('?' * len(chunk))})", chunk).fetchall():
                forms.setdefault(sid, set()).add(form)
                rows[sid] = (document, person, country)
                found.add(form)
        frontier = found - seen_keys
    return {sid: _Stored(*rows[sid], frozenset(forms[sid])) for sid in rows}


def _chunks(items: Iterable) -> Iterable[list]:
    items = sorted(items)
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def _people_for(conn: sqlite3.Connection, region: dict[int, _Stored], groups: list[list[int]]) -> dict[int, int]:
    """A person id for each sighting: a group keeps the id most of its sightings had (a new one if none)."""
    assigned: dict[int, int] = {}
    taken: set[int] = set()
    for members in sorted(groups, key=min):
        had = Counter(region[s].person for s in members if region[s].person is not None)
        pid = next((p for p, _ in sorted(had.items(), key=lambda kv: (-kv[1], kv[0])) if p not in taken), None)
        if pid is None:
            pid = conn.execute("INSERT INTO people (name, name_key, country) VALUES ('', '', NULL)").lastrowid
        taken.add(pid)
        assigned.update((s, pid) for s in members)
    return assigned


def _unchanged(conn: sqlite3.Connection, doc_row: Optional[int], removed: set[str]) -> Optional[dict[int, int]]:
    """When the sightings of ``doc_row`` (just added) and the removal of sightings signed ``removed`` leave the
    store's set of signatures as it was, the person of each added sighting (the one every other sighting of its
    signature has); else None. An added sighting whose earlier person differs is a change too."""
    added = conn.execute("SELECT id, signature, person_id FROM sightings WHERE document_id = ? "
                         "AND signature IS NOT NULL", (doc_row,)).fetchall() if doc_row is not None else []
    wanted = sorted({sig for _, sig, _ in added} | removed)
    pending = [conn.execute("SELECT signature, person_id FROM sightings WHERE signature = ? AND document_id <> ? "
                            "LIMIT 1", (sig, -1 if doc_row is None else doc_row)) for sig in wanted]
    person_of = dict(row for cursor in pending for row in cursor.fetchall())
    brought = {sig for _, sig, _ in added}
    if any(sig not in person_of and sig not in brought for sig in removed):
        return None
    if any(sig not in person_of or person not in (None, person_of[sig]) for _, sig, person in added):
        return None
    return {sid: person_of[sig] for sid, sig, _ in added}


def resolve(conn: sqlite3.Connection, keys: set[str], records: dict[int, DocumentRecord],
            stale_people: Iterable[int] = (), removed: Optional[set[str]] = None) -> None:
    """Group again the sightings reachable from ``keys`` and write the person rows of every document whose
    sightings changed person, and of the documents in ``records`` (row id to record, written whatever);
    ``stale_people`` may have lost sightings and are refreshed (dropped when nothing refers to them).

    ``removed`` (the signatures of the sightings deleted) is given when one document was saved or forgotten:
    when that changed no signature in the store, the grouping stays as it was and is not done again."""
    settled = _unchanged(conn, next(iter(records), None), removed) if removed is not None and len(records) < 2 \
        else None
    if settled is not None:
        conn.executemany("UPDATE sightings SET person_id = ? WHERE id = ?", [(p, s) for s, p in settled.items()])
        for doc_row, record in records.items():
            write_person_rows(conn, doc_row, record)
        refresh_people(conn, set(stale_people) | set(settled.values()))
        return
    region = _region(conn, keys)
    assigned = _people_for(conn, region, group(Sighting(s, st.forms, st.country) for s, st in region.items()))
    moved = [s for s, st in region.items() if st.person != assigned[s]]
    conn.executemany("UPDATE sightings SET person_id = ? WHERE id = ?", [(assigned[s], s) for s in moved])
    for doc_row in sorted({region[s].document for s in moved} | set(records)):
        record = records.get(doc_row) or _stored_record(conn, doc_row)
        write_person_rows(conn, doc_row, record)
    refresh_people(conn, set(stale_people) | {st.person for st in region.values() if st.person is not None}
                   | set(assigned.values()))


def _stored_record(conn: sqlite3.Connection, doc_row: int) -> DocumentRecord:
    from idefx.records import DocumentRecord

    text = conn.execute("SELECT record FROM documents WHERE id = ?", (doc_row,)).fetchone()[0]
    return DocumentRecord.model_validate_json(text)


def write_person_rows(conn: sqlite3.Connection, doc_row: int, record: DocumentRecord) -> None:
    """(Re)write one document's aliases, roles, meeting participants and person evidence from its record, each
    person as its sighting's person."""
    dropped = _person_rows(conn, doc_row)
    sightings = conn.execute("SELECT ordinal, person_id FROM sightings WHERE document_id = ?", (doc_row,))
    meetings = conn.execute("SELECT ordinal, id FROM meetings WHERE document_id = ?",
                            (doc_row,)) if record.meetings else None
    person_of = dict(sightings.fetchall())  # (the queries answered at once)
    names, countries = (Counter(rows.fetchall()) for rows in dropped)  # read before their rows are deleted
    conn.execute("DELETE FROM person_aliases WHERE document_id = ?", (doc_row,))
    conn.execute("DELETE FROM person_roles WHERE document_id = ?", (doc_row,))
    conn.execute("DELETE FROM participants WHERE meeting_id IN (SELECT id FROM meetings WHERE document_id = ?)",
                 (doc_row,))
    conn.execute("DELETE FROM evidence WHERE document_id = ? AND kind = 'person'", (doc_row,))
    people = record_people(record)
    aliases: dict[tuple[int, str], int] = {}
    roles: dict[tuple, None] = {}  # (person, title, organisation name, country), in order
    for ordinal, person in enumerate(people):
        pid = person_of[ordinal]
        aliases[(pid, person.name)] = 1
        for alias in person.aliases:
            aliases.setdefault((pid, alias), 0)
        for title in person.titles or [None]:
            roles[(pid, title, person.organization, person.country)] = None
        add_evidence(conn, doc_row, "person", pid, None, person.mentions)
    conn.executemany("INSERT INTO person_aliases (person_id, document_id, alias, alias_key, is_name) "
                     "VALUES (?, ?, ?, ?, ?)",
                     [(pid, doc_row, alias, name_key(alias), is_name) for (pid, alias), is_name in aliases.items()])
    titled = {pid for pid, title, _, _ in roles if title}
    kept = [role for role in roles if role[1] or role[0] not in titled]
    # only the organisations of the roles written: every organisation a save writes is referred to
    org_ids = shared_ids(conn, [(org, country) for _, _, org, country in kept if org])[0]
    conn.executemany("INSERT INTO person_roles (person_id, document_id, title, title_key, organisation_id, country) "
                     "VALUES (?, ?, ?, ?, ?, ?)",
                     [(pid, doc_row, title, name_key(title) if title else None, org_ids[org] if org else None, country)
                      for pid, title, org, country in kept])
    names.subtract((pid, alias, is_name) for (pid, alias), is_name in aliases.items())
    countries.subtract((pid, country) for pid, _, _, country in kept if country is not None)
    _count(conn, names, countries, -1)
    index: dict[str, int] = {}
    for ordinal, person in enumerate(people):
        index.setdefault(person.name, ordinal)
    meeting_ids = dict(meetings.fetchall()) if meetings else {}
    for ordinal, meeting in enumerate(record.meetings):
        taking_part: dict[int, str] = {}
        for role, names in (("host", meeting.hosts), ("guest", meeting.guests), ("participant", meeting.participants)):
            for name in names:
                if name in index:
                    taking_part.setdefault(person_of[index[name]], role)
        conn.executemany("INSERT INTO participants (meeting_id, person_id, role) VALUES (?, ?, ?)",
                         [(meeting_ids[ordinal], pid, role) for pid, role in taking_part.items()])


def refresh_people(conn: sqlite3.Connection, ids: set[int]) -> None:
    """Recompute each person's display name and country from what remains; drop people nothing refers to.

    Both come from the person's counts (person_names, person_countries), which hold what grouping the person's
    aliases and roles by name and by country would give, so the cost does not grow with the documents naming
    the person. The name is the fullest of the names used, the most used among those (then the last in
    code-point order); the country the one most roles give (then the first in code-point order)."""
    if not ids:
        return
    among = (json.dumps(sorted(ids)),)
    alias_rows = conn.execute("SELECT person_id, alias, is_name, uses FROM person_names WHERE person_id IN "
                              "(SELECT value FROM json_each(?))", among)
    role_rows = conn.execute("SELECT person_id, country, uses FROM person_countries WHERE person_id IN "
                             "(SELECT value FROM json_each(?))", among)
    names: dict[int, Counter] = {}
    other_aliases: dict[int, Counter] = {}
    for pid, alias, is_name, n in alias_rows.fetchall():  # (both queries answered at once)
        (names if is_name else other_aliases).setdefault(pid, Counter())[alias] += n
    countries: dict[int, Counter] = {}
    for pid, country, n in role_rows.fetchall():
        countries.setdefault(pid, Counter())[country] += n
    gone, updates = [], []
    for pid in sorted(ids):
        counts = names.get(pid) or other_aliases.get(pid)
        if not counts:
            gone.append((pid,))
            continue
        name = max(counts, key=lambda n: (token_count(name_key(n)), counts[n], n))
        known = countries.get(pid, Counter())
        country = min(known, key=lambda c: (-known[c], c)) if known else None
        updates.append((name, name_key(name), country, pid))
    conn.executemany("DELETE FROM evidence WHERE kind = 'person' AND ref_id = ?", gone)
    conn.executemany("DELETE FROM people WHERE id = ?", gone)
    conn.executemany("UPDATE people SET name = ?, name_key = ?, country = ? WHERE id = ?", updates)


def _person_rows(conn: sqlite3.Connection, doc_row: int) -> tuple:
    """One document's names and role countries as the counts hold them: two queries whose rows the caller reads
    later, so that on PostgreSQL they travel with the caller's own queries in one round trip."""
    return (conn.execute("SELECT person_id, alias, is_name FROM person_aliases WHERE document_id = ?", (doc_row,)),
            conn.execute("SELECT person_id, country FROM person_roles WHERE document_id = ? AND country IS NOT NULL",
                         (doc_row,)))


def uncount_person_rows(conn: sqlite3.Connection, doc_row: int) -> None:
    """Take one document's names and role countries off the people's counts, before the document is deleted
    (its rows then go with it)."""
    names, countries = (Counter(rows.fetchall()) for rows in _person_rows(conn, doc_row))
    _count(conn, names, countries, -1)


def _count(conn: sqlite3.Connection, names: Counter, countries: Counter, sign: int) -> None:
    """Add ``sign`` times each of ``names`` ((person, alias, is_name) to uses) and ``countries`` ((person,
    country) to uses) to the counts; a count that reaches nothing is deleted, so the counts are what the rows
    give whatever the history."""
    for table, columns, changes in (("person_names", ("person_id", "alias", "is_name"), names),
                                    ("person_countries", ("person_id", "country"), countries)):
        rows = sorted((*key, sign * n) for key, n in changes.items() if n)
        if not rows:
            continue
        listed = ", ".join(columns)
        conn.executemany(f"INSERT INTO {table} ({listed}, uses) VALUES ({', '.join('?' * (len(columns) + 1))}) "
                         f"ON CONFLICT ({listed}) DO UPDATE SET uses = {table}.uses + excluded.uses", rows)
        conn.executemany(f"DELETE FROM {table} WHERE {' AND '.join(c + ' = ?' for c in columns)} AND uses <= 0",
                         [row[:-1] for row in rows if row[-1] < 0])


def rebuild(conn: sqlite3.Connection) -> None:
    """Derive sightings and people from the stored records (on the upgrade to a store with sightings); a record
    this idefx cannot read keeps its rows as they were."""
    from pydantic import ValidationError

    from idefx.records import DocumentRecord

    records: dict[int, DocumentRecord] = {}
    for doc_row, text in conn.execute("SELECT id, record FROM documents ORDER BY id").fetchall():
        try:
            records[doc_row] = DocumentRecord.model_validate_json(text)
        except ValidationError:
            continue
    keys: set[str] = set()
    for doc_row, record in records.items():
        keys |= add_sightings(conn, doc_row, record)
    resolve(conn, keys, records, stale_people=[r[0] for r in conn.execute("SELECT id FROM people")])
