"""Values to try per flag type and per flag, for the line generator (tests/oracle/generate.py).

The tables live in data/values.json. Each list mixes values the client takes with typical
mistakes and boundaries; which is which is for the real client to say. Flag tables are keyed by
`docker run`, `docker`, `kubectl run`, `kubectl expose`, `kubectl` (globals); a flag missing there
falls back to the table of its type.
"""

from __future__ import annotations

import json
from pathlib import Path

_DATA = json.loads((Path(__file__).with_name("data") / "values.json").read_text())
TYPE_VALUES: dict[str, list[str]] = _DATA["types"]
BOOL: list[str] = _DATA["bool"]["forms"]
COMMANDS = ("docker run", "docker", "kubectl run", "kubectl expose", "kubectl")
FLAG_VALUES: dict[str, dict[str, list[str]]] = {command: _DATA[command] for command in COMMANDS}
# Flags whose value depends on the caller's machine (files, kubeconfig, endpoints): not generated.
MACHINE: dict[str, frozenset[str]] = {name: frozenset(flags) for name, flags in _DATA["machine"].items()}


def values_for(command: str, name: str, kind: str) -> list[str]:
    """The values to try for one flag of one command."""
    table = FLAG_VALUES.get(command, {})
    if name in table:
        return table[name]
    return TYPE_VALUES.get(kind, TYPE_VALUES["string"])
