import pytest

from marsad.errors import InputError
from marsad.ner.conll import bio_entities, entities_to_bio, read_conll


def test_entities_follow_conlleval():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "O", "B-MISC"]
    assert bio_entities(tags) == [(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG"),
                                  (8, 9, "MISC")]


def test_entities_round_trip_through_bio():
    ents = [(0, 2, "PER"), (3, 4, "GPE"), (4, 6, "GPE")]
    assert bio_entities(entities_to_bio(7, ents)) == ents


def test_overlapping_entities_keep_the_first():
    assert entities_to_bio(4, [(0, 3, "ORG"), (2, 4, "LOC")]) == ["B-ORG", "I-ORG", "I-ORG", "O"]


def test_reader_strips_invisible_marks_and_skips_blank_tokens(tmp_path):
    path = tmp_path / "gold.txt"
    path.write_text("\ufeff\u200eجورج\tB-PERS\r\n\u200eبوش\tI-PERS\r\n O\r\n\r\nفي O\n"
                    "بغداد B-LOC\n", encoding="utf-8")
    sents = read_conll(path)
    assert [s.tokens for s in sents] == [("جورج", "بوش"), ("في", "بغداد")]
    assert sents[0].entities() == [(0, 2, "PERS")]
    assert sents[1].tags == ("O", "B-LOC")


@pytest.mark.parametrize("content, message", [
    ("كلمة\n", "expected 'token TAG'"),
    ("كلمة X-LOC\n", "no BIO tag"),
    ("\n\n", "no tagged tokens"),
])
def test_bad_files_say_what_is_wrong(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_conll(path)


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_conll(tmp_path / "nope.txt")
    path = tmp_path / "cp1256.txt"
    path.write_bytes("بغداد B-LOC\n".encode("cp1256"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_conll(path)
