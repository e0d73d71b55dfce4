"""Every format for the city-hall inventory, read back and checked against the inventory."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path

import networkx as nx
import openpyxl
from vsdx import VisioFile

from netmap.model import Inventory, SharedIdentity
from netmap.render.graphml import render_graphml
from netmap.render.inventory import attention_table
from netmap.render.sanitize import clean
from netmap.render.scene import device_sites
from netmap.render.vsdx import render_vsdx
from tests.render.readers import (
    XLINK,
    assert_no_active_xml,
    check_drawio_structure,
    drawio_edge_ends,
    drawio_pages,
    html_tags,
    read_csv,
)

Out = tuple[Path, list[Path]]
EXPECTED = {
    "network.svg", "network.png", "network.pdf", "network.drawio", "network.graphml",
    "network-logical.svg", "network-logical.png", "network-logical.pdf",
    "network-physical-site1-City-Hall.svg", "network-physical-site1-City-Hall.png",
    "network-physical-site1-City-Hall.pdf",
    "network.vsdx", "inventory.xlsx", "inventory-devices.csv", "inventory-software.csv",
    "inventory-links.csv", "summary.html", "summary.pdf",
    "rfp-bundle-20250314-0930-cityhall.zip",
}  # fmt: skip


def _link_pairs(inv: Inventory) -> Counter[tuple[str, str]]:
    pairs: Counter[tuple[str, str]] = Counter()
    for lk in inv.links:
        x, y = sorted((clean(lk.a), clean(lk.b)))
        pairs[(x, y)] += 1
    return pairs


def test_all_files_written(hall_out: Out) -> None:
    out, paths = hall_out
    assert {p.name for p in paths} == EXPECTED
    assert all(p.parent == out and p.stat().st_size > 0 for p in paths)
    assert (out / "network.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert (out / "network.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "summary.pdf").read_bytes().startswith(b"%PDF")


def test_svg_is_self_contained(hall_out: Out) -> None:
    svg = (hall_out[0] / "network.svg").read_text("utf-8")
    root = ET.fromstring(svg)
    assert_no_active_xml(root)
    assert "/site-packages/" not in svg and "file:" not in svg
    symbols = {el.get("id") for el in root.iter() if el.tag.endswith("symbol")}
    uses = [el.get(XLINK, "") for el in root.iter() if el.tag.endswith("use")]
    assert uses and {u.lstrip("#") for u in uses} <= symbols
    assert "icon-router" in symbols and "icon-pbx" in symbols
    texts = {el.text for el in root.iter() if el.tag.endswith("text")}
    assert {"rtr-edge", "mail01", "12 workstations", "Legend", "E-MAIL", "TELEPHONY"} <= texts


def test_drawio_structure_and_links_match(hall: Inventory, hall_out: Out) -> None:
    pages = drawio_pages(hall_out[0] / "network.drawio")
    # one site: no site pages, and its physical view on one page
    assert [name for name, _ in pages] == ["All sites", "Logical view", "Physical - City Hall"]
    check_drawio_structure(pages[1][1])
    logical = {c.attrs.get("netmap_id") for c in pages[1][1] if "device_type" in c.attrs}
    assert next(d.id for d in hall.devices if d.name == "mail01") in logical
    cells = pages[0][1]
    check_drawio_structure(cells)
    assert Counter(drawio_edge_ends(cells)) == _link_pairs(hall)
    devices = Counter(c.attrs["netmap_id"] for c in cells if "device_type" in c.attrs)
    assert set(devices) == {d.id for d in hall.devices} and set(devices.values()) == {1}
    router = next(c for c in cells if c.attrs.get("netmap_id") == hall.devices[0].id)
    assert router.attrs["serial"] == "FDO2231A0BC"
    assert "routers.router" in router.cell.attrib["style"]


def test_drawio_multi_site_pages(town_drawio: tuple[Inventory, Path]) -> None:
    inv, path = town_drawio
    pages = drawio_pages(path)
    assert [name for name, _ in pages] == [
        "All sites", "Logical view",
        "City Hall", "Logical - City Hall", *[f"Physical - City Hall ({k} of 4)" for k in range(1, 5)],
        "Police", "Logical - Police", "Physical - Police",
        "Public Works", "Logical - Public Works", "Physical - Public Works"]  # fmt: skip
    for _, cells in pages:
        check_drawio_structure(cells)
    assert Counter(drawio_edge_ends(pages[0][1])) == _link_pairs(inv)
    # a site's logical page: that site's gateways, subnets and key systems, nobody else's
    where = device_sites(inv)
    for name, cells in pages:
        if name.startswith("Logical - "):
            shown = {c.attrs["netmap_id"] for c in cells if "device_type" in c.attrs}
            assert shown and {where[d] for d in shown} == {name.removeprefix("Logical - ")}
    # each page's legend says what its lines mean: routed and member on a logical page
    legends = {name: next(c.attrs.get("value", "") for c in cells if c.id == "legend")
               for name, cells in pages}
    assert "routed" in legends["Logical view"] and "inferred" not in legends["Logical view"]
    assert "inferred" in legends["All sites"] and "routed" not in legends["All sites"]


def test_graphml_round_trip(hall: Inventory, hall_out: Out) -> None:
    graph = nx.read_graphml(hall_out[0] / "network.graphml", force_multigraph=True)
    assert {d.id for d in hall.devices} <= set(graph.nodes)
    assert graph.number_of_edges() == len(hall.links)
    core = next(d for d in hall.devices if d.name == "sw-core")
    assert graph.nodes[core.id]["type"] == "switch"
    assert graph.nodes[core.id]["addresses"] == "10.1.1.10"


def test_graphml_ports_sit_on_their_own_ends(hall: Inventory, tmp_path: Path) -> None:
    """As the file itself says, a_port is the source's port. Each link is turned round here
    so its first end is a device listed after the second: networkx's undirected writer wrote
    such edges from the earlier device, with the ports on the wrong ends."""
    turned = [x.model_copy(update={"a": x.b, "b": x.a, "a_port": x.b_port, "b_port": x.a_port})
              for x in hall.links]  # fmt: skip
    inv = hall.model_copy(update={"links": turned})
    path = render_graphml(inv, tmp_path / "network.graphml")
    assert _graphml_edges(path) == sorted(
        (x.a, x.b, x.a_port or "", x.b_port or "") for x in turned)


def _graphml_edges(path: Path) -> list[tuple[str, str, str, str]]:
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(path).getroot()
    names = {k.get("id"): k.get("attr.name") for k in root.iterfind("g:key", ns)}
    out = []
    ids = [edge.get("id") for edge in root.iterfind(".//g:edge", ns)]
    assert len(set(ids)) == len(ids), "GraphML edge ids must be unique"  # all were "0"
    for edge in root.iterfind(".//g:edge", ns):
        data = {names[d.get("key")]: d.text or "" for d in edge.iterfind("g:data", ns)}
        out.append((edge.get("source", ""), edge.get("target", ""), data.get("a_port", ""),
                    data.get("b_port", "")))
    return sorted(out)


def test_workbook(hall: Inventory, hall_out: Out) -> None:
    wb = openpyxl.load_workbook(hall_out[0] / "inventory.xlsx")
    assert wb.sheetnames == ["Summary", "Devices", "SLA", "Software", "Software summary",
                             "Services", "Interfaces", "Links", "Subnets", "VLANs", "Needs attention",
                             "Evidence"]  # fmt: skip
    devices = wb["Devices"]
    header = [c.value for c in devices[1]]
    assert devices.freeze_panes == "A2" and devices.auto_filter.ref
    ids = [row[header.index("Device ID")] for row in devices.iter_rows(min_row=2, values_only=True)]
    assert sorted(ids) == sorted(d.id for d in hall.devices)  # each device exactly once
    core = next(d for d in hall.devices if d.name == "sw-core")
    evidence = list(wb["Evidence"].iter_rows(min_row=2, values_only=True))
    assert (core.id, "model", "ENTITY-MIB chassis 1 entPhysicalModelName") in {
        (r[1], r[2], r[6]) for r in evidence
    }
    type_rows = [r for r in evidence if r[1] == core.id and r[2] == "type"]
    assert [r[6] for r in type_rows] == [e.detail for e in core.evidence]
    assert devices.column_dimensions["A"].width >= 8
    links = list(wb["Links"].iter_rows(min_row=2, values_only=True))
    assert len(links) == len(hall.links)
    attention = [row for row in wb["Needs attention"].iter_rows(min_row=2, values_only=True)]
    topics = Counter(str(r[0]) for r in attention)
    assert topics["Telnet open"] == 2 and topics["SMBv1"] == 1 and topics["SNMP failed"] == 2
    assert topics["SNMP default community"] == 2 and topics["Remote Desktop reachable"] == 2
    community = {str(r[1]): r[4] for r in attention if r[0] == "SNMP default community"}
    assert sorted(community.values()) == ["Evidence (observed)", "Guess (inferred)"], community
    assert topics["Unknown device"] == 1 and topics["Not placed"] == 2
    assert {r[4] for r in attention} == {"Evidence (observed)", "Guess (inferred)"}
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r[0]}
    assert summary["Devices found"] == len(hall.devices)
    assert summary["Next hop (provider side)"] == "203.0.113.1"
    assert summary["mail01"].startswith("10.1.10.5")
    head = [c.value for c in wb["Interfaces"][1]]
    ports = [dict(zip(head, r, strict=True))
             for r in wb["Interfaces"].iter_rows(min_row=2, values_only=True)]
    core_port = next(r for r in ports if r["Device"] == "sw-core" and r["Port"] == "Gi1/0/1")
    assert core_port["Connected to"] == "sw-hall-1"
    assert core_port["Link evidence"] == "lldp (confirmed)"
    assert core_port["Speed (Mbit/s)"] == 1000


def test_shared_engine_id_needs_attention(hall: Inventory) -> None:
    core = next(d for d in hall.devices if d.name == "sw-core")
    shared = SharedIdentity(kind="SNMP engine ID", value="80001f8880aa", also_at=["10.1.1.11"])
    inv = hall.model_copy(update={"devices": [core.model_copy(update={"shared_identity": [shared]})]})
    (row,) = [r for r in attention_table(inv).rows if r[0] == "Shared identity"]
    assert row[1] == "sw-core" and row[4] == "Evidence (observed)"
    assert "SNMP engine ID 80001f8880aa is also reported by 10.1.1.11" in str(row[3])
    assert "own engine ID" in str(row[5])


def test_csv_exports(hall: Inventory, hall_out: Out) -> None:
    rows = read_csv(hall_out[0] / "inventory-devices.csv")
    assert rows[0][0] == "Name" and len(rows) == len(hall.devices) + 1
    assert Counter(r[rows[0].index("Device ID")] for r in rows[1:]) == Counter(
        d.id for d in hall.devices
    )
    assert len(read_csv(hall_out[0] / "inventory-links.csv")) == len(hall.links) + 1
    software = read_csv(hall_out[0] / "inventory-software.csv")
    assert ["mail01", "10.1.10.5", "Microsoft Exchange Server 2019", "15.2", "", "", ""] in software


def test_vsdx_package(hall: Inventory, hall_out: Out) -> None:
    path = hall_out[0] / "network.vsdx"
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        page = ET.fromstring(zf.read("visio/pages/page1.xml"))
        assert "docProps/thumbnail.emf" not in zf.namelist()
        content_types = zf.read("[Content_Types].xml").decode()
        assert all(f"/{n}" in content_types for n in zf.namelist() if n.endswith("page1.xml"))
    ns = "{http://schemas.microsoft.com/office/visio/2012/main}"
    shapes = {s.get("ID"): s for s in page.iter(f"{ns}Shape")}
    connectors = [s for s in shapes.values() if s.get("Master") == "2"]
    assert len(connectors) == len(hall.links)
    connects = list(page.iter(f"{ns}Connect"))
    assert len(connects) == 2 * len(connectors)
    assert all(c.get("FromSheet") in shapes and c.get("ToSheet") in shapes for c in connects)
    with VisioFile(str(path)) as vis:  # the vsdx package can read it back
        texts = [s.text for s in vis.pages[0].child_shapes]
    assert any(t.startswith("rtr-edge\n10.1.1.1") for t in texts)


def test_summary_html(hall_out: Out) -> None:
    text = (hall_out[0] / "summary.html").read_text("utf-8")
    parsed = html_tags(text)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert "default-src 'none'" in text
    for needle in ("E-mail systems", "mail01", "pbx01", "12 IP phones", "backup01", "rtr-edge",
                   "Telnet open", "58 devices"):  # fmt: skip
        assert needle in text


def test_the_internet_gateway_is_named_with_its_kind() -> None:
    """A city's way out is often a firewall: the summary and the workbook call it the Internet
    gateway and say what it is, not "Internet router"."""
    from netmap.model import DeviceType
    from netmap.render.inventory import uplink_facts
    from tests.render.factory import city_hall

    inv = city_hall()
    assert inv.uplink is not None
    edge = inv.uplink.router
    facts = dict(uplink_facts(inv))
    assert facts["Internet gateway"] and str(facts["Gateway type"]).startswith("router")
    firewall = inv.model_copy(update={"devices": [
        d.model_copy(update={"type": DeviceType.FIREWALL, "vendor": "Fortinet",
                             "model": "FortiGate 60F"}) if d.id == edge else d
        for d in inv.devices]})
    facts = dict(uplink_facts(firewall))
    assert facts["Gateway type"] == "firewall (Fortinet FortiGate 60F)"
    assert "Internet router" not in facts


def test_bundle_contents(hall_out: Out) -> None:
    out = hall_out[0]
    with zipfile.ZipFile(out / "rfp-bundle-20250314-0930-cityhall.zip") as zf:
        names = set(zf.namelist())
        readme = zf.read("README.txt").decode()
    assert {"README.txt", "network.pdf", "network.svg", "inventory.xlsx", "network.drawio",
            "network.vsdx", "network.graphml", "summary.html", "summary.pdf"} <= names  # fmt: skip
    assert "network.png" not in names
    assert "REDACTED" not in readme and re.search(r"network\.vsdx\s+Editable", readme)


def test_vsdx_has_the_drawio_pages(town_drawio: tuple[Inventory, Path], tmp_path: Path) -> None:
    """The Visio file carries the draw.io file's pages, per-site logical ones included."""
    inv, drawio = town_drawio
    vsdx = render_vsdx(inv, tmp_path / "network.vsdx")
    with zipfile.ZipFile(vsdx) as zf:
        pages = ET.fromstring(zf.read("visio/pages/pages.xml"))
    names = [p.get("Name") for p in pages if p.tag.endswith("}Page")]
    assert names == [name for name, _ in drawio_pages(drawio)]


