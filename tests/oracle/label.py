"""Label the corpus with the real clients' verdicts: `python -m tests.oracle.label`.

Writes tests/differential/labels.jsonl (one JSON object per corpus line, in corpus order).
`--check` writes nothing and exits 1 when the stored labels differ from a fresh run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence

from . import clients, corpus


def problems(cases: Sequence[corpus.Case]) -> list[str]:
    """Corpus mistakes that make labels ambiguous: duplicate lines, unknown tools, bad quoting."""
    found = []
    counts = Counter(case.text for case in cases)
    for case in cases:
        try:
            tool = case.tool
        except ValueError as error:
            found.append(f"{case.where}: cannot split: {error}")
            continue
        if tool not in corpus.TOOLS:
            found.append(f"{case.where}: first word must be docker or kubectl, not {tool!r}")
        if counts[case.text] > 1:
            found.append(f"{case.where}: duplicate line: {case.text}")
    return found


def record(case: corpus.Case, verdict: clients.Verdict) -> dict[str, object]:
    """The label row for one case."""
    row: dict[str, object] = {
        "line": case.text,
        "tool": case.tool,
        "verdict": verdict.verdict,
        "exit": verdict.exit,
        "message": verdict.message,
    }
    if case.server is not None:
        row["server"] = case.server
    return row


def label(cases: Sequence[corpus.Case], workers: int) -> list[dict[str, object]]:
    """Run every case through its client and return the label rows."""
    with clients.Oracle(workers=workers) as oracle:
        verdicts = oracle.judge_all([c.argv for c in cases], [c.env for c in cases])
    return [record(case, verdict) for case, verdict in zip(cases, verdicts, strict=True)]


def render(rows: Sequence[dict[str, object]]) -> str:
    """The labels file text."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m tests.oracle.label", description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--workers", type=int, default=clients.WORKERS)
    args = parser.parse_args(argv)
    cases = corpus.load()
    bad = problems(cases)
    missing = [tool for tool in corpus.TOOLS if not clients.available(tool)]
    if bad or missing:
        print("\n".join(bad + [f"{tool} is not installed" for tool in missing]), file=sys.stderr)
        return 2
    started = time.monotonic()
    rows = label(cases, args.workers)
    for case, row in zip(cases, rows, strict=True):
        if case.server is not None and row["verdict"] == "invalid":
            print(f"{case.where}: marked server-rejected but the client rejects it", file=sys.stderr)
    text = render(rows)
    tally = Counter((str(row["tool"]), str(row["verdict"])) for row in rows)
    summary = ", ".join(f"{tool} {verdict} {n}" for (tool, verdict), n in sorted(tally.items()))
    print(f"{len(rows)} lines in {time.monotonic() - started:.1f}s: {summary}")
    if args.check:
        stale = corpus.LABELS.read_text() != text if corpus.LABELS.exists() else True
        print("labels are stale: run python -m tests.oracle.label" if stale else "labels current")
        return 1 if stale else 0
    corpus.LABELS.write_text(text)
    print(f"wrote {corpus.LABELS.relative_to(corpus.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
