"""Benchmark the knowledge base: build a store of synthetic document records, then time the query commands.

Records are synthesised with the record model (no NLP): each document names
a few people drawn from a shared pool (so entity resolution has work to do),
their titles, organisations and countries, and one to three meetings. Every
figure is reported against baselines measured in the same run: a trivial
``SELECT 1`` round-trip on the same connection, the 1 s answer budget, and,
for the command line, ``idefx --version`` in a fresh process.

    python benchmarks/bench_store.py [--docs 10000] [--repeat 5] [--results benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from idefx import queries, store
from idefx.records import DocumentRecord
from results_file import replace_section

FIRST = ["Vugar", "Ibrahim", "Selim", "Haluk", "Agil", "Amina", "Olena", "Kwame", "Mariam", "Tomasz", "Nguyen",
         "Ahmed", "Sofia", "Rashid", "Ivana", "Joao", "Leila", "Kenji", "Ayodele", "Farida", "Mehmet", "Anita",
         "Pavel", "Chen", "Ruth", "Omar", "Elif", "Dmitri", "Grace", "Samir"]
SYLLABLES = ["ka", "ro", "mus", "ta", "ye", "va", "ba", "li", "gur", "no", "ser", "de", "ma", "ko", "vic", "lu",
             "han", "so", "ri", "bek", "ov", "zi", "an", "te"]
TITLES = ["Minister of Defence", "Deputy Minister of Defence", "Chief of General Staff", "Ambassador",
          "Director General", "Chairman", "Chief Executive Officer", "Head of Procurement", "Secretary of State",
          "Commander of the Air Force"]
ORG_KINDS = ["Ministry of Defence", "Defence Industry Agency", "Aerospace", "Shipyards", "Armoured Systems",
             "Electronics", "Procurement Office"]
EVENTS = ["IDEF", "IDEX", "Eurosatory", "DSEI", "Farnborough Airshow", "Zhuhai Airshow", "ADEX", "Army Expo"]
CITIES = ["Istanbul", "Abu Dhabi", "Paris", "London", "Baku", "Abuja", "Ankara", "Warsaw", "Cairo", "Seoul"]
COUNTRIES = ["AZ", "NG", "TR", "AE", "FR", "GB", "PL", "EG", "KR", "US", "UA", "PK", "ID", "BR", "IN", "SA",
             "KZ", "GE", "RO", "IT", "DE", "JP", "ZA", "KE", "GH", "MA", "DZ", "QA", "JO", "MY"]


def surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def person_pool(rng: random.Random, size: int) -> list[dict]:
    pool, seen = [], set()
    while len(pool) < size:
        name = f"{rng.choice(FIRST)} {surname(rng)}"
        if name in seen:
            continue
        seen.add(name)
        country = rng.choice(COUNTRIES)
        pool.append({"name": name, "country": country, "title": rng.choice(TITLES),
                     "organization": f"{country} {rng.choice(ORG_KINDS)}"})
    return pool


def synth_record(rng: random.Random, i: int, pool: list[dict]) -> DocumentRecord:
    people = rng.sample(pool, rng.randint(2, 6))
    text_parts, persons = [], []
    for p in people:
        start = sum(len(t) + 1 for t in text_parts)
        text_parts.append(f"{p['title']} {p['name']}")
        name_start = start + len(p["title"]) + 1
        persons.append({**p, "titles": [p["title"]], "aliases": [p["name"].split()[-1]],
                        "mentions": [{"start": name_start, "end": name_start + len(p["name"]), "text": p["name"]}]})
    day = f"20{rng.randint(15, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    meetings = []
    for _ in range(rng.randint(1, 3)):
        who = rng.sample(people, rng.randint(2, len(people)))
        meetings.append({"participants": [p["name"] for p in who], "hosts": [who[0]["name"]],
                         "guests": [p["name"] for p in who[1:]], "parties": sorted({p["country"] for p in who}),
                         "date": day, "city": rng.choice(CITIES), "country": who[0]["country"],
                         "event": rng.choice(EVENTS) + f"-{day[:4]}" if rng.random() < 0.6 else None,
                         "evidence": [persons[0]["mentions"][0]]})
    return DocumentRecord(id=f"synthetic-{i:05d}", sha256=f"{i:064x}", published=day, people=persons,
                          organizations=[{"name": p["organization"], "country": p["country"]} for p in people],
                          countries=[{"code": c, "name": c} for c in sorted({p["country"] for p in people})],
                          meetings=meetings)


def query_cases(conn, probe: dict) -> list:
    """The README's queries as (label, call); ``probe`` is a stored person whose surname is searched for."""
    surname = probe["name"].split()[-1]
    return [
        ("people (all)", lambda: queries.people(conn)),
        ("people --country NG", lambda: queries.people(conn, country="NG")),
        ("people --country Nigeria", lambda: queries.people(conn, country="Nigeria")),
        (f"people --name {surname}", lambda: queries.people(conn, name=surname)),
        ("people --org Aerospace --title minister", lambda: queries.people(conn, org="Aerospace", title="minister")),
        ("meetings (all)", lambda: queries.meetings(conn)),
        (f"meetings --person {surname}", lambda: queries.meetings(conn, person=surname)),
        ("meetings --country TR --since 2020 --until 2021-06",
         lambda: queries.meetings(conn, country="TR", since="2020", until="2021-06")),
        ("meetings --event IDEF", lambda: queries.meetings(conn, event="IDEF")),
        (f"show {probe['name']}", lambda: queries.show(conn, probe["name"])),
        ("countries", lambda: queries.countries(conn)),
        ("orgs", lambda: queries.organisations(conn)),
    ]


