"""Text substituted before the shell runs is unknown, not literal; what is known around it is
still checked. Each case runs the whole lint pipeline (extract, engine) on a small file."""

from __future__ import annotations

import pytest

from kx.engine.lint import lint_text
from kx.extract import extract
from kx.extract.makefile import recipes
from kx.parse.span import LineIndex


def problems(kind: str, text: str) -> list[tuple[int, int, str]]:
    index = LineIndex(text)
    raws = [raw for group in lint_text(text, kind) for raw in group]
    return sorted((*index.position(raw[2]), raw[0]) for raw in raws if raw[0] != "KX303")


def words(kind: str, text: str) -> list[list[str]]:
    """Each command's words; a dynamic word shows its known part then ``~``."""
    found = sorted(extract(kind, text).invocations, key=lambda ws: ws[0].start)
    return [[w.value[: w.dyn_at] + "~" if w.dynamic else w.value for w in ws] for ws in found]


def step(run: str) -> str:
    return f"on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {run}\n"


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("github", step("docker run --rm '${{ steps.build.outputs.imageid }}' --version")),
        ("github", step("docker run --rm -p '${{ env.PORT }}:80' nginx")),
        ("github", step("kubectl run x --image='${{ inputs.image }}' --port='${{ inputs.port }}'")),
        ("makefile", "run:\n\tdocker run --rm -u $$(id -u):$$(id -g) -v $$HOME:/h img\n"),
        ("makefile", "run:\n\tdocker run --mount 'type=bind,source=$(PWD)/templates,target=/t' img\n"),
        ("makefile", "run:\n\tdocker run -v '$(CURDIR):/src' --cpus '$(CPUS)' $(IMAGE) $@ $<\n"),
        ("makefile", "all: docker \\\n\tkubectl\n\ndocker:\n\techo hi\n"),
        ("makefile", "X = docker run --cpus abc\nY := $(shell docker run --cpus abc)\n"),
        ("makefile", "define T\n\tdocker run --cpus abc x\nendef\n"),
        ("taskfile", "tasks:\n  a:\n    cmds:\n      - docker run --cpus '{{.CPUS}}' -p {{.P}}:80 x\n"),
        ("gitlab", "j:\n  script:\n    - kubectl run x --image='$[[ inputs.image ]]'\n"),
        ("circleci", "jobs:\n  a:\n    steps:\n      - run: docker run -p '<< parameters.port >>:80' x\n"),
        ("azure", "steps:\n- script: docker run -v '$(Build.SourcesDirectory):/s' --cpus '$(cpus)' x\n"),
        ("drone", "steps:\n- commands:\n  - docker run -p '${PORT}:80' -u $$(id -u) x\n"),
    ],
)
def test_templated_parts_are_never_errors(kind: str, text: str) -> None:
    assert problems(kind, text) == []


def test_known_text_around_a_templated_part_is_still_checked() -> None:
    text = step("docker run --cpus abc -p '${{ env.PORT }}:80' --memory 1q '${{ env.IMAGE }}'")
    assert [code for _line, _col, code in problems("github", text)] == ["KX201", "KX201"]
    make = "run:\n\t@docker run --rm -p $(PORT):80 --cpus abc $(IMG)\n"
    assert problems("makefile", make) == [(2, 40, "KX201")]


def test_github_expressions_are_unknown_even_in_single_quotes() -> None:
    text = step("docker run --name 'web-${{ github.run_id }}' -e A='${{ x }}' '${{ steps.b.outputs.id }}'")
    assert words("github", text) == [["docker", "run", "--name", "web-~", "-e", "A=~", "~"]]


def test_make_dollar_dollar_is_one_dollar_for_the_shell() -> None:
    text = "r:\n\tdocker run -u $$(id -u) -e H=$$HOME -e L='$$HOME' $(IMG)\n"
    assert words("makefile", text) == [["docker", "run", "-u", "~", "-e", "H=~", "-e", "L=$HOME", "~"]]


