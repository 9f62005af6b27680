"""Scaling out: extraction on Dask against local processes, the store on SQLite against PostgreSQL, and what
ten million articles would cost.

1. ``idefx extract --jobs 2`` against ``--scheduler local:2`` on the first documents of a corpus (wall time of
   the whole command, pipeline loads included; records checked identical): Dask's overhead as a ratio.
2. Store writes and the README's queries on SQLite and on PostgreSQL, on the synthetic records of
   ``bench_store.py`` (one transaction per document), and the size per stored document of the real records
   extracted in step 1.
3. On paper, from those measurements: words per core-second, workers for 10 million articles a day, store size
   per million documents.

    python benchmarks/bench_scale.py /tmp/corpus [--files 1000] [--docs 10000] [--postgres URL]

Without ``--postgres`` a throw-away PostgreSQL cluster with the server's default settings is started from
the installed server binaries (see ``tests/postgres_server.py``). Writes the "## Scaling out" section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import nullcontext
from pathlib import Path

from bench_store import person_pool, query_cases, synth_record, timed

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


def store_speed(docs: int, pg_url: str, repeat: int) -> dict:
    rng = random.Random(20230726)
    pool = person_pool(rng, max(400, docs * 2 // 5))
    records = [synth_record(rng, i, pool) for i in range(docs)]
    probe = pool[len(pool) // 2]
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for backend, location in (("sqlite", Path(tmp) / "kb.sqlite3"), ("postgresql", _schema(pg_url)[1])):
            conn = store.connect(location)
            t0 = time.perf_counter()
            for record in records:
                store.save_record(conn, record)
            build = time.perf_counter() - t0
            answers = {label: timed(fn, repeat) for label, fn in query_cases(conn, probe)}
            conn.close()
            out[backend] = {"build": build, "queries": answers}
            print(f"{backend} {docs} docs: {docs / build:.0f} docs/s", flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--files", type=int, default=1000, help="Documents of the corpus to extract.")
    parser.add_argument("--docs", type=int, nargs="+", default=[10_000], help="Store sizes to measure.")
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
        speeds = {docs: store_speed(docs, pg_url, args.repeat) for docs in args.docs}
    write_section(args, ext, sizes, speeds, started, load_before)


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
        "Synthetic records of `bench_store.py` (a shared pool of people, so identity has work to do), saved one "
        "transaction each by one writer; queries are the README's, median of "
        f"{args.repeat}. PostgreSQL is a local server on 127.0.0.1 (a round trip per statement).",
        "",
    ]
    for docs, by in speeds.items():
        lines += [f"{docs:,} documents: writes {docs / by['sqlite']['build']:.0f} documents/s on SQLite, "
                  f"{docs / by['postgresql']['build']:.0f} on PostgreSQL "
                  f"({by['postgresql']['build'] / by['sqlite']['build']:.1f}× the time).", "",
                  "| query | SQLite | PostgreSQL | ratio |", "|---|---:|---:|---:|"]
        for label, seconds in by["sqlite"]["queries"].items():
            pg = by["postgresql"]["queries"][label]
            lines.append(f"| `{label}` | {seconds * 1e3:.1f} ms | {pg * 1e3:.1f} ms | {pg / seconds:.1f} |")
        lines.append("")
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
    ]
    replace_section(args.results, "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
