"""JSON Schema (draft 2020-12) generated from TypedDicts whose fields carry a ``Doc``.

The result's JSON form is typed once, as TypedDicts (``assessment.result_json``); this
module turns them into the published schema, so the schema can never drift from the code
that writes the JSON. Each field is ``Annotated[type, Doc("what it means", ...)]``.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints, is_typeddict

JSON = dict[str, Any]
DIALECT = "https://json-schema.org/draft/2020-12/schema"


@dataclass(frozen=True)
class Doc:
    """What a field means, and the limits of its value, for the schema."""

    description: str
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None
    min_length: int | None = None

    def constraints(self) -> JSON:
        found: JSON = {
            "minimum": self.minimum,
            "maximum": self.maximum,
            "pattern": self.pattern,
            "minLength": self.min_length,
        }
        return {key: value for key, value in found.items() if value is not None}


_SCALARS: dict[type, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


class _Builder:
    """Walks the types once, collecting each TypedDict into ``$defs``."""

    def __init__(self) -> None:
        self.definitions: dict[str, JSON] = {}

    def reference(self, typed_dict: type) -> JSON:
        name = typed_dict.__name__
        if name not in self.definitions:
            self.definitions[name] = {}  # placeholder: a type may refer to itself
            self.definitions[name] = self.object(typed_dict)
        return {"$ref": f"#/$defs/{name}"}

    def object(self, typed_dict: type) -> JSON:
        hints = get_type_hints(typed_dict, include_extras=True)
        properties: JSON = {}
        for name, hint in hints.items():
            inner, doc = _unwrap(hint)
            if doc is None:
                raise TypeError(f"{typed_dict.__name__}.{name} has no Doc: describe every field")
            properties[name] = {"description": doc.description, **self.type(inner, doc)}
        return {
            "type": "object",
            "description": _docstring(typed_dict),
            "additionalProperties": False,
            "required": list(hints),
            "properties": properties,
        }

    def type(self, hint: Any, doc: Doc | None = None) -> JSON:
        constraints = doc.constraints() if doc is not None else {}
        origin = get_origin(hint)
        if origin is typing.Annotated:
            inner, inner_doc = _unwrap(hint)
            return self.type(inner, inner_doc or doc)
        if hint is type(None):
            return {"type": "null"}
        if hint in _SCALARS:
            if hint is float:
                return {"type": "number", **constraints}
            return {"type": _SCALARS[hint], **constraints}
        if origin is Literal:
            values = list(get_args(hint))
            return {"const": values[0]} if len(values) == 1 else {"enum": values}
        if origin in (Union, types.UnionType):
            options = [self.type(arg, doc) for arg in get_args(hint)]
            return {"anyOf": options}
        if origin is list:
            (item,) = get_args(hint)
            return {"type": "array", "items": self.type(item)}
        if origin is dict:
            key, value = get_args(hint)
            if key is not str:
                raise TypeError(f"JSON object keys must be text, got {key!r}")
            return {
                "type": "object",
                "propertyNames": {"type": "string", **constraints},
                "additionalProperties": self.type(value, doc),
            }
        if isinstance(hint, type) and is_typeddict(hint):
            return self.reference(hint)
        raise TypeError(f"no JSON Schema for {hint!r}")


def _unwrap(hint: Any) -> tuple[Any, Doc | None]:
    if get_origin(hint) is not typing.Annotated:
        return hint, None
    inner, *extras = get_args(hint)
    docs = [extra for extra in extras if isinstance(extra, Doc)]
    return inner, docs[0] if docs else None


def _docstring(typed_dict: type) -> str:
    return " ".join((typed_dict.__doc__ or "").split())


def json_schema(root: type, *, schema_id: str, title: str) -> JSON:
    """The schema of the JSON a TypedDict describes, with its nested types under ``$defs``."""
    builder = _Builder()
    body = builder.object(root)
    return {
        "$schema": DIALECT,
        "$id": schema_id,
        "title": title,
        **body,
        "$defs": dict(sorted(builder.definitions.items())),
    }
