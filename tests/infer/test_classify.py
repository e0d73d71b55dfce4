"""classify(): types with confidence and evidence, roles, site/zone."""

from __future__ import annotations

from netmap.infer.classify import classify, combine
from netmap.infer.merge import merge
from netmap.model import (
    Device,
    DeviceType,
    Facts,
    OsMatch,
    OsObs,
    Role,
    ScanRecord,
    SiteZone,
    TypeVote,
    UpnpObs,
)

from .factory import arp, host, lldp, mac, make_scan, snmp, svc, switch

T = DeviceType


def classified(scan: ScanRecord) -> dict[str, Device]:
    return {(d.addresses[0] if d.addresses else d.id): d for d in classify(merge(scan), scan)}


def one(obs: list, ip: str = "10.0.0.9", **kw: object) -> Device:  # type: ignore[type-arg]
    return classified(make_scan(obs, **kw))[ip]  # type: ignore[arg-type]


def test_printer_from_printing_ports() -> None:
    d = one([arp("10.0.0.9", mac(9)), svc("10.0.0.9", 9100, "jetdirect"),
             svc("10.0.0.9", 631, "ipp"), svc("10.0.0.9", 80, "http")])
    assert d.type is T.PRINTER and d.confidence > 0.6
    assert any("9100" in e.detail for e in d.evidence)
    assert Role.WEB not in d.roles  # a printer's web UI is not a web service


def test_nmaps_device_type_of_a_banner_votes() -> None:
    """A copier's FTP greeting, which nmap files under d/printer/: a printer with nothing else
    said; nmap's o/ names the OS where nothing better does."""
    d = one([arp("10.0.0.9", mac(9)),
             svc("10.0.0.9", 21, "ftp", "SHARP MX-3070N printer ftpd", devicetype="printer")])
    assert d.type is T.PRINTER and d.confidence >= 0.6, d.evidence
    assert any(e.detail == "printer: nmap device type 'printer'" for e in d.evidence)
    pc = one([arp("10.0.0.9", mac(9)),
              svc("10.0.0.9", 135, "msrpc", "Microsoft Windows RPC", ostype="Windows")])
    assert pc.os == "Windows"


def test_an_nmap_class_that_covers_two_types_is_never_confident_alone() -> None:
    """nmap files many wireless routers under "WAP": alone, it is a guess."""
    d = one([arp("10.0.0.9", mac(9)),
             svc("10.0.0.9", 80, "http", "micro_httpd", devicetype="WAP")])
    assert d.type is T.WIRELESS_AP and d.confidence < 0.6, d.evidence


def test_asterisk_is_a_pbx_with_telephony_role() -> None:
    d = one([arp("10.0.0.9", mac(9)), svc("10.0.0.9", 80, "http", "Apache httpd"),
             svc("10.0.0.9", 5060, "sip", "Asterisk PBX", proto="udp", version="18.20.0")])
    assert d.type is T.PBX
    assert Role.TELEPHONY in d.roles


def test_single_line_sip_endpoint_is_a_phone_without_telephony_role() -> None:
    d = one([arp("10.0.0.9", mac(9)), svc("10.0.0.9", 5060, "sip", proto="udp"),
             svc("10.0.0.9", 80, "http")])
    assert d.type is T.PHONE
    assert Role.TELEPHONY not in d.roles


def test_yealink_oui_and_sip_product() -> None:
    ph = mac(0x30, "80:5e:c0")
    d = one([arp("10.0.0.9", ph, vendor="Yealink"),
             svc("10.0.0.9", 5060, "sip", "Yealink SIP-T46U", proto="udp")])
    assert d.type is T.PHONE and d.confidence > 0.8


def test_a_radio_whose_web_page_names_a_backhaul_product_is_a_wireless_bridge() -> None:
    """No SNMP: an airFiber's web UI title is its only word, and it names a radio link."""
    d = one([arp("10.0.0.9", mac(9, "04:18:d6")),
             svc("10.0.0.9", 443, "http", "lighttpd", extrainfo="airFiber AF-5XHD")])
    assert d.type is DeviceType.WIRELESS_BRIDGE, d.evidence


