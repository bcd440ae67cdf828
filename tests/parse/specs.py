"""Small inline specs shaped like docker run and kubectl expose, for parser tests."""

from __future__ import annotations

from typing import Any

from kx.catalog.model import CommandSpec
from kx.parse.span import Word
from kx.parse.words import split_words


def flag(name: str, type_: str = "string", **extra: Any) -> dict[str, Any]:
    return {"name": name, "type": type_, **extra}


DOCKER_ROOT = CommandSpec(
    {
        "spec": 1,
        "tool": "docker",
        "path": [],
        "tool_version": "28.2.2",
        "summary": "",
        "interspersed": False,
        "flag_scope": "local",
        "subcommands": ["run", "ps", "container", "rm"],
        "flags": [
            flag("debug", "bool", short="D"),
            flag("host", "list", short="H", repeat="append"),
            flag("log-level", short="l"),
            flag("context", short="c"),
            flag("tls", "bool"),
            flag("help", "bool", short="h", hidden=True, short_deprecated="use --help"),
        ],
    },
    origin="test",
)

DOCKER_RUN = CommandSpec(
    {
        "spec": 1,
        "tool": "docker",
        "path": ["run"],
        "aliases": [["container", "run"]],
        "tool_version": "28.2.2",
        "summary": "",
        "interspersed": False,
        "flags": [
            flag("detach", "bool", short="d"),
            flag("interactive", "bool", short="i"),
            flag("tty", "bool", short="t"),
            flag("rm", "bool"),
            flag("publish", "list", short="p", repeat="append"),
            flag("env", "list", short="e", repeat="append"),
            flag("label", "list", short="l", repeat="append"),
            flag("name"),
            flag("memory", "bytes", short="m"),
            flag("hostname", short="h"),
            flag("network"),
            flag("net", alias_of="network", hidden=True),
            flag("sysctl", "map", repeat="merge"),
            flag("quiet", "bool", short="q"),
            flag("help", "bool"),
            flag(
                "kernel-memory",
                "bytes",
                deprecated={"message": "the kernel ignores it.", "replacement": "memory"},
            ),
        ],
        "removed_flags": [{"name": "lxc-conf", "removed_in": "1.10"}],
    },
    origin="test",
)

KUBE_GLOBAL_FLAGS = [
    flag("namespace", short="n"),
    flag("server", short="s"),
    flag("v", "int32", short="v"),
    flag("insecure-skip-tls-verify", "bool"),
    flag("request-timeout"),
]

KUBE_ROOT = CommandSpec(
    {
        "spec": 1,
        "tool": "kubectl",
        "path": [],
        "tool_version": "1.32.4",
        "summary": "",
        "normalize_underscores": True,
        "subcommands": ["run", "expose", "get", "create", "cp"],
        "flags": KUBE_GLOBAL_FLAGS,
        "removed_flags": [
            {"name": "log-dir", "removed_in": "1.26"},
            {"name": "logtostderr", "removed_in": "1.26"},
        ],
    },
    origin="test",
)

KUBE_EXPOSE = CommandSpec(
    {
        "spec": 1,
        "tool": "kubectl",
        "path": ["expose"],
        "tool_version": "1.32.4",
        "summary": "",
        "normalize_underscores": True,
        "inherits": ["kubectl/_global"],
        "flags": [
            flag("port"),
            flag("type", choices=["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]),
            flag("selector", short="l"),
            flag("filename", "stringSlice", short="f", repeat="csv"),
            flag("dry-run", no_value="unchanged", choices=["none", "client", "server"]),
            flag("output", short="o"),
            flag("record", "bool", deprecated={"message": "it will be removed."}),
            flag("annotations", "stringArray", repeat="append"),
            flag("secret-thing", hidden=True),
            flag("help", "bool", short="h"),
        ],
        "removed_flags": [{"name": "container-port", "removed_in": "1.24", "replacement": "target-port"}],
    },
    origin="test",
    inherited=KUBE_ROOT.flags,
)


def words(line: str) -> list[Word]:
    split = split_words(line)
    assert split.error is None, split.error
    return split.words
