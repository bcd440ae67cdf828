"""Every dated entry of the specs' flag history names the client source it was read from, and says true.

A source is ``OWNER/REPO@TAG:PATH[#NEEDLE]``. Where a mirror of the repository is present
(``fetch`` puts them under /work/.mirror, or set KX_SOURCE_MIRRORS), the file at that tag is read:
an ``added`` or ``deprecated_in`` needle must be there and not at the release before; a
``removed_in`` or ``undeprecated_in`` one gone, and there before. The needle defaults to the
flag's quoted name (``MarkDeprecated("name"`` for deprecations). Old clients are not installed
here, so these sources are the oracle for every version but the installed ones.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from kx.catalog.history import version_key
from kx.catalog.loader import load_specs

MIRRORS = Path(os.environ.get("KX_SOURCE_MIRRORS", "/work/.mirror"))
SOURCE = re.compile(r"^(?P<repo>[\w.-]+/[\w.-]+)@(?P<tag>v[\w.+-]+):(?P<path>[\w./-]+)(?:#(?P<needle>.+))?$")
FLOOR = {"kubectl": "1.18", "docker": "19.03"}
FIELDS = ("added", "short_added", "deprecated_in", "undeprecated_in", "removed_in")


def entries() -> list[tuple[str, str, str, str, str]]:
    """(spec key, flag name, field, version, source) for every dated field of every shipped flag."""
    out = []
    for spec in load_specs().all():
        for flag in (*spec.own_flags, *spec.removed_flags):
            for field in FIELDS:
                version = getattr(flag, field, None)
                # docker's --daemon and --lxc-conf went in 1.10, years before the range kx covers
                if version is not None and version_key(version) >= version_key(FLOOR[spec.tool]):
                    out.append((spec.key, flag.name, field, version, flag.sources.get(field, "")))
    return out


ENTRIES = entries()


def test_every_dated_entry_names_its_source() -> None:
    assert len(ENTRIES) > 40
    missing = [(key, name, field) for key, name, field, _, source in ENTRIES if not SOURCE.match(source)]
    assert missing == []


def test_the_source_tag_is_the_version_it_dates() -> None:
    for _key, name, field, version, source in ENTRIES:
        tag = SOURCE.match(source)["tag"]  # type: ignore[index]
        # kubernetes/* tag v0.N.0 for kubectl 1.N; docker/cli tag vX.Y.Z for X.Y
        tagged = "1." + tag[3:].split(".")[0] if tag.startswith("v0.") else ".".join(tag[1:].split(".")[:2])
        assert version_key(tagged) == version_key(version), (name, field, source)


def _repo(name: str) -> Path | None:
    path = MIRRORS / name.replace("/", "+") / "repo"
    return path if path.is_dir() else None


def _show(repo: Path, tag: str, path: str) -> str | None:
    done = subprocess.run(["git", "-C", str(repo), "show", f"{tag}:{path}"], capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def _release_before(repo: Path, tag: str) -> str:
    tags = subprocess.run(
        ["git", "-C", str(repo), "tag"], capture_output=True, text=True, check=True
    ).stdout.split()
    releases = [t for t in tags if re.fullmatch(r"v\d+\.\d+\.0", t) or re.fullmatch(r"v2\d\.\d+\.[01]", t)]
    older = [
        t for t in releases if version_key(t[1:].rsplit(".", 1)[0]) < version_key(tag[1:].rsplit(".", 1)[0])
    ]
    return max(older, key=lambda t: version_key(t[1:]))


@pytest.mark.parametrize(("key", "name", "field", "version", "source"), ENTRIES,
                         ids=[f"{e[0]}:{e[1]}:{e[2]}" for e in ENTRIES])  # fmt: skip
def test_the_source_says_so(key: str, name: str, field: str, version: str, source: str) -> None:
    found = SOURCE.match(source)
    assert found is not None
    repo = _repo(found["repo"])
    if repo is None:
        pytest.skip(f"no mirror of {found['repo']} under {MIRRORS} (fetch github:{found['repo']})")
    deprecation = field in ("deprecated_in", "undeprecated_in")
    needle = found["needle"] or (f'MarkDeprecated("{name}"' if deprecation else f'"{name}"')
    arrives = field in ("added", "short_added", "deprecated_in")
    at = _show(repo, found["tag"], found["path"])
    before = _show(repo, _release_before(repo, found["tag"]), found["path"])
    floor = version in ("1.18", "19.03")  # kx's history starts there: only presence is checked
    if arrives:
        assert at is not None and needle in at, f"{needle} not in {source}"
        assert floor or before is None or needle not in before, f"{needle} already before {source}"
    else:
        assert at is None or needle not in at, f"{needle} still in {source}"
        assert before is not None and needle in before, f"{needle} not in the release before {source}"
