"""Messages name the command as it was written: `docker container run` is not called `docker run`."""

from __future__ import annotations

from pathlib import Path

import pytest

from kx.engine.lint import LintOptions, run
from kx.engine.pipeline import check_command

DOCKER_RUN = ["docker run", "docker container run"]
# (the words after the command, the code, the text that names the command in the message)
DOCKER_CASES = [
    ("--bogus nginx", "KX101", "unknown flag --bogus for {}"),
    ("-Z nginx", "KX101", "unknown shorthand flag -Z for {}"),
    ("", "KX301", "{} needs IMAGE"),
    ("nginx --rm", "KX108", "not to {};"),
    ('"$IMAGE" --rm', "KX108", "not to {};"),
    ("-H tcp://x nginx", "KX104", "{} does not know it"),
]


def messages(line: str, code: str) -> list[str]:
    return [d.message for d in check_command(line) if d.code == code]


@pytest.mark.parametrize("name", DOCKER_RUN)
@pytest.mark.parametrize(("rest", "code", "expected"), DOCKER_CASES)
def test_docker_messages_say_the_command_as_written(name: str, rest: str, code: str, expected: str) -> None:
    [message] = messages(f"{name} {rest}", code)
    assert expected.format(name) in message
    other = DOCKER_RUN[1 - DOCKER_RUN.index(name)]
    assert other not in message


@pytest.mark.parametrize("name", DOCKER_RUN)
def test_a_global_option_is_put_before_the_command_as_written(name: str) -> None:
    [message] = messages(f"{name} -H tcp://x nginx", "KX104")
    assert message.endswith(f"(docker -H ... {name.removeprefix('docker ')})")


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        ("kubectl run web", "KX304", "kubectl run needs --image"),
        ("kubectl run web --image=nginx --bogus", "KX101", "unknown flag --bogus for kubectl run"),
        ("kubectl -n x run web --image=nginx -Z", "KX101", "unknown shorthand flag -Z for kubectl run"),
        ("kubectl expose deploy web --port 80 --bogus", "KX101", "unknown flag --bogus for kubectl expose"),
        ("kubectl --context x expose deploy web --port 80 --image=x", "KX101", "for kubectl expose"),
    ],
)
def test_kubectl_messages_name_their_own_command(line: str, code: str, expected: str) -> None:
    [message] = messages(line, code)
    assert expected in message
    other = "expose" if " run " in line else "run"
    assert f"kubectl {other}" not in message and "docker" not in message


def test_a_linted_script_names_each_command_as_written(tmp_path: Path) -> None:
    script = tmp_path / "s.sh"
    lines = ["docker container run --bogus nginx", "docker run --bogus nginx", "kubectl run web --bogus"]
    script.write_text("\n".join(lines) + "\n")
    result = run(LintOptions(paths=(str(script),), isolated=True))
    got = [d.message for d in result.diagnostics if d.code == "KX101"]
    assert got == [
        "unknown flag --bogus for docker container run",
        "unknown flag --bogus for docker run",
        "unknown flag --bogus for kubectl run",
    ]


def test_docker_container_create_is_not_checked() -> None:
    # kx has no spec for it: one note, no message that calls it `docker run`
    found = check_command("docker container create --bogus nginx")
    assert [d.code for d in found] == ["KX303"]
    assert found[0].message == "kx has no spec for 'docker container create': not checked"
