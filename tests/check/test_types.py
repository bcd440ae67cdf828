"""Scalar value types: accepted and rejected examples, checked against Go's rules."""

from __future__ import annotations

import pytest

from kx.check.formats import load_all
from kx.check.formats.registry import TYPES, ValueContext

load_all()
CTX = ValueContext("kubectl", None, "--x")


def verdict(type_name: str, value: str) -> list[str]:
    return [p.code for p in TYPES[type_name](value, CTX)]


OK: dict[str, list[str]] = {
    "bool": ["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"],
    "int": ["0", "-0", "+5", "42", "0x10", "0X1f", "0o17", "0b101", "017", "0", "1_000", "0x_1f", "0_7",
            "-0x8000000000000000", "9223372036854775807", "-9223372036854775808"],
    "int8": ["127", "-128", "0x7f", "-0x80"],
    "int16": ["32767", "-32768"],
    "int32": ["2147483647", "-2147483648", "0b1111"],
    "int64": ["9223372036854775807"],
    "uint": ["0", "18446744073709551615", "0xffff_ffff"],
    "uint8": ["255", "0377"],
    "uint16": ["65535", "0xffff"],
    "uint32": ["4294967295"],
    "uint64": ["18446744073709551615"],
    "float64": ["1", "1.5", ".5", "5.", "-2e10", "1E-3", "+1e+3", "0x1p-2", "0x1.8p1", "0X.8P1", "inf",
                "+Inf", "-infinity", "NaN", "nan", "1_000.5", "1e-400", "1.7976931348623157e308"],
    "float32": ["3.4028235e38", "0x1.fffffep127", "1e-50"],
    "duration": ["0", "-0", "+0", "1h", "1h30m", "1.5h", ".5s", "5.s", "300ms", "10us", "10\u00b5s",
                 "10\u03bcs", "7ns", "-5m", "2562047h", "1h0m0s", "9223372036854775807ns",
                 "-9223372036854775808ns"],
    "go-duration": ["5s", "1ns", "1m"],
    "level": ["0", "4", "-1", "+3", "2147483647", "010"],
    "module-spec": ["", "server=2", "server=2,gc*=1", "a=0", "x=1,", ",,", "[=1"],
    "stringSlice": ["", "a", "a,b", '"a,b",c', '"a""b"', '""', "a,", ",", "a\nb\"", '"a\nb"', "\na"],
    "string": ["", "anything \" at all"],
    "stringArray": ["a,b"],
    "list": ["x"],
    "map": ["k=v"],
}

BAD: dict[str, list[str]] = {
    "bool": ["yes", "no", "on", "", "tRUE", "2", " true"],
    "int": ["", "abc", "1.5", "0x", "08", "0b2", "_1", "1_", "1__0", "0x__1", "+-1", "1e3", " 1",
            "9223372036854775808", "-9223372036854775809", "0x8000000000000000"],
    "int8": ["128", "-129", "0x80", "256"],
    "int16": ["32768"],
    "int32": ["2147483648", "-2147483649"],
    "uint": ["-1", "+1", "18446744073709551616", "-0"],
    "uint8": ["256", "0400"],
    "uint16": ["65536", "70000"],
    "uint32": ["4294967296"],
    "float64": ["", "abc", "1e", "1e+", ".", "0x1", "0x1.8", "infin", "-nan", "+nan", "1_.5", "1._5",
                "_1.0", "1e400", "-1e400", "1.5.5", "0x1p", "1,5"],
    "float32": ["3.5e38", "0x1p128", "1e39"],
    "duration": ["", "5", "00", "1", "0.0", "-", "+", ".s", "-.s", "1d", "1 h", "1h 2m", "1h-2m", "+-1s",
                 "h", "1hh", "2562048h", "9223372036854775808ns", "1e3s", "1,5s"],
    "go-duration": ["5", "abc", "0", "0s", "-1s", "-0"],
    "level": ["abc", "0x10", "1_0", "2147483648", "1.0", ""],
    "module-spec": ["bad", "a=b", "=1", "a=", "a=1=2", "a=0x1", "a=1,b"],
    "stringSlice": ['a"b', '"a', '"a"b', '"a" ,b', ' "a"', "\n", "\r\n"],
}


@pytest.mark.parametrize(("type_name", "value"), [(t, v) for t, vs in OK.items() for v in vs])
def test_accepted(type_name: str, value: str) -> None:
    assert verdict(type_name, value) == []


@pytest.mark.parametrize(("type_name", "value"), [(t, v) for t, vs in BAD.items() for v in vs])
def test_rejected(type_name: str, value: str) -> None:
    assert verdict(type_name, value) == ["KX201"]


def test_messages_say_what_is_wrong() -> None:
    (out_of_range,) = TYPES["uint16"]("70000", CTX)
    assert "0..65535" in out_of_range.message and "--x" in out_of_range.message
    (missing_unit,) = TYPES["duration"]("5", CTX)
    assert "unit" in missing_unit.message
    (unknown_unit,) = TYPES["duration"]("5d", CTX)
    assert "'d'" in unknown_unit.message
    (vmodule,) = TYPES["module-spec"]("bad", CTX)
    assert "pattern=N" in vmodule.message
    assert all(p.stage == "client" for p in TYPES["int8"]("300", CTX))


def test_every_scalar_type_is_registered() -> None:
    names = {"bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
             "uint64", "float32", "float64", "duration", "go-duration", "level", "module-spec",
             "string", "list", "stringArray", "stringSlice", "map"}  # fmt: skip
    assert names <= set(TYPES)
