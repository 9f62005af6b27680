"""Scaling out: extraction on Dask against local processes, the store on SQLite against PostgreSQL, and what
ten million articles would cost.

1. ``idefx extract --jobs 2`` against ``--scheduler local:2`` on the first documents of a corpus (wall time of
   the whole command, pipeline loads included; records checked identical): Dask's overhead as a ratio.
2. Store writes and the README's queries on SQLite and on PostgreSQL at growing sizes (default 10,000 and
   100,000 documents), one store per backend filled by one writer, one transaction per document. The documents
   are the real records extracted in step 1, replicated under new ids and SHA-256s to reach each size (so the
   people recur as in a long-running archive); a stage that cannot reach its size within --cap-minutes stops
   there, and the report says how far it got. Also the size per stored document of the real records.
3. On paper, from those measurements: words per core-second, workers for 10 million articles a day, store size
   per million documents, and a writer's hours for 10 million documents at the rate of the largest store.

    python benchmarks/bench_scale.py /tmp/corpus [--files 1000] [--docs 10000 100000] [--postgres URL]

Without ``--postgres`` a throw-away PostgreSQL cluster with the server's default settings is started from
the installed server binaries (see ``tests/postgres_server.py``). Writes the "## Scaling out" section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import Iterator

from bench_store import query_cases, timed

from idefx import store
from idefx.runner import DEFAULT_GLOBS, iter_paths

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from postgres_server import in_schema, server  # noqa: E402
from results_file import replace_section  # noqa: E402

ARTICLES = 10_000_000


def run_extract(list_file: str, extra: list[str]) -> tuple[float, bytes]:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "idefx", "extract", "--from-list", list_file, "--format", "jsonl",
                          "--no-save", "--no-progress", *extra], check=True, capture_output=True).stdout
    return time.perf_counter() - t0, out


def extraction(corpus: Path, files: int, repeat: int) -> dict:
    paths = [p for p, _ in zip(iter_paths([str(corpus)], DEFAULT_GLOBS), range(files))]
    words = sum(len(Path(p).read_text(encoding="utf-8", errors="replace").split()) for p in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False) as fh:
        fh.write("\n".join(paths) + "\n")
    runs: dict[str, list[float]] = {"jobs2": [], "dask2": []}
    outputs = {}
    for _ in range(repeat):  # interleaved, so load on the shared machine weighs on both alike
        for key, extra in (("jobs2", ["--jobs", "2"]), ("dask2", ["--scheduler", "local:2"])):
            seconds, outputs[key] = run_extract(fh.name, extra)
            runs[key].append(seconds)
    os.unlink(fh.name)
    assert outputs["jobs2"] == outputs["dask2"], "--scheduler local:2 records differ from --jobs 2"
    best = {k: min(v) for k, v in runs.items()}
    return {"documents": len(paths), "words": words, **best, "records": outputs["jobs2"]}


def store_sizes(records: bytes, pg_url: str) -> dict:
    """Bytes per document of the real records, saved in each store."""
    lines = records.decode("utf-8").splitlines()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "records.jsonl"
        data.write_text("\n".join(lines) + "\n", encoding="utf-8")
        db = Path(tmp) / "kb.sqlite3"
        subprocess.run([sys.executable, "-m", "idefx", "load", str(data), "--db", str(db)], check=True,
                       capture_output=True)
        conn = store.connect(db)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        sqlite_bytes = db.stat().st_size
        schema, url = _schema(pg_url)
        subprocess.run([sys.executable, "-m", "idefx", "load", str(data), "--db", url], check=True,
                       capture_output=True)
        pg_bytes = _pg_size(pg_url, schema)
    return {"documents": len(lines), "sqlite": sqlite_bytes / len(lines), "postgresql": pg_bytes / len(lines)}


def _schema(pg_url: str) -> tuple[str, str]:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    return schema, in_schema(pg_url, schema)


def _pg_size(pg_url: str, schema: str) -> int:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("VACUUM ANALYZE")
        return int(admin.execute("SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n "
                             "ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relkind = 'r'",
                             (schema,)).fetchone()[0])


def replicated(records: list, count: int) -> Iterator:
    """``count`` records: ``records`` as they are, then again and again under new ids and SHA-256s."""
    for i in range(count):
        record, copy = records[i % len(records)], i // len(records)
        yield record if copy == 0 else record.model_copy(update={
            "id": f"{record.id}~{copy}", "sha256": hashlib.sha256(f"{record.sha256}/{copy}".encode()).hexdigest()})


def store_speed(lines: bytes, sizes: list[int], pg_url: str, repeat: int, cap_minutes: float) -> dict:
    """Per backend and size: documents stored, seconds of the stage that grew the store to that size, and the
    README's queries then."""
    from idefx.records import DocumentRecord

    records = [DocumentRecord.model_validate_json(line) for line in lines.decode("utf-8").splitlines()]
    counts = Counter(p.name for r in records for p in r.people if " " in p.name)
    probe = {"name": max(counts, key=lambda n: (counts[n], n))}
    out: dict = {"sqlite": {}, "postgresql": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for backend, location in (("sqlite", Path(tmp) / "kb.sqlite3"), ("postgresql", _schema(pg_url)[1])):
            conn = store.connect(location)
            pending = replicated(records, max(sizes))
            stored = 0
            for stage, size in enumerate(sizes):
                before, t0 = stored, time.perf_counter()
                deadline = t0 + cap_minutes * 60 if stage else float("inf")
                while stored < size and time.perf_counter() < deadline:
                    store.save_record(conn, next(pending))
                    stored += 1
                seconds = time.perf_counter() - t0
                grown = stored - before
                answers = {label: timed(fn, repeat) for label, fn in query_cases(conn, probe)}
                out[backend][size] = {"stored": stored, "grown": grown, "seconds": seconds, "queries": answers}
                print(f"{backend} {stored} docs: {grown / seconds:.0f} docs/s", flush=True)
            conn.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--files", type=int, default=1000, help="Documents of the corpus to extract.")
    parser.add_argument("--docs", type=int, nargs="+", default=[10_000, 100_000], help="Store sizes to measure.")
    parser.add_argument("--cap-minutes", type=float, default=5.0,
                        help="Time a stage after the first may take per backend before it stops short of its size.")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", help="A PostgreSQL database URL (default: a throw-away cluster).")
    parser.add_argument("--results", type=Path, default=Path(__file__).with_name("RESULTS.md"))
    args = parser.parse_args()
    started = time.time()
    load_before = os.getloadavg()
    ext = extraction(args.corpus, args.files, args.repeat)
    print(f"extraction: --jobs 2 {ext['jobs2']:.1f} s, --scheduler local:2 {ext['dask2']:.1f} s", flush=True)
    with server(durable=True) if args.postgres is None else nullcontext(args.postgres) as pg_url:
        sizes = store_sizes(ext["records"], pg_url)
        speeds = store_speed(ext["records"], args.docs, pg_url, args.repeat, args.cap_minutes)
    write_section(args, ext, sizes, speeds, started, load_before)


def _reached(by: dict, size: int) -> str:
    return "reached" if by["stored"] >= size else f"stopped at {by['stored']:,}"


def _size(by: dict) -> str:
    return f"{by['stored']:,}"


def write_section(args, ext: dict, sizes: dict, speeds: dict, started: float, load_before) -> None:
    words_per_doc = ext["words"] / ext["documents"]
    core_rate = ext["words"] / (ext["dask2"] * 2)  # two single-threaded workers, start-up included
    day_cores = ARTICLES * words_per_doc / core_rate / 86_400
    lines = [
        "## Scaling out",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(started))} by `benchmarks/bench_scale.py "
        f"{args.corpus} --files {args.files} --docs {' '.join(map(str, args.docs))} --repeat {args.repeat}` "
        f"in {(time.time() - started) / 60:.0f} min; load average {load_before[0]:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after, on {os.cpu_count()} CPUs shared with other work: compare the ratios.",
        "",
        "### Extraction: local processes against Dask",
        "",
        f"{ext['documents']} corpus documents, {ext['words']:,} words; whole command, pipeline loads included, "
        f"best of {args.repeat} interleaved runs; the records of both are byte-identical.",
        "",
        "| command | wall time | words/s | ratio |",
        "|---|---:|---:|---:|",
        f"| `idefx extract --jobs 2` | {ext['jobs2']:.1f} s | {ext['words'] / ext['jobs2']:,.0f} | 1.00 |",
        f"| `idefx extract --scheduler local:2` | {ext['dask2']:.1f} s | {ext['words'] / ext['dask2']:,.0f} | "
        f"{ext['dask2'] / ext['jobs2']:.2f} |",
        "",
        "### Store: SQLite against PostgreSQL",
        "",
        f"The {ext['documents']} real records of step 1, replicated under new ids and SHA-256s up to each size "
        "(the same people recur, as in an archive that keeps growing), saved one transaction each by one writer "
        f"into one store per backend that grows from stage to stage; a stage after the first stops after "
        f"{args.cap_minutes:g} min. Queries are the README's, median of {args.repeat}, on the store as the stage "
        "left it. PostgreSQL is a local server on 127.0.0.1 with the server's default settings. Ratios are "
        "PostgreSQL's time over SQLite's in this run.",
        "",
        "| store size | SQLite writes | PostgreSQL writes | ratio (time) |",
        "|---|---:|---:|---:|",
    ]
    for size in args.docs:
        lite, pg = speeds["sqlite"][size], speeds["postgresql"][size]
        rates = [by["grown"] / by["seconds"] for by in (lite, pg)]
        lines.append(f"| {size:,} ({_reached(lite, size)}; {_reached(pg, size)}) | {rates[0]:.0f} documents/s | "
                     f"{rates[1]:.0f} documents/s | {rates[0] / rates[1]:.1f} |")
    for size in args.docs:
        for backend, name in (("sqlite", "SQLite"), ("postgresql", "PostgreSQL")):
            by = speeds[backend][size]
            if by["stored"] < size:
                lines += ["", f"{name} stopped at {by['stored']:,} of {size:,} documents: at its rate there, the "
                              f"rest would take {(size - by['stored']) * by['seconds'] / by['grown'] / 60:.0f} min "
                              "more (extrapolated, not measured, and a lower bound: the rate falls as the store "
                              "grows); its queries are on the store it reached."]
    lines += ["", "| query | " + " | ".join(f"SQLite {_size(speeds['sqlite'][n])} | PostgreSQL "
                                             f"{_size(speeds['postgresql'][n])} | ratio" for n in args.docs) + " |",
              "|---|" + "---:|---:|---:|" * len(args.docs)]
    for label in speeds["sqlite"][args.docs[0]]["queries"]:
        cells = []
        for size in args.docs:
            lite, pg = (speeds[b][size]["queries"][label] for b in ("sqlite", "postgresql"))
            cells.append(f"{lite * 1e3:.1f} ms | {pg * 1e3:.1f} ms | {pg / lite:.1f}")
        lines.append(f"| `{label}` | " + " | ".join(cells) + " |")
    lines.append("")
    largest = {b: speeds[b][args.docs[-1]] for b in ("sqlite", "postgresql")}
    write_hours = {b: ARTICLES / (by["grown"] / by["seconds"]) / 3600 for b, by in largest.items()}
    lines += [
        "### On paper: ten million articles",
        "",
        f"- Words per core-second, from the Dask run above (two single-threaded workers, start-up included): "
        f"{core_rate:,.0f}; an article of this corpus averages {words_per_doc:,.0f} words.",
        f"- Ten million such articles are {ARTICLES * words_per_doc / 1e9:.1f} billion words: "
        f"{ARTICLES * words_per_doc / core_rate / 3600:,.0f} core-hours, so a day's run needs about "
        f"{day_cores:,.0f} single-threaded workers (machines of 16 cores: {-(-day_cores // 16):.0f}).",
        f"- Store size per million documents, from the {sizes['documents']} real records of step 1: "
        f"SQLite {sizes['sqlite'] * 1e6 / 2**30:.1f} GiB, PostgreSQL {sizes['postgresql'] * 1e6 / 2**30:.1f} GiB "
        f"(tables and indexes); ten million: {sizes['sqlite'] * 1e7 / 2**30:.0f} and "
        f"{sizes['postgresql'] * 1e7 / 2**30:.0f} GiB.",
        f"- Writing ten million documents with one writer, at the rate measured on the largest store above: "
        f"SQLite {write_hours['sqlite']:,.0f} h, PostgreSQL {write_hours['postgresql']:,.0f} h (writers take "
        "turns, so more writers do not shorten this); the table above shows how the rate changes as the store grows.",
    ]
    replace_section(args.results, "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
