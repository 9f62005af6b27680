"""BatchComponent: nlp.pipe runs each component over a whole batch before the next one, with the same results."""

import spacy
from spacy.language import Language

from idefx.components.batching import BatchComponent

CALLS: list[tuple[str, str]] = []


class _Recorder(BatchComponent):
    def __init__(self, name: str):
        self.name = name

    def __call__(self, doc):
        CALLS.append((self.name, doc.text))
        return doc


@Language.factory("test_batching_recorder")
def _make_recorder(nlp, name):
    return _Recorder(name)


def test_pipe_runs_component_by_component_over_each_batch():
    nlp = spacy.blank("en")
    nlp.add_pipe("test_batching_recorder", name="first")
    nlp.add_pipe("test_batching_recorder", name="second")
    CALLS.clear()
    texts = ["one", "two", "three"]
    assert [doc.text for doc in nlp.pipe(texts, batch_size=2)] == texts
    assert CALLS == [("first", "one"), ("first", "two"), ("second", "one"), ("second", "two"),
                     ("first", "three"), ("second", "three")]


def test_every_idefx_component_is_batched_and_gives_what_one_doc_at_a_time_gives(pipeline):
    nlp = pipeline
    assert all(isinstance(proc, BatchComponent) for _, proc in nlp.pipeline)
    texts = ["President Bola Tinubu met Prime Minister Narendra Modi in Abuja on 3 May 2024.",
             "The Minister of Defence of Nigeria received the Chief of Staff of the Turkish Army at IDEF 2023.",
             "No meeting here."]
    batched = [doc._.idefx for doc in nlp.pipe(texts, batch_size=2)]
    assert batched == [nlp(text)._.idefx for text in texts]
    assert batched[0]["meetings"]
