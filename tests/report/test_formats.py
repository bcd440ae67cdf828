import json

import pytest

from kx.core.diagnostics import Diagnostic
from kx.core.errors import UsageError
from kx.report import ReportOptions, default_format, get_renderer, render, summary, use_color
from kx.report.github import escape_data, escape_property
from kx.report.sarif import artifact_uri


def diag(**changes: object) -> Diagnostic:
    fields: dict[str, object] = {
        "path": "deploy.sh",
        "line": 3,
        "column": 15,
        "end_line": 3,
        "end_column": 23,
        "severity": "error",
        "code": "KX101",
        "message": "unknown flag --selecter for kubectl expose",
    }
    fields.update(changes)
    return Diagnostic(**fields)  # type: ignore[arg-type]


def test_text_is_one_line_per_diagnostic() -> None:
    out = render(
        "text",
        [diag(), diag(line=9, column=1, severity="warning", code="KX501", message="--record is deprecated")],
    )
    assert out == (
        "deploy.sh:3:15: error: unknown flag --selecter for kubectl expose [KX101]\n"
        "deploy.sh:9:1: warning: --record is deprecated [KX501]\n"
    )


def test_text_adds_suggestion_and_count() -> None:
    out = render("text", [diag(suggestion="--selector", count=3)])
    assert out == (
        "deploy.sh:3:15: error: unknown flag --selecter for kubectl expose "
        "(did you mean --selector?) (3 times) [KX101]\n"
    )


def test_text_does_not_repeat_a_suggestion_already_in_the_message() -> None:
    out = render(
        "text", [diag(message="unknown flag --selecter; did you mean --selector?", suggestion="--selector")]
    )
    assert out == "deploy.sh:3:15: error: unknown flag --selecter; did you mean --selector? [KX101]\n"


def test_text_color_only_when_asked() -> None:
    plain = render("text", [diag()])
    colored = render("text", [diag()], ReportOptions(color=True))
    assert "\033[" not in plain
    assert "\033[1;31merror\033[0m" in colored
    assert colored.replace("\033[1m", "").replace("\033[1;31m", "").replace("\033[0m", "") == plain


def test_empty_text_is_empty() -> None:
    assert render("text", []) == ""


def test_json_contract() -> None:
    d = diag(suggestion="--selector")
    document = json.loads(render("json", [d]))
    assert document == {"diagnostics": [d.to_dict()]}
    assert document["diagnostics"][0]["line"] == 3
    assert json.loads(render("json", [])) == {"diagnostics": []}


def test_github_workflow_commands() -> None:
    out = render("github", [diag(), diag(severity="info", code="KX303", message="no spec")])
    assert out.splitlines() == [
        "::error file=deploy.sh,line=3,col=15,endLine=3,endColumn=23,title=KX101 unknown-flag"
        "::unknown flag --selecter for kubectl expose",
        "::notice file=deploy.sh,line=3,col=15,endLine=3,endColumn=23,"
        "title=KX303 no-spec-for-subcommand::no spec",
    ]


def test_github_escaping() -> None:
    assert escape_data("100%\nnext\r") == "100%25%0Anext%0D"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"
    out = render("github", [diag(path="dir,x/a:b.sh", message="50% off\nline")])
    assert "file=dir%2Cx/a%3Ab.sh," in out
    assert out.endswith("::50% off%0Aline\n".replace("% off", "%25 off"))


def test_sarif_shape(tmp_path: object) -> None:
    d1 = diag(path="scripts/deploy.sh", suggestion="--selector")
    d2 = diag(path="README.md", severity="warning", code="KX601", message="m", count=4)
    log = json.loads(render("sarif", [d1, d2], ReportOptions(tool_version="0.1.0", uri_base=".")))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "kx" and driver["version"] == "0.1.0"
    assert [r["id"] for r in driver["rules"]] == ["KX101", "KX601"]
    assert driver["rules"][0]["name"] == "unknown-flag"
    assert driver["rules"][0]["helpUri"].endswith("#kx101-unknown-flag")
    first, second = run["results"]
    assert first["ruleId"] == "KX101" and first["ruleIndex"] == 0 and first["level"] == "error"
    assert first["message"]["text"].endswith("(did you mean --selector?)")
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "scripts/deploy.sh", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 3, "startColumn": 15, "endLine": 3, "endColumn": 23}
    assert second["level"] == "warning" and second["ruleIndex"] == 1
    assert second["occurrenceCount"] == 4
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_sarif_info_is_note_and_uris_are_encoded() -> None:
    log = json.loads(render("sarif", [diag(severity="info", path="my docs/a b.md")]))
    result = log["runs"][0]["results"][0]
    assert result["level"] == "note"
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20docs/a%20b.md"
    assert artifact_uri("/abs/x.sh", None) == "file:///abs/x.sh"
    assert artifact_uri("-", ".") == "stdin"


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown output format 'xml'"):
        get_renderer("xml")


def test_default_format_and_color() -> None:
    assert default_format({"GITHUB_ACTIONS": "true"}) == "github"
    assert default_format({}) == "text"
    assert use_color("auto", True, {}) is True
    assert use_color("auto", True, {"NO_COLOR": "1"}) is False
    assert use_color("auto", False, {}) is False
    assert use_color("always", False, {"NO_COLOR": "1"}) is True
    assert use_color("never", True, {}) is False
    with pytest.raises(UsageError):
        use_color("sometimes", True, {})


def test_summary_counts_folded_repeats() -> None:
    line = summary([diag(count=3), diag(severity="warning")], files=2)
    assert line == "3 errors, 1 warning, 0 infos in 2 files"
    assert summary([], files=1) == "0 errors, 0 warnings, 0 infos in 1 file"


def test_a_suggestion_named_only_in_the_list_of_choices_is_still_shown() -> None:
    message = "'Nodeport' is rejected; expected one of ClusterIP, NodePort"
    listed = diag(code="KX204", message=message, suggestion="NodePort")
    want = "'Nodeport' is rejected; expected one of ClusterIP, NodePort (did you mean NodePort?)"
    assert render("text", [listed]) == f"deploy.sh:3:15: error: {want} [KX204]\n"
    assert render("github", [listed]).rstrip("\n").endswith(f"::{want}")
    (result,) = json.loads(render("sarif", [listed]))["runs"][0]["results"]
    assert result["message"]["text"] == want


@pytest.mark.parametrize(
    ("message", "suggestion"),
    [("--dry-run=true is deprecated; use --dry-run=client", "client"), ("bad; use json)", "json")],
)
def test_a_message_that_already_proposes_the_fix_is_left_alone(message: str, suggestion: str) -> None:
    out = render("text", [diag(message=message, suggestion=suggestion)])
    assert out == f"deploy.sh:3:15: error: {message} [KX101]\n"
