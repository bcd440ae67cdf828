r"""One code block of a document (Markdown, AsciiDoc, reStructuredText) read as commands.

The block's language decides the reading: shell, a console session (only prompted lines and
their continuations are commands; output is not: ``kx.extract.docsession``), PowerShell or cmd.
Usage synopses go to ``kx.extract.synopsis``; lines of prose (a flag table, ``kubectl run   Run a
particular image``) are dropped; placeholders (``<name>``, ``IMAGE``, ``[OPTIONS]``, ``ARG...``)
become dynamic words so they never cause a report.
"""

from __future__ import annotations

import re

from kx.extract.docsession import CONTINUES, NAMED_PROMPT, commands_only, windows_shell
from kx.extract.prose import is_prose
from kx.extract.snippets import Snippets
from kx.extract.synopsis import is_synopsis
from kx.parse.placeholders import blank_doc_placeholders, mark_doc_placeholder

SHELL_LANGS = frozenset({
    "", "sh", "bash", "shell", "zsh", "ksh", "shellscript", "shell-script", "posix", "dash", "ash",
    "text", "txt", "plain", "plaintext", "none", "nohighlight", "no-highlight", "code",
})  # fmt: skip
CONSOLE_LANGS = frozenset({
    "console", "shell-session", "sh-session", "terminal", "shellsession", "bash-session",
    "bashsession", "zsh-session", "session", "shell-console",
})  # fmt: skip
POWERSHELL_LANGS = frozenset({
    "powershell", "pwsh", "ps1", "ps", "posh", "psm1", "powershell-session", "pwsh-session", "ps1con",
})  # fmt: skip
YAML_LANGS = frozenset({"yaml", "yml"})  # CI jobs quoted in docs: their shell lines are read
JSON_LANGS = frozenset({"json", "json5", "jsonc"})  # package.json scripts quoted in docs
CMD_LANGS = frozenset({"cmd", "bat", "batch", "dos", "doscon", "batchfile", "winbatch", "cmd.exe"})
_READ = SHELL_LANGS | CONSOLE_LANGS | POWERSHELL_LANGS | CMD_LANGS | YAML_LANGS | JSON_LANGS
_LANG = re.compile(r"[^\s{:,=`]+")
_MENTION = re.compile(r"docker|kubectl")
_SHELL_START = re.compile(r"\s*(?:[$\u276f][ \t]+)?(?:sudo[ \t]+)?(?:docker|kubectl)(?:\.exe)?[ \t]")
_JSON_VALUE = re.compile(r'([^\n"]*"[^"\n]*"[ \t]*:[ \t]*)"([^"\n]*)"[^\n]*')
_YAML_PREFIX = re.compile(r"[ \t]*(?:-[ \t]+)*(?:[\w.-]+:[ \t]+)?")


def language_of(info: str) -> str:
    """The language named by a fence's info string (``bash title="x"``, ``{.sh}``, ``sh:run.sh``).

    MyST directives name it after the directive: ``{code-block} bash``.
    """
    info = info.strip()
    if info.startswith("{") and "}" in info and not info.startswith("{."):
        info = info[info.index("}") + 1 :]
    info = info.lstrip("{").lstrip(".")
    match = _LANG.match(info)
    return match.group().lower() if match else ""


def read_block(
    text: str, start: int, end: int, language: str, snippets: Snippets, shadow: str | None = None
) -> None:
    """Add the commands and synopses of the block ``text[start:end]`` written in ``language``.

    ``shadow`` (same length as the block) replaces the block's text when the caller has already
    blanked what is not part of it (blockquote markers, AsciiDoc callouts).
    """
    content = text[start:end] if shadow is None else shadow
    if _MENTION.search(content) is None:
        return
    language = language.lower()
    if language not in _READ:
        if _SHELL_START.match(content) is None and NAMED_PROMPT.match(content) is None:
            return
        language = ""  # an unknown tag (``sb``, ``docker``) on a block that starts with a command
    if language in YAML_LANGS or language in JSON_LANGS:
        _config_block(content, start, language, snippets)
        return
    if "\r" in content:
        content = content.replace("\\\r\n", " \\\n").replace("\r", " ")
    if language not in CMD_LANGS and language not in POWERSHELL_LANGS:
        language = windows_shell(content) or language
    windows = language in POWERSHELL_LANGS or language in CMD_LANGS
    session = commands_only(content, windows, language in CONSOLE_LANGS)
    content = _logical_lines(session, start, snippets)
    _add(blank_doc_placeholders(content), start, language, snippets)


