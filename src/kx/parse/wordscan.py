r"""Scan one shell word: quote removal, escapes, continuations, and what is dynamic in it.

The value of a word is what the shell would pass after quote removal, except that expansions
(``$VAR``, ``${..}``, ``$(..)``, backticks) and globs keep their source text and make the word
dynamic from the index where the first of them starts (``Word.dyn_at``).

Documentation placeholders are unknown too, never redirections: ``<image>``, ``--image=<name>``,
``<registry>/<repo>:<tag>``, quoted or not (see ``kx.parse.placeholders``).
"""

from __future__ import annotations

from kx.core.lazyre import LazyRegex
from kx.parse.expansions import decode_ansi_c, skip_backtick, skip_nested
from kx.parse.placeholders import mark_quoted_placeholder, placeholder_at, placeholder_end, placeholder_index
from kx.parse.span import Word
from kx.parse.tilde import mark_tilde

# A run of characters that stand for themselves outside quotes.
_PLAIN = LazyRegex(r"[^ \t\r\n'\"\\$`;&|<>()*?\[]+")
_DQ_PLAIN = LazyRegex(r'[^"\\$`]+')
_NAME = LazyRegex(r"[A-Za-z_][A-Za-z0-9_]*")
_BRACKET = LazyRegex(r"\[[^ \t\r\n;&|<>()\[\]]+\]")
_BRACES = LazyRegex(r"\{[^{} \t]*\}")
WORD_END = " \t\r\n;&|<>()"
# A whole word made only of plain text, '...' and "..." without escapes or expansions.
SIMPLE_WORD = r"""(?:[^ \t\r\n'"\\$`;&|<>()*?\[{]+|'[^']*'|"[^"\\$`]*")+"""
_SIMPLE = LazyRegex(SIMPLE_WORD)  # compiled on first use, like the others: bare words need none
_SPECIAL_PARAMS = "@*#?$!-0123456789"


def scan_word(source: str, pos: int, limit: int) -> tuple[Word, int, str | None]:
    """Scan one word starting at ``pos``: (word, offset after it, error or None)."""
    simple = _SIMPLE.match(source, pos, limit)
    if simple is not None:
        end = simple.end()
        if end >= limit or (source[end] in WORD_END and not placeholder_at(source, end, limit)):
            text = simple.group()
            word = simple_word(text, pos, end)
            if word is not None:
                return word, end, None
    return _scan_word(source, pos, limit)


def simple_word(text: str, start: int, end: int) -> Word | None:
    """The Word for text matched by SIMPLE_WORD, or None when it mixes both kinds of quotes."""
    single = "'" in text
    double = '"' in text
    if single and double:
        return None
    if not single and not double:
        word = Word(text, start, end)
    else:
        quote = "'" if single else '"'
        word = Word(text.replace(quote, ""), start, end, False, False, 0, text.index(quote))
        if "<" in text:
            mark_quoted_placeholder(word)
    return mark_tilde(word, text) if "~" in text else word


def _scan_word(source: str, pos: int, limit: int) -> tuple[Word, int, str | None]:
    parts: list[str] = []
    start = pos
    literal = True
    plain_len = 0  # characters of the value before its first quote or escape (Word.plain)
    dyn_at = -1
    error: str | None = None
    plain_match = _PLAIN.compiled().match
    while pos < limit:
        plain = plain_match(source, pos, limit)
        if plain is not None:
            text = plain.group()
            if "{" in text and dyn_at < 0:
                brace = _brace_expansion(text)
                if brace >= 0:
                    dyn_at = _length(parts) + brace
            parts.append(text)
            pos = plain.end()
            if pos >= limit:
                break
        char = source[pos]
        if char in WORD_END:
            stop = placeholder_end(source, pos, limit) if char == "<" else -1
            if stop < 0:
                break
            if dyn_at < 0:
                dyn_at = _length(parts)
            parts.append(source[pos:stop])
            pos = stop
            continue
        if literal and char in "'\"\\":
            plain_len = _length(parts)  # the first quote or escape: the plain prefix ends here
        if char == "'":
            close = source.find("'", pos + 1, limit)
            if close < 0:
                error = "unterminated single quote"
                parts.append(source[pos + 1 : limit])
                pos = limit
                break
            parts.append(source[pos + 1 : close])
            pos = close + 1
            literal = False
        elif char == '"':
            pos, dyn, error = _scan_dquote(source, pos, limit, parts)
            literal = False
            if dyn >= 0 and dyn_at < 0:
                dyn_at = dyn
            if error is not None:
                break
        elif char == "\\":
            literal = False
            if pos + 1 >= limit:
                parts.append("\\")
                pos += 1
            else:
                if source[pos + 1] != "\n":
                    parts.append(source[pos + 1])
                pos += 2
        elif char == "$":
            before = _length(parts)
            pos, dynamic, quoted, error = _scan_dollar(source, pos, limit, parts)
            if quoted:
                plain_len = before if literal else plain_len
                literal = False
            if dynamic and dyn_at < 0:
                dyn_at = before
            if error is not None:
                break
        elif char == "`":
            close = skip_backtick(source, pos, limit)
            if dyn_at < 0:
                dyn_at = _length(parts)
            if close < 0:
                error = "unterminated backquote"
                close = limit
            parts.append(source[pos:close])
            pos = close
            if error is not None:
                break
        else:  # a glob character: * ? [
            glob = _BRACKET.match(source, pos, limit) if char == "[" else None
            if (char != "[" or glob is not None) and dyn_at < 0:
                dyn_at = _length(parts)
            stop = glob.end() if glob is not None else pos + 1
            parts.append(source[pos:stop])
            pos = stop
    value = "".join(parts)
    if not literal and "<" in value:
        holder = placeholder_index(value)
        if holder >= 0 and (dyn_at < 0 or holder < dyn_at):
            dyn_at = holder
    if error is not None and dyn_at < 0:
        dyn_at = len(value)  # a broken word: its end is unknown
    word = Word(value, start, pos, dyn_at >= 0, literal and error is None, max(dyn_at, 0), plain_len)
    if "~" in value:
        mark_tilde(word, source[start:pos])
    return word, pos, error


