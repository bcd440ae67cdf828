r"""PowerShell (``.ps1`` files, powershell/pwsh fences) and cmd statements that run docker/kubectl.

PowerShell is not bash, so its text is first rewritten, character for character, into a bash
*shadow* that means the same to kx: a backtick escapes (`` ` `` at a line end continues it),
``'...'`` is literal, ``"..."`` expands ``$var``/``$env:VAR``/``$(...)`` (unknown) and takes no
backslash escapes, ``<# #>`` and ``#`` are comments, ``@args`` splats (unknown). Only the
statements that start with docker/kubectl are kept (so ``foreach (...) {`` never reaches the
bash lexer); inside them a ``(...)`` or ``{...}`` expression is one unknown value.
cmd gets ``%VAR%`` (unknown), ``^`` escapes and ``rem``/``::`` comments.
"""

from __future__ import annotations

import re

from kx.core.typecheck import TYPE_CHECKING
from kx.extract.snippets import Snippets
from kx.parse.span import Word

if TYPE_CHECKING:
    from collections.abc import Callable

_TOKEN = re.compile(
    r"'[^']*'"
    r"|\"(?:\"\"|[^\"`]|`[\s\S])*\""
    r"|<#[\s\S]*?#>"
    r"|(?<![^\s;|&(){}])#[^\n]*"
    r"|`[\s\S]"
    r"|(?<![\w$@])@(?=[\w({])"
    r"|\\(?!\r?\n)"
)
_IN_STRING = re.compile(r"`([\s\S])|\\(?=[\"\\$`])")
_START = re.compile(
    r"(?:^|([;|{(&])|\$[\w:]+[ \t]*\+?=)[ \t]*(?:[&.][ \t]+|(?:do|then|else)[ \t]+)?"
    r"((?:[\w.:~\\/-]*[\\/])?(?:docker|kubectl)(?:\.exe)?)(?=[ \t]|$)",
    re.M,
)
_ENDS = frozenset("\n;|&)}")
_NESTED = 64  # commands nested in others' expressions that are read, per snippet
_REACH = 8192  # how far a string or bracket group is followed: an unclosed one costs no more
_DRIVE = re.compile(r"(?<![\w])[A-Za-z]:[\\/]")
_CMD_VAR = re.compile(r"%[A-Za-z_][\w]*(?::[^%\n]*)?%|%%?~?[A-Za-z0-9]+")
_CMD_COMMENT = re.compile(r"^[ \t]*(?:@?rem\b|::)[^\n]*", re.M | re.I)


def extract_powershell(text: str, snippets: Snippets | None = None) -> Snippets:
    """Invocations in a PowerShell script."""
    snippets = snippets or Snippets()
    if "docker" in text or "kubectl" in text:
        add_powershell(text.replace("`\r\n", " `\n").replace("\r", " "), 0, snippets)
    return snippets


def add_powershell(
    source: str, base: int, snippets: Snippets, mark: Callable[[Word], Word] | None = None
) -> None:
    """Add the docker/kubectl statements of PowerShell ``source`` (at offset ``base``)."""
    shadow = _TOKEN.sub(_rewrite, source)
    kept = [" " if char != "\n" else char for char in shadow]
    outer = nested = 0
    for match in _START.finditer(shadow):
        begin = match.start(2)
        inside = begin < outer  # a word of a statement already taken, or a command nested in it
        if inside and (match.group(1) not in ("(", "{") or nested >= _NESTED):
            continue
        end, statement = _statement(shadow, begin)
        if inside:
            nested += 1
            add_quietly("".join(statement), base + begin, snippets, mark)
            continue
        kept[begin:end] = statement
        if end < len(shadow) and shadow[end] != "\n":
            kept[end] = ";"  # the statement ends here, whatever ended it
        outer = end
    add_quietly("".join(kept), base, snippets, mark)


def add_cmd(source: str, base: int, snippets: Snippets, mark: Callable[[Word], Word] | None = None) -> None:
    """Add the docker/kubectl commands of a cmd (batch) snippet."""
    shadow = _CMD_COMMENT.sub(lambda m: " " * len(m.group()), source)
    shadow = _CMD_VAR.sub(lambda m: "$" + "_" * (len(m.group()) - 1), shadow)
    shadow = re.sub(r"[\^()]", lambda m: "\\" if m.group() == "^" else " ", shadow)
    add_quietly(shadow, base, snippets, mark)


def add_quietly(
    shadow: str, base: int, snippets: Snippets, mark: Callable[[Word], Word] | None = None
) -> None:
    """Add the invocations only: the bash lexer's complaints do not apply to these languages."""
    found = Snippets()
    found.add(shadow, base, mark=mark)
    snippets.invocations.extend([_windows_path(word) for word in words] for words in found.invocations)


def _windows_path(word: Word) -> Word:
    """A word holding a drive path (``C:/src``) is unknown from the drive letter on.

    kx checks mounts and paths as a Linux daemon reads them; this command is written for Windows.
    """
    drive = _DRIVE.search(word.value) if ":" in word.value else None
    if drive is None or (word.dynamic and word.dyn_at <= drive.start()):
        return word
    return Word(word.value, word.start, word.end, True, word.literal, drive.start())


def _rewrite(match: re.Match[str]) -> str:
    token = match.group()
    first = token[0]
    if first == "'":
        return token
    if first == '"':
        return _IN_STRING.sub(lambda m: "\\" + m.group(1) if m.group(1) is not None else "/", token)
    if first == "`":
        return "\\" + token[1]
    if first == "@":
        return "$"
    if first == "\\":
        return "/"  # literal in PowerShell; a bash-style continuation (before a newline) stays one
    return re.sub(r"[^\n]", " ", token)  # a comment


def _statement(shadow: str, begin: int) -> tuple[int, list[str]]:
    """End of the statement starting at ``begin``, and its text with expressions made unknown."""
    out: list[str] = []
    pos = begin
    length = len(shadow)
    while pos < length:
        char = shadow[pos]
        if char in _ENDS:
            break
        if char == "\\" and pos + 1 < length:
            out.append(shadow[pos : pos + 2])
            pos += 2
            continue
        if char in "'\"":
            stop = _quote_end(shadow, pos)
            out.append(shadow[pos:stop])
            pos = stop
            continue
        if char in "({":
            stop = _group_end(shadow, pos)
            dollar = bool(out) and out[-1].endswith("$")
            out.append(("_" if dollar else "$") + "_" * (stop - pos - 1))
            pos = stop
            continue
        out.append(char)
        pos += 1
    return pos, list("".join(out))


def _quote_end(shadow: str, pos: int) -> int:
    """Offset just past the quoted string that opens at ``pos`` (or where the search gives up)."""
    quote = shadow[pos]
    at = pos + 1
    limit = min(len(shadow), pos + _REACH)
    while at < limit:
        if quote == '"' and shadow[at] == "\\":
            at += 2
            continue
        if shadow[at] == quote:
            return at + 1
        at += 1
    return limit


def _group_end(shadow: str, pos: int) -> int:
    """Offset just past the bracket group that opens at ``pos`` (quote-aware, nested)."""
    depth = 0
    at = pos
    limit = min(len(shadow), pos + _REACH)
    while at < limit:
        char = shadow[at]
        if char in "'\"":
            at = _quote_end(shadow, at)
            continue
        if char in "({":
            depth += 1
        elif char in ")}":
            depth -= 1
            if depth == 0:
                return at + 1
        at += 1
    return limit
