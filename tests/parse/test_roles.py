"""kx explain's data: the role of each word of a command, read from the shipped specs."""

from __future__ import annotations

from typing import Any

import pytest

from kx.catalog.flagspec import FlagSpec
from kx.catalog.loader import load_specs
from kx.parse.meaning import command_records, history
from kx.parse.roles import ROLES, Explained, explain_words
from kx.parse.words import split_words


def explained(line: str) -> Explained:
    found = explain_words(split_words(line).words, load_specs())
    assert found is not None
    return found


def records(line: str) -> list[dict[str, Any]]:
    return command_records(explained(line), 0)


def roles(line: str) -> list[tuple[str, str, str | None]]:
    return [(r["text"], r["role"], r["flag"]) for r in records(line)]


def test_docker_run_with_a_flag_value_an_image_and_container_arguments() -> None:
    assert roles("docker run -p 8080:80 --rm nginx ls -l") == [
        ("docker", "program", None),
        ("run", "subcommand", None),
        ("-p", "flag", "--publish"),
        ("8080:80", "value", "--publish"),
        ("--rm", "flag", "--rm"),
        ("nginx", "image", None),
        ("ls", "argument", None),
        ("-l", "argument", None),
    ]
    slots = [r.get("slot") for r in records("docker run nginx ls -l")]
    assert slots == [None, None, "image", "command", "args"]


def test_every_word_has_one_token_in_order_with_its_span() -> None:
    line = "docker --host tcp://h:2375 container run -it -p8080:80 --name=web nginx sh -c 'echo hi'"
    words = split_words(line).words
    found = records(line)
    assert [(r["start"], r["end"]) for r in found] == [(w.start, w.end) for w in words]
    assert all(r["role"] in ROLES for r in found)


@pytest.mark.parametrize("word", ["-p8080:80", "--publish=8080:80", "-p=8080:80"])
def test_an_attached_value_is_part_of_the_flag_word(word: str) -> None:
    line = f"docker run {word} nginx"
    flag = records(line)[2]
    assert (flag["role"], flag["flag"], flag["value"]["text"]) == ("flag", "--publish", "8080:80")
    assert line[flag["value"]["start"] : flag["value"]["end"]] == "8080:80"
    assert records(line)[3]["role"] == "image"


def test_a_flag_and_its_separate_value_both_name_the_long_flag() -> None:
    flag, value = records("docker run -p 8080:80 nginx")[2:4]
    assert (flag["flag"], value["flag"]) == ("--publish", "--publish")
    assert flag["short"] == "-p" and "value" not in flag
    spec = load_specs().get("docker", ["run"])
    assert spec is not None
    publish = spec.flag("publish")
    assert publish is not None
    assert (flag["description"], flag["type"], flag["default"]) == (
        publish.summary,
        publish.type,
        publish.default,
    )
    assert flag["repeatable"] is True


def test_a_cluster_names_each_of_its_flags() -> None:
    token = records("docker run -it nginx")[2]
    assert token["flag"] == "--interactive"
    assert [(c["flag"], c["start"], c["end"]) for c in token["cluster"]] == [("--interactive", 12, 13),
                                                                           ("--tty", 13, 14)]  # fmt: skip


def test_docker_global_options_before_the_subcommand() -> None:
    found = records("docker --host tcp://x run nginx")
    assert [(r["role"], r["flag"], r.get("global")) for r in found[1:3]] == [
        ("flag", "--host", True), ("value", "--host", True)
    ]  # fmt: skip
    assert (found[3]["role"], found[4]["role"]) == ("subcommand", "image")


@pytest.mark.parametrize(
    "line", ["kubectl -n ns run web --image=nginx", "kubectl run web -n ns --image=nginx"]
)
def test_kubectl_global_flags_anywhere(line: str) -> None:
    by_text = {r["text"]: r for r in records(line)}
    assert (by_text["-n"]["role"], by_text["-n"]["flag"], by_text["-n"]["global"]) == (
        "flag",
        "--namespace",
        True,
    )
    assert (by_text["ns"]["role"], by_text["ns"]["flag"]) == ("value", "--namespace")
    assert (by_text["web"]["role"], by_text["run"]["role"]) == ("name", "subcommand")
    assert by_text["--image=nginx"]["global"] is False


