"""The store layer: schema and migrations, idempotent saving, transactions, person resolution, forgetting."""

import sqlite3
from pathlib import Path

import pytest

from idefx import store
from idefx.records import DocumentRecord

FIXTURES = Path(__file__).parent / "fixtures"


def load(name: str) -> DocumentRecord:
    return DocumentRecord.model_validate_json((FIXTURES / f"{name}.record.json").read_text(encoding="utf-8"))


@pytest.fixture
def conn(store_location):
    c = store.connect(store_location())
    yield c
    c.close()


def counts(c) -> dict:
    return {t: c.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in store.EXPORT_TABLES}


def person_rows(c):
    return c.execute("SELECT name, country FROM people ORDER BY name").fetchall()


def test_new_store_has_current_schema(conn):
    assert store.schema_version(conn) == store.SCHEMA_VERSION


def test_new_sqlite_store_uses_wal_and_foreign_keys(tmp_path):
    conn = store.connect(tmp_path / "kb.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_older_store_is_upgraded_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    store.migrate(old, target=1)
    old.execute("INSERT INTO documents (doc_id, sha256, saved_at, record) VALUES ('d', 'abc', 'now', '{}')")
    old.close()
    conn = store.connect(path)
    assert store.schema_version(conn) == store.SCHEMA_VERSION
    assert conn.execute("SELECT doc_id FROM documents").fetchone()[0] == "d"
    assert conn.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0


def test_version_2_store_gets_meeting_evidence_extents(tmp_path):
    path = tmp_path / "v2.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    store.migrate(old, target=2)
    old.execute("INSERT INTO documents (id, doc_id, sha256, saved_at, record) VALUES (1, 'd', 'abc', 'now', '{}')")
    old.execute("INSERT INTO meetings (id, document_id, ordinal, mode) VALUES (7, 1, 0, 'call')")
    old.executemany('INSERT INTO evidence (document_id, kind, ref_id, start, "end", text) VALUES (1, ?, ?, ?, ?, ?)',
                    [("meeting", 7, 40, 60, "x"), ("meeting", 7, 10, 20, "y"), ("person", 7, 0, 5, "z")])
    old.close()
    conn = store.connect(path)
    assert tuple(conn.execute("SELECT evidence_start, evidence_end FROM meetings").fetchone()) == (10, 60)


def test_newer_store_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    with pytest.raises(store.StoreError, match="newer"):
        store.connect(path)


def test_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("these are not the tables you are looking for\n" * 50)
    with pytest.raises(store.StoreError):
        store.connect(path)


def test_resolve_path_prefers_argument_then_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("IDEFX_DB", str(tmp_path / "env.sqlite3"))
    assert store.resolve_path(tmp_path / "arg.sqlite3") == tmp_path / "arg.sqlite3"
    assert store.resolve_path(None) == tmp_path / "env.sqlite3"
    monkeypatch.delenv("IDEFX_DB")
    assert store.resolve_path(None) == store.default_path()
    assert store.default_path().name == store.DB_FILENAME


def test_saving_twice_replaces_rows(conn):
    store.save_record(conn, load("idef-2023-trend"))
    first = counts(conn)
    ids = conn.execute("SELECT id, name FROM people ORDER BY id").fetchall()
    store.save_record(conn, load("idef-2023-trend"))
    assert counts(conn) == first
    assert conn.execute("SELECT id, name FROM people ORDER BY id").fetchall() == ids
    assert first["documents"] == 1 and first["people"] == 5 and first["meetings"] == 2


def test_seed_is_stored_with_roles_and_evidence(conn):
    store.save_record(conn, load("idef-2023-trend"))
    assert [tuple(r) for r in person_rows(conn)] == [
        ("Agil Gurbanov", "AZ"), ("Haluk Gergin", "TR"), ("Ibrahim Abubakar Kana", "NG"),
        ("Selçuk Bayraktar", "TR"), ("Vugar Mustafayev", "AZ")]
    roles = conn.execute("SELECT p.name, r.role FROM participants r JOIN people p ON p.id = r.person_id "
                         "JOIN meetings m ON m.id = r.meeting_id WHERE m.ordinal = 1 ORDER BY p.name").fetchall()
    assert [tuple(r) for r in roles] == [("Agil Gurbanov", "host"), ("Haluk Gergin", "guest"),
                                         ("Selçuk Bayraktar", "guest"), ("Vugar Mustafayev", "host")]
    text = (Path(store.__file__).parents[2] / "data/samples/idef-2023-trend.txt").read_text(encoding="utf-8")
    for start, end, snippet in conn.execute('SELECT start, "end", text FROM evidence'):
        assert text[start:end] == snippet


def test_same_person_across_documents_is_one_entity(conn):
    store.save_record(conn, load("idef-2023-trend"))
    store.save_record(conn, load("abuja-visit"))
    names = [r["name"] for r in person_rows(conn)]
    assert names.count("Ibrahim Abubakar Kana") == 1
    assert names.count("Vugar Mustafayev") == 1
    assert sum(n in ("Selçuk Bayraktar", "Selcuk Bayraktar") for n in names) == 1
    assert "Kana" not in names and "Mohammed Badaru Abubakar" in names
    kana = conn.execute("SELECT id FROM people WHERE name = 'Ibrahim Abubakar Kana'").fetchone()[0]
    aliases = {r[0] for r in conn.execute("SELECT alias FROM person_aliases WHERE person_id = ?", (kana,))}
    assert aliases == {"Ibrahim Abubakar Kana", "Kana"}
    bayraktar = {r[0] for r in conn.execute("SELECT alias FROM person_aliases a JOIN people p ON p.id = a.person_id "
                                            "WHERE p.name_key = 'selcuk bayraktar'")}
    assert bayraktar == {"Selçuk Bayraktar", "Selcuk Bayraktar"}
    in_abuja = conn.execute("SELECT count(*) FROM participants pt JOIN meetings m ON m.id = pt.meeting_id "
                            "JOIN documents d ON d.id = m.document_id WHERE d.doc_id = 'abuja-visit' "
                            "AND pt.person_id = ?", (kana,)).fetchone()[0]
    assert in_abuja == 1


def test_same_name_different_country_stays_apart(conn):
    record = load("idef-2023-trend")
    other = record.model_copy(update={"sha256": "f" * 64, "id": "other", "meetings": [], "people": [
        record.people[0].model_copy(update={"country": "GE"})]})
    store.save_record(conn, record)
    store.save_record(conn, other)
    rows = conn.execute("SELECT country FROM people WHERE name = 'Vugar Mustafayev' ORDER BY country").fetchall()
    assert [r[0] for r in rows] == ["AZ", "GE"]


def test_failure_mid_write_leaves_store_as_it_was(conn, monkeypatch):
    store.save_record(conn, load("idef-2023-trend"))
    before = counts(conn)
    people = person_rows(conn)

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error (simulated)")

    monkeypatch.setattr(store, "_save_meetings", broken)
    with pytest.raises(sqlite3.OperationalError):
        store.save_record(conn, load("abuja-visit"))
    with pytest.raises(sqlite3.OperationalError):
        store.save_record(conn, load("idef-2023-trend"))  # a failed replacement keeps the old rows
    assert counts(conn) == before
    assert person_rows(conn) == people
    assert not conn.in_transaction


def test_forget_removes_only_what_was_derived_from_the_document(conn):
    store.save_record(conn, load("idef-2023-trend"))
    only_seed = counts(conn)
    store.save_record(conn, load("abuja-visit"))
    removed = store.forget(conn, "abuja-visit")
    assert removed["doc_id"] == "abuja-visit"
    assert counts(conn) == only_seed
    assert "Mohammed Badaru Abubakar" not in [r["name"] for r in person_rows(conn)]
    aliases = {r[0] for r in conn.execute("SELECT alias FROM person_aliases")}
    assert "Selcuk Bayraktar" not in aliases and "Kana" not in aliases


def test_forget_by_hash_prefix_and_unknown(conn):
    record = load("idef-2023-trend")
    store.save_record(conn, record)
    store.forget(conn, record.sha256[:10])
    assert counts(conn)["documents"] == 0 and counts(conn)["people"] == 0 and counts(conn)["events"] == 0
    with pytest.raises(store.StoreError, match="no stored document"):
        store.forget(conn, "idef-2023-trend")


def test_forget_refuses_an_ambiguous_reference(conn):
    record = load("idef-2023-trend")
    store.save_record(conn, record)
    store.save_record(conn, record.model_copy(update={"sha256": "e" * 64}))
    with pytest.raises(store.StoreError, match="matches 2 documents"):
        store.forget(conn, "idef-2023-trend")
    assert counts(conn)["documents"] == 2


def test_export_tables_are_known(conn):
    with pytest.raises(store.StoreError):
        list(store.table_rows(conn, "people; DROP TABLE people"))


# ------------------------------------------------ identity: the record's people as they are, whatever the order

def record(doc: str, people: list[tuple], meetings: list[list[str]] = ()) -> DocumentRecord:
    """A record of ``people`` given as (name, country, aliases) and meetings given as participant names."""
    return DocumentRecord.model_validate({
        "id": doc, "sha256": doc.ljust(64, "0"),
        "people": [{"name": name, "country": country, "aliases": list(aliases)} for name, country, aliases in people],
        "meetings": [{"participants": names, "hosts": names[:1], "guests": names[1:]} for names in meetings]})


def store_groups(c) -> set[frozenset]:
    """Who is one person: for each stored person, the (document, alias) pairs it holds."""
    rows = c.execute("SELECT a.person_id, d.doc_id, a.alias FROM person_aliases a JOIN documents d "
                     "ON d.id = a.document_id").fetchall()
    groups: dict[int, set] = {}
    for pid, doc, alias in rows:
        groups.setdefault(pid, set()).add((doc, alias))
    return {frozenset(g) for g in groups.values()}


def participants(c) -> list[tuple]:
    return sorted(tuple(r) for r in c.execute(
        "SELECT d.doc_id, m.ordinal, p.name, pt.role FROM participants pt JOIN meetings m ON m.id = pt.meeting_id "
        "JOIN documents d ON d.id = m.document_id JOIN people p ON p.id = pt.person_id"))


def test_people_the_record_keeps_apart_stay_apart(conn):
    store.save_record(conn, record("talks", [("Lena Ortiz", "CL", ()), ("Ortiz", "CL", ())],
                                   [["Lena Ortiz", "Ortiz"]]))
    assert sorted(tuple(r) for r in person_rows(conn)) == [("Lena Ortiz", "CL"), ("Ortiz", "CL")]
    assert participants(conn) == [("talks", 0, "Lena Ortiz", "host"), ("talks", 0, "Ortiz", "guest")]


def test_participants_are_the_records_people_and_a_stray_name_is_one_more(conn):
    store.save_record(conn, record("visit", [("Tomas Berg", "SE", ("Berg",)), ("Amina Yusuf", "KE", ())],
                                   [["Tomas Berg", "Amina Yusuf", "Noor Haddad"]]))
    assert participants(conn) == [("visit", 0, "Amina Yusuf", "guest"), ("visit", 0, "Noor Haddad", "guest"),
                                  ("visit", 0, "Tomas Berg", "host")]
    assert counts(conn)["people"] == 3


ORDER_SENSITIVE = [
    record("d1", [("Dana Quill", None, ())]),
    record("d2", [("Dana Quill", "US", ())], [["Dana Quill"]]),
    record("d3", [("Dana Quill", "GB", ()), ("Quill", "GB", ())]),
    record("d4", [("Ravi Menon", "IN", ("Menon",))]),
    record("d5", [("Menon", None, ())], [["Menon"]]),
    record("d6", [("R. K. Menon", None, ("Ravi Menon",))]),
]


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [2, 0, 4, 1, 5, 3], [4, 5, 2, 3, 0, 1]])
def test_who_is_one_person_does_not_depend_on_the_order_of_saving(conn, order):
    for i in order:
        store.save_record(conn, ORDER_SENSITIVE[i])
    assert store_groups(conn) == {
        frozenset({("d1", "Dana Quill")}), frozenset({("d2", "Dana Quill")}), frozenset({("d3", "Dana Quill")}),
        frozenset({("d3", "Quill")}),
        frozenset({("d4", "Ravi Menon"), ("d4", "Menon"), ("d5", "Menon"), ("d6", "R. K. Menon"),
                   ("d6", "Ravi Menon")})}
    assert participants(conn) == [("d2", 0, "Dana Quill", "host"), ("d5", 0, "R. K. Menon", "host")]


