"""The scan profile (TOML): validated once at the edge, trusted after.

Errors name the bad key ("profile city.toml: snmp.0.versoin: unknown key"). Secrets are given by
reference only (an environment variable, or a file of mode 0600) and resolved in memory.

Example::

    targets = ["10.1.10.0/24", "10.1.20.0/24"]
    exclude = ["10.1.10.5"]
    depth = "standard"
    rate = 300

    [subnets."10.1.20.0/24"]
    site = "Police"
    zone = "CJI"

    [[snmp]]
    name = "city-v3"
    version = "3"
    user = "netmap"
    auth_protocol = "sha256"
    auth_key = { env = "NETMAP_SNMP_AUTH" }
    priv_protocol = "aes128"
    priv_key = { file = "/etc/netmap/snmp-priv" }
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError

from netmap.errors import ConfigError as ConfigError
from netmap.model import (
    Depth,
    DiagramOptions,
    Model,
    Overrides,
    ResolvedCredential,
    ResolvedHostCredential,
    SecretRef,
    SiteZone,
    SlaOptions,
    SnmpCredential,
    SshCredential,
    WinrmCredential,
)


class SnmpOptions(Model):
    timeout: float = Field(default=1.0, gt=0, le=30)
    retries: int = Field(default=1, ge=0, le=5)
    concurrency: int = Field(default=32, ge=1, le=512)
    max_rows: int = Field(default=50_000, ge=10)
    port: int = Field(default=161, ge=1, le=65535)


class HostOptions(Model):
    """The host inventory phase (SSH and WinRM): how many computers at once, how long each
    may take, and how much output one computer may send."""

    concurrency: int = Field(default=32, ge=1, le=256)
    timeout: float = Field(default=30.0, gt=0, le=600)  # per host, login to last byte
    connect_timeout: float = Field(default=8.0, gt=0, le=120)
    max_output_mib: int = Field(default=20, ge=1, le=200)


class NotifyOptions(Model):
    when: Literal["never", "changes", "always"] = "never"
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    starttls: bool = False
    sender: str = "netmap@localhost"
    recipients: list[str] = Field(default_factory=list)
    user_env: str | None = None  # SMTP auth user, from the environment
    password_env: str | None = None


class RescanOptions(Model):
    keep: int = Field(default=30, ge=1)
    log_file: str = "scans/netmap.log"
    missing_threshold: int = Field(default=3, ge=1)  # consecutive misses before "removed"
    notify: NotifyOptions = Field(default_factory=NotifyOptions)


class Profile(Model):
    targets: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    depth: Depth = Depth.STANDARD
    rate: int | None = Field(default=None, ge=1, le=100_000)  # packets per second
    allow_public: bool = False
    large: bool = False
    subnets: dict[str, SiteZone] = Field(default_factory=dict)
    snmp: list[SnmpCredential] = Field(default_factory=list)
    snmp_options: SnmpOptions = Field(default_factory=SnmpOptions)
    ssh: list[SshCredential] = Field(default_factory=list)
    winrm: list[WinrmCredential] = Field(default_factory=list)
    host_options: HostOptions = Field(default_factory=HostOptions)
    sla: SlaOptions = Field(default_factory=SlaOptions)
    diagram: DiagramOptions = Field(default_factory=DiagramOptions)
    scans_dir: str = "scans"
    output_dir: str = "output"
    # the path of an overrides.toml, or the same tables inline: [overrides.devices."<key>"]
    overrides: str | Overrides | None = None
    redact_hostnames: bool = False
    rescan: RescanOptions = Field(default_factory=RescanOptions)


def validation_message(origin: str, exc: ValidationError) -> str:
    """One line per problem, each naming the bad key ("profile x.toml: snmp.0.versoin: ...")."""
    lines = []
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
        lines.append(f"{origin}: {key}: {msg}")
    return "; ".join(lines)


def load_toml(path: str | Path, what: str) -> dict[str, Any]:
    """Parse a TOML file; every failure is a ConfigError naming `what` and the path."""
    p = Path(path)
    try:
        return tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{what} {p}: file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{what} {p}: cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{what} {p}: not valid TOML: {exc}") from exc


def load_profile(path: str | Path) -> Profile:
    raw = load_toml(path, "profile")
    try:
        return Profile.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(validation_message(f"profile {path}", exc)) from None


def read_secret(ref: SecretRef, what: str) -> SecretStr:
    """Load a secret from its reference. Messages name the reference, never the value."""
    if ref.env:
        val = os.environ.get(ref.env)
        if val is None:
            raise ConfigError(f"{what}: environment variable {ref.env} is not set")
        return SecretStr(val)
    if ref.file:
        fp = Path(ref.file)
        try:
            mode = fp.stat().st_mode
        except OSError as exc:
            raise ConfigError(f"{what}: cannot read secret file {fp}: {exc.strerror}") from None
        if stat.S_IMODE(mode) & 0o077:
            raise ConfigError(f"{what}: secret file {fp} must have mode 0600 (chmod 600 {fp})")
        return SecretStr(fp.read_text(encoding="utf-8").strip())
    raise ConfigError(f'{what}: give the secret as {{ env = "VAR" }} or {{ file = "path" }}')


def _opt(ref: SecretRef | None, what: str) -> SecretStr | None:
    return read_secret(ref, what) if ref else None


def resolve_credentials(creds: list[SnmpCredential]) -> list[ResolvedCredential]:
    """Load secrets, v3 sets first (they are tried first for each device)."""
    out = []
    for c in sorted(creds, key=lambda c: c.version != "3"):
        what = f"snmp credential {c.name!r}"
        if c.version == "3" and not c.user:
            raise ConfigError(f"{what}: SNMPv3 needs a user")
        if c.version != "3" and not c.community:
            raise ConfigError(f"{what}: SNMP v{c.version} needs a community")
        out.append(
            ResolvedCredential(
                name=c.name,
                version=c.version,
                community=_opt(c.community, what),
                user=c.user,
                auth_protocol=c.auth_protocol,
                auth_key=_opt(c.auth_key, what),
                priv_protocol=c.priv_protocol,
                priv_key=_opt(c.priv_key, what),
                context=c.context,
            )
        )
    return out


def resolve_host_credentials(
    ssh: list[SshCredential], winrm: list[WinrmCredential]
) -> list[ResolvedHostCredential]:
    """Load SSH and WinRM passwords (a key file stays a path: asyncssh reads it), checking
    each set can be used, in the profile's order."""
    out = [_resolve_ssh(c) for c in ssh] + [_resolve_winrm(c) for c in winrm]
    names = [c.name for c in out]
    if dupes := sorted({n for n in names if names.count(n) > 1}):
        raise ConfigError(f"host credential names must be unique: {', '.join(dupes)}")
    return out


