"""Inventory one Windows computer over WinRM (pypsrp): run powershell.py's fixed script and keep
what it printed, raw and bounded, for the parser in netmap/infer/hosts/windows.py.

Synchronous, as pypsrp is: the hosts phase runs it in a thread per host. It uses pypsrp's
WSMan + RunspacePool + PowerShell rather than Client.execute_ps, because execute_ps waits for
the script without end (every WSMan Receive that times out is silently sent again): a host
whose WMI hangs would hold its thread for ever. Here the script is polled until `timeout`
and then stopped.

Plain-HTTP WinRM is refused before connecting unless the set says allow_unencrypted = true.
Proxies from the environment are not used: the request goes to the host and nowhere else.
Every error message is built here from the exception's type and a cleaned text, with the
password masked (in every spelling a library might echo it) before anything is cut or kept.
"""

from __future__ import annotations

import contextlib
import html
import re
import time
from typing import Any
from urllib.parse import quote, quote_plus

from netmap.discover.hosts.powershell import INVENTORY_PS
from netmap.model import HostFailure, HostInvObs, ResolvedHostCredential

POLL_SECONDS = 5  # one WSMan Receive: the deadline is checked between two of them
MAX_MESSAGE = 300  # characters of an error message kept
MAX_STREAM_ERRORS = 10  # PowerShell error records kept in `error`
OPERATION_TIMED_OUT = 2150858793  # WSManFault: the operation timeout expired
ACCESS_DENIED = 5  # WSManFault: logged in, but not allowed to use this endpoint
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def winrm_port(cred: ResolvedHostCredential) -> int:
    return cred.port or (5986 if cred.https else 5985)


def run_winrm(
    ip: str, cred: ResolvedHostCredential, *, timeout: float = 30.0, max_bytes: int = 20 * 2**20
) -> HostInvObs:
    """One host, one WinRM set: a HostInvObs with the script's output, or with the failure."""
    if cred.kind != "winrm":
        raise ValueError(f"run_winrm needs a winrm set, not {cred.kind}")
    port = winrm_port(cred)
    obs = HostInvObs(target=ip, ip=ip, method="winrm", port=port, platform="windows")
    if not cred.https and not cred.allow_unencrypted:
        return _failed(obs, "refused by policy", "WinRM over plain HTTP (port "
                       f"{port}) is not allowed: set https = true, or allow_unencrypted = true "
                       "to accept it")  # fmt: skip
    try:
        output, errors = _execute(ip, port, cred, timeout)
    except Exception as exc:  # pypsrp, requests, spnego, socket: all become a failure reason
        failure, message = classify_error(exc)
        return _failed(obs, failure, scrub(message, cred))
    text, truncated = _bounded(output, max_bytes)
    stream_errors = scrub("; ".join(errors), cred) if errors else None
    if not text.strip():  # e.g. blocked by Constrained Language mode: say so now, not at parsing
        why = f": {stream_errors}" if stream_errors else ""
        return _failed(obs, "error", scrub(f"the inventory script printed nothing{why}", cred))
    return HostInvObs(target=ip, ip=ip, method="winrm", port=port, credential=cred.name,
                      platform="windows", outputs={"windows": text}, truncated=truncated,
                      commands=1, error=stream_errors)  # fmt: skip


def _execute(
    ip: str, port: int, cred: ResolvedHostCredential, timeout: float
) -> tuple[str, list[str]]:
    """Run the script: its output as text, and the PowerShell error records if it had errors.
    Raises what pypsrp raises, and TimeoutError when the script outlives `timeout`."""
    from pypsrp.complex_objects import PSInvocationState
    from pypsrp.powershell import PowerShell, RunspacePool
    from pypsrp.wsman import WSMan

    deadline = time.monotonic() + timeout
    poll = max(1, min(POLL_SECONDS, int(timeout)))
    wsman = WSMan(
        ip, port=port, username=cred.user,
        password=cred.password.get_secret_value() if cred.password else None,
        ssl=cred.https, auth=cred.transport, cert_validation=cred.verify_tls,
        connection_timeout=max(1, min(10, int(timeout))), read_timeout=poll + 5,
        operation_timeout=poll, no_proxy=True, reconnection_backoff=0.5,
    )  # fmt: skip
    pool = RunspacePool(wsman)
    try:
        pool.open()
        ps = PowerShell(pool)
        ps.add_script(INVENTORY_PS)
        ps.begin_invoke()
        while ps.state == PSInvocationState.RUNNING:
            left = deadline - time.monotonic()
            if left <= 0:
                with contextlib.suppress(Exception):
                    ps.stop()
                raise TimeoutError(f"the inventory script did not finish within {timeout:g} s")
            ps.poll_invoke(timeout=max(1, min(poll, int(left))))
        output = "\n".join(str(o) for o in ps.output if o is not None)
        errors = [str(r) for r in ps.streams.error[:MAX_STREAM_ERRORS]] if ps.had_errors else []
        if ps.had_errors and not errors:
            errors = ["the inventory script failed"]
        return output, errors
    finally:
        with contextlib.suppress(Exception):  # closing must not hide the real outcome
            pool.close()
        with contextlib.suppress(Exception):
            wsman.close()