def test_mail_server_ports_give_server_and_email_role() -> None:
    d = one([arp("10.0.0.9", mac(9)), svc("10.0.0.9", 25, "smtp", "Postfix smtpd"),
             svc("10.0.0.9", 587, "smtp"), svc("10.0.0.9", 143, "imap", "Dovecot imapd")])
    assert d.type is T.SERVER
    assert Role.EMAIL in d.roles


def test_synology_nas_with_file_and_backup_roles() -> None:
    d = one([arp("10.0.0.9", "00:11:32:8b:20:30", vendor="Synology Incorporated"),
             svc("10.0.0.9", 22, "ssh"), svc("10.0.0.9", 445, "microsoft-ds"),
             svc("10.0.0.9", 873, "rsync"), svc("10.0.0.9", 5000, "http", "nginx")])
    assert d.type is T.NAS
    assert {Role.FILE, Role.BACKUP} <= set(d.roles)


def test_rsync_box_is_backup() -> None:
    d = one([arp("10.0.0.9", mac(9)), svc("10.0.0.9", 22, "ssh"),
             svc("10.0.0.9", 873, "rsync")])
    assert d.type is T.BACKUP and Role.BACKUP in d.roles


def test_rdp_pc_is_a_workstation_without_file_role() -> None:
    d = one([arp("10.0.0.9", "a4:8c:db:15:10:21", vendor="Lenovo"),
             svc("10.0.0.9", 135, "msrpc"), svc("10.0.0.9", 445, "microsoft-ds"),
             svc("10.0.0.9", 3389, "ms-wbt-server")])
    assert d.type is T.WORKSTATION
    assert Role.FILE not in d.roles


def test_rdp_on_windows_server_os_is_a_server() -> None:
    os = OsObs(target="10.0.0.9", ip="10.0.0.9",
               matches=[OsMatch(name="Microsoft Windows Server 2019", accuracy=95,
                                device_type="general purpose")])
    d = one([arp("10.0.0.9", mac(9)), svc("10.0.0.9", 3389, "ms-wbt-server"), os])
    assert d.type is T.SERVER


def test_linux_ssh_and_web_is_a_server_with_web_role() -> None:
    d = one([arp("10.0.0.9", mac(9)), svc("10.0.0.9", 22, "ssh", "OpenSSH"),
             svc("10.0.0.9", 80, "http", "nginx")])
    assert d.type is T.SERVER and Role.WEB in d.roles


def test_apc_oui_is_a_ups() -> None:
    d = one([arp("10.0.0.9", "00:c0:b7:4d:20:20")])
    assert d.type is T.UPS
    assert any(e.source == "oui" for e in d.evidence)


def test_one_maker_named_two_ways_votes_once() -> None:
    """An HP laptop: the OUI's "Hewlett Packard" and the brand "HP" are one maker, so its one
    weak printer vote was counted twice against the PC-maker vote."""
    d = one([arp("10.0.0.9", "a0:8c:fd:17:10:23", vendor="Hewlett Packard")])
    printer = [e.detail for e in d.evidence if e.detail.startswith("printer:")]
    assert d.type is T.WORKSTATION and len(printer) == 1, d.evidence
    # the reason reads as one ("'HP' in 'HP'" said nothing a council member could follow)
    assert printer[0] in ("printer: its MAC address is HP's",
                          "printer: its MAC address is Hewlett Packard's"), printer


def test_pdu_maker_oui_is_a_pdu_and_keeps_its_name() -> None:
    d = one([arp("10.0.0.9", "00:0a:9c:01:02:03")])  # Server Technology (Sentry PDUs)
    assert d.type is T.PDU and d.vendor == "Server Technology"  # not "Server"


def test_lldp_med_class_seen_by_the_switch_makes_a_phone() -> None:
    ph = mac(0x30)  # no vendor, no services: only the neighbour's view
    sw, _ = switch("10.0.0.2", "sw1", 0x200, neighbours=[lldp("ge2", ph, med=3)])
    d = classified(make_scan([*sw, arp("10.0.0.9", ph)]))["10.0.0.9"]
    assert d.type is T.PHONE
    assert any(e.source == "lldp-med" for e in d.evidence)


