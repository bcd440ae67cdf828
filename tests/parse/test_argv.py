"""pflag/cobra argv semantics (ground-truth §1), one test per behaviour."""

from __future__ import annotations

import pytest

from kx.catalog.loader import load_specs
from kx.catalog.model import CommandSpec
from kx.parse.argv import ParsedCommand, parse_argv

from .specs import DOCKER_ROOT, DOCKER_RUN, KUBE_EXPOSE, KUBE_ROOT, words


def parse(spec: CommandSpec, line: str, root: CommandSpec | None = None) -> ParsedCommand:
    return parse_argv(spec, words(line), root=root)


def flags(parsed: ParsedCommand) -> list[tuple[str | None, str | None]]:
    return [(u.flag.name if u.flag else None, u.value) for u in parsed.uses]


def positionals(parsed: ParsedCommand) -> list[str]:
    return [w.value for w in parsed.positionals]


def codes(parsed: ParsedCommand) -> list[str]:
    return [p.code for p in parsed.problems]


def test_long_with_equals_and_separate() -> None:
    p = parse(DOCKER_RUN, "--name=a --name b nginx")
    assert flags(p) == [("name", "a"), ("name", "b")]
    assert positionals(p) == ["nginx"]
    assert codes(p) == []


def test_explicit_empty_value() -> None:
    p = parse(DOCKER_RUN, "--name= nginx")
    assert flags(p) == [("name", "")]
    assert positionals(p) == ["nginx"]


def test_short_forms() -> None:
    p = parse(DOCKER_RUN, "-p 80:80 -p81:81 -p=82:82 -e=A=1 nginx")
    assert flags(p) == [("publish", "80:80"), ("publish", "81:81"), ("publish", "82:82"), ("env", "A=1")]
    assert [u.form for u in p.uses] == ["-f v", "-fv", "-f=v", "-f=v"]


def test_cluster_first_value_flag_eats_the_rest() -> None:
    p = parse(DOCKER_RUN, "-dp80:80 nginx")
    assert flags(p) == [("detach", "true"), ("publish", "80:80")]
    assert positionals(p) == ["nginx"]


def test_cluster_value_flag_first_takes_the_cluster_tail() -> None:
    """-pd 80:80 is -p d; 80:80 becomes IMAGE (P9)."""
    p = parse(DOCKER_RUN, "-pd 80:80")
    assert flags(p) == [("publish", "d")]
    assert positionals(p) == ["80:80"]


def test_bool_cluster() -> None:
    assert flags(parse(DOCKER_RUN, "-dit nginx")) == [
        ("detach", "true"), ("interactive", "true"), ("tty", "true"),
    ]  # fmt: skip


def test_bool_with_equals_in_cluster() -> None:
    assert flags(parse(DOCKER_RUN, "-it=false nginx")) == [("interactive", "true"), ("tty", "false")]


def test_bool_never_takes_next_word() -> None:
    p = parse(DOCKER_RUN, "--rm false nginx")
    assert flags(p) == [("rm", "true")]
    assert positionals(p) == ["false", "nginx"]
    assert codes(p) == ["KX107"]
    (problem,) = p.problems
    assert (problem.start, problem.end) == (5, 10)


def test_bool_value_after_equals_is_attached_unchecked() -> None:
    p = parse(DOCKER_RUN, "--rm=maybe nginx")
    assert flags(p) == [("rm", "maybe")]
    assert codes(p) == []  # the spelling is the value checker's job


def test_no_value_default_flag() -> None:
    """kubectl --dry-run bare: value 'unchanged'; the next word is a positional (P7)."""
    p = parse(KUBE_EXPOSE, "deploy x --dry-run client")
    assert flags(p) == [("dry-run", "unchanged")]
    assert positionals(p) == ["deploy", "x", "client"]
    assert codes(p) == ["KX107"]
    assert flags(parse(KUBE_EXPOSE, "deploy x --dry-run=client")) == [("dry-run", "client")]


def test_value_flag_takes_next_word_whatever_it_looks_like() -> None:
    p = parse(DOCKER_RUN, "-m -1 nginx")
    assert flags(p) == [("memory", "-1")]
    assert codes(p) == []
    p = parse(DOCKER_RUN, "--name -d nginx")
    assert flags(p) == [("name", "-d")]
    assert positionals(p) == ["nginx"]
    assert codes(p) == ["KX110"]


