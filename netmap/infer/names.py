"""One naming convention per scan: a device is shown by its host name, its DNS name kept beside.

A name from DNS is a full name ("pbx.cityhall.lan"); one from SNMP, LLDP or the host itself is
usually the short name its administrator typed ("rtr1"). Mixed, a diagram reads as two
conventions and its labels grow long. A full name is therefore shown by its first label, unless
another device of the scan is known by that label too (two sites' "ws1.cityhall.lan" and
"ws1.police.lan" stay whole). The PTR name itself stays in `Device.dns_name` for the inventory.
"""

from __future__ import annotations

import re
from collections import Counter

from netmap.infer.addr import norm_name
from netmap.model import Device

# A DNS host name: letter-digit-hyphen labels (underscores occur in the wild), two or more,
# the last not all digits. Anything else ("Cisco 2960.lab", an address) is shown as it was.
_HOST_NAME = re.compile(
    r"(?i)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?"
    r"(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.[a-z0-9-]*[a-z-][a-z0-9-]*"
)


def first_label(name: str) -> str | None:
    """The host part of a full DNS name ("pbx" of "pbx.cityhall.lan."), None for anything that
    is not one, or whose host part names nothing (a generic name such as "localhost")."""
    text = name.strip().rstrip(".")
    if not _HOST_NAME.fullmatch(text) or norm_name(text) is None:
        return None
    return text.split(".", 1)[0]


def short_names(devices: list[Device]) -> list[Device]:
    """Devices with each full name shortened to its host part where that part is unique."""
    taken = Counter(norm_name(d.name) for d in devices if d.name)
    out: list[Device] = []
    for dev in devices:
        short = first_label(dev.name) if dev.name else None
        if short is None or taken[norm_name(dev.name)] > 1:
            out.append(dev)
        else:
            out.append(dev.model_copy(update={"name": short}))
    return out