def _bounded(output: str, max_bytes: int) -> tuple[str, bool]:
    """At most max_bytes of UTF-8, cut on a character boundary. A lone surrogate (possible in
    PowerShell's serialised strings) becomes "?" so the observation can be stored as JSON."""
    data = output.encode("utf-8", "replace")
    if len(data) <= max_bytes:
        return data.decode("utf-8"), False
    return data[:max_bytes].decode("utf-8", "ignore"), True


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------


def classify_error(exc: BaseException) -> tuple[HostFailure, str]:
    """A pypsrp, requests, spnego or socket error as a host failure and a one-line message
    (not yet scrubbed: run_winrm masks the password in it)."""
    from pypsrp.exceptions import AuthenticationError, WSManFaultError

    chain = _chain(exc)
    name = type(exc).__name__
    if isinstance(exc, AuthenticationError):
        return "authentication failed", "the user name or password was refused (HTTP 401)"
    if isinstance(exc, WSManFaultError) and exc.code == ACCESS_DENIED:
        return "authentication failed", (
            "access is denied: the user logged in but may not use WinRM "
            "(Administrators or Remote Management Users)"
        )
    if isinstance(exc, WSManFaultError) and exc.code == OPERATION_TIMED_OUT:
        return "timed out", "the WinRM operation timed out"
    if any(_is_timeout(e) for e in chain):
        return "timed out", f"no complete answer in time ({name}: {_one_line(exc)})"
    if any(_is_tls(e) for e in chain):
        return "error", (
            f"TLS failed ({_one_line(exc)}); a self-signed certificate needs verify_tls = false"
        )
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or _says_refused(exc):
        return "port closed", "the connection was refused"
    return "error", f"{name}: {_one_line(exc)}"


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and what it wraps (cause, context, urllib3's `reason`, exception args):
    requests hides a refused connection three levels down."""
    seen: list[BaseException] = []
    todo: list[Any] = [exc]
    while todo and len(seen) < 12:
        e = todo.pop()
        if not isinstance(e, BaseException) or any(e is s for s in seen):
            continue
        seen.append(e)
        todo += [e.__cause__, e.__context__, getattr(e, "reason", None), *e.args]
    return seen


def _is_timeout(exc: BaseException) -> bool:
    # requests' Timeout and urllib3's TimeoutError are not the builtin TimeoutError
    return isinstance(exc, TimeoutError) or type(exc).__name__ in (
        "Timeout", "ConnectTimeout", "ReadTimeout", "ConnectTimeoutError", "ReadTimeoutError",
        "TimeoutError",
    )  # fmt: skip


def _is_tls(exc: BaseException) -> bool:
    return type(exc).__name__ in ("SSLError", "SSLCertVerificationError")


def _says_refused(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "connection refused" in text or "errno 111" in text or "winerror 10061" in text


def _one_line(exc: BaseException) -> str:
    return _CONTROL.sub(" ", str(exc)).strip() or "no detail"


def scrub(message: str, cred: ResolvedHostCredential) -> str:
    """The message on one line with the password masked in every spelling a library might
    echo (as is, repr-escaped, URL-encoded, XML-escaped), then cut to MAX_MESSAGE. Masking
    comes first, so that a cut can never leave part of the password behind."""
    secret = cred.password.get_secret_value() if cred.password else ""
    if secret:
        for form in sorted({secret, repr(secret)[1:-1], quote(secret, safe=""), quote_plus(secret),
                            html.escape(secret)}, key=len, reverse=True):  # fmt: skip
            message = message.replace(form, "***")
    message = _CONTROL.sub(" ", message).strip()
    if secret:
        message = message.replace(secret, "***")  # a password holding control characters
    return message[:MAX_MESSAGE]


def _failed(obs: HostInvObs, failure: HostFailure, message: str) -> HostInvObs:
    return obs.model_copy(update={"failure": failure, "error": message, "credential": None})
