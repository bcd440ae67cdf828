"""kubectl value formats: accepted and rejected examples (facts checked against kubectl 1.32.4)."""

from __future__ import annotations

import pytest

from kx.check.formats import load_all
from kx.check.formats.kubectl_globals import check_override_flags
from kx.check.formats.kubectl_output import check_output_flags
from kx.check.formats.kubectl_resources import check_resource_args
from kx.check.formats.registry import FORMATS, ValueContext
from kx.core.findings import Finding

load_all()
CTX = ValueContext("kubectl", None, "--x")


def found(fmt: str, value: str) -> list[tuple[str, str]]:
    """Syntax only: whether a named file exists is the environment pass's (test_environment)."""
    return [(p.code, p.stage) for p in FORMATS[fmt](value, CTX)]


CLIENT = "client"
SERVER = "server"
OK: dict[str, list[str]] = {
    "dry-run": ["none", "server", "client"],
    "output-format": [
        "",
        "json",
        "JSON",
        "yaml",
        "Name",
        "jsonpath",
        "jsonpath={.x}",
        "jsonpath=}",
        "jsonpath={}",
        "jsonpath={.x[0]}",
        'jsonpath={.x[?(@.a=="}")]}',
        'jsonpath={"a[b"}',
        "go-template={{.x}}",
        "go-template={{range .items}}{{.x}}{{end}}",
        'go-template={{"}}"}}',
        "go-template={{/* c */}}",
        "go-template={{if(.x)}}a{{end}}",
        "template=x",
        "jsonpath-file=/f",
        "go-template-file=/nonexistent",
        "jsonpath-as-json={.x}",
        "go-template",
    ],
    "cascade": ["background", "foreground", "orphan"],
    "labels": ["", "a=b", "a=", "a=b,a=c", "app.kubernetes.io/name=web", "a=b.c-d_e"],
    "label-selector": ["app=web", "tier=", "example.com/x=1"],
    "kube-env": ["A=1", "FOO=", "a.b-c=1", "_a=1", "-a=1", ".a=1", "A=1,B=2", "A=x=y"],
    "annotations": ["a=b", "a=b=c", "a=", "A/B=1", "example.com/x=hello world"],
    "kube-image": [
        "nginx",
        "nginx:1.25",
        "localhost:5000/foo",
        "LocalHost:5000/foo",
        "a__b",
        "a--b",
        "a.b",
        "a/b/c",
        "[::1]:5000/a",
        "foo_bar.com/a",
        "a:_x",
        "docker.io/library/nginx:1.25",
        "nginx@sha256:0123456789abcdef0123456789abcdef",
        "a:" + "t" * 128,
        "x" * 300,
    ],
    "port-list": ["", "80", "80,443", "+80", "65535", "4294967376"],
    "container-port": ["", "80", "+80", "065535", "4294967376"],
    "target-port": ["", "80", "0", "http", "web-8080", "a" * 15, "4294967376"],
    "session-affinity": ["", "None", "ClientIP"],
    "service-type": ["", "ClusterIP", "NodePort", "LoadBalancer", "ExternalName"],
    "protocol": ["", "TCP", "UDP", "SCTP"],
    "request-timeout": ["", "0", "5", "05", "+5", "-0", "1.5s", "1h", "0s", "-1s"],
    "profile": ["none", "cpu", "heap", "goroutine", "threadcreate", "block", "mutex", "allocs"],
    "vmodule": ["", "a=1", "a=1,", "a=+1", "[=1"],
    "kube-filename": [
        "",
        "-",
        "a.yaml",
        "a.yaml,b.yaml",
        "http://[::1]:80/x",
        "http://h:/x",
        "http://h/x?a=%zz",
        "http://u:p@h:80/x",
        "HTTP://%zz",
        '"a,b.yaml"',
    ],
    "overrides-json": ["", "{}", '{"spec":{"x":[1,2,null]}}', "[]", "null"],
    "override-type": ["json", "merge", "strategic"],
    "object-name": ["nginx", "web-1", "a" * 63],
    "service-name": ["", "web", "a-1", "a" * 63],
    "namespace": ["", "default", "kube-system", "1abc"],
    "resource-arg": ["deployment", "pod/nginx", "deployments.apps/web", "Deployment.v1.apps/web", "svc/web"],
}
BAD: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {
    "dry-run": [
        ("Client", [("KX202", CLIENT)]),
        ("", [("KX202", CLIENT)]),
        ("bogus", [("KX202", CLIENT)]),
        ("unchanged", [("KX502", CLIENT)]),
        ("TRUE", [("KX502", CLIENT)]),
        ("f", [("KX502", CLIENT)]),
    ],
    "output-format": [
        (v, [("KX202", CLIENT)])
        for v in [
            "json=x",
            "yaml=x",
            "wide",
            "custom-columns=N:.x",
            "=",
            "JSONPATH={.x}",
            "Jsonpath",
            "bogus",
        ]
    ]
    + [
        (v, [("KX203", CLIENT)])
        for v in [
            "jsonpath={.x",
            "jsonpath=a{.x}b{",
            "jsonpath={.x[}",
            "go-template={{.x",
            "go-template={{}}",
            "go-template={{ }}",
            "go-template={{if .x}}a",
            "go-template={{else}}",
            "go-template={{end}}",
            "go-template={{.x)}}",
            "go-template={{ break }}",
            "go-template={{/* c */ }}",
            "template={{(.x}}",
        ]
    ],
    "cascade": [
        ("Orphan", [("KX202", CLIENT)]),
        ("", [("KX202", CLIENT)]),
        ("true", [("KX502", CLIENT)]),
        ("False", [("KX502", CLIENT)]),
    ],
    "labels": [
        ("a=b,", [("KX203", CLIENT)]),
        ("a", [("KX203", CLIENT)]),
        ("=b", [("KX203", CLIENT)]),
        ("a=b=c", [("KX203", CLIENT)]),
        (",a=b", [("KX203", CLIENT)]),
        ("a!=b", [("KX204", SERVER)]),
        ("a b=c", [("KX204", SERVER)]),
        ("a=b c", [("KX204", SERVER)]),
        ("a=" + "v" * 64, [("KX204", SERVER)]),
        ("Example.com/x=1", [("KX204", SERVER)]),
        ("-a=1", [("KX204", SERVER)]),
    ],
    "kube-env": [
        (v, [("KX203", CLIENT)]) for v in ["..a=1", ".=1", "..=1", "1FOO=x", "=x", "FOO", "A B=1", "é=1"]
    ],
    "annotations": [
        ("foo", [("KX203", CLIENT)]),
        ("=x", [("KX203", CLIENT)]),
        ("a b=c", [("KX204", SERVER)]),
    ],
    "kube-image": [
        (v, [("KX205", CLIENT)])
        for v in [
            "",
            "Nginx",
            "nginx:",
            "nginx:bad:tag",
            " nginx",
            "localhost:5000/Foo",
            "a___b",
            "a-",
            "-a",
            "a..b",
            "nginx@sha256:0123",
            "example.com:/a",
            "a:.x",
            "a/B",
            "a:b@",
            "é",
            "nginx:latest ",
            "a:" + "t" * 129,
        ]
    ],
    "port-list": [
        ("abc", [("KX201", CLIENT)]),
        ("80,", [("KX201", CLIENT)]),
        ("80/TCP", [("KX201", CLIENT)]),
        ("0x50", [("KX201", CLIENT)]),
        ("99999999999999999999", [("KX201", CLIENT)]),
        ("99999", [("KX204", SERVER)]),
        ("0", [("KX204", SERVER)]),
        ("-1", [("KX204", SERVER)]),
        ("80,80", [("KX204", SERVER)]),
    ],
    "container-port": [
        ("80/TCP", [("KX201", CLIENT)]),
        ("0x50", [("KX201", CLIENT)]),
        (" 80", [("KX201", CLIENT)]),
        ("99999999999999999999", [("KX201", CLIENT)]),
        ("-1", [("KX204", SERVER)]),
        ("0", [("KX204", SERVER)]),
        ("65536", [("KX204", SERVER)]),
    ],
    "target-port": [
        (v, [("KX204", SERVER)])
        for v in [
            "-1",
            "65536",
            "HTTP",
            "a" * 16,
            "-web",
            "web-",
            "a--b",
            "123abc_",
            "99999999999999999999",
            "my_port",
        ]
    ],
    "session-affinity": [("clientip", [("KX202", CLIENT)]), ("Bogus", [("KX202", CLIENT)])],
    "service-type": [("Nodeport", [("KX204", SERVER)]), ("Bogus", [("KX204", SERVER)])],
    "protocol": [("tcp", [("KX204", SERVER)]), ("HTTP", [("KX204", SERVER)])],
    "request-timeout": [
        (v, [("KX201", CLIENT)]) for v in ["-5", "5x", "0x10", "1_0", "1.5", "5S", "1d", " 5"]
    ],
    "profile": [(v, [("KX202", CLIENT)]) for v in ["CPU", "", "bogus"]],
    "vmodule": [(v, [("KX201", CLIENT)]) for v in ["a=0x1", "a=1=2", "=1", "bad"]],
    "kube-filename": [
        (v, [("KX203", CLIENT)])
        for v in [
            "http://%zz",
            "http://h:abc/x",
            "https://a b/x",
            "http://[::1/x",
            "http://h/x%",
            "http://h/x#%zz",
            "a.yaml,,b.yaml",
            "a.yaml,",
            "http://h\t/x",
        ]
    ],
    "overrides-json": [(v, [("KX203", CLIENT)]) for v in ["{", "NaN", "{'a': 1}", "[1,]", "{} x"]],
    "override-type": [("bogus", [("KX208", CLIENT)])],
    "object-name": [
        ("", [("KX207", CLIENT)]),  # kubectl run '' --image=nginx: "Parameter: name is required"
        ("X_Y", [("KX207", SERVER)]),
        ("Nginx", [("KX207", SERVER)]),
        ("my.pod", [("KX207", SERVER)]),
        ("a" * 64, [("KX207", SERVER)]),
        ("-a", [("KX207", SERVER)]),
    ],
    "service-name": [(v, [("KX207", SERVER)]) for v in ["Bad_Name", "1abc", "a.b", "a" * 64, "web-"]],
    "namespace": [(v, [("KX207", SERVER)]) for v in ["Bad_NS", "a.b", "a" * 64]],
    "resource-arg": [
        ("a/b/c", [("KX206", CLIENT)]),
        ("pod/", [("KX206", CLIENT)]),
        ("/x", [("KX206", CLIENT)]),
        ("a,b/x", [("KX206", CLIENT)]),
        ("job/x", [("KX206", CLIENT)]),
        ("SVC/x", [("KX206", SERVER)]),
        ("pod/Foo", [("KX207", SERVER)]),
    ],
}


