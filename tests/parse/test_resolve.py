"""Finding the tool, the subcommand and its spec: prefixes, docker globals, cobra's search."""

from __future__ import annotations

from pathlib import Path

import pytest

from kx.catalog.loader import SpecSet, load_specs
from kx.parse.resolution import Resolution
from kx.parse.resolve import resolve, resolve_and_parse
from kx.parse.subcommand import near_misses
from kx.parse.words import split_words

from .specs import DOCKER_ROOT, DOCKER_RUN, KUBE_EXPOSE, KUBE_ROOT

SPECS = SpecSet([(s.raw, "test") for s in (DOCKER_ROOT, DOCKER_RUN, KUBE_ROOT, KUBE_EXPOSE)], [])


def no_plugins(tool: str, name: str) -> bool:
    return False


def res(line: str, specs: SpecSet = SPECS) -> Resolution:
    found = resolve(split_words(line).words, specs, plugin_exists=no_plugins)
    assert found is not None
    return found


def spec_name(found: Resolution) -> str | None:
    return found.spec.display_name if found.spec is not None else None


def argv(found: Resolution) -> list[str]:
    return [w.value for w in found.argv]


def codes(found: Resolution) -> list[str]:
    return [p.code for p in found.problems]


@pytest.mark.parametrize(
    "line",
    [
        "docker run nginx",
        "sudo docker run nginx",
        "sudo -E -u root docker run nginx",
        "sudo --user=root -- docker run nginx",
        "env -i -u HOME A=1 B=2 docker run nginx",
        "env - A=1 docker run nginx",
        "time -p docker run nginx",
        "command docker run nginx",
        "exec -a name docker run nginx",
        "nice -n 10 nohup docker run nginx",
        "timeout -s KILL 5m docker run nginx",
        "A=1 B='x y' /usr/bin/docker run nginx",
        "! docker run nginx",
        "then docker run nginx",
        "docker.exe run nginx",
    ],
)
def test_prefixes_are_seen_through(line: str) -> None:
    found = res(line)
    assert found.tool == "docker"
    assert spec_name(found) == "docker run"
    assert argv(found) == ["nginx"]


@pytest.mark.parametrize("line", ["command -v docker", "sudo -l docker run x", "echo docker run", "$D run x"])
def test_not_a_tool_run(line: str) -> None:
    assert resolve(split_words(line).words, SPECS) is None


def test_docker_globals_before_subcommand() -> None:
    found = res("docker -D -H tcp://x:2375 --context=prod container run -it nginx")
    assert spec_name(found) == "docker run"
    assert [w.value for w in found.path_words] == ["container", "run"]
    assert [w.value for w in found.global_words] == ["-D", "-H", "tcp://x:2375", "--context=prod"]
    assert argv(found) == ["-it", "nginx"]
    assert found.globals is not None
    assert [u.flag.name for u in found.globals.uses if u.flag] == ["debug", "host", "context"]
    assert codes(found) == []


def test_docker_global_cluster_value_is_parsed_by_pflag() -> None:
    """docker -Dl debug run: the root parse takes 'debug' as -l's value, so 'run' is the command."""
    found = res("docker -Dl debug run nginx")
    assert spec_name(found) == "docker run"


def test_docker_bool_global_then_false() -> None:
    found = res("docker --tls false run nginx")
    assert found.spec is None
    assert codes(found) == ["KX107", "KX303"]  # 'false' is the command: no typo of one
    assert found.problems[1].suggestion is None


def test_docker_unknown_global() -> None:
    found = res("docker --bogus run nginx")
    assert spec_name(found) == "docker run"
    assert codes(found) == ["KX101"]


def test_unknown_subcommand_suggests() -> None:
    found = res("docker rn nginx")
    assert codes(found) == ["KX302"]
    assert found.problems[0].suggestion is None  # two candidates: no single fix
    assert "did you mean run or rm?" in found.problems[0].message
    found = res("docker rnu")
    assert codes(found) == ["KX302"]
    assert found.problems[0].suggestion == "run"
    found = res("kubectl exposee deploy x")
    assert codes(found) == ["KX302"]
    assert found.problems[0].suggestion == "expose"
    assert "did you mean expose" in found.problems[0].message


def test_known_subcommand_without_spec_is_info() -> None:
    found = res("kubectl get pods")
    assert codes(found) == ["KX303"]
    assert found.spec is None
    assert res("docker ps -a").problems[0].code == "KX303"


def test_plugin_is_info() -> None:
    found = resolve(split_words("kubectl krew list").words, SPECS, plugin_exists=lambda t, n: n == "krew")
    assert found is not None
    assert [p.code for p in found.problems] == ["KX303"]


def test_kubectl_flags_before_subcommand() -> None:
    found = res("kubectl -n foo --server=x expose deploy web --port 80")
    assert spec_name(found) == "kubectl expose"
    assert argv(found) == ["-n", "foo", "--server=x", "deploy", "web", "--port", "80"]
    assert [w.value for w in found.global_words] == ["-n", "foo", "--server=x"]


def test_kubectl_subcommand_word_used_as_flag_value() -> None:
    found = res("kubectl -n expose expose deploy web")
    assert spec_name(found) == "kubectl expose"
    assert argv(found) == ["-n", "expose", "deploy", "web"]


def test_kubectl_unknown_flag_before_subcommand() -> None:
    """cobra assumes --bogus took 'expose', sees 'deploy' as a plugin name and fails (P3)."""
    found = res("kubectl --bogus expose deploy web")
    assert codes(found) == ["KX105"]
    problem = found.problems[0]
    assert (problem.start, problem.end) == (8, 15)
    assert found.spec is None


