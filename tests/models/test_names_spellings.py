"""The Latin-script spellings list: bands, its file, and the shipped list."""

from __future__ import annotations

import pytest

from models.errors import KhulasaError
from models.names.spellings import Spellings, default_spellings


def test_words_keep_their_band_through_the_file(tmp_path):
    words = {"the": 7.7, "geoffrey": 3.6, "zurutuza": 1.5, "rare": 0.4}
    path = tmp_path / "s.xz"
    Spellings.build(words).save(path)
    loaded = Spellings.load(path)
    assert loaded.bands(["the", "geoffrey", "zurutuza", "rare", "gioveri"]) == [7, 3, 1, 1, 0]
    assert loaded.false_positive_rate < 1e-8


def test_a_broken_file_is_a_clear_error(tmp_path):
    path = tmp_path / "s.xz"
    path.write_bytes(b"not xz")
    with pytest.raises(KhulasaError, match="unreadable spellings list"):
        Spellings.load(path)
    with pytest.raises(KhulasaError, match="unreadable spellings list"):
        Spellings.load(tmp_path / "missing.xz")


def test_the_shipped_list_knows_name_spellings_of_many_languages():
    spellings = default_spellings()
    assert spellings is not None and spellings.false_positive_rate < 0.001
    common, named, rare = spellings.bands(["and", "champlain", "zurutuza"])
    assert common > named > rare >= 1
    assert spellings.bands(["qxzvjk", "gioverii"]) == [0, 0]