def test_value_flag_eats_image() -> None:
    p = parse(DOCKER_RUN, "-p nginx")
    assert flags(p) == [("publish", "nginx")]
    assert positionals(p) == []


def test_missing_value_at_end() -> None:
    p = parse(DOCKER_RUN, "nginx --name")
    assert codes(p) == ["KX108"]  # non-interspersed: --name after IMAGE belongs to the container
    p = parse(KUBE_EXPOSE, "deploy x --port")
    assert codes(p) == ["KX102"]
    p = parse(KUBE_EXPOSE, "deploy x -n")
    assert codes(p) == ["KX102"]
    assert "'n' in -n" in p.problems[0].message


def test_double_dash() -> None:
    p = parse(KUBE_EXPOSE, "deploy -- x --port=80")
    assert p.dash == 1
    assert positionals(p) == ["deploy", "x", "--port=80"]
    assert flags(p) == []
    p = parse(DOCKER_RUN, "-- --rm nginx")
    assert positionals(p) == ["--rm", "nginx"]
    assert p.dash == 0


def test_lone_dash_is_positional() -> None:
    p = parse(KUBE_EXPOSE, "-f - --port 80")
    assert flags(p) == [("filename", "-"), ("port", "80")]
    p = parse(KUBE_EXPOSE, "deploy - --port 80")
    assert positionals(p) == ["deploy", "-"]


def test_bad_flag_syntax() -> None:
    p = parse(KUBE_EXPOSE, "---x --=y deploy x")
    assert codes(p) == ["KX103", "KX103"]
    assert positionals(p) == ["deploy", "x"]


def test_non_interspersed_stops_at_image() -> None:
    p = parse(DOCKER_RUN, "-d nginx --rm --bogus -p 1")
    assert flags(p) == [("detach", "true")]
    assert positionals(p) == ["nginx", "--rm", "--bogus", "-p", "1"]
    assert p.stop == 1
    assert codes(p) == ["KX108"]  # --rm; --bogus (not a docker flag) ends the look-ahead


def test_flags_after_image_warning_stops_at_command() -> None:
    p = parse(DOCKER_RUN, "ubuntu ls -l")
    assert codes(p) == []


@pytest.mark.parametrize("line", [
    # kubernetes-sigs/kubebuilder Makefile:135 (yamllint's -c, not --cpu-shares)
    "--rm -i -v /p:/data -w /data cytopia/yamllint:latest -c .yamllint-helm --no-warnings -",
    # grafana/loki docs/sources/setup/install/docker.md:39 and get-started/deployment-modes.md:99
    "--name loki -d -p 3100:3100 grafana/loki:3.6.0 -config.file=/mnt/config/loki-config.yaml",
    "docker.io/grafana/loki:3.2.1 -config.file=/etc/loki/local-config.yaml -list-targets",
    # grafana/loki docs/sources/operations/loki-canary/_index.md:221
    "grafana/loki-canary:3.7.3 -addr=loki:3100 -labelname=instance -labelvalue=loki-canary-1",
    # grafana/loki Makefile:861 (--entrypoint: the rest is surely bash's)
    "--rm --tty --entrypoint bash nixos/nix -c 'git config --global'",
    # moby/moby daemon/libnetwork/cmd/diagnostic/README.md:192
    "--net host dockereng/network-diagnostic:onlyclient -v -net abc -t sd",
    "alpine -t -d",  # a lone -t is common in programs: the look-ahead ends there
    "alpine -p 8080",  # a lone port is the program's (docker wants a mapping to mean it)
    # kubernetes/ingress-nginx Makefile:85 (gosec's -exclude=, not -e xclude=...)
    "--rm -it -w /source/ -v /p/:/source securego/gosec:2.11.0 -exclude=G109,G601 -tests=false",
    "alpine -p127.0.0.1:80:80",  # one-dash words longer than a flag are the program's
])
def test_program_arguments_after_image_are_not_flagged(line: str) -> None:
    assert "KX108" not in codes(parse(_real_docker_run(), line))