def test_router_capability_seen_by_neighbour() -> None:
    r = mac(0x31)
    sw, _ = switch("10.0.0.2", "sw1", 0x200, neighbours=[lldp("ge1", r, caps=["router"])])
    assert classified(make_scan([*sw, arp("10.0.0.9", r)]))["10.0.0.9"].type is T.ROUTER


def test_phone_advertising_bridge_is_not_a_switch() -> None:
    ph = mac(0x30)
    sw, _ = switch("10.0.0.2", "sw1", 0x200,
                   neighbours=[lldp("ge2", ph, caps=["bridge", "telephone"])])
    assert classified(make_scan([*sw, arp("10.0.0.9", ph)]))["10.0.0.9"].type is T.PHONE


def test_access_point_advertising_bridge_is_one_vote_and_no_switch() -> None:
    """LLDP's "wlan-access-point" is one capability bit: one vote. An access point bridges its
    radios to its wire, so its "bridge" bit makes no switch, neither as the neighbour sees it nor
    as its own agent says it."""
    from netmap.infer.classify_snmp import _self_announced_votes

    ap = mac(0x32)
    sw, _ = switch("10.0.0.2", "sw1", 0x200,
                   neighbours=[lldp("ge5", ap, caps=["bridge", "wlan-access-point"])])
    d = classified(make_scan([*sw, arp("10.0.0.9", ap)]))["10.0.0.9"]
    assert d.type is T.WIRELESS_AP
    assert [e.detail.split(":")[0] for e in d.evidence if e.source == "lldp"] == ["wireless_ap"]
    own = _self_announced_votes(["bridge", "wlan-access-point"], None)
    assert [v.type for v in own] == [T.WIRELESS_AP]


def test_a_lightweight_ap_is_known_from_its_controllers_table() -> None:
    """A lightweight access point answers no SNMP and opens no port: ARP alone finds it. The
    wireless controller that lists it says what it is, its model, serial, software and name;
    an AP the sweep never reached is still in the inventory. The controller is a controller."""
    from netmap.model import ManagedAp

    seen, unseen = "00:3a:7d:00:00:61", "00:3a:7d:00:00:62"
    rows = [ManagedAp(mib="AIRESPACE-WIRELESS-MIB", maker="Cisco", mac=seen, ip="10.0.0.9",
                      radio_mac="00:3a:7d:00:10:00", name="lobby-ap", model="AIR-AP2802I-B-K9",
                      serial_number="FJC2231M0QX", os_version="8.10.185.0", location="Lobby"),
            ManagedAp(mib="AIRESPACE-WIRELESS-MIB", maker="Cisco", mac=unseen, ip="10.0.1.7",
                      name="annex-ap", model="AIR-AP1815I-B-K9", serial_number="FGL2229A1KZ",
                      status="downloading")]
    wlc = snmp("10.0.0.5", facts=Facts(hostname="wlc1", sys_descr="Cisco Controller",
                                       vendor="Cisco", structure={"managed_aps": 2}),
               managed_aps=rows)
    scan = make_scan([*wlc, arp("10.0.0.9", seen), arp("10.0.0.5", mac(5))])
    devices = classified(scan)
    ap = devices["10.0.0.9"]
    assert ap.type is T.WIRELESS_AP and ap.confidence >= 0.8, ap.evidence
    assert any("wireless controller wlc1 (AIRESPACE-WIRELESS-MIB)" in e.detail
               for e in ap.evidence), ap.evidence
    assert (ap.name, ap.vendor, ap.model, ap.serial, ap.os, ap.location) == (
        "lobby-ap", "Cisco", "AIR-AP2802I-B-K9", "FJC2231M0QX", "8.10.185.0", "Lobby")
    assert "model: its wireless controller's table of access points" in ap.identity_evidence
    assert devices["10.0.1.7"].type is T.WIRELESS_AP and devices["10.0.1.7"].name == "annex-ap"
    assert devices["10.0.0.5"].type is T.WIRELESS_CONTROLLER
    assert {ap.managed_by, devices["10.0.1.7"].managed_by} == {devices["10.0.0.5"].id}
    assert devices["10.0.0.5"].managed_by is None
    # the workbook names each AP's controller, where its licences are counted
    from netmap.infer.pipeline import build_inventory
    from netmap.render.inventory import devices_table

    inv = build_inventory(scan)
    table = devices_table(inv)
    column = table.headers.index("Managed by")
    managed = {row[0]: row[column] for row in table.rows}
    assert managed["lobby-ap"] == "wlc1" and managed["wlc1"] is None
    # an AP its controller lists in any state but joined is hardware to look at
    from netmap.render.inventory import attention_table

    down = [r for r in attention_table(inv).rows if r[0] == "Access point not serving"]
    assert [(r[1], r[3]) for r in down] == [
        ("annex-ap", "Its wireless controller lists it as 'downloading'.")]


