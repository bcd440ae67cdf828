"""``kubectl expose`` resource arguments: ``TYPE NAME...``, ``TYPE/NAME...``, ``TYPE1,TYPE2 NAME``.

The resource builder's own checks (slashes, mixing forms, files plus arguments) run in the client
before any request. Whether TYPE exists is decided by server discovery; whether it can be exposed,
and a TYPE given without a NAME, by the client right after it. An object name that is not valid
for its kind cannot exist, so looking it up fails on the server.
"""

from __future__ import annotations

from kx.check.formats import kube_resources as kr
from kx.check.formats._names import is_dns1035_label, is_subdomain
from kx.check.formats.registry import register_format
from kx.core.findings import WHOLE, Finding
from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from kx.check.formats.registry import ValueContext

CODE = "KX206"
_EXPOSABLE = "pods, services, replicationcontrollers, deployments and replicasets"
_EMPTY_TYPE = "an empty resource type in the list"


def _types(arg: str) -> list[str]:
    """Split a TYPE list on commas, dropping repeats (keeps empty items, as kubectl does)."""
    return list(dict.fromkeys(arg.split(",")))


def type_problems(word: str) -> list[Finding]:
    """Problems with one TYPE of an expose argument."""
    if word == "":
        return [Finding(CODE, _EMPTY_TYPE)]
    if word in kr.CATEGORIES:
        return [Finding(CODE, f"{word!r} stands for several resource types; name one type to expose")]
    found = kr.resolve(word)
    if found is None:
        if word.partition(".")[2].startswith("extensions"):
            message = (f"{word!r}: the extensions API group no longer serves deployments or replicasets"
                       " (gone since Kubernetes 1.16); use the apps group")  # fmt: skip
            return [Finding(CODE, message, stage="server", suggestion=word.partition(".")[0])]
        if kr.may_be_custom(word):
            message = f"{word!r} is not a built-in type, and only {_EXPOSABLE} can be exposed"
            return [Finding(CODE, message, stage="server")]
        guess = kr.suggest(word)
        hint = f" (did you mean {guess!r}?)" if guess else ""
        extra = "; short names are case-sensitive" if guess and guess == word.lower() else ""
        message = f"the server has no resource type {word!r}{hint}{extra}"
        return [Finding(CODE, message, stage="server", suggestion=guess)]
    if not found.exposable:
        message = f"kubectl cannot expose a {found.group_kind}; only {_EXPOSABLE} can be exposed"
        return [Finding(CODE, message)]
    return []


def name_problems(word: str, type_word: str) -> list[Finding]:
    """Problems with the NAME of an object of type ``type_word``."""
    if word == "":
        return [Finding("KX207", "the object name is empty")]
    if word in (".", "..") or "%" in word:
        return [Finding("KX207", f"{word!r} cannot be used as an object name in a request")]
    found = kr.resolve(type_word)
    if found is None or not found.exposable:
        return []
    if found.plural in kr.LABEL_NAMED:
        if len(word) > 63 or not is_dns1035_label(word):
            return [_no_such(word, found.kind, "a lowercase RFC 1035 label (a-z, 0-9, '-', max 63)")]
    elif len(word) > 253 or not is_subdomain(word):
        return [_no_such(word, found.kind, "a lowercase RFC 1123 subdomain (a-z, 0-9, '-', '.')")]
    return []


def _no_such(word: str, kind: str, rule: str) -> Finding:
    message = f"no {kind} can be named {word!r} (names must be {rule}), so the lookup fails"
    return Finding("KX207", message, stage="server")


def _slash_syntax(word: str, type_at: int = 0, name_at: int = 0) -> list[tuple[int, Finding]]:
    """The client's own checks of one ``TYPE/NAME`` word (one slash, both sides, one TYPE)."""
    parts = word.split("/")
    if len(parts) != 2:
        return [(name_at, Finding(CODE, f"{word!r} has more than one '/'; use TYPE/NAME"))]
    type_word, name = parts
    if type_at != name_at and not type_word:
        return [(type_at, Finding(CODE, _EMPTY_TYPE))]
    if not type_word or not name or len(_types(type_word)) != 1:
        return [(name_at, Finding(CODE, f"{word!r} must be exactly one TYPE and one NAME around the '/'"))]
    return []


def _slash_problems(word: str, type_at: int = 0, name_at: int = 0) -> list[tuple[int, Finding]]:
    """The syntax of one ``TYPE/NAME`` word, then its TYPE and NAME (with word indices)."""
    syntax = _slash_syntax(word, type_at, name_at)
    if syntax:
        return syntax
    type_word, name = word.split("/")
    types, names = type_problems(type_word), name_problems(name, type_word)
    if type_at == name_at:  # one word: each finding points at its half (a fix of the TYPE keeps /NAME)
        cut = len(type_word)
        types = [_within(p, 0, cut) for p in types]
        names = [_within(p, cut + 1, len(word)) for p in names]
    return [(type_at, p) for p in types] + [(name_at, p) for p in names]


