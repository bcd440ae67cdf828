r"""Markdown (and text with fenced blocks): commands and usage synopses in shell code fences.

Fences tagged sh, bash, shell, zsh, console (and friends) or untagged are read. In console blocks
(or any block with ``$ `` prompts) only prompt lines and their ``\\`` continuations are commands;
output lines are ignored. Placeholders (``<name>``, ``IMAGE``, ``[OPTIONS]``, ``ARG...``) become
dynamic words so they never cause a report. Usage synopses go to ``kx.extract.synopsis``.
"""

from __future__ import annotations

import re

from kx.extract.snippets import Snippets
from kx.extract.synopsis import is_synopsis
from kx.parse.span import Word

SHELL_LANGS = frozenset({"", "sh", "bash", "shell", "zsh", "ksh", "shellscript", "posix"})
CONSOLE_LANGS = frozenset({"console", "shell-session", "sh-session", "terminal", "shellsession"})
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$", re.M)
_DOLLAR_PROMPT = re.compile(r"^[ \t]*\$[ \t]", re.M)
_PROMPT = re.compile(r"[ \t]*(?:\$|%|#|>)(?:[ \t]+|$)")
_ANGLE = re.compile(r"<[A-Za-z](?:[^<>\n]{0,60}[^<>\s])?>")
_CAPS = re.compile(r"[A-Z][A-Z0-9_:./-]*[A-Z0-9]")
_REAL_CAPS = frozenset({"TCP", "UDP", "SCTP", "ALL", "NET_ADMIN", "SYS_ADMIN", "SYS_PTRACE"})


def fenced_blocks(text: str) -> list[tuple[str, int, int]]:
    """Every fenced code block as (language, content start, content end); open ones run to EOF."""
    blocks: list[tuple[str, int, int]] = []
    opener: tuple[str, int, str] | None = None  # fence, content start, language
    for match in _FENCE.finditer(text):
        fence, info = match.group(1), match.group(2)
        if opener is None:
            if fence[0] == "`" and "`" in info:
                continue
            language = info.strip().strip("{}.").split(" ")[0].lower() if info.strip() else ""
            opener = (fence, min(match.end() + 1, len(text)), language)
        elif fence[0] == opener[0][0] and len(fence) >= len(opener[0]) and not info.strip():
            blocks.append((opener[2], opener[1], match.start()))
            opener = None
    if opener is not None:
        blocks.append((opener[2], opener[1], len(text)))
    return blocks


def extract_markdown(text: str, snippets: Snippets | None = None) -> Snippets:
    """Find the invocations and synopses in the shell code fences of ``text``."""
    snippets = snippets or Snippets()
    for language, start, end in fenced_blocks(text):
        if language in SHELL_LANGS or language in CONSOLE_LANGS:
            _block(text, start, end, language, snippets)
    return snippets


def _block(text: str, start: int, end: int, language: str, snippets: Snippets) -> None:
    content = text[start:end]
    if "docker" not in content and "kubectl" not in content:
        return
    console = language in CONSOLE_LANGS or _DOLLAR_PROMPT.search(content) is not None
    lines = content.split("\n")
    shadow_lines = _console(lines, language) if console else lines
    shadow = "\n".join(shadow_lines)
    shadow = _synopses(shadow, start, snippets)
    shadow = _ANGLE.sub(lambda m: "$" + "_" * (len(m.group()) - 1), shadow)
    snippets.add(shadow, start, mark=mark_placeholder)


def _console(lines: list[str], language: str) -> list[str]:
    """Blank prompts and output lines, keep commands and their continuations."""
    out: list[str] = []
    continued = False
    for line in lines:
        prompt = _PROMPT.match(line)
        if prompt and (line.lstrip()[0] in "$%" or language in CONSOLE_LANGS or continued):
            out.append(" " * prompt.end() + line[prompt.end() :])
            continued = line.rstrip().endswith("\\")
        elif continued:
            out.append(line)
            continued = line.rstrip().endswith("\\")
        else:
            out.append(" " * len(line))
    return out


def _synopses(shadow: str, base: int, snippets: Snippets) -> str:
    """Record usage-synopsis lines (with their continuations) and blank them out."""
    pos = 0
    pieces: list[str] = []
    length = len(shadow)
    while pos < length:
        stop = pos
        while True:
            newline = shadow.find("\n", stop)
            stop = length if newline < 0 else newline
            if stop >= length or not shadow[pos:stop].endswith("\\"):
                break
            stop += 1
        if is_synopsis(shadow, pos, stop):
            snippets.synopses.append((base + pos, base + stop))
            pieces.append(" " * (stop - pos))
        else:
            pieces.append(shadow[pos:stop])
        if stop < length:
            pieces.append("\n")
        pos = stop + 1
    return "".join(pieces)


def mark_placeholder(word: Word) -> Word:
    """Turn documentation placeholders into dynamic words (``IMAGE``, ``--name=NAME``, ``[X]``)."""
    if word.dynamic:
        return word
    value = word.value
    if "..." in value or (value.startswith("[") and value.endswith("]")) or value.startswith("{"):
        return Word(value, word.start, word.end, True, word.literal, 0)
    at = value.index("=") + 1 if value.startswith("-") and "=" in value else 0
    rest = value[at:]
    if rest and rest not in _REAL_CAPS and _CAPS.fullmatch(rest) and not rest[0].isdigit():
        return Word(value, word.start, word.end, True, word.literal, at)
    return word
