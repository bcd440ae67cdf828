"""Go's ``encoding/csv`` with default settings, reading the first record of a value.

pflag splits each value of a slice flag (``kubectl expose -f a,b``) with ``Reader.Read``, and
docker reads ``--mount``, ``--gpus`` and the advanced ``--network`` syntax the same way: the
first record only, empty lines before it skipped, CR LF read as LF, strict quotes. Go's errors
carry the line and the 1-based byte column, as kubectl prints them.
"""

from __future__ import annotations

BARE_QUOTE = 'bare " in non-quoted-field'
QUOTE = 'extraneous or missing " in quoted-field'
# What went wrong, for messages in kx's own words.
NO_RECORD = "no-record"
BARE = "bare"
UNCLOSED = "unclosed"
AFTER_QUOTE = "after-quote"
REASONS = {
    NO_RECORD: "there is no value before the end of input",
    BARE: 'a " appears inside a field that does not start with a quote',
    UNCLOSED: 'a quoted field is not closed (missing ")',
    AFTER_QUOTE: 'a quoted field must end with a " followed by a comma or the end of the value',
}


class Record:
    """The fields read (those before an error, if any), where each starts, and what went wrong."""

    __slots__ = ("column", "error", "fields", "line", "start_line", "starts")

    def __init__(self) -> None:
        self.fields: list[str] = []
        self.starts: list[int] = []  # offset of each field (its opening quote) in the value
        self.error: str | None = None  # one of the kinds above
        self.start_line = self.line = self.column = 0

    def go_error(self) -> str | None:
        """The error text Go gives (``EOF`` when there is no record), or None."""
        if self.error is None:
            return None
        if self.error == NO_RECORD:
            return "EOF"
        reason = BARE_QUOTE if self.error == BARE else QUOTE
        where = f"parse error on line {self.line}, column {self.column}: {reason}"
        return where if self.start_line == self.line else f"record on line {self.start_line}; {where}"


def _lines(value: str) -> list[tuple[int, str]]:
    """(offset, line) as Go's readLine gives them: LF kept, CR LF read as LF, a final CR dropped."""
    lines: list[tuple[int, str]] = []
    at = 0
    while at < len(value):
        newline = value.find("\n", at)
        end = len(value) if newline < 0 else newline + 1
        line = value[at:end]
        if line.endswith("\r\n"):
            line = line[:-2] + "\n"
        elif newline < 0 and line.endswith("\r"):
            line = line[:-1]  # a last line of a lone CR is no line: a quoted field ends before it
        if line:
            lines.append((at, line))
        at = end
    return lines


def read_record(value: str) -> Record:
    """``csv.NewReader(strings.NewReader(value)).Read()``: the first record of ``value``."""
    record = Record()
    lines = _lines(value)
    number = 0
    while number < len(lines) and lines[number][1] in ("\n", ""):
        number += 1
    if number >= len(lines):
        record.error = NO_RECORD
        return record
    record.start_line = number + 1
    _fields(record, lines, number)
    return record


def _fail(record: Record, kind: str, number: int, text: str) -> Record:
    """Record the error ``kind`` at the end of ``text`` (the line ``number`` up to the fault)."""
    record.error, record.line, record.column = kind, number + 1, len(text.encode()) + 1
    return record


def _fields(record: Record, lines: list[tuple[int, str]], number: int) -> Record:
    """Read the fields from the line ``number`` on (a quoted field may span lines)."""
    base, line = lines[number]
    col = 0  # where ``line``'s remaining text starts in the line
    while True:
        rest = line[col:]
        if not rest.startswith('"'):
            comma = rest.find(",")
            field = rest[:comma] if comma >= 0 else rest.removesuffix("\n")
            quote = field.find('"')
            if quote >= 0:
                return _fail(record, BARE, number, line[: col + quote])
            record.fields.append(field)
            record.starts.append(base + col)
            if comma < 0:
                return record
            col += comma + 1
            continue
        start, pieces = base + col, []
        col += 1
        while True:
            quote = line.find('"', col)
            if quote >= 0:
                pieces.append(line[col:quote])
                col = quote + 1
                after = line[col : col + 1]
                if after == '"':
                    pieces.append('"')
                    col += 1
                    continue
                if after == "," or line[col:] in ("", "\n"):
                    break
                return _fail(record, AFTER_QUOTE, number, line[:quote])
            pieces.append(line[col:])
            if number + 1 >= len(lines) or col >= len(line):
                return _fail(record, UNCLOSED, number, line)
            number += 1
            base, line = lines[number]
            col = 0
        record.fields.append("".join(pieces))
        record.starts.append(start)
        if after != ",":
            return record
        col += 1


def record_fields(value: str) -> list[str] | str:
    """The fields of the first record, or why it does not read (in kx's words)."""
    record = read_record(value)
    return record.fields if record.error is None else REASONS[record.error]
