"""The line under the charts: one stage's exact figures for every network."""

from __future__ import annotations

from ...comparing import Comparison
from ...core import fmt


def stage_readout(comparison: Comparison, key: str) -> str:
    """``"56x56 · VGG-16 (conv3_1 … pool3): 1,475,328 parameters, 4,624,220,160 MACs · ..."``."""
    parts = [key]
    for network in comparison.networks:
        stage = network.stage(key)
        if stage is None:
            parts.append(f"{network.label}: no {key} stage")
            continue
        layers = stage.first if stage.layers == 1 else f"{stage.first} … {stage.last}"
        parts.append(f"{network.label} ({layers}): {fmt(stage.params)} parameters, {fmt(stage.macs)} MACs")
    return " · ".join(parts)