def test_key_systems_name_the_software_of_their_role() -> None:
    """The summary's e-mail, telephony and backup lines name the box, its OS and the software
    that gives it the role, never whichever packages sort first."""
    from netmap.model import Service, SoftwareItem
    from netmap.render.inventory import key_systems
    from tests.render.factory import city_hall

    inv = city_hall()
    mail = next(d for d in inv.devices if d.name == "mail01")
    mail.software = [SoftwareItem(name="7-Zip"), SoftwareItem(name="Adobe Reader"),
                     *mail.software]
    # its SNMP agent, as nmap names it, is listed first among its services
    mail.services = [Service(port=161, proto="udp", name="snmp", product="SNMPv1 server"),
                     *mail.services, Service(port=80, name="http", product="Microsoft IIS httpd",
                                             version="10.0")]
    systems = {name: text for rows in key_systems(inv).values() for name, text in rows}
    mail_line = next(t for n, t in systems.items() if n.startswith("mail01"))
    assert "Microsoft Exchange Server 2019" in mail_line and "Windows Server 2019" in mail_line
    assert "7-Zip" not in mail_line and "Veeam Agent" not in mail_line
    assert "SNMPv1 server" not in mail_line
    assert "Microsoft IIS httpd 10.0" in mail_line  # a server's version, where nmap read one
    backup_line = next(t for n, t in systems.items() if n.startswith("backup01"))
    assert "Veeam Backup & Replication" in backup_line


