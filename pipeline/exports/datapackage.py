"""``datapackage.json``: a Frictionless Tabular Data Package describing every CSV table.

Each table is a ``tabular-data-resource`` with a Table Schema: one field per column with its type
(from the record dataclass: ``integer``, ``number``, ``boolean`` with ``true``/``false``,
``string``), a description (``pipeline/exports/columns.csv``; table-specific rows win over ``*``),
primary keys where rows are unique by construction and a foreign key ``doc_id`` ->
``documents``. ISO dates stay ``string`` fields: Table Schema ``date`` cannot hold the negative
(astronomical) years these tables use. Provenance (tool version, model, gazetteer hash, input
hashes) is in the custom ``chronicle`` property. No timestamp: the same run gives the same bytes.
"""

from __future__ import annotations

import csv
import json
from dataclasses import fields
from functools import lru_cache
from importlib import resources

from .common import ExportInput

PRIMARY_KEYS = {"documents": ["doc_id"], "sentences": ["doc_id", "sentence_id"],
                "events": ["doc_id", "event_id"]}


@lru_cache(maxsize=1)
def column_descriptions() -> dict[tuple[str, str], str]:
    """``(table, column) -> description``; ``table`` is ``*`` for shared columns."""
    text = resources.files("pipeline.exports").joinpath("columns.csv").read_text("utf-8")
    return {(r["table"], r["column"]): r["description"] for r in csv.DictReader(text.splitlines())}


def describe(table: str, column: str) -> str:
    """The description of a column ("" if none is written)."""
    found = column_descriptions()
    return found.get((table, column)) or found.get(("*", column), "")


def _field(table: str, name: str, annotation: object) -> dict[str, object]:
    base = str(annotation).split("|")[0].strip()
    kind = {"int": "integer", "float": "number", "bool": "boolean"}.get(base, "string")
    spec: dict[str, object] = {"name": name, "type": kind, "description": describe(table, name)}
    if kind == "boolean":
        spec.update(trueValues=["true"], falseValues=["false"])
    return spec


def table_schema(table: str, record_type: type) -> dict[str, object]:
    """The Table Schema of one table (``table`` is the file name without ``.csv``)."""
    schema: dict[str, object] = {
        "fields": [_field(table, f.name, f.type) for f in fields(record_type)],
        "missingValues": [""],
    }
    if table in PRIMARY_KEYS:
        schema["primaryKey"] = PRIMARY_KEYS[table]
    if table != "documents":
        schema["foreignKeys"] = [{"fields": "doc_id",
                                  "reference": {"resource": "documents", "fields": "doc_id"}}]
    return schema


def package(data: ExportInput) -> dict[str, object]:
    """The data package descriptor as a dict."""
    prov = data.provenance
    resources_ = []
    for file_name, record_type, rows in data.tables:
        name = file_name.removesuffix(".csv")
        resources_.append({
            "name": name, "path": file_name, "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
            "schema": table_schema(name, record_type),
            "description": f"{rows} rows",
        })
    return {
        "profile": "tabular-data-package",
        "name": "chronicle-run",
        "title": "Tables extracted by chronicle",
        "description": ("Sentences, entities, dates converted to CE, events and places read from "
                        "English texts on Chinese history; offsets point into the input files."),
        "resources": resources_,
        "sources": [{"title": d.document.path, "path": d.document.path}
                    for d in data.documents if d.document.path],
        "chronicle": {
            "tool": prov.tool, "tool_version": prov.tool_version,
            "model": prov.model, "model_version": prov.model_version,
            "gazetteer_sha256": prov.gazetteer_sha256,
            "inputs": [{"doc_id": d.document.doc_id, "path": d.document.path,
                        "sha256": d.document.sha256, "encoding": d.document.encoding,
                        "status": d.document.status} for d in data.documents],
        },
    }


def render(data: ExportInput) -> dict[str, bytes]:
    """``datapackage.json`` (UTF-8, indented, keys in a fixed order)."""
    text = json.dumps(package(data), ensure_ascii=False, indent=1) + "\n"
    return {"datapackage.json": text.encode("utf-8")}
