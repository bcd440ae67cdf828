"""Version keys order client versions the way their numbers do; removed global flags at a target."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from kx.check.versions import version_key


@pytest.mark.parametrize(
    ("older", "newer"),
    [("1.9", "1.10"), ("19.03", "20.10"), ("20.10", "20.10.1"), ("v1.25", "1.26"), ("25.0.0-rc1", "25.0.1")],
)
def test_order(older: str, newer: str) -> None:
    assert version_key(older) < version_key(newer)


def test_trailing_zeros_do_not_matter() -> None:
    assert version_key("20.10.0") == version_key("20.10") and version_key("28") == version_key("28.0.0")


def codes_for(line: str, targets: dict[str, str] | None) -> list[tuple[str, str]]:
    from kx.engine.pipeline import findings_for_words
    from kx.engine.settings import Settings
    from kx.parse.words import split_words

    raws = findings_for_words(split_words(line).words, Settings(targets=targets or {}))
    return [(raw[0], line[raw[2] : raw[3]]) for raw in raws]


def test_a_target_warns_about_newer_flags_and_keeps_flags_it_still_has() -> None:
    line = "kubectl run web --image=nginx --privileged --log-dir=/tmp --generator=run-pod/v1 -- sh"
    assert codes_for(line, None) == [("KX106", "--log-dir"), ("KX106", "--generator")]
    assert codes_for(line, {"kubectl": "1.32"}) == [("KX106", "--log-dir"), ("KX106", "--generator")]
    # 1.18 has all three: --privileged arrived in 1.19, the others went in 1.21 and 1.26;
    # 1.18 deprecated --generator (it warns), --log-dir only from 1.23.
    assert codes_for(line, {"kubectl": "1.18"}) == [("KX503", "--privileged"), ("KX501", "--generator")]
    assert codes_for(line, {"kubectl": "1.22"}) == [("KX106", "--generator")]
    assert codes_for(line, {"docker": "19.03"}) == codes_for(line, None)  # another tool's target


def test_a_removed_switch_before_the_subcommand_is_a_global_the_old_client_had() -> None:
    """``kubectl --logtostderr run``: 1.22 had the switch, so ``run`` is the command, not a plugin."""
    for flag in ("--logtostderr", "--logtostderr=true", "--one-output"):
        line = f"kubectl {flag} run web --image=nginx"
        assert codes_for(line, {"kubectl": "1.22"}) == []
        assert codes_for(line, {"kubectl": "1.23"}) == [("KX501", flag.split("=")[0])]
        for target in (None, {"kubectl": "1.32"}, {"kubectl": "1.24..1.26"}):
            assert codes_for(line, target) == [("KX106", flag.split("=")[0])]
    # a removed flag that took a value still takes the next word, as cobra guesses
    assert codes_for("kubectl --log-dir /tmp run web --image=nginx", {"kubectl": "1.22"}) == []
    # before a plugin's name no version takes flags: the message no longer calls it unknown
    (raw,) = codes_for("kubectl --logtostderr web", {"kubectl": "1.22"})
    assert raw == ("KX105", "--logtostderr")


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")
def test_the_installed_kubectl_rejects_what_the_default_target_reports(tmp_path: Path) -> None:
    from .kubectl_env import KUBECONFIG
    from .test_kubectl_differential import kubectl_rejects

    kubeconfig = tmp_path / "config"
    kubeconfig.write_text(KUBECONFIG)
    installed = subprocess.run(["kubectl", "version", "--client", "-o", "json"], capture_output=True,
                               text=True, check=True).stdout  # fmt: skip
    minor = int(json.loads(installed)["clientVersion"]["minor"].rstrip("+"))
    for line, removed_in in (("--logtostderr run web --image=nginx", 26), ("run web --image=nginx", None)):
        rejects, _said = kubectl_rejects(line.split(), kubeconfig)
        gone = removed_in is not None and minor >= removed_in
        assert rejects == gone
        found = codes_for(f"kubectl {line}", {"kubectl": f"1.{minor}"})
        assert [code for code, _ in found] == (["KX106"] if gone else [])


def test_the_removed_shorthand_of_replicas_is_named_as_removed() -> None:
    """kubectl run had ``-r`` for ``--replicas`` until 1.21 (k8s.io/kubectl v0.20.0 pkg/cmd/run/run.go)."""
    for written in ("-r=1", "-r 1", "-r1"):
        line = f"kubectl run web --image=nginx {written}"
        assert [code for code, _ in codes_for(line, None)] == ["KX106"]
        assert [code for code, _ in codes_for(line, {"kubectl": "1.20"})] == ["KX501"]
