"""Did-you-mean ranking: the closest candidate comes first, ties keep the spec's order, at most `max`.

Candidates are listed so that the expected best one is never first: a ranking that is reversed,
ignored (spec order kept) or cut before sorting fails here.
"""

from __future__ import annotations

import pytest

from kx.engine.pipeline import check_command
from kx.parse.suggest import closest


@pytest.mark.parametrize(
    ("word", "candidates", "expected"),
    [
        ("imgae", ["images", "image"], ["image", "images"]),  # 1 edit (a swap) before 2
        ("hostName", ["hostnames", "hostname"], ["hostname", "hostnames"]),  # case only: 0 edits
        ("env_file", ["env-files", "env-file"], ["env-file", "env-files"]),  # `_` for `-`: 0 edits
        ("cluste", ["cluster-ip", "cluster"], ["cluster", "cluster-ip"]),  # 1 edit before a prefix
        ("cpu-qouta", ["cpu-count", "cpu-quota"], ["cpu-quota", "cpu-count"]),
        ("memroy", ["memory-swap", "memory-swappiness", "memory"], ["memory"]),  # too far: left out
    ],
)
def test_fewer_edits_rank_first_whatever_the_order_given(
    word: str, candidates: list[str], expected: list[str]
) -> None:
    assert closest(word, candidates) == expected
    assert closest(word, list(reversed(candidates))) == expected


def test_ties_keep_the_order_they_were_given_in() -> None:
    assert closest("lable", ["label", "table"]) == ["label", "table"]
    assert closest("lable", ["table", "label"]) == ["table", "label"]


def test_a_typo_as_near_ranks_before_a_word_that_only_starts_alike() -> None:
    # docker run --cpu: --cpus (one edit) before --cpu-count (it only starts with "cpu")
    assert closest("cpu", ["cpu-count", "cpus"]) == ["cpus", "cpu-count"]
    assert closest("prot", ["protocol", "port"]) == ["port", "protocol"]


def test_max_keeps_the_best_not_the_first() -> None:
    candidates = ["tablet", "labels", "label"]  # 2, 2 and 1 edits from "lable"
    assert closest("lable", candidates, max=1) == ["label"]
    assert closest("lable", candidates, max=2) == ["label", "tablet"]
    assert closest("lable", candidates) == ["label", "tablet", "labels"]


def test_nothing_close_means_no_suggestion() -> None:
    assert closest("zzzz", ["port", "name"]) == []
    assert closest("port", ["port"]) == []  # the word itself is no suggestion
    assert closest("", ["port"]) == []


@pytest.mark.parametrize(
    ("line", "message_end", "suggestion"),
    [
        ("docker run --cpu-qouta 50000 nginx", "did you mean --cpu-quota or --cpu-count?", "--cpu-quota"),
        ("kubectl run web --image=nginx --override='{}'", "did you mean --overrides or --override-type?",
         "--overrides"),
        ("kubectl expose deploy web --port=80 --cluste=None", "did you mean --cluster or --cluster-ip?",
         "--cluster"),
        ("docker run --hostName box nginx", "did you mean --hostname?", "--hostname"),
    ],
)
def test_the_unknown_flag_message_and_fix_name_the_closest_flag_first(
    line: str, message_end: str, suggestion: str
) -> None:
    """In these specs the best flag comes after the runner-up, so spec order alone would be wrong."""
    [found] = [d for d in check_command(line) if d.code == "KX101"]
    assert found.message.endswith(message_end)
    assert found.suggestion == suggestion


def test_a_bad_choice_suggests_the_closest_choice() -> None:
    [found] = check_command("kubectl run web --image=nginx --restart=Nevr")
    assert (found.code, found.suggestion) == ("KX202", "Never")
