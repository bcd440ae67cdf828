"""Kubernetes name shapes (DNS labels and subdomains, label name parts, env names) without regexes.

These run for nearly every kubectl command (object names, namespaces, label keys), so they are
plain character-set tests: ``text.strip(ALLOWED) == ""`` is true when every character is
allowed. That keeps ``re`` (about 6 ms to import) off the common ``kx check`` path. Only ASCII
counts, as in the patterns they restate (``[a-z0-9]`` never matches a Unicode digit).
"""

from __future__ import annotations

# ASCII character classes, shared with the other hand-written matchers (_reference).
LOWER = "abcdefghijklmnopqrstuvwxyz"
LETTERS = LOWER + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"
HEX = DIGITS + "abcdefABCDEF"
LOWER_ALNUM = LOWER + DIGITS
ALNUM = LETTERS + DIGITS
_LABEL_CHARS = LOWER_ALNUM + "-"
_NAME_PART_CHARS = ALNUM + "-_."  # label name parts, env names and docker names alike

# The same shapes as regular expressions, for documentation and for tests that compare the two.
DNS_LABEL_1123 = r"[a-z0-9]([-a-z0-9]*[a-z0-9])?"
DNS_LABEL_1035 = r"[a-z]([-a-z0-9]*[a-z0-9])?"
SUBDOMAIN = r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"
NAME_PART = r"([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
ENV_NAME = r"[-._a-zA-Z][-._a-zA-Z0-9]*"


def is_dns1123_label(text: str) -> bool:
    """Lowercase letters, digits and '-', starting and ending alphanumeric (no length limit)."""
    return (
        text != "" and text[0] in LOWER_ALNUM and text[-1] in LOWER_ALNUM and not text.strip(_LABEL_CHARS)
    )


def is_dns1035_label(text: str) -> bool:
    """A DNS-1123 label that starts with a letter (no length limit)."""
    return text != "" and text[0] in LOWER and is_dns1123_label(text)


def is_subdomain(text: str) -> bool:
    """DNS-1123 labels joined by '.' (no length limit)."""
    return all(is_dns1123_label(label) for label in text.split("."))


def is_name_part(text: str) -> bool:
    """Letters, digits, '-', '_' and '.', starting and ending alphanumeric (label names and values)."""
    return text != "" and text[0] in ALNUM and text[-1] in ALNUM and not text.strip(_NAME_PART_CHARS)


def is_env_name(text: str) -> bool:
    """Letters, digits, '-', '.' and '_', not starting with a digit."""
    return text != "" and text[0] not in DIGITS and not text.strip(_NAME_PART_CHARS)


def is_port_name_chars(text: str) -> bool:
    """Only lowercase letters, digits and '-' (at least one character)."""
    return text != "" and not text.strip(_LABEL_CHARS)


def has_lower_letter(text: str) -> bool:
    """At least one lowercase ASCII letter."""
    return any(ch in LOWER for ch in text)


def is_docker_name(text: str) -> bool:
    """Docker's container and local volume names: an ASCII letter or digit, then letters, digits, '_.-'."""
    return len(text) >= 2 and text[0] in ALNUM and not text.strip(_NAME_PART_CHARS)
