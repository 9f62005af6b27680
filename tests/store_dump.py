"""A store's `idefx export` jsonl dump with row ids aside: every reference to a row becomes what the row is (a
document its SHA-256, a person the aliases it has in each document, a meeting its document and ordinal, ...),
the save time is dropped, and each table's rows are sorted; two stores of the same content dump equal."""

import json
import sys

_REFERENCES = {"document_id": "documents", "person_id": "people", "organisation_id": "organisations",
               "event_id": "events", "meeting_id": "meetings", "sighting_id": "sightings"}
_EVIDENCE_KINDS = {"person": "people", "organisation": "organisations", "event": "events", "meeting": "meetings"}


def canonical(export_lines) -> str:
    tables: dict[str, list[dict]] = {}
    for line in export_lines:
        if line.strip():
            item = json.loads(line)
            tables.setdefault(item["table"], []).append(item["row"])
    label: dict[str, dict] = {"documents": {r["id"]: r["sha256"] for r in tables.get("documents", [])}}
    docs = label["documents"]
    label["meetings"] = {r["id"]: [docs[r["document_id"]], r["ordinal"]] for r in tables.get("meetings", [])}
    label["sightings"] = {r["id"]: [docs[r["document_id"]], r["ordinal"]] for r in tables.get("sightings", [])}
    for table in ("organisations", "events"):
        label[table] = {r["id"]: r["name_key"] for r in tables.get(table, [])}
    aliases: dict[int, list] = {}
    for r in tables.get("person_aliases", []):
        aliases.setdefault(r["person_id"], []).append([docs[r["document_id"]], r["alias"]])
    label["people"] = {r["id"]: sorted(aliases.get(r["id"], [])) for r in tables.get("people", [])}
    out = []
    for table in sorted(tables):
        rows = []
        for row in tables[table]:
            row = {k: v for k, v in row.items() if k not in ("id", "saved_at")}
            for column, target in _REFERENCES.items():
                if row.get(column) is not None:
                    row[column] = label[target][row[column]]
            if table == "evidence" and row["ref_id"] is not None:
                row["ref_id"] = label[_EVIDENCE_KINDS[row["kind"]]][row["ref_id"]]
            rows.append(json.dumps(row, ensure_ascii=False, sort_keys=True))
        out.append(f"{table}\n" + "\n".join(sorted(rows)))
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # python tests/store_dump.py < export.jsonl
    sys.stdout.write(canonical(sys.stdin))
