"""Issues 4 and 5 on the real lab: SNMP facts, then merge/classify/topology scored against truth."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from netmap.infer.snmp_records import records_from_scan
from netmap.lab.score import format_score, score
from netmap.model import Inventory, Role
from netmap.store import Store
from tests.lab.conftest import LabScan, netmap_argv

pytestmark = pytest.mark.lab


@pytest.fixture(scope="module")
def inventory(lab_scan: LabScan) -> Inventory:
    inv = Store(lab_scan.scans_dir).read_inventory(lab_scan.scan_id)
    assert inv is not None, "netmap scan stores inventory.json"
    return inv


def test_lab_score(lab: Any, inventory: Inventory) -> None:
    s = score(inventory, lab)
    print(format_score(s))
    assert s.device_recall == 1.0 and s.device_precision == 1.0, s.missing_devices + s.extra_devices
    assert s.type_accuracy == 1.0, s.type_errors
    assert s.families_expected >= 9 and not s.family_errors, s.family_errors
    for kind, ls in s.links.items():
        assert ls.precision == 1.0, (kind, ls.wrong)  # no phantom links
        assert ls.recall >= 0.95, (kind, ls.missing)
    assert s.unmanaged_detected == s.unmanaged_expected and s.unmanaged_false == 0
    assert s.uplink_found


def test_managed_switches_are_switches_with_confidence(lab: Any, inventory: Inventory) -> None:
    """Every managed switch is a switch at 0.6 or more. The Cisco 2960Xs once showed 0.5: their
    sysDescr, heard again in their neighbours' LLDP, counted its "IOS" (routers run it too)
    twice, and four weak router votes looked like a rival."""
    for t in lab.devices:
        if t.type != "switch" or not t.snmp:
            continue
        ip = t.interfaces[0].ips[0].split("/")[0]
        d = next(d for d in inventory.devices if ip in d.addresses)
        assert d.type.value == "switch" and d.confidence >= 0.6, (t.name, d.confidence, d.evidence)


def test_snmp_facts_match_truth(lab: Any, lab_scan: LabScan) -> None:
    """sysName, vendor/model/serial where the lab exposes them, and the switches' ports."""
    by_ip = {h["ip"]: h for h in lab_scan.data["hosts"]}
    devices = {d["name"]: d for d in lab_scan.data["devices"]}
    for t in lab.devices:
        if not t.snmp or not t.in_scope:
            continue
        ip = next(ip.split("/")[0] for i in t.interfaces for ip in i.ips if ip.split("/")[0] in by_ip)
        assert by_ip[ip]["snmp"] and "facts" in by_ip[ip]["snmp"]["getters"], t.name
        d = next((d for d in devices.values() if ip in d["addresses"]), None)
        assert d is not None, t.name
        assert d["name"].split(".")[0] == t.name, (d["name"], t.name)
        if t.serial:
            assert d["serial"] == t.serial, (t.name, d["serial"])
        if t.model:
            assert t.model.casefold() in (d["model"] or "").casefold() or (
                (d["model"] or "").casefold() in t.model.casefold() and d["model"]
            ), (t.name, d["model"], t.model)


def test_lab_agents_have_their_own_engine_ids(lab_scan: LabScan, inventory: Inventory) -> None:
    """Each lab snmpd derives its engine ID from its MAC, as real gear does (net-snmp's default,
    random bits seeded by the clock, once gave two switches one ID and merged them)."""
    scan = Store(lab_scan.scans_dir).read(lab_scan.scan_id)
    engines = {r.facts.hostname: r.facts.engine_id for r in records_from_scan(scan)
               if r.facts and r.facts.engine_id}  # snmpsim's recorded agents have none
    assert len(engines) >= 7 and all(e.startswith("80001f8803") for e in engines.values() if e)
    assert len(set(engines.values())) == len(engines), engines
    assert not [d.name for d in inventory.devices if d.shared_identity]