def timed(fn, repeat: int) -> float:
    """Median seconds of ``repeat`` calls."""
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def cli_seconds(args: list[str], repeat: int) -> float:
    cmd = [sys.executable, "-m", "idefx", *args]
    return timed(lambda: subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL), repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=4_000, help="Size of the shared pool of people.")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--results", type=Path, default=Path(__file__).with_name("RESULTS.md"))
    args = parser.parse_args()
    rng = random.Random(20230726)
    pool = person_pool(rng, args.people)
    records = [synth_record(rng, i, pool) for i in range(args.docs)]

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        conn = store.connect(db)
        t0 = time.perf_counter()
        for record in records:
            store.save_record(conn, record)
        build = time.perf_counter() - t0
        resave = timed(lambda: store.save_record(conn, records[0]), args.repeat * 4)
        size = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in ("documents", "people", "meetings", "participants")}
        baseline = timed(lambda: conn.execute("SELECT 1").fetchone(), args.repeat * 20)
        probe = pool[len(pool) // 2]
        surname_only = probe["name"].split()[-1]
        cases = query_cases(conn, probe)
        rows = []
        for label, fn in cases:
            n = len(fn()) if not label.startswith("show") else 1
            seconds = timed(fn, args.repeat)
            rows.append((label, n, seconds))
        conn.close()

        os.environ["IDEFX_DB"] = str(db)
        version = cli_seconds(["--version"], args.repeat)
        cli = [(" ".join(a), cli_seconds([*a, "--format", "jsonl"], args.repeat))
               for a in (["people", "--country", "Nigeria"], ["meetings", "--person", surname_only])]

    lines = [
        "## Store",
        "",
        f"`python benchmarks/bench_store.py --docs {args.docs} --people {args.people} --repeat {args.repeat}` "
        f"(medians; synthetic records, {size['documents']} documents, {size['people']} people, "
        f"{size['meetings']} meetings, {size['participants']} participations).",
        "",
        f"Baselines measured in this run: `SELECT 1` round-trip = {baseline * 1e6:.1f} µs; budget = 1 s; "
        f"`idefx --version` in a fresh process = {version:.3f} s. Machine: {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.1f} at the end of the run (shared machine; absolute times scale with load).",
        "",
        f"- Building the store: {args.docs / build:.0f} documents/s, one transaction each "
        f"(= {build / args.docs / baseline:.0f}× a `SELECT 1` per document); "
        f"re-saving a stored document (replace): {resave * 1e3:.2f} ms.",
        "",
        "| query (function, rows returned) | rows | time | × `SELECT 1` | share of 1 s budget |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, n, seconds in rows:
        lines.append(f"| `{label}` | {n} | {seconds * 1e3:.1f} ms | {seconds / baseline:.0f}× | {seconds:.1%} |")
    lines += ["", "| command line (fresh process, jsonl) | time | × `idefx --version` | share of 1 s budget |",
              "|---|---:|---:|---:|"]
    for label, seconds in cli:
        lines.append(f"| `idefx {label}` | {seconds:.3f} s | {seconds / version:.2f}× | {seconds:.1%} |")
    replace_section(args.results, "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
