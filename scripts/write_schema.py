"""Write docs/record.schema.json, the JSON Schema of a document record, from idefx.records."""

import json
from pathlib import Path

from idefx.records import json_schema

TARGET = Path(__file__).resolve().parents[1] / "docs" / "record.schema.json"

if __name__ == "__main__":
    TARGET.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {TARGET}")
