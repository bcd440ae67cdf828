"""Certain fixes: edits of the source text that make a finding go away, checked by checking again.

A fix is offered only when it is certain: one candidate (the finding's suggestion, or the one
place a flag after the image belongs), the edit maps exactly onto the source bytes (a word whose
source text is its value, or one quoted tail), and the command with the edit applied, checked
again, no longer has that finding and has no finding of a code it did not have before.
Respellings keep the command's meaning and are SAFE; fixes that change what runs are UNSAFE.
"""

from __future__ import annotations

from kx.check.environment import STAGE as ENVIRONMENT
from kx.core.codes import CODES
from kx.core.diagnostics import SAFE, UNSAFE, Edit, Fix
from kx.core.typecheck import TYPE_CHECKING
from kx.parse.span import Word
from kx.parse.unknown import offers_others

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from kx.catalog.loader import SpecSet
    from kx.core.findings import Finding

    Fixes = dict[tuple[str, int, int], Fix]
    Recheck = Callable[[list[Word]], list[Finding]]

# Text that needs no quoting anywhere kx finds commands (shell, YAML plain scalars, Markdown).
PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=.,:/@%+^")
SAME_MEANING = ("KX501", "KX502")  # a deprecated spelling and its replacement mean the same
# A removed flag's stand-in; a flag moved from the program to docker; another context (cluster);
# a built-in subcommand for what may be a plugin's name.
NEW_MEANING = ("KX106", "KX108", "KX211", "KX302")
Candidate = tuple[Fix, list[Word]]
MAX_PASSES = 10  # two fixes that insert at one place take two passes; a fix never undoes another


