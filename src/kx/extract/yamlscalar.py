r"""A YAML scalar's source text as the shell text it stands for, character for character.

The shadow has the length of the scalar's source, so offsets stay those of the file: indicators
and block headers are blanked, folded line breaks become spaces, and a character an escape or a
quote doubling removes (``\\"``, ``''``) becomes ``templating.DROPPED``.
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


def shadow(text: str, node: yaml.ScalarNode) -> str:
    """The shell text of ``node`` as a same-length shadow of ``text[start:end]``."""
    source = text[node.start_mark.index : node.end_mark.index]
    style = node.style
    if style in ("|", ">"):
        header = _HEADER.match(source)
        cut = header.end() if header else 1
        body = " " * cut + source[cut:]
        return _fold_block(body, cut) if style == ">" else body
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
        return " " * len(match.group())
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


def _fold_block(body: str, cut: int) -> str:
    """Folded block scalars: breaks between two lines at the block's indentation become spaces.

    Empty lines and lines indented more than the block keep their breaks, as YAML says.
    """
    lines = body[cut:].split("\n")
    indent = next((len(line) - len(line.lstrip(" ")) for line in lines if line.strip()), 0)
    out = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        joins = _normal(previous, indent) and _normal(line, indent)
        out.append((" " if joins else "\n") + line)
    return body[:cut] + "".join(out)


def _normal(line: str, indent: int) -> bool:
    return bool(line.strip()) and line[indent : indent + 1] not in (" ", "\t")
