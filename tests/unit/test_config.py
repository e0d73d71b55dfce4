import os
from pathlib import Path

import pytest

from netmap.config import (
    ConfigError,
    load_profile,
    resolve_credentials,
    resolve_host_credentials,
)


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


def test_host_credential_sets_as_the_issue_shows_them(tmp_path: Path) -> None:
    key = tmp_path / "id_ed25519"
    key.write_text("not read here")
    known = tmp_path / "known_hosts"
    known.write_text("")
    p = write(tmp_path, f'''
[[ssh]]
name = "linux-inventory"
user = "netmap"
key_file = "{key}"
port = 22
known_hosts = "{known}"

[[ssh]]
name = "linux-password"
user = "netmap"
password = {{ env = "NM_TEST_SSH_PASSWORD" }}
trust_on_first_use = true

[[winrm]]
name = "domain-inventory"
user = 'CITY\\netmap-inv'
password = {{ env = "NM_TEST_WINRM_PASSWORD" }}
transport = "ntlm"
https = true
''')
    prof = load_profile(p)
    os.environ["NM_TEST_SSH_PASSWORD"] = "ssh-pass-123"
    os.environ["NM_TEST_WINRM_PASSWORD"] = "winrm-pass-456"
    try:
        creds = resolve_host_credentials(prof.ssh, prof.winrm)
    finally:
        del os.environ["NM_TEST_SSH_PASSWORD"], os.environ["NM_TEST_WINRM_PASSWORD"]
    assert [(c.kind, c.name) for c in creds] == [("ssh", "linux-inventory"),
                                                 ("ssh", "linux-password"),
                                                 ("winrm", "domain-inventory")]
    assert creds[2].user == "CITY\\netmap-inv" and creds[2].https
    dumped = " ".join(repr(c) + c.model_dump_json() for c in creds)
    assert "ssh-pass-123" not in dumped and "winrm-pass-456" not in dumped


@pytest.mark.parametrize(("table", "message"), [
    ('[[ssh]]\nname="a"\nuser="u"\ntrust_on_first_use=true\n', "key_file"),
    ('[[ssh]]\nname="a"\nuser="u"\nkey_file="/nonexistent/k"\ntrust_on_first_use=true\n',
     "not found"),
    ('[[ssh]]\nname="a"\nuser="u"\npassword={env="NM_UNSET_VAR_X"}\nknown_hosts="/nonexistent"\n',
     "known_hosts"),
    ('[[winrm]]\nname="w"\nuser="u"\npassword={env="NM_UNSET_VAR_X"}\n', "NM_UNSET_VAR_X"),
])  # fmt: skip
def test_host_credential_errors_name_the_set(tmp_path: Path, table: str, message: str) -> None:
    prof = load_profile(write(tmp_path, table))
    with pytest.raises(ConfigError, match=message):
        resolve_host_credentials(prof.ssh, prof.winrm)
