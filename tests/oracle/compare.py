"""Print where kx and the real clients disagree: `python -m tests.oracle.compare`.

By default the corpus is compared with the stored labels (no client needed); `--live` runs the
clients against the fakes instead. Lines given as arguments are judged live, agreeing or not:

    python -m tests.oracle.compare --tool kubectl --grep expose
    python -m tests.oracle.compare 'docker run -pd 80:80 nginx'
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import agreement, clients, corpus, label


def _checker() -> agreement.Checker | None:
    try:
        from kx.engine.pipeline import check_command
    except ImportError as error:
        print(f"kx.engine.pipeline is not importable: {error}", file=sys.stderr)
        return None
    return check_command


def _cases(args: argparse.Namespace) -> list[corpus.Case]:
    if args.lines:
        return [corpus.Case("<argv>", n, text, "") for n, text in enumerate(args.lines, 1)]
    cases = corpus.load()
    if args.tool:
        cases = [c for c in cases if c.tool == args.tool]
    return [c for c in cases if args.grep in c.text]


def _rows(cases: Sequence[corpus.Case], live: bool) -> dict[str, dict[str, object]]:
    if not live:
        return corpus.load_labels()
    missing = {c.tool for c in cases if not clients.available(c.tool)}
    if missing:
        raise clients.ClientMissing(f"not installed: {', '.join(sorted(missing))}")
    return {str(row["line"]): row for row in label.label(cases, clients.WORKERS)}


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        prog="python -m tests.oracle.compare",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("lines", nargs="*", help="ad-hoc command lines (judged live)")
    parser.add_argument("--live", action="store_true", help="run the clients, not the labels")
    parser.add_argument("--tool", choices=corpus.TOOLS)
    parser.add_argument("--grep", default="", help="only corpus lines containing this text")
    parser.add_argument("--all", action="store_true", help="print agreeing lines too")
    args = parser.parse_args(argv)
    check = _checker()
    if check is None:
        return 2
    cases = _cases(args)
    try:
        rows = _rows(cases, args.live or bool(args.lines))
    except clients.ClientMissing as error:
        print(error, file=sys.stderr)
        return 2
    unlabeled = [c for c in cases if c.text not in rows]
    if unlabeled:
        print(f"{len(unlabeled)} lines have no label: run python -m tests.oracle.label", file=sys.stderr)
        return 2
    allowed = corpus.load_allowlist()
    outcomes = agreement.compare(cases, rows, check)
    for outcome in outcomes:
        if args.all or args.lines or outcome.kind != "agree":
            print(agreement.report(outcome, allowed), end="\n\n")
    print(agreement.summary(outcomes, allowed))
    return 0 if all(o.kind in ("agree", "out-of-scope") or o.case.text in allowed for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
