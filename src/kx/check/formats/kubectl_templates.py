"""Cheap, sure syntax checks of the Go templates kubectl prints with (-o go-template=...).

Not a full parser: it flags only errors that Go's text/template certainly reports, so a valid
template is never rejected (JSONPath templates are checked in kubectl_jsonpath). Caught: unclosed
actions and comments, empty actions, stray parentheses, if/range/with/define/block without a
matching end (or end/else/break/continue out of place), unknown functions and never-declared
variables.
"""

from __future__ import annotations

import re

_OPENERS = frozenset({"if", "range", "with", "define", "block"})
_SPACE = " \t\r\n"
_KEYWORDS = frozenset({"if", "else", "end", "range", "with", "define", "block", "template", "break",
                       "continue", "nil", "true", "false"})  # fmt: skip
# text/template's built-in functions plus the two kubectl's go-template printer adds.
_FUNCS = frozenset({"and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf",
                    "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne",
                    "exists", "base64decode"})  # fmt: skip
# Printable characters Go's template lexer hands to the parser as lone characters, which no
# command or operand accepts (outside quotes).
_STRAY = frozenset("@#!;[]{}\\~?&*<>%^")
_WORD = re.compile(r"[$.]?[A-Za-z_][A-Za-z0-9_]*")
_DECLARE = re.compile(r"\$([A-Za-z0-9_]+)\s*(?:,\s*\$([A-Za-z0-9_]+)\s*)?:=")


def _action_end(text: str, i: int) -> int:
    """Index of the ``}}`` closing the action whose body starts at ``i``, or -1."""
    while i < len(text):
        c = text[i]
        if text.startswith("}}", i):
            return i
        if c in "\"'":
            i = _skip_quoted(text, i, c)
        elif c == "`":
            close = text.find("`", i + 1)
            if close < 0:
                return -1
            i = close + 1
        else:
            i += 1
    return -1


def _skip_quoted(text: str, i: int, quote: str) -> int:
    """Index just past a quoted string or char constant starting at ``i`` (escapes honoured)."""
    i += 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i + 1


def _body(text: str, start: int, end: int) -> str:
    """An action's text without its trim markers (``{{- `` and `` -}}``)."""
    body = text[start:end]
    if body.startswith("-") and body[1:2] in tuple(_SPACE):
        body = body[1:]
    if body.endswith("-") and body[-2:-1] in tuple(_SPACE):
        body = body[:-1]
    return body


def _paren_problem(body: str) -> str | None:
    """Unbalanced parentheses or a character no action accepts, outside quoted strings."""
    depth = 0
    i = 0
    while i < len(body):
        c = body[i]
        if c in "\"'`":
            if c != "`":
                i = _skip_quoted(body, i, c)
                continue
            close = body.find("`", i + 1)
            if close < 0:
                return None
            i = close + 1
            continue
        if c in _STRAY:
            hint = " (Go templates index with `index .x 0`, not [...])" if c in "[]" else ""
            return f"{c!r} cannot appear in an action{hint}"
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth < 0:
            return "a ')' has no matching '('"
        i += 1
    return "a '(' is not closed" if depth else None


def _keyword(body: str) -> str:
    """The identifier an action starts with (``if`` in ``if(.x)``), or ''."""
    found = re.match(r"[A-Za-z_][A-Za-z0-9_]*", body)
    return found.group() if found else ""


def go_template_problem(text: str) -> str | None:
    """The first certain syntax error in a Go text/template, in kx's words, or None."""
    stack: list[str] = []
    declared = {""}
    i = text.find("{{")
    while i >= 0:
        start = i + 2
        if text.startswith("-", start) and text[start + 1 : start + 2] in tuple(_SPACE):
            start += 2
        if text.startswith("/*", start):
            close = text.find("*/", start + 2)
            if close < 0:
                return "a {{/* comment */}} is not closed"
            after = text[close + 2 :]
            if not (after.startswith("}}") or (after[:1] in tuple(_SPACE) and after[1:].startswith("-}}"))):
                return "a comment must be followed directly by '}}'"
            i = text.find("{{", text.find("}}", close + 2) + 2)
            continue
        end = _action_end(text, start)
        if end < 0:
            return "an action opened with '{{' is never closed with '}}'"
        body = _body(text, i + 2, end).strip(_SPACE)
        problem = _action_problem(body, stack) or _names_problem(body, declared)
        if problem:
            return problem
        i = text.find("{{", end + 2)
    if stack:
        return f"{{{{{stack[-1]}}}}} has no matching {{{{end}}}}"
    return None


def _names_problem(body: str, declared: set[str]) -> str | None:
    """Functions that are not defined and variables never declared (both fail at parse time).

    Lenient about scope: a variable declared anywhere earlier counts as declared.
    """
    for match in _DECLARE.finditer(body):
        declared.update(name for name in match.groups() if name)
    for word, before in _words(body):
        if word.startswith("$") and word[1:] not in declared:
            return f"the variable {word} is not declared before it is used"
        called = word[0] not in "$." and before not in "$._" and not before.isalnum()
        if called and word not in _KEYWORDS and word not in _FUNCS:
            return f"{word!r} is not a function kubectl's templates know"
    return None


def _words(body: str) -> list[tuple[str, str]]:
    """Identifier-like tokens outside quotes, each with the character just before it."""
    found = []
    i = 0
    while i < len(body):
        c = body[i]
        if c in "\"'":
            i = _skip_quoted(body, i, c)
            continue
        if c == "`":
            close = body.find("`", i + 1)
            i = len(body) if close < 0 else close + 1
            continue
        match = _WORD.match(body, i)
        if match is None or (c == "." and i > 0 and body[i - 1].isalnum()):
            i += 1
            continue
        found.append((match.group(), body[i - 1] if i else " "))
        i = match.end()
    return found


def _action_problem(body: str, stack: list[str]) -> str | None:
    """Check one action body against the open control structures (updated in place)."""
    if not body:
        return "an action {{ }} is empty"
    word = _keyword(body)
    if word in _OPENERS:
        stack.append(word)
    elif word == "end":
        if not stack:
            return "{{end}} has nothing to close"
        stack.pop()
    elif word == "else" and (not stack or stack[-1] not in ("if", "range", "with")):
        return "{{else}} is outside {{if}}, {{range}} or {{with}}"
    elif word in ("break", "continue") and "range" not in stack:
        return f"{{{{{word}}}}} is outside {{{{range}}}}"
    return _paren_problem(body)
