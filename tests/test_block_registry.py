"""Every block type has all its parts: arithmetic (core), a torch layer, an icon, a palette entry.

Adding a block means a class in ``core/layers.py`` (or ``core/composites.py``), a builder in
``model/build.py``, a glyph in ``ui/icons.py`` and, for a block students place, an entry in the
palette. This test walks ``BLOCK_TYPES`` so none of them can be forgotten.
"""

from __future__ import annotations

import pytest

from cnnstudio.core import BLOCK_TYPES, CATEGORIES, block_type
from cnnstudio.core.analysis import expansion
from cnnstudio.model.build import LEAF_BUILDERS, leaf_module
from cnnstudio.ui.icons import block_pixmap, has_glyph
from cnnstudio.ui.palette import palette_entries

SHAPE = (16, 8, 8)


def inner_types(type_id: str) -> set[str]:
    block = block_type(type_id)
    return {node.type for node in expansion(block, block.defaults(), SHAPE)}


@pytest.mark.parametrize("type_id", list(BLOCK_TYPES))
def test_every_block_type_is_described(type_id):
    block = BLOCK_TYPES[type_id]
    assert block.id == type_id and block.title and block.title_ko and block.description
    assert block.category in CATEGORIES and block.default_name
    assert all(spec.help for spec in block.params)


@pytest.mark.parametrize("type_id", list(BLOCK_TYPES))
def test_every_block_type_can_be_built_in_torch(type_id):
    block = BLOCK_TYPES[type_id]
    if type_id == "input":
        return  # the network's input itself: no layer
    if block.composite:
        assert inner_types(type_id) <= set(LEAF_BUILDERS), "a composite's inner layers all need builders"
        return
    assert type_id in LEAF_BUILDERS
    shapes = [SHAPE, SHAPE] if block.max_inputs is None else [SHAPE]
    params = block.defaults() | ({"channels": 32} if type_id == "padshortcut" else {})
    assert leaf_module(type_id, params, shapes) is not None


def test_no_builder_is_left_over_from_a_removed_block():
    assert set(LEAF_BUILDERS) <= set(BLOCK_TYPES)


@pytest.mark.parametrize("type_id", list(BLOCK_TYPES))
def test_every_block_type_has_an_icon_of_its_own(qapp, type_id):
    assert has_glyph(type_id)
    assert not block_pixmap(type_id, (), 24).isNull()


def test_every_block_a_student_places_is_in_the_palette():
    placed = {block.id for block in BLOCK_TYPES.values() if not block.internal}
    in_palette = {entry.type_id for entry in palette_entries()}
    assert in_palette == placed
