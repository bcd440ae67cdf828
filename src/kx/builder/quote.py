"""Shell quoting of an argv for POSIX shells and PowerShell.

The rendered line, split again by the target shell, must give back exactly the argv. Words made only
of characters that no shell treats specially are left bare so common commands stay readable; a
``--flag=value`` word keeps its ``--flag=`` prefix bare and quotes only the value.
"""

from __future__ import annotations

import re

SHELLS = ("posix", "powershell")

# Characters with no meaning to sh/bash/zsh/dash in any position of a word.
_POSIX_SAFE = re.compile(r"[A-Za-z0-9_@%+=:,./-]+\Z")
# PowerShell: stricter. '@' starts splatting, ',' builds arrays, '#' comments; '--' and '--%'
# are parser tokens, so words made only of dashes are quoted too.
_PWSH_SAFE = re.compile(r"[A-Za-z0-9_%+=:./-]+\Z")
_PWSH_DASHES = re.compile(r"-+(%)?\Z")
# PowerShell also treats the typographic single quotes as quote characters.
_PWSH_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"
_FLAG_PREFIX = re.compile(r"(--?[A-Za-z0-9][A-Za-z0-9_.-]*=)(.*)\Z", re.DOTALL)


def posix_quote(word: str) -> str:
    """Quote one word for a POSIX shell: single quotes, an embedded quote closed and escaped."""
    if word and _POSIX_SAFE.match(word) and word[0] != "=":  # zsh expands a leading '='
        return word
    return "'" + word.replace("'", "'\\''") + "'"


def powershell_quote(word: str) -> str:
    """Quote one word for PowerShell (single quotes; every quote character is doubled)."""
    if word and _PWSH_SAFE.match(word) and not _PWSH_DASHES.match(word):
        return word
    out = []
    for char in word:
        out.append(char * 2 if char in _PWSH_SINGLE_QUOTES else char)
    return "'" + "".join(out) + "'"


def quote_word(word: str, shell: str = "posix") -> str:
    """Quote ``word`` for ``shell``, keeping a ``--flag=`` prefix outside the quotes."""
    quote = powershell_quote if shell == "powershell" else posix_quote
    match = _FLAG_PREFIX.match(word)
    if match and quote(match.group(1)) == match.group(1):
        value = match.group(2)
        return match.group(1) + (quote(value) if value else "")
    return quote(word)


def join_argv(argv: list[str], shell: str = "posix") -> str:
    """Render an argv as one command line for ``shell`` (``posix`` or ``powershell``)."""
    if shell not in SHELLS:
        raise ValueError(f"unknown shell {shell!r}")
    line = " ".join(quote_word(word, shell) for word in argv)
    if shell == "powershell" and argv and line.startswith("'"):
        return "& " + line  # a quoted first word is a string, not a command, without '&'
    return line
