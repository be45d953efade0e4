from marsad.text.sentences import split_sentences


def sentences(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_splits_on_arabic_question_mark_and_not_on_comma_or_semicolon():
    text = "هل انسحبت القوات؟ نعم، انسحبت؛ ثم عادت. انتهى"
    assert sentences(text) == ["هل انسحبت القوات؟", "نعم، انسحبت؛ ثم عادت.", "انتهى"]


def test_abbreviations_and_numbers_do_not_split():
    text = "قال د. أحمد الرحال و م. خالد إن المسافة 10.5 كم يوم 10.12.2016 فقط. وأضاف."
    assert sentences(text) == [
        "قال د. أحمد الرحال و م. خالد إن المسافة 10.5 كم يوم 10.12.2016 فقط.", "وأضاف."]


def test_era_letter_after_year_ends_sentence():
    assert sentences("وقع ذلك عام 2016م. ثم انسحبوا") == ["وقع ذلك عام 2016م.", "ثم انسحبوا"]


def test_closing_quotes_stay_with_sentence_and_lines_split():
    text = "دمشق - سانا\nوأضاف: «انسحبت القوات». وتابع"
    assert sentences(text) == ["دمشق - سانا", "وأضاف: «انسحبت القوات».", "وتابع"]


def test_latin_initials_and_titles():
    text = "قال مسؤول في U.S. Army إن Gen. Smith وصل. انتهى"
    assert sentences(text) == ["قال مسؤول في U.S. Army إن Gen. Smith وصل.", "انتهى"]


def test_spans_are_trimmed_and_never_empty():
    text = "  \n\nجملة أولى.   \n\n  جملة ثانية!  "
    spans = split_sentences(text)
    assert [text[s.start:s.end] for s in spans] == ["جملة أولى.", "جملة ثانية!"]


def test_a_dot_gluing_two_arabic_words_ends_a_sentence():
    assert sentences("ما أسفر عن مقتل 22 مسلحا.وأشارت المصادر إلى ذلك") == [
        "ما أسفر عن مقتل 22 مسلحا.", "وأشارت المصادر إلى ذلك"]
    assert sentences("قوات فيرجسون المحلية.في غضون ذلك اعتقل 50") == [
        "قوات فيرجسون المحلية.", "في غضون ذلك اعتقل 50"]
    # acronyms, sites and abbreviations written without spaces stay whole
    for text in ("نقلت بي.بي.سي عن مصادر", "ذكر موقع العربية.نت أن", "قال د.محمد إن",
                 "وكالة سي.إن.إن الأمريكية", "ص.ب 123 الرياض", "موقع www.example.com هنا"):
        assert sentences(text) == [text], text
