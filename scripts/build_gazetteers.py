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


def build_countries() -> list[dict]:
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


BUILDERS = {"countries": build_countries}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(BUILDERS), help="comma-separated subset of: " + ", ".join(BUILDERS))
    parser.add_argument("--caat", type=Path, default=DEFAULT_CAAT, help="the caat-arms-fairs directory")
    args = parser.parse_args(argv)
    for name in args.only.split(","):
        if name not in BUILDERS:
            parser.error(f"unknown gazetteer {name!r}")
        builder = BUILDERS[name]
        rows = builder(args.caat) if builder.__code__.co_argcount else builder()
        write_jsonl(f"{name}.jsonl", rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
