"""Shared test set-up: every test gets its own temporary store, never the user's."""

import pytest


@pytest.fixture(autouse=True)
def _private_store(tmp_path, monkeypatch):
    monkeypatch.setenv("IDEFX_DB", str(tmp_path / "store.sqlite3"))
