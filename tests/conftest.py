"""Shared test set-up: every test gets its own temporary store, and the session a temporary pipeline cache;
never the user's."""

import pytest


@pytest.fixture(autouse=True)
def _private_store(tmp_path, monkeypatch):
    monkeypatch.setenv("IDEFX_DB", str(tmp_path / "store.sqlite3"))


@pytest.fixture(autouse=True, scope="session")
def _private_pipeline_cache(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("IDEFX_CACHE_DIR", str(tmp_path_factory.mktemp("pipeline-cache")))
        yield
