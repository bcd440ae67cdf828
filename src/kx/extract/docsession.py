r"""A console session shown in a document: which lines are commands and which are output.

A line after a prompt (``$``, ``#``, ``user@host:dir$``, ``PS C:\>``, ...) starts a command; the
lines it continues belong to it; every other line is output and is blanked. Also: whether a
console or shell block shows a Windows shell (PowerShell or cmd) rather than a POSIX one.
"""

from __future__ import annotations

import re

# Prompts: $ % \u276f, # (root) and > (continuation); user@host:dir$, [user@host dir]#, (venv) $;
# PowerShell's PS>, PS C:\dir>, >> and cmd's C:\dir>.
_PROMPT = re.compile(
    r"[ \t]*(?:\([\w.-]+\)[ \t]*)?"
    r"(?:[\w.-]+@[\w.-]+(?::[^\s$#%>]*)?[ \t]?(?=[$#%])|\[[^\]\n]{1,60}\](?=[$#]))?"
    r"(?:\$|%|#|>>?|\u276f|PS(?:[ \t][^>\n]{0,80})?>|[A-Za-z]:\\[^>\n]{0,80}>)(?:[ \t]+|$)"
)
_DOLLAR_PROMPT = re.compile(
    r"^[ \t]*(?:[\w.-]+@[\w.-]+(?::[^\s$#%>]*)?[ \t]?|\[[^\]\n]{1,60}\])?[$\u276f][ \t]", re.M
)
# A prompt named by host, user or directory and glued to its mark, with the tool right after it:
# ``host-A $ docker``, ``sangam$ docker``, ``~/app $ docker``, ``master==>docker``,
# ``Ajeets-MacBook-Air:~ ajeetraina$ kubectl``, ``[node1] (local) root@192.168.0.8 ~$ docker``;
# or a symbol of its own (``\u27b8 docker``).
NAMED_PROMPT = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{1,40}\][ \t]*)?(?:\([^)\n]{1,40}\)[ \t]*)?(?:[\w.@~/:-]{1,60}[ \t])?"
    r"(?:[\w.@~/:-]{1,60}(?:[ \t]?[$%]|[#>]|==>)|[^\x00-\x7f\w\s]{1,3})[ \t]*"
    r"(?=(?:sudo[ \t]+)?(?:docker|kubectl)[ \t])",
    re.M,
)
_TOOL_NEXT = re.compile(r"(?:sudo[ \t]+)?(?:docker|kubectl)[ \t]")
_GT_PROMPT = re.compile(r"^[ \t]*>[ \t]+(?:sudo[ \t]+)?(?:docker|kubectl)[ \t]", re.M)
_PS_SESSION = re.compile(r"^[ \t]*PS(?:[ \t][^>\n]{0,80})?>[ \t]", re.M)
_PS_CONTINUED = re.compile(r"[ \t]`[ \t]*\r?$", re.M)
_CMD_CONTINUED = re.compile(r"[ \t]\^[ \t]*\r?$", re.M)
_WINDOWS_PATH = re.compile(r"(?:^|[ \t=:,])[A-Za-z]:\\[\w.$-]", re.M)  # a word or value that is one
_PS_PROMPT = re.compile(r"^[ \t]*(?:PS(?:[ \t][^>\n]{0,80})?|[A-Za-z]:\\[^>\n]{0,80})>[ \t]", re.M)
_DRIVE = re.compile(r"[A-Za-z]:\\")
CONTINUES = ("\\", "|", "&&", "||", "`", "^")


def windows_shell(content: str) -> str | None:
    r"""``powershell`` or ``cmd`` for a Windows session or command shown in a console or shell block.

    PS> prompts (and no $ prompt), lines continued with a backtick (bash never ends one so), or
    unquoted drive paths (``-v C:\src:C:\app``, which bash would read as ``C:srcC:app``); cmd
    when such a block continues its lines with ``^``.
    """
    if _PS_SESSION.search(content) and not _DOLLAR_PROMPT.search(content):
        return "powershell"
    if "`" in content and _PS_CONTINUED.search(content) is not None:
        return "powershell"
    if ":\\" in content and _WINDOWS_PATH.search(content) is not None:
        return "cmd" if _CMD_CONTINUED.search(content) else "powershell"
    return None


def commands_only(content: str, windows: bool, console: bool) -> str:
    """The block with prompts and output blanked when it shows a session (prompts in it)."""
    gt_prompts = _GT_PROMPT.search(content) is not None
    if windows:
        session = _PS_PROMPT.search(content) is not None or _DOLLAR_PROMPT.search(content) is not None
    elif console:
        session = any(_PROMPT.match(line) is not None for line in content.split("\n"))
    else:
        session = gt_prompts or _DOLLAR_PROMPT.search(content) is not None
    session = session or NAMED_PROMPT.search(content) is not None
    if not session:
        return content
    root = console or windows or gt_prompts
    # Next to $ prompts, ``# `` starts a comment (``# (don't forget -F)``) unless a tool follows
    hashes = root and _DOLLAR_PROMPT.search(content) is None
    return "\n".join(_console(content.split("\n"), root, hashes))


def _console(lines: list[str], root: bool, hashes: bool) -> list[str]:
    """Blank prompts and output lines, keep commands and their continuations.

    ``root``: a session where ``>`` and ``#`` are prompts too (in a script, ``#`` is a comment);
    not ``hashes``: ``#`` starts a command only when the tool follows. A comment line inside a
    continued command is a note the command goes on after, as its author meant (bash would end
    the command there).
    """
    out: list[str] = []
    continued = False
    command = False  # the previous line was (part of) a command: a ``> `` line continues it
    for line in lines:
        if continued and line.lstrip().startswith("#"):
            out.append(" " * (len(line) - 1) + "\\")
            continue
        prompt = _PROMPT.match(line)
        named = None if continued else NAMED_PROMPT.match(line)
        if named is not None and (prompt is None or named.end() > prompt.end()):
            prompt = named  # the tool follows: it starts a command
        if prompt and (
            continued or prompt is named or _starts_command(line, prompt.end(), root, hashes, command)
        ):
            out.append(" " * prompt.end() + line[prompt.end() :])
            command = True
        elif continued:
            out.append(line)
        else:
            out.append(" " * len(line))
            command = False
        continued = command and line.rstrip().endswith(CONTINUES)
    return out


def _starts_command(line: str, at: int, root: bool, hashes: bool, command: bool) -> bool:
    """Whether the prompt that ends at ``at`` starts (or, for ``>``, continues) a command."""
    prefix = line[:at].strip()
    if prefix.endswith(("$", "%", "\u276f")) or prefix.startswith(("PS", "[")) or _DRIVE.match(prefix):
        return True
    if "@" in prefix:
        return True  # user@host:dir# is a root prompt wherever it is shown
    if prefix in (">", ">>"):
        return command or root
    if hashes:
        return True  # ``#``: the root prompt in a session, a comment in a script
    return root and _TOOL_NEXT.match(line, at) is not None  # next to $ prompts: ``# docker ...`` only
