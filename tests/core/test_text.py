"""Normalisation: NFC/NFD and old/new tone placement compare the same; folding drops marks."""

import unicodedata

from tui_reader.text import fold, has_diacritics, key, new_tone_placement, same_name


def test_nfd_and_nfc_have_the_same_keys():
    nfd = unicodedata.normalize("NFD", "Phạm Thị Thanh Thủy")
    assert key(nfd) == key("Phạm Thị Thanh Thủy")
    assert fold(nfd) == "pham thi thanh thuy"


def test_old_and_new_tone_placement_compare_the_same():
    assert key("Tỉnh uỷ") == key("Tỉnh ủy")
    assert key("Thuỷ") == key("Thủy")
    assert key("hoà bình") == key("hòa bình")
    assert same_name("Phạm Thị Thanh Thuỷ", "phạm thị thanh thủy")


def test_new_tone_placement_keeps_case():
    assert new_tone_placement("HOÀ BÌNH, Thuỷ") == "HÒA BÌNH, Thủy"


def test_fold_maps_d_stroke_and_keeps_length():
    text = "Đà Nẵng, Trần Phú Hà"
    assert fold(text) == "da nang, tran phu ha"
    assert len(fold(text)) == len(text)


def test_has_diacritics():
    assert not has_diacritics("tran phu ha")
    assert has_diacritics("Trần")
    assert has_diacritics("dđ")
