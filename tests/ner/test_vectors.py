import json

import numpy
import spacy
from spacy.attrs import NORM, ORTH
from spacy.tokens import Doc
from spacy.vectors import Vectors

from marsad.ner.features import LANG, fold
from marsad.ner.vectors import keep_norm_key, word_counts


def test_a_saved_plain_table_stays_keyed_by_the_folded_word(tmp_path):
    nlp = spacy.blank(LANG)
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, shape=(1, 3), attr="NORM")
    nlp.vocab.vectors.add(fold("إدلب"), vector=numpy.ones(3, dtype="float32"))
    nlp.to_disk(tmp_path / "p")
    assert spacy.load(tmp_path / "p").vocab.vectors.attr == ORTH  # spaCy drops the key
    keep_norm_key(tmp_path / "p")
    keep_norm_key(tmp_path / "p")  # idempotent
    loaded = spacy.load(tmp_path / "p")
    assert loaded.vocab.vectors.attr == NORM
    doc = Doc(loaded.vocab, words=["ادلب", "حلب"])
    key = doc[0].norm
    assert key in loaded.vocab.vectors and doc[1].norm not in loaded.vocab.vectors
    assert json.loads((tmp_path / "p/vocab/vectors.cfg").read_text())["attr"] == NORM


def test_word_counts_read_space_separated_lines(tmp_path):
    path = tmp_path / "text.txt"
    path.write_text("قال المرصد\nالمرصد السوري\n", encoding="utf-8")
    assert word_counts(path).most_common(1) == [("المرصد", 2)]
