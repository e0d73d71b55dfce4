"""`netmap probe HOST`: everything one SNMP agent says, as JSON or a short summary.

Secrets come from environment variables or 0600 files (by name); a `--community` literal is
accepted for quick checks but never printed. The JSON is the full :class:`SnmpRecord` plus the
identified vendor / model / serial / OS version and an SNMP-only device-type hint.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import SecretStr

from netmap.discover.snmp.collect import collect
from netmap.model import GETTERS, AuthProtocol, PrivProtocol, ResolvedCredential, SnmpRecord

AUTH_PROTOCOLS: tuple[str, ...] = get_args(AuthProtocol)
PRIV_PROTOCOLS: tuple[str, ...] = get_args(PrivProtocol)


class ProbeError(ValueError):
    """A probe option that cannot be used; the message names the option, never a secret."""


@dataclass
class ProbeOptions:
    community: str | None = None  # a literal, for quick checks
    community_env: str | None = None
    community_file: str | None = None
    version: str = "2c"
    v3_user: str | None = None
    auth_proto: str = "sha"
    auth_key_env: str | None = None
    auth_key_file: str | None = None
    priv_proto: str = "aes128"
    priv_key_env: str | None = None
    priv_key_file: str | None = None
    context: str | None = None


def _secret(env: str | None, path: str | None, what: str) -> SecretStr | None:
    """A secret from an environment variable or a mode-0600 file (reusing the profile rules)."""
    from netmap.config import ConfigError, read_secret
    from netmap.model import SecretRef

    if env is None and path is None:
        return None
    try:
        return read_secret(SecretRef(env=env, file=path), what)
    except ConfigError as exc:
        raise ProbeError(str(exc)) from None


def credentials(opts: ProbeOptions) -> list[ResolvedCredential]:
    """The credential list a probe tries, v3 first."""
    creds: list[ResolvedCredential] = []
    if opts.v3_user:
        if opts.auth_proto not in AUTH_PROTOCOLS or opts.priv_proto not in PRIV_PROTOCOLS:
            raise ProbeError(
                f"--auth-proto must be one of {', '.join(AUTH_PROTOCOLS)}; "
                f"--priv-proto one of {', '.join(PRIV_PROTOCOLS)}"
            )
        auth = _secret(opts.auth_key_env, opts.auth_key_file, "--auth-key")
        priv = _secret(opts.priv_key_env, opts.priv_key_file, "--priv-key")
        auth_proto = opts.auth_proto if auth else "none"
        priv_proto = opts.priv_proto if priv else "none"
        if priv and not auth:
            raise ProbeError("SNMPv3 privacy needs an auth key too (--auth-key-env / --auth-key-file)")
        creds.append(
            ResolvedCredential.model_validate(
                {
                    "name": "cli-v3", "version": "3", "user": opts.v3_user,
                    "auth_protocol": auth_proto, "auth_key": auth,
                    "priv_protocol": priv_proto, "priv_key": priv, "context": opts.context,
                }
            )
        )
    community = _secret(opts.community_env, opts.community_file, "--community")
    if community is None and opts.community is not None:
        community = SecretStr(opts.community)
    if community is None and not creds:
        raise ProbeError(
            "give a credential: --community, --community-env VAR, --community-file PATH, "
            "or --v3-user with --auth-key-env/--priv-key-env"
        )
    if community is not None:
        if opts.version not in ("1", "2c"):
            raise ProbeError("--snmp-version must be 1 or 2c for a community")
        creds.append(
            ResolvedCredential.model_validate(
                {"name": f"cli-v{opts.version}", "version": opts.version, "community": community}
            )
        )
    return creds


async def probe(
    host: str,
    creds: Sequence[ResolvedCredential],
    port: int = 161,
    timeout: float = 2.0,
    retries: int = 1,
    getters: Sequence[str] = GETTERS,
    cost: dict[str, float] | None = None,
) -> SnmpRecord:
    """The agent's record; `cost`, when given, receives what asking it took (requests,
    varbinds answered, rows kept, timeouts, seconds): the load the scan puts on the agent."""
    stats: dict[str, int] = {}
    started = time.monotonic()
    rec = await collect(host, creds, port, getters, timeout=timeout, retries=retries, stats=stats)
    if cost is not None:
        cost.update(stats)
        cost["seconds"] = round(time.monotonic() - started, 3)
    return rec


def type_hint(rec: SnmpRecord) -> dict[str, Any] | None:
    """The SNMP-only device-type verdict (from netmap.infer.classify_snmp, when available)."""
    try:
        from netmap.infer.classify_snmp import snmp_type_hint
    except ImportError:
        return None
    if rec.facts is None:
        return None
    dtype, confidence, reasons = snmp_type_hint(rec)
    return {"type": str(dtype), "confidence": round(confidence, 3), "evidence": list(reasons)}


def report(rec: SnmpRecord, cost: Mapping[str, float] | None = None) -> dict[str, Any]:
    """The `probe --json` document."""
    doc = rec.model_dump(mode="json")
    facts = rec.facts
    doc["identity"] = {
        "vendor": facts.vendor if facts else None,
        "model": facts.model if facts else None,
        "serial_number": facts.serial_number if facts else None,
        "os_version": facts.os_version if facts else None,
        "evidence": facts.identity_evidence if facts else [],
        "os_family": facts.os_family.model_dump(mode="json") if facts and facts.os_family else None,
    }
    doc["type_hint"] = type_hint(rec)
    if cost is not None:
        doc["cost"] = dict(cost)
    return doc


def summary_lines(rec: SnmpRecord, cost: Mapping[str, float] | None = None) -> list[str]:
    """A few human lines (the text form of `netmap probe`)."""
    if rec.facts is None:
        return [f"{rec.ip}:{rec.port}: {rec.errors.get('facts', 'no SNMP answer')}"]
    f = rec.facts
    hint = type_hint(rec)
    lines = [
        f"{rec.ip}:{rec.port}  credential {rec.credential} (v{rec.version})",
        f"  name      {f.hostname or '-'}" + (f"  ({f.fqdn})" if f.fqdn else ""),
        f"  vendor    {f.vendor or '-'}   model {f.model or '-'}   serial {f.serial_number or '-'}",
        f"  os        {f.os_version or '-'}",
        f"  type      {hint['type'] if hint else '-'}"
        + (f" ({hint['confidence']:.2f})" if hint else ""),
        f"  location  {f.location or '-'}",
        "  counts    " + ", ".join(
            f"{name} {len(getattr(rec, name))}"
            for name in GETTERS
            if isinstance(getattr(rec, name), list)
        ),
    ]
    if rec.vlans is not None and rec.vlans.vlans:
        lines.append("  vlans     " + ", ".join(
            f"{vl.vlan_id}" + (f" {vl.name}" if vl.name else "") for vl in rec.vlans.vlans[:12])
            + (f", ... ({len(rec.vlans.vlans)})" if len(rec.vlans.vlans) > 12 else "")
            + f"  ({rec.vlans.vlans[0].source})")  # fmt: skip
    lines += [f"  why       {line}" for line in f.identity_evidence]
    if cost:
        lines.append(
            f"  asked     {cost.get('requests', 0):.0f} requests, "
            f"{cost.get('varbinds', 0):.0f} varbinds answered ({cost.get('rows', 0):.0f} table "
            f"rows kept), {cost.get('timeouts', 0):.0f} timeouts, {cost.get('seconds', 0):.2f} s"
        )
    if rec.default_community:
        lines.append("  ! the community that answered is a well-known default")
    for name, message in rec.errors.items():
        lines.append(f"  ! {name}: {message}")
    return lines
