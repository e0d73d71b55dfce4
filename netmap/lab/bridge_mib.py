"""BRIDGE-MIB / Q-BRIDGE-MIB forwarding tables for a Linux bridge (pass_persist).

Debian's net-snmp has no BRIDGE-MIB, so a lab switch's snmpd runs

    pass_persist .1.3.6.1.2.1.17 python -S -m netmap.lab.bridge_mib vlan1

inside the switch namespace. The table is rebuilt from `bridge -j fdb show` and
/sys at most once a second, so what a scanner walks is the live forwarding table.

A switch whose VLANs are Cisco's (`vlan_mib = "cisco"` in the lab spec) has no Q-BRIDGE-MIB:
`--instance N` serves the BRIDGE-MIB of VLAN N alone (its ports, and the forwarding table when
N is the bridge's VLAN), as a Cisco switch answers community "<community>@N"; `--cisco` serves
CISCO-VTP-MIB and CISCO-VLAN-MEMBERSHIP-MIB (under .1.3.6.1.4.1.9.9) from the VLAN plan.
Standard library only.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from netmap.lab.passpersist import PassEntry, serve

BRIDGE = (1, 3, 6, 1, 2, 1, 17)
FDB_ID = 1  # single VLAN / filtering database: the kernel here has no vlan_filtering
LEARNED, SELF = 3, 4


def _o(*sub: int) -> tuple[int, ...]:
    return (*BRIDGE, *sub)


def _sys(path: Path, default: str = "0") -> str:
    try:
        return path.read_text().strip()
    except OSError:
        return default


def _ports(bridge: str) -> dict[str, tuple[int, int]]:
    """port ifname -> (dot1dBasePort number, ifIndex)."""
    out: dict[str, tuple[int, int]] = {}
    for brif in sorted(Path(f"/sys/class/net/{bridge}/brif").iterdir()):
        num = int(_sys(brif / "port_no"), 16)
        out[brif.name] = (num, int(_sys(Path(f"/sys/class/net/{brif.name}/ifindex"))))
    return out


def _fdb(bridge: str) -> list[dict[str, object]]:
    res = subprocess.run(["bridge", "-j", "fdb", "show", "br", bridge],
                         capture_output=True, text=True, timeout=5, check=False)
    try:
        data = json.loads(res.stdout or "[]")
    except json.JSONDecodeError:
        return []
    return [e for e in data if isinstance(e, dict)]


def _mac_oid(mac: str) -> tuple[int, ...]:
    return tuple(int(b, 16) for b in mac.split(":"))


def _octets(mac: str) -> str:
    return " ".join(mac.split(":")).upper()


def _in_vlan(plan: dict[str, Any], port: str, vid: int) -> bool:
    spec = plan["ports"].get(port, {})
    return vid in spec.get("untagged", []) or vid in spec.get("tagged", [])


def build(bridge: str, plan: dict[str, Any] | None = None,
          instance: int | None = None) -> list[PassEntry]:  # fmt: skip
    """The whole BRIDGE-MIB / Q-BRIDGE-MIB view; `plan` is the lab's VLAN plan (spec.VlanPlan
    as JSON) or None for a switch with VLAN 1 only. With `instance`, Cisco's view of one VLAN:
    its ports and, if it is the bridge's VLAN, the forwarding table; no Q-BRIDGE-MIB."""
    ports = _ports(bridge)
    if plan is not None and instance is not None:
        ports = {p: v for p, v in ports.items() if _in_vlan(plan, p, instance)}
        fdb_vlan = int(plan["fdb"])
        return _base(bridge, ports) + (_fdb_entries(bridge, ports, None)
                                       if instance == fdb_vlan else [])  # fmt: skip
    fdb_id = int(plan["fdb"]) if plan else FDB_ID
    ageing = int(_sys(Path(f"/sys/class/net/{bridge}/bridge/ageing_time"), "30000")) // 100
    e = [
        *_base(bridge, ports),
        (_o(4, 1, 0), "counter", "0"),
        (_o(4, 2, 0), "integer", str(ageing)),
        (_o(7, 1, 1, 1, 0), "integer", "1"),  # dot1qVlanVersionNumber
        (_o(7, 1, 1, 2, 0), "integer", "4094"),  # dot1qMaxVlanId
        (_o(7, 1, 1, 3, 0), "gauge", "4094"),  # dot1qMaxSupportedVlans
        (_o(7, 1, 1, 4, 0), "gauge", str(len(plan["names"]) if plan else 1)),  # dot1qNumVlans
    ]
    port_plan: dict[str, Any] = plan["ports"] if plan else {}
    for name, (num, _ifindex) in ports.items():
        stats = Path(f"/sys/class/net/{name}/statistics")
        e += [
            (_o(1, 4, 1, 3, num), "objectid", ".0.0"),
            (_o(1, 4, 1, 4, num), "counter", "0"),
            (_o(1, 4, 1, 5, num), "counter", "0"),
            (_o(4, 4, 1, 1, num), "integer", str(num)),
            (_o(4, 4, 1, 2, num), "integer", "1500"),
            (_o(4, 4, 1, 3, num), "counter", str(int(_sys(stats / "rx_packets")) % 2**32)),
            (_o(4, 4, 1, 4, num), "counter", str(int(_sys(stats / "tx_packets")) % 2**32)),
            (_o(4, 4, 1, 5, num), "counter", "0"),
            (_o(7, 1, 4, 5, 1, 1, num), "gauge",
             str(port_plan.get(name, {}).get("pvid", 1))),  # dot1qPvid
        ]
    e += _static_vlans(plan, ports) if plan else []
    e += _fdb_entries(bridge, ports, fdb_id)
    return e