def test_a_link_between_two_wireless_bridges_is_marked_as_an_air_link(tmp_path: Path) -> None:
    """A vendor reading the drawing must see that the garage hangs off a radio path, not a
    cable: the line between two wireless bridges says "air link" in the SVG, draw.io and Visio
    files, and no other line does."""
    from netmap.render.diagram import render_diagram
    from netmap.render.drawio import render_drawio
    from tests.render.factory import garage_across_a_radio

    inv = garage_across_a_radio()
    svg = render_diagram(inv, tmp_path / "net", formats=("svg",))[0].read_text()
    assert svg.count("air link") == 1
    drawio = render_drawio(inv, tmp_path / "net.drawio").read_text()
    # the map of all sites and the physical page draw the radios; the logical view (subnets
    # and routers) has no device links at all
    drawn = [1, 0, 1]
    pages = drawio.split("<diagram ")[1:]
    assert [page.count('label="air link"') for page in pages] == drawn
    with zipfile.ZipFile(render_vsdx(inv, tmp_path / "net.vsdx")) as z:
        sheets = sorted(n for n in z.namelist() if re.fullmatch(r"visio/pages/page\d+\.xml", n))
        assert [z.read(n).decode().count(">air link<") for n in sheets] == drawn
    from netmap.render.inventory import links_table

    meaning = {(row[0], row[3]): row[8] for row in links_table(inv).rows}
    assert meaning[("ptp-a", "ptp-b")].startswith("Air link: a radio path between two wireless")
    assert not meaning[("sw1", "ptp-a")].startswith("Air link")


