"""Generate many command lines, label them with the real clients, and compare kx with them.

    python -m tests.oracle.generate --out /tmp/kx-gen.txt            # write the lines
    python -m tests.oracle.generate --judge /tmp/kx-gen.jsonl        # label (cached) and compare
    python -m tests.oracle.generate --judge /tmp/kx-gen.jsonl --show false-rejection

Labels are cached in the --judge file (one JSON row per line, like labels.jsonl): the clients do
not change, so only new lines are run. The comparison prints per-tool agreement, false rejections
and misses; a false rejection whose only errors are server-stage claims is counted apart
("server claims"), since the fakes accept what a real daemon or API server may refuse.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from . import agreement, corpus, label
from .gen_lines import combos, load_flags, per_flag, typos
from .gen_shapes import image_refs, shapes
from .gen_tutorial import images, structure, tutorials


def generate(seed: int = 0) -> list[str]:
    """Every generated line, deduplicated, in a stable order."""
    rng = random.Random(seed)
    flags = load_flags()
    parts = [
        per_flag(flags, rng),
        combos(flags, rng, 150),
        typos(flags, rng),
        tutorials(rng, 6),
        images(),
        structure(),
        shapes(rng, 8),
        image_refs(),
    ]
    seen: dict[str, None] = {}
    for part in parts:
        for line in part:
            seen.setdefault(line.strip(), None)
    return [line for line in seen if line]


def _read(path: Path) -> list[str]:
    texts = (corpus.split_comment(line.strip())[0] for line in path.read_text().splitlines())
    return list(dict.fromkeys(text for text in texts if text))


def _cases(lines: Sequence[str]) -> list[corpus.Case]:
    return [corpus.Case("generated", n, text, "") for n, text in enumerate(lines, 1)]


def labelled(lines: Sequence[str], cache: Path, workers: int) -> dict[str, dict[str, object]]:
    """Client rows for every line, running the clients only for lines not in the cache."""
    rows = corpus.load_labels(cache)
    todo = [case for case in _cases(lines) if case.text not in rows]
    if todo:
        started = time.monotonic()
        fresh = label.label(todo, workers)
        print(f"labelled {len(fresh)} lines in {time.monotonic() - started:.0f}s", file=sys.stderr)
        rows.update({str(row["line"]): row for row in fresh})
        cache.write_text(label.render(list(rows.values())))
    return rows


def _server_only(outcome: agreement.Outcome, stages: dict[str, set[str]]) -> bool:
    return outcome.kind == "false-rejection" and stages[outcome.case.text] == {"server"}


def compare(
    lines: Sequence[str], rows: dict[str, dict[str, object]]
) -> tuple[list[agreement.Outcome], dict[str, set[str]]]:
    """kx against the client rows; also the stages of kx's errors per line."""
    from kx.engine.pipeline import check_command

    stages: dict[str, set[str]] = {}

    def check(text: str) -> list[object]:
        found = check_command(text)
        stages[text] = {d.stage for d in found if d.severity == "error"}
        return list(found)

    cases = [case for case in _cases(lines) if case.text in rows]
    return agreement.compare(cases, rows, check), stages


def summarize(outcomes: Sequence[agreement.Outcome], stages: dict[str, set[str]]) -> str:
    """Per tool: lines, agreement, false rejections (client-stage), server claims, misses."""
    out = []
    for tool in sorted({o.case.tool for o in outcomes}):
        mine = [o for o in outcomes if o.case.tool == tool]
        kinds = Counter("server-claim" if _server_only(o, stages) else o.kind for o in mine)
        agree = kinds["agree"] + kinds["server-claim"]
        out.append(
            f"{tool:8} {len(mine):5} lines  agreement {100 * agree / len(mine):6.2f}%  "
            f"false rejections {kinds['false-rejection']:3}  server claims {kinds['server-claim']:3}  "
            f"misses {kinds['miss']:3}  out of scope {kinds['out-of-scope']:3}"
        )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        prog="python -m tests.oracle.generate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="write the generated lines here")
    parser.add_argument("--lines", type=Path, help="judge the lines of this file instead (# comments)")
    parser.add_argument("--judge", type=Path, help="label cache (JSON lines); compare kx with it")
    parser.add_argument(
        "--show",
        action="append",
        default=[],
        help="print outcomes of this kind: false-rejection, server-claim, miss, out-of-scope",
    )
    parser.add_argument("--workers", type=int, default=16)
    args = parser.parse_args(argv)
    lines = _read(args.lines) if args.lines else generate(args.seed)
    print(f"{len(lines)} lines", file=sys.stderr)
    if args.out:
        args.out.write_text("".join(line + "\n" for line in lines))
    if not args.judge:
        return 0
    rows = labelled(lines, args.judge, args.workers)
    outcomes, stages = compare(lines, rows)
    for outcome in outcomes:
        kind = "server-claim" if _server_only(outcome, stages) else outcome.kind
        if kind in args.show:
            print(f"[{kind}] " + agreement.report(outcome, {}), end="\n\n")
    print(summarize(outcomes, stages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
