"""Render each test inventory once per session (Graphviz runs are the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from netmap.model import Inventory
from netmap.render.bundle import render_all
from tests.render.factory import city_hall, hostile, town


@pytest.fixture(scope="session")
def hall() -> Inventory:
    return city_hall()


@pytest.fixture(scope="session")
def hall_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("hall")
    return out, render_all(city_hall(), out)


@pytest.fixture(scope="session")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("hostile")
    return out, render_all(hostile(), out)


@pytest.fixture(scope="session")
def redacted_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("redacted")
    return out, render_all(city_hall(), out, redact=True)


@pytest.fixture(scope="session")
def town_drawio(tmp_path_factory: pytest.TempPathFactory) -> tuple[Inventory, Path]:
    out = tmp_path_factory.mktemp("town")
    inv = town()
    return inv, render_all(inv, out, formats={"drawio"})[0]