def apply_fixes(text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """Apply each fix whose edits clash with no fix taken before it; the new text and how many."""
    taken: list[tuple[int, int]] = []
    edits: list[Edit] = []
    applied = 0
    for fix in sorted(fixes, key=lambda found: found.edits[0][:2]):
        spans = [(edit[0], edit[1]) for edit in fix.edits]
        if any(_clash(one, other) for one in spans for other in taken):
            continue
        taken.extend(spans)
        edits.extend(fix.edits)
        applied += 1
    pieces, at = [], 0
    for start, end, content, *_ in sorted(edits, key=lambda edit: (edit[0], edit[1])):
        pieces += [text[at:start], content]
        at = end
    pieces.append(text[at:])
    return "".join(pieces), applied


def _clash(one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether two edits' spans overlap, or both insert (or start) at one place."""
    if one[0] == other[0]:
        return True
    if max(one[0], other[0]) < min(one[1], other[1]):
        return True
    return (one[0] == one[1] and other[0] < one[0] < other[1]) or (
        other[0] == other[1] and one[0] < other[0] < one[1]
    )


def fixes_for(words: list[Word], found: list[Finding], text: str, specs: SpecSet, recheck: Recheck) -> Fixes:
    """The certain fixes of one command's findings, by (code, start, end) of the finding.

    ``recheck`` finds the findings of the command given as words (the engine's check).
    """
    fixes: Fixes = {}
    for finding in found:
        code, message, start, end, suggestion = finding[:5]
        candidate: Candidate | None = None
        if code == "KX108":
            candidate = moved(words, finding, text, specs)
        elif code == "KX106" and suggestion is None:  # no rename: maybe a kubectl run --overrides form
            from kx.engine.fix_overrides import overrides

            candidate = overrides(words, finding, text)
        elif suggestion is not None and not offers_others(message, suggestion):
            candidate = replaced(words, finding, text)  # one candidate: "--cpus or --cpu-count" is none
        if candidate is not None and passes(recheck(candidate[1]), code, found):
            fixes[(code, start, end)] = candidate[0]
    return fixes


def passes(after: list[Finding], code: str, found: list[Finding]) -> bool:
    """Whether the fixed command has one finding of ``code`` fewer and no finding of a new code.

    What only this machine says (a file named in the fixed command is missing here) is no
    reason to withhold a fix: ``--env_file .env`` is ``--env-file .env`` wherever it runs.
    """
    before = {finding[0] for finding in found}
    if any(finding[0] not in before and finding[6] != ENVIRONMENT for finding in after):  # 6: stage
        return False
    return sum(f[0] == code for f in after) < sum(f[0] == code for f in found)


def word_at(words: list[Word], start: int, end: int) -> int | None:
    """The index of the word whose span holds ``[start, end)``, or None."""
    for index, word in enumerate(words):
        if word.start <= start and end <= word.end:
            return index
    return None


def replaced(words: list[Word], finding: Finding, text: str) -> Candidate | None:
    """The suggestion in place of the finding's span, when the span is plain source text."""
    code, _message, start, end, suggestion = finding[:5]
    at = word_at(words, start, end)
    if at is None or suggestion is None:
        return None
    word = words[at]
    if word.value.startswith("-") and not suggestion.startswith("-") and start == word.start:
        if not word.literal or "=" not in word.value:
            return None
        start += word.value.index("=") + 1  # a value's finding on the whole --flag=value word
    source, offset = text[start:end], start - word.start
    if word.literal or end - word.start <= word.plain:
        original, content = word.value[offset : offset + end - start], suggestion
        if source != original or not plain(suggestion):
            return None
        if word.dynamic and offset + len(source) > word.dyn_at:
            return None
        value = word.value[:offset] + suggestion + word.value[offset + len(source) :]
    else:  # --restart="unles-stopped": the quoted tail of the word, quotes kept
        quote, original = source[:1], source[1:-1]
        if end != word.end or quote not in ("'", '"') or source[-1:] != quote or len(source) < 2:
            return None
        if word.dynamic or any(c in original + suggestion for c in "'\"\\$`!\n"):
            return None
        if not word.value.endswith(original):
            return None
        content = quote + suggestion + quote
        value = word.value[: len(word.value) - len(original)] + suggestion
    if original == suggestion or value.startswith("-") != word.value.startswith("-"):
        return None  # a flag must stay a flag, a value a value
    rejected = (finding[5] or CODES[code][1]) == "error"
    fix = Fix(applicability(code, original, suggestion, rejected), f"replace {original} with {suggestion}",
              (Edit(start, end, content),))  # fmt: skip
    delta = len(content) - len(source)
    grown = len(suggestion) - len(original)  # in the value; ``delta`` is in the source
    plain_part = word.plain + grown if word.plain > offset else word.plain
    new = Word(value, word.start, word.end + delta, word.dynamic, word.literal,
               word.dyn_at + grown if word.dynamic else 0, plain_part)
    return fix, [*words[:at], new, *(shifted(w, delta) for w in words[at + 1 :])]  # fmt: skip


def shifted(word: Word, delta: int) -> Word:
    """The same word, ``delta`` characters further on."""
    return Word(word.value, word.start + delta, word.end + delta, word.dynamic, word.literal, word.dyn_at,
                word.plain)  # fmt: skip


def plain(text: str) -> bool:
    """Whether ``text`` stands for itself unquoted."""
    return bool(text) and all(char in PLAIN for char in text) and text[0] != "="


def applicability(code: str, original: str, suggestion: str, rejected: bool = True) -> str:
    """SAFE for a respelling (case, a typo's edits, a deprecated alias), UNSAFE for a new value.

    ``rejected``: the command fails as written (an error); a warning's command runs, so any
    change to it changes what runs.
    """
    from kx.parse.suggest import allowed_distance, distance

    if code in SAME_MEANING:
        return SAFE
    if not rejected or code in NEW_MEANING or _digits(original) != _digits(suggestion):
        return UNSAFE  # 1m -> 6m is one edit, and a new limit
    if original.lower() == suggestion.lower():
        return SAFE
    limit = allowed_distance(original)
    return SAFE if distance(original, suggestion, limit) <= limit else UNSAFE


def _digits(text: str) -> str:
    return "".join(char for char in text if char.isdigit())


def moved(words: list[Word], finding: Finding, text: str, specs: SpecSet) -> Candidate | None:
    """``docker run nginx -p 80:80``: the flag (and its value) moved before the image."""
    from kx.parse.resolve import resolve_and_parse

    first = next((i for i, word in enumerate(words) if word.start == finding[2]), None)
    resolved = resolve_and_parse(words, specs)
    if first is None or first == 0 or resolved is None or resolved[1] is None or not resolved[1].positionals:
        return None
    parsed = resolved[1]
    image = next((i for i, word in enumerate(words) if word.start == parsed.positionals[0].start), None)
    taken = arity(parsed.spec, words[first].value)
    if image is None or taken is None or first + taken >= len(words) or image >= first:
        return None
    last = first + taken
    flag = text[words[first].start : words[last].end]
    gap = text[words[first - 1].end : words[first].start]
    if "\n" in flag or gap.strip(" \t") or not gap:
        return None  # a continued line or something between the words: no exact place to cut
    at = words[image].start
    edits = (Edit(at, at, flag + " "), Edit(words[first - 1].end, words[last].end, ""))
    message = f"move {words[first].value.split('=')[0]} before {words[image].value}"
    order = [*words[:image], *words[first : last + 1], *words[image:first], *words[last + 1 :]]
    return Fix(UNSAFE, message, edits), order


def arity(spec: object, flag: str) -> int | None:
    """How many words after ``flag`` are its value (0 or 1), None when ``spec`` has no such flag."""
    from kx.catalog.model import CommandSpec

    if not isinstance(spec, CommandSpec) or len(flag) < 2 or flag[0] != "-":
        return None
    if flag.startswith("--"):
        name, eq, _value = flag[2:].partition("=")
        found = spec.flag(name)
        return None if found is None else 0 if eq or found.is_bool else 1
    if len(flag) > 2:
        return 0 if all((f := spec.by_short.get(c)) is not None and f.is_bool for c in flag[1:]) else None
    found = spec.by_short.get(flag[1])
    return None if found is None else 0 if found.is_bool else 1
