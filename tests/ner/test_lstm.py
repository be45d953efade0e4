"""The numpy BiLSTM-CRF tagger (silver labelling): its batched Viterbi and a tiny network."""

import itertools

import numpy as np

from marsad.ner.lstm import FLAG_LETTERS, MAX_CHARS, WEIGHTS, LstmTagger

TAGS = ["O", "B-PER", "I-PER"]


def tiny_arrays(seed: int = 0, hidden: int = 4) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    dim, filters, shape_dim, clitic_dim = 5, 3, 2, 2
    width = dim + filters + shape_dim + clitic_dim + len(FLAG_LETTERS) + 1
    r = lambda *shape: rng.normal(size=shape).astype(np.float32)  # noqa: E731
    return {
        "vectors": r(2, dim).astype(np.float16), "words": np.array(["باراك", "اوباما"]),
        "chars": np.array(["", "", *"ابكرو"]), "shapes": np.array(["", "", "x"]),
        "clitics": np.array(["", "", ""]), "flag_words": np.array(["اوباما"]),
        "flag_letters": np.array(["P"]), "char_emb": r(7, 4), "char_conv": r(12, filters),
        "char_conv_b": r(filters), "shape_emb": r(3, shape_dim), "clitic_emb": r(3, clitic_dim),
        "lstm_w_ih": r(2, width, 4 * hidden), "lstm_w_hh": r(2, hidden, 4 * hidden),
        "lstm_b": r(2, 4 * hidden), "out_w": r(2 * hidden, 3), "out_b": r(3),
        "crf_trans": r(3, 3), "crf_start": r(3), "crf_end": r(3), "tags": np.array(TAGS),
    }


def brute_force(em: np.ndarray, a: dict[str, np.ndarray]) -> list[int]:
    def score(path):
        s = a["crf_start"][path[0]] + a["crf_end"][path[-1]] + sum(em[t, p] for t, p in
                                                                   enumerate(path))
        return s + sum(a["crf_trans"][p, q] for p, q in itertools.pairwise(path))
    return list(max(itertools.product(range(3), repeat=len(em)), key=score))


def test_batched_viterbi_finds_each_sentences_best_path():
    tagger = LstmTagger(tiny_arrays())
    rng = np.random.default_rng(1)
    lengths = [4, 1, 3]
    em = rng.normal(size=(3, 4, 3)).astype(np.float32)  # padding rows after each length
    paths = tagger.viterbi(em, lengths)
    for i, k in enumerate(lengths):
        assert paths[i] == brute_force(em[i, :k], tagger.a)


def test_a_tiny_network_tags_sentences_alone_as_in_a_batch(tmp_path):
    np.savez_compressed(tmp_path / WEIGHTS, **tiny_arrays(seed=2))
    tagger = LstmTagger.load(tmp_path)
    sentences = [["قال", "باراك", "اوباما", "اليوم"], [], ["وقال" * 9, "اوباما"]]
    batch = tagger.tag(sentences)
    assert batch == [tagger.tag([s])[0] for s in sentences]
    assert batch[1] == [] and len("وقال" * 9) > MAX_CHARS
    for sentence, entities in zip(sentences, batch, strict=True):
        assert all(0 <= s < e <= len(sentence) and label == "PER" for s, e, label in entities)
    assert tagger.labels == ("PER",)


def test_a_folder_without_weights_is_a_clear_error(tmp_path):
    import pytest

    from marsad.errors import ConfigError

    with pytest.raises(ConfigError, match="lstm_train"):
        LstmTagger.load(tmp_path)
