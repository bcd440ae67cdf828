"""Every flag of every spec, given values no one expects, checked and built: kx never raises.

A sweep rather than a random sample: a value checker that chokes on a digit of another script
(``'²'.isdigit()`` is true, ``int('²')`` fails) or on 5,000 digits (``int()`` refuses them) is
found whichever flag it serves.
"""

from __future__ import annotations

import io

import pytest

from kx.builder.runner import build_main
from kx.builder.streams import Streams
from kx.catalog.loader import load_specs
from kx.core.errors import KxError
from kx.engine.pipeline import check_argv

NASTY = ["", "1.2.3.²", "٣0", "8080:8²/tcp", "1²g", '{"a":٣}', "9" * 5000, "1e9999", "-" + "9" * 30, "①",
         "a=b=²", "=", ",,", "\t", "'", "x" * 5000]  # fmt: skip
HEADS = {("kubectl", ("run",)): ["web", "--image=nginx"], ("kubectl", ("expose",)): ["deployment", "web"]}
COMMANDS = [(spec.tool, spec.path) for spec in load_specs().commands()]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join((t, *p)) for t, p in COMMANDS])
def test_nasty_values_never_raise(command: tuple[str, tuple[str, ...]]) -> None:
    tool, path = command
    spec = load_specs().get(tool, path)
    assert spec is not None
    for flag in spec.flags:
        for value in NASTY:
            words = [f"--{flag.name}={value}"]
            _text, diagnostics = check_argv([tool, *path, *words, "x"])
            assert all(d.code.startswith("KX") for d in diagnostics)
            if command in HEADS:  # the builder also renders what the client would send
                streams = Streams(io.StringIO(), io.StringIO(), io.StringIO())
                try:
                    args = [*HEADS[command], *words, "--format", "yaml"]
                    code = build_main(command_path(command), args, check_argv, streams)
                except KxError:
                    code = 2
                assert code in (0, 1, 2), (flag.name, value[:20])


def command_path(command: tuple[str, tuple[str, ...]]) -> tuple[str, ...]:
    return (command[0], *command[1])