def _config_block(content: str, start: int, language: str, snippets: Snippets) -> None:
    """A YAML or JSON block: its values that run a tool, read as shell."""
    from kx.extract.powershell import add_quietly

    values = _yaml_lines(content) if language in YAML_LANGS else _JSON_VALUE.sub(_json_value, content)
    add_quietly(blank_doc_placeholders(values), start, snippets, mark_doc_placeholder)


def _add(content: str, start: int, language: str, snippets: Snippets) -> None:
    """Hand the shadow to the reader of its language."""
    if language in CMD_LANGS or language in POWERSHELL_LANGS:
        from kx.extract import powershell

        add = powershell.add_cmd if language in CMD_LANGS else powershell.add_powershell
        add(content, start, snippets, mark_doc_placeholder)
        return
    snippets.add(content, start, mark=mark_doc_placeholder, doc=True)


def _logical_lines(shadow: str, base: int, snippets: Snippets) -> str:
    """Record usage-synopsis lines (with their continuations); blank them and lines of prose."""
    pos = 0
    pieces: list[str] = []
    length = len(shadow)
    while pos < length:
        stop = pos
        while True:
            newline = shadow.find("\n", stop)
            stop = length if newline < 0 else newline
            if stop >= length or not shadow[pos:stop].rstrip().endswith(("\\", "`", "^")):
                break
            stop += 1
        if is_synopsis(shadow, pos, stop):
            snippets.synopses.append((base + pos, base + stop))
            pieces.append(" " * (stop - pos))
        elif is_prose(shadow, pos, stop):
            pieces.append(re.sub(r"[^\n]", " ", shadow[pos:stop]))
        else:
            pieces.append(shadow[pos:stop])
        if stop < length:
            pieces.append("\n")
        pos = stop + 1
    return "".join(pieces)


def _json_value(match: re.Match[str]) -> str:
    """A JSON member whose string value (with no escapes) runs a tool: the value alone."""
    value = match.group(2)
    if "\\" in value or _SHELL_START.match(value) is None or is_prose(value, 0, len(value)):
        return re.sub(r"[^\n]", " ", match.group())
    begin, stop = match.start(2) - match.start(), match.end(2) - match.start()
    return " " * begin + value + " " * (len(match.group()) - stop)


def _yaml_lines(content: str) -> str:
    """A YAML block with only its shell lines that name a tool (and their continuations) kept.

    A list marker and a ``key:`` before the text are blanked, and so are quotes around all of it.
    """
    out: list[str] = []
    continued = False
    for line in content.split("\n"):
        kept = line if continued else _yaml_value(line)
        out.append(kept if kept is not None else " " * len(line))
        continued = kept is not None and kept.rstrip().endswith(CONTINUES)
    return "\n".join(out)


def _yaml_value(line: str) -> str | None:
    """The line with its YAML prefix blanked, when its text runs a tool; else None."""
    if _MENTION.search(line) is None:
        return None
    prefix = _YAML_PREFIX.match(line)
    at = prefix.end() if prefix else 0
    value = line[at:].rstrip()
    if not value or value[0] in "|>[{#" or " " not in value:
        return None  # a block scalar's indicator, a flow collection, a comment, a single word
    if len(value) > 1 and value[0] in "'\"" and value[-1] == value[0]:
        kept = " " * (at + 1) + value[1:-1] + " " * (len(line) - at - len(value) + 1)
    else:
        kept = " " * at + line[at:]
    return None if is_prose(kept, 0, len(kept)) else kept