def test_saving_again_or_forgetting_leaves_the_store_as_a_clean_save_would(store_location):
    clean = store.connect(store_location())
    for r in ORDER_SENSITIVE[:3] + ORDER_SENSITIVE[4:]:
        store.save_record(clean, r)
    busy = store.connect(store_location())
    for r in ORDER_SENSITIVE + ORDER_SENSITIVE[::-1]:
        store.save_record(busy, r)
    store.forget(busy, "d4")
    assert store_groups(busy) == store_groups(clean)
    assert [tuple(r) for r in person_rows(busy)] == [tuple(r) for r in person_rows(clean)]
    assert participants(busy) == participants(clean)


REPEATED = [  # sightings that repeat ones already stored, and the ones that change who is whom
    record("r1", [("Noor Haddad", "JO", ("Haddad",)), ("Ivo Brandt", None, ())], [["Noor Haddad", "Ivo Brandt"]]),
    record("r2", [("Noor Haddad", "JO", ("Haddad",))]),
    record("r3", [("Noor Haddad", None, ()), ("Ivo Brandt", "AT", ())], [["Ivo Brandt", "Noor Haddad"]]),
    record("r4", [("Noor Haddad", "JO", ("Haddad",)), ("Ivo Brandt", None, ())]),
    record("r5", [("Haddad", None, ()), ("Noor Haddad", "LB", ())], [["Haddad"]]),
    record("r6", [("Ivo Brandt", "AT", ()), ("Haddad", None, ())]),
]