def test_probe_of_a_lab_switch(lab: Any, lab_scan: LabScan, scanner_run: Callable[..., Any]) -> None:
    """`netmap probe` on sw-access: LLDP neighbours per port and the forwarding table."""
    import json

    sw = next(d for d in lab.devices if d.name == "sw-access")
    ip = sw.interfaces[0].ips[0].split("/")[0]
    proc = scanner_run(netmap_argv("probe", ip, "--community-env", "NETMAP_LAB_SNMP_0", "--json"),
                       timeout=120, env={**__import__("os").environ, **lab_scan.env})
    assert proc.returncode == 0, proc.stderr[-2000:]
    rec = json.loads(proc.stdout)
    assert rec["facts"]["hostname"] == "sw-access"
    names = {i["name"] for i in rec["interfaces"]}
    assert {"ge1", "ge2", "ge3", "ge4"} <= names
    lldp = {
        (n["parent_interface"], (n["remote_system_name"] or "").split(".")[0])
        for n in rec["lldp_neighbors_detail"]
    }
    expected = {(lk.a_port, lk.b) for lk in lab.links if lk.a == "sw-access"} | {
        (lk.b_port, lk.a) for lk in lab.links if lk.b == "sw-access"}
    lldp_speakers = {d.name for d in lab.devices if d.lldp}
    assert {e for e in expected if e[1] in lldp_speakers} <= lldp
    fdb_ports = {(e["mac"], e["interface"]) for e in rec["mac_address_table"]}
    phone = next(d for d in lab.devices if d.name == "phone1")
    assert (phone.interfaces[0].mac, "ge2") in fdb_ports