def _base(bridge: str, ports: dict[str, tuple[int, int]]) -> list[PassEntry]:
    """dot1dBase: the bridge's address, type and `ports` (all of them, or one VLAN's on a Cisco
    switch) with their ifIndex."""
    base_mac = _sys(Path(f"/sys/class/net/{bridge}/address"), "00:00:00:00:00:00")
    e: list[PassEntry] = [
        (_o(1, 1, 0), "octet", _octets(base_mac)),
        (_o(1, 2, 0), "integer", str(len(ports))),
        (_o(1, 3, 0), "integer", "2"),  # transparent-only
    ]
    for num, ifindex in ports.values():
        e += [(_o(1, 4, 1, 1, num), "integer", str(num)),
              (_o(1, 4, 1, 2, num), "integer", str(ifindex))]  # fmt: skip
    return e


def cisco_vlans(bridge: str, plan: dict[str, Any]) -> list[PassEntry]:
    """CISCO-VTP-MIB (VLAN table of management domain 1, trunk ports) and
    CISCO-VLAN-MEMBERSHIP-MIB (each access port's VLAN), from the plan, as a Catalyst answers."""
    vtp, vm = (1, 3, 6, 1, 4, 1, 9, 9, 46, 1), (1, 3, 6, 1, 4, 1, 9, 9, 68, 1, 2, 2, 1)
    names = {int(k): str(v) for k, v in plan["names"].items()}
    names.update({1002: "fddi-default", 1003: "token-ring-default", 1004: "fddinet-default",
                  1005: "trnet-default"})  # fmt: skip
    e: list[PassEntry] = []
    for vid, name in sorted(names.items()):
        kind = {1002: 2, 1003: 3, 1004: 4, 1005: 5}.get(vid, 1)  # ethernet(1), fddi(2), ...
        e += [(( *vtp, 3, 1, 1, 2, 1, vid), "integer", "1"),  # vtpVlanState: operational
              (( *vtp, 3, 1, 1, 3, 1, vid), "integer", str(kind)),  # vtpVlanType
              (( *vtp, 3, 1, 1, 4, 1, vid), "string", name)]  # fmt: skip
    ports = _ports(bridge)
    for port, (_num, ifindex) in sorted(ports.items(), key=lambda kv: kv[1][1]):
        spec = plan["ports"].get(port, {})
        trunk = bool(spec.get("trunk"))
        e += [((*vtp, 6, 1, 1, 5, ifindex), "integer", "1"),  # vlanTrunkPortNativeVlan
              ((*vtp, 6, 1, 1, 14, ifindex), "integer", "1" if trunk else "2"),  # DynamicStatus
              ((*vtp, 6, 1, 1, 16, ifindex), "integer", "4" if trunk else "6")]  # encap: dot1Q
        if not trunk:
            e.append(((*vm, 2, ifindex), "integer", str(spec.get("pvid", 1))))  # vmVlan
    return sorted(e, key=lambda entry: entry[0])


