from kx.extract.lexer import MAX_DEPTH, lex


def segments(text: str) -> list[str]:
    return [text[a:b] for a, b in lex(text).segments]


def test_operators_split_commands() -> None:
    text = "docker run -d nginx && kubectl expose deploy x; echo hi | grep h || true &\n"
    assert segments(text) == [
        "docker run -d nginx",
        "kubectl expose deploy x",
        "echo hi",
        "grep h",
        "true",
    ]


def test_reserved_words_are_not_commands() -> None:
    text = 'if [ -n "$x" ]; then\n  docker run a\nelse docker run b; fi\nwhile true; do docker run c; done\n'
    assert segments(text) == ['[ -n "$x" ]', "docker run a", "docker run b", "true", "docker run c"]


def test_heredoc_bodies_and_comments_are_skipped() -> None:
    text = (
        "cat <<EOF > f\ndocker run body\nEOF\ncat <<-'X'\n\tdocker run tab\n\tX\n"
        "docker run z # docker run c\n"
    )
    lexed = lex(text)
    assert [text[a:b] for a, b in lexed.segments] == ["cat <<EOF > f", "cat <<-'X'", "docker run z"]
    assert [text[a:b] for a, b in lexed.heredocs] == ["docker run body\n", "\tdocker run tab\n"]


def test_substitutions_hold_their_own_commands() -> None:
    text = 'x=$(kubectl get pods | head -1) y="$(docker run a "$(kubectl run b)")" `docker run c`\n'
    assert segments(text) == [
        text.rstrip("\n"),
        "kubectl get pods",
        "head -1",
        'docker run a "$(kubectl run b)"',
        "kubectl run b",
        "docker run c",
    ]


def test_case_patterns_functions_arrays_arithmetic() -> None:
    text = (
        "case $t in\n docker) docker run x ;;\nesac\nf() { docker run y; }\na=(docker run)\necho $((1+(2)))\n"
    )
    assert segments(text) == ["docker run x", "docker run y", "a=(docker run)", "echo $((1+(2)))"]


def test_continuations_and_redirections() -> None:
    text = "docker run \\\n  --rm \\\n  nginx 2>&1 >/dev/null &> log\nnext\n"
    assert segments(text) == ["docker run \\\n  --rm \\\n  nginx 2>&1 >/dev/null &> log", "next"]


def test_boundaries_are_top_level_lines_only() -> None:
    text = "a\nif x; then\n b\nfi\nc\n"
    assert lex(text).boundaries == [2, 19, 21]


def test_unterminated_constructs_are_reported() -> None:
    assert lex("echo 'open\ndocker run x\n").problems == [(5, "unterminated single quote")]
    lexed = lex("docker run a\ncat <<EOF\nno end\n")
    assert lexed.problems == [(17, "heredoc delimited by end of text (wanted 'EOF')")]
    lexed = lex('docker run ok\necho "$(docker run inner\n')
    assert [p[1] for p in lexed.problems] == ["unterminated double quote"]
    assert segments('docker run ok\necho "$(docker run inner\n') == ["docker run ok"]


def test_hostile_nesting_is_bounded() -> None:
    lexed = lex("docker run a\n" + "$(" * 100_000)
    assert lexed.segments == [(0, 12)]
    assert [m for _, m in lexed.problems] == [f"nesting deeper than {MAX_DEPTH} levels", "unclosed '('"]


def test_a_hash_after_an_escaped_blank_is_part_of_the_word() -> None:
    # bash: `host \ #x` gives the words `host` and ` #x`; a continuation line then `#x` is a comment
    assert segments("docker run --net host \\ #x y\n") == ["docker run --net host \\ #x y"]
    assert segments("docker run a \\\\ #x y\n") == ["docker run a \\\\"]
    assert segments("docker run a \\\n#x y\n") == ["docker run a \\\n"]


def test_dollar_before_a_quote_inside_double_quotes_is_plain_text() -> None:
    # kubernetes-sigs/cluster-api Makefile:915: go test -run "^TestFuzzyConversion$$" (make: one $)
    text = 'go test -run "^TestFuzzyConversion$" ./... && echo "$\'x" $"y" "${a:-$\'b\'}"\ndocker run x\n'
    assert lex(text).problems == []
    # the third quote opens one
    assert lex('echo "a$"b"\ndocker run x\n').problems == [(10, "unterminated double quote")]


def test_an_escaped_blank_at_the_end_of_a_line_is_a_word() -> None:
    # collabnix/dockerlabs intermediate/registry/part-1.md:122 ends `-p 5000:5000 \ ` (a blank after
    # the backslash): bash reads the word ' ' (the image) and ends the command; lint said image '\'
    assert segments("docker run -p 5000:5000 \\ \n--name registry\n") == [
        "docker run -p 5000:5000 \\ ", "--name registry"]  # fmt: skip
    assert segments("docker run a \\\\ \n") == ["docker run a \\\\"]  # an escaped backslash, then a blank
