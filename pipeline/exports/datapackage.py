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
import dataclasses
import json
from dataclasses import fields
from functools import lru_cache
from importlib import resources

from ..records import DocumentRow
from .common import ExportInput

PRIMARY_KEYS = {"documents": ["doc_id"], "sentences": ["doc_id", "sentence_id"],
                "events": ["doc_id", "event_id"]}


@lru_cache(maxsize=1)
def column_descriptions() -> dict[tuple[str, str], str]:
    """``(table, column) -> description``; ``table`` is ``*`` for shared columns.

    Raises ``ValueError`` when a row of ``columns.csv`` does not have exactly three fields (an
    unescaped quote in a description splits it, and the description would be cut short).
    """
    text = resources.files("pipeline.exports").joinpath("columns.csv").read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    bad = [f"{r['table']}.{r['column']}" for r in rows if None in r or None in r.values()]
    if bad:
        raise ValueError(f"columns.csv: rows without exactly 3 fields: {', '.join(bad)}")
    return {(r["table"], r["column"]): r["description"] for r in rows}


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


def source(document: DocumentRow) -> dict[str, str] | None:
    """A document's entry in ``sources`` (None without a path)."""
    return {"title": document.path, "path": document.path} if document.path else None


def input_of(document: DocumentRow) -> dict[str, str]:
    """A document's entry in ``chronicle.inputs``."""
    return {"doc_id": document.doc_id, "path": document.path, "sha256": document.sha256,
            "encoding": document.encoding, "status": document.status}


#: Where each list of per-document entries sits: its key and the indent of its items.
LISTS = (("sources", 2), ("inputs", 3))


def item_text(item: dict[str, str], indent: int) -> str:
    """One list item as :func:`render` writes it (``indent`` spaces before each line)."""
    pad = " " * indent
    return pad + json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n" + pad)


def frame(data: ExportInput) -> list[str]:
    """``datapackage.json`` cut around its two per-document lists: the text before the
    ``sources`` items, between them and the ``inputs`` items, after those. The items
    (:func:`item_text`) go between, each after :func:`list_separator`, then
    :func:`close_list`; with no item the list stays ``[]``. ``data``
    need not hold the documents."""
    text = render_text(dataclasses.replace(data, documents=()))
    pieces = []
    for key, _ in LISTS:
        before, text = text.split(f'"{key}": [', 1)
        pieces.append(before + f'"{key}": [')
    pieces.append(text)
    return pieces


def list_separator(first: bool) -> str:
    """What goes before an item (the first one or a later one)."""
    return "\n" if first else ",\n"


def close_list(indent: int, items: int) -> str:
    """What follows the items (at ``indent``) of a list: nothing without items (``[]``)."""
    return "\n" + " " * (indent - 1) if items else ""


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
        "sources": [s for s in map(source, (d.document for d in data.documents)) if s],
        "chronicle": {
            "tool": prov.tool, "tool_version": prov.tool_version,
            "model": prov.model, "model_version": prov.model_version,
            "gazetteer_sha256": prov.gazetteer_sha256,
            "inputs": [input_of(d.document) for d in data.documents],
        },
    }


def render_text(data: ExportInput) -> str:
    """The text of ``datapackage.json``."""
    return json.dumps(package(data), ensure_ascii=False, indent=1) + "\n"


def render(data: ExportInput) -> dict[str, bytes]:
    """``datapackage.json`` (UTF-8, indented, keys in a fixed order)."""
    return {"datapackage.json": render_text(data).encode("utf-8")}
