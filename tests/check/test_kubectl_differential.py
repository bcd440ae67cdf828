"""Differential test: kx's kubectl value checks against the real kubectl client, with no server.

Each line exercises one checker. kubectl runs with an empty HOME and cache dir and a kubeconfig
pointing at a closed port, so a line the client accepts ends in a connection-refused error and a
line it rejects fails before that. kx's verdict is: some error that kx says the client reports
(stage client, error severity). Checks kubectl makes only after talking to the server are not
counted here. Skipped when kubectl is not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kx.check.formats import load_all
from kx.check.formats.kubectl_output import check_output_flags
from kx.check.formats.kubectl_resources import resource_arg_syntax
from kx.check.formats.registry import FORMATS, TYPES, ValueContext
from kx.core.findings import Finding

from .kubectl_env import KUBECONFIG

load_all()
WARNINGS = {"KX502", "KX208"}
RUN = ["run", "x", "--image=nginx"]

# flag -> (registry, checker name), for `kubectl run x --image=nginx FLAG=VALUE`.
FLAG_CHECKS = {
    "--dry-run": (FORMATS, "dry-run"), "--cascade": (FORMATS, "cascade"), "--labels": (FORMATS, "labels"),
    "--env": (FORMATS, "kube-env"), "--annotations": (FORMATS, "annotations"),
    "--port": (FORMATS, "container-port"), "--request-timeout": (FORMATS, "request-timeout"),
    "--profile": (FORMATS, "profile"), "-v": (TYPES, "level"), "--vmodule": (TYPES, "module-spec"),
    "--log-flush-frequency": (TYPES, "go-duration"), "--grace-period": (TYPES, "int"),
    "--timeout": (TYPES, "duration"), "--pod-running-timeout": (TYPES, "duration"),
    "--privileged": (TYPES, "bool"), "--filename": (TYPES, "stringSlice"),
}  # fmt: skip
VALUES = {
    "--dry-run": ["none", "server", "client", "Client", "", "bogus", "TRUE", "1", "f", "unchanged"],
    "--cascade": ["background", "foreground", "orphan", "Orphan", "", "true", "False", "bogus"],
    "--labels": ["a=b", "a=b,", "a", "=b", "a=b=c", "a!=b", "", "a=", ",a=b", "a=b,,c=d", "a b=c"],
    "--env": ["A=1", "..a=1", ".=1", "a.b-c=1", "1FOO=x", "=x", "FOO", "FOO=", "A B=1", "_a=1", "-a=1"],
    "--annotations": ["foo", "=x", "a=b=c", "a=", "a b=c"],
    "--port": ["80", "-1", "+80", "80/TCP", "", "0x50", "99999999999999999999", " 80", "0", "99999"],
    "--request-timeout": [
        "-5",
        "5x",
        "1.5s",
        "1h",
        "0",
        "",
        "+5",
        "0x10",
        "05",
        "1_0",
        "1.5",
        "5S",
        "1d",
        "-1s",
    ],
    "--profile": ["CPU", "none", "", "allocs", "heap", "bogus"],
    "-v": ["010", "+3", "0x1", "1_0", "-5", "2147483648", "abc", "7"],
    "--vmodule": ["[=1", "a=1,", ",,", "a=0x1", "a=+1", "a=1=2", "=1", "a b=1", "", "bad"],
    "--log-flush-frequency": ["5", "1ns", "00", "5s", "0s", "-1s", "1h1m", "abc"],
    "--grace-period": ["0x10", "08", "1_000", "_1", "-1", "9223372036854775808", "0b101", "1.5"],
    "--timeout": ["5", "0", "5s", ".5s", "1d", "2562048h", "-1m"],
    "--pod-running-timeout": ["1m", "1x"],
    "--privileged": ["true", "maybe", "T", "yes", "0"],
    "--filename": ["a.yaml,b.yaml", 'a"b', '"a', '"a,b"', '"a"b'],
}
IMAGES = ["Nginx", "nginx:", "nginx:bad:tag", " nginx", "localhost:5000/Foo", "localhost:5000/foo", "a__b",
          "a___b", "a--b", "a-", "a..b", "a/b/c", "nginx@sha256:0123456789abcdef0123456789abcdef",
          "nginx@sha256:0123", "[::1]:5000/a", "foo_bar.com/a", "example.com:/a", "a:" + "t" * 128,
          "a:" + "t" * 129, "a:.x", "a/B", "é", "busybox:1.36"]  # fmt: skip
OUTPUTS = [
    "JSON",
    "json=x",
    "jsonpath",
    "jsonpath=",
    "jsonpath={.x",
    "go-template={{.x",
    "go-template={{}}",
    "template=x",
    "custom-columns=N:.x",
    "wide",
    "name",
    "jsonpath={.x[}",
    "jsonpath=}",
    "go-template={{end}}",
    "jsonpath={range .x}",
    "go-template={{.x)}}",
    "go-template={{/* c */ }}",
    "go-template={{if .x}}a",
    "go-template={{range .items}}{{.x}}{{end}}",
    'go-template={{"}}"}}',
    "Name",
    "YAML",
    "JSONPATH={.x}",
    "go-template={{ break }}",
    "go-template={{(.x}}",
    "jsonpath-as-json={.x}",
    "go-template={{if(.x)}}{{end}}",
]
OUTPUT_PAIRS: list[tuple[str | None, str]] = [
    ("jsonpath={.x}", "foo"), ("jsonpath", "{.x}"), ("jsonpath", "{.x"), (None, "{{.x"), (None, "{{.x}}"),
    ("json", "{{.x"),
]  # fmt: skip
RESOURCES = [
    ["deployment", "deployment/nginx"],
    ["a/b/c"],
    ["pod/"],
    ["/x"],
    ["a,b/x"],
    ["pod,", "x"],
    ["deploy,svc", "a/b"],
    ["pod/a", "b"],
    ["deployment", "nginx"],
    ["pod/a", "svc/b"],
    ["deploy,svc", "x"],
]
FILES = ["http://%zz", "http://h:abc/x", "https://a b/x", "http://[::1/x", "http://h/x%", "http://h/x#%zz",
         "/etc/hosts,,/etc/hosts", "/etc/hosts,", "http://127.0.0.1:1/x?a=%zz"]  # fmt: skip


def client_errors(problems: list[Finding]) -> bool:
    return any(p.stage == "client" and p.code not in WARNINGS for p in problems)


def corpus() -> list[tuple[list[str], bool]]:
    """(kubectl argv after 'kubectl', kx says the client rejects it)."""
    ctx = ValueContext("kubectl")
    lines = []
    for flag, values in VALUES.items():
        registry, name = FLAG_CHECKS[flag]
        lines += [([*RUN, f"{flag}={v}"], client_errors(registry[name](v, ctx))) for v in values]
    lines += [(["run", "x", f"--image={v}"], client_errors(FORMATS["kube-image"](v, ctx))) for v in IMAGES]
    for out in OUTPUTS:
        problems = FORMATS["output-format"](out, ctx) + check_output_flags(out, None)
        lines.append(([*RUN, f"--output={out}"], client_errors(problems)))
    for given, template in OUTPUT_PAIRS:
        argv = [*RUN, *([f"--output={given}"] if given is not None else []), f"--template={template}"]
        problems = check_output_flags(given, template)
        problems += FORMATS["output-format"](given, ctx) if given else []
        lines.append((argv, client_errors(problems)))
    for words in RESOURCES:
        lines.append((["expose", *words, "--port=80"], bool(resource_arg_syntax(words))))
        with_file = ["expose", *words, "-f", "/etc/hosts"]
        lines.append((with_file, bool(resource_arg_syntax(words, from_files=True))))
    for value in FILES:
        problems = TYPES["stringSlice"](value, ctx) + FORMATS["kube-filename"](value, ctx)
        lines.append((["expose", f"--filename={value}"], client_errors(problems)))
    return lines


def kubectl_rejects(argv: list[str], kubeconfig: Path) -> tuple[bool, str]:
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "KUBECONFIG": str(kubeconfig)}
        done = subprocess.run(["kubectl", *argv, f"--cache-dir={home}/cache"], env=env, capture_output=True,
                              cwd=home, text=True, timeout=60, stdin=subprocess.DEVNULL)  # fmt: skip
    output = (done.stdout + done.stderr).strip()
    last = output.splitlines()[-1] if output else ""
    reached = (
        "connection to the server" in last
        or "connection refused" in last
        or "to connect to the server" in last
    )
    return not reached, last


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")
def test_kubectl_agrees(tmp_path: Path) -> None:
    kubeconfig = tmp_path / "config"
    kubeconfig.write_text(KUBECONFIG)
    lines = corpus()
    assert len(lines) >= 120
    with ThreadPoolExecutor(max_workers=8) as pool:
        verdicts = list(pool.map(lambda line: kubectl_rejects(line[0], kubeconfig), lines))
    wrong = [
        (argv, ours, real) for (argv, ours), real in zip(lines, verdicts, strict=True) if ours != real[0]
    ]
    assert wrong == [], "\n".join(map(repr, wrong))