def _static_vlans(plan: dict[str, Any], ports: dict[str, tuple[int, int]]) -> list[PassEntry]:
    """dot1qVlanStaticTable: each VLAN's name and its egress and untagged PortLists."""
    e: list[PassEntry] = []
    for vid_text, name in sorted(plan["names"].items(), key=lambda kv: int(kv[0])):
        vid = int(vid_text)
        untagged = [n for p, (n, _i) in ports.items()
                    if vid in plan["ports"].get(p, {}).get("untagged", [])]  # fmt: skip
        tagged = [n for p, (n, _i) in ports.items()
                  if vid in plan["ports"].get(p, {}).get("tagged", [])]  # fmt: skip
        e += [
            (_o(7, 1, 4, 3, 1, 1, vid), "string", str(name)),
            (_o(7, 1, 4, 3, 1, 2, vid), "octet", _port_list([*untagged, *tagged])),
            (_o(7, 1, 4, 3, 1, 4, vid), "octet", _port_list(untagged)),
            (_o(7, 1, 4, 3, 1, 5, vid), "integer", "1"),  # dot1qVlanStaticRowStatus: active
        ]
    return e


def _port_list(numbers: list[int]) -> str:
    """A PortList (RFC 4363): port 1 is the first octet's high bit."""
    raw = bytearray((max(numbers, default=0) + 7) // 8 or 1)
    for n in numbers:
        raw[(n - 1) // 8] |= 0x80 >> ((n - 1) % 8)
    return " ".join(f"{b:02X}" for b in raw)


def _fdb_entries(bridge: str, ports: dict[str, tuple[int, int]],
                 fdb_id: int | None) -> list[PassEntry]:  # fmt: skip
    """dot1dTpFdb rows, and dot1qTpFdb rows under `fdb_id` (none for a Cisco instance)."""
    rows: dict[str, tuple[int, int]] = {}
    for ent in _fdb(bridge):
        mac, ifname = str(ent.get("mac", "")), str(ent.get("ifname", ""))
        if ent.get("master") != bridge and ifname != bridge:
            continue  # the port's own rx filter ("self"), not the bridge's FDB
        if len(mac) != 17 or int(mac[:2], 16) & 1:
            continue  # multicast filter entries
        permanent = ent.get("state") == "permanent"
        if ifname == bridge:
            rows[mac] = (0, SELF)  # the bridge's own address
        elif ifname in ports:
            rows.setdefault(mac, (ports[ifname][0], SELF if permanent else LEARNED))
    e: list[PassEntry] = []
    for mac, (port, status) in rows.items():
        m = _mac_oid(mac)
        e += [
            (_o(4, 3, 1, 1, *m), "octet", _octets(mac)),
            (_o(4, 3, 1, 2, *m), "integer", str(port)),
            (_o(4, 3, 1, 3, *m), "integer", str(status)),
        ]
        if fdb_id is not None:
            e += [(_o(7, 1, 2, 2, 1, 2, fdb_id, *m), "integer", str(port)),
                  (_o(7, 1, 2, 2, 1, 3, fdb_id, *m), "integer", str(status))]  # fmt: skip
    return e


def main(argv: list[str]) -> int:
    usage = "usage: bridge_mib BRIDGE [VLAN_PLAN.json [--instance VLAN | --cisco]]\n"
    if len(argv) not in (1, 2, 3, 4) or (len(argv) > 2 and argv[2] not in ("--instance", "--cisco")):
        sys.stderr.write(usage)
        return 2
    bridge = argv[0]
    plan = json.loads(Path(argv[1]).read_text()) if len(argv) >= 2 else None
    if plan is not None and argv[2:3] == ["--cisco"]:
        serve(lambda: cisco_vlans(bridge, plan), ttl=1.0)
    else:
        instance = int(argv[3]) if len(argv) == 4 else None
        serve(lambda: build(bridge, plan, instance), ttl=1.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
