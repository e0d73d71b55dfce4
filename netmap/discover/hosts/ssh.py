"""Inventory one computer over SSH (asyncssh): log in, ask its platform, run the fixed script.

The host key is checked before any credential is sent: against known_hosts, or against the
key the previous scan recorded for that address when the set trusts on first use. A changed
key is refused and reported ("host key changed"), never accepted. asyncssh's defaults that
would reach outside the profile (~/.ssh/config, ~/.ssh keys, the ssh-agent) are all off.

Output is read in chunks up to the per-host cap and decoded with replacement, so a host that
sends gigabytes or invalid UTF-8 costs a bounded amount and loses nothing before the cap.
"""

from __future__ import annotations

import asyncio
import warnings
from dataclasses import dataclass

from cryptography.utils import CryptographyDeprecationWarning

with warnings.catch_warnings():
    # asyncssh still names DSA key types at import; cryptography >= 48 warns of each on every
    # run, to the user's terminal. netmap offers no DSA keys, so the warning says nothing here.
    warnings.simplefilter("ignore", CryptographyDeprecationWarning)
    import asyncssh

from netmap.discover.hosts.commands import (
    PLATFORM_COMMAND,
    UNIX_PLATFORMS,
    inventory_script,
    split_sections,
)
from netmap.model import HostFailure, HostInvObs, ResolvedHostCredential

CHUNK = 65536


@dataclass
class Limits:
    timeout: float = 30.0  # the whole host: connect, log in, every command
    connect_timeout: float = 8.0
    max_bytes: int = 20 * 2**20


class _Refused(Exception):
    """The host was refused before authentication (its key); `failure` says why."""

    def __init__(self, failure: HostFailure, message: str) -> None:
        super().__init__(message)
        self.failure: HostFailure = failure


class _KeyCheck(asyncssh.SSHClient):
    """Decides on a host key that known_hosts does not trust: refused when known_hosts lists
    another key for the host, or when it differs from the key pinned by an earlier scan
    (it changed); accepted on first use only when the set says so."""

    def __init__(self, listed: bool, pinned: str | None, trust_on_first_use: bool) -> None:
        self.listed, self.pinned, self.tofu = listed, pinned, trust_on_first_use
        self.seen: str | None = None
        self.verdict: HostFailure | None = None

    def validate_host_public_key(
        self, host: str, addr: str, port: int, key: asyncssh.SSHKey
    ) -> bool:
        self.seen = key.get_fingerprint("sha256")
        if self.listed or (self.pinned is not None and self.seen != self.pinned):
            self.verdict = "host key changed"
        elif self.pinned is None and not self.tofu:
            self.verdict = "host key unknown"
        return self.verdict is None


async def inventory_ssh(
    ip: str, cred: ResolvedHostCredential, limits: Limits, pinned: str | None = None
) -> HostInvObs:
    """One host, one credential set: a HostInvObs with the outputs, or with the failure.
    `pinned` is the host key fingerprint a previous scan recorded (trust on first use)."""
    port = cred.port or 22
    obs = HostInvObs(target=ip, ip=ip, method="ssh", port=port, credential=cred.name)
    try:
        await asyncio.wait_for(_session(ip, port, cred, limits, pinned, obs), limits.timeout)
    except _Refused as exc:
        return obs.model_copy(update={"failure": exc.failure, "error": str(exc),
                                      "credential": None})  # fmt: skip
    except TimeoutError:
        return _failed(obs, "timed out", f"no complete answer within {limits.timeout:g} s")
    except asyncssh.PermissionDenied:
        return _failed(obs, "authentication failed", f"user {cred.user!r} was refused")
    except ConnectionRefusedError:
        return _failed(obs, "port closed", f"nothing listens on port {port}")
    except (OSError, asyncssh.Error) as exc:
        return _failed(obs, "error", _message(exc, cred))
    return obs


def _failed(obs: HostInvObs, failure: HostFailure, message: str) -> HostInvObs:
    return obs.model_copy(update={"failure": failure, "error": message, "credential": None})


def _message(exc: BaseException, cred: ResolvedHostCredential) -> str:
    """An exception as one line for people, with no secret in it."""
    text = f"{type(exc).__name__}: {exc}"[:300]
    if cred.password is not None and (secret := cred.password.get_secret_value()):
        text = text.replace(secret, "***")
    return text


