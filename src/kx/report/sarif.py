"""SARIF 2.1.0, the format GitHub code scanning uploads (``github/codeql-action/upload-sarif``).

One run, the kx driver with a rule entry for every code that appears, one result per diagnostic.
Paths become relative URIs against ``%SRCROOT%`` when they lie under ``uri_base``.
"""

from __future__ import annotations

import json
import os
from urllib.parse import quote

from kx.core.codes import CODES, rule_url
from kx.core.typecheck import TYPE_CHECKING
from kx.report.text import hint

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from kx.core.diagnostics import Diagnostic
    from kx.report import ReportOptions

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://github.com/kx-dev/kx"


def render(diagnostics: Sequence[Diagnostic], options: ReportOptions) -> str:
    """Render a SARIF log with one run."""
    codes = sorted({d.code for d in diagnostics})
    index = {code: position for position, code in enumerate(codes)}
    run = {
        "tool": {"driver": _driver(codes, options.tool_version)},
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": _base_ids(options.uri_base),
        "results": [_result(d, index[d.code], options.uri_base) for d in diagnostics],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _driver(codes: list[str], version: str) -> dict[str, Any]:
    driver: dict[str, Any] = {"name": "kx", "informationUri": INFORMATION_URI}
    if version:
        driver["version"] = version
    driver["rules"] = [_rule(code) for code in codes]
    return driver


def _rule(code: str) -> dict[str, Any]:
    name, severity, summary = CODES.get(code, (code.lower(), "warning", code))
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "helpUri": rule_url(code) if code in CODES else INFORMATION_URI,
        "defaultConfiguration": {"level": LEVEL.get(severity, "warning")},
    }


def _base_ids(uri_base: str | None) -> dict[str, Any]:
    if not uri_base:
        return {}
    uri = "file://" + quote(os.path.abspath(uri_base).replace(os.sep, "/").rstrip("/") + "/")
    return {"%SRCROOT%": {"uri": uri}}


def _result(diagnostic: Diagnostic, rule_index: int, uri_base: str | None) -> dict[str, Any]:
    message = diagnostic.message + hint(diagnostic)
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": LEVEL.get(diagnostic.severity, "note"),
        "message": {"text": message},
        "locations": [{"physicalLocation": _location(diagnostic, uri_base)}],
    }
    if diagnostic.count > 1:
        result["occurrenceCount"] = diagnostic.count
    if diagnostic.fix is not None:
        result["fixes"] = [_fix(diagnostic, uri_base)]
    result["properties"] = {"stage": diagnostic.stage}
    return result


def _fix(diagnostic: Diagnostic, uri_base: str | None) -> dict[str, Any]:
    """SARIF's ``fix``: one artifact change, a replacement per edit (an empty region inserts)."""
    assert diagnostic.fix is not None
    replacements = [
        {"deletedRegion": {"startLine": line, "startColumn": column, "endLine": last, "endColumn": stop},
         "insertedContent": {"text": content}}
        for _start, _end, content, line, column, last, stop in diagnostic.fix.edits
    ]  # fmt: skip
    where = _location(diagnostic, uri_base)["artifactLocation"]
    change = {"artifactLocation": where, "replacements": replacements}
    return {"description": {"text": diagnostic.fix.message}, "artifactChanges": [change],
            "properties": {"applicability": diagnostic.fix.applicability}}  # fmt: skip


def _location(diagnostic: Diagnostic, uri_base: str | None) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": artifact_uri(diagnostic.path, uri_base)}
    if uri_base and not os.path.isabs(artifact["uri"]) and "://" not in artifact["uri"]:
        artifact["uriBaseId"] = "%SRCROOT%"
    region = {
        "startLine": diagnostic.line,
        "startColumn": diagnostic.column,
        "endLine": diagnostic.end_line,
        "endColumn": diagnostic.end_column,
    }
    return {"artifactLocation": artifact, "region": region}


def artifact_uri(path: str, uri_base: str | None) -> str:
    """A URI reference for ``path``: relative to ``uri_base`` when inside it, else absolute."""
    if path in ("-", "<stdin>"):
        return "stdin"
    if uri_base:
        absolute = os.path.abspath(path)
        base = os.path.abspath(uri_base)
        if absolute == base or absolute.startswith(base.rstrip(os.sep) + os.sep):
            return quote(os.path.relpath(absolute, base).replace(os.sep, "/"))
    if os.path.isabs(path):
        return "file://" + quote(path.replace(os.sep, "/"))
    return quote(path.replace(os.sep, "/"))
