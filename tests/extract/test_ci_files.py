from kx.extract.build_files import extract_dockerfile, extract_makefile
from kx.extract.ci import extract_github, extract_gitlab
from kx.extract.filetypes import detect
from kx.extract.snippets import Snippets


def values(found: Snippets, text: str) -> list[list[str]]:
    ordered = sorted(found.invocations, key=lambda ws: ws[0].start)
    return [[w.value if not w.dynamic else "~" for w in ws] for ws in ordered]


WORKFLOW = """name: ci
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: docker run --rm ${{ matrix.image }} true
      - name: expose
        run: |
          kubectl expose deployment web --port=80 \\
            --selecter=app=web
          echo done
      - shell: pwsh
        run: docker run --not-posix x
      - run: >
          docker run
          --folded y
"""


def test_github_run_steps_positions_map_to_the_file() -> None:
    found = extract_github(WORKFLOW)
    assert values(found, WORKFLOW) == [
        ["docker", "run", "--rm", "~", "true"],
        ["kubectl", "expose", "deployment", "web", "--port=80", "--selecter=app=web"],
        ["docker", "run", "--not-posix", "x"],  # read as PowerShell
        ["docker", "run", "--folded", "y"],
    ]
    flag = sorted(found.invocations, key=lambda ws: ws[0].start)[1][5]
    assert WORKFLOW[flag.start : flag.end] == "--selecter=app=web"


def test_gitlab_scripts_and_custom_tags() -> None:
    text = (
        "build:\n  script:\n    - docker run --rm -e A=$CI_JOB_ID img\n"
        "    - !reference [.setup, script]\n  after_script: kubectl run q --image=w\n"
    )
    assert values(extract_gitlab(text), text) == [
        ["docker", "run", "--rm", "-e", "~", "img"],
        ["kubectl", "run", "q", "--image=w"],
    ]


def test_invalid_yaml_is_a_problem_not_a_crash() -> None:
    found = extract_github("jobs: [unclosed docker\n")
    assert found.invocations == [] and found.problems[0][1].startswith("not valid YAML")


def test_makefile_recipes() -> None:
    text = "IMG ?= nginx\nrun:\n\t@docker run --rm $(IMG) \\\n\t\t--name $@\n\t-kubectl run x --image=y\n"
    found = extract_makefile(text)
    assert values(found, text) == [
        ["docker", "run", "--rm", "~", "--name", "~"],
        ["kubectl", "run", "x", "--image=y"],
    ]
    name = found.invocations[0][4]
    assert text[name.start : name.end] == "--name"


def test_dockerfile_run() -> None:
    text = (
        "FROM alpine\nRUN --mount=type=cache,target=/x apk add docker && \\\n"
        "    # docker run --comment\n    docker run --rm hello\n"
        'RUN ["docker", "run", "--exec-form"]\nRUN <<EOF\nkubectl run h --image=x\nEOF\n'
    )
    assert values(extract_dockerfile(text), text) == [
        ["docker", "run", "--rm", "hello"],
        ["kubectl", "run", "h", "--image=x"],
    ]


def test_file_types() -> None:
    assert detect("x/deploy.sh", "") == ("shell", "bash")
    assert detect("tool", "#!/usr/bin/env zsh\n") == ("shell", "zsh")
    assert detect("run", "#!/bin/sh\n") == ("shell", "bash")
    assert detect("README.md", "") == ("markdown", "bash")
    assert detect("notes.txt", "text\n```bash\n") == ("markdown", "bash")
    assert detect("notes.txt", "text") == (None, "bash")
    assert detect("r/.github/workflows/ci.yml", "")[0] == "github"
    assert detect(".gitlab-ci.yml", "")[0] == "gitlab"
    assert detect("other.yaml", "")[0] is None
    assert detect("Makefile", "")[0] == "makefile"
    assert detect("Dockerfile.dev", "")[0] == "dockerfile"


# Modeled on moby/moby .github/workflows/.windows.yml:45-86 (`runs-on: ${{ inputs.os }}`).
ANY_OS = """on: workflow_call
jobs:
  build:
    runs-on: ${{ inputs.os }}
    steps:
      - name: Build binaries
        run: |
          & docker run --name ${{ env.TEST_CTN_NAME }} -e "DOCKER_GITCOMMIT=${{ github.sha }}" `
              ${{ env.TEST_IMAGE_NAME }} hack\\make.ps1 -Daemon -Client
      - run: |
          docker cp "$env:NAME" .
      - run: docker run --posix-too x
      - shell: bash
        run: docker run --bash-said-so "$env:y" z
"""


def test_runner_chosen_by_an_expression_reads_scripts_written_for_powershell_as_powershell() -> None:
    found = extract_github(ANY_OS)
    assert values(found, ANY_OS) == [
        ["docker", "run", "--name", "~", "-e", "~", "~", "hack/make.ps1", "-Daemon", "-Client"],
        ["docker", "cp", "~", "."],
        ["docker", "run", "--posix-too", "x"],
        ["docker", "run", "--bash-said-so", "~", "z"],
    ]
    assert found.problems == []
    name = sorted(found.invocations, key=lambda ws: ws[0].start)[0][3]
    assert ANY_OS[name.start : name.end] == "${{ env.TEST_CTN_NAME }}"
