"""The caret view of long lines: a window around the offending span, cut with '...', carets aligned."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import unicodedata
from pathlib import Path

import pytest

from kx.cli.main import main
from kx.core.diagnostics import Diagnostic
from kx.report import caret


def shown(source: str, token: str, width: int = 120) -> list[str]:
    """The quoted line and caret line rendered for the first ``token`` in ``source``."""
    column = source.index(token) + 1
    found = Diagnostic(
        path="-", line=1, column=column, end_line=1, end_column=column + len(token),
        severity="error", code="KX101", message="bad",
    )  # fmt: skip
    return caret.render(source, [found], width=width).split("\n")[1:3]


def cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def test_a_token_at_the_start_keeps_the_line_head_and_cuts_the_tail() -> None:
    line, marks = shown("docker run --bogus " + "a" * 200, "--bogus")
    assert line == "1 | docker run --bogus " + "a" * 94 + "..."
    assert marks == "  | " + " " * 11 + "^" * 7


def test_a_token_in_the_middle_is_centred_with_both_sides_cut() -> None:
    line, marks = shown("a" * 200 + " --bogus " + "b" * 200, "--bogus")
    assert line == "1 | ..." + "a" * 50 + " --bogus " + "b" * 51 + "..."
    assert marks == "  | " + " " * 54 + "^" * 7


def test_a_token_at_the_end_keeps_the_line_tail() -> None:
    line, marks = shown("a" * 200 + " --bogus", "--bogus")
    assert line == "1 | ..." + "a" * 105 + " --bogus"
    assert marks == "  | " + " " * 109 + "^" * 7


def test_a_token_wider_than_the_window_shows_its_head_cut() -> None:
    token = "--" + "b" * 300
    line, marks = shown("x " + token + " y", token)
    assert line == "1 | ..." + token[:110] + "..."
    assert marks == "  | " + " " * 3 + "^" * 110


def test_wide_characters_at_the_cut_are_dropped_whole_and_carets_stay_aligned() -> None:
    line, marks = shown("日" * 100 + "a --bogus " + "日" * 100, "--bogus")
    assert line == "1 | ..." + "日" * 24 + "a --bogus " + "日" * 25 + "..."
    assert marks == "  | " + " " * (3 + 48 + 2) + "^" * 7
    assert cells(line[: line.index("--bogus")]) == marks.index("^")
    assert cells(line) <= 120


def test_a_tab_in_the_window_is_kept_in_the_caret_line() -> None:
    line, marks = shown("a" * 200 + "\t--bogus x", "--bogus")
    assert line.endswith("a\t--bogus x") and line.startswith("1 | ...a")
    assert marks.endswith(" \t" + "^" * 7) and len(marks) == len(line) - 2


def test_a_mark_is_not_shown_without_its_letter() -> None:
    line, _ = shown("e\u0301" * 200 + " --bogus " + "b" * 200, "--bogus")
    assert line.startswith("1 | ...e\u0301")


@pytest.mark.parametrize("width", [40, 80, 200])
def test_the_window_follows_the_given_width(width: int) -> None:
    line, marks = shown("a" * 500 + " --bogus " + "b" * 500, "--bogus", width)
    assert len(line) == max(width, 44) and marks.endswith("^" * 7)
    assert line.index("--bogus") == marks.index("^")


def test_a_line_that_fits_is_quoted_whole_and_one_cell_more_is_cut() -> None:
    source = "docker run " + "-e A=1 " * 13 + "--bogus nginx" + "x"
    assert len("1 | " + source) == 120
    line, marks = shown(source, "--bogus")
    assert line == "1 | " + source and marks == "  | " + " " * source.index("--bogus") + "^" * 7
    line, marks = shown(source + "x", "--bogus")
    assert line == "1 | ..." + source[4:] + "x"
    assert marks == "  | " + " " * (source.index("--bogus") - 1) + "^" * 7


def test_a_line_wide_only_by_its_tabs_is_cut() -> None:
    source = "\t" * 20 + "docker run --bogus nginx"
    line, marks = shown(source, "--bogus")
    assert line.startswith("1 | ...\t") and line.endswith("--bogus nginx")
    assert marks.endswith("\t" + " " * 11 + "^" * 7)


def test_a_100kb_line_gives_a_bounded_report(capsys: pytest.CaptureFixture[str]) -> None:
    command = "docker run -e A=" + "x" * 50_000 + " --bogus -e B=" + "y" * 50_000 + " nginx"
    assert main(["check", "--color", "never", command]) == 1
    out = capsys.readouterr().out
    assert "--bogus" in out and out.count("^") == len("--bogus") and len(out) < 1_000
    assert all(len(line) <= 120 for line in out.splitlines())


def test_on_a_terminal_the_window_is_the_terminal_width() -> None:
    """The installed kx, its stdout a real pseudo-terminal 60 columns wide."""
    main_end, kx_end = pty.openpty()
    fcntl.ioctl(kx_end, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 60, 0, 0))
    command = ["docker", "run", "-e", "A=" + "x" * 300, "--bogus", "nginx"]
    kx = Path(sys.executable).with_name("kx")
    done = subprocess.run([str(kx), "check", "--color", "never", "--", *command], stdout=kx_end, timeout=120)
    os.close(kx_end)
    out = b""
    while chunk := _read(main_end):
        out += chunk
    os.close(main_end)
    lines = out.decode().splitlines()
    assert done.returncode == 1 and lines[1] == "1 | ..." + "x" * 39 + " --bogus nginx"
    assert lines[2] == "  | " + " " * 43 + "^" * 7 and len(lines[1]) == 60


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # the terminal's other end is closed
        return b""