@pytest.mark.parametrize(("line", "count"), [
    ("nginx -p 80:80", 1), ("nginx --name web -d", 2), ("nginx -v /a:/b -e A=B --rm", 3),
    ("nginx -it", 1), ("nginx -p 127.0.0.1:80:80/tcp", 1), ("nginx --restart=always", 1),
])
def test_docker_flags_after_image_are_flagged(line: str, count: int) -> None:
    assert codes(parse(_real_docker_run(), line)).count("KX108") == count


def _real_docker_run() -> CommandSpec:
    run = load_specs().get("docker", ("run",))
    assert run is not None
    return run


def test_interspersed_flags_anywhere() -> None:
    p = parse(KUBE_EXPOSE, "deploy --port=80 x -n ns")
    assert positionals(p) == ["deploy", "x"]
    assert flags(p) == [("port", "80"), ("namespace", "ns")]


def test_underscore_normalization() -> None:
    p = parse(KUBE_EXPOSE, "deploy x --dry_run=client --request_timeout 5s")
    assert flags(p) == [("dry-run", "client"), ("request-timeout", "5s")]
    assert [u.name for u in p.uses] == ["dry_run", "request_timeout"]
    p = parse(DOCKER_RUN, "--net_work=host nginx")
    assert codes(p) == ["KX101"]


def test_unknown_long_flag_continues_and_suggests() -> None:
    p = parse(KUBE_EXPOSE, "deploy x --selecter app=web --port 80 --bogus y")
    assert codes(p) == ["KX101", "KX101"]
    assert p.problems[0].suggestion == "--selector"
    assert "--selector" in p.problems[0].message
    assert flags(p)[1] == ("port", "80")
    # the typo takes a value like --selector does; --bogus is unlike anything, so y stays
    assert flags(p)[0] == (None, "app=web")
    assert positionals(p) == ["deploy", "x", "y"]


def test_typo_of_value_flag_keeps_docker_image_in_place() -> None:
    p = parse(DOCKER_RUN, "--nme web nginx")
    assert codes(p) == ["KX101"]
    assert positionals(p) == ["nginx"]
    p = parse(DOCKER_RUN, "--rn nginx")  # close to --rm, a bool: takes nothing
    assert positionals(p) == ["nginx"]


def test_unknown_with_equals_keeps_value() -> None:
    p = parse(KUBE_EXPOSE, "deploy x --selecter=app=web")
    assert flags(p) == [(None, "app=web")]
    assert positionals(p) == ["deploy", "x"]


def test_hidden_flags_not_suggested() -> None:
    p = parse(KUBE_EXPOSE, "deploy x --secret-thin=1")
    assert p.problems[0].suggestion is None


def test_unknown_shorthand_exact_char() -> None:
    p = parse(DOCKER_RUN, "-itZx nginx")
    assert codes(p) == ["KX101"]
    problem = p.problems[0]
    assert (problem.start, problem.end) == (3, 4)
    assert flags(p) == [("interactive", "true"), ("tty", "true"), (None, None)]
    assert positionals(p) == ["nginx"]


def test_unknown_shorthand_case_suggestion() -> None:
    p = parse(DOCKER_RUN, "-P nginx")
    assert p.problems[0].suggestion == "-p"


def test_single_dash_long_name() -> None:
    p = parse(DOCKER_RUN, "-name web nginx")
    assert codes(p) == ["KX101"]
    assert p.problems[0].suggestion == "--name"
    assert positionals(p) == ["nginx"]  # arity of --name assumed


def test_single_dash_long_name_swallowed_by_short() -> None:
    p = parse(KUBE_EXPOSE, "deploy x -selector=a")
    assert flags(p) == [("server", "elector=a")]
    assert codes(p) == ["KX110"]


def test_single_dash_long_name_swallowed_as_an_address_is_an_error() -> None:
    """kubectl -stdin is -s tdin, i.e. --server tdin, which never connects; -namespace only warns."""
    specs = load_specs()
    run, root = specs.get("kubectl", ("run",)), specs.root("kubectl")
    assert run is not None
    p = parse(run, "web --image=nginx -stdin", root)
    assert [(pr.code, pr.severity) for pr in p.problems] == [("KX110", "error")]
    p = parse(run, "web --image=nginx -namespace=x", root)
    assert [(pr.code, pr.severity) for pr in p.problems] == [("KX110", None)]


