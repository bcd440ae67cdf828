"""The image reference grammar of distribution/reference, parsed by hand.

``[HOST[:PORT]/]PATH[:TAG][@ALGORITHM:HEX]`` where PATH is lowercase components joined by '/'.
Every ``docker run`` and ``kubectl run`` checks an image, so this runs without ``re`` (about
6 ms to import). tests/check/test_reference.py compares it with the grammar written as a regex.
"""

from __future__ import annotations

from kx.check.formats._names import ALNUM, DIGITS, HEX, LETTERS, LOWER_ALNUM

_TAG_FIRST = ALNUM + "_"
_TAG_REST = _TAG_FIRST + ".-"
_COMPONENT_CHARS = LOWER_ALNUM + "._-"
_HOST_PART_CHARS = ALNUM + "-"


class Reference:
    """The parts of a well-formed reference (domain and tag and digest may be None)."""

    __slots__ = ("digest", "domain", "path", "tag")

    def __init__(self, domain: str | None, path: str, tag: str | None, digest: str | None) -> None:
        self.domain = domain
        self.path = path
        self.tag = tag
        self.digest = digest


def is_path_component(text: str) -> bool:
    """Lowercase alphanumeric runs joined by '.', '_', '__' or any number of '-'."""
    if not text or text[0] not in LOWER_ALNUM or text[-1] not in LOWER_ALNUM:
        return False
    if text.strip(_COMPONENT_CHARS):
        return False
    if "." in text or "_" in text:
        for bad in ("..", "._", "_.", "___", "-.", ".-", "-_", "_-"):
            if bad in text:
                return False
    return True


def _is_host_part(text: str) -> bool:
    return text != "" and text[0] in ALNUM and text[-1] in ALNUM and not text.strip(_HOST_PART_CHARS)


def _is_port(text: str) -> bool:
    return text != "" and not text.strip(DIGITS)


def is_domain(text: str) -> bool:
    """A host name, dotted parts or ``[IPv6]``, with an optional ``:PORT``."""
    if text.startswith("["):
        close = text.find("]")
        inside, after = text[1:close], text[close + 1 :]
        if close < 0 or not inside or inside.strip(HEX + ":"):
            return False
        return after == "" or (after[0] == ":" and _is_port(after[1:]))
    host, colon, port = text.partition(":")
    if colon and not _is_port(port):
        return False
    return all(_is_host_part(part) for part in host.split("."))


def is_tag(text: str) -> bool:
    """One to 128 of letters, digits, '_', '.' and '-', not starting with '.' or '-'."""
    return 0 < len(text) <= 128 and text[0] in _TAG_FIRST and not text.strip(_TAG_REST)


def is_digest(text: str) -> bool:
    """``ALGORITHM:HEX``: letter-led alphanumeric parts joined by one of '-_+.', then 32+ hex digits."""
    algorithm, colon, encoded = text.partition(":")
    if not colon or len(encoded) < 32 or encoded.strip(HEX):
        return False
    part_start = True
    for ch in algorithm:
        if part_start:
            if ch not in LETTERS:
                return False
            part_start = False
        elif ch in "-_+.":
            part_start = True
        elif ch not in ALNUM:
            return False
    return not part_start


def _path_and_tag(text: str) -> tuple[str, str | None] | None:
    path, colon, tag = text.partition(":")
    if colon and not is_tag(tag):
        return None
    if not all(is_path_component(part) for part in path.split("/")):
        return None
    return path, (tag if colon else None)


def parse_reference(text: str) -> Reference | None:
    """The parts of ``text`` when it is a well-formed reference, else None."""
    name, at, digest = text.partition("@")
    if at and not is_digest(digest):
        return None
    first, slash, rest = name.partition("/")
    if slash and is_domain(first):
        found = _path_and_tag(rest)
        if found is not None:
            return Reference(first, found[0], found[1], digest if at else None)
    found = _path_and_tag(name)
    if found is None:
        return None
    return Reference(None, found[0], found[1], digest if at else None)
