"""Query functions over a store holding the seed article and a second article about some of the same people."""

from pathlib import Path

import pytest

from idefx import queries, store
from idefx.records import DocumentRecord

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def conn(store_location):
    c = store.connect(store_location())
    for name in ("idef-2023-trend", "abuja-visit"):
        path = FIXTURES / f"{name}.record.json"
        store.save_record(c, DocumentRecord.model_validate_json(path.read_text(encoding="utf-8")))
    yield c
    c.close()


def names(rows):
    return sorted(r["name"] for r in rows)


def test_people_lists_each_person_once(conn):
    rows = queries.people(conn)
    assert names(rows) == ["Agil Gurbanov", "Haluk Gergin", "Ibrahim Abubakar Kana", "Mohammed Badaru Abubakar",
                           "Selçuk Bayraktar", "Vugar Mustafayev"]
    kana = next(r for r in rows if r["name"] == "Ibrahim Abubakar Kana")
    assert kana["titles"] == ["Defense Minister", "Minister of State for Defence"]
    assert kana["aliases"] == ["Kana"] and kana["documents"] == 2 and kana["meetings"] == 2


@pytest.mark.parametrize("country", ["Nigeria", "NG", "NGA", "Nigerian", "nigeria"])
def test_people_by_country_in_any_form(conn, country):
    assert names(queries.people(conn, country=country)) == ["Ibrahim Abubakar Kana", "Mohammed Badaru Abubakar"]


@pytest.mark.parametrize("country", ["Turkey", "Türkiye", "TR", "TUR", "Turkish"])
def test_people_in_turkey(conn, country):
    assert names(queries.people(conn, country=country)) == ["Haluk Gergin", "Selçuk Bayraktar"]


def test_people_filters_fold_case_and_diacritics(conn):
    assert names(queries.people(conn, org="BAYKAR")) == ["Selçuk Bayraktar"]
    assert names(queries.people(conn, name="selcuk")) == ["Selçuk Bayraktar"]
    assert names(queries.people(conn, name="Abubakar")) == ["Ibrahim Abubakar Kana", "Mohammed Badaru Abubakar"]
    assert names(queries.people(conn, title="deputy minister")) == ["Agil Gurbanov", "Vugar Mustafayev"]
    assert names(queries.people(conn, country="AZ", title="head")) == ["Agil Gurbanov"]
    assert queries.people(conn, name="Mustafa") == []  # whole words only


def test_unknown_country_is_an_error(conn):
    with pytest.raises(store.StoreError, match="unknown country"):
        queries.people(conn, country="Atlantis")


def test_meetings_of_a_person_with_dates_and_places(conn):
    rows = queries.meetings(conn, person="Mustafayev")
    assert [(r["date"], r["city"], r["country"], r["event"]) for r in rows] == [
        ("2023-07-26", "Istanbul", "TR", "IDEF-2023"), ("2023-07-26", "Istanbul", "TR", "IDEF-2023"),
        ("2023-10-03", "Abuja", "NG", "")]
    assert rows[0]["participants"] == ["Vugar Mustafayev", "Ibrahim Abubakar Kana"]
    assert sorted(rows[1]["hosts"]) == ["Agil Gurbanov", "Vugar Mustafayev"]
    assert sorted(rows[1]["guests"]) == ["Haluk Gergin", "Selçuk Bayraktar"]
    assert rows[2]["hosts"] == ["Mohammed Badaru Abubakar", "Ibrahim Abubakar Kana"]
    assert all(r["evidence_start"] < r["evidence_end"] for r in rows)


def test_meeting_filters(conn):
    assert len(queries.meetings(conn, event="idef 2023")) == 2
    assert len(queries.meetings(conn, country="Nigeria")) == 2  # a party to both Kana meetings... and Abuja
    assert len(queries.meetings(conn, country="Turkey")) == 3
    assert len(queries.meetings(conn, person="Gergin")) == 1
    assert len(queries.meetings(conn, since="2023-08-01")) == 1
    assert len(queries.meetings(conn, until="2023-07")) == 2
    assert len(queries.meetings(conn, since="2023", until="2023-07-26")) == 2


@pytest.mark.parametrize("bad", ["26/07/2023", "2023-13-01", "yesterday", "2023-02-30"])
def test_bad_dates_are_errors(conn, bad):
    with pytest.raises(store.StoreError, match="--since"):
        queries.meetings(conn, since=bad)


def test_counts_of_orgs_events_countries(conn):
    orgs = {r["name"]: r for r in queries.organisations(conn)}
    assert orgs["Baykar"]["people"] == 1 and orgs["Baykar"]["documents"] == 2
    [event] = queries.events(conn)
    assert (event["name"], event["meetings"], event["documents"]) == ("IDEF-2023", 2, 2)
    by_code = {r["code"]: r for r in queries.countries(conn)}
    assert by_code["NG"]["people"] == 2 and by_code["NG"]["documents"] == 2 and by_code["NG"]["meetings"] == 2
    assert by_code["TR"]["meetings"] == 3 and by_code["AZ"]["people"] == 2


def test_show_gathers_one_person(conn):
    kana = queries.show(conn, "kana")
    assert kana["name"] == "Ibrahim Abubakar Kana" and kana["country"] == "NG"
    assert [(r["date"], r["title"]) for r in kana["roles"]] == [
        ("2023-07-26", "Defense Minister"), ("2023-10-03", "Minister of State for Defence")]
    assert [m["date"] for m in kana["meetings"]] == ["2023-07-26", "2023-10-03"]
    assert [d["document"] for d in kana["documents"]] == ["idef-2023-trend", "abuja-visit"]


