"""Go encoding/csv record reading (pflag stringSlice, docker --mount), checked against kubectl."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from kx.core.gorules.csv import read_record, record_fields

MULTI = 'record on line 1; parse error on line 2, column 2: extraneous or missing " in quoted-field'
CASES: list[tuple[str, list[str], str | None]] = [
    ("a,b", ["a", "b"], None),
    ("", [], "EOF"),
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
    # Go's readLine drops a CR before the end of input, and reads CR LF as LF inside quotes too.
    ("a\r", ["a"], None),
    ("a\r\r", ["a\r"], None),
    ("\r", [], "EOF"),
    ('"a\r\nb"', ["a\nb"], None),
    ('"a\n\r', [], 'parse error on line 1, column 4: extraneous or missing " in quoted-field'),
    ('"b""\r\n\n\r', [], MULTI),
    ('"a\nb",c"d', ["a\nb"], 'record on line 1; parse error on line 2, column 5: bare " in non-quoted-field'),
    ('a,b\nc"d', ["a", "b"], None),
    ('"a""', [], 'parse error on line 1, column 5: extraneous or missing " in quoted-field'),
    (' "a"', [], 'parse error on line 1, column 2: bare " in non-quoted-field'),
    ('"a" ', [], 'parse error on line 1, column 3: extraneous or missing " in quoted-field'),
    ('a,"b\n\nc",d', ["a", "b\n\nc", "d"], None),
]


@pytest.mark.parametrize(("value", "fields", "error"), CASES)
def test_read_record(value: str, fields: list[str], error: str | None) -> None:
    record = read_record(value)
    assert (record.fields, record.go_error()) == (fields, error)


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


def test_fields_start_where_written() -> None:
    record = read_record('ab,"c,d",,e\nf')
    assert record.fields == ["ab", "c,d", "", "e"]
    assert record.starts == [0, 3, 9, 10]
    assert read_record('\n\n"y\nz",w').starts == [2, 8]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "there is no value before the end of input"),
        ("\n\r\n", "there is no value before the end of input"),
        ('a"b', 'a " appears inside a field that does not start with a quote'),
        ('"a,b', 'a quoted field is not closed (missing ")'),
        ('"a"b', 'a quoted field must end with a " followed by a comma or the end of the value'),
    ],
)
def test_reasons_in_kx_words(value: str, reason: str) -> None:
    assert record_fields(value) == reason
    if '"' in value:
        assert record_fields(value.replace('"', "")) == value.replace('"', "").split(",")
