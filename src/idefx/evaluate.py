"""Score extracted records against a gold set: precision, recall and F1 per field, accuracies, and the mistakes behind them.

A gold set is a folder of ``NAME.txt`` documents with their ``NAME.gold.json``
annotations (the format of the evaluation guidelines). The figures are those
of the project's reference scorer, computed the same way: people match by
name, alias or a fuller/shorter form of exactly one gold name; meetings match
as participant sets (Jaccard >= 0.5), as unordered participant pairs and as
country dyads; organisations, events and venues match softly by shared words.
Each miss and false hit is kept as a :class:`Mistake` with the evidence
(character offsets and text) that the record or the document gives for it.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from idefx.errors import IdefxError
from idefx.goldmatch import (code_of, evidence_of, locate, name_of, name_tokens, norm, similar,
                             soft_match, titles_of)
from idefx.safety import json_safe

TALLIES = ("people", "meetings", "pairs_micro", "dyads", "countries", "organizations", "events", "venues")
RATIOS = ("titles", "person_country", "person_org", "meeting_date", "meeting_country", "published")
LIST_FIELDS = ("organizations", "events", "venues")


class GoldSetError(IdefxError):
    """A gold folder, gold annotation or predictions file that cannot be read."""


# --- counts ------------------------------------------------------------------------------------

@dataclass
class Tally:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Ratio:
    """How many gold values of one field the predictions got right."""

    ok: int = 0
    n: int = 0

    def add(self, ok) -> None:
        self.n += 1
        self.ok += bool(ok)

    def value(self) -> dict:
        return {"acc": round(self.ok / self.n, 4) if self.n else 1.0, "ok": self.ok, "n": self.n}


@dataclass
class Mistake:
    """One miss (gold not found), false hit (predicted, not in gold) or wrong value, with its evidence."""

    document: str
    field: str
    kind: str  # "miss" (nothing predicted), "false hit" (not in gold) or "wrong" (a different value)
    expected: object = None
    predicted: object = None
    evidence: Optional[dict] = None  # {"start", "end", "text"} in the document's text


@dataclass
class Evaluation:
    """The scores (the reference scorer's report) and the mistakes behind them."""

    report: dict
    per_document: dict
    mistakes: list[Mistake] = field(default_factory=list)

    def to_dict(self, with_mistakes: bool = False) -> dict:
        """The report (as the reference scorer's ``--json``), plus ``errors`` when asked; safe to encode as UTF-8."""
        out = dict(self.report)
        if with_mistakes:
            out["errors"] = json_safe([asdict(m) for m in self.mistakes])
        return out


# --- one document ------------------------------------------------------------------------------

class PeopleAlignment:
    """Which predicted person is which gold person, by name, alias or a lenient fuller/shorter form."""

    def __init__(self, gold_people: list[dict], pred_people: list[dict]):
        self.alias: dict[str, str] = {}
        for person in gold_people:
            for form in [person["name"], *person.get("aliases", [])]:
                self.alias.setdefault(norm(form), person["name"])
        self.canon: dict[str, str] = {}   # normalised predicted name -> gold name
        self.best: dict[str, dict] = {}   # gold name -> first predicted person matched to it
        self.false_hits: list[dict] = []
        for person in pred_people:
            name = name_of(person)
            gold_name = self.alias.get(norm(name)) or self.lenient(name)
            if gold_name is None or gold_name in self.best:
                self.false_hits.append(person)
            else:
                self.best[gold_name] = person
            if gold_name is not None:
                self.canon[norm(name)] = gold_name

    def lenient(self, name: str) -> Optional[str]:
        """The gold person whose name or alias is a fuller or shorter form of ``name`` with the same last word, if unique."""
        toks = name_tokens(name)
        if not toks:
            return None
        hits = set()
        for form, gold_name in self.alias.items():
            form_toks = name_tokens(form)
            if form_toks and form_toks[-1] == toks[-1] and (set(form_toks) <= set(toks) or set(toks) <= set(form_toks)):
                hits.add(gold_name)
        return hits.pop() if len(hits) == 1 else None

    def participants(self, meeting: dict) -> list[str]:
        """A predicted meeting's participants, as gold names where they match one."""
        out = []
        for p in meeting.get("participants", []):
            n = name_of(p)
            out.append(self.canon.get(norm(n)) or self.alias.get(norm(n)) or self.lenient(n) or n)
        return out


class DocumentScorer:
    """Adds one document's counts to the running tallies and ratios, and records its mistakes."""

    def __init__(self, doc_id: str, gold: dict, pred: dict, text: Optional[str],
                 tallies: dict[str, Tally], ratios: dict[str, Ratio], mistakes: list[Mistake]):
        self.doc_id, self.gold, self.pred, self.text = doc_id, gold, pred, text
        self.tallies, self.ratios, self.mistakes = tallies, ratios, mistakes
        self.people = PeopleAlignment(gold.get("people", []), pred.get("people", []))
        self.people_tally = Tally()
        self.pairs_tally = Tally()

    def note(self, field_name: str, kind: str, expected=None, predicted=None, evidence=None) -> None:
        self.mistakes.append(Mistake(self.doc_id, field_name, kind, expected, predicted, evidence))

    def run(self) -> dict:
        self.score_people()
        self.score_person_attributes()
        self.score_pairs_and_dyads()
        self.score_meetings()
        self.score_meeting_date_and_place()
        self.score_countries()
        for key in LIST_FIELDS:
            self.score_names(key)
        self.score_published()
        return {"people_f1": self.people_tally.prf()["f1"], "pairs_f1": self.pairs_tally.prf()["f1"]}

    def gold_person_evidence(self, person: dict) -> Optional[dict]:
        return locate(self.text, [person["name"], *person.get("aliases", [])])

    def score_people(self) -> None:
        gold_people = self.gold.get("people", [])
        tp = len(self.people.best)
        fp = len(self.people.false_hits)
        fn = len(gold_people) - tp
        self.tallies["people"].add(tp, fp, fn)
        self.people_tally.add(tp, fp, fn)
        for person in self.people.false_hits:
            self.note("people", "false hit", predicted=name_of(person), evidence=evidence_of(person))
        for person in gold_people:
            if person["name"] not in self.people.best:
                self.note("people", "miss", expected=person["name"], evidence=self.gold_person_evidence(person))

    def score_person_attributes(self) -> None:
        """Titles, country and organisation of each gold person that has them."""
        for person in self.gold.get("people", []):
            found = self.people.best.get(person["name"])
            where = evidence_of(found) if found else self.gold_person_evidence(person)
            kind = "wrong" if found else "miss"
            if person.get("titles"):
                got = titles_of(found) if found else []
                ok = any(similar(gt, pt) for gt in person["titles"] for pt in got)
                self.ratios["titles"].add(found is not None and ok)
                if not ok:
                    self.note("titles", kind, person["titles"], got, where)
            if person.get("country"):
                got = code_of(found.get("country")) if found else ""
                ok = found is not None and got == person["country"].upper()
                self.ratios["person_country"].add(ok)
                if not ok:
                    self.note("person_country", kind, person["country"], got or None, where)
            if person.get("organization"):
                got = name_of(found.get("organization")) if found else ""
                ok = found is not None and bool(got) and similar(person["organization"], got)
                self.ratios["person_org"].add(ok)
                if not ok:
                    self.note("person_org", kind, person["organization"], got or None, where)

    def score_pairs_and_dyads(self) -> None:
        """Meetings as unordered participant pairs and unordered pairs of party countries."""
        gold_pairs, gold_dyads = set(), set()
        for m in self.gold.get("meetings", []):
            gold_pairs |= {frozenset(c) for c in itertools.combinations(set(m["participants"]), 2)}
            gold_dyads |= {frozenset(c) for c in itertools.combinations({code_of(x) for x in m.get("parties", [])}, 2)}
        pred_pairs: dict[frozenset, dict] = {}
        pred_dyads: dict[frozenset, dict] = {}
        for m in self.pred.get("meetings", []):
            for c in itertools.combinations(set(self.people.participants(m)), 2):
                pred_pairs.setdefault(frozenset(c), m)
            for c in itertools.combinations({code_of(x) for x in m.get("parties", []) if code_of(x)}, 2):
                pred_dyads.setdefault(frozenset(c), m)
        tp = len(gold_pairs & pred_pairs.keys())
        counts = (tp, len(pred_pairs) - tp, len(gold_pairs) - tp)
        self.tallies["pairs_micro"].add(*counts)
        self.pairs_tally.add(*counts)
        tp = len(gold_dyads & pred_dyads.keys())
        self.tallies["dyads"].add(tp, len(pred_dyads) - tp, len(gold_dyads) - tp)
        for label, gold_set, pred_set in (("pairs", gold_pairs, pred_pairs), ("dyads", gold_dyads, pred_dyads)):
            for pair in sorted(gold_set - pred_set.keys(), key=sorted):
                self.note(label, "miss", expected=sorted(pair),
                          evidence=locate(self.text, sorted(pair)) if label == "pairs" else None)
            for pair in sorted(pred_set.keys() - gold_set, key=sorted):
                self.note(label, "false hit", predicted=sorted(pair), evidence=evidence_of(pred_set[pair]))

    @property
    def has_pairs(self) -> bool:
        return bool(self.pairs_tally.tp or self.pairs_tally.fp or self.pairs_tally.fn)

    def score_meetings(self) -> None:
        """Meetings as wholes: one-to-one, participant sets overlapping by Jaccard >= 0.5."""
        gold_sets = [set(m["participants"]) for m in self.gold.get("meetings", []) if len(set(m["participants"])) >= 2]
        pred_meetings = [m for m in self.pred.get("meetings", []) if len(set(self.people.participants(m))) >= 2]
        pred_sets = [set(self.people.participants(m)) for m in pred_meetings]
        used: set[int] = set()
        for gs in gold_sets:
            scored = [(len(gs & ps) / len(gs | ps), i) for i, ps in enumerate(pred_sets) if i not in used]
            best_j, best_i = max(scored, default=(0.0, None))
            if best_j >= 0.5:
                used.add(best_i)
            else:
                self.note("meetings", "miss", expected=sorted(gs), evidence=locate(self.text, sorted(gs)))
        self.tallies["meetings"].add(len(used), len(pred_sets) - len(used), len(gold_sets) - len(used))
        for i, m in enumerate(pred_meetings):
            if i not in used:
                self.note("meetings", "false hit", predicted=sorted(pred_sets[i]), evidence=evidence_of(m))

    def score_meeting_date_and_place(self) -> None:
        """Each gold meeting's date and country, read from the closest predicted meeting sharing a participant."""
        pred_meetings = self.pred.get("meetings", [])
        for m in self.gold.get("meetings", []):
            gp = set(m["participants"])

            def closeness(pm: dict) -> tuple:
                pn = set(self.people.participants(pm))
                return (len(gp & pn), len(gp & pn) / len(gp | pn) if gp | pn else 0.0,
                        pm.get("date") == m.get("date"), code_of(pm.get("country")) == code_of(m.get("country")))

            match = max(pred_meetings, default=None, key=closeness)
            if match is not None and not gp & set(self.people.participants(match)):
                match = None
            where = evidence_of(match) if match else locate(self.text, sorted(gp))
            kind = "wrong" if match else "miss"
            if m.get("date"):
                got = match.get("date") if match else None
                self.ratios["meeting_date"].add(match is not None and got == m["date"])
                if match is None or got != m["date"]:
                    self.note("meeting_date", kind, m["date"], got, where)
            if m.get("country"):
                got = code_of(match.get("country")) if match else ""
                ok = match is not None and got == m["country"].upper()
                self.ratios["meeting_country"].add(ok)
                if not ok:
                    self.note("meeting_country", kind, m["country"], got or None, where)

    def score_countries(self) -> None:
        gold_c = {code_of(c) for c in self.gold.get("countries", [])}
        pred_items = {}
        for c in self.pred.get("countries", []):
            if code_of(c):
                pred_items.setdefault(code_of(c), c)
        tp = len(gold_c & pred_items.keys())
        self.tallies["countries"].add(tp, len(pred_items) - tp, len(gold_c) - tp)
        for code in sorted(gold_c - pred_items.keys()):
            self.note("countries", "miss", expected=code)
        for code in sorted(pred_items.keys() - gold_c):
            self.note("countries", "false hit", predicted=code, evidence=evidence_of(pred_items[code]))

    def score_names(self, key: str) -> None:
        """Organisations, events or venues, matched softly by shared content words."""
        pred_items = {}
        for item in self.pred.get(key, []):
            pred_items.setdefault(name_of(item), item)
        matched, false_hits, missed = soft_match(self.gold.get(key, []), [name_of(x) for x in self.pred.get(key, [])])
        self.tallies[key].add(len(matched), len(false_hits), len(missed))
        for name in missed:
            self.note(key, "miss", expected=name, evidence=locate(self.text, [name]))
        for name in false_hits:
            self.note(key, "false hit", predicted=name, evidence=evidence_of(pred_items.get(name)))

    def score_published(self) -> None:
        if self.gold.get("published"):
            ok = self.pred.get("published") == self.gold["published"]
            self.ratios["published"].add(ok)
            if not ok:
                self.note("published", "wrong" if self.pred.get("published") else "miss", self.gold["published"], self.pred.get("published"))


# --- a whole gold set --------------------------------------------------------------------------

def gold_files(gold_dir: Path) -> list[Path]:
    """The ``NAME.gold.json`` files of a gold folder, sorted; a clear error when there are none."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldSetError(f"{gold_dir} is not a folder")
    files = sorted(gold_dir.glob("*.gold.json"))
    if not files:
        raise GoldSetError(f"{gold_dir} holds no NAME.gold.json files")
    return files


def doc_id_of(gold_file: Path) -> str:
    return gold_file.name[: -len(".gold.json")]


def load_gold(gold_dir: Path) -> dict[str, dict]:
    """Every gold annotation of a folder, by document id, in file-name order."""
    out = {}
    for path in gold_files(gold_dir):
        try:
            out[doc_id_of(path)] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GoldSetError(f"{path}: cannot read gold annotation ({exc})") from exc
    return out


def load_texts(gold_dir: Path, doc_ids: Iterable[str]) -> dict[str, str]:
    """The text of the ``NAME.txt`` beside each gold file, as extraction reads it, to locate missed items."""
    from idefx.io import read_input

    out = {}
    for doc_id in doc_ids:
        path = Path(gold_dir) / f"{doc_id}.txt"
        try:
            out[doc_id] = read_input(path).text
        except IdefxError:
            continue  # no text to point into: mistakes of this document carry no located evidence
    return out


def read_predictions(lines: Iterable[str], source: str = "predictions") -> dict[str, dict]:
    """Records (one JSON object per line, as ``idefx extract --format jsonl`` prints) by document id.

    A record is keyed by its ``id``, or else by the stem of its ``path``.
    """
    out = {}
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldSetError(f"{source}, line {number}: not JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise GoldSetError(f"{source}, line {number}: not a JSON object")
        key = record.get("id") or Path(str(record.get("path", ""))).stem
        out[str(key)] = record
    return out


def load_predictions(path: Path) -> dict[str, dict]:
    try:
        with open(path, encoding="utf-8") as fh:
            return read_predictions(fh, str(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldSetError(f"cannot read predictions {path}: {exc}") from exc


def score(gold: dict[str, dict], predictions: dict[str, dict], texts: Optional[dict[str, str]] = None) -> Evaluation:
    """Score predictions (by document id) against gold annotations (by document id, in the order given)."""
    texts = texts or {}
    tallies = {k: Tally() for k in TALLIES}
    ratios = {k: Ratio() for k in RATIOS}
    mistakes: list[Mistake] = []
    per_document = {}
    pair_f1 = []  # per-document pair F1, so one 20-person meeting does not outweigh 20 documents
    for doc_id in gold:
        try:
            scorer = DocumentScorer(doc_id, gold[doc_id], predictions.get(doc_id, {}), texts.get(doc_id),
                                    tallies, ratios, mistakes)
            per_document[doc_id] = {**scorer.run(), "predicted": doc_id in predictions}
        except (KeyError, TypeError, AttributeError) as exc:
            raise GoldSetError(f"{doc_id}: malformed gold annotation or prediction ({type(exc).__name__}: {exc})") from exc
        if scorer.has_pairs:
            pair_f1.append(per_document[doc_id]["pairs_f1"])
    report = {"documents": len(gold), "predicted": sum(1 for d in per_document.values() if d["predicted"])}
    report.update({k: v.prf() for k, v in tallies.items()})
    report["pairs"] = {"f1": round(sum(pair_f1) / len(pair_f1), 4) if pair_f1 else 1.0,
                       "documents": len(pair_f1), "averaged": "per document"}
    report.update({k: v.value() for k, v in ratios.items()})
    headline = headline_figures(report)
    report["overall"] = round(sum(headline) / len(headline), 4)
    return Evaluation(report, per_document, mistakes)


def headline_figures(report: dict) -> list[float]:
    """The eight figures whose mean is the overall score."""
    return [report["people"]["f1"], report["titles"]["acc"], report["person_country"]["acc"],
            report["meetings"]["f1"], report["pairs"]["f1"], report["dyads"]["f1"],
            report["countries"]["f1"], report["organizations"]["f1"]]


def evaluate_folder(gold_dir: Path, predictions: dict[str, dict]) -> Evaluation:
    """Score predictions against the gold folder, locating missed items in its texts."""
    gold = load_gold(gold_dir)
    return score(gold, predictions, load_texts(gold_dir, gold))


def extract_folder(nlp, gold_dir: Path) -> dict[str, dict]:
    """Run extraction over each ``NAME.txt`` of a folder; the records as ``extract --format jsonl`` prints them.

    Documents are read as ``idefx extract`` reads them; one that cannot be read stops the evaluation.
    """
    from idefx.extract import extract_records
    from idefx.io import read_input

    documents = [read_input(path) for path in sorted(Path(gold_dir).glob("*.txt"))]
    return {record.id: json.loads(record.model_dump_json()) for record in extract_records(nlp, documents)}
