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


@pytest.fixture(scope="session")
def postgres_url():
    from postgres_server import server

    with server() as url:
        if url is None:
            pytest.skip("PostgreSQL half skipped: no PostgreSQL server binary (initdb) is installed")
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request, tmp_path):
    """A factory of locations of new, empty stores on each backend (a file; a schema of the test database)."""
    if request.param == "sqlite":
        files = iter(range(1000))
        yield lambda: tmp_path / f"kb{next(files)}.sqlite3"
        return
    import uuid

    import psycopg
    from postgres_server import in_schema

    url = request.getfixturevalue("postgres_url")
    schemas: list[str] = []

    def new() -> str:
        schemas.append(f"t_{uuid.uuid4().hex[:12]}")
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"CREATE SCHEMA {schemas[-1]}")
        return in_schema(url, schemas[-1])

    yield new
    with psycopg.connect(url, autocommit=True) as admin:
        for schema in schemas:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")
