"""Inventory one Windows computer over WinRM (pypsrp): run powershell.py's fixed script.

Synchronous (pypsrp is): the phase runs it in a thread per host. Plain-HTTP WinRM with a
password is refused before connecting unless the set says allow_unencrypted = true. Proxies
from the environment are not used: the request goes to the host and nowhere else. Every error
message is built here, with the password masked should a library ever echo it.
"""

from __future__ import annotations

import socket

from netmap.discover.hosts.powershell import INVENTORY_PS
from netmap.model import HostFailure, HostInvObs, ResolvedHostCredential


def winrm_port(cred: ResolvedHostCredential) -> int:
    return cred.port or (5986 if cred.https else 5985)


def run_winrm(
    ip: str, cred: ResolvedHostCredential, *, timeout: float = 30.0, max_bytes: int = 20 * 2**20
) -> HostInvObs:
    port = winrm_port(cred)
    obs = HostInvObs(target=ip, ip=ip, method="winrm", port=port, credential=cred.name,
                     platform="windows")  # fmt: skip
    if not cred.https and not cred.allow_unencrypted:
        return _failed(obs, "refused by policy", "WinRM over plain HTTP with a password: set "
                       "https = true, or allow_unencrypted = true to accept it")  # fmt: skip
    try:
        output, had_errors, errors = _execute(ip, port, cred, timeout)
    except Exception as exc:
        failure, message = classify_error(exc)
        return _failed(obs, failure, _mask(message, cred))
    data = output.encode("utf-8", "replace")
    truncated = len(data) > max_bytes
    text = data[:max_bytes].decode("utf-8", "replace") if truncated else output
    return obs.model_copy(update={
        "outputs": {"windows": text}, "truncated": truncated, "commands": 1,
        "error": _mask("; ".join(errors)[:500], cred) if had_errors else None,
    })  # fmt: skip


def _execute(
    ip: str, port: int, cred: ResolvedHostCredential, timeout: float
) -> tuple[str, bool, list[str]]:
    from pypsrp.client import Client

    seconds = max(1, int(timeout))
    client = Client(
        ip, port=port, username=cred.user,
        password=cred.password.get_secret_value() if cred.password else None,
        ssl=cred.https, auth=cred.transport, cert_validation=cred.verify_tls,
        connection_timeout=seconds, read_timeout=seconds, operation_timeout=max(1, seconds - 1),
        no_proxy=True,
    )  # fmt: skip
    output, streams, had_errors = client.execute_ps(INVENTORY_PS)
    errors = [str(record) for record in getattr(streams, "error", [])][:20]
    return str(output or ""), bool(had_errors), errors


def classify_error(exc: BaseException) -> tuple[HostFailure, str]:
    """A pypsrp, requests or socket error as a host failure and a one-line message."""
    from pypsrp.exceptions import AuthenticationError, WinRMTransportError

    name = type(exc).__name__
    if isinstance(exc, AuthenticationError) or (
        isinstance(exc, WinRMTransportError) and getattr(exc, "code", None) == 401
    ):
        return "authentication failed", "the user was refused"
    if isinstance(exc, TimeoutError | socket.timeout) or "Timeout" in name:
        return "timed out", f"no complete answer ({name})"
    if isinstance(exc, ConnectionRefusedError) or "refused" in str(exc).lower():
        return "port closed", "the connection was refused"
    return "error", f"{name}: {str(exc)[:300]}"


def _failed(obs: HostInvObs, failure: HostFailure, message: str) -> HostInvObs:
    return obs.model_copy(update={"failure": failure, "error": message, "credential": None})


def _mask(message: str, cred: ResolvedHostCredential) -> str:
    if cred.password is not None and (secret := cred.password.get_secret_value()):
        message = message.replace(secret, "***")
    return message
