"""netmap test lab: a LAN made of Linux network namespaces, with ground truth.

Public API: lab_up, lab_down, lab_status, load_ground_truth, scanner_exec_argv,
load_spec, LabSpec, GroundTruth, LabStatus, LabError. See netmap/lab/README.md.

Attributes load lazily: snmpd's pass_persist helpers import netmap.lab.* submodules
with `python -S` (no site-packages, no pydantic), so this file must import nothing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netmap.lab.core import (
        lab_down,
        lab_status,
        lab_up,
        load_ground_truth,
        scanner_exec_argv,
    )
    from netmap.lab.errors import LabError
    from netmap.lab.spec import GroundTruth, LabSpec, LabStatus, load_spec

__all__ = [
    "GroundTruth", "LabError", "LabSpec", "LabStatus", "lab_down", "lab_status", "lab_up",
    "load_ground_truth", "load_spec", "scanner_exec_argv",
]

_WHERE = {
    "lab_up": "core", "lab_down": "core", "lab_status": "core",
    "load_ground_truth": "core", "scanner_exec_argv": "core", "LabError": "errors",
    "GroundTruth": "spec", "LabSpec": "spec", "LabStatus": "spec", "load_spec": "spec",
}


def __getattr__(name: str) -> Any:
    mod = _WHERE.get(name)
    if mod is None:
        raise AttributeError(f"module 'netmap.lab' has no attribute {name!r}")
    return getattr(importlib.import_module(f"netmap.lab.{mod}"), name)
