"""The ``idefx_people`` component: find every named person, with titles, organisation and country.

It runs after ``idefx_countries`` and ``idefx_organizations`` and reads their span groups. The work is done by
the parts in ``idefx.person`` (see ``docs/ARCHITECTURE_PEOPLE.md``):

1. Name runs (``name_runs``): capitalised tokens that are not titles, countries, organisations or common
   lower-case words, with name particles, initials, hyphenated parts and suffixes inside.
2. Evidence that a run is a person (``scan``): a title chain before it, an apposition after it, a speech verb
   after it, a bulleted participant line; then shorter forms ("Mr. Sullivan", "Esper") of people already
   found (``identity``).
3. Title reading (``title_regions``, ``title_chain``, ``title_apposition``, ``plural_titles``, ``title_pieces``):
   each title piece gives a title, a rank, a country and an organisation. Attribution (``attribution``,
   ``idefx.home``): people without a stated country take the country of their organisation, else the
   document's home country.

Results: ``doc._.idefx_people`` (list of PersonEntity, each with its name, aliases and mentions) and
``doc.spans["idefx_people"]`` (one Span per mention, ``kb_id_`` the person's index in ``doc._.idefx_people``).
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from idefx.components.batching import BatchComponent
from idefx.entities import PEOPLE_SPANS
from idefx.gazetteers import gazetteer_key, org_heads, organizations, regions
from idefx.person.scan import PeopleScan
from idefx.person.vocabulary import PersonVocabulary, org_key
from idefx.resources import read_jsonl


@Language.factory("idefx_people", default_config={
    "titles_file": "titles.jsonl", "particles_file": "name_particles.jsonl",
    "cues_file": "person_cues.jsonl", "common_words_file": "common_words.jsonl",
    "org_patterns_file": "org_patterns.jsonl", "not_names_file": "not_names.jsonl"})
def make_people_finder(nlp: Language, name: str, titles_file: str, particles_file: str, cues_file: str,
                       common_words_file: str, org_patterns_file: str, not_names_file: str) -> "PeopleFinder":
    return PeopleFinder(nlp, name, titles_file=titles_file, particles_file=particles_file, cues_file=cues_file,
                        common_words_file=common_words_file, org_patterns_file=org_patterns_file,
                        not_names_file=not_names_file)


class PeopleFinder(BatchComponent):
    """Find people and their titles, organisation and country (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "idefx_people", *, titles_file: str = "titles.jsonl",
                 particles_file: str = "name_particles.jsonl", cues_file: str = "person_cues.jsonl",
                 common_words_file: str = "common_words.jsonl", org_patterns_file: str = "org_patterns.jsonl",
                 not_names_file: str = "not_names.jsonl"):
        self.nlp = nlp
        self.name = name
        cues = read_jsonl(cues_file)
        org_patterns = read_jsonl(org_patterns_file)
        self.state = {
            "titles": read_jsonl(titles_file),
            "particles": sorted({e["text"].lower() for e in read_jsonl(particles_file)}),
            "verbs": sorted(e["text"].lower() for e in cues if e["kind"] == "verb_after"),
            "guest_cues": sorted(e["text"].lower() for e in cues if e["kind"] == "guest_before"),
            "speech_before": sorted(e["text"].lower() for e in cues if e["kind"] == "verb_before"),
            "relatives": sorted(e["text"].lower() for e in cues if e["kind"] == "relative_after"),
            "relative_adverbs": sorted(e["text"].lower() for e in cues if e["kind"] == "relative_adverb"),
            "sources_before": sorted(e["text"].lower() for e in cues if e["kind"] == "source_before"),
            "met_before": sorted(e["text"].lower() for e in cues if e["kind"] == "met_before"),
            "members_before": sorted(e["text"].lower() for e in cues if e["kind"] == "members_before"),
            "credits_before": sorted(e["text"].lower() for e in cues if e["kind"] == "credit_before"),
            "roles_before": sorted(e["text"].lower() for e in cues if e["kind"] == "role_before"),
            "attributive_after": sorted(e["text"].lower() for e in cues if e["kind"] == "attributive_after"),
            "side_words": sorted(e["text"].lower() for e in cues if e["kind"] == "side"),
            "travel_words": sorted(e["text"].lower() for e in cues if e["kind"] == "travel"),
            "institutions": sorted([e["text"], e["country"]] for e in cues if e["kind"] == "institution"),
            "region_words": sorted(e["text"] for e in cues if e["kind"] == "region_after"),
            "world_regions": sorted(e["text"] for e in cues if e["kind"] == "world_region"),
            # a subdivision's name -> its countries, and whether the name is also a country's
            "regions": sorted([gazetteer_key(form), e["countries"], bool(e.get("country_name"))]
                              for e in regions() for form in [e["name"], *e["aliases"]]),
            "common": sorted({e["word"].lower() for e in read_jsonl(common_words_file)}),
            "not_names": sorted({e["text"].lower() for e in read_jsonl(not_names_file)}),
            "org_heads": sorted(org_heads(org_patterns)),
            "corporate_heads": sorted(e["text"].lower() for e in org_patterns if e.get("corporate")),
            "international_orgs": sorted({org_key(form) for e in organizations() if e["kind"] == "international"
                                          for form in [e["name"], *e["aliases"]]}),
        }
        self.vocabulary = PersonVocabulary(nlp, self.state)

    def to_disk(self, path, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "state.json").write_text(json.dumps(self.state, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path, exclude=tuple()) -> "PeopleFinder":
        self.state = json.loads((Path(path) / "state.json").read_text(encoding="utf-8"))
        self.vocabulary = PersonVocabulary(self.nlp, self.state)
        return self

    def __call__(self, doc: Doc) -> Doc:
        self.vocabulary.start_doc()
        scan = PeopleScan(self.vocabulary, doc)
        people = scan.run()
        doc._.idefx_people = people
        tokens = scan.identities.mention_tokens
        spans = [Span(doc, *tokens[chars], label="PERSON", kb_id=str(index))
                 for index, person in enumerate(people) for chars in person.mentions]
        doc.spans[PEOPLE_SPANS] = sorted(spans, key=lambda span: span.start)
        return doc
