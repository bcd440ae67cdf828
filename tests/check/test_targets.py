"""Lines judged against a client version or range: every dated entry of the specs' history."""

from __future__ import annotations

import pytest

from kx.catalog.history import version_key
from kx.catalog.loader import load_specs
from kx.check.versions import parse_range, parse_targets
from kx.engine.pipeline import findings_for_words
from kx.engine.settings import Settings
from kx.parse.words import split_words

# The command each spec's flags are tried on; a flag of a tool root goes before the subcommand.
LINES = {
    "kubectl/run": "kubectl run web --image=nginx {flag}",
    "kubectl/expose": "kubectl expose deployment web --port=80 {flag}",
    "kubectl/_global": "kubectl run web --image=nginx {flag}",  # persistent: after the subcommand too
    "docker/run": "docker run {flag} nginx",
    "docker/_global": "docker {flag} run nginx",
}
VALUE = {"bool": ""}  # a value flag gets a word its format accepts, bools none


def findings(line: str, target: str | None) -> list[tuple[str, str, str]]:
    tool = line.split()[0]
    settings = Settings(targets={tool: target} if target else {})
    return [
        (f.code, line[f.start : f.end], f.message)
        for f in findings_for_words(split_words(line).words, settings)
    ]


FLOORS = ("1.18", "19.03")  # the oldest clients kx knows the flags of


def previous(version: str) -> str:
    """The release before ``version`` in kx's range (kubectl 1.N-1; docker's own numbering)."""
    docker = ["19.03", "20.10", "23.0", "24.0", "25.0", "26.0", "26.1", "27.0", "27.1", "28.0", "28.1",
              "28.2",
              "28.3", "28.4", "28.5", "29.0"]  # fmt: skip
    if version.startswith("1."):
        return f"1.{int(version.split('.')[1]) - 1}"
    return docker[docker.index(version) - 1]


def dated(key: str) -> list[tuple[str, str, object]]:
    """(spec key, flag word, flag) for every flag or removed flag of a spec with a history."""
    spec = load_specs().build(key)
    assert spec is not None
    out: list[tuple[str, str, object]] = []
    for flag in spec.own_flags:
        if flag.history:
            out.append((key, f"--{flag.name}{_value(flag.name, flag.type, flag.choices)}", flag))
    for gone in spec.removed_flags:
        out.append((key, f"--{gone.name}{_value(gone.name, gone.type or 'string', None)}", gone))
    return out


def _value(name: str, kind: str, choices: tuple[str, ...] | None) -> str:
    if kind == "bool":
        return ""
    samples = {"override-type": "merge", "pull": "always", "cgroupns": "host", "gpus": "all",
               "annotation": "a=b",
               "annotations": "a=b", "health-start-interval": "5s", "kernel-memory": "4m", "as-uid": "1",
               "kuberc": "/dev/null", "field-manager": "me", "log-file-max-size": "10",
               "stderrthreshold": "2", "hostport": "80", "replicas": "2", "requests": "cpu=1",
               "limits": "cpu=1"}  # fmt: skip
    return "=" + samples.get(name, choices[0] if choices else "x")


ENTRIES = [entry for key in LINES for entry in dated(key)]


def test_every_spec_with_history_is_tried() -> None:
    assert {key for key, _, _ in ENTRIES} == set(LINES)


@pytest.mark.parametrize(("key", "word", "flag"), [e for e in ENTRIES if getattr(e[2], "added", None)],
                         ids=lambda v: v if isinstance(v, str) else "")  # fmt: skip
def test_accepted_from_the_version_it_arrived_in_and_rejected_before(
    key: str, word: str, flag: object
) -> None:
    added = flag.added  # type: ignore[attr-defined]
    line = LINES[key].format(flag=word)
    at = [f for f in findings(line, added) if f[1].startswith(word.split("=")[0])]
    assert not [f for f in at if f[0] in ("KX503", "KX106", "KX101")], at
    if added in FLOORS:
        return  # kx's history starts there
    before = [f for f in findings(line, previous(added)) if f[0] == "KX503"]
    assert before and f"arrived in {key.split('/')[0]} {added}" in before[0][2], before


