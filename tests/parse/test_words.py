"""Shell word splitting: quoting, escapes, continuations, operators, expansions, spans."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from kx.parse.words import WordSplit, split_commands, split_words


def values(line: str) -> list[str]:
    return split_words(line).values()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("docker run -it --rm nginx", ["docker", "run", "-it", "--rm", "nginx"]),
        ("  a\t b  ", ["a", "b"]),
        ("a 'b c' d", ["a", "b c", "d"]),
        ("a 'it''s'", ["a", "its"]),
        ('a "b \\" \\$ \\\\ \\x" c', ["a", 'b " $ \\ \\x', "c"]),
        ("a\\ b c", ["a b", "c"]),
        ("a\\\nb", ["ab"]),
        ("a \\\n  b", ["a", "b"]),
        ('"a\\\nb"', ["ab"]),
        ("'a\\\nb'", ["a\\\nb"]),
        ("$'a\\tb\\x41\\101\\u00e9\\n'", ["a\tbAAé\n"]),
        ("$'it\\'s'", ["it's"]),
        ("--env=A=1,B=2", ["--env=A=1,B=2"]),
        ("a#b #c d", ["a#b"]),
        ("# all comment", []),
        ("~/x ~", ["~/x", "~"]),
        ("-e 'A=1' -e\"B=2\"", ["-e", "A=1", "-eB=2"]),
        ('$"hello"', ["hello"]),
        ("a=(", ["a="]),
    ],
)
def test_quoting_and_escapes(line: str, expected: list[str]) -> None:
    assert values(line) == expected


@pytest.mark.parametrize(
    ("line", "terminator", "rest"),
    [
        ("a b; c", ";", " c"),
        ("a && c", "&&", " c"),
        ("a || c", "||", " c"),
        ("a | c", "|", " c"),
        ("a |& c", "|&", " c"),
        ("a & c", "&", " c"),
        ("a\nc", "\n", "c"),
        ("a;c", ";", "c"),
        ("a)c", ")", "c"),
    ],
)
def test_command_terminators(line: str, terminator: str, rest: str) -> None:
    split = split_words(line)
    assert split.values() == (["a", "b"] if line.startswith("a b") else ["a"])
    assert split.terminator == terminator
    assert line[split.next :] == rest


def test_continuation_is_not_a_terminator() -> None:
    split = split_words("kubectl run x \\\n  --image=nginx\nnext")
    assert split.values() == ["kubectl", "run", "x", "--image=nginx"]
    assert split.terminator == "\n"


def test_split_commands_walks_every_command() -> None:
    text = "A=1 docker run x; kubectl get po && echo 'a;b' | cat # c; d\n\nlast"
    assert [s.values() for s in split_commands(text)] == [
        ["A=1", "docker", "run", "x"],
        ["kubectl", "get", "po"],
        ["echo", "a;b"],
        ["cat"],
        ["last"],
    ]


def test_spans_point_at_source_text() -> None:
    text = "docker  run --name='my app' -e X=\"$Y\" nginx"
    split = split_words(text)
    assert [text[w.start : w.end] for w in split.words] == [
        "docker", "run", "--name='my app'", '-e', 'X="$Y"', "nginx",
    ]  # fmt: skip
    assert [w.literal for w in split.words] == [True, True, False, True, False, True]


def test_start_and_end_bounds() -> None:
    text = "echo x; docker run nginx; echo y"
    split = split_words(text, text.index("docker"), text.index("; echo y"))
    assert split.values() == ["docker", "run", "nginx"]
    assert split.words[0].start == text.index("docker")


@pytest.mark.parametrize(
    ("line", "dyn_at"),
    [
        ("$VAR", 0),
        ("${VAR:-x}", 0),
        ("$(echo hi)", 0),
        ("$(echo $(date) ')')", 0),
        ("$((1 + 2))", 0),
        ("`date`", 0),
        ("--name=$NAME", 7),
        ('--name="$NAME"', 7),
        ('--name="x-$(id -u)"', 9),
        ("*.txt", 0),
        ("file?", 4),
        ("a[0]", 1),
        ("{a,b}", 0),
        ("x{1..3}", 1),
        ("$1", 0),
        ("$@", 0),
        ('"$@"', 0),
    ],
)
def test_dynamic_words(line: str, dyn_at: int) -> None:
    (word,) = split_words(line).words
    assert word.dynamic
    assert word.dyn_at == dyn_at


@pytest.mark.parametrize(
    "line",
    ["plain", "'$HOME'", "\\$HOME", "a[", "{a}", "'~/x'", "$", "a$", "'*'", '"*"', "\\*", "$'\\x41'"],
)
def test_not_dynamic(line: str) -> None:
    (word,) = split_words(line).words
    assert not word.dynamic


@pytest.mark.parametrize(
    ("line", "dyn_at"),
    [
        ("~/x", 0), ("~", 0), ("~root/x", 0), ("a=~/b", 2), ("a=b:~/c", 4), ("A_1=~", 4),
        ("--p=~/x", None), ("x~/y", None), ('~"/x"', None), ('"~"/x', None), ('a"b"=~/x', None),
    ],
)  # fmt: skip
def test_tilde_expansion(line: str, dyn_at: int | None) -> None:
    """Where bash would put a home directory, the value is unknown (checked against bash)."""
    (word,) = split_words(line).words
    assert word.dynamic == (dyn_at is not None)
    if dyn_at is not None:
        assert word.dyn_at == dyn_at


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash not installed")
@pytest.mark.parametrize(
    "line", ["~/x", "a=~/b", "a=b:~/c", "--p=~/x", "x~/y", '~"/x"', '"~"/x', 'a"b"=~/x', "-v=~/x"]
)
def test_tilde_matches_bash(line: str) -> None:
    """A word is dynamic exactly when bash changes it by tilde expansion."""
    result = subprocess.run(["bash", "--norc", "-c", f"printf %s {line}"], capture_output=True, text=True)
    (word,) = split_words(line).words
    assert word.dynamic == (result.stdout != word.value)


def test_unquoted_dollar_value_keeps_source_text() -> None:
    (word,) = split_words("--port=${PORT:-80}").words
    assert word.value == "--port=${PORT:-80}"
    assert word.known_upto(7)
    assert not word.known_upto(8)


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("echo 'abc", "unterminated single quote"),
        ('echo "abc', "unterminated double quote"),
        ("echo $(abc", "unterminated $("),
        ("echo ${abc", "unterminated ${"),
        ("echo `abc", "unterminated backquote"),
        ("echo $'abc", "unterminated $'...' quote"),
        ('echo "$(abc"', "unterminated command substitution"),
    ],
)
def test_unterminated(line: str, error: str) -> None:
    split = split_words(line)
    assert split.error == error
    assert split.error_at == 5
    assert split.words[0].value == "echo"
    assert split.words[1].dynamic  # the broken word: its value is not known


def test_redirections_are_not_words() -> None:
    split = split_words("docker run nginx >out.log 2>&1 </dev/null &>x 3>>y")
    assert split.values() == ["docker", "run", "nginx"]
    assert [w.value for w in split.redirects] == ["out.log", "1", "/dev/null", "x", "y"]


def test_digits_are_a_word_unless_a_redirect_follows() -> None:
    assert values("docker run -p 80:80 nginx 2 >x") == ["docker", "run", "-p", "80:80", "nginx", "2"]


def test_heredoc_body_is_skipped() -> None:
    text = "cat <<'EOF' | kubectl apply -f -\nkubectl run no --image=x\nEOF\nkubectl get po\n"
    assert [s.values() for s in split_commands(text)] == [
        ["cat"], ["kubectl", "apply", "-f", "-"], ["kubectl", "get", "po"],
    ]  # fmt: skip


def test_heredoc_with_tab_stripping() -> None:
    text = "cat <<-END\n\tbody\n\tEND\ndocker ps"
    assert [s.values() for s in split_commands(text)] == [["cat"], ["docker", "ps"]]


def test_here_string_is_not_a_heredoc() -> None:
    assert [s.values() for s in split_commands("cat <<< word\ndocker ps")] == [["cat"], ["docker", "ps"]]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_never_raises(text: str) -> None:
    for split in split_commands(text):
        previous = -1
        for word in split.words:
            assert 0 <= word.start <= word.end <= len(text)
            assert word.start > previous
            previous = word.start
            if word.literal and not split.error:
                assert text[word.start : word.end] == word.value


SHELL_ALPHABET = st.sampled_from([*"ab -='\"\\\n\t;|&#", "$'x\\n'", "\\\n", "''", '""'])


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash not installed")
@settings(max_examples=150, deadline=None)
@given(st.lists(SHELL_ALPHABET, max_size=14).map("".join))
def test_same_words_as_bash(text: str) -> None:
    """The first command's words equal what bash passes to a command (expansions left out)."""
    # A backslash that ends the whole input is bash's own quirk: `bash -c 'f \'` passes '\', but
    # after two backslash-newline continuations the same final backslash vanishes. kx keeps it.
    split = split_words(text)
    assume(not text[split.start : split.end].endswith("\\"))
    if split.error is not None:
        return
    show = 'set -f; f() { for a in "$@"; do printf "%s\\0" "$a"; done; }; f '
    script = show + text[split.start : split.end]
    with tempfile.TemporaryDirectory() as scratch:  # in case a word ever turns into a redirect
        result = subprocess.run(
            ["bash", "--norc", "-c", script], capture_output=True, text=True, cwd=scratch,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
    if result.returncode != 0:
        return  # a syntax bash rejects (e.g. a lone ';'): nothing to compare
    expected = result.stdout.split("\0")[:-1]
    assert split.values() == expected, text


@pytest.mark.parametrize(
    "text",
    [
        "docker run " + "a" * 3000 + "'",
        "docker " + " ".join(["ab"] * 2000) + ' "',
        "docker " + 'a"b"' * 2000 + "'",
        "echo {" + "," * 5000,
        "echo " + "[" * 5000,
        "echo " + "$(" * 2000,
        'echo "' + "$(" * 2000,
        "echo " + "${" * 2000,
        "echo " + "\\" * 5000,
        "echo " + "2>&1 " * 2000,
        "echo $'" + "\\x" * 5000,
    ],
)
def test_pathological_text_splits_in_linear_time(text: str) -> None:
    """No regular expression may backtrack catastrophically on broken input."""
    start = time.process_time()
    split_commands(text)
    assert time.process_time() - start < 1.0


# The one-line fast paths (bare words; words with only quotes, '~', tabs) must split exactly as
# the full scanner does: same values, spans, dynamic marks, errors and terminator.
FAST_PATH_TEXT = st.text(alphabet=" \t\r'\"~ab=/:-", max_size=30)


@settings(max_examples=1500)
@given(FAST_PATH_TEXT)
@example("docker run nginx sh -c 'echo hi'")
@example("a 'b c' \"d e\" ~/x A=~/y")
@example("a 'b")
@example("a'b\"c'")
def test_fast_line_paths_agree_with_the_full_scanner(text: str) -> None:
    from kx.parse.words import _Scanner

    fast = _Scanner(text, len(text)).command(0)
    full = _Scanner(text, len(text))._command(0)

    def shape(split: WordSplit) -> tuple[object, ...]:
        words = [(w.value, w.start, w.end, w.dynamic, w.literal, w.dyn_at) for w in split.words]
        return (words, split.error, split.end, split.next, split.terminator)

    assert shape(fast) == shape(full), text
