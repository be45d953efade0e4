from marsad.geo.names import joined_key, name_key, skeleton


def test_arabic_keys_fold_hamza_taa_marbuta_and_diacritics():
    assert name_key("معرة النعمان") == name_key("مَعَرَّة النُّعمان") == name_key("معره النعمان")
    assert name_key("أبو الظهور") == name_key("ابو الظهور")
    assert name_key("السويداء") == name_key("السويدا")
    assert name_key("رأس العين") == name_key("راس العين")


def test_latin_keys_drop_articles_accents_and_ayn_marks():
    assert name_key("Deir ez-Zor") == ("deir", "zor")
    assert name_key("Ma‘arrat an Nu‘mān") == ("maarrat", "numan")
    assert name_key("Al Bāb") == ("bab",)


def test_joined_form_of_multiword_arabic_names():
    assert joined_key(name_key("دير الزور")) == ("ديرالزور",)
    assert joined_key(name_key("Deir ez-Zor")) is None


def test_skeleton_meets_transliteration_variants():
    assert skeleton(name_key("Dayr az Zawr")) == skeleton(name_key("Deir ez-Zor"))
    assert skeleton(name_key("Hims")) == skeleton(name_key("Homs"))
    assert skeleton(name_key("Darat Izza")) == skeleton(name_key("Dārat ‘Izzah"))
