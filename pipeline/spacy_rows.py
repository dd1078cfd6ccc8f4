"""msgpack encoding of the row dataclasses stored on spaCy Docs (``doc._.dates`` ...).

With it ``doc.to_bytes``, ``DocBin(store_user_data=True)`` and ``nlp.pipe(n_process=2)`` work on
Docs processed by :mod:`pipeline.spacy_components`. srsly finds these functions through the
``srsly_msgpack_encoders`` / ``srsly_msgpack_decoders`` entry points, which srsly loads while
spaCy itself is being imported: so this module must not import spaCy (nor anything that does).
"""

from __future__ import annotations

import dataclasses

from pipeline.records import DateRow, EntityRow, EventRow, WarningRow

_ROW_KEY = "__chronicle_row__"
_ROW_TYPES = {c.__name__: c for c in (DateRow, EntityRow, EventRow, WarningRow)}


def encode_row(obj: object, chain=None):  # noqa: ANN001, ANN201 (srsly's encoder signature)
    """msgpack encoder for the row dataclasses, so ``doc.to_bytes``, ``DocBin`` and
    ``nlp.pipe(n_process=...)`` work with ``doc._.dates`` etc. (registered in srsly's
    ``msgpack_encoders``, also through the ``srsly_msgpack_encoders`` entry point)."""
    if type(obj).__name__ in _ROW_TYPES and dataclasses.is_dataclass(obj):
        return {_ROW_KEY: type(obj).__name__, "fields": dataclasses.asdict(obj)}  # type: ignore[arg-type]
    return obj if chain is None else chain(obj)


def decode_row(obj: object, chain=None):  # noqa: ANN001, ANN201
    """msgpack decoder: the inverse of :func:`encode_row`."""
    if isinstance(obj, dict) and _ROW_KEY in obj:
        return _ROW_TYPES[obj[_ROW_KEY]](**obj["fields"])
    return obj if chain is None else chain(obj)


def register() -> None:
    """Register the encoder and decoder with srsly (done by the entry points when installed)."""
    import srsly

    srsly.msgpack_encoders.register("chronicle_rows", func=encode_row)
    srsly.msgpack_decoders.register("chronicle_rows", func=decode_row)

