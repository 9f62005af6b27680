"""The store's schema: one list of SQL statements per version (``PRAGMA user_version`` is the version reached)."""

from __future__ import annotations

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
    # 4: sightings, one per person in one document's record, each with the person it was resolved to and the
    # name keys it is known by; people are derived from them (store.py rebuilds them on this upgrade).
    [
        """CREATE TABLE sightings (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            person_id INTEGER REFERENCES people(id),
            country TEXT,
            UNIQUE (document_id, ordinal))""",
        """CREATE TABLE sighting_forms (
            sighting_id INTEGER NOT NULL REFERENCES sightings(id) ON DELETE CASCADE,
            form_key TEXT NOT NULL,
            PRIMARY KEY (sighting_id, form_key))""",
        "CREATE INDEX sighting_forms_key ON sighting_forms(form_key)",
        "CREATE INDEX sightings_person ON sightings(person_id)",
    ],
    # 5: each sighting's signature (its name keys and country, see store_people.signature), so a save that
    # brings only signatures the store has already needs no grouping again (store.py fills them on this upgrade).
    [
        "ALTER TABLE sightings ADD COLUMN signature TEXT",
        "CREATE INDEX sightings_signature ON sightings(signature)",
    ],
    # 6: how many documents give each person each of its names, and each country its roles have, kept by every
    # save and removal (store_people.count_person_rows), so a save picks a person's display name and country from
    # these few rows rather than from every row of every document naming the person; filled here from the rows.
    [
        """CREATE TABLE person_names (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            is_name INTEGER NOT NULL,
            uses INTEGER NOT NULL,
            PRIMARY KEY (person_id, alias, is_name))""",
        """CREATE TABLE person_countries (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            country TEXT NOT NULL,
            uses INTEGER NOT NULL,
            PRIMARY KEY (person_id, country))""",
        """INSERT INTO person_names (person_id, alias, is_name, uses)
            SELECT person_id, alias, is_name, count(*) FROM person_aliases GROUP BY person_id, alias, is_name""",
        """INSERT INTO person_countries (person_id, country, uses)
            SELECT person_id, country, count(*) FROM person_roles WHERE country IS NOT NULL
            GROUP BY person_id, country""",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)
SIGHTINGS_VERSION = 4  # the version that brought sightings
SIGNATURES_VERSION = 5  # the version that brought their signatures
COUNTS_VERSION = 6  # the version that brought the per-person counts of names and countries