def test_a_linux_camera_with_ssh_and_a_web_ui_is_never_a_confident_server() -> None:
    """A camera whose agent says only "Linux", with SSH, a web UI and RTSP: RTSP serves one
    purpose (as JetDirect's 9100 does), the rest any box. Camera, or at worst uncertain."""
    from netmap.model import Facts

    ip = "10.0.0.9"
    banner = Facts(sys_descr="Linux ipcam 4.9.37 #1 SMP PREEMPT armv7l",
                   sys_object_id="1.3.6.1.4.1.8072.3.2.10", services=72)
    d = one([arp(ip, mac(9)), svc(ip, 554, "rtsp"), svc(ip, 80, "http"),
             svc(ip, 22, "ssh", "OpenSSH"), *snmp(ip, facts=banner)])
    assert d.type is T.CAMERA, (d.type, d.evidence)
    server = one([arp(ip, mac(9)), svc(ip, 80, "http", "nginx"), svc(ip, 22, "ssh", "OpenSSH"),
                  *snmp(ip, facts=banner)])
    assert server.type is T.SERVER and server.confidence >= 0.6


def test_snmp_switch_is_a_switch() -> None:
    sw, _ = switch("10.0.0.2", "sw1", 0x200)
    d = classified(make_scan(sw))["10.0.0.2"]
    assert d.type is T.SWITCH
    assert any(e.source.startswith("snmp") for e in d.evidence)


def test_no_evidence_is_unknown_with_low_confidence() -> None:
    d = one([arp("10.0.0.9", mac(9))])
    assert d.type is T.UNKNOWN and d.confidence <= 0.1
    assert d.evidence[-1].source == "default"


def test_competing_evidence_lowers_confidence() -> None:
    clean = combine([TypeVote(type=T.PRINTER, weight=0.7, source="a", detail="x")])
    mixed = combine([TypeVote(type=T.PRINTER, weight=0.7, source="a", detail="x"),
                     TypeVote(type=T.SERVER, weight=0.5, source="b", detail="y")])
    assert clean[0] is mixed[0] is T.PRINTER
    assert mixed[1] < clean[1]
    assert [e.source for e in mixed[2]] == ["a", "b"]  # strongest first, losers kept


def test_one_agent_polled_on_three_addresses_is_one_piece_of_evidence() -> None:
    vote = TypeVote(type=T.ROUTER, weight=0.5, source="snmp:facts", detail="ipForwarding")
    other = TypeVote(type=T.SWITCH, weight=0.4, source="snmp:structure", detail="bridge ports")
    once = combine([vote, other])
    thrice = combine([vote, vote, vote, other])
    assert thrice[1] == once[1]
    assert [e.detail for e in thrice[2]] == [e.detail for e in once[2]]
    assert combine([vote, vote.model_copy(update={"source": "lldp"})])[1] > combine([vote])[1]


def test_site_zone_and_cji_role_from_the_profile_subnets() -> None:
    zones = {"10.0.0.0/16": SiteZone(site="City Hall"),
             "10.0.30.0/24": SiteZone(site="Police", zone="CJI")}
    devs = classified(make_scan([arp("10.0.30.9", mac(9)), arp("10.0.1.9", mac(10))],
                                subnets=zones))
    police, staff = devs["10.0.30.9"], devs["10.0.1.9"]
    assert (police.site, police.zone) == ("Police", "CJI") and Role.CJI in police.roles
    assert (staff.site, staff.zone) == ("City Hall", None) and Role.CJI not in staff.roles


