"""Today's known failures of kx on the corpus, by test id, with their cause (strict xfails).

When a fix makes one pass, pytest reports XPASS(strict) as a failure: delete its entry here.
Causes: scope, templating, environment, folding, extraction-miss, wrapper, engine.
The command lines and what kx says: README.md here and /work/notes/corpus-findings.md.
Entry format: `"<file under files/>:<line>[:<token>]": "cause: what goes wrong"`.
"""

from __future__ import annotations

# test_true_error_reported: an expected error kx does not report at its own line.
MISSES: dict[str, str] = {}

# test_no_false_error: a file where kx reports an ERROR where there is none.
FALSE_ERRORS: dict[str, str] = {}

# test_command_found: a command kx does not find (or text it wrongly reads as a command).
NOT_FOUND: dict[str, str] = {}

# test_check_agrees_with_client: kx check disagrees with the real client on the concrete line.
CHECK: dict[str, str] = {}

# test_lint_agrees_with_check: kx lint (on the file) and kx check "TEXT" give different errors.
AGREE: dict[str, str] = {}
