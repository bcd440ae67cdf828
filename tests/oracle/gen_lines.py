"""Line builders for the generator: every flag in every form, typos, combinations, resource forms.

Flag names, shorthands and types come from shared/reference/flags.json (the clients' own tables);
values come from gen_values. Every builder takes a `random.Random` so a seed gives the same set.
"""

from __future__ import annotations

import json
import random
import shlex
from collections.abc import Iterator
from pathlib import Path

from .gen_values import BOOL, MACHINE, values_for

FLAGS_JSON = Path("/work/shared/reference/flags.json")
_FALLBACK = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "flags.json"

# Where a flag of each command is tried: text before and after the flag words.
CONTEXTS: dict[str, list[tuple[list[str], list[str]]]] = {
    "docker run": [(["docker", "run"], ["nginx"]), (["docker", "run", "-d"], ["nginx:1.27", "sleep", "1"])],
    "docker": [(["docker"], ["run", "nginx"])],
    "kubectl run": [
        (["kubectl", "run", "web", "--image=nginx"], []),
        (["kubectl", "run"], ["web", "--image=nginx"]),
    ],
    "kubectl expose": [
        (["kubectl", "expose", "deployment", "nginx", "--port=80"], []),
        (["kubectl", "expose"], ["deploy/nginx", "--port=80"]),
    ],
    "kubectl": [
        (["kubectl", "run", "web", "--image=nginx"], []),
        (["kubectl"], ["run", "web", "--image=nginx"]),
        (["kubectl", "expose", "deployment", "nginx", "--port", "80"], []),
    ],
}
# A bool shorthand to put first in a cluster, per command.
CLUSTER_HEAD = {"docker run": "d", "kubectl run": "q", "kubectl expose": "R", "kubectl": "q", "docker": "D"}
# Flags whose bare value is not the one to test (their value sits after the flag in the context).
_SKIP_CONTEXT = {"kubectl run": {"image"}, "kubectl expose": {"port"}}


def load_flags() -> dict[str, list[dict[str, object]]]:
    """command -> flag rows from the reference tables."""
    path = FLAGS_JSON if FLAGS_JSON.exists() else _FALLBACK
    data = json.loads(path.read_text())
    names = {
        "docker run": "docker run",
        "docker (global)": "docker",
        "kubectl run": "kubectl run",
        "kubectl expose": "kubectl expose",
        "kubectl (global)": "kubectl",
    }
    return {short: data[long]["flags"] for long, short in names.items()}


def join(words: list[str]) -> str:
    """Shell-quote argv into one line."""
    return shlex.join(words)


def value_forms(name: str, short: str | None, value: str, head: str | None) -> list[list[str]]:
    """Every way to write a valued flag: long with = or separate, short attached, =, separate, cluster."""
    forms = [[f"--{name}={value}"], [f"--{name}", value]]
    if short:
        forms += [[f"-{short}", value], [f"-{short}={value}"]]
        if value:
            forms.append([f"-{short}{value}"])
            if head and head != short:
                forms.append([f"-{head}{short}{value}"])
    return forms


def bool_forms(name: str, short: str | None, suffix: str, head: str | None) -> list[list[str]]:
    """The ways to write a bool flag with `suffix` ("" or "=value")."""
    forms = [[f"--{name}{suffix}"]]
    if short:
        forms.append([f"-{short}{suffix}"])
        if head and head != short and not suffix:
            forms.append([f"-{head}{short}"])
    return forms


def _place(command: str, rng: random.Random, flag_words: list[str]) -> str:
    before, after = rng.choice(CONTEXTS[command])
    return join(before + flag_words + after)