def _brace_expansion(text: str) -> int:
    """Index of the first ``{a,b}`` or ``{1..3}`` group in plain text, or -1."""
    for group in _BRACES.finditer(text):
        inner = group.group()
        if "," in inner or ".." in inner:
            return group.start()
    return -1


def _length(parts: list[str]) -> int:
    return sum(map(len, parts))


def _scan_dquote(source: str, pos: int, limit: int, parts: list[str]) -> tuple[int, int, str | None]:
    """Decode a double-quoted part into ``parts``: (offset after, dynamic index or -1, error)."""
    dyn_at = -1
    pos += 1
    while pos < limit:
        plain = _DQ_PLAIN.match(source, pos, limit)
        if plain is not None:
            parts.append(plain.group())
            pos = plain.end()
            if pos >= limit:
                break
        char = source[pos]
        if char == '"':
            return pos + 1, dyn_at, None
        if char == "\\":
            following = source[pos + 1 : pos + 2]
            if following in ("$", "`", '"', "\\"):
                parts.append(following)
            elif following != "\n":
                parts.append("\\")
                pos -= 1
            pos += 2
            continue
        before = _length(parts)
        is_tick = char == "`"
        stop = skip_backtick(source, pos, limit) if is_tick else _dollar_end(source, pos, limit)
        if stop != pos + 1 and dyn_at < 0:
            dyn_at = before
        if stop < 0:
            parts.append(source[pos:limit])
            return limit, dyn_at, "unterminated command substitution"
        parts.append(source[pos:stop])
        pos = stop
    return limit, dyn_at, "unterminated double quote"


def _dollar_end(source: str, pos: int, limit: int) -> int:
    """End of the expansion at ``pos`` (a ``$``); ``pos + 1`` when the ``$`` is literal."""
    following = source[pos + 1 : pos + 2]
    if following in ("(", "{"):
        return skip_nested(source, pos + 1, limit)
    if following and following in _SPECIAL_PARAMS:
        return pos + 2
    name = _NAME.match(source, pos + 1, limit)
    return name.end() if name is not None else pos + 1


def _scan_dollar(source: str, pos: int, limit: int, parts: list[str]) -> tuple[int, bool, bool, str | None]:
    """Handle an unquoted ``$``: (offset after, dynamic, quoted, error)."""
    following = source[pos + 1 : pos + 2]
    if following == "'":
        text, stop = decode_ansi_c(source, pos + 1, limit)
        parts.append(text)
        if stop < 0:
            return limit, False, True, "unterminated $'...' quote"
        return stop, False, True, None
    if following == '"':  # $"..." (locale translation) reads as a plain double-quoted string
        return pos + 1, False, True, None
    stop = _dollar_end(source, pos, limit)
    if stop < 0:
        parts.append(source[pos:limit])
        return limit, True, False, "unterminated " + ("${" if following == "{" else "$(")
    parts.append(source[pos:stop])
    return stop, stop != pos + 1, False, None


def quoted_line_words(words: list[Word], source: str, pos: int, stop: int) -> bool:
    """Append the words of a line whose only special characters are quotes, '~', tabs and CRs.

    The line (``source[pos:stop]``) has no escapes, expansions, globs or operators. False when a
    quote is left open or a word mixes both kinds of quotes. String searches, not ``re``: a cold
    ``kx check`` of a line with ``sh -c 'echo hi'`` should not pay for importing it.
    """
    # The next offset of each blank and quote, searched again only once passed: linear in the line.
    nexts = {mark: source.find(mark, pos, stop) for mark in " '\"\t\r"}
    nexts = {mark: at for mark, at in nexts.items() if at >= 0}
    append = words.append
    i = pos
    while i < stop:
        if source[i] in " \t\r":
            i += 1
            continue
        start = i
        while i < stop:
            end = stop
            for mark, at in nexts.items():
                if at < i:
                    at = source.find(mark, i, stop)
                    nexts[mark] = at = stop if at < 0 else at
                if at < end:
                    end = at
            if end >= stop or source[end] in " \t\r":
                i = end
                break
            close = source.find(source[end], end + 1, stop)
            if close < 0:
                return False
            i = close + 1
        text = source[start:i]
        if "'" in text or '"' in text:
            word = simple_word(text, start, i)
            if word is None:
                return False
            append(word)
        elif "~" in text:
            append(mark_tilde(Word(text, start, i), text))
        else:
            append(Word(text, start, i))
    return True