def test_kubectl_run_name_then_arguments_after_the_separator() -> None:
    assert [r["role"] for r in records("kubectl run web --image=nginx -- sh -c date")] == [
        "program", "subcommand", "name", "flag", "separator", "argument", "argument", "argument"
    ]  # fmt: skip


def test_kubectl_expose_type_name_and_type_slash_name() -> None:
    assert roles("kubectl expose deployment web --port 80")[2:4] == [
        ("deployment", "resource", None), ("web", "name", None)
    ]  # fmt: skip
    token = records("kubectl expose deployment/web --port 80")[2]
    assert token["role"] == "resource"
    assert [(p["role"], p["text"], p["start"], p["end"]) for p in token["parts"]] == [
        ("resource", "deployment", 15, 25), ("name", "web", 26, 29)
    ]  # fmt: skip


def test_an_unknown_flag_is_marked_with_its_did_you_mean() -> None:
    token = records("docker run --pubish 8080:80 nginx")[2]
    assert (token["role"], token["known"], token["flag"]) == ("flag", False, "--pubish")
    assert token["suggestion"] == "--publish" and "did you mean --publish?" in token["problem"]
    assert records("docker run --rm nginx")[2]["known"] is True


def test_an_unknown_subcommand_is_marked_unknown() -> None:
    token = records("docker rnu nginx")[1]
    assert (token["role"], token["known"]) == ("subcommand", False)
    assert "did you mean run?" in token["problem"]


def test_a_removed_flag_carries_its_removal() -> None:
    token = records("kubectl run web --image=nginx --generator=run/v1")[4]
    assert token["known"] is False
    spec = load_specs().get("kubectl", ["run"])
    assert spec is not None
    removed = next(r for r in spec.removed_flags if r.name == "generator")
    assert token["history"] == removed.history
    last = token["history"][-1]
    assert (last["event"], last["version"]) == ("removed", removed.removed_in)
    assert last["message"] == removed.message
    assert last["source"] == removed.sources["removed_in"]
    assert last["source"].startswith("kubernetes/kubectl@")
    assert [e["event"] for e in token["history"]] == ["deprecated", "removed"]


def test_history_is_the_catalogs_with_messages_and_sources() -> None:
    spec = load_specs().get("kubectl", ["run"])
    assert spec is not None
    for flag in spec.flags:
        events = history(flag)
        assert events == flag.history
        for event in events:
            assert set(event) == {"event", "version", "message", "source"}
        by_event = {e["event"]: e for e in events}
        assert by_event.get("added", {}).get("version") == flag.added
        assert by_event.get("deprecated", {}).get("version") == flag.deprecated_in
        assert by_event.get("deprecated", {}).get("message") == flag.deprecated_message
    record = records("kubectl run web --image=nginx --record")[4]
    assert [(e["event"], e["version"]) for e in record["history"]] == [("deprecated", "1.22")]
    assert record["history"][0]["message"] == "--record will be removed in the future"
    assert record["history"][0]["source"].startswith("kubernetes/cli-runtime@v0.22.0:")


def test_an_undated_deprecation_of_a_plugin_spec_is_kept() -> None:
    flag = FlagSpec({"name": "old", "type": "bool", "deprecated": {"message": "use --new"}})
    assert history(flag) == [{"event": "deprecated", "version": "", "message": "use --new", "source": ""}]


def test_words_before_the_tool_and_help() -> None:
    found = records("sudo -E docker run --help")
    assert [r["role"] for r in found] == ["argument", "argument", "program", "subcommand", "flag"]
    assert found[-1]["flag"] == "--help"


def test_a_command_kx_has_no_spec_for_names_only_the_global_flags() -> None:
    assert roles("kubectl get pods -n x -o wide")[1:] == [
        ("get", "subcommand", None), ("pods", "argument", None), ("-n", "flag", "--namespace"),
        ("x", "value", "--namespace"), ("-o", "argument", None), ("wide", "argument", None),
    ]  # fmt: skip


def test_words_that_run_no_known_tool() -> None:
    assert explain_words(split_words("ls -l").words, load_specs()) is None
