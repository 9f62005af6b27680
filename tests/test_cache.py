"""The on-disk pipeline cache: built once, loaded after, keyed by what the pipeline depends on, never in the way."""

import os

import pytest
import spacy

import idefx.cache as cache
from idefx.cache import cache_key, cached_pipeline

TEXT = "The minister of Azerbaijan met his counterpart."


class CountingBuild:
    """Stands in for ``build_pipeline``: counts the builds and hands out the session's pipeline."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.calls = 0

    def __call__(self, model):
        self.calls += 1
        return self.nlp


@pytest.fixture
def build(pipeline):
    return CountingBuild(pipeline)


def entities(nlp):
    return [(e.text, e.label_, e.ent_id_, e.start_char) for e in nlp(TEXT).ents]


def test_second_load_comes_from_disk_and_behaves_the_same(tmp_path, build):
    first = cached_pipeline(build, root=tmp_path)
    second = cached_pipeline(build, root=tmp_path)
    assert build.calls == 1
    assert first is build.nlp and second is not first
    assert second.pipe_names == first.pipe_names
    assert entities(second) == entities(first)
    assert [t.text for t in second("Dr. Smith can't attend.")] == [t.text for t in first("Dr. Smith can't attend.")]


def test_damaged_entry_is_rebuilt(tmp_path, build):
    cached_pipeline(build, root=tmp_path)
    entry = tmp_path / "pipelines" / (cache_key() + cache.SUFFIX)
    entry.write_bytes(entry.read_bytes()[:1000])
    assert cached_pipeline(build, root=tmp_path) is build.nlp
    assert build.calls == 2
    loaded = cached_pipeline(build, root=tmp_path)
    assert build.calls == 2  # the damaged entry was replaced by a good one
    assert entities(loaded) == entities(build.nlp)


def test_only_the_newest_entries_are_kept(tmp_path, monkeypatch):
    folder = tmp_path / "pipelines"
    folder.mkdir()
    for i in range(cache.KEEP_ENTRIES + 3):
        old = folder / f"old{i}{cache.SUFFIX}"
        old.write_bytes(b"x")
        os.utime(old, (1000 + i, 1000 + i))
    cached_pipeline(lambda model: spacy.blank("en"), root=tmp_path)
    kept = {p.name for p in folder.iterdir()}
    assert cache_key() + cache.SUFFIX in kept and len(kept) == cache.KEEP_ENTRIES
    assert "old0" + cache.SUFFIX not in kept


def test_unusable_cache_directory_falls_back_to_building(tmp_path, build):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x", encoding="utf-8")
    assert cached_pipeline(build, root=blocker) is build.nlp
    assert cached_pipeline(build, root=blocker) is build.nlp
    assert build.calls == 2


def test_key_follows_data_files_and_model(monkeypatch):
    base = cache_key()
    assert cache_key("some_model") != base
    monkeypatch.setattr(cache, "data_fingerprint", lambda: "changed-data")
    assert cache_key() != base


def test_cache_root_honours_override(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    assert cache.cache_root() == tmp_path
    monkeypatch.delenv(cache.CACHE_ENV)
    assert cache.cache_root().name in {"idefx", "Cache"}


def test_a_customised_tokenizer_survives_the_cache(tmp_path):
    def build(model):
        nlp = spacy.blank("en")
        nlp.tokenizer.add_special_case("IDEX2023", [{"ORTH": "IDEX"}, {"ORTH": "2023"}])
        return nlp

    cached_pipeline(build, root=tmp_path)
    nlp = cached_pipeline(lambda model: pytest.fail("built again"), root=tmp_path)
    assert [t.text for t in nlp("IDEX2023 opened")] == ["IDEX", "2023", "opened"]


def test_key_follows_a_saved_model_directory(tmp_path):
    saved = tmp_path / "model"
    saved.mkdir()
    (saved / "meta.json").write_text("{}", encoding="utf-8")
    before = cache_key(str(saved))
    os.utime(saved / "meta.json", ns=(0, 0))
    assert cache_key(str(saved)) != before


def test_a_loaded_pipeline_shares_its_strings_with_its_vectors_table(tmp_path, build):
    built = cached_pipeline(build, root=tmp_path)
    assert built.vocab.vectors.strings is built.vocab.strings  # pickling left it as it was
    loaded = cached_pipeline(build, root=tmp_path)
    assert build.calls == 1
    assert loaded.vocab.vectors.strings is loaded.vocab.strings
    assert entities(loaded) == entities(built)


@pytest.mark.own_pipeline
def test_every_command_loads_the_one_cached_pipeline(tmp_path, monkeypatch, pipeline):
    import idefx.pipeline

    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    built = []
    monkeypatch.setattr(idefx.pipeline, "build_pipeline", lambda model=None: built.append(model) or pipeline)
    first = idefx.pipeline.load_pipeline()
    second = idefx.pipeline.load_pipeline()
    assert built == [None]  # built once, then read from the cache entry
    assert (tmp_path / "pipelines" / (cache_key() + cache.SUFFIX)).is_file()
    assert entities(second) == entities(first)
