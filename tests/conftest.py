"""Shared test set-up: every test gets its own temporary store, and the session a temporary pipeline cache;
never the user's. The idefx pipeline is loaded once per session and shared by the tests that only read it and
by the commands they run in-process (a test marked ``own_pipeline`` lets commands load their own)."""

import gc

import pytest

import idefx.pipeline
from idefx.pipeline import load_pipeline


@pytest.fixture(autouse=True)
def _private_store(tmp_path, monkeypatch):
    monkeypatch.setenv("IDEFX_DB", str(tmp_path / "store.sqlite3"))


@pytest.fixture(autouse=True, scope="session")
def _private_pipeline_cache(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("IDEFX_CACHE_DIR", str(tmp_path_factory.mktemp("pipeline-cache")))
        yield


@pytest.fixture(autouse=True)
def _pipelines_can_be_freed():
    """``load_pipeline`` freezes the garbage collector's view of every object alive, which suits a command that
    keeps its one pipeline to the end; a session loads several, so the collector may free them again."""
    yield
    gc.unfreeze()


@pytest.fixture(scope="session")
def pipeline():
    """The pipeline every command runs (``load_pipeline``), loaded once; building it also fills the session
    cache, from which the ``idefx`` processes that tests start load it."""
    return load_pipeline()


@pytest.fixture(scope="session")
def nlp(pipeline):
    """The session pipeline, under the name the rule tests use."""
    return pipeline


@pytest.fixture
def warm_pipeline_cache(pipeline):
    """For tests that start ``idefx`` processes: the session cache already holds the pipeline they load."""


@pytest.fixture(autouse=True)
def _commands_share_the_session_pipeline(request, monkeypatch):
    if request.node.get_closest_marker("own_pipeline"):
        return

    def shared(model=None):
        return load_pipeline(model) if model else request.getfixturevalue("pipeline")

    monkeypatch.setattr(idefx.pipeline, "load_pipeline", shared)


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