def test_a_device_spanning_sites_is_sited_by_its_cables() -> None:
    """The router joining City Hall's subnets and the police annex's has addresses in both
    sites: it stands where most of its cabled neighbours are (LLDP, CDP, forwarding tables),
    in no zone. A tie, or neighbours known only by routes, leave it unsited."""
    from netmap.infer.classify import site_by_cabling
    from netmap.model import Device, Link, LinkConfidence, LinkSource

    zones = {"10.7.10.0/24": SiteZone(site="City Hall", zone="Staff"),
             "10.7.20.0/24": SiteZone(site="City Hall", zone="Servers"),
             "10.7.30.0/24": SiteZone(site="Police", zone="CJI")}
    rtr = Device(id="rtr", addresses=["10.7.10.1", "10.7.20.1", "10.7.30.1"])
    core = Device(id="core", addresses=["10.7.10.2"], site="City Hall", zone="Staff")
    srv = Device(id="srv", addresses=["10.7.20.2"], site="City Hall", zone="Servers")
    pd = Device(id="pd", addresses=["10.7.30.2"], site="Police", zone="CJI")

    def cable(a: str, b: str, source: LinkSource = LinkSource.LLDP) -> Link:
        return Link(a=a, b=b, source=source, confidence=LinkConfidence.CONFIRMED)

    def sited(devices: list[Device], links: list[Link]) -> Device:
        return next(d for d in site_by_cabling(devices, links, zones) if d.id == "rtr")

    out = sited([rtr, core, srv, pd], [cable("rtr", "core"), cable("srv", "rtr"),
                                       cable("rtr", "pd", LinkSource.FDB)])
    assert (out.site, out.zone) == ("City Hall", None)
    assert sited([rtr, core, pd], [cable("rtr", "core"), cable("rtr", "pd")]).site is None
    assert sited([rtr, core, srv], [cable("rtr", "core", LinkSource.ROUTE)]).site is None
    one_site = core.model_copy(update={"site": None})
    assert site_by_cabling([one_site, rtr], [cable("rtr", "core")], zones)[0].site is None


def test_scanner_role_from_nmap_localhost_response() -> None:
    devs = classified(make_scan([host("10.0.0.250", reason="localhost-response"),
                                 arp("10.0.0.9", mac(9))]))
    assert devs["10.0.0.250"].roles == [Role.SCANNER]
    assert devs["10.0.0.9"].roles == []


def test_dns_and_directory_roles() -> None:
    d = one([arp("10.0.0.9", mac(9)), svc("10.0.0.9", 53, "domain"),
             svc("10.0.0.9", 88, "kerberos-sec"), svc("10.0.0.9", 389, "ldap")])
    assert {Role.DNS, Role.DIRECTORY} <= set(d.roles)
    assert d.type is T.SERVER


def test_snmp_printer_mib_and_services_agree() -> None:
    from netmap.model import PrinterInfo

    obs = [arp("10.0.0.9", mac(9)), svc("10.0.0.9", 9100, "jetdirect"),
           *snmp("10.0.0.9", facts=Facts(hostname="prn", sys_descr="HP LaserJet 4250"),
                 printer=PrinterInfo(model="HP Color LaserJet", page_count=10))]
    d = one(obs)
    assert d.type is T.PRINTER and d.confidence > 0.9


def test_banners_read_the_same_type_words_as_snmp() -> None:
    """nmap's banners go through the one type vocabulary (data/type-keywords.toml): a D-Link
    webcam is no Arista switch (DCS-7xxx), a wireless router is a router, and a web server's
    "server" makes no server of an appliance."""
    cam = one([arp("10.0.0.9", mac(9)),
               svc("10.0.0.9", 80, "http", "D-Link DCS-930L webcam http config")])
    assert cam.type is T.CAMERA, cam.evidence
    assert any(e.source == "nmap:service 80/tcp" and "camera keyword" in e.detail and "webcam" in e.detail
               for e in cam.evidence)
    wifi = one([arp("10.0.0.9", mac(9)),
                svc("10.0.0.9", 80, "http", "Netgear WG602v2 wireless router http config")])
    assert wifi.type is T.ROUTER, wifi.evidence
    web = one([arp("10.0.0.9", mac(9)),
               svc("10.0.0.9", 80, "http", "Embedded Web Server httpd")])
    assert not any(e.detail.startswith("server:") and "keyword" in e.detail
                   for e in web.evidence), web.evidence


