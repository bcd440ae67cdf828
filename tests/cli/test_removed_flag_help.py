"""KX106: the replacement is a did-you-mean only for a rename; said once; alike in every format."""

from __future__ import annotations

import json

import pytest

from kx.cli.main import main

RUN = "kubectl run web --image=nginx "
# (line, the did-you-mean (a rename) or None, what the message must name once, the fix's help or None)
CASES = [
    (RUN + "--requests cpu=1", None, "--overrides", "replace --requests with its --overrides form"),
    (RUN + "--limits cpu=1,memory=1Gi", None, "--overrides", "replace --limits with its --overrides form"),
    (RUN + "--serviceaccount sa", None, "--overrides", "replace --serviceaccount with its --overrides form"),
    (RUN + "--hostport 80", None, "--overrides", None),
    (RUN + "--service-generator x", None, "--expose", None),
    (RUN + "--generator run-pod/v1", None, "kubectl create deployment", None),
    (RUN + "--replicas 2", None, "kubectl create deployment --replicas", None),
    ("kubectl expose deploy web --port 80 --container-port 80", "--target-port", "--target-port",
     "replace --container-port with --target-port"),
]


def out(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 1
    return capsys.readouterr().out


@pytest.mark.parametrize(("line", "rename", "named", "fix"), CASES)
def test_the_help_line_is_a_rename_or_the_fix(
    line: str, rename: str | None, named: str, fix: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    text = out(["check", line], capsys)
    head, *rest = text.splitlines()
    assert head.startswith("error[KX106]: ") and head.count(named) == 1, head
    helps = [row.strip() for row in rest if row.strip().startswith("help:")]
    if rename is not None:  # a rename's fix is the did-you-mean
        assert helps == [f"help: did you mean {rename}?"]
    elif fix is not None:
        assert helps == [f"help: {fix} (kx check --fix --unsafe-fixes shows it)"]
    else:
        assert helps == []
    (diagnostic,) = json.loads(out(["check", "--format", "json", line], capsys))["diagnostics"]
    assert diagnostic["message"] == head.removeprefix("error[KX106]: ")
    assert diagnostic["suggestion"] == rename
    assert (diagnostic["fix"] or {}).get("message") == fix
    sarif = json.loads(out(["check", "--format", "sarif", line], capsys))
    (result,) = sarif["runs"][0]["results"]
    assert [f["description"]["text"] for f in result.get("fixes", ())] == ([fix] if fix else [])
    one_line = out(["check", "--format", "github", line], capsys)
    assert ("did you mean" in one_line) == (rename is not None)
