from kx.catalog.loader import load_specs
from kx.engine.pipeline import to_diagnostics
from kx.extract.synopsis import check_synopsis, is_synopsis
from kx.parse.span import LineIndex

# The model case: the lines of the corrupted tutorial (written here, not read from ../shared).
DOCKER = "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]"
RUN = (
    "kubectl run [flags] [--image=IMAGE] [--image-pull-policy=PULL-POLICY] [--port=PORT] "
    "[--protocol=PROTOCOL] [NAME] [namespace]"
)
BOGUS = [
    "replicas", "docker-image", "docker-pull-secret", "dry-run-namespace",
    "dry-run-image", "dry-run-policy", "dry-run-unset", "resource-version", "resource",
    "field-select", "field-select-vars", "field-manager-alpha", "field-manager-alpha-select",
    "field-manager-alpha-select-vars", "field-manager-alpha-overrides",
    "field-manager-alpha-overrides-vars", "field-manager-alpha-overrides-merge",
    "field-manager-alpha-overrides-merge-strategy",
]  # fmt: skip
REPEATED = "field-manager-alpha-overrides-merge-strategy-vars"


def seed_expose() -> str:
    parts = ["kubectl expose [flags] [--select=label-selector] [--name=NAME] [--type=TYPE]"]
    parts += ["[--port=PORT] [--target-port=TARGET-PORT] [--protocol=PROTOCOL] [--dry-run=DRY-RUN]"]
    parts += ["[--namespace=NAMESPACE] [--overrides=OVERRIDES] [--record=RECORD]"]
    parts += ["[--field-manager=FIELD-MANAGER]"]
    parts += [f"[--{name}={name.upper()}]" for name in BOGUS]
    parts += [f"[--{REPEATED}={REPEATED.upper()}]"] * 108
    parts += [f"[--{REPEATED}=FIELD-MANAGER-ALPHA-OVERRID DES-VARS]"]
    parts += [f"[--{REPEATED}={REPEATED.upper()}]"]
    parts += [f"[--{REPEATED}=FIELD-MANAGER"]  # the text stops here, mid-bracket
    return " ".join(parts)


def diagnose(text: str) -> list[tuple[str, str, str | None, int]]:
    raws = check_synopsis(text, 0, len(text), load_specs())
    diags = to_diagnostics(raws, "t.md", LineIndex(text))
    return [(d.code, d.message.split(" ")[4].rstrip(","), d.suggestion, d.count) for d in diags]


def test_recognised() -> None:
    assert is_synopsis(DOCKER, 0, len(DOCKER))
    assert is_synopsis(RUN, 0, len(RUN))
    expose = seed_expose()
    assert is_synopsis(expose, 0, len(expose))
    plain = "docker run -d -p 80:80 my-nginx-image"
    assert not is_synopsis(plain, 0, len(plain))


def test_docker_synopsis_is_clean() -> None:
    assert check_synopsis(DOCKER, 0, len(DOCKER), load_specs()) == []


def test_kubectl_run_synopsis_names_protocol() -> None:
    assert diagnose(RUN) == [("KX601", "--protocol", None, 1)]


def test_seed_expose_synopsis() -> None:
    text = seed_expose()
    found = diagnose(text)
    flags = [(m, s, c) for code, m, s, c in found if code == "KX601"]
    assert flags == [
        ("--select", "--selector", 1),
        *[(f"--{n}", None, 1) for n in BOGUS],
        (f"--{REPEATED}", None, 111),
    ]
    assert [code for code, *_ in found if code == "KX602"] == ["KX602"]
    unclosed = check_synopsis(text, 0, len(text), load_specs())[-1]
    assert unclosed[0] == "KX602" and text[unclosed[2]] == "[" and unclosed[3] == len(text)


def test_malformed_notation() -> None:
    cut = "kubectl expose [--port=PORT] [--target-po"
    raws = check_synopsis(cut, 0, len(cut), load_specs())
    assert [(r[0], r[1]) for r in raws] == [("KX602", "the synopsis is cut off in the middle of --target-po")]
    stray = "kubectl expose [--port=PORT]] (-f FILE | TYPE NAME)"
    raws = check_synopsis(stray, 0, len(stray), load_specs())
    assert [(r[0], r[1]) for r in raws] == [("KX602", "']' closes nothing")]
    assert check_synopsis(stray + " [--bogus", 0, len(stray) + 9, load_specs())[-1][0] == "KX602"


def test_short_flags_and_globals() -> None:
    line = "kubectl expose (-f FILENAME | TYPE NAME) [-n NS] [-x] [--context=CTX] [--port=port]"
    assert [(r[0], line[r[2] : r[3]]) for r in check_synopsis(line, 0, len(line), load_specs())] == [
        ("KX601", "-x")
    ]
