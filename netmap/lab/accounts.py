"""The lab's SSH inventory account: a real system user that the lab's `ssh_login` hosts let
in with a real key, the scanner's key pair (and a wrong one), and a known_hosts file holding
every lab sshd's host key.

The lab's namespaces share this machine's file system, so the account is one system user
(`netmap-inv`, no home, no password). It is created at `lab up` when missing and removed by
the last lab to go down, when a lab created it.
"""

from __future__ import annotations

import pwd
import subprocess
from pathlib import Path

from netmap.lab.daemons import STATE_ROOT, Layout
from netmap.lab.spec import GroundTruth, LabSpec, TruthHost

USER = "netmap-inv"
# Beside the labs' own folders: the lab that created the user may go down while another lab
# that uses it is still up; the last lab down removes it.
CREATED = STATE_ROOT / ".netmap-inv-created"


def inventory_dir(layout: Layout) -> Path:
    return layout.root / "inventory"


def prepare_account(layout: Layout) -> None:
    """The user, the two key pairs and authorized_keys (the good key only)."""
    folder = inventory_dir(layout)
    folder.mkdir(parents=True, exist_ok=True)
    if not _user_exists():
        # "*" rather than useradd's "!": sshd without PAM refuses any login to a locked
        # account, public keys included; "*" only means "no password".
        subprocess.run(["useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
                        "--shell", "/bin/sh", "--password", "*", USER],
                       check=True, timeout=30, capture_output=True)  # fmt: skip
        CREATED.write_text(USER + "\n")
    for name in ("id_ed25519", "wrong_ed25519"):
        if not (folder / name).exists():
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", f"lab {name}",
                            "-f", str(folder / name)], check=True, timeout=10,
                           capture_output=True)  # fmt: skip
    (folder / "authorized_keys").write_text((folder / "id_ed25519.pub").read_text())


def write_known_hosts(spec: LabSpec, layout: Layout) -> Path:
    """Every lab sshd's host key under each of its addresses, as the scanner must know them."""
    lines = []
    for d in spec.devices:
        pub = layout.dev(d.name) / "ssh_host_ed25519_key.pub"
        if pub.exists():
            key = " ".join(pub.read_text().split()[:2])
            lines += [f"{ip.ip} {key}" for ip in d.ips()]
    path = inventory_dir(layout) / "known_hosts"
    path.parent.mkdir(parents=True, exist_ok=True)  # a lab without ssh_login hosts has no account
    path.write_text("\n".join(lines) + "\n")
    return path


def remove_account(layout: Layout) -> None:
    """Delete the user if a lab made it and no other lab is up."""
    if not CREATED.exists():
        return
    others = [p for p in STATE_ROOT.iterdir() if p.is_dir() and p != layout.root]
    if not others:
        if _user_exists():
            subprocess.run(["userdel", USER], check=False, timeout=30, capture_output=True)
        CREATED.unlink(missing_ok=True)


def _user_exists() -> bool:
    try:
        pwd.getpwnam(USER)
    except KeyError:
        return False
    return True


def machine_truth() -> TruthHost:
    """This machine as an inventory must see it: os-release, dpkg's installed packages, and
    the DMI maker and model where the kernel exposes them."""
    os_name = None
    for line in _read("/etc/os-release").splitlines():
        if line.startswith("PRETTY_NAME="):
            os_name = line.partition("=")[2].strip().strip('"')
    listing = subprocess.run(
        ["dpkg-query", "-W", "-f", "${db:Status-Abbrev}\t${Package}\t${Version}\n"],
        capture_output=True, text=True, timeout=60, check=False,
    ).stdout  # fmt: skip
    packages = {parts[1]: parts[2] for line in listing.splitlines()
                if len(parts := line.split("\t")) == 3 and parts[0].startswith("ii")}  # fmt: skip
    return TruthHost(os_name=os_name, packages=packages,
                     dmi_vendor=_read("/sys/class/dmi/id/sys_vendor").strip() or None,
                     dmi_model=_read("/sys/class/dmi/id/product_name").strip() or None)  # fmt: skip


def with_host_truth(truth: GroundTruth, spec: LabSpec) -> GroundTruth:
    """The ground truth with each `ssh_login` computer's own account filled in; where the
    machine shows its DMI maker and model, those are what the inventory must report."""
    logins = {d.name for d in spec.devices if d.ssh_login}
    if not logins:
        return truth
    host = machine_truth()
    devices = [d.model_copy(update={"host": host,
                                    "vendor": host.dmi_vendor or d.vendor,
                                    "model": host.dmi_model or d.model})
               if d.name in logins else d for d in truth.devices]  # fmt: skip
    return truth.model_copy(update={"devices": devices})


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
