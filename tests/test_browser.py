"""The HTML outputs in a real browser: Debian's Chromium and chromedriver (never a downloaded browser), headless,
through Selenium. Each page must load without console errors, hold the expected nodes, highlights and
meetings, and answer a click; a screenshot of each is kept in test-artifacts/ (or $IDEFX_TEST_ARTIFACTS).

Skipped, saying so, only when no Chromium is installed.
"""

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from idefx.cli import app
from idefx.pages.document import entity_spans
from idefx.resources import data_path
from picture_records import VALDIVIA, saved_store, valdivia_record

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
DRIVER = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="no Chromium installed (apt-get install chromium chromium-driver)")
ARTIFACTS = Path(os.environ.get("IDEFX_TEST_ARTIFACTS") or Path(__file__).resolve().parents[1] / "test-artifacts")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000"]

runner = CliRunner()


def idefx(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="idefx-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path, shot: str):
    """Open ``path``, fail on any console error, keep a screenshot."""
    driver.get(path.resolve().as_uri())
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"{shot}.png"))


def count(driver, selector: str) -> int:
    return len(driver.find_elements("css selector", selector))


def test_network_page(browser, tmp_path):
    db = saved_store(tmp_path / "kb.sqlite3")
    page = tmp_path / "network.html"
    idefx("graph", "--db", db, "--format", "html", "--out", page)
    open_page(browser, page, "network")
    assert count(browser, "#net-svg circle.node") == 4
    assert count(browser, "#net-svg line") == 3
    node = max(browser.find_elements("css selector", "circle.node"), key=lambda n: float(n.get_attribute("r")))
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseenter', {clientX: 10, clientY: 10}))", node)
    tip = browser.find_element("id", "net-tip")
    assert tip.is_displayed() and "Chile" in tip.text and "Foreign Minister" in tip.text and "3 meetings" in tip.text
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", node)
    details = browser.find_element("id", "net-details")
    assert details.find_element("tag name", "h3").text == "Ana Valdivia"
    assert count(browser, "#net-details li.meeting") == 3
    assert "by video call" in details.text and "odhiambo-talks" in details.text
    search = browser.find_element("id", "net-search")
    search.send_keys("odhiam")
    assert count(browser, "circle.node.match") == 1 and count(browser, "circle.node.dim") == 3
    browser.execute_script("var s = document.getElementById('net-from'); s.value = s.max; "
                           "s.dispatchEvent(new Event('input'))")
    assert count(browser, "circle.node:not(.hidden)") == 2
    assert "(1 meetings shown)" in browser.find_element("id", "net-count").text
    assert count(browser, "#net-details li.meeting") == 1  # the open panel follows the date range
    browser.save_screenshot(str(ARTIFACTS / "network-clicked.png"))


def test_document_page(browser, tmp_path):
    file = tmp_path / "valdivia-visit.txt"
    file.write_text(VALDIVIA, encoding="utf-8")
    page = tmp_path / "doc.html"
    idefx("extract", file, "--format", "html", "--no-save", "--output", page)
    open_page(browser, page, "document")
    html = page.read_text(encoding="utf-8")
    assert count(browser, "mark.entity") == html.count('<mark class="entity"') > 0
    assert count(browser, "li.meeting") == html.count('<li class="meeting"') >= 1
    link = browser.find_element("css selector", "li.meeting a.to-evidence")
    link.click()
    active = browser.find_elements("css selector", ".evidence.active")
    assert len(active) == 1 and "Valdivia" in active[0].text


def test_document_page_of_a_known_record(browser, tmp_path):
    from idefx.pages.document import documents_page

    record = valdivia_record()
    page = tmp_path / "known.html"
    page.write_text(documents_page([(record, VALDIVIA)]), encoding="utf-8")
    open_page(browser, page, "document-known")
    assert count(browser, "mark.entity") == len(entity_spans(record, VALDIVIA))
    assert count(browser, "li.meeting") == 2
    browser.find_elements("css selector", "a.to-evidence")[1].click()
    assert "video call" in browser.find_element("css selector", ".evidence.active").text
    assert "active" in browser.find_element("id", "d1-m2").get_attribute("class")


def test_report_page(browser, tmp_path):
    db = saved_store(tmp_path / "kb.sqlite3", with_files_in=tmp_path)
    page = tmp_path / "report.html"
    idefx("report", "--db", db, "--out", page, "--views", tmp_path / "views")
    open_page(browser, page, "report")
    assert [t.text.split("\n")[0] for t in browser.find_elements("css selector", ".tile")][:3] == ["2", "4", "3"]
    assert count(browser, "svg.chart rect.bar") == 16  # 2024-03 to 2025-06
    assert count(browser, "#net-svg circle.node") == 4
    browser.find_element("css selector", "#documents summary").click()
    link = browser.find_element("css selector", "#documents a")
    link.click()
    assert re.search(r"/views/\d+-", browser.current_url)
    assert count(browser, "li.meeting") >= 1 and not [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def test_sample_document_through_the_pipeline(browser, tmp_path):
    page = tmp_path / "sample.html"
    idefx("extract", data_path("samples/idef-2023-trend.txt"), "--format", "html", "--no-save", "--output", page)
    open_page(browser, page, "document-sample")
    assert count(browser, "li.meeting") >= 1 and count(browser, "mark.entity") >= 10