def test_visio_box_titles_sit_top_left_as_in_the_layout(tmp_path: Path) -> None:
    """Graphviz leaves room for a box's title at its top left; Visio centred it, where the
    links into the box run through it ("Site: Public Works" struck by the air link)."""
    from tests.render.factory import garage_across_a_radio

    ns = {"v": "http://schemas.microsoft.com/office/visio/2012/main"}
    with zipfile.ZipFile(render_vsdx(garage_across_a_radio("Public Works"),
                                     tmp_path / "net.vsdx")) as z:  # fmt: skip
        root = ET.fromstring(z.read("visio/pages/page1.xml"))
    titles = [s for s in root.iter(f"{{{ns['v']}}}Shape")
              if (t := s.find("v:Text", ns)) is not None and (t.text or "").startswith("Site: ")]
    assert len(titles) == 2
    for shape in titles:
        align = shape.find("v:Section[@N='Paragraph']/v:Row/v:Cell[@N='HorzAlign']", ns)
        assert align is not None and align.get("V") == "0"


def test_an_air_link_to_another_site_says_so_on_every_page_that_draws_it(tmp_path: Path) -> None:
    """With the garage a site of its own, the far radio is a stub on City Hall's pages and the
    near one on the garage's: the line to the stub still reads "air link", in both editable
    files, page by page."""
    from netmap.render.drawio import render_drawio
    from tests.render.factory import garage_across_a_radio

    inv = garage_across_a_radio("Public Works")
    drawio = render_drawio(inv, tmp_path / "net.drawio").read_text()
    pages = {p.split('name="', 1)[1].split('"', 1)[0]: p.count('label="air link"')
             for p in drawio.split("<diagram ")[1:]}  # fmt: skip
    assert pages == {"All sites": 1, "Logical view": 0, "City Hall": 1, "Logical - City Hall": 0,
                     "Physical - City Hall": 1, "Public Works": 1, "Logical - Public Works": 0,
                     "Physical - Public Works": 1}  # fmt: skip
    with zipfile.ZipFile(render_vsdx(inv, tmp_path / "net.vsdx")) as z:
        sheets = sorted((n for n in z.namelist() if re.fullmatch(r"visio/pages/page\d+\.xml", n)),
                        key=lambda n: int(re.sub(r"\D", "", n)))  # fmt: skip
        assert [z.read(n).decode().count(">air link<") for n in sheets] == list(pages.values())


