"""Benchmark `idefx report` on a large store: build time, page weight, and render time in headless Chromium.

The store is one made by `idefx extract` over real text (e.g. 2,000 White House statements). With
``--copies N`` a second store repeats every saved record N times (each copy a distinct document), so the page
can be measured at five times the documents and meetings without extracting them again. Render time is read
from the browser's Navigation Timing (start to the end of the load event, the network script included), best
of ``--repeat`` fresh loads; a click on the largest node and a full date-range change are timed in the page.

    python benchmarks/bench_report.py STORE [--copies 5] [--repeat 3] [--results benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from idefx import store
from idefx.records import DocumentRecord
from results_file import replace_section

SECTION = "## Report page"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000"]


def copied_store(source: Path, target: Path, copies: int) -> None:
    """``target``: every record of ``source`` saved ``copies`` times, each copy with its own id and SHA-256."""
    records = [row[0] for row in sqlite3.connect(source).execute("SELECT record FROM documents ORDER BY id")]
    conn = store.connect(target)
    for n in range(copies):
        for text in records:
            record = DocumentRecord.model_validate_json(text)
            store.save_record(conn, record.model_copy(update={"id": f"{record.id}~{n}",
                                                              "sha256": f"{n:02x}{record.sha256[2:]}"}))
    conn.close()


def counts(db: Path) -> dict:
    conn = sqlite3.connect(db)
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "people", "meetings")}


def build(db: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "idefx", "report", "--db", str(db), "--out", str(out)], check=True)
    return time.perf_counter() - start


def render(page: Path, repeat: int) -> dict:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    best: dict = {}
    for _ in range(repeat):
        profile = tempfile.mkdtemp(prefix="idefx-bench-")
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium")
        for flag in FLAGS + [f"--user-data-dir={profile}"]:
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
        try:
            driver.get(page.resolve().as_uri())
            timing = driver.execute_script(
                "var t = performance.getEntriesByType('navigation')[0];"
                "return {dom: t.domContentLoadedEventEnd, load: t.loadEventEnd};")
            clicks = driver.execute_script(
                "var nodes = Array.from(document.querySelectorAll('circle.node'));"
                "var big = nodes.reduce(function (a, b) { return +a.getAttribute('r') >= +b.getAttribute('r') ? a : b; });"
                "var t0 = performance.now(); big.dispatchEvent(new MouseEvent('click', {bubbles: true}));"
                "var t1 = performance.now(); var s = document.getElementById('net-from'); s.value = 1;"
                "s.dispatchEvent(new Event('input')); var t2 = performance.now();"
                "return {click: t1 - t0, range: t2 - t1, nodes: nodes.length,"
                " rows: document.querySelectorAll('#documents tr').length};")
            result = {**timing, **clicks}
            best = {k: min(v, best.get(k, v)) for k, v in result.items()}
        finally:
            driver.quit()
            shutil.rmtree(profile, ignore_errors=True)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--results", type=Path, default=None)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="idefx-report-bench-"))
    stores = [("extracted", args.store)]
    if args.copies > 1:
        copied = work / "copies.sqlite3"
        copied_store(args.store, copied, args.copies)
        stores.append((f"{args.copies} copies", copied))
    lines = [SECTION, "", "`python benchmarks/bench_report.py STORE --copies 5`: `idefx report` over a store made by "
             "`idefx extract` and over the same records saved five times; render times from Chromium's Navigation "
             "Timing, best of 3 fresh headless loads.", "",
             "| store | documents | people | meetings | build s | page | DOMContentLoaded ms | load ms "
             "| click a node ms | date range ms |", "|---|---|---|---|---|---|---|---|---|---|"]
    for name, db in stores:
        page = work / f"{name.replace(' ', '-')}.html"
        seconds = build(db, page)
        timing = render(page, args.repeat)
        c = counts(db)
        lines.append(f"| {name} | {c['documents']:,} | {c['people']:,} | {c['meetings']:,} | {seconds:.1f} | "
                     f"{page.stat().st_size / 1e6:.2f} MB | {timing['dom']:.0f} | {timing['load']:.0f} | "
                     f"{timing['click']:.1f} | {timing['range']:.1f} |")
    print("\n".join(lines))
    if args.results:
        replace_section(args.results, "\n".join(lines))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
