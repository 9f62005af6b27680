"""Tests for the gazetteer files (data/*.jsonl) and the idefx.gazetteers lookups."""

from __future__ import annotations

import json
import re

import pycountry
import pytest

from idefx import gazetteers as gz
from idefx.resources import data_path

# Ordinary English words that must never be a city, venue or organisation name on their own.
COMMON_WORDS = {
    "of", "along", "the", "and", "mobile", "reading", "nice", "split", "bath", "orange", "temple", "independence",
    "surprise", "concord", "victory", "union", "liberty", "march", "may", "president", "minister", "defence",
    "defense", "security", "forum", "summit", "meeting", "center", "centre", "group", "industry", "systems",
    "technology", "international", "national", "general", "army", "navy", "state", "city", "capital", "port",
}


@pytest.mark.parametrize("name", ["countries.jsonl", "cities.jsonl", "events.jsonl", "venues.jsonl", "organizations.jsonl"])
def test_jsonl_files_are_valid_objects_with_names(name):
    with data_path(name).open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    assert rows
    for row in rows:
        assert isinstance(row, dict)
        assert isinstance(row.get("name"), str) and row["name"].strip() == row["name"] and row["name"]
        assert all(isinstance(a, str) and a for a in row.get("aliases", []))


def test_every_iso_country_and_kosovo_present():
    codes = {c["code"] for c in gz.countries()}
    assert {c.alpha_2 for c in pycountry.countries} | {"XK"} <= codes


def test_country_records_have_the_documented_keys():
    for entry in gz.countries():
        assert set(entry) >= {"code", "alpha3", "name", "official_name", "aliases", "demonyms", "ambiguous", "ambiguous_aliases"}
        assert entry["name"] in entry["aliases"]
        assert "," not in entry["name"] and "(" not in entry["name"]


def test_no_surface_form_belongs_to_two_countries():
    owner = {}
    for entry in gz.countries():
        for form in entry["aliases"] + entry["demonyms"]:
            key = gz.gazetteer_key(form)
            assert owner.setdefault(key, entry["code"]) == entry["code"], form


@pytest.mark.parametrize(
    "text, code",
    [
        ("Nigeria", "NG"), ("NG", "NG"), ("NGA", "NG"), ("Nigerian", "NG"), ("Nigerians", "NG"),
        ("Federal Republic of Nigeria", "NG"), ("Turkey", "TR"), ("Türkiye", "TR"), ("turkiye", "TR"),
        ("TURKIYE", "TR"), ("Republic of Türkiye", "TR"), ("Turkish", "TR"), ("Ivory Coast", "CI"),
        ("Côte d'Ivoire", "CI"), ("Cote d’Ivoire", "CI"), ("Czechia", "CZ"), ("Czech Republic", "CZ"),
        ("UK", "GB"), ("U.K.", "GB"), ("Britain", "GB"), ("Great Britain", "GB"), ("British", "GB"),
        ("US", "US"), ("U.S.", "US"), ("USA", "US"), ("United States of America", "US"), ("America", "US"),
        ("American", "US"), ("the United States", "US"), ("UAE", "AE"), ("U.A.E.", "AE"), ("Emirati", "AE"),
        ("Russia", "RU"), ("Russian Federation", "RU"), ("South Korea", "KR"), ("Republic of Korea", "KR"),
        ("ROK", "KR"), ("South Korean", "KR"), ("North Korea", "KP"), ("DPRK", "KP"), ("Iran", "IR"),
        ("Islamic Republic of Iran", "IR"), ("Syria", "SY"), ("Vietnam", "VN"), ("Viet Nam", "VN"), ("Laos", "LA"),
        ("Bolivia", "BO"), ("Venezuela", "VE"), ("Tanzania", "TZ"), ("Moldova", "MD"), ("Macedonia", "MK"),
        ("North Macedonia", "MK"), ("Burma", "MM"), ("Myanmar", "MM"), ("Swaziland", "SZ"), ("Eswatini", "SZ"),
        ("Cape Verde", "CV"), ("Cabo Verde", "CV"), ("East Timor", "TL"), ("Timor-Leste", "TL"), ("Vatican", "VA"),
        ("Holy See", "VA"), ("Palestine", "PS"), ("State of Palestine", "PS"), ("Taiwan", "TW"), ("Kosovo", "XK"),
        ("XK", "XK"), ("Azerbaijani", "AZ"), ("Saudi", "SA"), ("Brazilian", "BR"), ("Estonian", "EE"),
        ("Lithuanian", "LT"), ("Indonesian", "ID"), ("Dutch", "NL"), ("the Netherlands", "NL"), ("Filipino", "PH"),
        ("Chinese", "CN"), ("Swiss", "CH"), ("French", "FR"), ("Norwegian", "NO"), ("DRC", "CD"),
    ],
)
def test_country_code_resolves_names_aliases_codes_and_demonyms(text, code):
    assert gz.country_code(text) == code