def test_visio_port_names_do_not_stack(hall: Inventory, tmp_path: Path) -> None:
    """Visio has no label placement of its own: a switch's fan of links put "Gi1/0/30" over
    "Gi1/0/31" 58 times on the city hall's pages. Each name now takes the first free spot
    along its drawn path."""
    from tests.render.readers import visio_stacked_labels

    stacked = visio_stacked_labels(render_vsdx(hall, tmp_path / "net.vsdx"))
    assert stacked == []


def test_visio_device_boxes_hold_their_text(tmp_path: Path) -> None:
    """Every box was laid out for a name and two details: on the lab, a critical server's
    badges ("[CRITICAL]", "[BACKUP]") ran over the box's bottom edge in LibreOffice Draw. A box
    is now a line taller for each line more."""
    from tests.render.factory import city_hall
    from tests.render.readers import visio_text_overflow

    inv = city_hall()
    for d in inv.devices:
        if d.roles:  # e-mail, backup, telephony: each its badge, and critical besides
            d.sla_tier = inv.sla_tiers[0].name
    assert visio_text_overflow(render_vsdx(inv, tmp_path / "net.vsdx")) == []


def test_visio_port_names_do_not_stack_in_the_towns_fans(
    town_drawio: tuple[Inventory, Path], tmp_path: Path
) -> None:
    """The 300-device town's access switches fan out 48 links each: 1,786 pairs of names on
    each other at fixed spots, 71 looking along a connector's first straight piece only."""
    from tests.render.readers import visio_stacked_labels

    stacked = visio_stacked_labels(render_vsdx(town_drawio[0], tmp_path / "town.vsdx"))
    assert stacked == []


