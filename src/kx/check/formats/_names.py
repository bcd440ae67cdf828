"""Kubernetes name shapes (DNS labels and subdomains, label name parts, env names) without regexes.

These run for nearly every kubectl command (object names, namespaces, label keys), so they are
plain character-set tests: ``text.strip(ALLOWED) == ""`` is true when every character is
allowed. That keeps ``re`` (about 6 ms to import) off the common ``kx check`` path. Only ASCII
counts, as in the patterns they restate (``[a-z0-9]`` never matches a Unicode digit).
"""

from __future__ import annotations

_LOWER = "abcdefghijklmnopqrstuvwxyz"
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS = "0123456789"
_LOWER_ALNUM = _LOWER + _DIGITS
_LABEL_CHARS = _LOWER_ALNUM + "-"
_ALNUM = _LOWER + _UPPER + _DIGITS
_NAME_PART_CHARS = _ALNUM + "-_."
_ENV_CHARS = _LOWER + _UPPER + _DIGITS + "-._"

# The same shapes as regular expressions, for documentation and for tests that compare the two.
DNS_LABEL_1123 = r"[a-z0-9]([-a-z0-9]*[a-z0-9])?"
DNS_LABEL_1035 = r"[a-z]([-a-z0-9]*[a-z0-9])?"
SUBDOMAIN = r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"
NAME_PART = r"([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
ENV_NAME = r"[-._a-zA-Z][-._a-zA-Z0-9]*"


def is_dns1123_label(text: str) -> bool:
    """Lowercase letters, digits and '-', starting and ending alphanumeric (no length limit)."""
    return (
        text != "" and text[0] in _LOWER_ALNUM and text[-1] in _LOWER_ALNUM and not text.strip(_LABEL_CHARS)
    )


def is_dns1035_label(text: str) -> bool:
    """A DNS-1123 label that starts with a letter (no length limit)."""
    return text != "" and text[0] in _LOWER and is_dns1123_label(text)


def is_subdomain(text: str) -> bool:
    """DNS-1123 labels joined by '.' (no length limit)."""
    return all(is_dns1123_label(label) for label in text.split("."))


def is_name_part(text: str) -> bool:
    """Letters, digits, '-', '_' and '.', starting and ending alphanumeric (label names and values)."""
    return text != "" and text[0] in _ALNUM and text[-1] in _ALNUM and not text.strip(_NAME_PART_CHARS)


def is_env_name(text: str) -> bool:
    """Letters, digits, '-', '.' and '_', not starting with a digit."""
    return text != "" and text[0] not in _DIGITS and not text.strip(_ENV_CHARS)


def is_port_name_chars(text: str) -> bool:
    """Only lowercase letters, digits and '-' (at least one character)."""
    return text != "" and not text.strip(_LABEL_CHARS)


def has_lower_letter(text: str) -> bool:
    """At least one lowercase ASCII letter."""
    return any(ch in _LOWER for ch in text)


def is_docker_name(text: str) -> bool:
    """Docker's container and local volume names: an ASCII letter or digit, then letters, digits, '_.-'."""
    return len(text) >= 2 and text[0] in _ALNUM and not text.strip(_NAME_PART_CHARS)
