"""One Finding record from parse to report, and run settings that travel as one frozen object."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

import kx
from kx.check.environment import Environment
from kx.core.findings import WHOLE, Finding
from kx.engine.lint import lint_text
from kx.engine.pipeline import check_command, findings_for_words
from kx.engine.settings import CHECK, Settings
from kx.parse.words import split_words

SRC = Path(kx.__file__).parent
OLD_FLAG_LINE = "kubectl run web --image=nginx --privileged"  # --privileged arrived in kubectl 1.19


def test_a_finding_is_its_fields_and_at_moves_only_the_span() -> None:
    finding = Finding("KX204", "bad", suggestion="6m", stage="server")
    assert (finding.code, finding.message, finding.start, finding.end) == ("KX204", "bad", 0, WHOLE)
    assert finding.whole and not finding.at(3, 9).whole
    moved = finding.at(3, 9)
    assert (moved.start, moved.end, moved.suggestion, moved.stage) == (3, 9, "6m", "server")
    assert moved.severity is None and not moved.linux
    assert moved != finding and moved == Finding("KX204", "bad", 3, 9, "6m", stage="server")


@pytest.mark.parametrize(
    ("line", "code", "caret"),
    [
        ("docker run --device /dev/sda:/dev/xvda:rwz nginx", "KX203", "rwz"),  # a checker's narrower span
        ("docker run -m 1k nginx", "KX204", "1k"),  # the whole value of a separate word
        ("docker run --memory=1k nginx", "KX204", "1k"),  # the value inside --flag=value
        ("kubectl expose deployment web --port=80 --selecter=app=web", "KX101", "--selecter"),
        ("kubectl run web --image=nginx --restart=Sometimes", "KX202", "Sometimes"),
    ],
)
def test_every_stage_points_at_its_token(line: str, code: str, caret: str) -> None:
    words = split_words(line).words
    found = [f for f in findings_for_words(words, text=line) if f.code == code]
    assert found, findings_for_words(words, text=line)
    assert all(isinstance(f, Finding) for f in findings_for_words(words, text=line))
    assert line[found[0].start : found[0].end] == caret


def test_targets_come_from_the_settings_and_nothing_is_left_behind() -> None:
    words = split_words(OLD_FLAG_LINE).words
    targeted = Settings(targets={"kubectl": "1.18"})
    assert [f.code for f in findings_for_words(words, targeted, text=OLD_FLAG_LINE)] == ["KX503"]
    assert findings_for_words(words, CHECK, text=OLD_FLAG_LINE) == []  # no process-wide target remains
    assert [d.code for d in check_command(OLD_FLAG_LINE, settings=targeted)] == ["KX503"]
    assert check_command(OLD_FLAG_LINE) == []


def test_settings_are_read_only_and_replace_makes_a_copy() -> None:
    settings = Settings(targets={"docker": "20.10"}, ignore=frozenset({"KX101"}))
    with pytest.raises(AttributeError):
        settings.targets = ()  # type: ignore[misc]
    env = Environment.for_lint(None)
    per_file = settings.replace(env=env)
    assert per_file.env is env and settings.env is None
    assert per_file.target("docker") == "20.10" and per_file.target("kubectl") is None
    shipped = pickle.loads(pickle.dumps(settings))  # lint workers receive them pickled
    assert (shipped.targets, shipped.ignore, shipped.env) == (settings.targets, settings.ignore, None)


def test_lint_text_reports_findings_with_lint_stages() -> None:
    text = "# kx: disable=KX999\nkubectl expose deployment web --port=80 --selecter=app=web\n"
    groups = lint_text(text, "shell")
    assert [[f.code for f in group] for group in groups] == [["KX101"]]
    assert all(type(f) is Finding for group in groups for f in group)


def _assigned_globals(path: Path) -> list[str]:
    """Names a module's functions rebind with ``global`` (module state switched at run time)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [name for node in ast.walk(tree) if isinstance(node, ast.Global) for name in node.names]


@pytest.mark.parametrize("package", ["engine", "check", "parse"])
def test_no_run_time_module_settings(package: str) -> None:
    # A lazily imported function (kept in a module global on first use) is not a setting.
    allowed = {"_plain_commands"}
    paths = (SRC / package).rglob("*.py")
    found = {f"{path.name}:{name}" for path in paths for name in _assigned_globals(path)}
    assert found - {f"pipeline.py:{name}" for name in allowed} == set()