def _within(problem: Finding, start: int, end: int) -> Finding:
    """A whole-word finding narrowed to ``[start, end)`` of its word (offsets relative to the word)."""
    return problem.at(start, end) if problem.start == 0 and problem.end == WHOLE else problem


def check_resource_args(values: list[str], *, from_files: bool = False) -> list[tuple[int, Finding]]:
    """Check all resource positionals of ``kubectl expose`` together; problems by word index.

    ``from_files`` says -f/--filename (or -k) is also given. An empty ``values`` is left to the
    caller (the one-of rule for positionals, -f and -k). The client's own syntax checks come
    first; the TYPE and NAME checks need no server here but happen after discovery in kubectl.
    """
    if not from_files and values and "," not in values[0] and not any("/" in value for value in values):
        return _type_name_problems(values)  # the common TYPE NAME form: no syntax of its own to check
    syntax = resource_arg_syntax(values, from_files=from_files)
    if syntax or from_files or not values:
        return syntax
    pairs = _expanded(values)
    if all("/" in word for _, _, word in pairs):
        return _dedupe([found for t, n, word in pairs for found in _slash_problems(word, t, n)])
    return _type_name_problems(values)


def resource_arg_syntax(values: list[str], *, from_files: bool = False) -> list[tuple[int, Finding]]:
    """Only the resource builder's checks, which kubectl makes before contacting the server."""
    if not values:
        return []
    pairs = _expanded(values)
    slashed = [n for _, n, word in pairs if "/" in word]
    if slashed and len(slashed) != len(pairs):
        first = next(n for _, n, word in pairs if "/" not in word)
        msg = "do not give a separate TYPE when the arguments are in TYPE/NAME form"
        return [(first, Finding(CODE, msg))]
    found = [problem for t, n, word in pairs if "/" in word for problem in _slash_syntax(word, t, n)]
    if found or not from_files:
        return _dedupe(found)
    which = "TYPE/NAME" if slashed else "TYPE and NAME"
    return [(0, Finding(CODE, f"{which} arguments cannot be combined with -f/--filename or -k"))]


def _expanded(values: list[str]) -> list[tuple[int, int, str]]:
    """Apply kubectl's rewrite of ``T1,T2 N1 N2`` into ``T1/N1 T1/N2 T2/N1 T2/N2``.

    Each item is (index of the TYPE word, index of the NAME word, rewritten word).
    """
    types = _types(values[0])
    if len(values) < 2 or len(types) < 2:
        return [(i, i, word) for i, word in enumerate(values)]
    return [(0, j, f"{t}/{name}") for t in types for j, name in enumerate(values[1:], start=1)]


def _type_name_problems(values: list[str]) -> list[tuple[int, Finding]]:
    """``TYPE NAME...``: the TYPE, then each NAME."""
    found: list[tuple[int, Finding]] = [(0, p) for t in _types(values[0]) for p in type_problems(t)]
    if len(values) == 1:
        # kubectl looks the TYPEs up (discovery), then misses the NAME, and only then asks whether
        # they can be exposed: a TYPE it cannot resolve is the problem, else the missing NAME alone
        unresolved = [(i, p) for i, p in found if p.stage == "server" or p.message == _EMPTY_TYPE]
        if unresolved:
            return unresolved if "," in values[0] else [(i, _lone_word(p, values[0])) for i, p in unresolved]
        what = "lists resource types" if "," in values[0] else "is a resource type"
        return [(0, Finding(CODE, f"{values[0]!r} {what}; give the NAME of the object to expose"))]
    found += [(i, p) for i, name in enumerate(values[1:], start=1) for p in name_problems(name, values[0])]
    return found


def _lone_word(problem: Finding, word: str) -> Finding:
    """An unknown TYPE given alone with no guess for it: say that expose wants TYPE NAME too."""
    if problem.suggestion is not None or not problem.message.startswith("the server has no"):
        return problem
    message = f"{problem.message}; expose takes TYPE NAME or TYPE/NAME (e.g. 'deployment/{word}')"
    return Finding(problem.code, message, stage=problem.stage)


def _dedupe(found: list[tuple[int, Finding]]) -> list[tuple[int, Finding]]:
    """Drop repeats that the type-list expansion produces."""
    seen: set[tuple[int, str]] = set()
    out = []
    for index, problem in found:
        if (index, problem.message) not in seen:
            seen.add((index, problem.message))
            out.append((index, problem))
    return out


@register_format("resource-arg")
def check_resource_arg(value: str, ctx: ValueContext) -> list[Finding]:
    """One expose positional on its own: only a ``TYPE/NAME`` word can be judged alone.

    The full check (forms, mixing, a TYPE with no NAME) is ``check_resource_args``; use one or
    the other, not both.
    """
    return [p for _, p in _slash_problems(value)] if "/" in value else []
