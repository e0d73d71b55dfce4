"""A device's maker and model from the hardware CPE of nmap's service detection."""

from __future__ import annotations

import pytest

from netmap.infer.identify.cpe import hardware_of, product_model


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
