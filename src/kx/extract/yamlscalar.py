r"""A YAML scalar's source text as the shell text it stands for.

Flow scalars (plain, quoted) become a shadow of the length of their source, so offsets stay
those of the file: quotes are blanked, folded line breaks become spaces, and a character an
escape or a quote doubling removes (``\\"``, ``''``) becomes ``templating.DROPPED``. Block
scalars (``|``, ``>``) lose their indentation as YAML says (a here-document's closing word must
start its line), so ``block`` returns the text with a map of its lines back to the file.
"""

from __future__ import annotations

import itertools
import re

import yaml

from kx.extract.templating import DROPPED

_HEADER = re.compile(r"[|>][-+0-9]*[ \t]*(?:#[^\n]*)?")
_DQ_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|\r?\n[ \t]*|.)", re.S)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "\t": "\t", "0": " ", "a": " ", "b": " ", "e": " ", "f": " ",
                   "r": " ", "v": " ", " ": " ", "/": "/", "\\": "\\", '"': '"', "N": " ", "_": " ",
                   "L": "\n", "P": "\n"}  # fmt: skip
_FLOW_FOLD = re.compile(r"(?<=\S)[ \t]*\n(?=[ \t]*[^\s])")


def block(text: str, node: yaml.ScalarNode) -> tuple[str, list[int], list[int]]:
    """A block scalar's text without indentation; where each line starts in it and in the file."""
    start = node.start_mark.index
    source = text[start : node.end_mark.index]
    header = _HEADER.match(source)
    cut = header.end() if header else 1
    lines = source[cut:].split("\n")[1:]
    explicit = re.search(r"[1-9]", header.group()) if header else None
    indent = int(explicit.group()) if explicit else _indentation(lines)
    out: list[str] = []
    plain_starts: list[int] = []
    file_starts: list[int] = []
    position, at = 0, start + cut + 1
    for line in lines:
        plain_starts.append(position)
        file_starts.append(at + min(indent, len(line)))
        out.append(line[indent:])
        position += len(line[indent:]) + 1
        at += len(line) + 1
    plain = "\n".join(out)
    return (_fold_block(plain) if node.style == ">" else plain), plain_starts, file_starts


def _indentation(lines: list[str]) -> int:
    return next((len(line) - len(line.lstrip(" ")) for line in lines if line.strip()), 0)


def shadow(text: str, node: yaml.ScalarNode) -> str:
    """The shell text of a flow scalar as a same-length shadow of ``text[start:end]``."""
    source = text[node.start_mark.index : node.end_mark.index]
    style = node.style
    if style == "'":
        inner = source[1:-1].replace("''", DROPPED + "'")
        return " " + _fold_flow(inner) + " "
    if style == '"':
        inner = _DQ_ESCAPE.sub(_escape, source[1:-1])
        return " " + _fold_flow(inner) + " "
    return _fold_flow(source)


def _escape(match: re.Match[str]) -> str:
    code = match.group(1)
    if code[0] in "\r\n":  # an escaped line break: the lines join with nothing between
        glued = match.start() > 0 and not match.string[match.start() - 1].isspace()
        return (DROPPED if glued else " ") * len(match.group())
    simple = _SIMPLE_ESCAPES.get(code)
    if simple is not None:
        return DROPPED + simple
    if code[0] in "xuU":
        try:
            char = chr(int(code[1:], 16))
        except ValueError:
            char = " "
        return DROPPED * (len(match.group()) - 1) + char
    return DROPPED + code


def _fold_flow(inner: str) -> str:
    """Plain and quoted scalars: a line break between two non-empty lines is a space."""
    return _FLOW_FOLD.sub(lambda m: " " * len(m.group()), inner) if "\n" in inner else inner


def _fold_block(plain: str) -> str:
    """Folded block scalars: breaks between two lines at the block's indentation become spaces.

    Empty lines and more indented lines keep their breaks, as YAML says.
    """
    lines = plain.split("\n")
    out = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        out.append((" " if _normal(previous) and _normal(line) else "\n") + line)
    return "".join(out)


def _normal(line: str) -> bool:
    return bool(line.strip()) and line[0] not in " \t"