@pytest.mark.parametrize("text", ["in", "it", "no", "me", "Atlantis", "", "Minister", "Defence"])
def test_country_code_rejects_non_countries_and_lowercase_codes(text):
    assert gz.country_code(text) is None


@pytest.mark.parametrize("text", ["Chad", "Jordan", "Georgia", "Guinea", "Korea", "Korean", "Congo", "America"])
def test_colliding_forms_are_marked_ambiguous(text):
    assert gz.country_code(text) is not None
    assert gz.country_is_ambiguous(text)


@pytest.mark.parametrize("text", ["Nigeria", "Türkiye", "South Korea", "Azerbaijan"])
def test_plain_country_names_are_not_ambiguous(text):
    assert not gz.country_is_ambiguous(text)


def test_country_name_is_the_common_english_name():
    assert gz.country_name("NG") == "Nigeria"
    assert gz.country_name("kr") == "South Korea"
    assert gz.country_name("XK") == "Kosovo"
    assert gz.country_name("ZZ") is None


def test_loaders_return_fresh_lists():
    first = gz.countries()
    first.clear()
    assert gz.countries()


def test_city_records_have_the_documented_keys():
    for entry in gz.cities():
        assert set(entry) >= {"name", "country", "aliases", "population", "capital", "ambiguous"}
        assert gz.country_name(entry["country"]) is not None
        assert entry["name"] in entry["aliases"]
        assert entry["ambiguous"] == ("ambiguous_reason" in entry)


def test_every_capital_is_kept():
    capitals = {c["country"] for c in gz.cities() if c["capital"]}
    assert {"TR", "NG", "AZ", "US", "GB", "FR", "IN", "JP", "BR", "ZA", "EG", "SA", "AE", "KZ"} <= capitals


@pytest.mark.parametrize(
    "name, code",
    [
        ("Istanbul", "TR"), ("İstanbul", "TR"), ("istanbul", "TR"), ("Izmir", "TR"), ("Ankara", "TR"),
        ("Baku", "AZ"), ("Lagos", "NG"), ("Abuja", "NG"), ("Washington", "US"), ("Washington, D.C.", "US"),
        ("Kiev", "UA"), ("Kyiv", "UA"), ("Bombay", "IN"), ("New Delhi", "IN"), ("Abu Dhabi", "AE"),
        ("Riyadh", "SA"), ("Cologne", "DE"), ("Köln", "DE"), ("London", "GB"), ("Paris", "FR"),
    ],
)
def test_city_country(name, code):
    assert gz.city_country(name) == code


@pytest.mark.parametrize("name, code", [
    ("Ha Noi", "VN"), ("HÀ NỘI", "VN"), ("Bang kok", "TH"), ("Sing apore", "SG"),
])
def test_a_city_written_syllable_by_syllable_is_the_city(name, code):
    assert gz.city_country(name) == code


def test_words_that_only_join_into_no_city_name_no_city():
    assert gz.city_country("Lima Peru") is None and gz.city_country("Da Nang") == "VN"


def test_event_host_towns_below_the_population_floor_are_kept():
    assert gz.city_country("Farnborough") == "GB"
    assert gz.city_country("Villepinte") == "FR"


@pytest.mark.parametrize("name", ["Mobile", "Reading", "Split", "Surprise", "Of", "Along", "Independence", "Jamaica"])
def test_common_words_and_country_names_are_not_cities(name):
    assert gz.city_country(name) is None


@pytest.mark.parametrize("name", ["Austin", "Hyderabad", "Hamilton"])
def test_cities_sharing_a_person_or_another_city_name_are_ambiguous(name):
    assert gz.city(name)["ambiguous"]


def test_no_unambiguous_city_alias_is_a_common_english_word():
    forms = {gz.gazetteer_key(form) for entry in gz.cities() if not entry["ambiguous"] for form in entry["aliases"]}
    assert not forms & COMMON_WORDS


def _by_name(rows):
    return {gz.gazetteer_key(row["name"]): row for row in rows}


@pytest.mark.parametrize(
    "name, country, city",
    [("IDEF", "TR", "Istanbul"), ("IDEX", "AE", "Abu Dhabi"), ("ADEX", "AZ", "Baku"), ("DSEI", "GB", "London"),
     ("Eurosatory", "FR", "Paris"), ("Aero India", "IN", "Bengaluru"), ("Dubai Airshow", "AE", "Dubai")],
)
def test_major_fairs_have_base_names_and_places(name, country, city):
    event = _by_name(gz.events())[gz.gazetteer_key(name)]
    assert (event["country"], event["city"]) == (country, city)
    assert event["kind"] in {"exhibition", "airshow", "conference", "summit"}


