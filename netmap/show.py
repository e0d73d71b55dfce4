"""`netmap show`: a stored scan as JSON (the interface scripts and tests use) or a rich table.

The JSON schema is documented in the README. It reads the store only: it never rescans.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from rich.table import Table
from rich.text import Text

from netmap.model import (
    ArpObs,
    DnsObs,
    ErrorObs,
    HostInvObs,
    HostObs,
    IppObs,
    MdnsObs,
    NetbiosObs,
    NtlmObs,
    Observation,
    OsObs,
    ServiceObs,
    SnmpObs,
    UbntObs,
    UpnpObs,
    model_dict,
)
from netmap.store import Store

SCHEMA_VERSION = 1


def _host(ip: str) -> dict[str, Any]:
    return {
        "ip": ip,
        "mac": None,
        "vendor": None,
        "hostnames": [],
        "sources": [],
        "services": [],
        "os": None,
        "snmp": None,
        "inventory": None,
        "upnp": None,
        "mdns": None,
        "netbios": None,
        "ntlm": [],
        "ipp": None,
        "ubnt": None,
    }


def _add(h: dict[str, Any], o: Observation) -> None:
    if o.source not in h["sources"]:
        h["sources"].append(o.source)
    if isinstance(o, ArpObs | HostObs):
        h["mac"] = h["mac"] or o.mac
        h["vendor"] = h["vendor"] or o.vendor
        if isinstance(o, HostObs) and o.hostname and o.hostname not in h["hostnames"]:
            h["hostnames"].append(o.hostname)
    elif isinstance(o, DnsObs) and o.name not in h["hostnames"]:
        h["hostnames"].append(o.name)
    elif isinstance(o, ServiceObs):
        h["services"].append(
            {k: getattr(o, k) for k in ("port", "proto", "name", "product", "version", "extrainfo")}
        )
    elif isinstance(o, OsObs) and o.matches:
        h["os"] = o.matches[0].name
    elif isinstance(o, SnmpObs):
        snmp = h["snmp"] or {"credential": None, "getters": [], "errors": {}}
        snmp["credential"] = snmp["credential"] or o.credential
        if o.error:
            snmp["errors"][o.getter] = o.error
        else:
            snmp["getters"].append(o.getter)
        h["snmp"] = snmp
    elif isinstance(o, MdnsObs):
        h["mdns"] = {"services": sorted({r.name for r in o.records if r.type == "PTR"})}
    elif isinstance(o, NetbiosObs):  # "WS1<00>", "CITYHALL<00> group": as nbtscan lists them
        h["netbios"] = {"names": [f"{n.name}<{n.suffix:02X}>" + (" group" if n.group else "")
                                  for n in o.names], "mac": o.mac}
    elif isinstance(o, NtlmObs):
        h["ntlm"].append(_ntlm(o))
    elif isinstance(o, IppObs):
        h["ipp"] = _ipp(o)
    elif isinstance(o, UbntObs):
        h["ubnt"] = _ubnt(o)
    elif isinstance(o, UpnpObs):
        h["upnp"] = {"server": o.server, "locations": o.locations, "errors": o.errors}
    elif isinstance(o, HostInvObs):
        h["inventory"] = {"method": o.method, "port": o.port, "credential": o.credential,
                          "platform": o.platform, "failure": o.failure, "error": o.error,
                          "commands": o.commands, "truncated": o.truncated}  # fmt: skip


def _ntlm(o: NtlmObs) -> dict[str, Any]:
    """Where the offer came from (SMB2, with the dialect and signing the server chose, or
    Remote Desktop), and the offer decoded: the names it gave (by their MS-NLMP names) and its
    version, as nmap's `rdp-ntlm-info` lists them."""
    from netmap.discover.smb import DIALECT_NAMES
    from netmap.infer.identify.ntlm import read_challenge

    try:
        found = read_challenge(bytes.fromhex(o.challenge or ""))
    except ValueError:
        found = None
    labels = {1: "netbios_computer", 2: "netbios_domain", 3: "dns_computer", 4: "dns_domain",
              5: "dns_tree"}
    return {"service": o.service, "port": o.port,
            "dialect": "NT LM 0.12" if o.service == "smb1" else DIALECT_NAMES.get(o.dialect or 0),
            "native_os": o.native_os, "native_lanman": o.native_lanman,
            "signing_required": o.signing_required,
            "ntlm": None if found is None else {
                **{labels[k]: v for k, v in sorted(found.names.items())},
                "version": ".".join(map(str, found.version)) if found.version else None}}