def test_identification_is_rebuilt_from_the_stored_values(
    lab: Any, lab_scan: LabScan, scanner_run: Callable[..., Any]
) -> None:
    """Identification is an inference step: the scan stores raw values, not conclusions, and
    `report --rebuild` identifies every SNMP agent again from them (same families, models)."""
    import json

    scan = Store(lab_scan.scans_dir).read(lab_scan.scan_id)
    stored = [o for o in scan.observations if getattr(o, "getter", None) == "facts" and o.data]
    assert stored and all(o.data["raw"] and o.data["vendor"] is None for o in stored)
    before = {d["name"]: (d["model"], d["os_family"]) for d in lab_scan.data["devices"]}
    Store(lab_scan.scans_dir).path(lab_scan.scan_id).joinpath("inventory.json").unlink()
    proc = scanner_run(netmap_argv("report", lab_scan.scan_id, "--rebuild", "--scans-dir",
                                   str(lab_scan.scans_dir), "--out", str(lab_scan.out_dir / "re"),
                                   "--formats", "csv"), timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    shown = scanner_run(netmap_argv("show", lab_scan.scan_id, "--json", "--scans-dir",
                                    str(lab_scan.scans_dir)), timeout=120)
    after = {d["name"]: (d["model"], d["os_family"]) for d in json.loads(shown.stdout)["devices"]}
    assert after == before
    families = {t.os_family for t in lab.devices if t.os_family}
    assert {f for _m, f in after.values() if f} >= {"Cisco IOS", "HP ProCurve", "Synology DSM"}
    assert len(families) >= 6


def test_a_phone_without_snmp_is_inventoried_from_lldp_med_and_its_banner(
    lab: Any, lab_scan: LabScan, inventory: Inventory
) -> None:
    """phone1 answers no SNMP. Its LLDP-MED inventory, as sw-access publishes it
    (LLDP-EXT-MED-MIB), names its maker, model, serial and firmware: the lab's truth. Its SIP
    User-Agent is one nmap's database knows as a Yealink phone's, naming the hardware as a CPE
    (cpe:/h:yealink:sip-t46u) in the stored scan: the same model, so no disagreement."""
    from netmap.infer.identify.cpe import service_hardware
    from netmap.model import ServiceObs

    truth = next(d for d in lab.devices if d.name == "phone1")
    ip = truth.interfaces[0].ips[0].split("/")[0]
    phone = next(d for d in inventory.devices if ip in d.addresses)
    assert (phone.type.value, phone.vendor, phone.model, phone.serial, phone.os) == (
        "phone", truth.vendor, truth.model, truth.serial, truth.firmware)
    assert any(line.startswith("model: its LLDP-MED inventory") for line in
               phone.identity_evidence), phone.identity_evidence
    assert not phone.conflicts, phone.conflicts
    scan = Store(lab_scan.scans_dir).read(lab_scan.scan_id)
    sip = [o for o in scan.observations
           if isinstance(o, ServiceObs) and o.ip == ip and o.port == 5060]
    named = [h for o in sip if (h := service_hardware(o)) is not None]
    assert named and {(h.vendor, h.model) for h in named} == {("Yealink", "SIP-T46U")}, sip



def test_the_routers_serial_is_read_where_the_librenms_iosxe_class_reads_it(
    lab: Any, inventory: Inventory
) -> None:
    """rtr1 answers as an ISR 4331 running IOS XE, with an ENTITY-MIB chassis row. LibreNMS's
    IOS XE definition has no `os` discovery of its own; its PHP class (transcribed in
    tools/data/librenms-classes.yaml) reads the serial from entPhysicalSerialNum.1, and the
    identity's evidence names that class."""
    truth = next(d for d in lab.devices if d.name == "rtr1")
    ip = truth.interfaces[0].ips[0].split("/")[0]
    rtr = next(d for d in inventory.devices if ip in d.addresses)
    assert (rtr.vendor, rtr.model, rtr.serial) == (truth.vendor, truth.model, truth.serial)
    assert ("serial: LibreNMS iosxe: LibreNMS/OS/Iosxe.php ENTITY-MIB::entPhysicalSerialNum.1"
            in rtr.identity_evidence), rtr.identity_evidence


def test_a_copier_without_snmp_or_lldp_is_named_by_its_banner_and_its_ipp(
    lab: Any, inventory: Inventory
) -> None:
    """copier1 answers no SNMP and sends no LLDP. Its FTP greeting is one nmap's database
    files under d/printer/ ("SHARP MX-3070N printer ftpd", no hardware CPE), and its IPP
    printer describes itself: a Sharp printer, model MX-3070N (the IPP device ID's, which
    outranks the banner's product text), with the banner's line among the evidence."""
    truth = next(d for d in lab.devices if d.name == "copier1")
    assert not truth.snmp and not truth.lldp
    ip = truth.interfaces[0].ips[0].split("/")[0]
    copier = next(d for d in inventory.devices if ip in d.addresses)
    assert (copier.type.value, copier.vendor, copier.model) == ("printer", "Sharp", truth.model)
    assert "model: its IPP printer description (Get-Printer-Attributes)" in copier.identity_evidence
    assert any(e.source.startswith("nmap:service 21") and truth.model in e.detail
               for e in copier.evidence), copier.evidence
    assert copier.serial is None and not copier.conflicts


def test_printers_describe_themselves_over_ipp(
    lab: Any, lab_scan: LabScan, inventory: Inventory, scanner_run: Callable[..., Any]
) -> None:
    """Every lab printer with an IPP printer (printer1 with SNMP on, printer2 and copier1
    without) is asked Get-Printer-Attributes: its firmware and location, and its model where
    SNMP names none, are the spec's, with IPP as the evidence; printer1's firmware replaces its
    JetDirect banner. Only those hosts answered. CUPS's ipptool, asked the same from the
    scanner namespace, passes its own Get-Printer-Attributes test on each and reads the same
    firmware."""
    from netmap.model import IppObs

    printers = [t for t in lab.devices if t.ipp is not None]
    assert {t.name for t in printers} == {"printer1", "printer2", "copier1"}
    scan = Store(lab_scan.scans_dir).read(lab_scan.scan_id)
    answered = {o.ip for o in scan.observations if isinstance(o, IppObs)}
    assert answered == {t.interfaces[0].ips[0].split("/")[0] for t in printers}
    for truth in printers:
        ip = truth.interfaces[0].ips[0].split("/")[0]
        dev = next(d for d in inventory.devices if ip in d.addresses)
        assert (dev.type.value, dev.os, dev.location) == (
            "printer", truth.firmware, truth.ipp.location), dev
        assert dev.model is not None and truth.model in dev.model
        assert "os: its IPP printer description (Get-Printer-Attributes)" in dev.identity_evidence
        assert any(e.source == "ipp" and e.detail.startswith("printer:") for e in dev.evidence)
        assert not dev.conflicts, dev.conflicts
        uri = f"ipp://{ip}:631{truth.ipp.path}"
        proc = scanner_run(["ipptool", "-T", "5", "-tv", uri, "get-printer-attributes.test"],
                           timeout=30)
        assert proc.returncode == 0 and "[PASS]" in proc.stdout, proc.stdout[-2000:]
        assert (f"printer-firmware-string-version (textWithoutLanguage) = {truth.firmware}"
                in proc.stdout)


def test_cameras_are_named_with_confidence(lab: Any, inventory: Inventory) -> None:
    """The police annex cameras: cam1 by the Axis sysDescr its LibreNMS definition reads (filed
    under LibreNMS's catch-all "appliance"), cam2 with SNMP off by nmap's fingerprint of its web
    server; both with RTSP open. Each is a camera, confidently, and cam1 has its model."""
    cams = {t.name: t for t in lab.devices if t.type == "camera" and t.name != "cam3"}
    assert set(cams) == {"cam1", "cam2"}
    for name, truth in cams.items():
        ip = truth.interfaces[0].ips[0].split("/")[0]
        device = next(d for d in inventory.devices if ip in d.addresses)
        assert device.type.value == "camera" and device.confidence >= 0.6, (name, device.evidence)
        assert any("RTSP" in e.detail for e in device.evidence), name
    cam1 = next(d for d in inventory.devices if d.name == "cam1")
    assert cam1.model == "AXIS P3245-LVE" and cam1.os == "10.12.220"
    cam2 = next(d for d in inventory.devices if "10.77.30.51" in d.addresses)
    # its web server answers in Hikvision's header order, which nmap's fingerprint matches
    assert any("Hikvision IP camera httpd" in e.detail for e in cam2.evidence), cam2.evidence


def test_a_camera_without_snmp_is_named_by_its_upnp_description(
    lab: Any, lab_scan: LabScan, inventory: Inventory
) -> None:
    """cam2 answers no SNMP. Asked by unicast SSDP, it names its description document on its
    own address, which names its maker, model and full serial: the lab's truth, with its
    evidence. The stored observation keeps the document as the camera sent it."""
    from netmap.model import UpnpObs

    truth = next(d for d in lab.devices if d.name == "cam2")
    assert truth.upnp and not truth.snmp
    ip = truth.interfaces[0].ips[0].split("/")[0]
    cam = next(d for d in inventory.devices if ip in d.addresses)
    assert (cam.type.value, cam.vendor, cam.model, cam.serial) == (
        "camera", truth.vendor, truth.model, truth.serial)
    assert "serial: its UPnP device description" in cam.identity_evidence, cam.identity_evidence
    scan = Store(lab_scan.scans_dir).read(lab_scan.scan_id)
    [ob] = [o for o in scan.observations if isinstance(o, UpnpObs) and o.ip == ip]
    assert ob.locations == [f"http://{ip}:49152/description.xml"] and not ob.errors
    assert truth.serial in next(iter(ob.descriptions.values()))
    # only the lab devices with a responder answered
    described = {o.ip for o in scan.observations if isinstance(o, UpnpObs)}
    assert described == {i.split("/")[0] for d in lab.devices if d.upnp
                         for i in d.interfaces[0].ips}


def test_a_printer_without_snmp_is_named_by_its_mdns_announcement(
    lab: Any, lab_scan: LabScan, inventory: Inventory
) -> None:
    """printer2 answers no SNMP. Asked by unicast mDNS, it lists its print services, and the
    TXT record of its IPP instance names its maker and model: the lab's truth, with its
    evidence. Only the lab devices with a responder answered."""
    from netmap.model import MdnsObs

    truth = next(d for d in lab.devices if d.name == "printer2")
    assert truth.mdns and not truth.snmp
    ip = truth.interfaces[0].ips[0].split("/")[0]
    printer = next(d for d in inventory.devices if ip in d.addresses)
    assert (printer.type.value, printer.vendor, printer.model) == (
        "printer", truth.vendor, truth.model)
    assert printer.confidence >= 0.6, printer.evidence
    # the model its IPP printer gives is the same, and either may be the one kept
    assert ({"model: its mDNS (DNS-SD) announcement",
             "model: its IPP printer description (Get-Printer-Attributes)"}
            & set(printer.identity_evidence)), printer.identity_evidence
    assert any(e.source == "mdns" for e in printer.evidence), printer.evidence
    scan = Store(lab_scan.scans_dir).read(lab_scan.scan_id)
    answered = {o.ip for o in scan.observations if isinstance(o, MdnsObs)}
    assert answered == {i.split("/")[0] for d in lab.devices if d.mdns
                        for i in d.interfaces[0].ips}


def test_ubiquiti_devices_answer_their_discovery_request(
    lab: Any, lab_scan: LabScan, inventory: Inventory, scanner_run: Callable[..., Any]
) -> None:
    """Every lab device with a Ubiquiti discovery responder (ap1) answers netmap's unicast
    request on UDP 10001, and only those: its model, firmware and name are the spec's, and
    agree with what its SNMP agent says (no disagreement). nmap's `ubiquiti-discovery` script,
    asked the same from the scanner namespace, decodes the same model and version."""
    from netmap.infer.identify.ubnt import describe
    from netmap.model import UbntObs

    devices = [t for t in lab.devices if t.ubnt is not None]
    assert [t.name for t in devices] == ["ap1"]
    scan = Store(lab_scan.scans_dir).read(lab_scan.scan_id)
    answers = {o.ip: o for o in scan.observations if isinstance(o, UbntObs)}
    assert set(answers) == {t.interfaces[0].ips[0].split("/")[0] for t in devices}
    for truth in devices:
        ip = truth.interfaces[0].ips[0].split("/")[0]
        found = describe(answers[ip])
        assert found is not None
        assert (found.model, found.firmware, found.hostname) == (
            truth.model, truth.firmware, truth.name)
        assert found.macs == (truth.interfaces[0].mac,)
        dev = next(d for d in inventory.devices if ip in d.addresses)
        assert (dev.vendor, dev.model, dev.os) == (truth.vendor, truth.model, truth.firmware)
        assert not dev.conflicts, dev.conflicts
        proc = scanner_run(["nmap", "-sU", "-p", "10001", "-n", "-Pn", "--script",
                            "ubiquiti-discovery", ip], timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert f"model: {truth.model}" in proc.stdout and f"version: {truth.firmware}" in (
            proc.stdout), proc.stdout


def test_access_point_is_named_from_its_lldp_and_its_definition(inventory: Inventory) -> None:
    """ap1 announces "bridge" and "WLAN access point" over real LLDP, and its agent answers
    UniFi's sysDescr: an access point (never a switch for its bridge bit), with model and
    firmware, cabled to sw-access ge5 by LLDP."""
    ap = next(d for d in inventory.devices if d.name == "ap1")
    assert ap.type.value == "wireless_ap" and ap.confidence >= 0.6, ap.evidence
    assert not [e for e in ap.evidence if e.detail.startswith("switch:")], ap.evidence
    assert ap.model == "UAP-AC-Pro-Gen2" and ap.os == "6.6.55.15189"
    names = {d.id: d.name for d in inventory.devices}
    assert any({names.get(link.a), names.get(link.b)} == {"sw-access", "ap1"}
               and link.source == "lldp" for link in inventory.links)


def test_edge_firewall_is_the_internet_uplink(inventory: Inventory) -> None:
    """fw1 stands between the ISP and the core VLAN, as a city's firewall does: its agent answers
    as FortiOS (sysObjectID of the 60F, chassis model "FGT_60F", which LibreNMS's `fortigate`
    definition rewrites, fgSysVersion) and its web UI speaks TLS, and it forwards and routes
    like the router behind it.
    It is a firewall, confidently, the internet uplink leaves from its wan1, and rtr1, whose
    default route points at it, is not taken for the way out."""
    fw = next(d for d in inventory.devices if d.name == "fw1")
    assert fw.type.value == "firewall" and fw.confidence >= 0.8, fw.evidence
    assert (fw.vendor, fw.model, fw.serial) == ("Fortinet", "FortiGate 60F", "FGT60FTK22001234")
    assert not fw.conflicts, fw.conflicts  # "FGT_60F" is the same model, not a disagreement
    assert fw.os is not None and fw.os.startswith("v7.2.8")
    # its HTTPS admin page, through TLS, in FortiOS's header order and masked Server name
    assert any(s.port == 443 and s.product == "Fortinet security device httpd"
               for s in fw.services), fw.services
    assert inventory.uplink is not None and inventory.uplink.router == fw.id
    assert inventory.uplink.interface == "wan1" and inventory.uplink.next_hop == "100.64.0.1"
    rtr = next(d for d in inventory.devices if d.name == "rtr1")
    assert rtr.type.value == "router" and rtr.id != inventory.uplink.router
    # its legs are in City Hall's subnets and the police annex's: sited by its cables
    assert (rtr.site, rtr.zone) == ("City Hall", None)
    names = {d.id: d.name for d in inventory.devices}
    assert any({names.get(link.a), names.get(link.b)} == {"sw-core", "fw1"}
               for link in inventory.links)


def test_a_camera_only_rtsp_names_is_a_guess_to_confirm(inventory: Inventory) -> None:
    """cam3 is a rebadged OEM camera: its agent says only "Linux", its MAC prefix is a chipset
    maker's that no table types, and a Boa web server and RTSP are open. It is typed camera (by
    RTSP) and never a server, below the confidence netmap states as fact, so the workbook's
    "Needs attention" asks someone to confirm it (a capped 0.5 once slipped past a < 0.5 rule)."""
    from netmap.model import CONFIDENT
    from netmap.render.inventory import attention_table

    cam = next(d for d in inventory.devices if "10.77.30.52" in d.addresses)
    assert cam.type.value == "camera" and cam.confidence < CONFIDENT, cam.evidence
    assert any("RTSP" in e.detail for e in cam.evidence), cam.evidence
    rows = attention_table(inventory).rows
    found = next(r[3] for r in rows if r[0] == "Uncertain type" and r[2] == "10.77.30.52")
    assert "from: RTSP (554) open" in found and "Also possible: server" in found, found


def test_the_pbx_os_is_the_platform_its_web_server_names(lab: Any, inventory: Inventory) -> None:
    """The PBX's FreePBX web server says "Apache/2.4.6 (CentOS) ...", and nmap's match line
    names no OS for it: the inventory's OS is that platform, from the banner."""
    import re

    from netmap.lab import load_spec

    truth = lab.device("pbx")
    header = next(s.headers["Server"] for s in load_spec().device("pbx").services
                  if s.headers.get("Server", "").startswith("Apache/"))  # fmt: skip
    platform = re.search(r"\((\w+)\)", header)
    assert platform is not None, header
    ip = truth.interfaces[0].ips[0].split("/")[0]
    pbx = next(d for d in inventory.devices if ip in d.addresses)
    assert pbx.os == platform.group(1), pbx.os
    assert "os: the OS a service's banner names (nmap service detection)" in \
        pbx.identity_evidence, pbx.identity_evidence


def test_the_mail_servers_os_is_the_one_its_greeting_names(lab: Any, inventory: Inventory) -> None:
    """The mail server's Postfix greets "220 mail.cityhall.lan ESMTP Postfix (Debian/GNU)";
    nmap's match line keeps no detail of it, and its banner script keeps the line."""
    from netmap.lab import load_spec

    greeting = next(s.banner for s in load_spec().device("mail").services if s.port == 25)
    assert greeting is not None and "(Debian/GNU)" in greeting
    ip = lab.device("mail").interfaces[0].ips[0].split("/")[0]
    mail = next(d for d in inventory.devices if ip in d.addresses)
    assert mail.os == "Debian", mail.os



def test_every_device_is_shown_by_its_host_name(lab: Any, inventory: Inventory) -> None:
    """One convention for the whole city: the name SNMP gives ("rtr1") and the one DNS gives
    ("pbx.cityhall.lan") read alike, the DNS name kept whole beside."""
    truth = {ip.split("/")[0]: t.name for t in lab.devices if t.in_scope
             for i in t.interfaces for ip in i.ips}  # fmt: skip
    named = [(d.name, truth[ip], d.dns_name) for d in inventory.devices if not d.inferred
             for ip in d.addresses[:1] if ip in truth]  # fmt: skip
    assert len(named) >= 25 and all(name == want for name, want, _ in named), named
    with_dns = [dns for _, _, dns in named if dns]
    assert with_dns and all(dns.endswith(".cityhall.lan") for dns in with_dns), named


def test_the_scanning_computer_is_named_in_needs_attention(inventory: Inventory) -> None:
    """The lab's scanner (the computer netmap runs on) was a workstation of uncertain type with
    no host inventory in Needs attention; it is now one row that says what it is."""
    from netmap.render.inventory import attention_table, summary_table

    (scanner,) = [d for d in inventory.devices if Role.SCANNER in d.roles]
    assert scanner.name == "scanner" and "10.77.10.250" in scanner.addresses
    assert scanner.dns_name == "scanner.cityhall.lan"
    rows = [r[0] for r in attention_table(inventory).rows if r[2] == "10.77.10.250"]
    assert rows == ["Scanning computer"], rows
    summary = dict((r[0], r[1]) for r in summary_table(inventory).rows)
    assert summary["Scanned from"] == "scanner (10.77.10.250)"


def test_lightweight_aps_are_known_from_their_controller(inventory: Inventory) -> None:
    """wlc1 answers as a Cisco 3504 does (sysDescr "Cisco Controller", its ENTITY chassis row and
    its AIRESPACE table of joined APs); ap2 and ap3 answer no SNMP and open no port. The
    controller is a wireless controller, and each AP is an access point with the model, serial,
    software and name the controller lists, still cabled to its switch port (ap2 by its LLDP,
    ap3, on a port with LLDP off, by the switch's forwarding table)."""
    by_name = {d.name: d for d in inventory.devices}
    wlc = by_name["wlc1"]
    assert wlc.type.value == "wireless_controller" and wlc.confidence >= 0.6, wlc.evidence
    assert (wlc.vendor, wlc.model, wlc.serial, wlc.os) == (
        "Cisco", "AIR-CT3504-K9", "FCW2231P0LS", "8.10.185.0")
    expected = {"ap2": ("AIR-AP2802I-B-K9", "FJC2231M0QX", "sw-access", "lldp"),
                "ap3": ("AIR-AP1815I-B-K9", "FGL2229A1KZ", "sw-pd", "fdb")}
    names = {d.id: d.name for d in inventory.devices}
    for name, (model, serial, switch, source) in expected.items():
        ap = by_name[name]
        assert ap.type.value == "wireless_ap" and ap.confidence >= 0.8, (name, ap.evidence)
        assert any("wireless controller wlc1" in e.detail for e in ap.evidence), ap.evidence
        assert (ap.vendor, ap.model, ap.serial, ap.os) == ("Cisco", model, serial, "8.10.185.0")
        assert (ap.managed_by, ap.controller_status) == (wlc.id, "associated")
        assert any({names.get(link.a), names.get(link.b)} == {switch, name}
                   and link.source == source for link in inventory.links), (name, source)


def test_a_point_to_point_radio_link_is_two_wireless_bridges_in_the_cabling(
        inventory: Inventory) -> None:
    """ptp-ch and ptp-pw answer as Cambium PTP 670 radios do (LibreNMS `ptp670`, typed
    "wireless" as access points are): both are wireless bridges, not access points. No LLDP
    crosses the link, so the radios' and the switch's forwarding tables alone place it: the
    switch port, the air link between the radios' port2s, and the garage PC behind it."""
    by_name = {d.name: d for d in inventory.devices}
    for name in ("ptp-ch", "ptp-pw"):
        radio = by_name[name]
        assert radio.type.value == "wireless_bridge" and radio.confidence >= 0.8, radio.evidence
        assert radio.vendor == "Cambium" and (radio.model or "").startswith("PTP 670"), radio.model
        assert radio.os == "50670-02-71"
    names = {d.id: d.name for d in inventory.devices}
    cabled = {frozenset({(names.get(lk.a), lk.a_port), (names.get(lk.b), lk.b_port)})
              for lk in inventory.links}
    assert frozenset({("sw-access", "ge8"), ("ptp-ch", "port1")}) in cabled
    assert frozenset({("ptp-ch", "port2"), ("ptp-pw", "port2")}) in cabled
    pc = next(d.id for d in inventory.devices if "10.77.10.74" in d.addresses)
    garage = [lk for lk in inventory.links if pc in (lk.a, lk.b)]
    assert [(names.get(lk.a), lk.a_port) for lk in garage] == [("ptp-pw", "port1")], garage


def test_a_windows_rpc_endpoint_names_windows(lab: Any, inventory: Inventory) -> None:
    """ws1's port 135 answers nmap's probe with the DCE/RPC bind_nak a Windows endpoint mapper
    sends; nmap files it as Microsoft Windows RPC, o/Windows/ (its Remote Desktop's NTLM
    offer, which names the release, ranks above that banner), and it is still a workstation
    (Windows is no server OS)."""
    ip = lab.device("ws1").interfaces[0].ips[0].split("/")[0]
    ws1 = next(d for d in inventory.devices if ip in d.addresses)
    rpc = next(s for s in ws1.services if s.port == 135)
    assert rpc.product == "Microsoft Windows RPC", rpc
    assert ws1.os and ws1.os.startswith("Microsoft Windows") and ws1.os_family == "Windows"
    assert ws1.type.value == "workstation" and ws1.confidence >= 0.6, ws1.evidence


def test_netbios_names_the_windows_domain_and_its_controller(lab: Any, inventory: Inventory) -> None:
    """The lab's nmbd: ws1 a member of CITYHALL, srv-file the domain's controller (<1C>), which
    makes it a directory system: a key system in the summary, critical by the default rules."""
    from netmap.render.inventory import key_systems

    truth = {d.name: d.netbios for d in lab.devices if d.netbios}
    assert set(truth) == {"ws1", "srv-file"}
    named = {d.name: d for d in inventory.devices if d.name in truth}
    assert all(named[n].windows_domain == t.workgroup for n, t in truth.items()), named
    dc = named["srv-file"]
    assert Role.DIRECTORY in dc.roles and dc.sla_tier == "critical", (dc.roles, dc.sla_tier)
    assert any(e.source == "netbios" and "CITYHALL" in e.detail for e in dc.evidence)
    assert Role.DIRECTORY not in named["ws1"].roles
    [(title, line)] = key_systems(inventory)["Directory (sign-in)"]
    assert title == "srv-file" and "Windows domain CITYHALL" in line, line


def test_smbd_offers_its_names_and_no_windows(lab: Any, lab_scan: LabScan,
                                              inventory: Inventory) -> None:  # fmt: skip
    """srv-file's real smbd answers the SMB2 negotiation and NTLM offer: its names and its
    domain, read from the CHALLENGE, match the spec; Samba's version (6.1, build 0) is no
    Windows build, so the Linux server is not called Windows."""
    spec = lab.device("srv-file")
    ip = spec.interfaces[0].ips[0].split("/")[0]
    offers = {h["ip"]: h["ntlm"] for h in lab_scan.data["hosts"] if h["ntlm"]}
    by_service = {o["service"]: o for o in offers[ip]}
    offer = by_service["smb"]
    ntlm = offer["ntlm"]
    assert offer["service"] == "smb" and offer["dialect"] == "3.0.2", offer
    assert ntlm["netbios_computer"] == spec.name.upper(), offer
    assert ntlm["netbios_domain"] == spec.netbios.workgroup and ntlm["version"] == "6.1.0"
    assert ntlm["dns_computer"] == f"{spec.name}.{ntlm['dns_domain']}", ntlm
    # the others' 445 is a plain listener, which answers no negotiation
    assert [ip for ip, o in offers.items() if any(x["service"] == "smb" for x in o)] == [ip]
    dev = next(d for d in inventory.devices if ip in d.addresses)
    assert dev.os_family == "Linux" and dev.os_version is None and "smb" in dev.sources
    assert dev.windows_domain == spec.netbios.workgroup
    # smbd leaves signing to the client (Samba's default, as the lab's smb.conf keeps it): the
    # domain's controller is listed for it in Needs attention, and only it
    from netmap.render.inventory import attention_table

    assert offer["signing_required"] is False and dev.smb_signing_required is False
    rows = [r for r in attention_table(inventory).rows if r[0] == "SMB signing not required"]
    assert [r[1] for r in rows] == [spec.name], rows


def test_smb1_is_found_where_smbd_accepts_it(lab: Any, lab_scan: LabScan,
                                             inventory: Inventory) -> None:  # fmt: skip
    """srv-file's smbd still accepts SMB version 1 (the spec's smb1): the SMB1 probe finds it,
    Samba's NativeOS ("Windows 6.1") names no OS, and Needs attention says to disable it; no
    other lab device accepts SMB1."""
    from netmap.render.inventory import attention_table

    want = {d.name for d in lab.devices if any(s.smb1 for s in d.services)}
    assert want == {"srv-file"}
    got = {d.name for d in inventory.devices if d.smb1}
    assert got == want
    ip = lab.device("srv-file").interfaces[0].ips[0].split("/")[0]
    [host] = [h for h in lab_scan.data["hosts"] if h["ip"] == ip]
    [old] = [o for o in host["ntlm"] if o["service"] == "smb1"]
    assert old["native_lanman"].startswith("Samba") and old["ntlm"]["netbios_computer"] == "SRV-FILE"
    dev = next(d for d in inventory.devices if d.name == "srv-file")
    assert dev.os_family == "Linux" and "Windows" not in (dev.os or "")
    rows = [r for r in attention_table(inventory).rows if r[0] == "SMBv1"]
    assert [r[1] for r in rows] == ["srv-file"], rows


def test_remote_desktop_offers_the_windows_release(lab: Any, lab_scan: LabScan,
                                                   inventory: Inventory) -> None:  # fmt: skip
    """ws1 (a member of CITYHALL) and ws2 (a workgroup computer) answer Remote Desktop with NLA
    up to their NTLM CHALLENGE, as Windows does (the lab's emulator): each one's Windows
    release, version and domain reach the inventory as the spec gives them. ws2's build
    (19041) is also Windows Server 2004's: being surely a workstation, it is called Windows 10;
    ws1's (22621) is only ever a client's, which votes workstation."""
    from netmap.infer.identify.ntlm import windows_releases

    for name in ("ws1", "ws2"):
        spec = lab.device(name)
        [version] = [s.windows_version for s in spec.services if s.windows_version]
        ip = spec.interfaces[0].ips[0].split("/")[0]
        [host] = [h for h in lab_scan.data["hosts"] if h["ip"] == ip]
        [offer] = [o for o in host["ntlm"] if o["service"] == "rdp"]
        assert offer["port"] == 3389 and offer["ntlm"]["version"] == version, offer
        dev = next(d for d in inventory.devices if ip in d.addresses)
        release = windows_releases()[tuple(int(x) for x in version.split("."))]
        client, shared, _server = release.partition(" or ")
        assert (dev.os, dev.os_family, dev.os_version) == (
            f"Microsoft {client}", "Windows", version), dev
        domain = spec.netbios.workgroup if spec.netbios else None
        assert dev.windows_domain == domain and dev.type.value == "workstation"
        voted = any(e.source == "rdp" and "client release" in e.detail for e in dev.evidence)
        assert voted is not bool(shared), (name, dev.evidence)


def test_windows_support_rows_follow_the_release(lab: Any, inventory: Inventory) -> None:
    """ws1's and ws2's releases (from their Remote Desktop's NTLM offer) are judged against
    Microsoft's lifecycle on the scan's day; Needs attention lists exactly what that says."""
    from netmap.infer.lifecycle import support
    from netmap.render.inventory import attention_table

    assert inventory.scanned_at is not None
    rows = {r[1]: r for r in attention_table(inventory).rows if str(r[0]).startswith("Windows")}
    for name in ("ws1", "ws2"):
        dev = next(d for d in inventory.devices if d.name == name)
        s = support(dev, inventory.scanned_at.date())
        assert (name in rows) == (s is not None), (name, dev.os, rows)
        if s is not None:
            assert f"{s.release}: Microsoft's support" in str(rows[name][3])
    assert not set(rows) - {"ws1", "ws2"}, rows  # no other lab device runs Windows