async def _session(
    ip: str,
    port: int,
    cred: ResolvedHostCredential,
    limits: Limits,
    pinned: str | None,
    obs: HostInvObs,
) -> None:
    """Log in and run the commands, filling obs in place (so a timeout keeps what came)."""
    known = _known_keys(ip, port, cred)
    tofu = cred.trust_on_first_use
    check = _KeyCheck(bool(known[0]), pinned if tofu else None, tofu)
    try:
        conn, _ = await asyncssh.create_connection(
            lambda: check, ip, port, username=cred.user,
            password=cred.password.get_secret_value() if cred.password else None,
            client_keys=[cred.key_file] if cred.key_file else None,
            known_hosts=known, config=None, agent_path=None, agent_forwarding=False,
            connect_timeout=limits.connect_timeout, login_timeout=limits.connect_timeout,
            keepalive_interval=0,
        )  # fmt: skip
    except (asyncssh.HostKeyNotVerifiable, asyncssh.KeyExchangeFailed) as exc:
        if check.verdict is not None:
            raise _Refused(check.verdict, _key_message(check, ip, check.pinned)) from None
        raise exc
    obs.host_key = check.seen or _fingerprint(conn)
    async with conn:
        await _run_inventory(conn, cred, limits, obs)


def _known_keys(
    ip: str, port: int, cred: ResolvedHostCredential
) -> tuple[list[asyncssh.SSHKey], list[asyncssh.SSHKey], list[asyncssh.SSHKey]]:
    """The keys known_hosts trusts (and revokes) for this address. Never an empty tuple:
    asyncssh would then read ~/.ssh/known_hosts."""
    if not cred.known_hosts:
        return [], [], []
    matched = asyncssh.match_known_hosts(cred.known_hosts, ip, ip, port)
    return list(matched[0]), list(matched[1]), list(matched[2])


def _fingerprint(conn: asyncssh.SSHClientConnection) -> str | None:
    key = conn.get_server_host_key()
    return key.get_fingerprint("sha256") if key else None


def _key_message(check: _KeyCheck, ip: str, pinned: str | None = None) -> str:
    if check.verdict == "host key unknown":
        return (f"{ip} offered host key {check.seen}, which known_hosts does not list "
                "(add it, or set trust_on_first_use = true)")  # fmt: skip
    was = f" (was {pinned})" if pinned else ""
    return (f"{ip} offered host key {check.seen}{was}, not the one on record: refused; check "
            "the host was reinstalled before trusting the new key")  # fmt: skip


async def _run_inventory(
    conn: asyncssh.SSHClientConnection,
    cred: ResolvedHostCredential,
    limits: Limits,
    obs: HostInvObs,
) -> None:
    budget = limits.max_bytes
    uname, truncated = await _run(conn, PLATFORM_COMMAND, budget)
    obs.commands = 1
    platform = UNIX_PLATFORMS.get(uname.strip().splitlines()[0] if uname.strip() else "")
    if platform is None:
        from netmap.discover.hosts.powershell import SSH_COMMAND

        text, truncated = await _run(conn, SSH_COMMAND, budget)
        obs.platform, obs.outputs = "windows", {"windows": text}
    else:
        script = inventory_script(platform, sudo=cred.sudo)
        text, truncated = await _run(conn, "sh -s", budget, stdin=script.text)
        obs.platform, obs.outputs = platform, split_sections(text, script.marker)
    obs.commands, obs.truncated = 2, truncated


async def _run(
    conn: asyncssh.SSHClientConnection, command: str, budget: int, stdin: str | None = None
) -> tuple[str, bool]:
    """A command's standard output, at most `budget` bytes of it, decoded with replacement
    characters where it is not UTF-8; and whether it was cut."""
    async with conn.create_process(command, encoding=None, stderr=asyncssh.DEVNULL) as proc:
        if stdin is not None:
            proc.stdin.write(stdin.encode("utf-8"))
            proc.stdin.write_eof()
        chunks: list[bytes] = []
        size = 0
        while size < budget:
            chunk = await proc.stdout.read(min(CHUNK, budget - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        truncated = size >= budget and bool(await proc.stdout.read(1))
        if truncated:
            proc.terminate()
    return b"".join(chunks).decode("utf-8", "replace"), truncated