def per_flag(flags: dict[str, list[dict[str, object]]], rng: random.Random) -> Iterator[str]:
    """Each flag with each of its values, in a random form; every form once with the first value."""
    for command, rows in flags.items():
        head = CLUSTER_HEAD.get(command)
        for row in rows:
            name, short, kind = str(row["name"]), row["shorthand"], str(row["type"])
            if name in MACHINE[command] or name == "help" or name in _SKIP_CONTEXT.get(command, ()):
                continue
            short = str(short) if short else None
            if kind == "bool":
                for suffix in BOOL:
                    forms = bool_forms(name, short, suffix, head)
                    for form in forms if suffix in ("", "=false") else [rng.choice(forms)]:
                        yield _place(command, rng, form)
                yield _place(command, rng, [f"--{name}", "false"])
                continue
            values = values_for(command, name, kind)
            for form in value_forms(name, short, values[0], head):
                yield _place(command, rng, form)
            for value in values[1:]:
                yield _place(command, rng, rng.choice(value_forms(name, short, value, head)))
            if command.startswith("kubectl") and "-" in name:
                yield _place(command, rng, [f"--{name.replace('-', '_')}={values[0]}"])


def _good(command: str, row: dict[str, object], rng: random.Random) -> list[str]:
    name, kind = str(row["name"]), str(row["type"])
    if kind == "bool":
        return [f"--{name}"]
    values = values_for(command, name, kind)
    value = values[0] if rng.random() < 0.75 else rng.choice(values)
    return [f"--{name}={value}"] if rng.random() < 0.5 else [f"--{name}", value]


def combos(flags: dict[str, list[dict[str, object]]], rng: random.Random, count: int) -> Iterator[str]:
    """Random combinations of 2-6 flags with mostly good values (cross-flag rules)."""
    for command in ("docker run", "kubectl run", "kubectl expose"):
        rows = [
            r
            for r in flags[command]
            if r["name"] not in MACHINE[command]
            and r["name"] != "help"
            and r["name"] not in _SKIP_CONTEXT.get(command, ())
        ]
        for _ in range(count):
            words: list[str] = []
            for row in rng.sample(rows, rng.randint(2, 6)):
                words += _good(command, row, rng)
            yield _place(command, rng, words)


def _typos(name: str, rng: random.Random) -> list[str]:
    out = {
        name[:-1],
        name + "s",
        name.replace("-", "_"),
        name.upper(),
        name.capitalize(),
        name.replace("-", ""),
    }
    if len(name) > 3:
        i = rng.randrange(len(name) - 1)
        out.add(name[:i] + name[i + 1] + name[i] + name[i + 2 :])
        out.add(name[:i] + name[i] + name[i:])
    out.discard(name)
    return sorted(o for o in out if o)


def typos(flags: dict[str, list[dict[str, object]]], rng: random.Random) -> Iterator[str]:
    """Misspelled flag names, single-dash long names and the other tool's flags."""
    for command in ("docker run", "kubectl run", "kubectl expose"):
        for row in flags[command]:
            name, kind = str(row["name"]), str(row["type"])
            value = [] if kind == "bool" else [values_for(command, name, kind)[0]]
            for typo in rng.sample(_typos(name, rng), min(2, len(_typos(name, rng)))):
                yield _place(command, rng, [f"--{typo}", *value])
            if rng.random() < 0.3:
                yield _place(command, rng, [f"-{name}", *value])
    other = {
        "docker run": [
            "--namespace=dev",
            "--image=nginx",
            "--labels=a=b",
            "--dry-run=client",
            "--port=80",
            "--replicas=2",
            "--overrides={}",
            "--env=A=1",
            "-n",
            "dev",
            "--expose=80",
            "--image-pull-policy=Always",
        ],
        "kubectl run": [
            "-p",
            "80:80",
            "--publish=80:80",
            "-e",
            "A=1",
            "-v",
            "/a:/b",
            "-d",
            "--name=x",
            "--env-file=x",
            "-p80",
            "--detach",
            "--label=a=b",
            "--replicas=3",
            "--generator=run-pod/v1",
            "--serviceaccount=x",
            "--requests=cpu=1",
            "--limits=cpu=1",
            "--hostport=80",
            "--schedule=x",
        ],
        "kubectl expose": [
            "--container-port=80",
            "--generator=service/v2",
            "-p",
            "80",
            "-i",
            "--cascade",
            "--image=nginx",
            "--target_port=80",
            "--external-ips=1.2.3.4",
            "--ports=80",
        ],
    }
    for command, words in other.items():
        i = 0
        while i < len(words):
            take = 2 if i + 1 < len(words) and not words[i + 1].startswith("-") else 1
            yield _place(command, rng, words[i : i + take])
            i += take
