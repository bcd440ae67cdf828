"""Every labeled command of the real-file corpus in a document or a comment is found at its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kx.extract import extract
from kx.extract.filetypes import detect
from kx.parse.span import LineIndex

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
KINDS = frozenset({"markdown", "asciidoc", "rst", "powershell", "dockerfile"})


def rows(corpus: Path) -> list[dict[str, object]]:
    path = corpus / "commands.jsonl"
    if not path.exists():
        pytest.skip("the real-file corpus (tests/corpus) is not in this checkout")
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def command_lines(path: Path) -> tuple[str | None, set[int]]:
    """The file's kind and the lines where the invocations kx finds start."""
    text = path.read_text(encoding="utf-8", errors="replace")
    kind, dialect = detect(str(path), text[:65536])
    if kind is None:
        return kind, set()
    index = LineIndex(text)
    return kind, {index.position(words[0].start)[0] for words in extract(kind, text, dialect).invocations}


def missing(corpus: Path) -> list[str]:
    """Labeled commands in documents and comments that kx does not find at their line."""
    found: dict[str, tuple[str | None, set[int]]] = {}
    out = []
    for row in rows(corpus):
        name = str(row["file"])
        if name not in found:
            found[name] = command_lines(corpus / name)
        kind, lines = found[name]
        ours = (kind in KINDS and kind != "dockerfile") or row.get("context") == "comment"
        wanted = row["command"] and row["tool"] in ("docker", "kubectl") and ours
        if wanted and int(str(row["line"])) not in lines:
            out.append(f"{name}:{row['line']}: {row['text']}")
    return out


def test_every_labeled_command_in_docs_is_found() -> None:
    assert missing(CORPUS) == []
