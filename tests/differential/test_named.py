"""The position half of the differential test: the token a client message names, found in its line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.oracle import agreement, corpus, named  # noqa: E402

from kx.core.diagnostics import Diagnostic  # noqa: E402
from kx.engine.pipeline import check_command  # noqa: E402

CASES = corpus.load()
LABELS = corpus.load_labels()


def diag(column: int, end: int, code: str, severity: str = "error") -> Diagnostic:
    return Diagnostic(path="-", line=1, column=column, end_line=1, end_column=end, severity=severity,
                      code=code, message="m")


def test_words_keep_the_source_column_of_every_unquoted_char() -> None:
    split = named.words("kubectl run x --image=' a' -l \"k=v\" b\\ c")
    assert [w.text for w in split] == ["kubectl", "run", "x", "--image= a", "-l", "k=v", "b c"]
    image = split[3]
    assert (image.start, image.end) == (14, 26)
    assert image.columns[8:] == (23, 24)  # the quote at 22 is not part of the value
    assert split[6].columns == (36, 38, 39)


def test_unknown_flag_must_be_a_kx1_diagnostic_on_the_flag() -> None:
    line = "docker run -d --detatch nginx"
    want = named.expected("unknown flag: --detatch", line)
    assert want is not None and want.prefix == "KX1"
    assert want.placed([diag(15, 24, "KX101")])
    assert not want.placed([diag(16, 24, "KX101")])  # one column late
    assert not want.placed([diag(12, 14, "KX101")])  # on -d
    assert not want.placed([diag(15, 24, "KX201")])  # a value code
    assert not want.placed([diag(15, 24, "KX101", "warning")])


def test_flag_glued_to_its_value_may_cover_the_value_but_must_start_on_the_name() -> None:
    want = named.expected("Error: unknown flag: --prot", "kubectl expose deploy x --prot=80")
    assert want is not None
    assert want.placed([diag(25, 31, "KX101")]) and want.placed([diag(25, 34, "KX101")])
    assert not want.placed([diag(26, 31, "KX101")]) and not want.placed([diag(31, 34, "KX101")])


def test_shorthand_in_a_group_is_the_named_letter() -> None:
    want = named.expected("unknown shorthand flag: 'z' in -z", "docker run -itz alpine")
    assert want is not None
    assert want.placed([diag(15, 16, "KX101")]) and want.placed([diag(12, 16, "KX101")])
    assert not want.placed([diag(14, 15, "KX101")])  # on t


def test_value_named_by_the_client_must_carry_the_kx2_diagnostic() -> None:
    line = 'docker run -m 1x --name web nginx'
    want = named.expected('invalid argument "1x" for "-m, --memory" flag: invalid suffix: \'x\'', line)
    assert want is not None and want.prefix == "KX2"
    assert want.placed([diag(15, 17, "KX201")]) and want.placed([diag(16, 17, "KX201")])
    assert not want.placed([diag(12, 17, "KX201")])  # spills onto the flag
    assert not want.placed([diag(12, 14, "KX201")])


def test_value_after_equals_and_inside_a_list() -> None:
    line = "kubectl expose deployment nginx --port=80,abc"
    want = named.expected('error: strconv.Atoi: parsing "abc": invalid syntax', line)
    assert want is not None
    assert want.placed([diag(40, 46, "KX201")]) and want.placed([diag(43, 46, "KX201")])
    assert not want.placed([diag(33, 46, "KX201")])  # the whole --port=... word
    assert not want.placed([diag(40, 42, "KX201")])  # only on 80


def test_go_quoted_values_are_unquoted_before_they_are_looked_for() -> None:
    line = "docker run --mount 'type=bind,source=\"/a' nginx"
    message = 'invalid argument "type=bind,source=\\"/a" for "--mount" flag: parse error'
    want = named.expected(message, line)
    assert want is not None and want.named == 'type=bind,source="/a' and want.places


def test_kx_itself_points_at_named_tokens() -> None:
    line = "docker run --memory 1x --bogus nginx"
    flag = named.expected("unknown flag: --bogus", line)
    value = named.expected('invalid argument "1x" for "-m, --memory" flag: x', line)
    assert flag is not None and value is not None
    found = check_command(line)
    assert flag.placed(found) and value.placed(found)


def test_most_client_rejections_name_a_token_and_each_one_is_found_in_its_line() -> None:
    wants = {c.text: agreement.expectation(c, LABELS[c.text]) for c in CASES}
    located = [text for text, want in wants.items() if want is not None]
    assert [text for text in located if not wants[text].places] == []  # type: ignore[union-attr]
    by_prefix = {p: sum(w is not None and w.prefix == p for w in wants.values()) for p in ("KX1", "KX2")}
    assert by_prefix["KX1"] >= 70 and by_prefix["KX2"] >= 150, by_prefix


@pytest.mark.parametrize("message", ["docker: invalid reference format", "error: Invalid JSON Patch"])
def test_messages_that_name_nothing_set_no_position(message: str) -> None:
    assert named.expected(message, "docker run x") is None
