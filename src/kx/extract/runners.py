"""Task runners outside YAML: Justfile recipes, Jenkinsfile ``sh`` steps, ``package.json`` scripts.

Each script is handed on as a same-length shadow of the file text: what the runner substitutes
first (``{{ }}`` in just, Groovy's ``${...}`` and ``$name`` in GStrings) is hidden, escapes the
runner removes leave ``templating.DROPPED`` behind, so positions are those of the file.
"""

from __future__ import annotations

import re

from kx.core.typecheck import TYPE_CHECKING
from kx.extract import templating as tpl
from kx.extract.snippets import Snippets

if TYPE_CHECKING:
    from collections.abc import Callable

_RECIPE = re.compile(r"^@?[A-Za-z_][\w-]*(?:[ \t][^\n:]*)?:(?![=:])[^\n]*\n", re.M)
_BODY_PREFIX = re.compile(r"[ \t]+[@-]*")
# `set windows-shell` only applies on Windows: the recipes still run with sh elsewhere
_SHELL_SETTING = re.compile(r"^set[ \t]+shell[ \t]*:=[^\n]*(?:pwsh|powershell|cmd)", re.M | re.I)
_POSIX_SHEBANG = re.compile(r"#!.*\b(?:ba|z|k|da)?sh\b")
_JUST_INTERPOLATION = re.compile(r"\{\{(?!\{).*?\}\}", re.S)


def extract_justfile(text: str, snippets: Snippets | None = None) -> Snippets:
    """Invocations in Justfile recipe bodies (``@``/``-`` prefixes and ``{{ }}`` handled)."""
    snippets = snippets or Snippets()
    if ("docker" not in text and "kubectl" not in text) or _SHELL_SETTING.search(text):
        return snippets
    for match in _RECIPE.finditer(text):
        start = match.end()
        end = _body_end(text, start)
        body = text[start:end]
        if body.lstrip().startswith("#!") and not _POSIX_SHEBANG.match(body.lstrip()):
            continue  # a script in another language
        shadow = tpl.hide(_blank_prefixes(body), _JUST_INTERPOLATION)
        tpl.add(snippets, shadow, start, text)
    return snippets


def _blank_prefixes(body: str) -> str:
    """Blank each recipe line's indentation and ``@``/``-`` prefix (not on continuation lines)."""
    out: list[str] = []
    continued = body.lstrip().startswith("#!")  # a script: no prefixes at all
    for line in body.split("\n"):
        prefix = _BODY_PREFIX.match(line)
        if prefix is not None and not continued:
            line = " " * prefix.end() + line[prefix.end() :]
        out.append(line)
        continued = continued if body.lstrip().startswith("#!") else line.endswith("\\")
    return "\n".join(out)


def _body_end(text: str, pos: int) -> int:
    """Where a recipe body ends: the first non-empty line that is not indented."""
    length = len(text)
    while pos < length:
        newline = text.find("\n", pos)
        stop = length if newline < 0 else newline
        line = text[pos:stop]
        if line.strip() and line[0] not in " \t":
            return max(pos - 1, 0)
        pos = stop + 1
    return length


# --- Jenkinsfile ------------------------------------------------------------------------------

_SH_STEP = re.compile(r"(?<![\w$.])sh\b[ \t]*\(?\s*")
_SCRIPT_ARG = re.compile(r"\bscript\s*:\s*")
_GROOVY_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|\n|.)", re.S)
_GROOVY_SIMPLE = {"n": "\n", "t": "\t", "b": " ", "f": " ", "r": " ", "s": " "}
_GSTRING_NAME = re.compile(r"\$[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*")


def extract_jenkinsfile(text: str, snippets: Snippets | None = None) -> Snippets:
    """Invocations in ``sh '...'``, ``sh "..."``, ``sh '''...'''`` and ``sh(script: ...)`` steps."""
    snippets = snippets or Snippets()
    if "docker" not in text and "kubectl" not in text:
        return snippets
    for match in _SH_STEP.finditer(text):
        if _in_comment(text, match.start()):
            continue
        at = match.end()
        if text[at : at + 1] not in ("'", '"'):
            window = text[at : at + 400]
            stop = window.find(")") if "(" in match.group() else window.find("\n")
            arg = _SCRIPT_ARG.search(window, 0, stop if stop >= 0 else len(window))
            if arg is None:
                continue
            at += arg.end()
        literal = groovy_string(text, at)
        if literal is not None:
            _add_groovy(text, *literal, snippets)
    return snippets


def _in_comment(text: str, pos: int) -> bool:
    """Whether ``pos`` is after ``//`` on its line or inside ``/* ... */`` (strings not considered)."""
    line_start = text.rfind("\n", 0, pos) + 1
    if "//" in text[line_start:pos] and "://" not in text[line_start:pos]:
        return True
    opening = text.rfind("/*", 0, pos)
    return opening >= 0 and text.find("*/", opening, pos) < 0