@pytest.mark.parametrize(("fmt", "value"), [(f, v) for f, vs in OK.items() for v in vs])
def test_accepted(fmt: str, value: str) -> None:
    assert found(fmt, value) == []


@pytest.mark.parametrize(
    ("fmt", "value", "expected"), [(f, v, e) for f, cases in BAD.items() for v, e in cases]
)
def test_rejected(fmt: str, value: str, expected: list[tuple[str, str]]) -> None:
    assert found(fmt, value) == expected


def test_suggestions() -> None:
    def suggestion(fmt: str, value: str) -> str | None:
        return FORMATS[fmt](value, CTX)[0].suggestion

    assert suggestion("service-type", "Nodeport") == "NodePort"
    assert suggestion("service-type", "loadbalancer") == "LoadBalancer"
    assert suggestion("protocol", "tcp") == "TCP"
    assert suggestion("session-affinity", "clientip") == "ClientIP"
    assert suggestion("dry-run", "unchanged") == "client"
    assert suggestion("dry-run", "true") == "client"
    assert suggestion("dry-run", "0") == "none"
    assert suggestion("cascade", "false") == "orphan"
    assert suggestion("cascade", "t") == "background"
    assert suggestion("kube-image", "Nginx:Latest") == "nginx:Latest"
    assert suggestion("service-name", "My_Service") == "my-service"
    assert suggestion("profile", "CPU") == "cpu"


