"""The SSH host inventory against a real SSH server (asyncssh) on 127.0.0.1: logins, host
keys, timeouts, bounded and hostile output. The lab tests do the same against real sshd."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import asyncssh
import pytest
from pydantic import SecretStr

from netmap.discover.hosts.collect import HostTarget, inventory_many
from netmap.discover.hosts.powershell import SSH_COMMAND
from netmap.discover.hosts.ssh import Limits, inventory_ssh
from netmap.infer.hosts.parse import host_inventory
from netmap.model import HostInvObs, ResolvedHostCredential

PASSWORD = "s3cret-Pa55word!"
DATA = Path(__file__).resolve().parents[1] / "data" / "hosts"
DPKG = "ii \tbash\t5.2.15-2+b2\tMatthias Klose <doko@debian.org>\t1716200000\n" \
       "rc \told-removed\t1.0\t\t\n" \
       "ii \topenssh-server\t1:9.2p1-2+deb12u3\tDebian OpenSSH Maintainers <x@y>\t1716300000\n"  # fmt: skip
SECTIONS = {
    "hostname": "web01",
    "uname": "Linux 6.1.0-18-amd64 x86_64",
    "os-release": 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nVERSION_ID="12"\n',
    "dmi": "sys_vendor=Dell Inc.\nproduct_name=PowerEdge R450\nproduct_serial=\n",
    "cpu": "model name\t: Intel(R) Xeon(R) Silver 4309Y CPU @ 2.80GHz\ncpus=16",
    "memory": "MemTotal:       65536000 kB",
    "disks": 'NAME="sda" SIZE="479559942144" TYPE="disk" MODEL="PERC H755"',
    "dpkg": DPKG,
}


@dataclass
class FakeHost:
    """What the server says: per section text (or raw bytes for the whole script output)."""

    sections: dict[str, str] = field(default_factory=lambda: dict(SECTIONS))
    raw: bytes | None = None
    platform: str = "Linux"
    commands: list[str] = field(default_factory=list)

    async def handle(self, process: asyncssh.SSHServerProcess[bytes]) -> None:
        command = process.command or ""
        self.commands.append(command)
        if command == "uname -s" and self.platform == "Windows":  # cmd.exe has no uname
            process.stderr.write(b"'uname' is not recognized as an internal or external command\r\n")
            process.exit(1)
            return
        if command == "uname -s":
            process.stdout.write(f"{self.platform}\n".encode())
        elif command == SSH_COMMAND:
            process.stdout.write((DATA / "windows-server-2022.json").read_bytes())
        elif command == "sh -s":
            script = (await process.stdin.read()).decode()
            marker = re.search(r"echo '(@@netmap-[0-9a-f]+@@) ", script)
            assert marker, script[:200]
            if self.raw is not None:
                process.stdout.write(self.raw)
            for name, body in self.sections.items():
                text = f"{marker.group(1)} {name}\n{body}\n"
                process.stdout.write(text.encode(errors="surrogateescape"))  # raw bytes too
        process.exit(0)


@dataclass
class Keys:
    client: Path
    wrong: Path
    host: asyncssh.SSHKey
    other_host: asyncssh.SSHKey


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    folder = tmp_path_factory.mktemp("keys")
    paths = []
    for name in ("client", "wrong"):
        key = asyncssh.generate_private_key("ssh-ed25519")
        key.write_private_key(folder / name)
        key.write_public_key(folder / f"{name}.pub")
        paths.append(folder / name)
    return Keys(paths[0], paths[1], asyncssh.generate_private_key("ssh-ed25519"),
                asyncssh.generate_private_key("ssh-ed25519"))


class _Server(asyncssh.SSHServer):
    def password_auth_supported(self) -> bool:
        return True

    def validate_password(self, username: str, password: str) -> bool:
        return username == "inv" and password == PASSWORD


def run_with_server(
    keys: Keys, host: FakeHost, body: Callable[[int], Awaitable[object]]
) -> object:
    """Start an SSH server on 127.0.0.1, run body(port) against it, stop it."""

    async def main() -> object:
        server = await asyncssh.create_server(
            _Server, "127.0.0.1", 0, server_host_keys=[keys.host],
            authorized_client_keys=str(keys.client) + ".pub", process_factory=host.handle,
            encoding=None,
        )  # fmt: skip
        port = server.sockets[0].getsockname()[1]
        try:
            return await body(port)
        finally:
            server.close()
            await server.wait_closed()

    return asyncio.run(main())


def known_hosts(tmp_path: Path, key: asyncssh.SSHKey, port: int) -> str:
    path = tmp_path / "known_hosts"
    path.write_text(f"[127.0.0.1]:{port} {key.export_public_key().decode()}")
    return str(path)


def cred(name: str = "linux", **kw: object) -> ResolvedHostCredential:
    return ResolvedHostCredential.model_validate({"kind": "ssh", "name": name, "user": "inv", **kw})


def inventory(keys: Keys, host: FakeHost, tmp_path: Path, *, key: asyncssh.SSHKey | None = None,
              limits: Limits | None = None, **kw: object) -> HostInvObs:  # fmt: skip
    async def body(port: int) -> HostInvObs:
        c = cred(port=port, known_hosts=known_hosts(tmp_path, key or keys.host, port), **kw)
        return await inventory_ssh("127.0.0.1", c, limits or Limits(timeout=10))

    result = run_with_server(keys, host, body)
    assert isinstance(result, HostInvObs)
    return result


def test_inventory_over_ssh(keys: Keys, tmp_path: Path) -> None:
    host = FakeHost()
    obs = inventory(keys, host, tmp_path, key_file=str(keys.client))
    assert obs.failure is None and obs.platform == "linux" and obs.commands == 2
    assert host.commands == ["uname -s", "sh -s"]  # fixed commands only
    assert obs.host_key == keys.host.get_fingerprint("sha256")
    inv = host_inventory(obs)
    assert inv is not None
    assert (inv.hostname, inv.vendor, inv.model, inv.serial) == ("web01", "Dell Inc.",
                                                                 "PowerEdge R450", None)
    assert inv.os_name == "Debian GNU/Linux 12 (bookworm)" and inv.cpu_cores == 16
    assert inv.memory_bytes == 65536000 * 1024 and inv.disks[0].model == "PERC H755"
    assert [(s.name, s.version, s.installed) for s in inv.software] == [
        ("bash", "5.2.15-2+b2", "2024-05-20"), ("openssh-server", "1:9.2p1-2+deb12u3", "2024-05-21")
    ]  # "rc" (removed, config left) is not installed
    assert "model: /sys/class/dmi/id/product_name over SSH" in inv.evidence


def test_password_login_and_wrong_password_leaks_nothing(keys: Keys, tmp_path: Path) -> None:
    ok = inventory(keys, FakeHost(), tmp_path, password=SecretStr(PASSWORD))
    assert ok.failure is None
    bad = inventory(keys, FakeHost(), tmp_path, password=SecretStr(PASSWORD + "x"))
    assert bad.failure == "authentication failed" and bad.credential is None
    assert PASSWORD not in bad.model_dump_json() and PASSWORD not in ok.model_dump_json()


def test_wrong_key_then_right_key_and_the_scan_goes_on(keys: Keys, tmp_path: Path) -> None:
    async def body(port: int) -> list[HostInvObs]:
        kh = known_hosts(tmp_path, keys.host, port)
        sets = [cred("wrong", port=port, key_file=str(keys.wrong), known_hosts=kh),
                cred("right", port=port, key_file=str(keys.client), known_hosts=kh)]
        targets = [HostTarget("127.0.0.1", {port}), HostTarget("127.0.0.2", {port})]
        return await inventory_many(targets, sets, Limits(timeout=10, connect_timeout=2))

    result = run_with_server(keys, FakeHost(), body)
    assert isinstance(result, list)
    first, second = result
    assert first.failure is None and first.credential == "right"
    # 127.0.0.2: nothing listens there (the server is bound to 127.0.0.1 only)
    assert second.failure in ("port closed", "error"), second


def test_preferred_set_is_tried_first(keys: Keys, tmp_path: Path) -> None:
    host = FakeHost()

    async def body(port: int) -> list[HostInvObs]:
        kh = known_hosts(tmp_path, keys.host, port)
        sets = [cred("wrong", port=port, key_file=str(keys.wrong), known_hosts=kh),
                cred("right", port=port, key_file=str(keys.client), known_hosts=kh)]
        return await inventory_many([HostTarget("127.0.0.1", {port})], sets, Limits(timeout=10),
                                    preferred={"127.0.0.1": "right"})  # fmt: skip

    (obs,) = run_with_server(keys, host, body)  # type: ignore[misc]
    assert obs.credential == "right" and len(host.commands) == 2  # no failed login first


@pytest.mark.parametrize("case", ["changed", "unknown", "pinned-changed", "pinned-same", "tofu"])
def test_host_keys(keys: Keys, tmp_path: Path, case: str) -> None:
    async def body(port: int) -> HostInvObs:
        kh = known_hosts(tmp_path, keys.other_host, port)
        empty = tmp_path / "empty"
        empty.write_text("")
        c = {
            "changed": cred(port=port, key_file=str(keys.client), known_hosts=kh),
            "unknown": cred(port=port, key_file=str(keys.client), known_hosts=str(empty)),
        }.get(case, cred(port=port, key_file=str(keys.client), trust_on_first_use=True))
        pinned = {"pinned-changed": keys.other_host, "pinned-same": keys.host}.get(case)
        fp = pinned.get_fingerprint("sha256") if pinned else None
        return await inventory_ssh("127.0.0.1", c, Limits(timeout=10), fp)

    host = FakeHost()
    obs = run_with_server(keys, host, body)
    assert isinstance(obs, HostInvObs)
    want = {"changed": "host key changed", "unknown": "host key unknown",
            "pinned-changed": "host key changed"}.get(case)  # fmt: skip
    assert obs.failure == want, obs.error
    if want:
        assert host.commands == [] and obs.credential is None  # refused before logging in
        assert keys.host.get_fingerprint("sha256") in (obs.error or "")
    else:
        assert obs.host_key == keys.host.get_fingerprint("sha256")


def test_server_that_never_speaks_times_out(keys: Keys) -> None:
    async def main() -> tuple[HostInvObs, float]:
        async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await asyncio.sleep(30)

        server = await asyncio.start_server(silent, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        loop = asyncio.get_running_loop()
        t0 = loop.time()
        try:
            obs = await inventory_ssh("127.0.0.1", cred(port=port, key_file=str(keys.client),
                                                        trust_on_first_use=True),
                                      Limits(timeout=1.5, connect_timeout=1.0))  # fmt: skip
        finally:
            server.close()
        return obs, loop.time() - t0

    obs, seconds = asyncio.run(main())
    assert obs.failure == "timed out", obs.error
    assert seconds < 5


def test_output_is_bounded(keys: Keys, tmp_path: Path) -> None:
    host = FakeHost(raw=b"x" * (3 * 2**20))
    obs = inventory(keys, host, tmp_path, key_file=str(keys.client),
                    limits=Limits(timeout=20, max_bytes=2**20))  # fmt: skip
    assert obs.truncated and obs.failure is None
    assert sum(len(v.encode()) for v in obs.outputs.values()) <= 2**20


def test_hostile_output_is_stored_safely(keys: Keys, tmp_path: Path) -> None:
    evil = "=HYPERLINK(\"http://x\")\x1b[31m<script>alert(1)</script>" + "A" * 5000
    sections = dict(SECTIONS)
    sections["dpkg"] = f"ii \t{evil}\t1.0\t\x00\xff\t\n" + DPKG
    sections["hostname"] = "host\x07name\udcff"
    host = FakeHost(sections=sections, raw=b"\xff\xfe banner before any marker\n")
    obs = inventory(keys, host, tmp_path, key_file=str(keys.client))
    assert obs.failure is None
    HostInvObs.model_validate_json(obs.model_dump_json())  # round-trips through the store
    inv = host_inventory(obs)
    assert inv is not None
    names = [s.name for s in inv.software]
    assert len(names) == 3 and all(len(n) <= 512 and "\x1b" not in n for n in names)
    assert inv.hostname is not None and "\x07" not in inv.hostname


def test_windows_over_openssh_runs_the_same_powershell(keys: Keys, tmp_path: Path) -> None:
    host = FakeHost(platform="Windows")
    obs = inventory(keys, host, tmp_path, key_file=str(keys.client))
    assert obs.failure is None and obs.platform == "windows" and obs.commands == 2
    assert host.commands == ["uname -s", SSH_COMMAND]
    inv = host_inventory(obs)
    assert inv is not None and inv.os_name == "Microsoft Windows Server 2022 Standard"
    assert "model: Win32_ComputerSystem.Model over SSH" in inv.evidence
