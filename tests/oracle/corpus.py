"""Read the differential corpus: one command per line, `#` comments, `# server: why` marks.

A trailing `# server: <reason>` says the real daemon or API server rejects a line its client lets
through, so kx must call it invalid even though the client (against the fakes) accepts it.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS_DIR = ROOT / "tests" / "differential" / "corpus"
LABELS = ROOT / "tests" / "differential" / "labels.jsonl"
ALLOWLIST = ROOT / "tests" / "differential" / "allowlist.txt"
TOOLS = ("docker", "kubectl")
_SERVER = "server:"
# Words a shell line may put before the client; they do not change what the client checks.
_PREFIXES = frozenset({"sudo", "env", "time", "command", "exec", "nohup"})


@dataclass(frozen=True)
class Case:
    """One corpus line."""

    file: str
    lineno: int
    text: str
    comment: str

    @property
    def argv(self) -> list[str]:
        """The client's argv: the words after any `sudo`/`env A=1`/`time` prefix."""
        return strip_prefixes(shlex.split(self.text))[1]

    @property
    def env(self) -> dict[str, str]:
        """Variables the line sets for the client (`env A=1 docker ...`, `A=1 docker ...`)."""
        return strip_prefixes(shlex.split(self.text))[0]

    @property
    def tool(self) -> str:
        """`docker` or `kubectl`, from the first word after the prefixes."""
        argv = self.argv
        return argv[0] if argv else ""

    @property
    def server(self) -> str | None:
        """The reason the server rejects the line, or None if it is not marked."""
        if self.comment.startswith(_SERVER):
            return self.comment[len(_SERVER) :].strip()
        return None

    @property
    def where(self) -> str:
        """`file:line` for messages."""
        return f"{self.file}:{self.lineno}"


def strip_prefixes(words: list[str]) -> tuple[dict[str, str], list[str]]:
    """Drop the command prefixes a shell line may carry; collect the variables they set."""
    env: dict[str, str] = {}
    while words:
        head = words[0]
        if head in _PREFIXES:
            words = words[1:]
        elif "=" in head and head.split("=", 1)[0].isidentifier():
            name, value = head.split("=", 1)
            env[name] = value
            words = words[1:]
        else:
            break
    return env, words


def split_comment(line: str) -> tuple[str, str]:
    """Split a line at its shell comment (`#` starting an unquoted word): (command, comment)."""
    quote = ""
    escaped = False
    for index, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\" and quote != "'":
            escaped = True
        elif quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1].isspace()):
            return line[:index].rstrip(), line[index + 1 :].strip()
    return line.rstrip(), ""


def read_file(path: Path) -> list[Case]:
    """The cases of one corpus file, in order."""
    cases = []
    for lineno, raw in enumerate(path.read_text().splitlines(), start=1):
        text, comment = split_comment(raw.strip())
        if text:
            cases.append(Case(path.name, lineno, text, comment))
    return cases


def load(directory: Path = CORPUS_DIR) -> list[Case]:
    """Every case of every `*.txt` file under `directory`, files in name order."""
    return [case for path in sorted(directory.glob("*.txt")) for case in read_file(path)]


def load_labels(path: Path = LABELS) -> dict[str, dict[str, object]]:
    """The stored client labels, keyed by command text."""
    if not path.exists():
        return {}
    rows = (json.loads(line) for line in path.read_text().splitlines() if line.strip())
    return {str(row["line"]): row for row in rows}


def load_allowlist(path: Path = ALLOWLIST) -> dict[str, str]:
    """Known, justified differences: command text -> reason."""
    if not path.exists():
        return {}
    return {case.text: case.comment for case in read_file(path)}
