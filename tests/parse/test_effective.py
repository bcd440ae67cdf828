"""Effective flag values: last wins, append, CSV split, merge by key, alias folding."""

from __future__ import annotations

from kx.parse.argv import parse_argv
from kx.parse.effective import effective_values

from .specs import DOCKER_RUN, KUBE_EXPOSE, words


def test_last_wins_and_alias_folding() -> None:
    found = effective_values(parse_argv(DOCKER_RUN, words("--name a --name b --net x --network y nginx")))
    assert found["name"].values == ["b"]
    assert found["name"].value == "b"
    assert found["network"].values == ["y"]
    assert len(found["network"].uses) == 2


def test_append_keeps_commas_and_duplicates() -> None:
    found = effective_values(parse_argv(DOCKER_RUN, words("-e A=1,B=2 -e A=3 -e A=3 nginx")))
    assert found["env"].values == ["A=1,B=2", "A=3", "A=3"]


def test_csv_split_and_errors() -> None:
    parsed = parse_argv(KUBE_EXPOSE, words("-f a.yaml,b.yaml -f '\"c,d.yaml\"' -f 'x\"y'"))
    found = effective_values(parsed)
    assert found["filename"].values == ["a.yaml", "b.yaml", "c,d.yaml"]
    ((use, error),) = found["filename"].errors
    assert use.value == 'x"y'
    assert "bare" in error


def test_merge_by_key() -> None:
    found = effective_values(parse_argv(DOCKER_RUN, words("--sysctl a=1 --sysctl b=2 --sysctl a=3 nginx")))
    assert found["sysctl"].values == ["b=2", "a=3"]


def test_unknown_and_missing_values_are_left_out() -> None:
    found = effective_values(parse_argv(KUBE_EXPOSE, words("deploy x --bogus=1 --port")))
    assert found == {}


def test_dynamic_is_carried() -> None:
    found = effective_values(parse_argv(DOCKER_RUN, words("--name $N nginx")))
    assert found["name"].dynamic
