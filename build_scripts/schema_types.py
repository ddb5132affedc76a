"""TypeScript declarations generated from the result's (and the cohort summary's) JSON Schema,
for checking the pages' code.

The page draws Python's result dict; `tsc` checks that code against these declarations, so a
change to `assessment/schema/result.schema.json` flows into the JavaScript's types with no hand
edit. Run `python -m build_scripts.schema_types` (the JavaScript check in tests/checks does).
Keywords that only constrain values (patterns, ranges) have no TypeScript form and are left out;
any other keyword is refused, so the declarations never claim more than the schema says.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from build_scripts.errors import BuildError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESULT_SCHEMA = PROJECT_ROOT / "assessment" / "schema" / "result.schema.json"
RESULT_TYPES = PROJECT_ROOT / "build" / "types" / "result.d.ts"
ROOT_NAME = "Result"
# The workshop page draws a cohort summary (assessment/cohort_json.py) the same way.
COHORT_SCHEMA = PROJECT_ROOT / "assessment" / "schema" / "cohort.schema.json"
COHORT_TYPES = PROJECT_ROOT / "build" / "types" / "cohort.d.ts"
COHORT_ROOT_NAME = "Cohort"

# Keywords that describe or constrain values without changing their TypeScript type.
VALUE_ONLY = {
    "$schema", "$id", "$comment", "title", "description", "default", "examples", "format",
    "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
    "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties",
    "maxProperties", "propertyNames",
}  # fmt: skip
# Keywords this generator turns into types.
TYPED = {
    "type", "const", "enum", "$ref", "$defs", "oneOf", "anyOf", "allOf", "items",
    "prefixItems", "properties", "required", "additionalProperties",
}  # fmt: skip
PRIMITIVES = {"string": "string", "number": "number", "integer": "number", "boolean": "boolean"}
IDENTIFIER = re.compile(r"^[A-Za-z_$][\w$]*$")


def type_name(definition: str) -> str:
    """`side_score` -> `SideScore`: the TypeScript name of a `$defs` entry."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", definition))


def _check_keywords(schema: Mapping[str, Any], where: str) -> None:
    unknown = sorted(set(schema) - VALUE_ONLY - TYPED)
    if unknown:
        raise BuildError(
            f"{where}: the schema uses {', '.join(unknown)}, which build_scripts/schema_types.py "
            "cannot turn into TypeScript yet; teach it, so the page's types stay true."
        )


def _union(types: list[str]) -> str:
    unique = list(dict.fromkeys(types))
    return " | ".join(unique) if len(unique) > 1 else unique[0]


def _comment(schema: Mapping[str, Any], indent: str) -> str:
    text = schema.get("description")
    return f"{indent}/** {' '.join(str(text).split())} */\n" if text else ""


def _object(schema: Mapping[str, Any], where: str, indent: str) -> str:
    properties: Mapping[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    inner = indent + "  "
    lines = []
    for name, sub in properties.items():
        key = name if IDENTIFIER.match(name) else json.dumps(name)
        optional = "" if name in required else "?"
        sub_type = type_of(sub, f"{where}.{name}", inner)
        lines.append(f"{_comment(sub, inner)}{inner}{key}{optional}: {sub_type};\n")
    extra = schema.get("additionalProperties", True)
    if extra is not False:
        value = "unknown" if extra is True else type_of(extra, f"{where}[*]", inner)
        if properties and value != "unknown":
            value = _union([value, *(type_of(s, where, inner) for s in properties.values())])
        lines.append(f"{inner}[key: string]: {value};\n")
    return "{\n" + "".join(lines) + indent + "}" if lines else "Record<string, never>"


def _of_type(kind: str, schema: Mapping[str, Any], where: str, indent: str) -> str:
    if kind in PRIMITIVES:
        return PRIMITIVES[kind]
    if kind == "null":
        return "null"
    if kind == "object":
        return _object(schema, where, indent)
    if kind == "array":
        if "prefixItems" in schema:
            places = enumerate(schema["prefixItems"])
            return f"[{', '.join(type_of(s, f'{where}[{i}]', indent) for i, s in places)}]"
        items_schema = schema.get("items", True)
        item = "unknown" if items_schema is True else type_of(items_schema, f"{where}[]", indent)
        return f"Array<{item}>"
    raise BuildError(f"{where}: unknown JSON Schema type {kind!r}")


def type_of(schema: Mapping[str, Any] | bool, where: str = "#", indent: str = "") -> str:
    """The TypeScript type of the values `schema` allows."""
    if schema is True:
        return "unknown"
    if schema is False:
        return "never"
    _check_keywords(schema, where)
    if "$ref" in schema:
        reference = str(schema["$ref"])
        if not reference.startswith("#/$defs/"):
            raise BuildError(f"{where}: only references into $defs are supported, not {reference}")
        return type_name(reference.removeprefix("#/$defs/"))
    if "const" in schema:
        return json.dumps(schema["const"])
    if "enum" in schema:
        return _union([json.dumps(value) for value in schema["enum"]])
    for combinator, joiner in (("oneOf", " | "), ("anyOf", " | "), ("allOf", " & ")):
        if combinator in schema:
            parts = [type_of(s, f"{where}/{combinator}", indent) for s in schema[combinator]]
            return "(" + joiner.join(parts) + ")"
    kinds = schema.get("type")
    if kinds is None:
        return _object(schema, where, indent) if "properties" in schema else "unknown"
    if isinstance(kinds, list):
        return _union([_of_type(kind, schema, where, indent) for kind in kinds])
    return _of_type(str(kinds), schema, where, indent)


def declarations(
    schema: Mapping[str, Any], root_name: str = ROOT_NAME, source: str = RESULT_SCHEMA.name
) -> str:
    """A TypeScript module: the root type as `root_name`, each `$defs` entry by its own name."""
    header = f"// Generated by build_scripts/schema_types.py from {source}: do not edit.\n"
    blocks = [f"{_comment(schema, '')}export type {root_name} = {type_of(schema)};\n"]
    for name, definition in schema.get("$defs", {}).items():
        where = f"#/$defs/{name}"
        blocks.append(
            f"{_comment(definition, '')}export type {type_name(name)} = "
            f"{type_of(definition, where)};\n"
        )
    return header + "\n" + "\n".join(blocks)


def write_result_types(schema_path: Path = RESULT_SCHEMA, out: Path = RESULT_TYPES) -> Path:
    """Writes the result's declarations (git-ignored, under build/) and returns their path."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(declarations(schema), encoding="utf-8")
    return out


def write_cohort_types(schema_path: Path = COHORT_SCHEMA, out: Path = COHORT_TYPES) -> Path:
    """Writes the cohort summary's declarations (git-ignored, under build/)."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(declarations(schema, COHORT_ROOT_NAME, schema_path.name), encoding="utf-8")
    return out


if __name__ == "__main__":
    try:
        print(write_result_types())
        print(write_cohort_types())
    except BuildError as error:
        sys.exit(f"error: {error}")
