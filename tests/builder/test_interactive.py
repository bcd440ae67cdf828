"""Interactive sessions driven through piped stdin (one answer per line), in a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# The README flow: type, name, then the common flags of kubectl expose in spec order, --dry-run and
# --output last (labels, name, port, protocol, selector, target-port, type, dry-run, output), then
# "anything else".
EXPOSE_ANSWERS = ["deployment", "nginx", "", "", "80", "", "", "", "NodePort", "", "", ""]


def session(args: list[str], answers: list[str]) -> subprocess.CompletedProcess[str]:
    text = "\n".join(answers) + "\n"
    env = {k: v for k, v in os.environ.items() if k not in ("KX_SPEC_PATH",)}
    return subprocess.run(
        [sys.executable, "-m", "kx", *args], input=text, capture_output=True, text=True,
        env=env, timeout=60, check=False,
    )  # fmt: skip


def test_readme_expose_flow() -> None:
    done = session(["expose", "--interactive"], EXPOSE_ANSWERS)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "kubectl expose deployment nginx --port=80 --type=NodePort\n"
    assert "? Resource type:" in done.stderr
    assert "Command: kubectl expose deployment nginx --port=80 --type=NodePort" in done.stderr
    assert "\033[" not in done.stderr  # no colour when not on a terminal


def test_choices_by_number_and_short_flag() -> None:
    answers = ["4", "nginx", "", "", "80", "", "", "", "2", "", "", ""]
    done = session(["expose", "-i"], answers)
    assert done.stdout == "kubectl expose deployment nginx --port=80 --type=NodePort\n"


def test_wrong_answers_are_asked_again_with_the_reason() -> None:
    answers = ["deploymnt", "deployment", "nginx", "app", "app=web", "", "eighty", "80",
               "", "", "", "Nodeport", "", "", ""]  # fmt: skip
    done = session(["expose", "-i"], answers)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "kubectl expose deployment nginx --labels=app=web --port=80 --type=NodePort\n"
    assert "'deploymnt' is not in the list" in done.stderr
    assert done.stderr.count("? --labels:") == 2
    assert done.stderr.count("? --port:") == 2


def test_server_rejected_value_is_asked_again() -> None:
    answers = ["pod", "web", "", "", "80", "", "", "", "", "", "", "name", "web_svc", "web-svc", ""]
    done = session(["expose", "-i"], answers)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "kubectl expose pod web --port=80 --name=web-svc\n"
    assert done.stderr.count("? --name:") == 3  # skipped once, then found by search and re-asked


def test_end_of_input_builds_nothing() -> None:
    done = session(["expose", "-i"], ["deployment", "nginx"])
    assert done.returncode == 1
    assert done.stdout == ""
    assert "end of input" in done.stderr


def test_words_given_up_front_are_not_asked() -> None:
    done = session(["expose", "deployment", "web", "--port", "8080", "-i"],
                   ["", "", "", "", "", "", "", "", ""])  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == "kubectl expose deployment web --port=8080\n"
    assert "Resource type" not in done.stderr and "? --port:" not in done.stderr


def test_run_flow_with_env_loop_and_container_args() -> None:
    # NAME, --image, ARGS (the image first), then command, env (loop), labels, port, restart, rm,
    # stdin, tty, dry-run.
    answers = ["box", "busybox", "sh -c 'echo hi'", "", "A=1", "B=two words", "", "", "",
               "Never", "", "", "", "", ""]  # fmt: skip
    done = session(["run", "--interactive"], answers)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "kubectl run box --image=busybox --env=A=1 '--env=B=two words' --restart=Never "
        "-- sh -c 'echo hi'\n"
    ).replace("'--env=B=two words'", "--env='B=two words'")


def test_cross_flag_rule_is_checked_when_decidable() -> None:
    # --tty without --stdin: reported right after --tty is answered, then asked again.
    answers = ["box", "busybox", "", "", "", "", "", "", "", "n", "y", "n", "", ""]
    done = session(["run", "--interactive"], answers)
    assert done.returncode == 0, done.stderr
    assert "A TTY is only useful with stdin attached" in done.stderr
    assert done.stdout == "kubectl run box --image=busybox\n"


def test_final_check_enter_keeps_the_answers() -> None:
    # --rm without attach only shows at the end (attach is never asked): Enter keeps the command as
    # answered (printed, so nothing typed is lost) and exits 1 because it is not valid.
    answers = ["box", "busybox", "", "", "", "", "", "", "y", "", "", "", "", ""]
    done = session(["run", "--interactive"], answers)
    assert done.returncode == 1
    assert done.stdout == "kubectl run box --image=busybox --rm\n"
    assert "Change which flag?" in done.stderr and "printed as answered" in done.stderr


def test_final_check_q_gives_up() -> None:
    answers = ["box", "busybox", "", "", "", "", "", "", "y", "", "", "", "", "q"]
    done = session(["run", "--interactive"], answers)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "nothing built" in done.stderr


def test_final_check_fix_by_searching_a_flag() -> None:
    answers = ["box", "busybox", "", "", "", "", "", "", "y", "", "", "", "", "attach", "y"]
    done = session(["run", "--interactive"], answers)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "kubectl run box --image=busybox --rm --attach\n"


def test_anything_else_search_picks_from_a_list() -> None:
    answers = [*EXPOSE_ANSWERS[:-1], "ip", "2", "10.0.0.9", ""]
    done = session(["expose", "-i"], answers)
    assert done.returncode == 0, done.stderr
    assert "--external-ip" in done.stderr and "--load-balancer-ip" in done.stderr
    assert done.stdout.startswith("kubectl expose deployment nginx --port=80 --type=NodePort ")


def test_docker_run_uses_the_kx_prefixed_option() -> None:
    # IMAGE, COMMAND ARGS, then detach, env, interactive, memory, name, network, publish, restart,
    # rm, tty, user, volume.
    answers = ["nginx:1.27", "", "y", "", "", "", "web", "", "8080:80", "", "", "", "", "", "", ""]
    done = session(["docker-run", "--kx-interactive"], answers)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "docker run --detach --name=web --publish=8080:80 nginx:1.27\n"


def test_docker_globals_before_run_stay_before_it() -> None:
    answers = ["nginx:1.27", "", "y", "", "", "", "web", "", "8080:80", "", "", "", "", "", "", ""]
    done = session(["build", "docker", "-H", "tcp://h:2375", "run", "--ask"], answers)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "docker --host=tcp://h:2375 run --detach --name=web --publish=8080:80 nginx:1.27\n"


def test_exec_declined_runs_nothing() -> None:
    done = session(["expose", "-i", "--exec"], [*EXPOSE_ANSWERS, "n"])
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Run it now? [y/N]" in done.stderr


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_interactive_with_other_formats(fmt: str) -> None:
    answers = ["deployment", "nginx", "", "", "80", "", "app=nginx", "", "", "", "", ""]
    done = session(["expose", "-i", "--format", fmt], answers)
    assert done.returncode == 0, done.stderr
    if fmt == "json":
        assert done.stdout.startswith('{\n    "kind": "Service",\n')
    else:
        assert done.stdout.startswith("apiVersion: v1\nkind: Service\n")


def test_readme_session_is_real_output() -> None:
    """The README's `kx expose --interactive` transcript is what kx prints for those answers."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    block = readme.split("$ kx expose --interactive\n", 1)[1].split("```", 1)[0]
    answers = ["4", "nginx", "", "", "80", "", "", "", "2", "", "", ""]
    done = session(["expose", "--interactive"], answers)
    produced = "\n".join(line.rstrip() for line in (done.stderr + done.stdout).splitlines())
    assert produced == block.rstrip("\n")