@pytest.mark.parametrize(("key", "word", "flag"), [e for e in ENTRIES if getattr(e[2], "removed_in", None)],
                         ids=lambda v: v if isinstance(v, str) else "")  # fmt: skip
def test_rejected_from_its_removal_on_and_accepted_before(key: str, word: str, flag: object) -> None:
    gone = flag.removed_in  # type: ignore[attr-defined]
    line = LINES[key].format(flag=word)
    tool = key.split("/")[0]
    for version in (gone, f"{gone}..{gone.split('.')[0]}.99", None):
        removed = [f for f in findings(line, version) if f[0] == "KX106"]
        assert removed and f"removed in {tool} {gone}" in removed[0][2], (version, removed)
    if version_key(gone) > version_key("1.18" if tool == "kubectl" else "19.03"):
        assert not [f for f in findings(line, previous(gone)) if f[0] in ("KX106", "KX101")]


DEPRECATED = [e for e in ENTRIES if getattr(e[2], "deprecated_in", None)]


@pytest.mark.parametrize(("key", "word", "flag"), DEPRECATED,
                         ids=lambda v: v if isinstance(v, str) else "")  # fmt: skip
def test_deprecated_is_a_warning_that_says_when_it_goes(key: str, word: str, flag: object) -> None:
    since = flag.deprecated_in  # type: ignore[attr-defined]
    line = LINES[key].format(flag=word)
    warned = [f for f in findings(line, since) if f[0] == "KX501"]
    assert warned and all(f[0] != "KX106" for f in findings(line, since)), findings(line, since)
    gone = getattr(flag, "removed_in", None)
    if gone and not getattr(flag, "deprecated", None):
        assert f"removed in {gone}" in warned[0][2] and f"since {key.split('/')[0]} {since}" in warned[0][2]
    if version_key(since) > version_key("1.18" if key.startswith("kubectl") else "19.03"):
        assert not [f for f in findings(line, previous(since)) if f[0] == "KX501"]


def test_a_range_needs_the_line_to_work_on_every_version_in_it() -> None:
    line = "kubectl run web --image=nginx --privileged"  # --privileged: 1.19
    assert [f[0] for f in findings(line, "1.18..1.32")] == ["KX503"]
    assert "1.18, where the target range 1.18..1.32 starts" in findings(line, "1.18..1.32")[0][2]
    assert findings(line, "1.19..1.34") == []
    old = "kubectl run web --image=nginx --serviceaccount=default"  # deprecated 1.21, gone in 1.24
    assert [f[0] for f in findings(old, "1.19..1.20")] == []
    assert [f[0] for f in findings(old, "1.19..1.22")] == ["KX501"]
    assert [f[0] for f in findings(old, "1.19..1.24")] == ["KX106"]
    undeprecated = "kubectl run web --image=nginx --grace-period=3"  # deprecated only in 1.26..1.30
    assert [f[0] for f in findings(undeprecated, "1.31..1.34")] == []
    assert [f[0] for f in findings(undeprecated, "1.24..1.34")] == ["KX501"]


def test_a_shorthand_newer_than_its_flag() -> None:
    assert [f[0] for f in findings("kubectl run web --image=nginx -q", "1.20")] == ["KX503"]
    assert findings("kubectl run web --image=nginx --quiet", "1.20") == []
    assert findings("kubectl run web --image=nginx -q", "1.21") == []


def test_the_removed_message_names_the_replacement() -> None:
    (code, _, message), *_ = findings("kubectl run web --image=nginx --generator=run-pod/v1", "1.21")
    assert code == "KX106" and "removed in kubectl 1.21" in message and "kubectl create deployment" in message
    (code, _, message), *_ = findings("kubectl run web --image=nginx --limits=cpu=1", "1.24")
    assert "--overrides" in message and "kubectl set resources" in message


@pytest.mark.parametrize("text", ["1.x", "1.24..", "..1.2", "1.30..1.24", "1.2.3.4", "²"])
def test_malformed_ranges_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_range(text)


def test_targets_option_syntax() -> None:
    assert parse_targets("kubectl=1.24, docker=20.10..28") == {"kubectl": "1.24", "docker": "20.10..28"}
    for bad in ("kubectl", "helm=3.1", "kubectl=abc"):
        with pytest.raises(ValueError):
            parse_targets(bad)
