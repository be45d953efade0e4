from marsad.config import load_config
from marsad.pipeline import Pipeline


def test_text_stage_gives_sentences_and_language(make_article, palmyra_text):
    article = Pipeline.from_config(load_config())(make_article(palmyra_text))
    assert article.lang == "ar"
    assert [article.text[s.start:s.end][:8] for s in article.sentences] == [
        "تدمر - أ", "كشف مصدر", "وأضاف ال"]
    assert article.meta["arabic_share"] > 0.9


def test_english_and_mixed_articles_are_identified(make_article):
    pipeline = Pipeline.from_config(load_config())
    english = pipeline(make_article("Russian forces withdrew from Palmyra on Thursday, "
                                    "a source said."))
    assert english.lang == "en"
    mixed = pipeline(make_article("قال المتحدث باسم التحالف الدولي إن الغارات استهدفت "
                                  "مواقع التنظيم (Operation Inherent Resolve) قرب الرقة."))
    assert mixed.lang == "ar" and 0.5 < mixed.meta["arabic_share"] < 1
