"""The per-person counts of names and countries (person_names, person_countries): what the people's aliases and
roles give whatever the history of saves and removals, filled from the rows on the upgrade that brings them, and
the only thing a save reads to name the people it touches, on both backends."""

from idefx import store
from idefx.schema import COUNTS_VERSION
from test_store import ORDER_SENSITIVE, REPEATED, person_rows, record


def counted(c) -> list[tuple]:
    """The counts, each person given by its display name."""
    names = c.execute("SELECT p.name, n.alias, n.is_name, n.uses FROM person_names n JOIN people p "
                      "ON p.id = n.person_id").fetchall()
    countries = c.execute("SELECT p.name, n.country, n.uses FROM person_countries n JOIN people p "
                          "ON p.id = n.person_id").fetchall()
    return sorted(tuple(r) for r in names) + sorted(tuple(r) for r in countries)


def aggregated(c) -> list[tuple]:
    """What the counts must be: the aliases and roles grouped."""
    names = c.execute("SELECT p.name, a.alias, a.is_name, count(*) FROM person_aliases a JOIN people p "
                      "ON p.id = a.person_id GROUP BY p.id, p.name, a.alias, a.is_name").fetchall()
    countries = c.execute("SELECT p.name, r.country, count(*) FROM person_roles r JOIN people p ON p.id = r.person_id "
                          "WHERE r.country IS NOT NULL GROUP BY p.id, p.name, r.country").fetchall()
    return sorted(tuple(r) for r in names) + sorted(tuple(r) for r in countries)


def test_counts_are_what_the_rows_give_whatever_the_history(store_location):
    clean = store.connect(store_location())
    for r in REPEATED[:4] + REPEATED[5:] + ORDER_SENSITIVE[:3] + ORDER_SENSITIVE[4:]:
        store.save_record(clean, r)
    busy = store.connect(store_location())
    for r in ORDER_SENSITIVE + REPEATED[::-1] + ORDER_SENSITIVE[::-1] + REPEATED:
        store.save_record(busy, r)
        assert counted(busy) == aggregated(busy)
    store.forget(busy, "r5")
    store.forget(busy, "d4")
    assert counted(busy) == aggregated(busy) == counted(clean) == aggregated(clean)
    for gone in ("r1", "r2", "r3", "r4", "r6", "d1", "d2", "d3", "d5", "d6"):
        store.forget(busy, gone)
    assert counted(busy) == [] and person_rows(busy) == []


def test_the_upgrade_fills_the_counts_from_the_rows(store_location):
    location = store_location()
    conn = store.connect(location)
    for r in REPEATED + ORDER_SENSITIVE:
        store.save_record(conn, r)
    before = counted(conn)
    conn.execute("DROP TABLE person_names")  # the store as the version before the counts left it
    conn.execute("DROP TABLE person_countries")
    conn.execute(f"PRAGMA user_version = {COUNTS_VERSION - 1}")
    conn.close()
    conn = store.connect(location)
    assert store.schema_version(conn) == store.SCHEMA_VERSION
    assert before and counted(conn) == before == aggregated(conn)
    store.forget(conn, "r5")
    store.save_record(conn, REPEATED[4])
    assert counted(conn) == before


def test_a_save_names_its_people_from_their_counts_alone(store_location):
    """A save reads the counts of the people it names, not every row naming them, and no one else's: counts
    changed behind the store's back show in the name of the person saved again, and only in theirs."""
    conn = store.connect(store_location())
    store.save_record(conn, record("a", [("Noor Haddad", "JO", ()), ("Ivo Brandt", "AT", ())]))
    ids = dict(conn.execute("SELECT name, id FROM people").fetchall())
    conn.executemany("INSERT INTO person_names (person_id, alias, is_name, uses) VALUES (?, ?, 1, 1)",
                     [(ids["Noor Haddad"], "Noor Al Haddad"), (ids["Ivo Brandt"], "Ivo K. Brandt")])
    store.save_record(conn, record("b", [("Noor Haddad", "JO", ())]))
    assert sorted(tuple(r) for r in person_rows(conn)) == [("Ivo Brandt", "AT"), ("Noor Al Haddad", "JO")]