@pytest.mark.parametrize(("typed", "kind"), [
    ("deploy", "deployment"), ("deployments", "deployment"), ("deployment.apps", "deployment"),
    ("deployments.v1.apps", "deployment"), ("Deployment", "deployment"), ("svc", "service"),
    ("po", "pod"), ("rc", "replicationcontroller"), ("rs", "replicaset"), ("replicasets.apps", "replicaset"),
])  # fmt: skip
def test_kubectl_type_spellings_are_accepted(typed: str, kind: str) -> None:
    done = session(["expose", "-i"], [typed, "web", "", "", "80", "", "", "", "", "", "", ""])
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"kubectl expose {kind} web --port=80\n"


def test_type_typos_and_kinds_that_cannot_be_exposed_are_named() -> None:
    answers = ["deploymnt", "configmap", "cm", "svc", "db", "", "", "", "", "", "", "", "", "", ""]
    done = session(["expose", "-i"], answers)
    assert done.returncode == 0, done.stderr
    assert "'deploymnt' is not in the list" in done.stderr and "(did you mean deployment?)" in done.stderr
    assert done.stderr.count("kubectl expose cannot expose configmaps") == 2
    assert done.stdout == "kubectl expose service db\n"


def test_a_typo_in_a_choice_names_its_fix_before_the_next_question() -> None:
    answers = ["deploy", "web", "", "", "80", "", "", "", "NodPort", "NodePort", "", "", ""]
    done = session(["expose", "-i"], answers)
    assert done.returncode == 0, done.stderr
    after = done.stderr.split("NodPort\n", 1)[1]
    assert after.startswith("  ✗ ") and "(did you mean NodePort?)" in after.splitlines()[0]
    assert done.stdout == "kubectl expose deployment web --port=80 --type=NodePort\n"


