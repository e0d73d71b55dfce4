"""Inventories for renderer tests: a small city hall, a generated 300-device town, and a
hostile variant whose every device-supplied string tries to break an output format."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from netmap.model import (
    Device,
    DeviceType,
    Evidence,
    Interface,
    Inventory,
    Link,
    LinkConfidence,
    LinkSource,
    Role,
    ScanRequest,
    Service,
    SiteZone,
    SoftwareItem,
    Subnet,
    Uplink,
)

SCANNED = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)

HOSTILE_STRINGS = [
    '=HYPERLINK("http://x","y")',
    "<script>alert(1)</script>",
    "\"quoted\" & 'single' <b>bold</b>",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\tleading tab",
    "caf\ufffd \ufffd\ufffd bad utf-8",
    "bell\x07 nul\x00 esc\x1b[31m",
    "rtl \u202eexe.txt",
    "lone \ud800 surrogate",
    "trailing backslash \\",
    "]]> --> <!-- <![CDATA[",
    '"; DROP TABLE devices; --',
    "{{7*7}} ${jndi:ldap://x/a}",
    "javascript:alert(1)",
]


_SNMP_TYPES = {
    DeviceType.ROUTER,
    DeviceType.SWITCH,
    DeviceType.FIREWALL,
    DeviceType.UPS,
    DeviceType.PDU,
    DeviceType.PRINTER,
    DeviceType.SERVER,
}


class _Builder:
    """Accumulates devices/links/subnets with stable MAC-derived ids (as merge makes them)."""

    def __init__(self, seed: int = 1) -> None:
        self.devices: list[Device] = []
        self.links: list[Link] = []
        self.subnets: dict[str, Subnet] = {}
        self.rng = random.Random(seed)
        self._mac = 0x001A2B000000

    def subnet(
        self, cidr: str, name: str, site: str, zone: str | None = None, gateway: str | None = None
    ) -> str:
        sid = f"subnet:{cidr}"
        self.subnets[sid] = Subnet(
            id=sid, cidr=cidr, name=name, site=site, zone=zone, gateway=gateway
        )
        return sid

    def device(
        self,
        name: str | None,
        ip: str,
        dtype: DeviceType,
        *,
        subnet: str,
        site: str,
        zone: str | None = None,
        **kw: object,
    ) -> Device:
        self._mac += 1
        mac = ":".join(f"{(self._mac >> s) & 0xFF:02x}" for s in range(40, -8, -8))
        dev = Device.model_validate(
            {
                "id": f"mac:{mac}",
                "name": name,
                "addresses": [ip],
                "macs": [mac],
                "type": dtype,
                "confidence": 0.9,
                "site": site,
                "zone": zone,
                "evidence": [
                    Evidence(source="oui", detail=f"OUI of {mac} -> vendor", weight=0.3),
                    Evidence(source="nmap", detail=f"host {ip} answered", weight=0.2),
                ],
                "sources": ["arp", "nmap", "snmp:facts"]
                if dtype in _SNMP_TYPES
                else ["arp", "nmap"],
                "first_seen": SCANNED,
                "last_seen": SCANNED,
                **kw,
            }
        )
        self.devices.append(dev)
        self.subnets[subnet].devices.append(dev.id)
        return dev

    def link(
        self,
        a: Device | str,
        a_port: str | None,
        b: Device | str,
        b_port: str | None,
        source: LinkSource,
        confidence: LinkConfidence,
    ) -> None:
        aid = a if isinstance(a, str) else a.id
        bid = b if isinstance(b, str) else b.id
        self.links.append(
            Link(
                a=aid,
                a_port=a_port,
                b=bid,
                b_port=b_port,
                source=source,
                confidence=confidence,
                evidence=[f"{source.value} table"],
            )
        )

    def inventory(
        self,
        scan_id: str,
        targets: list[str],
        uplink: Uplink | None,
        snmp_failures: list[str] | None = None,
    ) -> Inventory:
        subnets = {s.cidr: SiteZone(site=s.site, zone=s.zone) for s in self.subnets.values()}
        request = ScanRequest(
            targets=targets, snmp_credentials=["public", "city-ro-v3"], subnets=subnets
        )
        return Inventory(
            scan_id=scan_id,
            scanned_at=SCANNED,
            request=request,
            devices=self.devices,
            links=self.links,
            subnets=list(self.subnets.values()),
            uplink=uplink,
            snmp_failures=snmp_failures or [],
        )


def _ports(n: int, speed: int = 1_000_000_000) -> list[Interface]:
    return [
        Interface(if_index=i, name=f"Gi1/0/{i}", speed=speed, is_enabled=True, is_up=i % 3 != 0)
        for i in range(1, n + 1)
    ]


CONF, ONE, INF, UNPL = (
    LinkConfidence.CONFIRMED,
    LinkConfidence.ONE_SIDED,
    LinkConfidence.INFERRED,
    LinkConfidence.UNPLACED,
)
LLDP, CDP, FDB, ROUTE, SUBNET = (
    LinkSource.LLDP,
    LinkSource.CDP,
    LinkSource.FDB,
    LinkSource.ROUTE,
    LinkSource.SUBNET,
)


def city_hall() -> Inventory:
    """One site, a handful of zones: every device type, role and link confidence."""
    b = _Builder()
    site = "City Hall"
    mgmt = b.subnet("10.1.1.0/24", "Management", site)
    srv = b.subnet("10.1.10.0/24", "Servers", site, "Admin")
    staff = b.subnet("10.1.20.0/24", "Staff", site, "Admin")
    voice = b.subnet("10.1.30.0/24", "Voice", site, "Admin")
    police = b.subnet("10.1.40.0/24", "Police", site, "Police (CJI)")
    iot = b.subnet("10.1.50.0/24", "Cameras", site)

    rtr = b.device(
        "rtr-edge",
        "10.1.1.1",
        DeviceType.ROUTER,
        subnet=mgmt,
        site=site,
        vendor="Cisco",
        model="ISR4331",
        serial="FDO2231A0BC",
        os="IOS-XE 17.6.5",
        roles=[Role.GATEWAY],
        snmp_credential="city-ro-v3",
        interfaces=_ports(4),
    )
    fw = b.device(
        "fw-01",
        "10.1.1.2",
        DeviceType.FIREWALL,
        subnet=mgmt,
        site=site,
        vendor="Fortinet",
        model="FortiGate 60F",
        serial="FGT60FTK21091234",  # a FortiGate serial is 16 characters
        os="FortiOS 7.2.8",
    )
    core = b.device(
        "sw-core",
        "10.1.1.10",
        DeviceType.SWITCH,
        subnet=mgmt,
        site=site,
        vendor="Cisco",
        model="C9300-48P",
        serial="FOC2233X1YZ",
        os="IOS-XE 17.9",
        snmp_credential="public",
        identity_evidence=["model: ENTITY-MIB chassis 1 entPhysicalModelName"],
        interfaces=_ports(48),
    )
    sw1 = b.device(
        "sw-hall-1",
        "10.1.1.11",
        DeviceType.SWITCH,
        subnet=mgmt,
        site=site,
        vendor="HPE Aruba",
        model="2930F-48G",
        serial="CN12KX0AB1",
        snmp_credential="city-ro-v3",
        interfaces=_ports(48),
    )
    sw2 = b.device(
        "sw-hall-2",
        "10.1.1.12",
        DeviceType.SWITCH,
        subnet=mgmt,
        site=site,
        vendor="HPE Aruba",
        model="2930F-24G",
        serial="CN12KX0AB2",
        interfaces=_ports(24),
    )
    swp = b.device(
        "sw-police",
        "10.1.1.13",
        DeviceType.SWITCH,
        subnet=mgmt,
        site=site,
        zone="Police (CJI)",
        vendor="Cisco",
        model="C2960X-24",
        serial="FOC1911Z0QQ",
    )
    b.link(rtr, "Gi0/0/1", fw, "port1", LLDP, CONF)
    b.link(fw, "port2", core, "Gi1/0/48", LLDP, ONE)
    b.link(core, "Gi1/0/1", sw1, "49", LLDP, CONF)
    b.link(core, "Gi1/0/2", sw2, "25", CDP, CONF)
    b.link(core, "Gi1/0/3", swp, "Gi0/1", CDP, ONE)
    b.link(rtr, "Gi0/0/0", "internet", None, ROUTE, INF)
    for i, ap in enumerate(("ap-lobby", "ap-council")):
        dev = b.device(
            ap,
            f"10.1.1.{21 + i}",
            DeviceType.WIRELESS_AP,
            subnet=mgmt,
            site=site,
            vendor="Ubiquiti",
            model="U6-Pro",
        )
        b.link(sw1 if i == 0 else sw2, f"{40 + i}", dev, "eth0", LLDP, CONF)

    mail = b.device(
        "mail01",
        "10.1.10.5",
        DeviceType.SERVER,
        subnet=srv,
        site=site,
        zone="Admin",
        vendor="Dell",
        model="PowerEdge R650",
        serial="7XK2M93",
        os="Windows Server 2019",
        roles=[Role.EMAIL],
        services=[
            Service(port=25, name="smtp", product="Microsoft ESMTP"),
            Service(port=443, name="https"),
            Service(port=587, name="smtp"),
            Service(port=3389, name="ms-wbt-server"),
        ],
        software=[
            SoftwareItem(name="Microsoft Exchange Server 2019", version="15.2"),
            SoftwareItem(name="Veeam Agent", version="6.1"),
        ],
    )
    dc = b.device(
        "dc01",
        "10.1.10.10",
        DeviceType.SERVER,
        subnet=srv,
        site=site,
        zone="Admin",
        vendor="Dell",
        model="PowerEdge R450",
        serial="5QW2M91",
        os="Windows Server 2022",
        roles=[Role.DIRECTORY, Role.DNS, Role.DHCP],
        services=[Service(port=53, name="domain"), Service(port=389, name="ldap")],
    )
    files = b.device(
        "files01",
        "10.1.10.11",
        DeviceType.SERVER,
        subnet=srv,
        site=site,
        zone="Admin",
        os="Windows Server 2012 R2",
        roles=[Role.FILE],
        services=[
            Service(port=445, name="microsoft-ds", extrainfo="SMBv1 enabled; workgroup: CITY")
        ],
    )
    bkp = b.device(
        "backup01",
        "10.1.10.20",
        DeviceType.BACKUP,
        subnet=srv,
        site=site,
        zone="Admin",
        vendor="HPE",
        model="StoreOnce 3620",
        roles=[Role.BACKUP],
        software=[SoftwareItem(name="Veeam Backup & Replication", version="12.1")],
    )
    nas = b.device(
        "nas01",
        "10.1.10.30",
        DeviceType.NAS,
        subnet=srv,
        site=site,
        zone="Admin",
        vendor="Synology",
        model="RS1221+",
        serial="2150PDN123456",
    )
    pbx = b.device(
        "pbx01",
        "10.1.30.5",
        DeviceType.PBX,
        subnet=voice,
        site=site,
        zone="Admin",
        vendor="Mitel",
        model="MiVoice Business",
        roles=[Role.TELEPHONY],
        services=[Service(port=5060, proto="udp", name="sip"), Service(port=23, name="telnet")],
    )
    for n, dev in enumerate((mail, dc, files, bkp, nas, pbx)):
        conf = ONE if dev is mail else INF
        b.link(core, f"Gi1/0/{10 + n}", dev, None, LLDP if dev is mail else FDB, conf)
    ups = b.device(
        "ups01",
        "10.1.1.30",
        DeviceType.UPS,
        subnet=mgmt,
        site=site,
        vendor="APC",
        model="Smart-UPS SRT 3000",
        serial="AS1935123456",
        snmp_credential="ups-ro",  # a harmless name, but the scan saw the secret was "public"
        snmp_default_community=True,
    )
    b.link(core, "Gi1/0/20", ups, None, FDB, INF)
    pdu = b.device(
        "pdu01",
        "10.1.1.31",
        DeviceType.PDU,
        subnet=mgmt,
        site=site,
        vendor="Raritan",
        model="PX3-5190R",
        serial="RT0000012345",
        snmp_credential="city-ro-v3",
    )
    b.link(core, "Gi1/0/21", pdu, None, FDB, INF)

    for i in range(12):
        ph = b.device(
            f"phone-{101 + i}",
            f"10.1.30.{101 + i}",
            DeviceType.PHONE,
            subnet=voice,
            site=site,
            zone="Admin",
            vendor="Mitel",
            model="6920",
        )
        b.link(sw1, f"{i + 1}", ph, "LAN", LLDP, ONE)
    for i in range(18):
        ws = b.device(
            f"ws-{i + 1:03d}",
            f"10.1.20.{101 + i}",
            DeviceType.WORKSTATION,
            subnet=staff,
            site=site,
            zone="Admin",
            vendor="Dell",
            model="OptiPlex 7010",
            os="Windows 11 Pro",
            software=[
                SoftwareItem(name="Microsoft 365 Apps", version="16.0"),
                SoftwareItem(name="Adobe Acrobat Reader", version="24.1"),
            ],
        )
        b.link(sw1 if i < 12 else sw2, f"{i + 13 if i < 12 else i - 11}", ws, None, FDB, INF)
    for i in range(2):
        pr = b.device(
            f"printer-{i + 1}",
            f"10.1.20.{50 + i}",
            DeviceType.PRINTER,
            subnet=staff,
            site=site,
            zone="Admin",
            vendor="HP",
            model="LaserJet M507",
            serial=f"PHBQ12345{i}",
            services=[Service(port=23, name="telnet")] if i == 0 else [],
        )
        b.link(sw2, f"{10 + i}", pr, None, FDB, INF)
    for i in range(3):
        cam = b.device(
            f"cam-{i + 1}",
            f"10.1.50.{10 + i}",
            DeviceType.CAMERA,
            subnet=iot,
            site=site,
            vendor="Axis",
            model="P3265-LVE",
        )
        b.link(core, f"Gi1/0/{30 + i}", cam, None, FDB, INF)
    cad = b.device(
        "cad-srv",
        "10.1.40.10",
        DeviceType.SERVER,
        subnet=police,
        site=site,
        zone="Police (CJI)",
        roles=[Role.CJI],
        os="Red Hat Enterprise Linux 8",
    )
    b.link(swp, "Gi0/10", cad, None, FDB, INF)
    for i in range(4):
        ws = b.device(
            f"pd-ws-{i + 1}",
            f"10.1.40.{101 + i}",
            DeviceType.WORKSTATION,
            subnet=police,
            site=site,
            zone="Police (CJI)",
            os="Windows 10",
        )
        b.link(swp, f"Gi0/{i + 1}", ws, None, FDB, INF)

    unknown = b.device(
        None,
        "10.1.20.250",
        DeviceType.UNKNOWN,
        subnet=staff,
        site=site,
        zone="Admin",
        confidence=0.1,
    )
    rdp = b.device(
        "kiosk-lobby",
        "10.1.20.240",
        DeviceType.WORKSTATION,
        subnet=staff,
        site=site,
        zone="Admin",
        services=[Service(port=3389, name="ms-wbt-server")],
    )
    b.link(core, None, staff, None, ROUTE, INF)
    b.link(unknown, None, staff, None, SUBNET, UNPL)
    b.link(rdp, None, staff, None, SUBNET, UNPL)
    return b.inventory(
        "20250314-0930-cityhall",
        ["10.1.0.0/16"],
        Uplink(router=rtr.id, next_hop="203.0.113.1", interface="Gi0/0/0"),
        snmp_failures=["10.1.1.12", "10.1.1.13"],
    )


_TYPE_MIX = [
    (DeviceType.WORKSTATION, 0.55),
    (DeviceType.PHONE, 0.2),
    (DeviceType.PRINTER, 0.06),
    (DeviceType.CAMERA, 0.07),
    (DeviceType.UNKNOWN, 0.05),
    (DeviceType.OTHER, 0.04),
    (DeviceType.WIRELESS_AP, 0.03),
]


def town(n_devices: int = 300, seed: int = 7) -> Inventory:
    """A generated three-site town of about `n_devices` devices."""
    b = _Builder(seed)
    sites = [("City Hall", 1, 0.5), ("Police", 2, 0.3), ("Public Works", 3, 0.2)]
    hq_router: Device | None = None
    made = 0
    for site, octet, share in sites:
        mgmt = b.subnet(f"10.{octet}.1.0/24", "Management", site)
        users = b.subnet(f"10.{octet}.20.0/23", "Users", site, "Staff")
        voice = b.subnet(f"10.{octet}.30.0/24", "Voice", site, "Staff")
        srv = b.subnet(f"10.{octet}.10.0/24", "Servers", site, "Servers")
        rtr = b.device(
            f"{site[:2].lower()}-rtr",
            f"10.{octet}.1.1",
            DeviceType.ROUTER,
            subnet=mgmt,
            site=site,
            vendor="Cisco",
            model="ISR4321",
            serial=f"FDO{octet}000R",
        )
        core = b.device(
            f"{site[:2].lower()}-core",
            f"10.{octet}.1.2",
            DeviceType.SWITCH,
            subnet=mgmt,
            site=site,
            vendor="Cisco",
            model="C9300-24",
            serial=f"FOC{octet}000C",
        )
        made += 2
        b.link(rtr, "Gi0/0/1", core, "Gi1/0/24", LLDP, CONF)
        if hq_router is None:
            hq_router = rtr
            fw = b.device(
                "hq-fw",
                f"10.{octet}.1.3",
                DeviceType.FIREWALL,
                subnet=mgmt,
                site=site,
                vendor="Palo Alto",
                model="PA-440",
            )
            b.link(rtr, "Gi0/0/0", "internet", None, ROUTE, INF)
            b.link(rtr, "Gi0/0/2", fw, "ethernet1/1", LLDP, ONE)
            made += 1
        else:
            b.link(hq_router, f"Tu{octet}", rtr, "Tu0", ROUTE, ONE)
        for k, (role, dtype) in enumerate(
            [
                (Role.DIRECTORY, DeviceType.SERVER),
                (Role.FILE, DeviceType.SERVER),
                (Role.BACKUP, DeviceType.BACKUP),
            ]
        ):
            if octet > 1 and k > 0:
                continue
            dev = b.device(
                f"{site[:2].lower()}-srv{k + 1}",
                f"10.{octet}.10.{10 + k}",
                dtype,
                subnet=srv,
                site=site,
                zone="Servers",
                roles=[role],
            )
            b.link(core, f"Gi1/0/{k + 1}", dev, None, FDB, INF)
            made += 1
        if octet == 1:
            for role, dtype, host in [
                (Role.EMAIL, DeviceType.SERVER, 20),
                (Role.TELEPHONY, DeviceType.PBX, 5),
            ]:
                dev = b.device(
                    f"hq-{role.value}",
                    f"10.1.{10 if host == 20 else 30}.{host}",
                    dtype,
                    subnet=srv if host == 20 else voice,
                    site=site,
                    zone="Servers" if host == 20 else "Staff",
                    roles=[role],
                )
                b.link(core, f"Gi1/0/{host}", dev, None, FDB, INF)
                made += 1
        budget = round(n_devices * share) - (made if octet == 1 else 3)
        n_access = max(2, budget // 30)
        hosts_each = budget // n_access
        host_no = 0
        for a in range(n_access):
            acc = b.device(
                f"{site[:2].lower()}-acc{a + 1}",
                f"10.{octet}.1.{10 + a}",
                DeviceType.SWITCH,
                subnet=mgmt,
                site=site,
                vendor="HPE Aruba",
                model="2930F-48G",
                interfaces=_ports(48),
            )
            b.link(core, f"Gi1/0/{30 + a}", acc, "49", LLDP, CONF if a % 2 == 0 else ONE)
            for p in range(hosts_each - 1):
                dtype = b.rng.choices([t for t, _ in _TYPE_MIX], [w for _, w in _TYPE_MIX])[0]
                host_no += 1
                sub = voice if dtype == DeviceType.PHONE else users
                base = 30 if sub == voice else 20
                ip = f"10.{octet}.{base + host_no // 250}.{host_no % 250 + 2}"
                dev = b.device(
                    f"{site[:2].lower()}-{dtype.value[:4]}-{host_no}",
                    ip,
                    dtype,
                    subnet=sub,
                    site=site,
                    zone="Staff",
                )
                if b.rng.random() < 0.08:
                    b.link(dev, None, sub, None, SUBNET, UNPL)
                else:
                    b.link(acc, f"{p + 1}", dev, None, FDB, INF)
        made = 0
    assert hq_router is not None
    return b.inventory("20250314-town", ["10.0.0.0/8"], Uplink(router=hq_router.id))


def hostile() -> Inventory:
    """city_hall() with device-supplied strings replaced by injection attempts."""
    inv = city_hall()
    evil = HOSTILE_STRINGS
    for i, d in enumerate(inv.devices):
        if i % 3 == 0:
            d.name = evil[i % len(evil)]
        d.vendor = evil[(i + 1) % len(evil)]
        d.model = evil[(i + 2) % len(evil)]
        d.os = evil[(i + 3) % len(evil)]
        d.location = evil[(i + 4) % len(evil)]
        d.notes = evil[(i + 5) % len(evil)]
        d.evidence.append(Evidence(source="snmp:facts", detail=evil[(i + 6) % len(evil)]))
        d.services.append(
            Service(
                port=8080,
                name=evil[i % len(evil)],
                product=evil[1],
                version=evil[0],
                extrainfo=evil[2],
            )
        )
        d.software.append(SoftwareItem(name=evil[(i + 7) % len(evil)], version=evil[0]))
        for itf in d.interfaces[:2]:
            itf.name = evil[(i + 8) % len(evil)]
            itf.alias = evil[1]
    for j, link in enumerate(inv.links):
        link.a_port = evil[j % len(evil)]
        link.b_port = evil[(j + 3) % len(evil)]
    for k, s in enumerate(inv.subnets):
        s.name = evil[k % len(evil)]
    _hostile_ids(inv)
    return inv


def _hostile_ids(inv: Inventory) -> None:
    """Device ids can come from LLDP chassis ids: make a few of them hostile too."""
    renames = {d.id: f"chassis:{HOSTILE_STRINGS[i]}#{i}" for i, d in enumerate(inv.devices[:4])}
    for d in inv.devices:
        d.id = renames.get(d.id, d.id)
    for link in inv.links:
        link.a, link.b = renames.get(link.a, link.a), renames.get(link.b, link.b)
    for s in inv.subnets:
        s.devices = [renames.get(x, x) for x in s.devices]
        s.gateway = renames.get(s.gateway, s.gateway) if s.gateway else None
    if inv.uplink is not None:
        inv.uplink.router = renames.get(inv.uplink.router, inv.uplink.router)


def garage_across_a_radio(garage_site: str = "City Hall") -> Inventory:
    """City Hall's LAN bridged by a radio pair to the Public Works garage: sw1 ge8 -> ptp-a,
    ptp-a port2 -> (air) -> ptp-b port2, ptp-b port1 -> pc1; ws1 on sw1. The far radio and the PC
    keep City Hall's subnet; `garage_site` is where they stand (a contractor's override)."""
    b = _Builder()
    lan = b.subnet("10.9.0.0/24", "Staff", "City Hall", zone="Staff")
    sw = b.device("sw1", "10.9.0.2", DeviceType.SWITCH, subnet=lan, site="City Hall")
    near = b.device("ptp-a", "10.9.0.71", DeviceType.WIRELESS_BRIDGE, subnet=lan, site="City Hall")
    far = b.device("ptp-b", "10.9.0.72", DeviceType.WIRELESS_BRIDGE, subnet=lan, site=garage_site)
    pc = b.device("pc1", "10.9.0.74", DeviceType.WORKSTATION, subnet=lan, site=garage_site)
    ws = b.device("ws1", "10.9.0.21", DeviceType.WORKSTATION, subnet=lan, site="City Hall")
    fdb, inferred = LinkSource.FDB, LinkConfidence.INFERRED
    b.link(sw, "ge8", near, "port1", fdb, inferred)
    b.link(near, "port2", far, "port2", fdb, inferred)
    b.link(far, "port1", pc, None, fdb, inferred)
    b.link(sw, "ge2", ws, None, fdb, inferred)
    return b.inventory("20261206-garage", ["10.9.0.0/24"], None)