def _resolve_ssh(c: SshCredential) -> ResolvedHostCredential:
    what = f"ssh credential {c.name!r}"
    if not (c.key_file or c.password):
        raise ConfigError(f'{what}: give key_file = "path" or password = {{ env = "VAR" }}')
    if c.key_file and not Path(c.key_file).is_file():
        raise ConfigError(f"{what}: key_file {c.key_file} not found")
    if not (c.known_hosts or c.trust_on_first_use):
        raise ConfigError(f'{what}: give known_hosts = "path" or trust_on_first_use = true')
    if c.known_hosts and not Path(c.known_hosts).is_file():
        raise ConfigError(f"{what}: known_hosts {c.known_hosts} not found")
    return ResolvedHostCredential(
        kind="ssh", name=c.name, user=c.user, password=_opt(c.password, what),
        key_file=c.key_file, port=c.port, known_hosts=c.known_hosts,
        trust_on_first_use=c.trust_on_first_use, sudo=c.sudo,
    )  # fmt: skip


def _resolve_winrm(c: WinrmCredential) -> ResolvedHostCredential:
    what = f"winrm credential {c.name!r}"
    return ResolvedHostCredential(
        kind="winrm", name=c.name, user=c.user, password=read_secret(c.password, what),
        port=c.port, transport=c.transport, https=c.https,
        allow_unencrypted=c.allow_unencrypted, verify_tls=c.verify_tls,
    )  # fmt: skip


def prefer_credential(
    creds: list[ResolvedCredential], name: str | None
) -> list[ResolvedCredential]:
    """Put the credential that worked last time first, so a rescan tries it first."""
    if not name:
        return creds
    return sorted(creds, key=lambda c: c.name != name)
