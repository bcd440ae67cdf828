"""Differential test of the Go-number/duration/CSV re-implementations against Go itself.

Builds the small oracle in go_oracle/ (standard library only) and compares verdicts on random
and edge-case strings. Skipped when no Go toolchain is installed.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from kx.core.gorules import csv as _gocsv
from kx.core.gorules import duration as _gotime
from kx.core.gorules import strconv as _strconv

HERE = Path(__file__).parent / "go_oracle"
SIGNED = {"int": 64, "int64": 64, "int8": 8, "int16": 16, "int32": 32}
UNSIGNED = {"uint": 64, "uint64": 64, "uint8": 8, "uint16": 16, "uint32": 32}
ALPHABETS = {
    "number": "0123456789xXoObB_+-abcdefABCDEF ",
    "float": "0123456789xXpPeE_+-.abcdefinfINFatyNnA",
    "duration": "0123456789.+-nsu\u00b5\u03bcmh_ xd",
    "csv": 'ab,"\n\r \u00e9',
}
EDGES = [
    "", "+", "-", "0", "-0", "00", "0x", "0x1", "0b1", "0o7", "0o8", "08", "0_7", "_1", "1_", "0x_1",
    "-0x80", "127", "128", "-129", "255", "65536", "9223372036854775808", "18446744073709551616",
    "1e400", "3.4028235e38", "3.40282356779733661637539395458142568448e38", "0x1.ffffffp127",
    "inf", "+Inf", "infin", "nan", "-nan", "1_000.5", "1_.5", "0x1p-2", "0x.8p1", ".5", "5.", "1e",
    "1h", "1.5h", ".5s", ".s", "5", "1d", "1\u00b5s", "2562048h", "9223372036854775808ns",
    "2562047h47m16.854775808s", "1.00000000000000000000000001s", '"a', 'a"b', '"a"b', "\r", "\n\r",
]


def mine(kind: str, value: str) -> str:
    if kind == "bool":
        return "ok" if _strconv.parse_bool(value) is not None else "err"
    if kind in SIGNED:
        return _strconv.parse_int(value, 0, SIGNED[kind])[1] or "ok"
    if kind in UNSIGNED:
        return _strconv.parse_uint(value, 0, UNSIGNED[kind])[1] or "ok"
    if kind == "level":
        return _strconv.parse_int(value, 10, 32)[1] or "ok"
    if kind == "atoi":
        return _strconv.atoi(value)[1] or "ok"
    if kind.startswith("float"):
        return _strconv.parse_float(value, int(kind[5:]))[1] or "ok"
    if kind == "duration":
        try:
            _gotime.parse_duration(value)
        except _gotime.DurationError as exc:
            return "invalid" if exc.kind == _gotime.OVERFLOW else exc.kind
        return "ok"
    return "ok" if value == "" else _gocsv.read_record(value).go_error() or "ok"  # Go's own text


def go_kind(kind: str, message: str) -> str:
    if message == "ok":
        return "ok"
    if kind == "csv":
        return message
    if kind == "bool":
        return "err"
    for needle, name in (("out of range", "range"), ("invalid syntax", "syntax"),
                         ("missing unit", "missing-unit"), ("unknown unit", "unknown-unit")):  # fmt: skip
        if needle in message:
            return name
    return "invalid"


def alphabet(kind: str) -> str:
    if kind.startswith("float"):
        return ALPHABETS["float"]
    if kind in ("duration", "csv"):
        return ALPHABETS[kind]
    if kind == "bool":
        return "01tfTFrueals"
    return ALPHABETS["number"]


@pytest.fixture(scope="module")
def oracle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    go = shutil.which("go")
    if go is None:
        pytest.skip("go toolchain not installed")
    out = tmp_path_factory.mktemp("go") / "oracle"
    env = {**os.environ, "GOFLAGS": "-mod=mod", "GO111MODULE": "on"}
    build = [go, "build", "-o", str(out), "."]
    if subprocess.run(build, cwd=HERE, env=env, capture_output=True, timeout=300).returncode != 0:
        # No usable default build cache (e.g. read-only HOME): use a private one.
        env["GOCACHE"] = str(out.parent / "cache")
        subprocess.run(build, cwd=HERE, env=env, check=True, capture_output=True, timeout=300)
    return out


def test_matches_go(oracle: Path) -> None:
    rnd = random.Random(20261128)
    kinds = ["bool", *SIGNED, *UNSIGNED, "level", "atoi", "float32", "float64", "duration", "csv"]
    cases = [(k, v) for k in kinds for v in EDGES]
    for _ in range(30000):
        kind = rnd.choice(kinds)
        size = rnd.choice([1, 2, 3, 4, 5, 6, 8, 12, 20, 25])
        cases.append((kind, "".join(rnd.choice(alphabet(kind)) for _ in range(size))))
    feed = "".join(json.dumps([k, v]) + "\n" for k, v in cases)
    result = subprocess.run([str(oracle)], input=feed, capture_output=True, text=True, check=True)
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == len(cases)
    wrong = [(k, v, a) for (k, v), a in zip(cases, answers, strict=True) if go_kind(k, a) != mine(k, v)]
    assert wrong == []