def _state(c) -> tuple:
    return store_groups(c), [tuple(r) for r in person_rows(c)], participants(c)


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4, 5], [5, 3, 1, 4, 2, 0], [1, 3, 0, 5, 4, 2]])
def test_repeated_sightings_leave_the_store_as_a_clean_save_would(store_location, order):
    clean = store.connect(store_location())
    for r in REPEATED[:4] + REPEATED[5:]:
        store.save_record(clean, r)
    busy = store.connect(store_location())
    for i in order:
        store.save_record(busy, REPEATED[i])
    store.save_record(busy, REPEATED[order[0]])
    store.forget(busy, "r5")
    store.save_record(busy, REPEATED[1])
    assert _state(busy) == _state(clean)


def test_a_store_without_sightings_is_upgraded_from_its_records(tmp_path):
    path = tmp_path / "v3.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    store.migrate(old, target=3)
    old.execute("INSERT INTO documents (doc_id, sha256, saved_at, record) VALUES ('d', 'abc', 'now', '{}')")
    old.execute("INSERT INTO documents (doc_id, sha256, saved_at, record) VALUES (?, ?, 'now', ?)",
                ("trend", "def", load("idef-2023-trend").model_dump_json()))
    old.executemany("INSERT INTO meetings (document_id, ordinal, mode) VALUES (2, ?, 'in_person')", [(0,), (1,)])
    old.close()
    conn = store.connect(path)
    assert store.schema_version(conn) == store.SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM sightings").fetchone()[0] == 5
    assert [tuple(r) for r in person_rows(conn)][0] == ("Agil Gurbanov", "AZ")
    assert len(participants(conn)) == 6