def test_an_os_name_of_desktop_windows_is_a_workstation() -> None:
    os = OsObs(target="10.0.0.9", ip="10.0.0.9",
               matches=[OsMatch(name="Microsoft Windows 10 1909", accuracy=96,
                                device_type="general purpose")])
    d = one([arp("10.0.0.9", mac(9)), svc("10.0.0.9", 445, "microsoft-ds"), os])
    assert d.type is T.WORKSTATION, d.evidence


def test_a_phone_without_snmp_has_the_model_its_banner_names() -> None:
    """nmap knows the SIP User-Agent as a Yealink SIP-T46U's (its hardware CPE): the inventory
    gets the model, and says where it came from."""
    d = one([arp("10.0.0.9", mac(0x30, "80:5e:c0"), vendor="Yealink"),
             svc("10.0.0.9", 5060, "sip", "Yealink SIP-T46U VoIP phone sipd", proto="udp",
                 version="108.86.0.45", cpe=["cpe:/h:yealink:sip-t46u"])])
    assert (d.type, d.vendor, d.model) == (T.PHONE, "Yealink", "SIP-T46U")
    assert "model: nmap service version banner" in d.identity_evidence
    assert not d.conflicts


def test_the_community_nmap_names_is_a_finding_never_a_word_in_the_inventory() -> None:
    """nmap's SNMP match line writes the community that worked as its detail (i/public/): the
    inventory says a well-known community answered, and never the community itself."""
    d = one([arp("10.0.0.9", mac(9)),
             svc("10.0.0.9", 161, "snmp", "SNMPv1 server", proto="udp", extrainfo="public")])
    [snmp_svc] = [s for s in d.services if s.port == 161]
    assert "public" not in (snmp_svc.extrainfo or "") and d.snmp_default_community
    other = one([arp("10.0.0.9", mac(9)),
                 svc("10.0.0.9", 161, "snmp", "net-snmp", proto="udp", extrainfo="SNMPv3 server")])
    assert other.services[0].extrainfo == "SNMPv3 server" and not other.snmp_default_community


def test_a_perfect_os_fingerprint_names_the_model_of_last_resort() -> None:
    """A printer that answers no SNMP and whose banners name no model: nmap's perfect OS match
    names it (hearsay, below every other source). A banner's model, where one is named,
    stands before it with no disagreement."""
    os = OsObs(target="10.0.0.9", ip="10.0.0.9", matches=[OsMatch(
        name="HP LaserJet 4250 printer", accuracy=100, device_type="printer",
        cpes=["cpe:/h:hp:laserjet_4250"])])
    d = one([arp("10.0.0.9", mac(9, "3c:d9:2b")), svc("10.0.0.9", 9100, "jetdirect"), os])
    assert (d.type, d.model) == (T.PRINTER, "LaserJet 4250"), d.evidence
    assert "model: nmap OS detection" in d.identity_evidence
    banner = svc("10.0.0.9", 80, "http", "HP LaserJet 4250tn printer http config",
                 cpe=["cpe:/h:hp:laserjet_4250tn"])
    d = one([arp("10.0.0.9", mac(9, "3c:d9:2b")), svc("10.0.0.9", 9100, "jetdirect"), banner, os])
    assert d.model == "LaserJet 4250tn" and not d.conflicts, d.conflicts


def test_snmp_names_the_model_before_a_banner_does() -> None:
    """SNMP's model stands; the banner's shorter spelling of it is no disagreement."""
    d = one([arp("10.0.0.9", mac(9, "3c:d9:2b")),
             *snmp("10.0.0.9", facts=Facts(sys_descr="HP ETHERNET MULTI-ENVIRONMENT", vendor="HP",
                                           model="HP Color LaserJet Pro M454dn")),
             svc("10.0.0.9", 80, "http", "HP Color LaserJet Pro M454dn printer http config",
                 cpe=["cpe:/h:hp:color_laserjet_pro_m454dn"])])
    assert d.model == "HP Color LaserJet Pro M454dn" and not d.conflicts, d.conflicts


