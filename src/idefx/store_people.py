"""The store's people, taken from records as the pipeline decided them.

Each person in a saved record is a *sighting* (the record's own people are the identities within the
document: the store never matches names again inside one). Meeting participants are the record's people
named in ``participants``/``hosts``/``guests`` (by their ``name``; a name that is nobody's in the record
becomes one more sighting). Across documents, :func:`idefx.identity.group` says which sightings are one
person; after every save or removal the sightings that share a name key with the changed ones, directly or
through others, are grouped again, and the rows about a person (aliases, roles, meeting participation,
evidence) of every document whose sightings changed person are written again from its record. The store's
people therefore depend on the set of documents saved, never on the order they came in.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from typing import TYPE_CHECKING, Iterable, NamedTuple, Optional

from idefx.identity import Sighting, group
from idefx.names import name_key, token_count
from idefx.store_rows import add_evidence, organisation_id

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


def add_sightings(conn: sqlite3.Connection, doc_row: int, record: DocumentRecord,
                  previous: Optional[dict[int, int]] = None) -> set[str]:
    """Store one sighting per person of the record, not yet resolved (``previous``: the person each ordinal had in
    an earlier save of the document, which its group keeps if it can); return the name keys they bring."""
    keys: set[str] = set()
    previous = previous or {}
    for ordinal, person in enumerate(record_people(record)):
        forms = _forms(person)
        sid = conn.execute("INSERT INTO sightings (document_id, ordinal, person_id, country) VALUES (?, ?, ?, ?)",
                           (doc_row, ordinal, previous.get(ordinal), person.country)).lastrowid
        conn.executemany("INSERT INTO sighting_forms (sighting_id, form_key) VALUES (?, ?)",
                         [(sid, form) for form in sorted(forms)])
        keys |= forms
    return keys


def document_sightings(conn: sqlite3.Connection, doc_row: int) -> tuple[set[str], dict[int, int]]:
    """The name keys of one document's sightings, and the person of each of them by ordinal."""
    keys = {r[0] for r in conn.execute("SELECT f.form_key FROM sighting_forms f JOIN sightings s "
                                       "ON s.id = f.sighting_id WHERE s.document_id = ?", (doc_row,))}
    people = dict(conn.execute("SELECT ordinal, person_id FROM sightings WHERE document_id = ? "
                               "AND person_id IS NOT NULL", (doc_row,)).fetchall())
    return keys, people


class _Stored(NamedTuple):
    document: int
    person: Optional[int]
    country: Optional[str]
    forms: frozenset[str]


def _chunks(items: Iterable) -> Iterable[list]:
    items = sorted(items)
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def _region(conn: sqlite3.Connection, keys: set[str]) -> dict[int, _Stored]:
    """Every sighting that shares a name key with ``keys``, directly or through other sightings."""
    seen_keys: set[str] = set()
    frontier, sightings = set(keys), set()
    while frontier:
        seen_keys |= frontier
        found = set()
        for chunk in _chunks(frontier):
            found.update(r[0] for r in conn.execute(
                f"SELECT sighting_id FROM sighting_forms WHERE form_key IN ({','.join('?' * len(chunk))})", chunk))
        new = found - sightings
        sightings |= new
        frontier = set()
        for chunk in _chunks(new):
            frontier.update(r[0] for r in conn.execute(
                f"SELECT form_key FROM sighting_forms WHERE sighting_id IN ({','.join('?' * len(chunk))})", chunk))
        frontier -= seen_keys
    forms: dict[int, set[str]] = {}
    rows = {}
    for chunk in _chunks(sightings):
        marks = ",".join("?" * len(chunk))
        for sid, form in conn.execute(f"SELECT sighting_id, form_key FROM sighting_forms "
                                      f"WHERE sighting_id IN ({marks})", chunk):
            forms.setdefault(sid, set()).add(form)
        rows.update((r[0], r) for r in conn.execute(
            f"SELECT id, document_id, person_id, country FROM sightings WHERE id IN ({marks})", chunk))
    return {sid: _Stored(rows[sid][1], rows[sid][2], rows[sid][3], frozenset(forms[sid])) for sid in sightings}


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


