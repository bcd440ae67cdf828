"""Read one spec file safely: size limit, UTF-8, YAML without anchors, schema check.

Only used when the compiled cache is stale, so PyYAML and jsonschema are imported here lazily.
"""

from __future__ import annotations

import os
from typing import Any

from kx.core.errors import SpecError

MAX_SPEC_BYTES = 2 * 1024 * 1024
SCHEMA_FILE = "spec.schema.json"


def read_yaml(path: str) -> dict[str, Any]:
    """Parse a spec file into a dict, or raise SpecError with a one-line message naming the file."""
    try:
        size = os.path.getsize(path)
        if size > MAX_SPEC_BYTES:
            raise SpecError(f"{path}: file is {size} bytes; spec files are limited to {MAX_SPEC_BYTES}")
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise SpecError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SpecError(f"{path}: not valid UTF-8 (byte offset {error.start})") from None
    return _parse(path, text)


def _loader() -> Any:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(path: str, text: str) -> dict[str, Any]:
    import yaml

    loader = _loader()
    try:
        for token in yaml.scan(text, Loader=loader):
            if isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
                line = token.start_mark.line + 1
                raise SpecError(f"{path}:{line}: YAML anchors and aliases are not allowed in specs")
        value = yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise SpecError(f"{path}{where}: invalid YAML: {problem}") from None
    if not isinstance(value, dict):
        raise SpecError(f"{path}: a spec must be a mapping at the top level (pointer: '')")
    return value


def json_pointer(parts: Any) -> str:
    """Render a jsonschema error path as a JSON pointer (``/flags/3/type``)."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def schema_problems(raw: dict[str, Any], schema_dir: str) -> list[tuple[str, str]]:
    """Validate against the meta-schema; return (json pointer, message) pairs."""
    import json

    import jsonschema

    with open(os.path.join(schema_dir, SCHEMA_FILE), encoding="utf-8") as handle:
        schema = json.load(handle)
    validator = jsonschema.Draft202012Validator(schema)
    found = []
    for error in sorted(validator.iter_errors(raw), key=lambda e: list(map(str, e.absolute_path))):
        found.append((json_pointer(error.absolute_path), _short(error.message)))
    return found


def _short(message: str) -> str:
    line = message.splitlines()[0] if message else message
    return line if len(line) <= 200 else line[:197] + "..."


def validate_file(path: str, schema_dir: str) -> dict[str, Any]:
    """Read and schema-check one spec; raise SpecError naming the file and pointer."""
    raw = read_yaml(path)
    problems = schema_problems(raw, schema_dir)
    if problems:
        pointer, message = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise SpecError(f"{path}: {pointer or '/'}: {message}{more}")
    return raw