def test_make_recipe_lines_only() -> None:
    text = (
        "IMG ?= x\nall: docker \\\n\tkubectl\n\tdocker run a\n"  # the continuation is a prerequisite
        "ifeq ($(X),1)\n\tdocker run b\nendif\nV := 1\n\tdocker run c\n"  # after an assignment: no rule
        "t: ; docker run d\n"
    )
    found = [text[start:end] for start, end in recipes(text)]
    assert found == ["docker run a", "docker run b", " docker run d"]


def test_make_variables_that_name_the_tool() -> None:
    text = (
        "DOCKER ?= docker\nKUBECTL ?= $(LOCALBIN)/kubectl\nK := $(shell which kubectl)\n"
        "D2 = docker --context $(CTX)\nr:\n\t$(DOCKER) run --cpus abc x\n\t${KUBECTL} expose --bogus\n"
        "\t$(K) run p --image=i\n\t$(D2) run --cpus abc x\n"
    )
    assert words("makefile", text) == [
        ["docker", "--context", "~", "~"],  # a value with references: checked where it is assigned
        ["docker", "run", "--cpus", "abc", "x"],
        ["kubectl", "expose", "--bogus"],
        ["kubectl", "run", "p", "--image=i"],
    ]


def test_justfile_interpolation_and_prefixes() -> None:
    text = (
        'set windows-shell := ["powershell.exe", "-c"]\nimg := "x"\nrun:\n    @docker run --rm {{img}}\n'
        "    -docker run \\\n      --rm -it {{img}}\n"
    )
    assert words("justfile", text) == [["docker", "run", "--rm", "~"], ["docker", "run", "--rm", "-it", "~"]]
    assert words("justfile", 'set shell := ["pwsh", "-c"]\n' + text) == []


def test_jenkins_groovy_strings() -> None:
    text = (
        "sh 'docker run --rm -e A=$HOME x'\n"
        'sh "docker run --rm --name n-${env.B} -e H=\\$HOME $IMAGE"\n'
        "sh '''\n  docker run \\\\\n    --rm y\n'''\n"
        'def v = sh(returnStdout: true, script: "docker run -d $IMG").trim()\n'
        'sh "docker run " + image\n'
        "bat 'docker run --windows x'\n"
        "// sh 'docker run --commented x'\n/* sh 'docker run --block x' */\n"
    )
    assert words("jenkinsfile", text) == [
        ["docker", "run", "--rm", "-e", "A=~", "x"],
        ["docker", "run", "--rm", "--name", "n-~", "-e", "H=~", "~"],
        ["docker", "run", "--rm", "y"],
        ["docker", "run", "-d", "~"],
        ["docker", "run", "~"],
    ]


def test_package_json_scripts_only() -> None:
    text = '{"scripts": {"a": "docker run --rm -e \\"A=b c\\" x"}, "config": {"b": "docker run --no"}}'
    assert words("packagejson", text) == [["docker", "run", "--rm", "-e", "A=b c", "x"]]


@pytest.mark.parametrize(
    ("scalar", "expected"),
    [
        ("|\n        docker run \\\n          --rm x\n", ["docker", "run", "--rm", "x"]),
        (">\n        docker run\n        --rm x\n", ["docker", "run", "--rm", "x"]),
        (">\n        docker run --rm x\n          --not-folded\n", ["docker", "run", "--rm", "x"]),
        ("'docker run -e A=''b c'' x'", ["docker", "run", "-e", "A=b c", "x"]),
        ('"docker run -e A=\\"b c\\" x"', ["docker", "run", "-e", "A=b c", "x"]),
        ("docker run\n        --rm x", ["docker", "run", "--rm", "x"]),
        ('"docker run --na\\\n        me=y \\\n        x"', ["docker", "run", "--name=y", "x"]),
    ],
)
def test_yaml_scalar_styles(scalar: str, expected: list[str]) -> None:
    text = f"j:\n  script:\n    - {scalar}"
    assert words("gitlab", text)[0] == expected
    first = extract("gitlab", text).invocations[0]
    for word in first:  # spans point at the word in the file
        if word.literal:
            assert text[word.start : word.end] == word.value


