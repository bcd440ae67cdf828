import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kx.cli.app import app

SCRIPT = "#!/bin/sh\nkubectl run web --image=nginx --portt=80\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def kx(runner: CliRunner, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_text_exit_codes_and_summary(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "run.sh"
    bad.write_text(SCRIPT)
    code, out, err = kx(runner, "lint", "--isolated", str(bad))
    assert code == 1
    assert out == f"{bad}:2:31: error: unknown flag --portt for kubectl run; did you mean --port? [KX101]\n"
    assert err == "kx lint: 1 error, 0 warnings, 0 infos in 1 file\n"
    good = tmp_path / "ok.sh"
    good.write_text("kubectl run web --image=nginx --port=80\n")
    assert kx(runner, "lint", "--isolated", "-q", str(good)) == (0, "", "")


def test_json_sarif_github_and_stdin(runner: CliRunner) -> None:
    code, out, _ = kx(runner, "lint", "--isolated", "--format", "json", "-", stdin=SCRIPT)
    assert code == 1
    (diag,) = json.loads(out)["diagnostics"]
    assert (diag["path"], diag["line"], diag["code"]) == ("<stdin>", 2, "KX101")
    code, out, _ = kx(runner, "lint", "--isolated", "--format", "sarif", "--stdin-filename",
                      "docs/x.md", "-", stdin="```sh\ndocker run --rmm x\n```\n")  # fmt: skip
    result = json.loads(out)["runs"][0]["results"][0]
    assert result["ruleId"] == "KX101"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/x.md"
    code, out, _ = kx(runner, "lint", "--isolated", "--format", "github", "-", stdin=SCRIPT)
    assert out.startswith("::error file=<stdin>,line=2,col=31,")


def test_github_is_the_default_under_actions(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _code, out, _ = kx(runner, "lint", "--isolated", "-", stdin=SCRIPT)
    assert out.startswith("::error ")


def test_usage_errors_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    code, out, err = kx(runner, "lint", "--format", "xml", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == "kx: error: unknown output format 'xml' (choose from text, json, sarif, github)\n"
    code, _, err = kx(runner, "lint", "--select", "KX9", str(tmp_path))
    assert code == 2
    code, _, err = kx(runner, "lint", "--isolated", str(tmp_path / "missing.sh"))
    assert code == 2 and "missing.sh: no such file or directory" in err


def test_color_always(runner: CliRunner) -> None:
    _, out, _ = kx(runner, "lint", "--isolated", "--color", "always", "-", stdin=SCRIPT)
    assert "\033[1;31merror\033[0m" in out


def test_installed_kx_lint(tmp_path: Path) -> None:
    (tmp_path / "run.sh").write_text(SCRIPT)
    kx_bin = Path(sys.executable).with_name("kx")
    done = subprocess.run([str(kx_bin), "lint", "--isolated", "run.sh"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 1
    assert done.stdout.startswith("run.sh:2:31: error: unknown flag --portt")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("long_script", [False, True])  # a long script is shared with a forked process
def test_target_versions_warn_about_newer_flags(tmp_path: Path, long_script: bool) -> None:
    filler = "echo step\n" * (6000 if long_script else 0)
    script = tmp_path / "deploy.sh"
    script.write_text(
        "#!/bin/bash\n" + filler
        + "docker run --annotation a=b --health-start-interval 5s nginx\n"
        + "kubectl run web --image=nginx --privileged --disable-compression\n"
    )  # fmt: skip
    kx_bin = Path(sys.executable).with_name("kx")
    if not kx_bin.exists():
        pytest.skip("the kx console script is not installed next to this python")

    def lint(config: str) -> list[tuple[int, str]]:
        (tmp_path / ".kx.toml").write_text(config)
        done = subprocess.run([str(kx_bin), "lint", "--format", "json", "--severity", "info", "deploy.sh"],
                              cwd=tmp_path, capture_output=True, text=True)  # fmt: skip
        return [(d["line"], d["message"].split()[0]) for d in json.loads(done.stdout)["diagnostics"]
                if d["code"] == "KX503"]  # fmt: skip

    last = filler.count("\n") + 2
    older = lint('target-versions = { docker = "24.0", kubectl = "1.25" }\n')
    assert older == [(last, "--health-start-interval"), (last + 1, "--disable-compression")]
    assert lint('target-versions = { docker = "25.0.1", kubectl = "1.32" }\n') == []
    assert lint("") == []


# The same mistake in three commands of a doc (lines 3, 6, 9), and one command that repeats it.
REPEATED = (
    "# Deploy\n\n```sh\nkubectl run a --image=nginx --limits=cpu=1\n```\n\n"
    "```sh\nkubectl run b --image=nginx --limits=cpu=1\n```\n\n"
    "```sh\nkubectl run c --image=nginx --limits=cpu=1\n```\n\n"
    "```sh\nkubectl run d --image=nginx --limits=cpu=1 \\\n  --limits=memory=1Gi --limits=cpu=2\n```\n"
)


def _lines_and_counts(runner: CliRunner, fmt: str) -> list[tuple[int, int]]:
    code, out, _ = kx(runner, "lint", "--isolated", "--format", fmt, "--stdin-filename", "doc.md", "-",
                      stdin=REPEATED)  # fmt: skip
    assert code == 1
    if fmt in ("text", "github"):
        lines = out.splitlines()
        at = [int(line.split(":")[1]) for line in lines] if fmt == "text" else [
            int(line.split(",line=")[1].split(",")[0]) for line in lines]  # fmt: skip
        counts = [int(ln.split(" times)")[0].rsplit("(", 1)[1]) if " times)" in ln else 1 for ln in lines]
        return list(zip(at, counts, strict=True))
    if fmt == "json":
        return [(d["line"], d["count"]) for d in json.loads(out)["diagnostics"]]
    if fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        return [(r["locations"][0]["physicalLocation"]["region"]["startLine"], r.get("occurrenceCount", 1))
                for r in results]  # fmt: skip
    raise AssertionError(fmt)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_every_command_is_reported_at_its_own_line(runner: CliRunner, fmt: str) -> None:
    assert _lines_and_counts(runner, fmt) == [(4, 1), (8, 1), (12, 1), (16, 3)]
