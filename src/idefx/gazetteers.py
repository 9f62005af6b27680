"""Lookups over idefx's public-data gazetteers (countries, cities, events, venues, organisations).

The gazetteers are the JSONL files in ``idefx.data`` (built by ``scripts/build_gazetteers.py``, sources in
``data/SOURCES.md``). Each file is read once, on first use. Name lookups are case- and diacritic-insensitive
(``gazetteer_key``); ISO codes are matched only when written in capitals, so the word "in" is not India.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from idefx.resources import data_path, read_jsonl


def gazetteer_key(text: str) -> str:
    """The lookup key of a gazetteer name: casefolded, without diacritics, curly quotes straightened, spaces
    collapsed. Unlike :func:`idefx.names.name_key` it keeps punctuation, which tells places apart
    ("Saint-Paul" in Réunion, "Saint Paul" in Minnesota; "San-Pédro" and "San Pedro")."""
    if text.isascii():  # nothing to decompose, strip or straighten: the same key, quicker
        return " ".join(text.casefold().split())
    text = text.replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@lru_cache(maxsize=None)
def _load(name: str) -> tuple[dict, ...]:
    if not data_path(name).is_file():
        return ()
    return tuple(read_jsonl(name))


def countries() -> list[dict]:
    """countries.jsonl: code, alpha3, name, official_name, aliases, demonyms, ambiguous, ambiguous_aliases."""
    return list(_load("countries.jsonl"))


def cities() -> list[dict]:
    """cities.jsonl: name, country, aliases, population, capital, ambiguous."""
    return list(_load("cities.jsonl"))


def events() -> list[dict]:
    """events.jsonl: name (base name, no edition), aliases, kind, country, city, venue."""
    return list(_load("events.jsonl"))


def venues() -> list[dict]:
    """venues.jsonl: name, aliases, city, country."""
    return list(_load("venues.jsonl"))


def organizations() -> list[dict]:
    """organizations.jsonl: name, aliases, country, kind (+ editions for fair exhibitors)."""
    return list(_load("organizations.jsonl"))


@lru_cache(maxsize=1)
def _country_index() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    by_form: dict[str, str] = {}
    by_code: dict[str, str] = {}
    ambiguous: set[str] = set()
    for entry in _load("countries.jsonl"):
        code = entry["code"]
        by_code[code] = code
        by_code[entry["alpha3"]] = code
        for form in [entry["name"], entry.get("official_name") or "", *entry.get("aliases", []), *entry.get("demonyms", [])]:
            if form:
                by_form.setdefault(gazetteer_key(form), code)
        ambiguous.update(gazetteer_key(form) for form in entry.get("ambiguous_aliases", []))
    return by_form, by_code, frozenset(ambiguous)


def country_code(text: str) -> str | None:
    """ISO alpha-2 code for a country name, alias, former name, demonym or (capitalised) alpha-2/alpha-3 code."""
    by_form, by_code, _ = _country_index()
    stripped = text.strip()
    if stripped.isupper() and stripped in by_code:
        return by_code[stripped]
    key = gazetteer_key(stripped)
    if key in by_form:
        return by_form[key]
    if key.startswith("the "):
        return by_form.get(key[4:])
    return None


def country_is_ambiguous(text: str) -> bool:
    """True when this surface form also means something else (a first name, a US state, ...) and needs context."""
    return gazetteer_key(text.strip()) in _country_index()[2]


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {entry["code"]: entry["name"] for entry in _load("countries.jsonl")}


def country_name(code: str) -> str | None:
    """The common English name of an alpha-2 code."""
    return _country_names().get(code.strip().upper())


@lru_cache(maxsize=1)
def _city_index() -> dict[str, dict]:
    index: dict[str, dict] = {}
    for entry in sorted(_load("cities.jsonl"), key=lambda e: -(e.get("population") or 0)):
        for form in [entry["name"], *entry.get("aliases", [])]:
            index.setdefault(gazetteer_key(form), entry)
    return index


def city(name: str) -> dict | None:
    """The cities.jsonl entry for a city name or alias (the most populous one when several share it)."""
    return _city_index().get(gazetteer_key(name.strip()))


def city_country(name: str) -> str | None:
    """ISO alpha-2 code of the country of a city name or alias."""
    entry = city(name)
    return entry["country"] if entry else None


def org_heads(entries: list[dict]) -> set[str]:
    """The head words of organisation names ("ministry", "agency"), lower case, from org_patterns entries."""
    return {e["text"].lower() for e in entries if e["kind"] == "head"}
