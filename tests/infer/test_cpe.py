"""A device's maker and model from the hardware CPE of nmap's service detection."""

from __future__ import annotations

import pytest

from netmap.infer.identify.cpe import hardware_of, os_hardware, product_model
from netmap.model import OsMatch


@pytest.mark.parametrize(("cpes", "product", "vendor", "model"), [
    # the model as the product text spells it
    (["cpe:/h:hp:color_laserjet_pro_m454dn"], "HP Color LaserJet Pro M454dn printer http config",
     "HP", "Color LaserJet Pro M454dn"),
    (["cpe:/h:yealink:sip-t46u"], "Yealink SIP-T46U VoIP phone sipd", "Yealink", "SIP-T46U"),
    # the maker as the text spells it at its start, across a hyphen or two words
    (["cpe:/h:dlink:dcs-932l"], "D-Link DCS-932L webcam http config", "D-Link", "DCS-932L"),
    (["cpe:/h:konicaminolta:bizhub_c220"], "Konica Minolta bizhub C220 printer http config",
     "Konica Minolta", "bizhub C220"),
    # no text: the CPE's own words, a model number in capitals
    (["cpe:/h:dlink:dcs-932l"], None, "Dlink", "DCS-932L"),
    # the hardware CPE is found among the others, wherever it stands
    (["cpe:/a:allegro:rompager:4.34", "cpe:/h:zyxel:p-660hw"], "ZyXEL P-660HW http config",
     "ZyXEL", "P-660HW"),
    # a product line is no model
    (["cpe:/h:hp:laserjet"], "HP LaserJet printer", "HP", None),
    (["cpe:/h:crestron"], "Crestron Terminal Console", "Crestron", None),
])
def test_hardware_cpe(cpes: list[str], product: str | None, vendor: str,
                      model: str | None) -> None:
    found = hardware_of(cpes, product)
    assert found is not None and (found.vendor, found.model) == (vendor, model)


@pytest.mark.parametrize("cpes", [
    [], ["cpe:/a:openbsd:openssh:9.2p1", "cpe:/o:linux:linux_kernel"],
    ["cpe:/h:netgear:$2"],  # a template nmap could not fill
    ["cpe:/h:"], ["not a cpe"],
])
def test_no_hardware_cpe_names_nothing(cpes: list[str]) -> None:
    assert hardware_of(cpes, "x") is None


def test_the_hardware_named_in_the_detail_of_a_web_servers_banner() -> None:
    """Where the product is the embedded web server's ("Virata-EmWeb"), nmap names the printer
    in the detail: the maker is spelled wherever the text names it."""
    found = hardware_of(["cpe:/a:virata:emweb:6.2.1", "cpe:/h:hp:officejet_pro_l7680"],
                        "Virata-EmWeb HP Officejet Pro L7680 http config")
    assert found is not None and (found.vendor, found.model) == ("HP", "Officejet Pro L7680")


@pytest.mark.parametrize(("product", "devicetype", "model"), [
    # nmap's "<maker> <model> <kind> <daemon>", where the match line names no hardware CPE
    ("SHARP MX-3070N printer ftpd", "printer", "MX-3070N"),
    ("Panasonic BB-HCM331 Network Camera http config", "webcam", "BB-HCM331"),
    ("Linksys PAP2 VoIP http config", "VoIP adapter", "PAP2"),
    # a range, a list of alternatives, a protocol or a version is no model
    ("Huawei S5700-series switch httpd", "switch", None),
    ("Black Box 8-Port Ethernet switch telnetd", "switch", None),
    ("Zebra GK420d or GX430T printer ftpd", "printer", None),
    ("QNAP HS-210, TS-659, or TS-859U NAS http config", "storage-misc", None),
    ("Thomson TR-069 remote access", "broadband router", None),
    ("Linksys 802.11g WAP http config", "WAP", None),
    ("Xerox printer ftpd 1.2.3", "printer", None),
    # software: no device type, or a general-purpose one
    ("OpenSSH 9.2p1 Debian", None, None),
    ("Apache httpd 2.4.6", "general purpose", None),
])
def test_a_devices_product_text_names_its_model(product: str, devicetype: str | None,
                                                model: str | None) -> None:
    assert product_model(product, devicetype) == model


def test_the_products_model_counts_only_where_no_cpe_names_one() -> None:
    from netmap.infer.identify.cpe import service_hardware
    from netmap.model import ServiceObs

    ob = ServiceObs(target="10.0.0.9", ip="10.0.0.9", port=21, name="ftp",
                    product="SHARP MX-3070N printer ftpd", devicetype="printer")
    assert service_hardware(ob) == (None, "MX-3070N", "")
    with_cpe = ob.model_copy(update={"product": "Sharp MX-3070N printer ftpd",
                                     "cpe": ["cpe:/h:sharp:mx-3070n"]})
    found = service_hardware(with_cpe)
    assert found is not None and (found.vendor, found.model) == ("Sharp", "MX-3070N")


def _match(name: str, accuracy: int, *cpes: str) -> OsMatch:
    return OsMatch(name=name, accuracy=accuracy, cpes=list(cpes))


LASERJET = _match("HP LaserJet 4250 printer", 100, "cpe:/h:hp:laserjet_4250", "cpe:/h:hp:jetdirect")


@pytest.mark.parametrize(("matches", "vendor", "model"), [
    # one perfect match: its hardware, spelled as the match's name spells it ("JetDirect", a
    # product line beside it, names no other model)
    ([LASERJET], "HP", "LaserJet 4250"),
    # two perfect matches of one model, and a relative's below 100 that names another
    ([LASERJET, LASERJET.model_copy(update={"name": "HP LaserJet 4250tn printer"}),
      _match("HP LaserJet 4350 printer", 93, "cpe:/h:hp:laserjet_4350")], "HP", "LaserJet 4250"),
    # one firmware on two models: the maker, no model
    ([LASERJET, _match("HP LaserJet 4350 printer", 100, "cpe:/h:hp:laserjet_4350")], "HP", None),
    ([_match("HP JetDirect print server", 100, "cpe:/h:hp:jetdirect"), LASERJET], "HP", None),
])
def test_os_fingerprint_hardware(matches: list[OsMatch], vendor: str, model: str | None) -> None:
    found = os_hardware(matches)
    assert found is not None and (found.vendor, found.model) == (vendor, model)


@pytest.mark.parametrize("matches", [
    [],
    # a relative's fingerprint only
    [_match("HP LaserJet 4250 printer", 96, "cpe:/h:hp:laserjet_4250")],
    # a perfect match that is a general-purpose OS: the fingerprint is no one device's
    [LASERJET, _match("Linux 2.6.32", 100, "cpe:/o:linux:linux_kernel:2.6.32")],
    # two makers
    [LASERJET, _match("Xerox Phaser 6180 printer", 100, "cpe:/h:xerox:phaser_6180")],
])
def test_os_fingerprints_that_name_no_hardware(matches: list[OsMatch]) -> None:
    assert os_hardware(matches) is None
