"""Go ``encoding/csv`` reading of one record with default settings, as pflag's stringSlice does it.

Only the verdict matters: pflag reads the first record of the value; a ``"`` inside an unquoted
field, or a quoted field that is not closed or is followed by anything but a comma or the end of
the line, is an error. Empty lines before the record are skipped; a value made only of line
breaks has no record at all.
"""

from __future__ import annotations


def _lines(value: str) -> list[str]:
    """Split like Reader.readLine: keep each line's newline, turn CR LF into LF."""
    parts = value.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        last = parts[-1]
        lines.append(last[:-1] if last.endswith("\r") else last)
    return [line[:-2] + "\n" if line.endswith("\r\n") else line for line in lines]


def csv_error(value: str) -> str | None:
    """Why the first CSV record of ``value`` does not parse, or None (pflag: empty is fine)."""
    if value == "":
        return None
    lines = [line for line in _lines(value) if line not in ("", "\n")]
    if not lines:
        return "there is no value before the end of input"
    return _record_error(lines)


def _record_error(lines: list[str]) -> str | None:
    """Parse fields from the first non-empty line, letting quoted fields span lines."""
    line, rest = lines[0], lines[1:]
    while True:
        if not line.startswith('"'):
            comma = line.find(",")
            field = line[:comma] if comma >= 0 else line.rstrip("\n")
            if '"' in field:
                return 'a " appears inside a field that does not start with a quote'
            if comma < 0:
                return None
            line = line[comma + 1 :]
            continue
        line = line[1:]
        while True:
            quote = line.find('"')
            if quote >= 0:
                line = line[quote + 1 :]
                if line.startswith('"'):
                    line = line[1:]
                    continue
                if line.startswith(","):
                    line = line[1:]
                    break
                if line in ("", "\n"):
                    return None
                return 'a quoted field must end with a " followed by a comma or the end of the value'
            if not rest:
                return 'a quoted field is not closed (missing ")'
            line, rest = rest[0], rest[1:]