def test_event_names_carry_no_edition():
    for event in gz.events():
        for form in [event["name"], *event["aliases"]]:
            assert not re.search(r"\b(19|20)\d\d$", form), form
            assert not re.match(r"\d+(st|nd|rd|th)\b", form), form


def test_long_names_are_event_aliases():
    assert "International Defence Industry Fair" in _by_name(gz.events())["idef"]["aliases"]


def test_events_confusable_with_words_or_places_are_dropped():
    events = _by_name(gz.events())
    assert not {"defence", "dubai", "army", "ideas", "counter terrorism", "artillery"} & set(events)
    assert {"idef", "idex", "eurosatory", "world defense show"} <= set(events)


def test_every_event_venue_is_a_venue():
    venue_names = {v["name"] for v in gz.venues()}
    assert {e["venue"] for e in gz.events() if e["venue"]} <= venue_names


@pytest.mark.parametrize(
    "name, alias, city",
    [("ExCeL London", "ExCeL", "London"), ("Abu Dhabi National Exhibition Centre", "ADNEC", "Abu Dhabi"),
     ("Qatar National Convention Centre", "QNCC", "Doha"), ("Baku Expo Center", None, "Baku")],
)
def test_venues_are_normalised(name, alias, city):
    venue = _by_name(gz.venues())[gz.gazetteer_key(name)]
    assert venue["city"] == city
    assert alias is None or alias in venue["aliases"]


def test_no_venue_is_a_bare_city_or_generic_phrase():
    places = {gz.gazetteer_key(c["name"]) for c in gz.cities()} | {gz.gazetteer_key(c["name"]) for c in gz.countries()}
    for venue in gz.venues():
        assert gz.gazetteer_key(venue["name"]) not in places | {"exhibition centre", "world trade center", "ballrooms"}


@pytest.mark.parametrize(
    "name, country",
    [("Baykar", "TR"), ("Aselsan", "TR"), ("Roketsan", "TR"), ("Thales", "FR"), ("Saab", "SE"),
     ("Lockheed Martin", "US"), ("Rheinmetall", "DE"), ("Elbit Systems", "IL"), ("Embraer", "BR")],
)
def test_exhibitors_become_organisations_without_legal_suffixes(name, country):
    org = _by_name(gz.organizations())[gz.gazetteer_key(name)]
    assert org["country"] == country and org["kind"] == "company"


def test_shouting_names_are_title_cased_and_kept_as_aliases():
    aselsan = _by_name(gz.organizations())["aselsan"]
    assert aselsan["name"] == "Aselsan" and "ASELSAN" in aselsan["aliases"]


def test_bare_names_that_are_people_or_words_keep_only_their_longer_forms():
    orgs = _by_name(gz.organizations())
    assert not {"harris", "leonardo", "rafael", "cae", "safer"} & set(orgs)
    assert "harris corporation" in orgs and "boeing" in orgs
    for org in orgs.values():
        for form in [org["name"], *org["aliases"]]:
            assert gz.gazetteer_key(form) not in {"harris", "leonardo", "rafael", "who", "shape"}


def test_generic_organisation_names_are_dropped():
    orgs = _by_name(gz.organizations())
    assert not {"defence systems", "security solutions", "turkey", "france"} & set(orgs)


@pytest.mark.parametrize("alias, name", [("NATO", "North Atlantic Treaty Organization"), ("OSCE", "Organization for Security and Co-operation in Europe"), ("CSTO", "Collective Security Treaty Organization"), ("ASEAN", "Association of Southeast Asian Nations")])
def test_international_organisations(alias, name):
    org = _by_name(gz.organizations())[gz.gazetteer_key(name)]
    assert org["kind"] == "international" and alias in org["aliases"]


@pytest.mark.parametrize("text, key", [
    ("  New   York ", "new york"), ("STRASSE", "strasse"), ("Côte d’Ivoire", "cote d'ivoire"),
    ("São  Tomé", "sao tome"), ("Straße", "strasse"), ("Dominican\tRepublic", "dominican republic")])
def test_gazetteer_key_casefolds_strips_diacritics_straightens_quotes_and_collapses_spaces(text, key):
    assert gz.gazetteer_key(text) == key


def test_gazetteer_keys_keep_punctuation_that_tells_places_apart():
    assert gz.gazetteer_key("  Saint-Paul ") == gz.gazetteer_key("SAINT-PAUL") == "saint-paul"
    assert gz.city_country("Saint-Paul") == "RE" and gz.city_country("Saint Paul") == "US"
    assert gz.gazetteer_key("Côte d’Ivoire") == "cote d'ivoire" and gz.country_code("Côte d’Ivoire") == "CI"
