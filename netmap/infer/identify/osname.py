"""The operating system a service's own words name, where nmap's match line gives none.

Servers write their platform into what they send. Apache puts it in brackets after its version
("Apache/2.4.6 (CentOS) OpenSSL/1.0.2k-fips", which nmap keeps as the detail "(CentOS)
OpenSSL/1.0.2k-fips"), and nginx and lighttpd the same; nmap's OpenSSH lines write the
distribution first ("Ubuntu Linux; protocol 2.0", with `o/Linux/`); a mail server's greeting
says it in brackets ("220 mail ESMTP Postfix (Debian/GNU)", kept by nmap's banner script).
nmap's own `o/` field is often only the kernel ("Linux") or empty, as for that Apache line
and that Postfix one.

The words count as an OS only where nmap's databases name an operating system by them, as a
whole (`data/nmap-os-names.tsv`, every `cpe:/o:` nmap writes, made by
`tools/make_nmap_os_names.py`): "CentOS" is `centos:centos`, "Ubuntu" is
`canonical:ubuntu_linux`, "Red Hat" is `redhat:linux`, "Unix" is a product of several makers
(as nmap's own `o/Unix/`). "(Win64)", "Android phone" or "(Ubuntu-2ubuntu1)" name none. The
name is kept as the server wrote it.

Pure functions of the stored observation.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from netmap.model import ServiceObs

DATA_FILE = "data/nmap-os-names.tsv"
# "(CentOS) OpenSSL/1.0.2k-fips" -> "CentOS"; "Ubuntu Linux; protocol 2.0" -> "Ubuntu Linux"
_BRACKETED = re.compile(r"\(([^()]{2,40})\)")
_MAX_WORDS = 4
_MAX_GROUPS = 4  # bracketed groups read in one banner


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


@cache
def _names() -> frozenset[str]:
    """Keys an OS may be written by: the product's whole name ("ubuntulinux", "centos"), and a
    Linux or BSD product's vendor ("redhat", "gentoo"). A vendor of other products ("cisco",
    "microsoft") is not an OS name, nor is the first word of a longer product ("network" of
    "network_operating_system")."""
    text = resources.files("netmap.infer.identify").joinpath(DATA_FILE).read_text("utf-8")
    keys: set[str] = set()
    for line in text.splitlines():
        vendor, tab, product = line.partition("\t")
        if not tab or line.startswith("#"):
            continue
        keys |= {_key(product), _key(vendor + product)}  # "Red Hat Enterprise Linux"
        # a distribution's maker named by its own name: redhat:linux, debian:debian_linux
        if product == "linux" or _key(product).startswith(_key(vendor)):
            keys.add(_key(vendor))
    return frozenset(k for k in keys if len(k) >= 3)


def _is_os(words: str) -> bool:
    """"Ubuntu" is nmap's ubuntu_linux and "CentOS Linux" its centos: a distribution is
    written with or without its kernel's name."""
    key, names = _key(words), _names()
    return key in names or key + "linux" in names or (
        key.endswith("linux") and key[: -len("linux")] in names)


def _from_detail(ob: ServiceObs) -> str | None:
    """An unbracketed detail is read only where nmap's match line names an OS type, so its
    first words are about the OS."""
    detail = (ob.extrainfo or "").strip()
    bracketed = _BRACKETED.match(detail)
    if bracketed is None and not ob.ostype:
        return None
    first = bracketed.group(1) if bracketed else detail.split(";")[0]
    return _os_name(_leading_name(first))


def _from_banner(banner: str | None) -> str | None:
    """The first bracketed OS in a server's greeting: Debian's Postfix ends its "220" line
    "(Debian/GNU)", ProFTPD writes "(Debian)"."""
    for group in _BRACKETED.findall(banner or "")[:_MAX_GROUPS]:
        for part in re.split(r"[/;,]", group):
            if name := _os_name(_leading_name(part.strip())):
                return name
    return None


def _leading_name(part: str) -> str | None:
    """The words before the first one with a digit or a symbol: "Debian 3+deb12u3" -> "Debian"."""
    words: list[str] = []
    for word in part.split()[:_MAX_WORDS]:
        if not re.fullmatch(r"[A-Za-z][A-Za-z\-]*", word):
            break
        words.append(word)
    return " ".join(words) or None


def _os_name(candidate: str | None) -> str | None:
    """The candidate where it is an OS name as a whole: "Android phone" and "Western Digital
    My Book http config" (nmap's details) are not, though a word of each is."""
    return candidate if candidate and _is_os(candidate) else None


def service_os(ob: ServiceObs) -> str | None:
    """The OS one service's detail or banner names, joined with nmap's OS type where that adds
    to it ("Debian" and "Linux" give "Debian Linux"), else None."""
    name = _from_detail(ob) or _from_banner(ob.banner)
    if name is None:
        return None
    ostype = (ob.ostype or "").strip()
    if ostype and ostype.casefold() not in name.casefold():
        return f"{name} {ostype}"
    return name