def test_non_posix_shells_are_read_as_powershell_or_skipped() -> None:
    text = (
        "defaults:\n  run:\n    shell: pwsh\njobs:\n  a:\n    steps:\n      - run: docker run --pwsh x\n"
        "      - run: docker run --bash x\n        shell: bash\n"
        "      - run: docker run --cmd x\n        shell: cmd\n"
    )
    assert words("github", text) == [["docker", "run", "--pwsh", "x"], ["docker", "run", "--bash", "x"]]
    azure = "steps:\n- task: PowerShell@2\n  inputs:\n    script: docker run `\n      --ps x\n"
    assert words("azure", azure) == []


def test_make_variable_run_as_a_recipe_command_is_checked_where_assigned() -> None:
    # modeled on etrias-nl/node-dev's Makefile: the command lives in a variable, the recipe runs it
    text = (
        'exec_docker=docker run -it -u "$(shell id -u):$(shell id -g)" --rm -v "$(shell pwd):/app" -w /app\n'
        'exec_app=${exec_docker} "$(shell docker build -q .)"\n\ncli:\n\t${exec_app} bash\n'
        "BAD = docker run --cpus abc\nbad:\n\t$(BAD) image\n"
    )
    found = sorted(extract("makefile", text).invocations, key=lambda ws: ws[0].start)
    index = LineIndex(text)
    # a value with references is checked where it is assigned, a plain one where it is run
    assert [index.position(ws[0].start) for ws in found] == [(1, 13), (8, 2)]
    assert words("makefile", text)[0][-1] == "~"  # what the recipe adds is unknown there
    assert problems("makefile", text) == [(8, 2, "KX201")]


def test_block_scalars_lose_their_indentation_so_heredocs_close() -> None:
    text = step(
        "|\n          cat <<EOF > conf\n          a: b\n          EOF\n"
        "          docker run --rm \\\n            --cpus abc x\n"
    )
    assert problems("github", text) == [(11, 20, "KX201")]
    found = extract("github", text).invocations[0]
    assert [text[w.start : w.end] for w in found] == ["docker", "run", "--rm", "--cpus", "abc", "x"]


def test_a_makefile_with_a_shebang_comment_is_a_makefile() -> None:
    from kx.extract.filetypes import detect

    assert detect("Makefile", "#!/usr/bin/env bash\n")[0] == "makefile"
    assert detect("jenkinsfile.sh", "")[0] == "shell"


def test_azure_script_steps_on_windows_pools_run_cmd() -> None:
    text = (
        "jobs:\n- job: win\n  pool:\n    vmImage: windows-latest\n  steps:\n"
        "  - script: docker run ^\n      --cmd x\n  - bash: docker run --bash x\n"
        "- job: linux\n  pool:\n    vmImage: ubuntu-latest\n  steps:\n  - script: docker run --sh x\n"
    )
    assert words("azure", text) == [["docker", "run", "--bash", "x"], ["docker", "run", "--sh", "x"]]


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("shell", "#!/bin/sh\ndocker run --rm -p %%PORT%%:80 '%%IMAGE%%'\n"),
        ("makefile", "r:\n\tdocker run --rm --cpus %%CPUS%% %%IMAGE%%\n"),
        ("github", step("docker run --rm --memory '%%MEMORY%%' x")),
    ],
)
def test_percent_placeholders_are_unknown(kind: str, text: str) -> None:
    assert problems(kind, text) == []


def test_positions_count_characters_after_non_ascii_text() -> None:
    text = "name: déploiement 🚀\n" + step("docker run --cpus abc x")
    assert problems("github", text) == [(7, 32, "KX201")]


def test_circleci_windows_executors_run_powershell() -> None:
    text = (
        "jobs:\n  win:\n    executor: win/default\n    steps:\n      - run: docker run `\n          --ps x\n"
        "      - run:\n          shell: bash.exe\n          command: docker run --bash x\n"
        "  linux:\n    machine:\n      image: ubuntu-2204:current\n"
        "    steps:\n      - run: docker run --sh x\n"
    )
    assert words("circleci", text) == [["docker", "run", "--bash", "x"], ["docker", "run", "--sh", "x"]]


def test_kx_check_reads_percent_placeholders_as_lint_does() -> None:
    from kx.engine.pipeline import check_command

    assert check_command("docker run --rm -p %%PORT%%:80 '%%IMAGE%%'") == []
    assert [d.code for d in check_command("docker run --cpus abc -p %%PORT%%:80 x")] == ["KX201"]
