"""Finding docker/kubectl invocations (and usage synopses) in files of every supported kind."""

from __future__ import annotations

from kx.extract.filetypes import (
    ASCIIDOC,
    DOCKERFILE,
    JENKINSFILE,
    JUSTFILE,
    MAKEFILE,
    MARKDOWN,
    PACKAGE_JSON,
    POWERSHELL,
    RST,
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
        from kx.extract.comments import add_comment_commands

        add_comment_commands(text, found)
        return found
    if kind == MARKDOWN:
        from kx.extract.markdown import extract_markdown

        return extract_markdown(text)
    if kind in (ASCIIDOC, RST, POWERSHELL):
        return _document(kind, text)
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


def _document(kind: str, text: str) -> Snippets:
    """AsciiDoc, reStructuredText and PowerShell files."""
    if kind == ASCIIDOC:
        from kx.extract.asciidoc import extract_asciidoc

        return extract_asciidoc(text)
    if kind == RST:
        from kx.extract.rst import extract_rst

        return extract_rst(text)
    from kx.extract.comments import add_comment_commands
    from kx.extract.powershell import extract_powershell

    found = extract_powershell(text)
    add_comment_commands(text, found)
    return found