def test_show_refuses_ambiguous_and_unknown_people(conn):
    with pytest.raises(store.StoreError, match="matches 2 people"):
        queries.show(conn, "Abubakar")
    with pytest.raises(store.StoreError, match="no stored person"):
        queries.show(conn, "Nobody Atall")


def test_documents_listing(conn):
    rows = queries.documents(conn)
    assert [(r["document"], r["people"], r["meetings"]) for r in rows] == [
        ("idef-2023-trend", 5, 2), ("abuja-visit", 4, 1)]


HOSTILE = ["'; DROP TABLE people; --", "\" OR 1=1 --", "%", "_", "*", "') OR ('1'='1", "x' UNION SELECT 1 --",
           "\\", "\x00"]


@pytest.mark.parametrize("text", HOSTILE)
def test_query_arguments_never_alter_sql(conn, text):
    assert queries.people(conn, name=text) == []
    assert queries.people(conn, org=text, title=text) == []
    assert queries.meetings(conn, person=text) == []
    assert queries.meetings(conn, event=text) == []
    with pytest.raises(store.StoreError):
        queries.people(conn, country=text)
    with pytest.raises(store.StoreError):
        queries.show(conn, text)
    with pytest.raises(store.StoreError):
        store.forget(conn, text)
    with pytest.raises(store.StoreError):
        queries.meetings(conn, since=text)
    assert len(queries.people(conn)) == 6 and len(queries.meetings(conn)) == 3


def test_listings_carry_where_each_item_was_first_seen(conn):
    texts = {"idef-2023-trend": (ROOT / "data/samples/idef-2023-trend.txt").read_text(encoding="utf-8"),
             "abuja-visit": (FIXTURES / "abuja-visit.txt").read_text(encoding="utf-8")}
    for row in queries.people(conn):
        assert texts[row["first_seen"]][row["evidence_start"]:row["evidence_end"]] == row["name"]
    mohammed = queries.people(conn, name="Mohammed")[0]
    assert mohammed["first_seen"] == "abuja-visit"
    unseen = [r["name"] for r in queries.organisations(conn) if r["first_seen"] is None]
    assert unseen == ["Defense Industry Department"]  # known only as Haluk Gergin's organisation
    for row in queries.organisations(conn) + queries.events(conn):
        if row["name"] in unseen:
            continue
        assert texts[row["first_seen"]][row["evidence_start"]:row["evidence_end"]] == row["name"]
    for row in queries.countries(conn):
        assert row["first_seen"] == "idef-2023-trend" and row["evidence_start"] < row["evidence_end"]
    for row in queries.meetings(conn):
        assert row["evidence_start"] < row["evidence_end"] <= len(texts[row["document"]])


def _trip_record(doc_id, published, date):
    text = "Defence Minister Ana Ruiz of Peru will travel to Santiago to meet Chile's Defence Minister Luis Soto."
    span = {"start": 0, "end": len(text), "text": text}
    return DocumentRecord.model_validate({
        "id": doc_id, "sha256": doc_id * 8, "published": published,
        "people": [{"name": "Ana Ruiz", "country": "PE", "mentions": [span]},
                   {"name": "Luis Soto", "country": "CL", "mentions": [span]}],
        "meetings": [{"participants": ["Ana Ruiz", "Luis Soto"], "parties": ["PE", "CL"], "date": date,
                      "city": "Santiago", "country": "CL", "evidence": [span]}]})


def test_an_undated_trip_meeting_is_listed_at_publication_and_says_so(store_location):
    c = store.connect(store_location())
    store.save_record(c, _trip_record("trip", "2024-02-10", None))
    store.save_record(c, _trip_record("talks", "2024-03-01", "2024-02-20"))
    rows = queries.meetings(c, person="Ruiz")
    assert [(r["document"], r["date"], r["date_source"]) for r in rows] == [
        ("trip", "2024-02-10", "published"), ("talks", "2024-02-20", "text")]
    assert [r["document"] for r in queries.meetings(c, person="Ruiz", since="2024-02-15")] == ["talks"]
    assert [r["document"] for r in queries.meetings(c, person="Ruiz", until="2024-02-10")] == ["trip"]
    c.close()


def test_meeting_rows_of_queries_and_of_extract_share_columns_and_evidence(conn):
    from idefx.output import meeting_rows
    from idefx.rows import MEETING_COLUMNS

    assert queries.MEETING_COLUMNS is MEETING_COLUMNS
    record = _trip_record("trip", "2024-02-10", None)
    record.meetings[0].evidence.insert(0, record.meetings[0].evidence[0].model_copy(update={"start": 5, "end": 9}))
    row = next(meeting_rows(record))
    assert list(row) == MEETING_COLUMNS
    assert (row["date"], row["date_source"]) == ("", "")  # a record never dates a meeting by publication
    assert (row["evidence_start"], row["evidence_end"]) == (0, len(record.meetings[0].evidence[1].text))
    stored = queries.meetings(conn, person="Mustafayev")[0]
    assert set(stored) >= set(MEETING_COLUMNS) and stored["date_source"] == "text"