def codes(found: list[tuple[int, Finding]]) -> list[tuple[int, str, str]]:
    return [(i, p.code, p.stage) for i, p in found]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["deployment", "nginx"], []),
        (["deploy", "a", "b"], []),
        (["deploy,svc", "nginx"], []),
        (["pod/a", "svc/b", "deployments.apps/c"], []),
        (["Deployment", "x"], []),
        (["REPLICASETS", "x"], []),
        (["deploy.app", "x"], []),
        (["deployment.v1.apps", "x"], []),
        (["pods.", "x"], []),
        (["deploy"], [(0, "KX206", "client")]),
        (["deploy,svc"], [(0, "KX206", "client")]),
        (["deployment", "deployment/nginx"], [(0, "KX206", "client")]),
        (["pod/a", "b"], [(1, "KX206", "client")]),
        (["a/b/c"], [(0, "KX206", "client")]),
        (["pod/"], [(0, "KX206", "client")]),
        (["/x"], [(0, "KX206", "client")]),
        (["a,b/x"], [(0, "KX206", "client")]),
        (["pod,", "x"], [(0, "KX206", "client")]),
        (["deploy,svc", "a/b"], [(1, "KX206", "client")] * 2),
        (["job", "x"], [(0, "KX206", "client")]),
        (["cj", "x"], [(0, "KX206", "client")]),
        (["all", "x"], [(0, "KX206", "client")]),
        (["deploy,job", "a", "b"], [(0, "KX206", "client")]),
        (["SVC", "x"], [(0, "KX206", "server")]),
        (["bogus", "x"], [(0, "KX206", "server")]),
        (["deployments.extensions", "x"], [(0, "KX206", "server")]),
        (["foo.example.com", "x"], [(0, "KX206", "server")]),
        (["svc", "My_Svc"], [(1, "KX207", "server")]),
        (["pod", "a", "B"], [(2, "KX207", "server")]),
        (["svc", "a.b"], [(1, "KX207", "server")]),
        (["deploy", "a.b"], []),
    ],
)
def test_resource_args(words: list[str], expected: list[tuple[int, str, str]]) -> None:
    assert codes(check_resource_args(words)) == expected


