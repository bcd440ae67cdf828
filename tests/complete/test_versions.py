"""Completions offer only the flags of the targeted client versions (the others still parse)."""

from __future__ import annotations

from kx.cli.describe import describe_app
from kx.complete.generate import shipped_specs
from kx.complete.model import Tree
from kx.complete.tree import build_tree


def offered(tree: Tree, group: str) -> set[str]:
    return {word for flag in tree.groups[group] for word in flag.offered()}


def parsed(tree: Tree, group: str) -> set[str]:
    return {word for flag in tree.groups[group] for word in flag.words()}


def test_the_offer_follows_the_target() -> None:
    import fixture_app

    app = describe_app(fixture_app.app)
    spec_version = build_tree(app, shipped_specs())
    old = build_tree(app, shipped_specs(), {"kubectl": "1.20", "docker": "20.10"})
    new = build_tree(app, shipped_specs(), {"kubectl": "1.34"})
    run, root, docker = "s:kubectl/run", "s:kubectl/_global", "s:docker/run"
    assert "--kuberc" not in offered(spec_version, root) and "--kuberc" in offered(new, root)
    assert "--kuberc" in parsed(spec_version, root)  # known, so a typed one is still read right
    assert {"--privileged", "--annotations"} <= offered(old, run)
    assert not {"--override-type", "--show-managed-fields", "-q"} & offered(old, run)
    assert "--quiet" in offered(old, run)  # the flag is there, its -q not yet
    assert {"--override-type", "-q"} <= offered(spec_version, run)
    assert not {"--use-api-socket", "--quiet", "--annotation"} & offered(old, docker)
    assert {"--pull", "--cgroupns"} <= offered(old, docker)
    assert "--as-uid" not in offered(old, root) and "--as-uid" in offered(spec_version, root)


def test_a_range_offers_what_every_version_in_it_has() -> None:
    import fixture_app

    tree = build_tree(describe_app(fixture_app.app), shipped_specs(), {"kubectl": "1.24..1.32"})
    assert "--cascade" not in offered(tree, "s:kubectl/run")  # deprecated in 1.26..1.30
    assert "--override-type" in offered(tree, "s:kubectl/run")
