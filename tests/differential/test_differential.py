"""Differential tests: kx must give the real clients' verdict on every corpus line.

The clients run live against the fakes on loopback (tests/oracle); where a client is absent its
lines fall back to the stored labels. Lines marked `# server: ...` must be invalid for kx.
Where the client's message names the offending token (tests/oracle/named.py), kx must point at it
with the right family of code: KX1xx on a named flag, KX2xx on a named value.
Known, justified differences live in allowlist.txt, one line each with its reason. A line the
client rejects only for an unknown command word may be a plugin elsewhere: kx agrees by warning
about a likely typo, or notes it as not checked (out of scope, counted apart; see agreement.py).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.oracle import agreement, clients, corpus, label  # noqa: E402

from kx.engine.pipeline import check_command  # noqa: E402

CASES = corpus.load()
LABELS = corpus.load_labels()
ALLOWED = corpus.load_allowlist()
LIVE_TOOLS = tuple(tool for tool in corpus.TOOLS if clients.available(tool))


@pytest.fixture(scope="module")
def live_rows() -> dict[str, dict[str, object]]:
    """Fresh verdicts from every installed client, keyed by line."""
    cases = [case for case in CASES if case.tool in LIVE_TOOLS]
    return {str(row["line"]): row for row in label.label(cases, clients.WORKERS)}


def test_corpus_is_well_formed() -> None:
    assert label.problems(CASES) == []
    per_file = Counter(case.file for case in CASES)
    assert len(CASES) >= 600
    assert per_file["docker_run.txt"] >= 300
    assert per_file["kubectl_run.txt"] >= 150
    assert per_file["kubectl_expose.txt"] >= 150


def test_labels_cover_the_corpus_in_order() -> None:
    assert list(LABELS) == [case.text for case in CASES], "run python -m tests.oracle.label"
    valid = sum(row["verdict"] == "valid" for row in LABELS.values())
    assert valid / len(LABELS) >= 0.40


def test_server_marks_only_on_client_valid_lines() -> None:
    wrong = [c.where for c in CASES if c.server is not None and LABELS[c.text]["verdict"] != "valid"]
    assert wrong == []


def test_allowlist_entries_are_corpus_lines_with_reasons() -> None:
    texts = {case.text for case in CASES}
    assert [line for line in ALLOWED if line not in texts] == []
    assert [line for line, reason in ALLOWED.items() if not reason] == []


@pytest.mark.skipif(not LIVE_TOOLS, reason="neither docker nor kubectl is installed")
def test_stored_labels_match_the_live_clients(live_rows: dict[str, dict[str, object]]) -> None:
    stale = [
        f"{line}: stored {LABELS[line]['verdict']}/{LABELS[line]['exit']}, "
        f"live {row['verdict']}/{row['exit']}: {row['message']}"
        for line, row in live_rows.items()
        if (LABELS[line]["verdict"], LABELS[line]["exit"]) != (row["verdict"], row["exit"])
    ]
    assert stale == [], "labels are stale: run python -m tests.oracle.label"


def test_kx_agrees_with_the_clients(
    live_rows: dict[str, dict[str, object]], capsys: pytest.CaptureFixture[str]
) -> None:
    rows = {**LABELS, **live_rows}
    outcomes = agreement.compare(CASES, rows, check_command)
    with capsys.disabled():
        source = f"live: {', '.join(LIVE_TOOLS) or 'none'}; others from labels.jsonl"
        print(f"\ndifferential corpus ({source})\n{agreement.summary(outcomes, ALLOWED)}")
    wrong = [o for o in outcomes if o.kind not in ("agree", "out-of-scope") and o.case.text not in ALLOWED]
    stale = [o.case.where for o in outcomes if o.kind == "agree" and o.case.text in ALLOWED]
    details = "\n\n".join(agreement.report(o, ALLOWED) for o in wrong)
    assert not wrong, f"{len(wrong)} disagreements (python -m tests.oracle.compare):\n\n{details}"
    assert stale == [], "allowlisted lines now agree: remove them from allowlist.txt"
