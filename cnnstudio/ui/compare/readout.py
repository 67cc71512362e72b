"""The line under the charts: one stage's exact figures for every network."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...comparing import Comparison
from ...core import fmt
from .names import shown_label, stage_name


def stage_readout(comparison: Comparison, key: str) -> str:
    """``"56x56 · VGG-16 (conv3_1 … pool3): 1,475,328 parameters, 4,624,220,160 MACs · ..."``."""
    parts = [stage_name(key)]
    for network in comparison.networks:
        stage = network.stage(key)
        if stage is None:
            missing = QCoreApplication.translate("CompareReadout", "{network}: no {stage} stage")
            parts.append(missing.format(network=shown_label(network), stage=stage_name(key)))
            continue
        layers = stage.first if stage.layers == 1 else f"{stage.first} … {stage.last}"
        figures = QCoreApplication.translate(
            "CompareReadout", "{network} ({layers}): {params} parameters, {macs} MACs"
        )
        parts.append(
            figures.format(
                network=shown_label(network), layers=layers, params=fmt(stage.params), macs=fmt(stage.macs)
            )
        )
    return " · ".join(parts)
