import os
from pathlib import Path

import pytest

from netmap.config import ConfigError, load_profile, resolve_credentials


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "city.toml"
    p.write_text(text)
    return p


def test_profile_roundtrip(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        """
targets = ["10.1.10.0/24"]
depth = "quick"
[subnets."10.1.20.0/24"]
site = "Police"
zone = "CJI"
[[snmp]]
name = "ro"
community = { env = "NM_TEST_COMMUNITY" }
""",
    )
    prof = load_profile(p)
    assert prof.targets == ["10.1.10.0/24"]
    assert prof.subnets["10.1.20.0/24"].zone == "CJI"


def test_unknown_key_named(tmp_path: Path) -> None:
    p = write(tmp_path, 'targets = ["10.0.0.0/24"]\n[[snmp]]\nname="x"\nversoin="2c"\n')
    with pytest.raises(ConfigError, match=r"snmp\.0\.versoin: unknown key"):
        load_profile(p)


def test_bad_toml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_profile(write(tmp_path, "targets = [\n"))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_profile(tmp_path / "nope.toml")


def test_secret_from_env_and_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "priv"
    secret.write_text("s3cr3t-priv\n")
    os.chmod(secret, 0o600)
    monkeypatch.setenv("NM_AUTH", "s3cr3t-auth")
    p = write(
        tmp_path,
        f"""
[[snmp]]
name = "ro"
community = {{ env = "NM_AUTH" }}
[[snmp]]
name = "v3"
version = "3"
user = "netmap"
auth_protocol = "sha256"
auth_key = {{ env = "NM_AUTH" }}
priv_protocol = "aes128"
priv_key = {{ file = "{secret}" }}
""",
    )
    creds = resolve_credentials(load_profile(p).snmp)
    assert [c.name for c in creds] == ["v3", "ro"]  # v3 first
    assert creds[0].priv_key is not None
    assert creds[0].priv_key.get_secret_value() == "s3cr3t-priv"
    assert "s3cr3t" not in repr(creds) and "s3cr3t" not in str(creds[0].model_dump())


def test_secret_file_mode_checked(tmp_path: Path) -> None:
    secret = tmp_path / "priv"
    secret.write_text("x")
    os.chmod(secret, 0o644)
    p = write(tmp_path, f'[[snmp]]\nname="ro"\ncommunity = {{ file = "{secret}" }}\n')
    with pytest.raises(ConfigError, match="0600"):
        resolve_credentials(load_profile(p).snmp)


def test_missing_env_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NM_NOPE", raising=False)
    p = write(tmp_path, '[[snmp]]\nname="ro"\ncommunity = { env = "NM_NOPE" }\n')
    with pytest.raises(ConfigError, match="NM_NOPE"):
        resolve_credentials(load_profile(p).snmp)


def test_overrides_inline_in_profile(tmp_path: Path) -> None:
    p = write(tmp_path, '[overrides.devices."10.0.0.5"]\ntype = "printer"\nname = "Front desk"\n')
    prof = load_profile(p)
    assert prof.overrides is not None and not isinstance(prof.overrides, str)
    assert prof.overrides.devices["10.0.0.5"].name == "Front desk"
    bad = write(tmp_path, '[overrides.devices."10.0.0.5"]\ntpye = "printer"\n')
    with pytest.raises(ConfigError, match=r"overrides\..*tpye: unknown key"):
        load_profile(bad)
