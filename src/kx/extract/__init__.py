"""Finding docker/kubectl invocations (and usage synopses) in files of every supported kind."""

from __future__ import annotations

from kx.extract.filetypes import (
    DOCKERFILE,
    JENKINSFILE,
    JUSTFILE,
    MAKEFILE,
    MARKDOWN,
    PACKAGE_JSON,
    SHELL,
    SNIPPET,
    YAML_CI,
)
from kx.extract.snippets import Snippets


def extract(kind: str, text: str, dialect: str = "bash") -> Snippets:
    """Run the extractor for ``kind`` over ``text``; offsets in the result index ``text``."""
    if kind == SHELL:
        from kx.extract.shell import extract_script

        result = extract_script(text, dialect=dialect)
        found = Snippets()
        found.invocations = result.invocations
        found.problems = result.problems
        return found
    if kind == MARKDOWN:
        from kx.extract.markdown import extract_markdown

        return extract_markdown(text)
    if kind in YAML_CI:
        from kx.extract.ci import extract_ci

        return extract_ci(kind, text)
    if kind in (JUSTFILE, JENKINSFILE, PACKAGE_JSON):
        from kx.extract import runners

        return runners.EXTRACTORS[kind](text)
    if kind in (MAKEFILE, DOCKERFILE):
        from kx.extract import build_files

        if kind == MAKEFILE:
            return build_files.extract_makefile(text)
        return build_files.extract_dockerfile(text)
    if kind == SNIPPET:
        found = Snippets()
        found.add(text, 0)
        return found
    raise ValueError(f"unknown file kind {kind!r}")