def groovy_string(text: str, at: int) -> tuple[int, int, bool, bool] | None:
    """(content start, content end, interpolated, concatenated) of the literal at ``at``."""
    quote = text[at : at + 3] if text[at : at + 3] in ("'''", '"""') else text[at : at + 1]
    if quote not in ("'", '"', "'''", '"""'):
        return None
    pos, start = at + len(quote), at + len(quote)
    while pos < len(text):
        char = text[pos]
        if char == "\\":
            pos += 2
        elif text.startswith(quote, pos):
            after = text[pos + len(quote) :].lstrip(" \t")
            return start, pos, quote[0] == '"', after.startswith("+")
        elif char == "\n" and len(quote) == 1:
            return None
        elif char == "$" and quote[0] == '"' and text.startswith("{", pos + 1):
            pos = _brace_end(text, pos + 1)
        else:
            pos += 1
    return None


def _brace_end(text: str, pos: int) -> int:
    depth = 0
    for index in range(pos, min(len(text), pos + 2000)):
        depth += {"{": 1, "}": -1}.get(text[index], 0)
        if depth == 0:
            return index + 1
    return len(text)


def _add_groovy(
    text: str, start: int, end: int, interpolated: bool, concatenated: bool, snippets: Snippets
) -> None:
    source = text[start:end]
    if "docker" not in source and "kubectl" not in source:
        return
    parts: list[str] = []
    pos = 0
    while pos < len(source):
        char = source[pos]
        if char == "\\":
            escape = _GROOVY_ESCAPE.match(source, pos)
            code = escape.group(1) if escape else ""
            if code == "\n":
                parts.append("  ")  # a line continuation Groovy removes
            elif code.startswith("u") and len(code) == 5:
                parts.append(tpl.DROPPED * 5 + chr(int(code[1:], 16)))
            else:
                parts.append(tpl.DROPPED + _GROOVY_SIMPLE.get(code, code))
            pos += 1 + len(code)
        elif char == "$" and interpolated and pos + 1 < len(source):
            stop = _interpolation_end(source, pos)
            parts.append((tpl.HIDDEN if stop > pos + 1 else "$") * (stop - pos))
            pos = stop
        else:
            parts.append(char)
            pos += 1
    # concatenated: the string goes on in Groovy code, the command's end is unknown
    tpl.add(snippets, "".join(parts), start, text, unknown_tail=concatenated)


def _interpolation_end(source: str, pos: int) -> int:
    if source.startswith("{", pos + 1):
        return _brace_end(source, pos + 1)
    name = _GSTRING_NAME.match(source, pos)
    return name.end() if name else pos + 1


# --- package.json -----------------------------------------------------------------------------

_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[{}\[\]:,]')
_JSON_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|.)")
_JSON_SIMPLE = {"n": "\n", "t": "\t", "b": " ", "f": " ", "r": " "}


def extract_package_json(text: str, snippets: Snippets | None = None) -> Snippets:
    """Invocations in the top-level ``scripts`` of a package.json (npm runs them with sh)."""
    snippets = snippets or Snippets()
    if "docker" not in text and "kubectl" not in text:
        return snippets
    tokens = [(m.group(), m.start()) for m in _JSON_TOKEN.finditer(text)]
    depth, inside, expect_value = 0, False, False
    for index, (token, at) in enumerate(tokens):
        if token in "{[":
            depth += 1
            inside = inside or (depth == 2 and index >= 2 and tokens[index - 2][0] == '"scripts"')
        elif token in "}]":
            depth -= 1
            inside = inside and depth >= 2
        elif token == ":":
            expect_value = inside and depth == 2
        elif token.startswith('"') and expect_value:
            expect_value = False
            _add_json_string(text, at, at + len(token), snippets)
    return snippets


def _add_json_string(text: str, start: int, end: int, snippets: Snippets) -> None:
    source = text[start + 1 : end - 1]
    if "docker" not in source and "kubectl" not in source:
        return
    shadow = _JSON_ESCAPE.sub(_json_escape, source)
    tpl.add(snippets, shadow, start + 1, text)


def _json_escape(match: re.Match[str]) -> str:
    code = match.group(1)
    if len(code) == 5:
        return tpl.DROPPED * 5 + chr(int(code[1:], 16))
    return tpl.DROPPED + _JSON_SIMPLE.get(code, code)


EXTRACTORS: dict[str, Callable[[str], Snippets]] = {
    "justfile": extract_justfile,
    "jenkinsfile": extract_jenkinsfile,
    "packagejson": extract_package_json,
}