def test_dash_equals_quirk() -> None:
    """pflag: -d= is -d then an unknown shorthand '='."""
    p = parse(DOCKER_RUN, "-d= nginx")
    assert codes(p) == ["KX101"]
    assert "-=" in p.problems[0].message


def test_removed_flag() -> None:
    p = parse(KUBE_EXPOSE, "deploy x --container-port 8080 --port 80", KUBE_ROOT)
    assert codes(p) == ["KX106"]
    assert "1.24" in p.problems[0].message
    assert p.problems[0].suggestion == "--target-port"
    assert positionals(p) == ["deploy", "x"]  # the removed flag took its value
    p = parse(KUBE_EXPOSE, "deploy x --logtostderr", KUBE_ROOT)
    assert codes(p) == ["KX106"]


def test_docker_global_after_subcommand() -> None:
    p = parse(DOCKER_RUN, "--debug -H tcp://x:2375 nginx", DOCKER_ROOT)
    assert codes(p) == ["KX104", "KX104"]
    assert positionals(p) == ["nginx"]
    assert "before" in p.problems[0].message
    # without the root spec it is a plain unknown flag
    assert codes(parse(DOCKER_RUN, "--debug nginx")) == ["KX101"]


def test_kubectl_root_is_not_local() -> None:
    p = parse(KUBE_EXPOSE, "deploy x --bogus", KUBE_ROOT)
    assert codes(p) == ["KX101"]


def test_deprecated_flag_and_shorthand() -> None:
    p = parse(KUBE_EXPOSE, "deploy x --record")
    assert codes(p) == ["KX501"]
    p = parse(DOCKER_RUN, "--kernel-memory 1g nginx")
    assert codes(p) == ["KX501"]
    assert p.problems[0].suggestion == "--memory"
    p = parse(DOCKER_ROOT, "-h run", None)
    assert codes(p) == ["KX501"]
    assert p.help


def test_alias_folding() -> None:
    p = parse(DOCKER_RUN, "--net host --network=bridge nginx")
    assert [u.canonical for u in p.uses] == ["network", "network"]
    assert [u.value for u in p.uses_of("network")] == ["host", "bridge"]


def test_repeats_kept_in_order() -> None:
    p = parse(DOCKER_RUN, "-e A=1 --env B=2 -eC=3 nginx")
    assert [u.value for u in p.uses_of("env")] == ["A=1", "B=2", "C=3"]


def test_help_flag() -> None:
    assert parse(KUBE_EXPOSE, "-h").help
    assert parse(DOCKER_RUN, "--help").help
    assert not parse(DOCKER_RUN, "-h x nginx").help  # docker run -h is --hostname


def test_test_prefix_shorthand_ignored() -> None:
    """pflag drops a cluster's remainder that starts with "test.", even when -t is a flag."""
    p = parse(DOCKER_RUN, "-test.v nginx")
    assert codes(p) == []
    assert flags(p) == []
    assert positionals(p) == ["nginx"]
    p = parse(DOCKER_RUN, "-itest.x nginx")
    assert flags(p) == [("interactive", "true")]


def test_value_offsets() -> None:
    line = "--name=web -p80:80 -e 'A=1' nginx"
    p = parse(DOCKER_RUN, line)
    spans = [line[u.value_start : u.value_end] for u in p.uses]
    assert spans == ["web", "80:80", "'A=1'"]


def test_dynamic_flag_never_reported() -> None:
    p = parse(DOCKER_RUN, "--$FLAG -$F nginx")
    assert codes(p) == []
    assert p.uncertain
    assert [u.form for u in p.uses] == ["dynamic", "dynamic"]


def test_dynamic_value_marked() -> None:
    p = parse(DOCKER_RUN, '--name="$NAME" -p "$PORT":80 nginx')
    assert [u.dynamic for u in p.uses] == [True, True]
    assert not p.uncertain


def test_dynamic_positional_is_uncertain() -> None:
    p = parse(DOCKER_RUN, "$OPTS nginx -p 80")
    assert p.uncertain
    assert codes(p) == []  # no KX108 when the image might not be where it seems


def test_half_dynamic_long_name() -> None:
    p = parse(KUBE_EXPOSE, "deploy x --port${SUFFIX}=80")
    assert codes(p) == []
    assert p.uses[0].form == "dynamic"
