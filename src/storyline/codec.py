"""Turn the frozen models into JSON-ready dicts and back, losslessly.

The store and the JSON reports both use this, so there is one encoding of every model:
dates as ISO strings, enums as their values, tuples as lists, nested dataclasses as dicts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_jsonable(value: Any) -> Any:
    """A JSON-ready copy of ``value`` (a model, or containers of models)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: to_jsonable(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        raise TypeError("bytes are not JSON: store raw input through the store's raw table")
    if isinstance(value, tuple | list):
        return [to_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    return value


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    # dataclasses.fields() rebuilds its tuple on every call; the store encodes every article.
    return tuple(f.name for f in dataclasses.fields(cls))


def dumps(value: Any) -> str:
    return json.dumps(to_jsonable(value), ensure_ascii=False, sort_keys=True)


def from_jsonable(cls: type[T], data: Any) -> T:
    """Rebuild a model of type ``cls`` from ``to_jsonable`` output."""
    return typing.cast(T, _decode(cls, data))


def loads(cls: type[T], text: str) -> T:
    return from_jsonable(cls, json.loads(text))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        return _decode(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:  # tuple[X, ...]
            return tuple(_decode(args[0], item) for item in data)
        if args:  # a fixed-shape tuple such as tuple[str, tuple[Event, ...]]
            return tuple(_decode(arg, item) for arg, item in zip(args, data, strict=True))
        return tuple(data)
    if origin in (list, dict):
        return data
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {
            name: _decode(hints[name], data[name]) for name in _field_names(tp) if name in data
        }
        return tp(**kwargs)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(data)
    if tp is dt.datetime:
        return dt.datetime.fromisoformat(data)
    if tp is dt.date:
        return dt.date.fromisoformat(data)
    if tp is float and isinstance(data, int):
        return float(data)
    return data