def test_the_scanning_computer_is_named_not_questioned() -> None:
    """The computer netmap ran on was a workstation "of uncertain type" without host inventory
    in Needs attention, as if it were the city's: a contractor's laptop, priced by a vendor."""
    from netmap.model import DeviceType, Role
    from netmap.render.inventory import summary_table
    from tests.render.factory import city_hall

    inv = city_hall()
    laptop = next(d for d in inv.devices if d.type is DeviceType.WORKSTATION)
    laptop.confidence, laptop.roles = 0.3, [*laptop.roles, Role.SCANNER]
    rows = [r for r in attention_table(inv).rows if r[1] == laptop.name]
    assert [r[0] for r in rows] == ["Scanning computer"], rows
    summary = dict((r[0], r[1]) for r in summary_table(inv).rows)
    assert summary["Scanned from"] == f"{laptop.name} ({', '.join(laptop.addresses)})"
    laptop.roles = [r for r in laptop.roles if r is not Role.SCANNER]
    assert "Uncertain type" in [r[0] for r in attention_table(inv).rows if r[1] == laptop.name]


def test_an_uncertain_type_says_why_and_what_else_it_may_be() -> None:
    """"Listed as workstation with confidence 0.29." gave the person on site nothing to check:
    the row names the type's own reasons and the strongest other type."""
    from netmap.model import DeviceType, Evidence
    from tests.render.factory import city_hall

    inv = city_hall()
    pc = next(d for d in inv.devices if d.type is DeviceType.WORKSTATION)
    pc.confidence = 0.29
    pc.evidence = [
        Evidence(source="oui", detail="printer: its MAC address is HP's", weight=0.15),
        Evidence(source="oui", detail="workstation: PC maker 'HP' and no server services",
                 weight=0.3),
    ]
    found = next(r[3] for r in attention_table(inv).rows
                 if r[1] == pc.name and r[0] == "Uncertain type")
    assert found == ("Listed as workstation with confidence 0.29, from: PC maker 'HP' and no "
                     "server services. Also possible: printer (its MAC address is HP's).")


def test_the_scanning_computer_is_marked_on_the_diagrams(tmp_path: Path) -> None:
    """On a diagram the contractor's laptop read as one more of the city's workstations."""
    from netmap.model import DeviceType, Role
    from netmap.render.bundle import render_all
    from tests.render.factory import city_hall

    inv = city_hall()
    laptop = next(d for d in inv.devices if d.type is DeviceType.WORKSTATION)
    laptop.roles = [*laptop.roles, Role.SCANNER]
    render_all(inv, tmp_path, formats={"svg", "drawio"})
    svg = (tmp_path / "network.svg").read_text("utf-8")
    assert " SCANNER " in svg and "the computer this scan ran from" in svg
    drawio = (tmp_path / "network.drawio").read_text("utf-8")
    assert "[SCANNER]" in drawio


def test_libraries_and_the_systems_own_packages_come_last() -> None:
    """A bidder prices applications: on a Debian server they sat among 400 libraries."""
    from netmap.model import DeviceType, SoftwareItem
    from netmap.render.inventory import software_summary_table, software_table
    from tests.render.factory import city_hall

    inv = city_hall()
    servers = [d for d in inv.devices if d.type is DeviceType.SERVER][:2]
    for d in servers:
        d.software = [SoftwareItem(name="libc6", version="2.36", sw_type="library"),
                      SoftwareItem(name="adduser", version="3.1", sw_type="system"),
                      SoftwareItem(name="postfix", version="3.7", sw_type="package")]
    servers[0].software.append(SoftwareItem(name="nginx", version="1.22", sw_type="package"))
    summary = [r[0] for r in software_summary_table(inv).rows]
    assert summary.index("postfix") < summary.index("nginx")  # on two computers, then on one
    assert summary.index("nginx") < summary.index("adduser") < summary.index("libc6")
    rows = [r[2] for r in software_table(inv).rows if r[0] == servers[0].name]
    assert rows == ["postfix", "nginx", "adduser", "libc6"]