def test_a_phones_lldp_med_inventory_names_its_model_serial_and_firmware() -> None:
    """The switch heard the phone's LLDP-MED inventory: its maker, model, serial and software
    revision reach the inventory, above what the phone's own banner says, and agree with it."""
    ph = mac(0x30, "80:5e:c0")
    heard = lldp("ge2", ph, med=3).model_copy(update={
        "med_maker": "Yealink", "med_model": "SIP-T46U", "med_serial": "8011221031007123",
        "med_software": "108.86.0.45"})
    sw, _ = switch("10.0.0.2", "sw1", 0x200, neighbours=[heard])
    d = classified(make_scan([*sw, arp("10.0.0.9", ph),
                              svc("10.0.0.9", 5060, "sip", "Yealink SIP-T46U VoIP phone sipd",
                                  proto="udp", cpe=["cpe:/h:yealink:sip-t46u"])]))["10.0.0.9"]
    assert (d.type, d.vendor, d.model, d.serial, d.os) == (
        T.PHONE, "Yealink", "SIP-T46U", "8011221031007123", "108.86.0.45")
    assert any(line.startswith("serial: its LLDP-MED inventory") for line in d.identity_evidence)
    assert not d.conflicts, d.conflicts


def test_a_cisco_neighbours_cdp_platform_names_its_model() -> None:
    """A Cisco phone that answers no SNMP: the switch's CDP cache names its platform. A model a
    better source names is kept, and the neighbour's word raises no disagreement."""
    from netmap.infer.merge import cdp_model
    from netmap.model import CdpNeighbor

    assert cdp_model("Cisco SG350X-24P (PID:SG350X-24P-K9)-VSD") == ("Cisco", "SG350X-24P")
    assert cdp_model("cisco AIR-AP2702I-UXK9") == ("Cisco", "AIR-AP2702I-UXK9")
    assert cdp_model("Linux") == (None, None)
    ph = mac(0x30, "00:04:f2")
    sw, _ = switch("10.0.0.2", "sw1", 0x200)
    heard = CdpNeighbor(parent_interface="ge2", remote_device_id="SEP0004F2000030",
                        remote_address="10.0.0.9", remote_platform="Cisco IP Phone 8845")
    cdp = snmp("10.0.0.2", cdp_neighbors=[heard])
    d = classified(make_scan([*sw, *cdp, arp("10.0.0.9", ph)]))["10.0.0.9"]
    assert (d.vendor, d.model) == ("Cisco", "IP Phone 8845"), d.identity_evidence
    assert any(line.startswith("model: its CDP platform") for line in d.identity_evidence)
    known = snmp("10.0.0.9", facts=Facts(sys_descr="Cisco Nexus", vendor="Cisco",
                                         model="Nexus 3064"))
    heard = heard.model_copy(update={"remote_platform": "N3K-C3064PQ-10GX"})
    cdp = snmp("10.0.0.2", cdp_neighbors=[heard])
    d = classified(make_scan([*sw, *cdp, *known, arp("10.0.0.9", ph)]))["10.0.0.9"]
    assert d.model == "Nexus 3064" and not d.conflicts, d.conflicts


def _upnp(ip: str, document: str) -> UpnpObs:
    return UpnpObs(target=ip, ip=ip, locations=[f"http://{ip}:49152/d.xml"],
                   descriptions={f"http://{ip}:49152/d.xml": document})


CAMERA_UPNP = """<root xmlns="urn:schemas-upnp-org:device-1-0"><device>
<deviceType>urn:schemas-upnp-org:device:Basic:1</deviceType><manufacturer>Hikvision</manufacturer>
<modelName>DS-2CD2143G2-I</modelName><modelDescription>Hikvision IP Camera</modelDescription>
<serialNumber>DS-2CD2143G2-I20230915AAWRL01234567</serialNumber></device></root>"""


