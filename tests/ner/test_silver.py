"""Silver sentences: the vote, the CoNLL round trip, the news reader and their place in the
training data (test-split overlap removed)."""

import json
import zipfile

from marsad.ner.conll import read_conll
from marsad.ner.corpora import read_camel_test
from marsad.ner.silver import SILVER, label, news_sentences, vote, write_conll
from marsad.ner.train import split_corpora


def test_an_entity_two_of_three_taggers_found_is_kept():
    cnn = [[(0, 1, "PER"), (3, 4, "GPE")], []]
    crf = [[(0, 1, "PER"), (3, 4, "LOC")], [(1, 2, "ORG")]]
    lstm = [[(0, 2, "PER"), (3, 4, "GPE")], []]
    assert vote([cnn, crf, lstm]) == [[(0, 1, "PER"), (3, 4, "GPE")], []]
    assert vote([cnn, crf, lstm], at_least=3) == [[], []]


def test_a_tagger_repeating_an_entity_is_one_vote():
    assert vote([[[(0, 1, "PER"), (0, 1, "PER")]], [[]], [[]]]) == [[]]


def test_labelled_sentences_survive_the_conll_round_trip(tmp_path):
    sentences = [["قال", "باراك", "أوباما", "في", "واشنطن"], ["لا", "أسماء", "هنا"]]
    predictions = [[[(1, 3, "PER"), (4, 5, "GPE")], []]] * 2
    labelled = label(sentences, predictions)
    assert labelled[0].tags == ("O", "B-PER", "I-PER", "O", "B-GPE")
    assert labelled[1].tags == ("O", "O", "O") and labelled[0].source == SILVER
    write_conll(labelled, tmp_path / "s" / "silver.conll")
    back = read_conll(tmp_path / "s" / "silver.conll")
    assert [(s.tokens, s.tags) for s in back] == [(s.tokens, s.tags) for s in labelled]


def _news_zip(folder, articles):
    folder.mkdir(parents=True)
    with zipfile.ZipFile(folder / "2015-07-21.zip", "w") as z:
        z.writestr("2015-07-21.json", json.dumps([
            {"source": "aawsat", "url": f"http://example.org/{i}", "title": "خبر",
             "date_extracted": "2015-07-21 02:51:32", "author": "", "content": text}
            for i, text in enumerate(articles)], ensure_ascii=False))


def test_news_sentences_are_tokenised_deduplicated_and_gold_articles_left_out(tmp_path):
    same = "وقال المتحدث باسم الجيش إن القوات سيطرت على القرية أمس."
    _news_zip(tmp_path / "news/saudinewsnet/dataset", [
        f"{same} وأضاف أن الطيران قصف مواقع التنظيم في المنطقة الشرقية.",
        f"{same} قصير.",
    ])
    every = news_sentences(tmp_path, fraction=1.0)
    assert sorted(map(tuple, every)) == sorted({tuple(s) for s in every})  # each once
    assert ["وقال", "المتحدث", "باسم", "الجيش", "إن", "القوات", "سيطرت", "على", "القرية",
            "أمس", "."] in every
    assert len(every) == 2  # «قصير.» is below six tokens
    from marsad.ingest.sources import read_inputs

    first = next(iter(read_inputs([str(tmp_path / "news/saudinewsnet/dataset/2015-07-21.zip")])))
    left = news_sentences(tmp_path, fraction=1.0, exclude={first.id})
    assert len(left) == 1 and left[0][0] == "وقال"


def test_silver_sentences_join_the_training_data_without_test_overlap(shared_data, tmp_path):
    test_sentence = max(read_camel_test(shared_data), key=lambda s: len(s.tokens))
    sentences = [["وقال", "باراك", "أوباما", "في", "واشنطن", "اليوم"], list(test_sentence.tokens)]
    write_conll(label(sentences, [[[(1, 3, "PER")], []]] * 2), tmp_path / "silver.conll")
    plain, _, _ = split_corpora(shared_data, ["anercorp"], say=lambda _: None)
    train, _, report = split_corpora(shared_data, ["anercorp"], say=lambda _: None,
                                     silver=tmp_path / "silver.conll")
    assert len(train) == len(plain) + 1
    assert train[-1].tokens[1:3] == ("باراك", "أوباما") and train[-1].source == SILVER
    assert report["silver"]["train_sentences"] == 1 and report["silver"]["dropped"] == 1
    _, _, first = split_corpora(shared_data, ["anercorp"], say=lambda _: None,
                                silver=tmp_path / "silver.conll", silver_sentences=1)
    assert first["silver"]["sentences"] == 1 and first["silver"]["dropped"] == 0
