"""Rewrite tests/differential/labels.jsonl in corpus order, taking new lines' labels from caches.

    python -m tests.oracle.generate --lines new.txt --judge /tmp/new.jsonl   # label new lines
    (append new.txt's lines to a corpus file)
    python -m tests.oracle.merge_labels /tmp/new.jsonl

Unlike `python -m tests.oracle.label`, this runs no client: existing rows are kept as they are,
and every corpus line must have a row in labels.jsonl or in one of the given judge caches.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import corpus, label

_FIELDS = ("line", "tool", "verdict", "exit", "message")


def merged(caches: Sequence[Path]) -> list[dict[str, object]]:
    """The label rows of the corpus, in order; raise KeyError naming a line without a label."""
    rows = corpus.load_labels()
    extra: dict[str, dict[str, object]] = {}
    for cache in caches:
        extra.update(corpus.load_labels(cache))
    out = []
    for case in corpus.load():
        found = rows.get(case.text) or extra.get(case.text)
        if found is None:
            raise KeyError(f"{case.where}: no label for {case.text}")
        row = {key: found[key] for key in _FIELDS}
        if case.server is not None:
            row["server"] = case.server
        out.append(row)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m tests.oracle.merge_labels", description=__doc__)
    parser.add_argument("caches", nargs="*", type=Path, help="judge caches from tests.oracle.generate")
    args = parser.parse_args(argv)
    try:
        rows = merged(args.caches)
    except KeyError as error:
        print(error.args[0], file=sys.stderr)
        return 1
    corpus.LABELS.write_text(label.render(rows))
    print(f"wrote {len(rows)} rows to {corpus.LABELS.relative_to(corpus.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
