"""Property tests: nothing a user can type makes the engine raise; valid values stay valid."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kx.catalog.loader import load_specs
from kx.engine.pipeline import check_argv, check_command, has_errors

PREFIXES = ["docker run", "docker container run", "kubectl run", "kubectl expose", "docker", "kubectl",
            "sudo -E docker run", "env A=1 kubectl -n x expose"]  # fmt: skip


def _flag_words() -> list[str]:
    specs = load_specs()
    words: list[str] = []
    for spec in specs.all():
        for flag in spec.flags:
            words.append(f"--{flag.name}")
            if flag.short:
                words.append(f"-{flag.short}")
    return sorted(set(words))


FLAG_WORDS = _flag_words()
word = st.one_of(
    st.sampled_from(FLAG_WORDS),
    st.sampled_from(FLAG_WORDS).map(lambda f: f + "="),
    st.text(min_size=0, max_size=12),
    st.sampled_from(["nginx", "80:80", "--", "-", "-dit", "a=b", "$X", "deploy/web", "true", "\\"]),
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PREFIXES), st.text(max_size=80))
def test_any_text_after_a_command_never_raises(prefix: str, tail: str) -> None:
    for diagnostic in check_command(f"{prefix} {tail}"):
        assert diagnostic.line >= 1 and diagnostic.column >= 1
        assert (diagnostic.end_line, diagnostic.end_column) >= (diagnostic.line, diagnostic.column)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PREFIXES), st.lists(word, max_size=10))
def test_any_argv_never_raises(prefix: str, rest: list[str]) -> None:
    text, diagnostics = check_argv([*prefix.split(), *rest])
    assert isinstance(text, str)
    for diagnostic in diagnostics:
        assert diagnostic.code.startswith("KX")


VALID_DOCKER = {"--name": ["web", "db-1"], "-p": ["80:80", "127.0.0.1:8080:80/tcp", "8000-8010:80"],
                "-e": ["A=1", "PATH"], "--restart": ["always", "on-failure:3", "no"],
                "-m": ["512m", "1g"], "--cpus": ["1.5", "0.25"], "-v": ["/data:/data:ro", "vol:/x"],
                "--network": ["mynet"], "-l": ["app=web"], "--ulimit": ["nofile=1024:2048"]}  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(sorted(VALID_DOCKER)), max_size=6, unique=True), st.data())
def test_built_docker_lines_with_valid_values_are_clean(flags: list[str], data: st.DataObject) -> None:
    argv = ["docker", "run"]
    for flag in flags:
        argv += [flag, data.draw(st.sampled_from(VALID_DOCKER[flag]))]
    argv.append("nginx:1.27")
    _text, diagnostics = check_argv(argv)
    assert not has_errors(diagnostics), diagnostics