def test_a_camera_without_snmp_is_named_by_its_upnp_description() -> None:
    d = one([arp("10.0.0.9", mac(9, "c0:56:e3")), svc("10.0.0.9", 554, "rtsp"),
             _upnp("10.0.0.9", CAMERA_UPNP)])
    assert (d.type, d.vendor, d.model, d.serial) == (
        T.CAMERA, "Hikvision", "DS-2CD2143G2-I", "DS-2CD2143G2-I20230915AAWRL01234567")
    assert "model: its UPnP device description" in d.identity_evidence
    assert any(e.source == "upnp" for e in d.evidence), d.evidence


def test_snmp_names_the_model_before_upnp_does() -> None:
    """SNMP's model and serial stand; UPnP's other spelling raises no disagreement."""
    d = one([arp("10.0.0.9", mac(9, "c0:56:e3")),
             *snmp("10.0.0.9", facts=Facts(sys_descr="Hikvision camera", vendor="Hikvision",
                                           model="DS-2CD2143G2-I (B)", serial_number="L01234567")),
             _upnp("10.0.0.9", CAMERA_UPNP)])
    assert (d.model, d.serial) == ("DS-2CD2143G2-I (B)", "L01234567") and not d.conflicts


def test_a_pcs_media_server_names_neither_its_model_nor_its_type() -> None:
    doc = CAMERA_UPNP.replace("Basic:1", "MediaServer:1").replace("Hikvision", "Microsoft")
    d = one([arp("10.0.0.9", mac(9, "a4:8c:db")), svc("10.0.0.9", 3389, "ms-wbt-server"),
             _upnp("10.0.0.9", doc)])
    assert d.model is None and d.serial is None and d.type is T.WORKSTATION, d.evidence


def test_a_sysdescr_heard_again_over_lldp_is_one_piece_of_evidence() -> None:
    """A Cisco switch's neighbour hears its LLDP system description: the sysDescr its own agent
    gave. Read once, its "IOS" (routers run it too) is one weak router vote, not two, and the
    switch is a switch with confidence."""
    text = "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E4"
    sw1 = [o for o in switch("10.0.0.2", "sw1", 0x200)[0] if o.getter != "facts"]
    sw2, _ = switch("10.0.0.3", "sw2", 0x300, neighbours=[
        lldp("ge1", mac(0x200), name="sw1", remote_port="ge1", caps=["bridge"], descr=text)])
    own = snmp("10.0.0.2", facts=Facts(hostname="sw1", sys_descr=text, vendor="Cisco"))
    devices = classified(make_scan([*sw1, *own, *sw2]))
    heard = [e for e in devices["10.0.0.2"].evidence if e.source == "lldp"
             and e.detail.startswith("router:")]
    assert heard == [], devices["10.0.0.2"].evidence
    other = text.replace("C2960X", "ISR4331")  # a text the device's agent did not give
    sw2, _ = switch("10.0.0.3", "sw2", 0x300, neighbours=[
        lldp("ge1", mac(0x200), name="sw1", remote_port="ge1", caps=["bridge"], descr=other)])
    devices = classified(make_scan([*sw1, *own, *sw2]))
    assert any(e.source == "lldp" and e.detail.startswith("router:")
               for e in devices["10.0.0.2"].evidence)


def test_a_printer_without_snmp_is_named_by_its_mdns_announcement() -> None:
    from netmap.model import MdnsObs, MdnsRecord

    records = [MdnsRecord(name="_ipp._tcp.local.", type="PTR",
                          data=["Brother HL-L2350DW series._ipp._tcp.local."]),
               MdnsRecord(name="Brother HL-L2350DW series._ipp._tcp.local.", type="TXT",
                          data=["ty=Brother HL-L2350DW series", "usb_MFG=Brother",
                                "usb_MDL=HL-L2350DW series"])]
    d = one([arp("10.0.0.9", mac(9, "00:1b:a9")), svc("10.0.0.9", 631, "ipp"),
             MdnsObs(target="10.0.0.9", ip="10.0.0.9", records=records)])
    assert (d.type, d.vendor, d.model) == (T.PRINTER, "Brother", "HL-L2350DW")
    assert "model: its mDNS (DNS-SD) announcement" in d.identity_evidence
    assert any(e.source == "mdns" for e in d.evidence) and d.confidence >= 0.6
