"""Tests for lessons/nerve_map.py: the map loads, holds
what the lesson needs, and bad files are named."""

from __future__ import annotations

import pytest

from lessons.errors import DataFileError
from lessons.nerve_map import (
    MAP_PATH,
    PIRIFORMIS_STUDIES,
    REQUIRED_STRUCTURES,
    VARIANTS_IN_CADAVERS_PERCENT,
    VARIANTS_IN_PIRIFORMIS_SYNDROME_PERCENT,
    load_nerve_map,
    pattern_frequency,
    read_nerve_map,
)


@pytest.mark.parametrize("structure_id", REQUIRED_STRUCTURES)
def test_every_structure_the_lesson_teaches_is_on_the_map(structure_id):
    """Each required structure loads with a name, a description and a FACTS source."""
    s = load_nerve_map().structure(structure_id)
    assert s.name and len(s.description) > 40 and s.source.startswith("FACTS B")


def test_the_nerve_runs_below_piriformis_and_divides_above_the_knee():
    """In the typical pattern the nerve leaves below piriformis
    (B4) and splits above the popliteal fossa (B2)."""
    m = load_nerve_map()
    piriformis_lowest = min(y for _, y in m.structure("piriformis").points)
    typical = m.pattern("typical")
    assert typical.tibial_division == typical.fibular_division
    assert all(y < piriformis_lowest + 0.1 for _, y in typical.tibial_division[1:])
    split = m.structure("sciatic-nerve").points[-1]
    assert (
        split
        == m.structure("tibial-nerve").points[0]
        == m.structure("common-fibular-nerve").points[0]
    )
    assert split[1] > m.structure("popliteal-fossa").points[0][1]


def test_common_fibular_nerve_reaches_the_fibular_neck_laterally():
    """The common fibular nerve passes the fibular neck, on the outer side of the leg (B3)."""
    m = load_nerve_map()
    neck = m.structure("fibular-neck").points[0]
    assert neck in m.structure("common-fibular-nerve").points
    assert neck[0] > max(x for x, _ in m.structure("tibial-nerve").points)


def test_l5_root_crosses_the_l4_l5_disc_but_l4_leaves_above_it():
    """A posterolateral L4/5 disc catches the L5 root, which crosses it lower down than L4 (B6)."""
    m = load_nerve_map()
    disc_top = max(y for _, y in m.structure("l4-l5-disc").points)
    disc_bottom = min(y for _, y in m.structure("l4-l5-disc").points)
    l5_inside = [
        x for x, y in m.structure("l5-root").points if disc_bottom - 1 <= y <= disc_top + 1
    ]
    l4_inside = [
        x for x, y in m.structure("l4-root").points if disc_bottom - 1 <= y <= disc_top + 1
    ]
    assert min(l5_inside) < 4 < min(l4_inside) + 1  # L5 over the disc, L4 already at the foramen


@pytest.mark.parametrize(
    "study, variant_percent",
    [
        ("Smoll 2010, Clin Anat", 16.9),
        ("Poutoglidou et al. 2020, Cureus", 10.0),
        ("Eur Radiol 2018", 19.2),
    ],
)
def test_piriformis_proportions_are_the_ones_facts_b4_gives(study, variant_percent):
    """Variant frequencies are exactly FACTS B4's (typical = 100 % minus variants)."""
    found = {s.study: s for s in PIRIFORMIS_STUDIES}[study]
    assert found.variant_percent == variant_percent
    assert found.typical_percent == pytest.approx(100 - variant_percent)


def test_variants_are_not_commoner_in_piriformis_syndrome():
    """16.2 % in piriformis syndrome vs 16.9 % in cadavers (FACTS B4)."""
    assert (VARIANTS_IN_PIRIFORMIS_SYNDROME_PERCENT, VARIANTS_IN_CADAVERS_PERCENT) == (16.2, 16.9)


@pytest.mark.parametrize("pattern_id", ["fibular-through", "fibular-above"])
def test_no_per_type_proportion_is_invented(pattern_id):
    """Each variant type is given the figure for all variants together, said as such."""
    text = pattern_frequency(pattern_id)
    assert "variants together about 17 %" in text and "no figure for each variant type" in text


def _broken(tmp_path, old, new):
    path = tmp_path / "nerve_map.toml"
    text = MAP_PATH.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "old, new, message",
    [
        ('kind = "muscle"', 'kind = "musle"', "entry 'piriformis', field 'kind'"),
        (
            "points = [[19, 95]]",
            "points = [[19, 95], [1, 2]]",
            "entry 'greater-trochanter', field 'points'",
        ),
        (
            'source = "FACTS B4"\n\n[[structure]]\nid = "greater-trochanter"',
            'source = "Wikipedia"\n\n[[structure]]\nid = "greater-trochanter"',
            "entry 'piriformis', field 'source'",
        ),
        ('id = "fibular-neck"', 'id = "popliteal-fossa"', "field 'id': is used by two structures"),
        (
            "points = [[11.2, 50]]",
            'points = [[11.2, "fifty"]]',
            "entry 'popliteal-fossa', field 'points'",
        ),
        ("deep = true", 'deep = "yes"', "entry 'l4-root', field 'deep'"),
        ('name = "sacrum"', 'name = "sacrum"\ncolour = "red"', "entry 'sacrum', field 'colour'"),
        ('id = "sciatic-nerve"', 'id = "sciatic"', "entry 'sciatic-nerve'"),
        (
            "fibular_through_muscle = true",
            "fibular_through_muscle = 1",
            "entry 'fibular-through', field 'fibular_through_muscle'",
        ),
    ],
)
def test_a_bad_file_is_refused_naming_file_entry_and_field(tmp_path, old, new, message):
    """Each kind of mistake stops the load with a DataFileError that says where it is."""
    with pytest.raises(DataFileError) as caught:
        read_nerve_map(_broken(tmp_path, old, new))
    assert str(caught.value).startswith("nerve_map.toml")
    assert message in str(caught.value)


def test_invalid_toml_is_refused_with_the_file_named(tmp_path):
    """A file that is not TOML at all gives a DataFileError naming it."""
    path = tmp_path / "nerve_map.toml"
    path.write_text("title = \n", encoding="utf-8")
    with pytest.raises(DataFileError, match="nerve_map.toml: is not valid TOML"):
        read_nerve_map(path)


def test_outlines_cannot_be_chosen():
    """The leg outline is drawn for orientation but is not offered as a structure to choose."""
    m = load_nerve_map()
    assert "leg-outline" not in m.ids() and "piriformis" in m.ids()
