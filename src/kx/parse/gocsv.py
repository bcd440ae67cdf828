"""Go ``encoding/csv``'s reading of one record with default settings (pflag's stringSlice).

pflag splits each value of a slice flag with ``csv.NewReader(value).Read()``: the first record
only, empty lines before it skipped, strict quotes. Errors carry Go's line and byte column, as
kubectl prints them (``parse error on line 1, column 5: extraneous or missing " in quoted-field``).
"""

from __future__ import annotations

BARE_QUOTE = 'bare " in non-quoted-field'
QUOTE = 'extraneous or missing " in quoted-field'


def _lines(data: bytes) -> list[bytes]:
    """Lines as Go's csv readLine gives them: LF kept, CR LF folded to LF, a final CR dropped."""
    parts = data.split(b"\n")
    lines = [part + b"\n" for part in parts[:-1]]
    if parts[-1]:
        last = parts[-1]
        lines.append(last[:-1] if last.endswith(b"\r") else last)
    return [line[:-2] + b"\n" if line.endswith(b"\r\n") else line for line in lines]


def read_record(value: str) -> tuple[list[str], str | None]:
    """The first CSV record of ``value``: (fields, None), or (fields so far, Go's error text)."""
    if value == "":
        return [], None  # pflag's own shortcut: an empty value is an empty list
    lines = _lines(value.encode())
    number = 0
    while number < len(lines) and lines[number] in (b"\n", b""):
        number += 1
    if number >= len(lines):
        return [], "EOF"
    return _record(lines, number)


def _record(lines: list[bytes], number: int) -> tuple[list[str], str | None]:
    start_line = number + 1
    line = lines[number]
    col = 1
    fields: list[str] = []
    while True:
        if not line.startswith(b'"'):
            comma = line.find(b",")
            field = line[:comma] if comma >= 0 else line[: len(line) - line.endswith(b"\n")]
            quote = field.find(b'"')
            if quote >= 0:
                return fields, _error(start_line, number + 1, col + quote, BARE_QUOTE)
            fields.append(field.decode(errors="replace"))
            if comma < 0:
                return fields, None
            line = line[comma + 1 :]
            col += comma + 1
            continue
        buffer = bytearray()
        line = line[1:]
        col += 1
        while True:
            quote = line.find(b'"')
            if quote >= 0:
                buffer += line[:quote]
                line = line[quote + 1 :]
                col += quote + 1
                if line.startswith(b'"'):
                    buffer += b'"'
                    line = line[1:]
                    col += 1
                    continue
                if line.startswith(b","):
                    line = line[1:]
                    col += 1
                    break
                if line in (b"", b"\n"):
                    fields.append(buffer.decode(errors="replace"))
                    return fields, None
                return fields, _error(start_line, number + 1, col - 1, QUOTE)
            if line:
                buffer += line
                col += len(line)
            if number + 1 >= len(lines) or not line:
                return fields, _error(start_line, number + 1, col, QUOTE)
            number += 1
            line = lines[number]
            col = 1
        fields.append(buffer.decode(errors="replace"))


def _error(start_line: int, line: int, column: int, reason: str) -> str:
    if start_line != line:
        return f"record on line {start_line}; parse error on line {line}, column {column}: {reason}"
    return f"parse error on line {line}, column {column}: {reason}"
