import spacy
from spacy.tokens import Doc

from marsad.ner.features import LANG, fold, split_proclitics, tokenize


def test_proclitics_split_off_only_when_a_word_remains():
    assert split_proclitics(fold("وللأمم")) == ("ول", "الامم")
    assert split_proclitics(fold("والعراق")) == ("و", "العراق")
    assert split_proclitics(fold("بالأسد")) == ("ب", "الاسد")
    assert split_proclitics(fold("ولد")) == ("", "ولد")
    assert split_proclitics("verba") == ("", "verba")


def test_fold_is_blind_to_spelling_variants():
    assert fold("إسرائيل") == fold("اسرائيل")
    assert fold("مسؤول") == fold("مسوول")
    assert fold("تَدْمُر") == fold("تدمر")


def test_tokens_split_like_anercorp_and_index_the_text():
    text = 'قال لـ"أورينت" إن 12 مدنياً قُتلوا في 10/12/2016،\u200f وبريطانيا.'
    spans = tokenize(text)
    words = [text[s.start:s.end] for s in spans]
    assert words == ["قال", "لـ", '"', "أورينت", '"', "إن", "12", "مدنياً", "قُتلوا", "في",
                     "10/12/2016", "،", "وبريطانيا", "."]


def test_model_language_uses_arabic_word_features():
    nlp = spacy.blank(LANG)
    doc = Doc(nlp.vocab, words=["وللأمم", "المتحدة", "2016"])
    assert [t.norm_ for t in doc] == ["وللامم", "المتحده", "2016"]
    assert [t.lower_ for t in doc][:1] == ["الامم"]
    assert [t.prefix_ for t in doc] == ["ول", "-", "-"]
    assert doc[2].shape_ == "d4"


def test_gazetteer_flags_join_the_shape_feature(tmp_path):
    from marsad.ner.features import use_gazetteer
    from marsad.ner.gazetteer import read_gazetteer, write_gazetteer

    path = tmp_path / "gazetteer.tsv"
    write_gazetteer({fold("حلب"): "P", fold("الأسد"): "N", "bad\tword": "P"}, path)
    entries = read_gazetteer(path)
    assert entries == {fold("حلب"): "P", fold("الأسد"): "N"}
    try:
        use_gazetteer(entries)
        nlp = spacy.blank(LANG)  # a fresh vocabulary computes lexeme attributes anew
        doc = Doc(nlp.vocab, words=["وحلب", "بالأسد", "قال"])
        assert [t.shape_.partition("|")[2] for t in doc] == ["P", "N", ""]
    finally:
        use_gazetteer({})
