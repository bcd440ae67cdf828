"""Property tests: the parser never raises, and a built argv parses back to what it was built from."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kx.catalog.loader import load_specs
from kx.catalog.model import CommandSpec, FlagSpec
from kx.parse.argv import parse_argv
from kx.parse.resolve import resolve_and_parse
from kx.parse.span import Word

from .specs import DOCKER_ROOT, DOCKER_RUN, KUBE_EXPOSE

SPECS = load_specs()
COMMANDS: list[CommandSpec] = [DOCKER_RUN, KUBE_EXPOSE, DOCKER_ROOT, *SPECS.all()]
ROOTS = {spec.tool: SPECS.root(spec.tool) for spec in COMMANDS}

FLAGISH = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["-", "--", "---", "--=", "-=", "-d=", "--rm=", "-test.v", "-h", "--help", "true"]),
    st.builds(lambda p, s: p + s, st.sampled_from(["-", "--", "-i", "--e"]), st.text(max_size=6)),
)


def as_words(values: list[str], dynamic: list[bool] | None = None) -> list[Word]:
    out: list[Word] = []
    pos = 0
    for i, value in enumerate(values):
        is_dynamic = bool(dynamic and dynamic[i % len(dynamic)])
        out.append(Word(value, pos, pos + len(value), is_dynamic, True, len(value) // 2))
        pos += len(value) + 1
    return out


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(COMMANDS), st.lists(FLAGISH, max_size=10), st.lists(st.booleans(), max_size=3))
def test_random_argv_never_raises(spec: CommandSpec, values: list[str], dynamic: list[bool]) -> None:
    words = as_words(values, dynamic)
    parsed = parse_argv(spec, words, root=ROOTS.get(spec.tool))
    for problem in parsed.problems:
        assert 0 <= problem.start <= problem.end
    for use in parsed.uses:
        assert use.word in words
        assert use.value_start <= use.value_end


@settings(max_examples=300, deadline=None)
@given(st.lists(FLAGISH, max_size=10), st.sampled_from(["docker", "kubectl", "sudo", "env"]))
def test_random_commands_resolve_without_raising(values: list[str], tool: str) -> None:
    resolve_and_parse(as_words([tool, *values]), SPECS)


VALUE = st.from_regex(r"[a-z0-9][a-z0-9:./]{0,8}", fullmatch=True)


def usable(spec: CommandSpec) -> list[FlagSpec]:
    return [f for f in spec.flags if f.deprecated is None and f.name != "help" and not f.short_deprecated]


@st.composite
def built_argv(draw: st.DrawFn, spec: CommandSpec) -> tuple[list[str], list[tuple[str, str]], list[str]]:
    """Render chosen flags in random pflag forms; return (argv, expected (name, value)s, positionals)."""
    argv: list[str] = []
    expected: list[tuple[str, str]] = []
    for flag in draw(st.lists(st.sampled_from(usable(spec)), max_size=8)):
        bare = flag.no_value is not None
        value = draw(st.sampled_from(["true", "false"]) if flag.is_bool else VALUE)
        forms = ["--f=v"] + ([] if bare else ["--f v"])
        if flag.short:
            forms += ["-f=v"] + (["-f"] if bare else ["-f v", "-fv"])
        if bare:
            forms.append("--f")
        form = draw(st.sampled_from(forms))
        if form in ("--f", "-f"):
            value = flag.no_value or ""
        long, short = f"--{flag.name}", f"-{flag.short}"
        argv += {
            "--f=v": [f"{long}={value}"], "--f v": [long, value], "--f": [long],
            "-f=v": [f"{short}={value}"], "-f v": [short, value], "-fv": [f"{short}{value}"], "-f": [short],
        }[form]  # fmt: skip
        expected.append((flag.canonical, value))
    positionals = draw(st.lists(VALUE.filter(lambda v: v not in ("true", "false")), min_size=1, max_size=3))
    return argv, expected, positionals


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_built_argv_parses_back(data: st.DataObject) -> None:
    spec = data.draw(st.sampled_from([s for s in COMMANDS if not s.is_root]))
    argv, expected, positionals = data.draw(built_argv(spec))
    parsed = parse_argv(spec, as_words(argv + positionals), root=ROOTS.get(spec.tool))
    assert [(u.canonical, u.value) for u in parsed.uses] == expected
    assert [w.value for w in parsed.positionals] == positionals
    assert [p.code for p in parsed.problems if p.code != "KX108"] == []


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_short_clusters_parse_back(data: st.DataObject) -> None:
    """-dit / -dp80:80: bare shorts then at most one value-taking short that eats the rest."""
    spec = data.draw(st.sampled_from([s for s in COMMANDS if not s.is_root]))
    shorts = [f for f in usable(spec) if f.short]
    bare = [f for f in shorts if f.no_value is not None]
    valued = [f for f in shorts if f.no_value is None]
    cluster = data.draw(st.lists(st.sampled_from(bare), max_size=4)) if bare else []
    tail = data.draw(st.none() | st.sampled_from(valued)) if valued else None
    if not cluster and tail is None:
        return
    value = data.draw(VALUE)
    text = "-" + "".join(f.short or "" for f in cluster) + (f"{tail.short}{value}" if tail else "")
    expected = [(f.canonical, f.no_value) for f in cluster] + ([(tail.canonical, value)] if tail else [])
    parsed = parse_argv(spec, as_words([text, "image"]), root=ROOTS.get(spec.tool))
    assert [(u.canonical, u.value) for u in parsed.uses] == expected
    assert [w.value for w in parsed.positionals] == ["image"]
