"""Packaging: the licence the metadata names is shipped, output-relevant dependencies are bounded, and CI
installs the versions it was last tested with."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def test_the_licence_named_in_the_metadata_is_shipped_with_its_text():
    assert PROJECT["license"] == "MIT"
    assert "LICENSE" in PROJECT["license-files"]
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in text


def test_libraries_whose_output_idefx_depends_on_have_an_upper_bound():
    bounds = {re.split(r"[<>=!~\[ ]", dep, maxsplit=1)[0].lower(): dep for dep in PROJECT["dependencies"]}
    for name in ("spacy", "pydantic", "trafilatura", "dateparser", "charset-normalizer"):
        assert "<" in bounds[name], f"{name} has no upper bound: {bounds[name]}"


def test_no_dependency_asks_lxml_for_an_extra_it_does_not_provide():
    assert not any(dep.startswith("lxml[") for dep in PROJECT["dependencies"])


def test_ci_installs_with_the_tested_constraints():
    constraints = (ROOT / "requirements" / "ci.txt").read_text().splitlines()
    pinned = {line.split("==")[0].lower() for line in constraints if "==" in line}
    assert {"spacy", "pydantic", "trafilatura", "dateparser", "charset-normalizer"} <= pinned
    assert "-c requirements/ci.txt" in (ROOT / ".ci" / "run").read_text()


def test_every_python_package_under_src_is_listed_for_the_wheel():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    src = ROOT / "src"
    found = {".".join(init.parent.relative_to(src).parts) for init in src.rglob("__init__.py")}
    assert found <= listed, f"packages missing from pyproject.toml: {sorted(found - listed)}"