def test_software_kinds_read_alike_from_every_source() -> None:
    """SNMP's hrSWInstalledType labels ("operatingSystem", "deviceDriver") sat beside the
    package managers' words in one column; they are spelled as the rest, and sort with them."""
    from netmap.model import DeviceType, SoftwareItem
    from netmap.render.inventory import software_summary_table, software_table
    from tests.render.factory import city_hall

    inv = city_hall()
    server = next(d for d in inv.devices if d.type is DeviceType.SERVER)
    server.software = [SoftwareItem(name="Windows Server 2022", sw_type="operatingSystem"),
                       SoftwareItem(name="e1000 driver", sw_type="deviceDriver"),
                       SoftwareItem(name="mystery", sw_type="unknown"),
                       SoftwareItem(name="SQL Server", sw_type="application")]
    rows = [(r[2], r[6]) for r in software_table(inv).rows if r[0] == server.name]
    assert rows == [("mystery", None), ("SQL Server", "application"),
                    ("Windows Server 2022", "system"), ("e1000 driver", "driver")]
    kinds = {r[4] for r in software_summary_table(inv).rows}
    assert not kinds & {"operatingSystem", "deviceDriver", "unknown"}


def test_a_package_reads_as_one_kind_on_every_computer() -> None:
    """An SNMP agent lists every Debian package as an "application"; where another computer's
    package manager says "adduser" is the system's own, it is "system" on both."""
    from netmap.model import DeviceType, SoftwareItem
    from netmap.render.inventory import software_summary_table, software_table
    from tests.render.factory import city_hall

    inv = city_hall()
    by_snmp, by_dpkg = [d for d in inv.devices if d.type is DeviceType.SERVER][:2]
    by_snmp.software = [SoftwareItem(name="adduser", version="3.134", sw_type="application"),
                        SoftwareItem(name="Veeam Agent", version="6.1", sw_type="application")]
    by_dpkg.software = [SoftwareItem(name="adduser", version="3.134", sw_type="system")]
    rows = {(r[0], r[2]): r[6] for r in software_table(inv).rows}
    assert rows[(by_snmp.name, "adduser")] == rows[(by_dpkg.name, "adduser")] == "system"
    assert rows[(by_snmp.name, "Veeam Agent")] == "application"
    summary = {r[0]: r[4] for r in software_summary_table(inv).rows}
    assert summary["adduser"] == "system"


def test_an_overrides_evidence_row_names_the_field_it_sets() -> None:
    """A contractor's `site` override showed in the Evidence sheet as a row "about" the type."""
    from netmap.infer.overrides import apply_overrides, overrides_from_mapping
    from netmap.render.inventory import evidence_table
    from tests.render.factory import garage_across_a_radio

    inv = garage_across_a_radio()
    fixes = overrides_from_mapping({"devices": {"pc1": {"site": "Public Works", "type": "server"}}})
    inv = inv.model_copy(update={"devices": apply_overrides(inv.devices, fixes)})
    rows = [(r[0], r[2], r[4]) for r in evidence_table(inv).rows if r[4] == "override"]
    assert sorted(rows) == [("pc1", "site", "override"), ("pc1", "type", "override")]


def test_a_building_across_a_radio_link_is_pointed_out_until_its_site_is_set() -> None:
    """No scan can name the garage behind the far radio; the Needs attention sheet says that
    the radio and the PC behind it reach the network only over the air, and stops saying so
    once a contractor has given them their own site."""
    from tests.render.factory import garage_across_a_radio

    rows = [r for r in attention_table(garage_across_a_radio()).rows
            if r[0] == "Building across a radio link"]  # fmt: skip
    assert [(r[1], r[2]) for r in rows] == [("ptp-b", "10.9.0.72")]
    assert "ptp-b and the 1 device behind it" in str(rows[0][3]) and "from ptp-a" in str(rows[0][3])
    sited = attention_table(garage_across_a_radio("Public Works")).rows
    assert not [r for r in sited if r[0] == "Building across a radio link"]


def test_links_are_counted_as_cables_apart_from_addresses_in_subnets(hall: Inventory) -> None:
    """'Links found' counted a router's address in a subnet, which repeats the cable its
    port already has, as a link of its own."""
    from netmap.render.inventory import coverage

    facts = dict(coverage(hall))
    cables = facts["Links between devices (cables and radio paths)"]
    others = facts["Addresses in subnets and routes to the internet"]
    assert cables + others == len(hall.links)
    assert others == sum(1 for x in hall.links if x.b == "internet" or x.b.startswith("subnet:"))
    assert isinstance(cables, int) and cables > others > 0