def test_resource_args_with_files() -> None:
    assert codes(check_resource_args([])) == []
    assert codes(check_resource_args(["svc", "x"], from_files=True)) == [(0, "KX206", "client")]
    assert codes(check_resource_args(["svc/x"], from_files=True)) == [(0, "KX206", "client")]


def test_unknown_type_suggests() -> None:
    ((_, problem),) = check_resource_args(["deploymnt", "x"])
    assert problem.suggestion == "deployment"
    ((_, problem),) = check_resource_args(["SVC", "x"])
    assert problem.suggestion == "svc" and "case-sensitive" in problem.message


@pytest.mark.parametrize(
    ("output", "template", "expected"),
    [
        (None, None, []),
        (None, "{{.x}}", []),
        (None, "{{.x", ["KX203"]),
        ("jsonpath", "{.x}", []),
        ("jsonpath", "{.x", ["KX203"]),
        ("jsonpath", None, ["KX203"]),
        ("jsonpath=", None, ["KX203"]),
        ("go-template", "", ["KX203"]),
        ("jsonpath={.x}", "foo", ["KX202"]),
        ("json", "{{.x", []),
        ("", "{{.x", []),
        ("jsonpath={.x}", None, []),
        ("go-template-file", "/dev/null", []),
        # The file itself is the environment pass's (kx.check.envchecks), not a value problem.
        ("go-template-file", "/nonexistent/f", []),
    ],
)
def test_output_flags(output: str | None, template: str | None, expected: list[str]) -> None:
    assert [p.code for p in check_output_flags(output, template)] == expected


@pytest.mark.parametrize(
    ("overrides", "kind", "expected"),
    [
        (None, "bogus", []),
        ("", "bogus", []),
        ("{}", None, []),
        ("{}", "bogus", ["KX202"]),
        ("[1]", "merge", ["KX203"]),
        ("null", "merge", ["KX203"]),
        ("{}", "json", ["KX203"]),
        ("[]", "json", []),
        ("[1]", "strategic", ["KX203"]),
        ("null", "strategic", []),
        ("{", "merge", []),
    ],
)
def test_override_flags(overrides: str | None, kind: str | None, expected: list[str]) -> None:
    assert [p.code for p in check_override_flags(overrides, kind)] == expected
