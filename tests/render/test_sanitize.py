from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, strategies as st

from netmap.render.sanitize import cell, clean, dot_html, html_text, safe_filename, xml_text
from tests.render.factory import HOSTILE_STRINGS

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def test_cell_neutralises_formula_prefixes() -> None:
    assert cell('=HYPERLINK("http://x","y")') == '\'=HYPERLINK("http://x","y")'
    assert cell("+1") == "'+1"
    assert cell("-2+3") == "'-2+3"
    assert cell("@SUM(A1)") == "'@SUM(A1)"
    assert cell("  =1+1").startswith("'")
    assert cell("\t=1").startswith("'")
    assert cell("\uff1dcmd") == "'\uff1dcmd"  # full-width equals sign
    assert cell("sw-core") == "sw-core"
    assert cell(None) == ""


def test_clean_strips_controls_bidi_and_surrogates() -> None:
    assert clean("a\x00b\x07c\x1b[31m") == "abc[31m"
    assert clean("rtl \u202eexe.txt") == "rtl exe.txt"
    assert clean("lone \ud800 x") == "lone \ufffd x"
    assert clean("two\nlines") == "two lines"
    assert clean("two\r\nlines", newlines=True) == "two\nlines"
    assert clean("x" * 10, max_len=5) == "xxxx…"


def test_markup_escaping() -> None:
    assert xml_text("<a href='x'>&</a>") == "&lt;a href=&#x27;x&#x27;&gt;&amp;&lt;/a&gt;"
    assert html_text("<script>") == "&lt;script&gt;"
    assert html_text("a\nb", newlines=True) == "a<br>b"
    assert dot_html('<B>"x"</B> & ]') == "&lt;B&gt;&quot;x&quot;&lt;/B&gt; &amp; &#93;"


def test_safe_filename() -> None:
    assert safe_filename("City Hall") == "City-Hall"
    assert safe_filename("../../etc/passwd") == "etc-passwd"
    assert safe_filename(".hidden") == "hidden"
    assert safe_filename("CON") == "unnamed-CON"
    assert safe_filename("<script>") == "script"
    assert safe_filename("") == "unnamed"
    assert safe_filename("Ünïcödé Sité") == "Unicode-Site"


@given(st.text())
def test_cell_never_starts_like_a_formula(text: str) -> None:
    assert not cell(text).lstrip(" \n").startswith(FORMULA_START)


@given(st.text())
def test_clean_output_is_utf8_and_xml_safe(text: str) -> None:
    out = clean(text, newlines=True)
    out.encode("utf-8")  # no lone surrogates
    root = ET.fromstring(f'<x a="{xml_text(out)}">{xml_text(out)}</x>')
    assert root.get("a") == root.text or (not out and root.text is None)


def test_every_hostile_string_is_inert_in_each_context() -> None:
    for evil in HOSTILE_STRINGS:
        assert "<" not in dot_html(evil) and ">" not in dot_html(evil)
        assert "<" not in html_text(evil)
        assert not cell(evil).startswith(FORMULA_START)
        assert all(c.isalnum() or c in "._-" for c in safe_filename(evil))
