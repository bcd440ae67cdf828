"""kubectl's JSONPath and go-template syntax: kx's checkers alone and against the real kubectl (no server)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

import pytest

from kx.check.formats.kubectl_jsonpath import jsonpath_problem
from kx.check.formats.kubectl_templates import go_template_problem
from kx.engine.pipeline import check_command

from .kubectl_env import KUBECONFIG

# Accepted by kubectl 1.32's parser (what they print is another matter).
VALID = [
    "{.metadata.name}", "{.items[*].metadata.name}", '{range .items[*]}{.metadata.name}{"\\n"}{end}',
    "{.spec.ports[0].nodePort}", "{.a[-1]}", "{.a[1:3]}", "{.a[::2]}", "{.a[]}", "{.a[1, 2]}",
    "{.a['b.c']}", "{.a['']}", "{..name}", "{...a}", "{$.a}", "{@.a}", "{true}", "{ }", "{}", "{.}",
    "plain text", "}", "{.a}}", "{.a b}", "{.a.b-c}", "{.a\\.b}", "{.a[?(@.x==\"y\")].b}",
    "{.metadata.labels['app\\.kubernetes\\.io/name']}", "{'\\''}", '{"\\t"}', "{1.5}", "{-1}", "{é}",
    "{.data.\\.dockerconfigjson}", "{.a[*,1]}", "{.a['x','y']}", "{.a[9223372036854775807]}",
]  # fmt: skip
# Refused by kubectl's parser: each with a word of kx's reason.
INVALID = [
    ("{.metadata.name", "not closed"), ("{{.metadata.name}}", "'{'"), ("{.a,.b}", "','"), ("{*}", "'*'"),
    ("{.a\t}", "'\\t'"), ("{-}", "number"), ("{1.2.3}", "number"), ("{.a[x]}", "index"),
    ('{.a["b"]}', "index"), ("{.a[ 1]}", "index"), ("{.a[1-]}", "index"), ("{.a[:::]}", "index"),
    ("{.a[-]}", "'-'"), ("{.a[99999999999999999999]}", "large"), ("{'abc}", "not closed"),
    ('{"\\q"}', "escape"), ("{.a[0}", "']'"), ("{=}", "'='"), ("{.a\n}", "not closed"),
    ("{.a['b,c']}", "index"), ("{.a['b{']}", "'{'"), ('{"\\\'"}', "escape"),
]  # fmt: skip
# Go templates: characters the template lexer passes on alone, which no action accepts.
GO_VALID = ['{{ "[x]" }}', "{{ '[' }}", "{{`@`}}", "{{range $i, $e := .items}}{{$i}}{{end}}",
            "{{ $x := 1 }}{{ $x = 2 }}", "{{/* [x] */}}", "a [b] {c} @", "{{index .items 0}}"]  # fmt: skip
GO_INVALID = ["{{.items[0].metadata.name}}", "{{ @ }}", "{{ .a # }}", "{{ .a ! }}", "{{ ; }}", "{{ .a } }}",
              "{{ \\ }}", "{{ ? }}", "{{ * }}", "{{ < }}", "{{ ^ }}"]  # fmt: skip


@pytest.mark.parametrize("template", VALID)
def test_valid_templates_pass(template: str) -> None:
    assert jsonpath_problem(template) is None


@pytest.mark.parametrize(("template", "word"), INVALID)
def test_invalid_templates_are_reported(template: str, word: str) -> None:
    problem = jsonpath_problem(template)
    assert problem is not None and word in problem


@pytest.mark.parametrize("template", GO_VALID)
def test_valid_go_templates_pass(template: str) -> None:
    assert go_template_problem(template) is None


@pytest.mark.parametrize("template", GO_INVALID)
def test_stray_characters_in_go_templates_are_reported(template: str) -> None:
    problem = go_template_problem(template)
    assert problem is not None and "cannot appear in an action" in problem


def test_filters_are_not_looked_into() -> None:
    # kx does not parse filters, so it stays silent on what follows one, right or wrong.
    assert jsonpath_problem("{.a[?(@.b)]}{.c[x]}") is None


def test_template_flag_with_jsonpath_output_is_checked() -> None:
    line = "kubectl expose deploy/nginx --port=80 --output jsonpath '--template={{.metadata.name}}'"
    assert [d.code for d in check_command(line) if d.severity == "error"] == ["KX203"]
    assert check_command("kubectl run web --image=nginx -o jsonpath='{.spec.containers[0].image}'") == []


def test_template_files_must_be_readable_here() -> None:
    def errors(line: str) -> list[str]:
        return [d.code for d in check_command(line) if d.severity == "error"]

    assert errors("kubectl run web --image=nginx -o jsonpath-file=/nonexistent/t") == ["KX209"]
    assert errors("kubectl expose deploy/nginx --port=80 -o templatefile=/") == ["KX209"]
    assert errors("kubectl run web --image=nginx -o go-template-file --template=/nonexistent/t") == ["KX209"]
    assert errors("kubectl run web --image=nginx -o jsonpath-file=/dev/null") == []


def _kubectl_rejects(output: str, kubeconfig: str) -> bool:
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "KUBECONFIG": kubeconfig}
        argv = ["kubectl", "run", "x", "--image=nginx", f"--cache-dir={home}/c", "-o", output]
        done = subprocess.run(argv, env=env, capture_output=True, cwd=home, text=True, timeout=60,
                              stdin=subprocess.DEVNULL)  # fmt: skip
    return "error parsing" in done.stderr


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")
def test_kubectl_agrees() -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as handle:
        handle.write(KUBECONFIG)
    try:
        cases = [(f"jsonpath={t}", False) for t in VALID] + [(f"jsonpath={t}", True) for t, _ in INVALID]
        cases += [(f"go-template={t}", False) for t in GO_VALID] + [
            (f"go-template={t}", True) for t in GO_INVALID
        ]
        with ThreadPoolExecutor(max_workers=8) as pool:
            real = list(pool.map(lambda case: _kubectl_rejects(case[0], handle.name), cases))
    finally:
        os.unlink(handle.name)
    wrong = [(t, ours, theirs) for (t, ours), theirs in zip(cases, real, strict=True) if ours != theirs]
    assert wrong == []
