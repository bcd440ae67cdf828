"""How kubectl's YAML printer styles scalars and orders keys (the rules behind ``yamlemit.dump``).

kubectl marshals an object to JSON, reads that back as generic YAML data and emits it with the
YAML v2 library of sigs.k8s.io/yaml. So the output has map keys in that library's "natural" order
(digit runs compared as numbers), and its scalar styles: plain when the text would read back as the
same string, double quotes when it would read as another type (``"true"``, ``"80"``, ``""``),
single quotes or double quotes when YAML syntax forbids plain text, ``|`` blocks for multi-line
text, and long text folded at column 80. This module implements those rules (facts from that
library's behaviour, written here from scratch); ``tests/builder`` compares it with real kubectl.
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

from kx.builder.yamlresolve import resolves_as_string

BEST_WIDTH = 80
BEST_INDENT = 2
BREAKS = "\r\n\x85\u2028\u2029"
ESCAPES = {
    "\0": "0", "\a": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r",
    "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\xa0": "_", "\u2028": "L", "\u2029": "P",
}  # fmt: skip
PLAIN, SINGLE, DOUBLE, LITERAL = "plain", "single", "double", "literal"


def printable(char: str) -> bool:
    """Whether the emitter may write ``char`` unescaped (it refuses anything beyond U+FFFF)."""
    code = ord(char)
    return (
        char == "\n"
        or 0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or (0xE000 <= code <= 0xFFFD and code != 0xFEFF)
    )


class Analysis:
    """Which styles a scalar's text allows."""

    def __init__(self, text: str) -> None:
        self.multiline = False
        self.flow_plain = self.block_plain = self.single = self.block = True
        if not text:
            self.flow_plain, self.block = False, False
            return
        flow_ind, block_ind = _indicators(text)
        lead_space = text[0] == " "
        lead_break = text[0] in BREAKS
        trail_space = text[-1] == " "
        trail_break = text[-1] in BREAKS
        special = any(not printable(c) for c in text)
        pairs = list(itertools.pairwise(text))
        break_space = any(a in BREAKS and b == " " for a, b in pairs)
        space_break = any(a == " " and b in BREAKS for a, b in pairs)
        self.multiline = any(c in BREAKS for c in text)
        if lead_space or lead_break or trail_space or trail_break or self.multiline:
            self.flow_plain = self.block_plain = False
        if trail_space:
            self.block = False
        if break_space:
            self.flow_plain = self.block_plain = self.single = False
        if space_break or special:
            self.flow_plain = self.block_plain = self.single = self.block = False
        if flow_ind:
            self.flow_plain = False
        if block_ind:
            self.block_plain = False


def _indicators(text: str) -> tuple[bool, bool]:
    """(flow indicators, block indicators) present in ``text``."""
    flow = block = text.startswith(("---", "..."))
    preceded_ws = True
    for i, char in enumerate(text):
        followed_ws = i + 1 >= len(text) or text[i + 1] in " \t"
        if i == 0:
            if char in "#,[]{}&*!|>'\"%@`":
                flow = block = True
            elif char in "?:":
                flow = True
                block = block or followed_ws
            elif char == "-" and followed_ws:
                flow = block = True
        elif char in ",?[]{}":
            flow = True
        elif char == ":":
            flow = True
            block = block or followed_ws
        elif char == "#" and preceded_ws:
            flow = block = True
        preceded_ws = char in " \t\0" or char in BREAKS
    return flow, block


def choose_style(text: str, analysis: Analysis, simple_key: bool, flow_level: int) -> str:
    """The style the library ends up using for a string scalar in this position."""
    if "\n" in text:
        style = LITERAL
    elif resolves_as_string(text):
        style = PLAIN
    else:
        style = DOUBLE
    if simple_key and analysis.multiline:
        style = DOUBLE
    if style == PLAIN:
        allowed = analysis.flow_plain if flow_level else analysis.block_plain
        if not allowed or (not text and (flow_level or simple_key)):
            style = SINGLE
    if style == SINGLE and not analysis.single:
        style = DOUBLE
    if style == LITERAL and (not analysis.block or flow_level or simple_key):
        style = DOUBLE
    return style


def _go_less(a: str, b: str) -> bool:
    """The YAML library's key order: letters after other characters, digit runs by value."""
    for i in range(min(len(a), len(b))):
        ca, cb = a[i], b[i]
        if ca == cb:
            continue
        al, bl = ca.isalpha(), cb.isalpha()
        if al and bl:
            return ca < cb
        if al or bl:
            return bl
        an = bn = 0
        if ca == "0" or cb == "0":
            for j in range(i - 1, -1, -1):
                if not a[j].isdecimal():
                    break
                if a[j] != "0":
                    an = bn = 1
                    break
        an, ai = _digit_run(a, i, an)
        bn, bi = _digit_run(b, i, bn)
        if an != bn:
            return an < bn
        if ai != bi:
            return ai < bi
        return ca < cb
    return len(a) < len(b)


def _digit_run(text: str, start: int, value: int) -> tuple[int, int]:
    """Accumulate the digit run at ``start`` as a wrapping int64, and where it ends."""
    end = start
    while end < len(text) and text[end].isdecimal():
        value = (value * 10 + ord(text[end]) - 48 + 2**63) % 2**64 - 2**63
        end += 1
    return value, end


def _key_cmp(a: str, b: str) -> int:
    return -1 if _go_less(a, b) else (1 if _go_less(b, a) else 0)


def sorted_keys(mapping: dict[str, Any]) -> list[str]:
    """The keys of ``mapping`` in the order the YAML library writes them."""
    return sorted(mapping, key=functools.cmp_to_key(_key_cmp))
