"""A faster :func:`dataclasses.replace` for the pipeline's frozen record dataclasses.

``dataclasses.replace`` builds a keyword dict of every field and calls the generated
``__init__``, which sets each field again with ``object.__setattr__`` (a frozen class): for the
40-odd columns of an event row that is most of the cost of re-dating, re-offsetting or
re-placing a row, done once per row per stage. :func:`replace` copies the instance's
``__dict__`` instead and sets only the changed fields. It gives the same object as
``dataclasses.replace`` for a dataclass whose ``__init__`` only assigns its fields (no
``__post_init__``, no ``init=False`` or ``InitVar`` fields, no ``__slots__``); any other class
is handed to ``dataclasses.replace`` unchanged, and an unknown field name raises
``TypeError`` as there.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

_T = TypeVar("_T")

#: class -> its field names when the fast copy is exact for it, else None.
_PLAIN: dict[type, frozenset[str] | None] = {}


def _plain_fields(cls: type) -> frozenset[str] | None:
    """The field names of dataclass ``cls`` when copying ``__dict__`` equals re-initialising
    it, else None."""
    try:
        return _PLAIN[cls]
    except KeyError:
        pass
    fields = getattr(cls, "__dataclass_fields__", None)
    plain = None
    if fields is not None and not hasattr(cls, "__post_init__") \
            and "__slots__" not in cls.__dict__ \
            and all(f._field_type is dataclasses._FIELD and f.init  # type: ignore[attr-defined]
                    for f in fields.values()):
        plain = frozenset(fields)
    _PLAIN[cls] = plain
    return plain


def replace(obj: _T, /, **changes: Any) -> _T:
    """``obj`` with ``changes`` (field name -> value): as :func:`dataclasses.replace`."""
    cls = type(obj)
    names = _plain_fields(cls)
    old = getattr(obj, "__dict__", None)
    if names is None or old is None or len(old) != len(names) \
            or not names.issuperset(changes):  # (more in __dict__: a cached property)
        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    new = object.__new__(cls)
    state = new.__dict__
    state.update(old)
    state.update(changes)
    return new