def resolve(conn: sqlite3.Connection, keys: set[str], records: dict[int, DocumentRecord],
            stale_people: Iterable[int] = ()) -> None:
    """Group again the sightings reachable from ``keys`` and write the person rows of every document whose
    sightings changed person, and of the documents in ``records`` (row id to record, written whatever);
    ``stale_people`` may have lost sightings and are refreshed (dropped when nothing refers to them)."""
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
    conn.execute("DELETE FROM person_aliases WHERE document_id = ?", (doc_row,))
    conn.execute("DELETE FROM person_roles WHERE document_id = ?", (doc_row,))
    conn.execute("DELETE FROM participants WHERE meeting_id IN (SELECT id FROM meetings WHERE document_id = ?)",
                 (doc_row,))
    conn.execute("DELETE FROM evidence WHERE document_id = ? AND kind = 'person'", (doc_row,))
    person_of = dict(conn.execute("SELECT ordinal, person_id FROM sightings WHERE document_id = ?", (doc_row,)))
    people = record_people(record)
    aliases: dict[tuple[int, str], int] = {}
    roles: dict[tuple, None] = {}
    for ordinal, person in enumerate(people):
        pid = person_of[ordinal]
        aliases[(pid, person.name)] = 1
        for alias in person.aliases:
            aliases.setdefault((pid, alias), 0)
        org_id = organisation_id(conn, person.organization, person.country) if person.organization else None
        for title in person.titles or [None]:
            roles[(pid, title, org_id, person.country)] = None
        add_evidence(conn, doc_row, "person", pid, None, person.mentions)
    conn.executemany("INSERT INTO person_aliases (person_id, document_id, alias, alias_key, is_name) "
                     "VALUES (?, ?, ?, ?, ?)",
                     [(pid, doc_row, alias, name_key(alias), is_name) for (pid, alias), is_name in aliases.items()])
    titled = {pid for pid, title, _, _ in roles if title}
    conn.executemany("INSERT INTO person_roles (person_id, document_id, title, title_key, organisation_id, country) "
                     "VALUES (?, ?, ?, ?, ?, ?)",
                     [(pid, doc_row, title, name_key(title) if title else None, org_id, country)
                      for pid, title, org_id, country in roles if title or pid not in titled])
    index: dict[str, int] = {}
    for ordinal, person in enumerate(people):
        index.setdefault(person.name, ordinal)
    meeting_ids = dict(conn.execute("SELECT ordinal, id FROM meetings WHERE document_id = ?", (doc_row,)))
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

    The name is the fullest of the names used, the most used among those (then the last in code-point order);
    the country the one most roles give (then the first in code-point order)."""
    for pid in sorted(ids):
        names = [r[0] for r in conn.execute(
            "SELECT alias FROM person_aliases WHERE person_id = ? AND is_name = 1", (pid,))]
        if not names:
            names = [r[0] for r in conn.execute("SELECT alias FROM person_aliases WHERE person_id = ?", (pid,))]
        if not names:
            conn.execute("DELETE FROM evidence WHERE kind = 'person' AND ref_id = ?", (pid,))
            conn.execute("DELETE FROM people WHERE id = ?", (pid,))
            continue
        counts = Counter(names)
        name = max(counts, key=lambda n: (token_count(name_key(n)), counts[n], n))
        countries = Counter(r[0] for r in conn.execute(
            "SELECT country FROM person_roles WHERE person_id = ? AND country IS NOT NULL", (pid,)))
        country = min(countries, key=lambda c: (-countries[c], c)) if countries else None
        conn.execute("UPDATE people SET name = ?, name_key = ?, country = ? WHERE id = ?",
                     (name, name_key(name), country, pid))


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