def test_kubectl_known_flag_before_unknown_command_names_the_first_word() -> None:
    found = res("kubectl -n foo exposee x")
    assert codes(found) == ["KX105"]
    assert found.problems[0].start == 8


def test_kubectl_unknown_flag_with_equals_reaches_the_command() -> None:
    got = resolve_and_parse(split_words("kubectl --bogus=1 expose deploy web").words, SPECS)
    assert got is not None
    found, parsed = got
    assert spec_name(found) == "kubectl expose"
    assert parsed is not None
    assert [p.code for p in parsed.problems] == ["KX101"]


def test_dynamic_subcommand() -> None:
    found = res("docker $CMD nginx")
    assert found.dynamic
    assert found.spec is None
    assert codes(found) == []


def test_tool_without_subcommand() -> None:
    found = res("docker -D")
    assert found.spec is None
    assert codes(found) == []


def test_resolve_and_parse_passes_root_for_misplaced_globals() -> None:
    got = resolve_and_parse(split_words("docker run --debug nginx").words, SPECS)
    assert got is not None
    _found, parsed = got
    assert parsed is not None
    assert [p.code for p in parsed.problems] == ["KX104"]


def test_shipped_specs() -> None:
    specs = load_specs()
    found = res("docker container run --rm nginx", specs)
    assert spec_name(found) == "docker run"
    found = res("kubectl -n x run web --image=nginx", specs)
    assert spec_name(found) == "kubectl run"
    found = res("kubectl exposee deploy x", specs)
    assert found.problems[0].suggestion == "expose"


def test_docker_words_after_an_unknown_command_are_the_plugins() -> None:
    """Only docker's global options before the name are judged: the rest goes to a plugin."""
    assert codes(res("docker nginx --quiet run")) == ["KX303"]
    assert codes(res("docker compose up -d")) == ["KX303"]
    assert codes(res("docker --hostt x compose up -d")) == ["KX101", "KX303"]
    assert codes(res("docker rn -D")) == ["KX302"]
    assert codes(res("docker -h rn")) == ["KX501"]  # docker prints its help first
    assert codes(res("docker --version compose", load_specs())) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("docker buildx build -t app .", []),  # a plugin named like a built-in plus a letter
        ("docker mcp gateway run", []),
        ("kubectl ktop", []),
        ("kubectl iexec pod", []),
        ("kubectl konfig merge a b", []),
        ("kubectl ctx prod", []),
        ("kubectl exopse deploy x", ["expose"]),
        ("kubectl gte pods", ["get"]),
        ("kubectl aply -f x.yaml", ["apply"]),
        ("docker Run nginx", ["run"]),
        ("docker imgaes", ["images"]),
    ],
)
def test_only_a_near_miss_of_a_built_in_is_a_typo(line: str, expected: list[str]) -> None:
    found = res(line, load_specs())
    word = line.split()[1]
    hits = near_misses(found.tool, word, found.root.subcommands)
    assert hits == expected
    assert codes(found) == (["KX302"] if expected else ["KX303"])


def test_kubectl_help_before_subcommand_takes_a_word() -> None:
    """cobra has no --help flag yet when it searches: --help/-h take the next word."""
    assert codes(res("kubectl -h expose x")) == ["KX105"]
    found = res("kubectl -h x expose")
    assert spec_name(found) == "kubectl expose"
    assert argv(found) == ["-h", "x"]


def test_docker_double_dash_before_command() -> None:
    """After `docker --`, cobra still skips flag-like words (and guessed values) to find the command."""
    found = res("docker -D -- -H x run nginx")
    assert spec_name(found) == "docker run"
    assert [w.value for w in found.global_words] == ["-D", "--", "-H", "x"]
    assert argv(found) == ["nginx"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("docker container -D run nginx", ["KX104"]),  # a global option inside the group: refused
        ("docker container --debug=true run nginx", ["KX104"]),
        ("docker container --bogus run nginx", ["KX101"]),
        ("docker container -h run nginx", ["KX303"]),  # help is the group's own flag
        ("docker container $OPTS run nginx", ["KX303"]),  # unknown: no claim
    ],
)
def test_a_flag_inside_a_command_group(line: str, expected: list[str]) -> None:
    found = res(line, load_specs())
    assert found.spec is None
    assert codes(found) == expected


COMPOSE_UP = """\
spec: 1
tool: docker
path: [compose, up]
tool_version: "2.29.0"
summary: Create and start the services of a compose project.
interspersed: true
positionals:
  - {name: service, repeat: true}
flags:
  - {name: detach, short: d, type: bool, summary: Run in the background.}
"""


def test_a_plugin_spec_makes_its_command_checked(tmp_path: Path) -> None:
    (tmp_path / "compose-up.yaml").write_text(COMPOSE_UP)
    specs = load_specs((str(tmp_path),), use_cache=False)
    found = res("docker compose up -d --bogus web", specs)
    assert spec_name(found) == "docker compose up"
    got = resolve_and_parse(split_words("docker compose up -d --bogus web").words, specs)
    assert got is not None and got[1] is not None
    assert [p.code for p in got[1].problems] == ["KX101"]
    # compose is no built-in group: its own flags before `up` are the plugin's, not refused
    assert codes(res("docker compose -f ci.yml up -d", specs)) == ["KX303"]
    assert codes(res("docker compose down", specs)) == ["KX303"]


def test_a_global_option_that_took_the_command_name_warns() -> None:
    found = res("docker -H run nginx")
    assert codes(found) == ["KX302"]
    assert found.problems[0].message.startswith("'nginx' is not a docker command: -H took 'run' as its value")
    assert (found.problems[0].start, found.problems[0].suggestion) == (14, None)
    assert codes(res("docker -H=run nginx")) == ["KX303"]  # written on purpose
    assert codes(res("docker -H tcp://h:2375 compose up")) == ["KX303"]
