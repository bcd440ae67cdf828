"""The registry of diagnostic codes: one entry per rule, stable, never reused.

Grouped by hundreds: 1xx flags, 2xx values, 3xx command structure, 4xx cross-flag rules,
5xx deprecations, 6xx usage synopses, 7xx lint and input problems.
Each code has a section in docs/rules.md (a test checks it).
"""

from __future__ import annotations

from kx.core.typecheck import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

# code -> (name, default severity, one-line summary)
CODES: dict[str, tuple[str, str, str]] = {
    # 1xx: flags
    "KX101": ("unknown-flag", "error", "The flag does not exist for this command."),
    "KX102": ("missing-flag-value", "error", "A flag that needs a value is last on the line."),
    "KX103": ("bad-flag-syntax", "error", "The word looks like a flag but is malformed."),
    "KX104": ("global-flag-after-subcommand", "error", "A docker global option after the subcommand."),
    "KX105": ("flag-before-plugin-name", "error", "An unknown flag before the kubectl subcommand."),
    "KX106": ("removed-flag", "error", "The flag existed in older clients and was removed."),
    "KX107": ("bool-flag-with-separate-value", "warning", "A bool flag followed by true/false."),
    "KX108": ("flag-after-image", "warning", "A docker run flag after IMAGE goes to the container."),
    "KX109": ("windows-only-flag", "error", "A flag only a Windows daemon supports."),
    "KX110": ("flag-value-looks-like-flag", "warning", "A flag took the next flag as its value."),
    # 2xx: values
    "KX201": ("invalid-value", "error", "The value does not parse as the flag's type."),
    "KX202": ("invalid-choice", "error", "The value is not one of the accepted choices."),
    "KX203": ("invalid-format", "error", "A structured value (port, volume, ...) is malformed."),
    "KX204": ("server-rejected-value", "error", "The client passes the value; the server rejects it."),
    "KX205": ("invalid-image-reference", "error", "The image reference is malformed."),
    "KX206": ("invalid-resource-argument", "error", "A kubectl resource argument is malformed."),
    "KX207": ("invalid-object-name", "error", "The object name is not a valid Kubernetes name."),
    "KX208": ("suspicious-value", "warning", "A legal value that is almost surely a mistake."),
    "KX209": ("missing-local-file", "error", "A file the command reads is not there (or not readable)."),
    "KX210": ("invalid-local-file", "error", "A file the command reads holds what is refused."),
    "KX211": ("unknown-context", "error", "A --context (kubectl: --cluster, --user) unknown here."),
    # 3xx: command structure
    "KX301": ("missing-argument", "error", "A required positional argument is missing."),
    "KX302": ("unknown-subcommand", "warning", "A subcommand one edit away from a built-in one: a typo?"),
    "KX303": ("no-spec-for-subcommand", "info", "A subcommand or plugin kx has no spec for: not checked."),
    "KX304": ("missing-required-flag", "error", "A flag the command requires is not given."),
    "KX305": ("unexpected-argument", "error", "A positional argument the command does not take."),
    # 4xx: cross-flag rules
    "KX401": ("conflicting-flags", "error", "Two flags that cannot be used together."),
    "KX402": ("missing-companion-flag", "error", "A flag that requires another flag."),
    "KX403": ("ineffective-flag", "warning", "A flag that has no effect in this combination."),
    # 5xx: deprecations
    "KX501": ("deprecated-flag", "warning", "The flag is deprecated."),
    "KX502": ("deprecated-value", "warning", "The value form is deprecated."),
    "KX503": ("flag-newer-than-target", "error", "The flag arrived after the client version targeted."),
    # 6xx: usage synopses
    "KX601": ("unknown-flag-in-synopsis", "error", "A usage synopsis names a flag that does not exist."),
    "KX602": ("malformed-synopsis", "error", "A usage synopsis is cut off or badly bracketed."),
    # 7xx: lint and input
    "KX701": ("unknown-code-in-directive", "error", "A suppression comment names an unknown code."),
    "KX702": ("undecodable-input", "warning", "The file is not valid UTF-8."),
    "KX703": ("unparsable-script", "warning", "Part of a script could not be parsed."),
    "KX704": ("file-too-large", "warning", "The file is larger than the configured limit."),
}

DOCS_URL = "https://github.com/kx-dev/kx/blob/main/docs/rules.md"


def default_severity(code: str) -> str:
    """Return the registered severity of a code."""
    return CODES[code][1]


def rule_url(code: str) -> str:
    """Return the docs/rules.md anchor for a code."""
    return f"{DOCS_URL}#{code.lower()}-{CODES[code][0]}"


def match_codes(selectors: Iterable[str]) -> set[str]:
    """Expand code prefixes (``KX1``, ``KX101``) into registered codes; unknown ones raise."""
    from kx.core.errors import UsageError

    selected: set[str] = set()
    for raw in selectors:
        prefix = raw.strip().upper()
        hits = {code for code in CODES if code.startswith(prefix)}
        if not prefix or not hits:
            raise UsageError(f"unknown diagnostic code or prefix: {raw!r}")
        selected |= hits
    return selected
