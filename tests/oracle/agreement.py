"""Compare kx's verdicts with the clients' (stored labels or a live run) and summarize them.

A line the client rejects only because its command word is no built-in command (`unknown
command`) would run on a machine with a plugin of that name, so kx claims no error there: a warning
with the built-in name it is one edit from (KX302) counts as agreement; a note that the command
was not checked (KX303) is counted apart as out of scope, neither agreement nor a miss.

Where the client's message names the offending token (named.py), agreeing is not enough: kx must
put a diagnostic of the right family there (KX1xx on a flag, KX2xx on a value), else the line is
`misplaced`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import named
from .corpus import Case

VALID = "valid"
INVALID = "invalid"
Checker = Callable[[str], Sequence[Any]]


@dataclass(frozen=True)
class Outcome:
    """One corpus line judged by the client and by kx."""

    case: Case
    client: str
    exit: int
    client_message: str
    kx: str
    diagnostics: tuple[str, ...]
    codes: tuple[str, ...] = ()
    # Whether kx points where the client's message does; None when the message names nothing.
    placed: bool | None = None
    named: str = ""

    @property
    def expected(self) -> str:
        """What kx should say: invalid when the server refuses what the client passes."""
        return INVALID if self.case.server is not None else self.client

    @property
    def unknown_command(self) -> bool:
        """The client rejected the line for its command word alone (no plugin of that name here)."""
        rejected = self.client == INVALID and self.case.server is None
        return rejected and "unknown command" in self.client_message

    @property
    def agrees(self) -> bool:
        """kx gives the expected verdict (or warns about the likely typo of a command)."""
        if self.unknown_command and self.kx == VALID:
            return "KX302" in self.codes
        return self.kx == self.expected

    @property
    def kind(self) -> str:
        """`agree`, `out-of-scope` (a possible plugin, noted as not checked), `false-rejection` (kx
        errs on a good line), `misplaced` (kx agrees but points elsewhere than the token the client
        names) or `miss` (kx passes a bad one)."""
        if self.agrees:
            return "misplaced" if self.placed is False else "agree"
        if self.unknown_command and self.kx == VALID and "KX303" in self.codes:
            return "out-of-scope"
        return "false-rejection" if self.kx == INVALID else "miss"


def describe(diagnostic: Any) -> str:
    """One line for a kx Diagnostic: `col 12-15 error KX101 message`."""
    return (
        f"col {diagnostic.column}-{diagnostic.end_column} {diagnostic.severity} "
        f"{diagnostic.code} {diagnostic.message}"
    )


def kx_verdict(check: Checker, text: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """kx's verdict on one line, its diagnostics described, and their codes."""
    return _verdict(list(check(text)))


def _verdict(diagnostics: Sequence[Any]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    verdict = INVALID if any(d.severity == "error" for d in diagnostics) else VALID
    return verdict, tuple(describe(d) for d in diagnostics), tuple(d.code for d in diagnostics)


def expectation(case: Case, row: Mapping[str, object]) -> named.Expected | None:
    """Where the client's message says the line is wrong, for a line the client alone rejects."""
    if row["verdict"] != INVALID or case.server is not None:
        return None
    return named.expected(str(row["message"]), case.text)


def compare(cases: Iterable[Case], rows: Mapping[str, Mapping[str, object]], check: Checker) -> list[Outcome]:
    """Judge every case with kx and pair it with the client's row for the same line."""
    outcomes = []
    for case in cases:
        row = rows[case.text]
        diagnostics = list(check(case.text))
        verdict, described, codes = _verdict(diagnostics)
        expected = expectation(case, row)
        outcomes.append(
            Outcome(
                case,
                str(row["verdict"]),
                int(str(row["exit"])),
                str(row["message"]),
                verdict,
                described,
                codes,
                None if expected is None else expected.placed(diagnostics),
                "" if expected is None else f"{expected.prefix}xx on {expected.named!r}",
            )
        )
    return outcomes


def summary(outcomes: Sequence[Outcome], allowed: Mapping[str, str]) -> str:
    """Per tool: lines, agreement %, false rejections, misses, out of scope, allowlisted."""
    lines = []
    for tool in sorted({o.case.tool for o in outcomes}):
        mine = [o for o in outcomes if o.case.tool == tool]
        agree = sum(o.agrees for o in mine)
        false_rej = sum(o.kind == "false-rejection" for o in mine)
        misses = sum(o.kind == "miss" for o in mine)
        scope = sum(o.kind == "out-of-scope" for o in mine)
        allow = sum(o.kind != "agree" and o.case.text in allowed for o in mine)
        named_lines = [o for o in mine if o.placed is not None and o.agrees]
        placed = sum(bool(o.placed) for o in named_lines)
        lines.append(
            f"{tool:8} {len(mine):4} lines  agreement {100 * agree / len(mine):6.2f}%  "
            f"false rejections {false_rej:3} ({100 * false_rej / len(mine):.2f}%)  "
            f"misses {misses:3}  out of scope {scope}  allowlisted {allow}\n"
            f"{'':8} {len(named_lines):4} agreeing rejections name a token: kx points at it in "
            f"{placed} ({100 * placed / max(1, len(named_lines)):.2f}%)"
        )
    return "\n".join(lines)


def report(outcome: Outcome, allowed: Mapping[str, str]) -> str:
    """A disagreement, with the client's message and kx's diagnostics."""
    head = f"{outcome.kind.upper()}  {outcome.case.where}"
    if outcome.case.text in allowed:
        head += f"  [allowlisted: {allowed[outcome.case.text]}]"
    client = f"client: {outcome.client} (exit {outcome.exit}): {outcome.client_message}"
    if outcome.case.server is not None:
        client += f"\n  server: rejects it: {outcome.case.server}"
    if outcome.named:
        client += f"\n  named:  kx needs {outcome.named}"
    kx = "\n".join(f"  kx:     {d}" for d in outcome.diagnostics) or "  kx:     (no diagnostics)"
    return f"{head}\n  $ {outcome.case.text}\n  {client}\n{kx}"