def test_question_mark_shows_the_flags_help_and_asks_again() -> None:
    answers = ["deploy", "web", "?", "", "", "80", "", "", "", "?", "", "", "", ""]
    done = session(["expose", "-i"], answers)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("? --labels:") == 2 and done.stderr.count("? --type:") == 2
    assert "-l, --labels=KEY=VALUE" in done.stderr
    assert "One of: ClusterIP, NodePort, LoadBalancer, ExternalName; Enter leaves it unset." in done.stderr


def test_back_returns_to_the_previous_question_and_forgets_its_answer() -> None:
    # type, name, labels=app=x, back at --name (labels asked again, answered empty), back at the first
    # question is refused politely, back in the --env loop takes back the last value.
    answers = ["<", "deploy", "web", "app=x", "<", "", "", "80", "", "", "", "", "", "<", "", "", ""]
    done = session(["expose", "-i"], answers)
    assert done.returncode == 0, done.stderr
    assert "This is the first question." in done.stderr
    assert done.stderr.count("? --labels:") == 2 and done.stderr.count("? --output:") == 2
    assert done.stdout == "kubectl expose deployment web --port=80\n"


def test_back_in_a_repeated_flag_takes_back_the_last_value() -> None:
    answers = ["box", "busybox", "", "", "A=1", "B=2", "<", "C=3", "", "", "", "", "", "", "", "", ""]
    done = session(["run", "--interactive"], answers)
    assert done.returncode == 0, done.stderr
    assert "Took back 'B=2'." in done.stderr
    assert done.stdout == "kubectl run box --image=busybox --env=A=1 --env=C=3\n"


def test_image_is_asked_before_args_and_an_open_quote_is_asked_again() -> None:
    answers = ["box", "busybox", "sh -c 'echo", "sh -c 'echo hi'", *[""] * 11]
    done = session(["run", "--interactive"], answers)
    assert done.returncode == 0, done.stderr
    assert done.stderr.index("? --image:") < done.stderr.index("? ARGS")
    assert "✗ not complete shell words (no closing quotation)" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == "kubectl run box --image=busybox -- sh -c 'echo hi'\n"


@pytest.mark.parametrize("switch", ["--ask", "--kx-interactive", "--kx-ask"])
def test_docker_run_switches(switch: str) -> None:
    answers = ["nginx:1.27", "", "y", "", "", "", "web", "", "8080:80", "", "", "", "", "", "", ""]
    done = session(["docker-run", switch], answers)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "docker run --detach --name=web --publish=8080:80 nginx:1.27\n"


def test_no_arguments_without_a_terminal_does_not_ask() -> None:
    done = session(["docker-run"], ["nginx"])
    assert done.returncode == 1
    assert "? IMAGE" not in done.stderr and done.stdout == ""


def test_a_conflict_with_an_earlier_answer_shows_at_once() -> None:
    # --cluster-ip=None given, then --type=NodePort: the API server refuses a headless NodePort
    # Service. Shown right after --type (before --dry-run is asked), kept, and reported at the end.
    answers = ["", "", "", "", "", "", "NodePort", "", "", "", "q"]
    done = session(["expose", "deploy", "web", "--cluster-ip=None", "-i"], answers)
    after_type = done.stderr.split("ExternalName. NodePort\n", 1)[1]
    first = after_type.splitlines()
    assert "cannot be headless" in first[0] and first[1].startswith("Kept for now")
    assert first[2].startswith("? --dry-run:")
    assert done.returncode == 1 and done.stdout == ""


def test_a_second_way_to_name_the_object_is_refused_at_once() -> None:
    # TYPE NAME given, then -f found by the search: the one-of rule fails as soon as -f is answered,
    # although -k was never decided, and -f is asked again.
    answers = [*[""] * 8, "filename", "svc.yaml", "", "", ""]
    done = session(["expose", "deploy", "web", "--port", "80", "-i"], answers)
    after = done.stderr.split("(another, or Enter) \n", 1)[1]
    assert after.startswith("  ✗ Name what to expose in exactly one way")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "kubectl expose deploy web --port=80\n"


def test_the_session_offers_only_the_target_clients_flags() -> None:
    answers = ["web", "nginx", "", *[""] * 9, "override", "", "", ""]  # name, image, args, 9 common flags
    old = session(["run", "--interactive", "--target", "kubectl=1.22"], answers)
    new = session(["run", "--interactive", "--target", "kubectl=1.23"], answers)
    assert "2) --overrides" in old.stderr and "--override-type" not in old.stderr, old.stderr  # 1.23's
    assert "2) --override-type" in new.stderr, new.stderr
