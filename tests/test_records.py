"""The record model: JSON round trip and the committed JSON Schema."""

import json
from pathlib import Path

from idefx.records import DocumentRecord, Meeting, Person, Span, json_schema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "record.schema.json"


def test_committed_schema_matches_the_model():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema(), \
        "docs/record.schema.json is stale: run scripts/write_schema.py"


def test_record_round_trips_through_json():
    record = DocumentRecord(
        id="doc", sha256="0" * 64, published="2023-07-26",
        people=[Person(name="Haluk Gergin", titles=["Chairman"], country="TR",
                       mentions=[Span(start=3, end=15, text="Haluk Gergin")])],
        meetings=[Meeting(participants=["Haluk Gergin", "Selçuk Bayraktar"], parties=["TR"])],
    )
    again = DocumentRecord.model_validate_json(record.to_json())
    assert again == record
    data = json.loads(record.to_json())
    assert data["people"][0]["country"] == "TR"
    assert data["meetings"][0]["mode"] == "in_person"


def test_an_organisation_written_with_other_punctuation_is_one_organisation(pipeline):
    doc = pipeline("The Export-Import Bank of Canada lent more. Officials of the Export Import Bank of "
                          "Canada said so; the U.S. Marshals Service and the U. S. Marshals Service agreed.")
    orgs = {o["name"]: len(o["mentions"]) for o in doc._.idefx["organizations"]}
    assert orgs == {"Export-Import Bank of Canada": 2, "U.S. Marshals Service": 2}


def test_an_organisation_named_with_and_without_its_country_is_one_organisation(pipeline):
    def orgs(text):
        return {o["name"]: len(o["mentions"]) for o in pipeline(text)._.idefx["organizations"]}

    assert orgs("The Kenyan Parliament met. The Parliament of Kenya voted.") == {"Parliament of Kenya": 2}
    assert orgs("Canada's Atlas Mining Group signed. Atlas Mining Group will build it.") == {"Atlas Mining Group": 2}
    assert orgs("Peru’s Ministry of Energy and the Ministry of Energy of Peru agreed.") == {
        "Ministry of Energy of Peru": 2}
    # a form without a country stays apart when two countries' bodies share its words
    assert orgs("Chile's Ministry of Energy, Peru's Ministry of Energy and the Ministry of Energy met.") == {
        "Chile's Ministry of Energy": 1, "Peru's Ministry of Energy": 1, "Ministry of Energy": 1}


def test_markup_glued_to_an_organisation_is_left_out(pipeline):
    doc = pipeline("Nominee for Member, <u>Board of Directors of the Ocean Power Corporation</u>. See the "
                   "[Office of Rural Housing](https://example.org/x) and the *Ministry of Mines*<br> page.")
    names = [o["name"] for o in doc._.idefx["organizations"]]
    assert names == ["Board of Directors of the Ocean Power Corporation", "Office of Rural Housing", "Ministry of Mines"]