def _ipp(o: IppObs) -> dict[str, Any]:
    """The printer's IPP answer: where it answered, and its string attributes as ipptool
    lists them."""
    from netmap.infer.identify.ipp import attributes

    try:
        attrs = attributes(bytes.fromhex(o.response or ""))
    except ValueError:
        attrs = {}
    return {"port": o.port, "path": o.path, "server": o.server, "attributes": attrs}


def _ubnt(o: UbntObs) -> dict[str, Any]:
    """A Ubiquiti discovery answer: its fields by type (hex values, as received), and what they
    name."""
    from netmap.infer.identify.ubnt import describe, fields

    try:
        items = fields(bytes.fromhex(o.response or ""))
    except ValueError:
        items = []
    found = describe(o)
    return {"port": o.port, "fields": [{"type": k, "value": v.hex()} for k, v in items],
            "model": found.model if found else None,
            "firmware": found.firmware if found else None,
            "hostname": found.hostname if found else None,
            "macs": list(found.macs) if found else []}


def hosts_from_observations(observations: list[Observation]) -> list[dict[str, Any]]:
    """Per-address view of the raw observations (before merge)."""
    hosts: dict[str, dict[str, Any]] = {}
    for o in observations:
        if isinstance(o, ErrorObs):
            continue
        ip = o.ip
        try:
            ipaddress.IPv4Address(ip)
        except ValueError:
            continue
        _add(hosts.setdefault(ip, _host(ip)), o)
    return [hosts[k] for k in sorted(hosts, key=ipaddress.IPv4Address)]


def scan_json(store: Store, scan_id: str) -> dict[str, Any]:
    rec = store.read(scan_id)
    data: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "id": rec.id,
        "status": model_dict(rec.status),
        "request": model_dict(rec.request),
        "observations": len(rec.observations),
        "errors": [model_dict(o) for o in rec.observations if isinstance(o, ErrorObs)],
        "hosts": hosts_from_observations(rec.observations),
    }
    inv = store.read_inventory(scan_id)
    if inv is not None:
        data["devices"] = [model_dict(d) for d in inv.devices]
        data["links"] = [model_dict(link) for link in inv.links]
        data["subnets"] = [model_dict(s) for s in inv.subnets]
        data["uplink"] = model_dict(inv.uplink) if inv.uplink else None
    return data


def cell(value: object) -> Text:
    """A table cell from untrusted text: no rich markup, no terminal control characters."""
    s = "" if value is None else str(value)
    return Text("".join(ch if ch.isprintable() else "?" for ch in s))


def summary_table(data: dict[str, Any]) -> Table:
    st = data["status"]
    if "devices" in data:
        table = Table(title=f"scan {data['id']} ({st['state']}): {len(data['devices'])} devices")
        for col in ("name", "addresses", "mac", "vendor", "model", "type", "conf"):
            table.add_column(col)
        for d in data["devices"]:
            table.add_row(
                *map(
                    cell,
                    (
                        d.get("name"),
                        " ".join(d["addresses"]),
                        " ".join(d["macs"][:1]),
                        d.get("vendor"),
                        d.get("model"),
                        d["type"],
                        f"{d['confidence']:.2f}",
                    ),
                )
            )
        return table
    table = Table(title=f"scan {data['id']} ({st['state']}): {len(data['hosts'])} hosts")
    for col in ("ip", "mac", "vendor", "name", "services"):
        table.add_column(col)
    for h in data["hosts"]:
        svcs = ",".join(f"{s['port']}/{s['proto']}" for s in h["services"])
        table.add_row(*map(cell, (h["ip"], h["mac"], h["vendor"], " ".join(h["hostnames"]), svcs)))
    return table
