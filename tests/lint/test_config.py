from pathlib import Path

import pytest

from kx.core.errors import ConfigError
from kx.engine.config import DEFAULT_MAX_FILE_SIZE, find_config, load_config, parse_size


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_defaults_without_a_file(tmp_path: Path) -> None:
    config = load_config(str(tmp_path))
    assert config.path is None
    assert config.select is None and config.ignore == frozenset()
    assert config.max_file_size == DEFAULT_MAX_FILE_SIZE >= 10 * 1024 * 1024


def test_pyproject_found_walking_up(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        """
[tool.kx]
ignore = ["KX5"]
severity = { KX108 = "error", KX3 = "off" }
exclude = ["vendor/**"]
spec-dirs = ["extra-specs"]
target-versions = { kubectl = "1.30" }
max-file-size = "2MB"
""",
    )
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    config = load_config(str(deep))
    assert config.path == str(tmp_path / "pyproject.toml")
    assert config.ignore == {"KX501", "KX502", "KX503"}
    assert config.severity["KX108"] == "error"
    assert config.severity["KX303"] == "off" and config.severity["KX301"] == "off"
    assert config.exclude == ("vendor/**",)
    assert config.spec_dirs == (str(tmp_path / "extra-specs"),)
    assert config.target_versions == {"kubectl": "1.30"}
    assert config.max_file_size == 2 * 1024 * 1024


def test_pyproject_without_kx_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / ".kx.toml", 'select = ["KX1"]\n')
    write(tmp_path / "sub" / "pyproject.toml", "[tool.black]\nline-length = 80\n")
    config = load_config(str(tmp_path / "sub"))
    assert config.path == str(tmp_path / ".kx.toml")
    assert config.select is not None and "KX101" in config.select and "KX201" not in config.select


def test_kx_toml_wins_in_the_same_directory(tmp_path: Path) -> None:
    write(tmp_path / ".kx.toml", 'ignore = ["KX101"]\n')
    write(tmp_path / "pyproject.toml", '[tool.kx]\nignore = ["KX201"]\n')
    found = find_config(str(tmp_path))
    assert found is not None and found[0].endswith(".kx.toml")


def test_isolated_ignores_files(tmp_path: Path) -> None:
    write(tmp_path / ".kx.toml", 'ignore = ["KX101"]\n')
    assert load_config(str(tmp_path), isolated=True).ignore == frozenset()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('selekt = ["KX1"]\n', "unknown key 'selekt'"),
        ('select = "KX1"\n', "select: expected a list of strings"),
        ('ignore = ["KX999"]\n', "ignore: unknown diagnostic code or prefix: 'KX999'"),
        ('severity = { KX101 = "fatal" }\n', "severity must be one of"),
        ('target-versions = { podman = "4" }\n', "unknown tool 'podman'"),
        ("target-versions = { kubectl = 1.3 }\n", "expected a version string"),
        ('max-file-size = "lots"\n', "expected a positive size"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_strict_validation(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / ".kx.toml", text)
    with pytest.raises(ConfigError, match=message) as info:
        load_config(str(tmp_path))
    assert str(info.value).startswith(str(path))
    assert "\n" not in str(info.value)


def test_tool_kx_must_be_a_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool]\nkx = "yes"\n')
    with pytest.raises(ConfigError, match=r"\[tool.kx\] must be a table"):
        load_config(str(tmp_path))


def test_parse_size() -> None:
    assert parse_size(1000) == 1000
    assert parse_size("10MB") == 10 * 1024**2
    assert parse_size("512k") == 512 * 1024
    assert parse_size("1GiB") == 1024**3
    for bad in (0, -1, True, "0", "1.5MB", "ten"):
        with pytest.raises(ConfigError):
            parse_size(bad)
