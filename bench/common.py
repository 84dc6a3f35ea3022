"""Helpers shared by the benchmarks: timing, medians, and a data folder of a given size."""

from __future__ import annotations

import copy
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """Seconds per call, one figure per call."""
    figures = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        figures.append(time.perf_counter() - started)
    return figures


def median_ms(figures: list[float]) -> float:
    return statistics.median(figures) * 1000


def report(
    name: str, value: float, target: float, baseline: float, baseline_name: str, unit: str = "ms"
) -> bool:
    """One line per figure: the value, the target, and the ratio to this run's baseline."""
    ok = value <= target
    ratio = value / baseline if baseline else float("inf")
    print(
        f"{name:<46} {value:9.3f} {unit}  (target ≤ {target:g} {unit}: "
        f"{'OK' if ok else 'MISSED'}; {ratio:7.1f}× {baseline_name} = {baseline:.4f} {unit})",
        flush=True,
    )
    return ok


def counter_app(data_dir: Path, *args: str) -> str:
    command = [sys.executable, "-m", "counter_app.main", "--data-dir", str(data_dir), *args]
    return subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout


def big_catalog(procedures: int) -> dict:
    """The demo catalog grown to `procedures` entries (codes and names made unique)."""
    demo = json.loads((ROOT / "resources" / "demo" / "catalog.json").read_text(encoding="utf-8"))
    catalog = {key: value for key, value in demo.items() if key != "procedures"}
    base = demo["procedures"]
    catalog["procedures"] = []
    for i in range(procedures):
        procedure = copy.deepcopy(base[i % len(base)])
        procedure["code"] = f"{procedure['code'][:40]}.{i:05d}"
        procedure["name"] = f"{procedure['name']} (mẫu {i})"
        catalog["procedures"].append(procedure)
    return catalog
