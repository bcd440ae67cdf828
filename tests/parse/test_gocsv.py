"""Go encoding/csv record reading (pflag stringSlice), checked against kubectl where installed."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from kx.parse.gocsv import read_record

MULTI = 'record on line 1; parse error on line 2, column 2: extraneous or missing " in quoted-field'
CASES: list[tuple[str, list[str], str | None]] = [
    ("a,b", ["a", "b"], None),
    ("", [], None),
    (",", ["", ""], None),
    (" a , b", [" a ", " b"], None),
    ('"a""b",c', ['a"b', "c"], None),
    ('"a",', ["a", ""], None),
    ('a,"b"', ["a", "b"], None),
    ('"a\nb",c', ["a\nb", "c"], None),
    ("\n\na,b", ["a", "b"], None),
    ("a\r\nb", ["a"], None),
    ('x\n"y', ["x"], None),
    ('"a,b', [], 'parse error on line 1, column 5: extraneous or missing " in quoted-field'),
    ('a"b', [], 'parse error on line 1, column 2: bare " in non-quoted-field'),
    ('"a"b', [], 'parse error on line 1, column 3: extraneous or missing " in quoted-field'),
    ('"', [], 'parse error on line 1, column 2: extraneous or missing " in quoted-field'),
    ('é"x', [], 'parse error on line 1, column 3: bare " in non-quoted-field'),
    ('"é"x', [], 'parse error on line 1, column 4: extraneous or missing " in quoted-field'),
    ('"a\nb"x', [], MULTI),
    ('"a\r\nb"x', [], MULTI),
    ("\n", [], "EOF"),
    ('a,"b', ["a"], 'parse error on line 1, column 5: extraneous or missing " in quoted-field'),
]


@pytest.mark.parametrize(("value", "fields", "error"), CASES)
def test_read_record(value: str, fields: list[str], error: str | None) -> None:
    assert read_record(value) == (fields, error)


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")
@pytest.mark.parametrize(("value", "fields", "error"), [c for c in CASES if c[0]])
def test_same_error_as_kubectl(value: str, fields: list[str], error: str | None, tmp_path: object) -> None:
    """kubectl expose -f splits its value with encoding/csv at parse time, before any server call."""
    env = {"HOME": str(tmp_path), "PATH": os.environ["PATH"]}
    command = ["kubectl", "expose", "-f", value, "--port", "80"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    first = result.stderr.splitlines()[0] if result.stderr else ""
    reported = first.split(" flag: ", 1)[1] if "invalid argument" in first else None
    assert reported == error
