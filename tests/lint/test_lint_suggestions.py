"""kx lint shows a value suggestion in every format, and the same one in each."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = (
    "#!/bin/sh\n"
    "docker run --restart unles-stopped nginx\n"
    "kubectl expose deploy web --port 80 --type=Nodeport\n"
    "kubectl run web --image=nginx --dry-run=clinet\n"
    "docker run --restart bogus nginx\n"
)
WANT = ["unless-stopped", "NodePort", "client", None]


def lint(tmp_path: Path, fmt: str) -> str:
    kx = Path(sys.executable).with_name("kx")
    done = subprocess.run(
        [str(kx), "lint", "--isolated", "--format", fmt, "deploy.sh"],
        cwd=tmp_path, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    return done.stdout


def test_every_format_carries_the_same_value_suggestion(tmp_path: Path) -> None:
    (tmp_path / "deploy.sh").write_text(SCRIPT)
    found = json.loads(lint(tmp_path, "json"))
    diagnostics = found["diagnostics"] if isinstance(found, dict) else found
    assert [d["suggestion"] for d in diagnostics] == WANT
    shown = [f" (did you mean {s}?)" if s else "(did you mean" for s in WANT]
    text = lint(tmp_path, "text").splitlines()[: len(WANT)]
    github = lint(tmp_path, "github").splitlines()[: len(WANT)]
    sarif = [r["message"]["text"] for r in json.loads(lint(tmp_path, "sarif"))["runs"][0]["results"]]
    for index, hint in enumerate(shown):
        lines = (text[index], github[index], sarif[index])
        if WANT[index] is None:
            assert all(hint not in line for line in lines)
        else:
            assert hint in text[index] and text[index].endswith("]")
            assert github[index].endswith(hint) and sarif[index].endswith(hint)
