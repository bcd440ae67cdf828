"""A missing argument or flag that another finding explains is not reported a second time."""

from __future__ import annotations

import pytest

from kx.engine.pipeline import check_command


def found(line: str) -> list[tuple[str, str, str]]:
    """(code, the text it points at, message) of each diagnostic."""
    return [(d.code, line[d.column - 1 : d.end_column - 1], d.message) for d in check_command(line)]


@pytest.mark.parametrize(
    ("line", "code", "token"),
    [
        ("kubectl run nginx --imgae=nginx", "KX101", "--imgae"),  # the typo, not also "needs --image"
        ("kubectl run nginx --images=nginx", "KX101", "--images"),
        ("kubectl run nginx --image", "KX102", "--image"),  # written without its value
        ("kubectl run nginx -n x --image", "KX102", "--image"),
    ],
)
def test_a_required_flag_written_wrong_is_one_problem(line: str, code: str, token: str) -> None:
    [(got, at, _message)] = found(line)
    assert (got, at) == (code, token)


@pytest.mark.parametrize(
    ("line", "flag", "word"),
    [
        ("docker run -p nginx", "-p", "nginx"),
        ("docker container run --cpus x", "--cpus", "x"),
        ("kubectl run --port abc", "--port", "abc"),
    ],
)
def test_a_flag_that_took_the_operand_is_one_problem(line: str, flag: str, word: str) -> None:
    codes = [code for code, _, _ in found(line) if code != "KX304"]
    assert codes == ["KX301"]
    [(_, at, message)] = [f for f in found(line) if f[0] == "KX301"]
    assert at == word and message.endswith(f": {flag} took {word!r} as its value")


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("docker run --name nginx", ["KX301"]),  # a fine value: nothing to fold, the plain message
        ("docker run --name", ["KX301", "KX102"]),  # two things missing
        ("kubectl run web", ["KX304"]),
        ("kubectl run web --imag=x --image=nginx", ["KX101"]),
        ("docker run -p nginx alpine", ["KX203"]),  # the image is there: the port is the problem
    ],
)
def test_other_lines_keep_their_findings(line: str, codes: list[str]) -> None:
    assert [code for code, _, _ in found(line)] == codes
    if codes == ["KX301"]:
        assert found(line)[0][2] == "docker run needs IMAGE"


@pytest.mark.parametrize(
    ("line", "code", "word", "flag"),
    [
        ("docker run --name -d nginx", "KX204", "-d", "--name"),
        ("docker run -w -d nginx", "KX204", "-d", "-w"),
        ("kubectl run web --image -i", "KX205", "-i", "--image"),
        ("kubectl run web --image=nginx -n -i", "KX207", "-i", "-n"),
    ],
)
def test_a_flag_taken_as_a_bad_value_is_one_error(line: str, code: str, word: str, flag: str) -> None:
    # the value error and "took the next flag as its value" (KX110) are one mistake: the error says both
    [(got, at, message)] = found(line)
    assert (got, at) == (code, word)
    assert message.endswith(f"; if {word} was meant as a flag, {flag} is missing its value")
    # no repair of the value ('-i' -> 'i'): that would contradict "missing its value"
    assert [d.suggestion for d in check_command(line) if d.code == code] == [None]


@pytest.mark.parametrize("line", ["docker run --network --rm nginx", "docker run --hostname -d nginx"])
def test_a_flag_taken_as_a_fine_value_is_the_warning_alone(line: str) -> None:
    assert [code for code, _, _ in found(line)] == ["KX110"]
