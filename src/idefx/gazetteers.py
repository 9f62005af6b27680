"""Lookups over idefx's public-data gazetteers (countries, cities, regions, events, venues, organisations).

The gazetteers are the JSONL files in ``idefx.data`` (built by ``scripts/build_gazetteers.py``, sources in
``data/SOURCES.md``). Each file is read once, on first use. Name lookups are case- and diacritic-insensitive
(``gazetteer_key``); ISO codes are matched only when written in capitals, so the word "in" is not India.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

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


def regions() -> list[dict]:
    """regions.jsonl: name, aliases, countries, codes, country_name (first-level subdivisions)."""
    return list(_load("regions.jsonl"))


def organizations() -> list[dict]:
    """organizations.jsonl: name, aliases, country, kind (+ editions for fair exhibitors)."""
    return list(_load("organizations.jsonl"))


def country_terms(entries: Iterable[dict]) -> list[dict]:
    """The one list of the surface forms that name a country, for every reader of countries.jsonl entries:
    ``{"text", "code", "label", "ambiguous"}``. Names, official names and aliases (label ``country``) come as
    written, in capitals when longer than three letters, and without a leading "the"; demonyms (label
    ``demonym``) as written; each also with a typographic apostrophe. ``ambiguous`` marks a form that also names something else (``ambiguous_aliases``:
    "Georgia", "Jordan", "Chad"), which :func:`backed_by_text` decides."""
    terms = []
    for entry in entries:
        unsure = set(entry.get("ambiguous_aliases", []))
        names = {entry["name"], entry.get("official_name") or entry["name"], *entry.get("aliases", [])}
        for label, forms in (("country", names), ("demonym", set(entry.get("demonyms", [])))):
            for form in sorted(filter(None, forms)):
                texts = {form}
                if label == "country" and len(form) > 3:
                    texts.add(form.upper())
                if label == "country" and form.lower().startswith("the "):
                    texts.add(form[4:])
                texts |= {text.replace("'", "’") for text in texts}  # as typeset: "People’s Republic of China"
                terms.extend({"text": text, "code": entry["code"], "label": label, "ambiguous": form in unsure}
                             for text in sorted(texts))
    return terms


_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|or|&))\s*")  # between two items of a list: ", ", " and ", ", and "
# words of national government: "Georgian Defense Minister", "Georgia's president", "the Embassy of Jordan"
# ("the governor of Georgia" and "Georgia Air National Guard" are a US state's)
NATIONAL_WORDS = frozenset({
    "ambassador", "counterpart", "counterparts", "defence", "defense", "delegation", "embassy", "emir", "envoy",
    "foreign", "government", "king", "military", "minister", "ministers", "ministry", "parliament", "president",
    "prime", "queen"})
_WORD_AFTER = re.compile(r"(?:['’]s)?\s+(\w+)")
_WORD_OF_BEFORE = re.compile(r"(\w+)\s+of\s+(?:the\s+)?\Z")


def backed_by_text(mentions: list[tuple[str, bool, int, int]], text: str) -> list[bool]:
    """The context rule for country forms that may name something else. Of a text's country mentions, given as
    (code, ambiguous, start, end) in text order, keep an ambiguous one only where the text backs it: by an
    unambiguous mention of the same country ("Jordan" with "Jordanian"), by a second, different ambiguous
    form of it ("Georgia" with "Georgian"), by standing in a list of countries ("Egypt and Jordan",
    "Gabon, Guinea, Mali"), or by a word of national government next to it (:data:`NATIONAL_WORDS`:
    "Georgia's defence minister", "the President of Georgia"). "The governor of Georgia" alone is no country."""
    sure = {code for code, ambiguous, _, _ in mentions if not ambiguous}
    forms: dict[str, set[str]] = {}
    for code, ambiguous, start, end in mentions:
        if ambiguous:
            forms.setdefault(code, set()).add(" ".join(text[start:end].split()))

    def listed(i: int) -> bool:
        return (i > 0 and _LIST_GAP.fullmatch(text, mentions[i - 1][3], mentions[i][2]) is not None) or (
            i + 1 < len(mentions) and _LIST_GAP.fullmatch(text, mentions[i][3], mentions[i + 1][2]) is not None)

    def national(start: int, end: int) -> bool:
        after = _WORD_AFTER.match(text, end)
        before = _WORD_OF_BEFORE.search(text, max(0, start - 40), start)
        return any(m is not None and m.group(1).lower() in NATIONAL_WORDS for m in (after, before))

    return [not ambiguous or code in sure or len(forms[code]) > 1 or listed(i) or national(start, end)
            for i, (code, ambiguous, start, end) in enumerate(mentions)]


@lru_cache(maxsize=1)
def _country_index() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    by_form: dict[str, str] = {}
    by_code: dict[str, str] = {}
    ambiguous: set[str] = set()
    entries = _load("countries.jsonl")
    for entry in entries:
        by_code[entry["code"]] = entry["code"]
        by_code[entry["alpha3"]] = entry["code"]
    for term in country_terms(entries):
        key = gazetteer_key(term["text"])
        by_form.setdefault(key, term["code"])
        if term["ambiguous"]:
            ambiguous.add(key)
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
    """The cities.jsonl entry for a city name or alias (the most populous one when several share it); a name
    written syllable by syllable ("Ha Noi", "HÀ NỘI") is also the name written as one word."""
    index, key = _city_index(), gazetteer_key(name.strip())
    return index.get(key) or (index.get(key.replace(" ", "")) if " " in key else None)


def city_country(name: str) -> str | None:
    """ISO alpha-2 code of the country of a city name or alias."""
    entry = city(name)
    return entry["country"] if entry else None


def org_heads(entries: list[dict]) -> set[str]:
    """The head words of organisation names ("ministry", "agency"), lower case, from org_patterns entries."""
    return {e["text"].lower() for e in entries if e["kind"] == "head"}
