"""The diagrams and the summary page in a real browser (headless Chromium, no network).

Screenshots are kept in build/test-artefacts/browser/ to be looked at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from netmap.render.bundle import render_all
from tests.render.factory import town
from tests.render.viewers import ROOT, browser_problems, browser_results

Out = tuple[Path, list[Path]]
SHOTS = ROOT / "build" / "test-artefacts" / "browser"


@pytest.fixture(scope="module")
def town_pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("town")
    render_all(town(n_devices=60), out, formats={"svg"})
    return sorted(out.glob("network*.svg"))


def test_town_diagrams_in_chromium(town_pages: list[Path]) -> None:
    """The whole-network SVG and each per-site page."""
    assert len(town_pages) >= 4, "the town has a page per site besides the whole network"
    assert browser_problems(browser_results(town_pages, SHOTS / "town")) == []


def test_hall_diagram_and_summary_in_chromium(hall_out: Out) -> None:
    files = [hall_out[0] / "network.svg", hall_out[0] / "summary.html"]
    seen = browser_results(files, SHOTS / "hall")
    assert browser_problems(seen) == []
    assert len(seen["network.svg"]["images"]) >= 10  # one icon per device type drawn


def test_hostile_strings_stay_inert_in_chromium(hostile_out: Out) -> None:
    """Device strings full of markup and script: no request, no console message, no
    script run (a console or a fetch would show one)."""
    files = [hostile_out[0] / "network.svg", hostile_out[0] / "summary.html"]
    assert browser_problems(browser_results(files, SHOTS / "hostile")) == []


def test_browser_check_sees_a_broken_page(tmp_path: Path) -> None:
    """The checks can fail: an external image, a broken icon and a console error."""
    page = tmp_path / "broken.svg"
    page.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200pt" height="100pt">'
        '<image href="http://192.0.2.1/x.png" width="10" height="10"/>'
        '<image href="data:image/png;base64,AAAA" width="10" height="10"/>'
        "<script>console.error('boom')</script></svg>",
        "utf-8",
    )
    seen: dict[str, dict[str, Any]] = browser_results([page], tmp_path / "shots")
    problems = " | ".join(browser_problems(seen))
    for want in ("fetched http://192.0.2.1/x.png", "does not decode", "console: ", "blank"):
        assert want in problems, problems
