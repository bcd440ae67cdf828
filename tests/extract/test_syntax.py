"""The ``bash -n`` gate, run by the real shells."""

import shutil

import pytest

from kx.extract.syntax import Gate, _run_portably, syntax_check, which

BROKEN = "echo ok\nif true; then\n  echo x\nfi\nfi\necho after\n"


@pytest.fixture
def bash() -> str:
    found = shutil.which("bash")
    if found is None:
        pytest.skip("bash not installed")
    return found


def test_a_broken_script_is_placed_on_the_line_the_shell_names(bash: str) -> None:
    [(offset, message)] = syntax_check(BROKEN, 100, "bash", [])
    assert offset == 100 + BROKEN.index("fi\necho after")
    assert message == "bash -n rejects the script: syntax error near unexpected token `fi'"


def test_a_valid_script_passes(bash: str) -> None:
    assert syntax_check("echo ok\ncat <<EOF\nfi\nEOF\n", 0, "bash", [(0, "unused")]) == []


def test_the_gate_runs_while_the_caller_goes_on(bash: str) -> None:
    gates = [Gate(BROKEN * 200, 0, "bash"), Gate("echo fine\n" * 1000, 0, "sh")]
    assert [len(gate.verdict([])) for gate in gates] == [1, 0]


def test_in_memory_and_portable_runs_agree(bash: str) -> None:
    assert _run_portably(bash, BROKEN.encode()) == (5, "syntax error near unexpected token `fi'")


def test_zsh_names_the_line_its_own_way() -> None:
    if shutil.which("zsh") is None:
        pytest.skip("zsh not installed")
    [(offset, message)] = syntax_check(BROKEN, 0, "zsh", [])
    assert offset == BROKEN.index("fi\necho after")
    assert message.startswith("zsh -n rejects the script: parse error near `fi'")


def test_without_the_shell_the_lexer_stands_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    assert which("bash") is None
    assert syntax_check("echo 'x\n", 0, "bash", [(5, "unterminated single quote")]) == [
        (5, "unterminated single quote (the script may not parse)")
    ]


def test_no_answer_in_time_is_no_verdict(bash: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import kx.extract.syntax as syntax

    monkeypatch.setattr(syntax, "TIMEOUT", 0.0)
    assert syntax_check(BROKEN, 0, "bash", []) == []
