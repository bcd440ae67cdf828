"""Every shipped spec satisfies the meta-schema and the semantic checks; the checks themselves bite."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from kx.catalog.semantic import semantic_problems

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
SPEC_FILES = sorted(SPECS.rglob("*.yaml"))
EXPECTED = {"docker/_global", "docker/run", "kubectl/_global", "kubectl/run", "kubectl/expose"}


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((SPECS / "spec.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def shipped() -> dict[str, dict[str, Any]]:
    return {str(p.relative_to(ROOT)): load(p) for p in SPEC_FILES}


def key(raw: dict[str, Any]) -> str:
    return "/".join([raw["tool"], *(raw["path"] or ["_global"])])


def test_the_five_specs_ship(shipped: dict[str, dict[str, Any]]) -> None:
    assert {key(raw) for raw in shipped.values()} == EXPECTED


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: str(p.relative_to(SPECS)))
def test_spec_matches_meta_schema(path: Path, validator: jsonschema.Draft202012Validator) -> None:
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(load(path))]
    assert errors == []


def test_shipped_specs_have_no_semantic_problems(shipped: dict[str, dict[str, Any]]) -> None:
    assert semantic_problems(shipped) == []


def test_schema_rejects_unknown_keys(
    shipped: dict[str, dict[str, Any]], validator: jsonschema.Draft202012Validator
) -> None:
    raw = copy.deepcopy(shipped["specs/kubectl/run.yaml"])
    raw["flags"][0]["shorthand"] = "x"
    raw["rules"][0]["whenn"] = {}
    paths = sorted(e.json_path for e in validator.iter_errors(raw))
    assert paths == ["$.flags[0]", "$.rules[0]"]


# --- the semantic checks, one planted problem each --------------------------------------------


def spec(**extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "spec": 1, "tool": "t", "path": ["c"], "tool_version": "1", "summary": "",
        "flags": [{"name": "alpha", "short": "a", "type": "string"},
                  {"name": "beta", "type": "bool"}],
    }  # fmt: skip
    base.update(extra)
    return base


def problems(*raws: dict[str, Any]) -> list[tuple[str, str]]:
    found = semantic_problems({f"s{i}": raw for i, raw in enumerate(raws)})
    return [(pointer, message) for _key, pointer, message in found]


def flags(*items: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"name": "alpha", "short": "a", "type": "string"}, *items]


def test_a_clean_spec_passes() -> None:
    assert problems(spec()) == []


@pytest.mark.parametrize(
    ("extra", "pointer", "needle"),
    [
        ({"flags": flags({"name": "alpha", "type": "bool"})}, "/flags/1/name", "duplicate flag --alpha"),
        ({"flags": flags({"name": "b", "short": "a", "type": "bool"})}, "/flags/1/short",
         "duplicate shorthand -a"),
        ({"flags": flags({"name": "b", "type": "bool", "choices": ["x"]})}, "/flags/1/choices", "bool"),
        ({"flags": flags({"name": "b", "type": "bool", "no_value": "yes"})}, "/flags/1/no_value",
         "bool word"),
        ({"flags": flags({"name": "b", "type": "string", "no_value": ""})}, "/flags/1/no_value", "empty"),
        ({"flags": flags({"name": "b", "type": "string", "choices": ["x"], "default": "y"})},
         "/flags/1/default", "not one of the choices"),
        ({"flags": flags({"name": "b", "type": "string", "choices": ["X"], "case_sensitive": False,
                          "no_value": "z"})}, "/flags/1/no_value", "not one of the choices"),
        ({"flags": flags({"name": "b", "type": "string", "case_sensitive": False})},
         "/flags/1/case_sensitive", "choices"),
        ({"flags": flags({"name": "b", "type": "stringSlice"})}, "/flags/1/repeat", "'csv'"),
        ({"flags": flags({"name": "b", "type": "bool", "repeat": "append"})}, "/flags/1/repeat", "bool"),
        ({"flags": flags({"name": "b", "type": "bool", "short_deprecated": "x"})},
         "/flags/1/short_deprecated", "without a shorthand"),
        ({"flags": flags({"name": "b", "type": "bool", "alias_of": "nope"})}, "/flags/1/alias_of", "--nope"),
        ({"flags": flags({"name": "b", "type": "bool", "alias_of": "b"})}, "/flags/1/alias_of", "no other"),
        ({"flags": flags({"name": "b", "type": "bool", "alias_of": "alpha"})}, "/flags/1/alias_of", "type"),
        ({"flags": flags({"name": "b", "type": "bool", "default_from": "gamma"})},
         "/flags/1/default_from", "--gamma"),
        ({"flags": flags({"name": "b", "type": "bool", "added": "1.20", "deprecated_in": "1.9"})},
         "/flags/1/deprecated_in", "comes before"),
        ({"flags": flags({"name": "b", "type": "bool", "undeprecated_in": "1.31"})},
         "/flags/1/undeprecated_in", "deprecated_in"),
        ({"rules": [{"kind": "conflicts", "flags": ["alpha", "gamma"]}]}, "/rules/0/flags/1", "--gamma"),
        ({"rules": [{"kind": "requires", "flag": "alpha", "needs": ["alpha"]}]}, "/rules/0/needs", "itself"),
        ({"rules": [{"kind": "requires", "flag": "zeta", "needs": ["alpha"]}]}, "/rules/0/flag", "--zeta"),
        ({"rules": [{"kind": "conflicts", "flags": ["alpha", "beta"], "when": {"omega": {"in": ["x"]}}}]},
         "/rules/0/when/omega", "--omega"),
        ({"rules": [{"kind": "one-of", "of": ["flag:alpha", "positional:thing"]}]}, "/rules/0/of/1",
         "positional 'thing'"),
        ({"removed_flags": [{"name": "alpha", "removed_in": "1.2"}]}, "/removed_flags/0/name",
         "still defined"),
        ({"removed_flags": [{"name": "old", "short": "a", "removed_in": "1.2"}]}, "/removed_flags/0/short",
         "still in use"),
        ({"subcommands": ["x"]}, "/subcommands", "root"),
        ({"aliases": [["c"]]}, "/aliases/0", "own path"),
        ({"positionals": [{"name": "a", "repeat": True}, {"name": "b"}]}, "/positionals/0", "last"),
        ({"positionals": [{"name": "a"}, {"name": "b", "required": True}]}, "/positionals/1/required",
         "optional"),
        ({"inherits": ["t/_nothing"]}, "/inherits/0", "unknown spec"),
    ],
)
def test_each_semantic_check_fires(extra: dict[str, Any], pointer: str, needle: str) -> None:
    found = problems(spec(**extra))
    assert any(p == pointer and needle in m for p, m in found), found


def test_inherited_shorthand_clash_is_reported() -> None:
    root = spec(path=[], flags=[{"name": "namespace", "short": "n", "type": "string"}])
    child = spec(inherits=["t/_global"], flags=[{"name": "number", "short": "n", "type": "int"}])
    message = "shorthand -n is already taken by inherited --namespace"
    assert problems(root, child) == [("/flags/0/short", message)]


def test_rules_may_name_inherited_flags() -> None:
    root = spec(path=[], flags=[{"name": "as", "type": "string"}])
    child = spec(inherits=["t/_global"], rules=[{"kind": "requires", "flag": "alpha", "needs": ["as"]}])
    assert problems(root, child) == []


def test_inheritance_cycle_is_reported() -> None:
    one = spec(path=["one"], inherits=["t/two"])
    two = spec(path=["two"], inherits=["t/one"])
    found = problems(one, two)
    assert ("/inherits/0", "inheritance cycle: t/one -> t/two -> t/one") in found


def test_diamond_inheritance_is_not_a_cycle() -> None:
    base = spec(path=["base"], flags=[{"name": "x", "type": "bool"}])
    left = spec(path=["left"], inherits=["t/base"], flags=[])
    right = spec(path=["right"], inherits=["t/base"], flags=[])
    top = spec(path=["top"], inherits=["t/left", "t/right"])
    assert problems(base, left, right, top) == []
