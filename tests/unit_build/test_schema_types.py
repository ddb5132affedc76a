"""The TypeScript declarations generated from a JSON Schema (build_scripts/schema_types.py) say
what the schema allows, no more, and a schema the generator cannot express stops it loudly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from build_scripts.errors import BuildError
from build_scripts.schema_types import RESULT_SCHEMA, declarations, type_of, write_result_types


def test_objects_list_required_and_optional_properties_and_forbid_others() -> None:
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id"],
        "properties": {"id": {"type": "string", "pattern": "^x"}, "note-text": {"type": "string"}},
    }
    assert type_of(schema) == '{\n  id: string;\n  "note-text"?: string;\n}'


def test_nullable_values_constants_enums_and_references() -> None:
    assert type_of({"type": ["number", "null"], "minimum": 0}) == "number | null"
    assert type_of({"const": "fair-leverage-result/1"}) == '"fair-leverage-result/1"'
    assert type_of({"enum": ["you", "them"]}) == '"you" | "them"'
    assert type_of({"oneOf": [{"type": "null"}, {"$ref": "#/$defs/side_score"}]}) == (
        "(null | SideScore)"
    )
    assert type_of({"type": "array", "items": {"type": "integer"}}) == "Array<number>"


def test_maps_with_a_value_schema_become_index_signatures() -> None:
    schema = {"type": "object", "additionalProperties": {"type": "string"}}
    assert type_of(schema) == "{\n  [key: string]: string;\n}"


def test_each_definition_becomes_a_named_type_beside_the_root() -> None:
    schema = {
        "description": "A result.",
        "type": "object",
        "additionalProperties": False,
        "required": ["band"],
        "properties": {"band": {"$ref": "#/$defs/band"}},
        "$defs": {"band": {"type": "string"}},
    }
    text = declarations(schema)
    assert "/** A result. */\nexport type Result = {\n  band: Band;\n};" in text
    assert "export type Band = string;" in text


@pytest.mark.parametrize(
    "schema",
    [{"type": "string", "if": {"const": "a"}}, {"not": {"type": "null"}}],
    ids=["if", "not"],
)
def test_a_keyword_the_generator_cannot_express_stops_it_with_its_name(
    schema: dict[str, object],
) -> None:
    keyword = next(key for key in schema if key != "type")
    with pytest.raises(BuildError, match=rf"uses {keyword}, .* teach it"):
        type_of(schema)


def test_the_result_schema_gives_a_result_type_for_every_definition(tmp_path: Path) -> None:
    out = write_result_types(out=tmp_path / "result.d.ts")
    text = out.read_text(encoding="utf-8")
    schema = json.loads(RESULT_SCHEMA.read_text(encoding="utf-8"))
    assert "export type Result = {" in text
    assert text.count("export type ") == 1 + len(schema.get("$defs", {}))
