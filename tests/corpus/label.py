"""Label tests/corpus/commands.jsonl with the real clients: `python -m tests.corpus.label`.

Each command's `concrete` line (its text with templates and placeholders replaced by plain fine
values, written by hand) runs through the installed docker and kubectl against the oracle's fakes
(tests/oracle). The client's verdict, exit code and first message are stored on the row as
`client_verdict`, `client_exit` and `client_message`; for rows judged by the client (`judged_by`)
the client also sets `verdict` and `expect` (error or clean; `may` rows stay as written by hand).
Rows whose `concrete` is empty (output text, echo arguments) are not run.
`--check` writes nothing and exits 1 when the stored labels are stale.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

from tests.oracle import clients, corpus

HERE = Path(__file__).resolve().parent
COMMANDS = HERE / "commands.jsonl"
CLIENT_KEYS = ("client_verdict", "client_exit", "client_message")


def load(path: Path = COMMANDS) -> list[dict[str, object]]:
    """The rows of commands.jsonl."""
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def argv(row: dict[str, object]) -> tuple[dict[str, str], list[str]]:
    """The environment and argv the client gets for a row's concrete line."""
    return corpus.strip_prefixes(shlex.split(str(row["concrete"])))


def label(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Rows with the client fields filled in from a fresh run."""
    todo = [i for i, row in enumerate(rows) if row["concrete"]]
    pairs = [argv(rows[i]) for i in todo]
    with clients.Oracle() as oracle:
        verdicts = oracle.judge_all([a for _, a in pairs], [e for e, _ in pairs])
    out = [{k: v for k, v in row.items() if k not in CLIENT_KEYS} for row in rows]
    for i, verdict in zip(todo, verdicts, strict=True):
        out[i] |= {
            "client_verdict": verdict.verdict,
            "client_exit": verdict.exit,
            "client_message": verdict.message,
        }
        if out[i].get("judged_by") == "client":
            out[i]["verdict"] = verdict.verdict
            if out[i].get("expect") != "may":
                out[i]["expect"] = "error" if verdict.verdict == "invalid" else "clean"
    return out


def render(rows: list[dict[str, object]]) -> str:
    """The file text."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def main(argv_: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m tests.corpus.label", description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv_)
    missing = [tool for tool in corpus.TOOLS if not clients.available(tool)]
    if missing:
        print(f"not installed: {', '.join(missing)}", file=sys.stderr)
        return 2
    text = render(label(load()))
    if args.check:
        stale = COMMANDS.read_text() != text
        print("labels are stale" if stale else "labels current")
        return 1 if stale else 0
    COMMANDS.write_text(text)
    print(f"labelled {COMMANDS.relative_to(HERE.parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
