import codecs
import random

import pytest

from marsad.ingest.decode import DecodeError, decode_bytes

ARABIC = "قال مصدر عسكري إن تنظيم الدولة سيطر على مدينة تدمر يوم الأحد، وأضاف «الوضع خطير»."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8-bom"),
        (codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"), "utf-16-le-bom"),
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), "utf-16-be-bom"),
        (ARABIC.encode("utf-16-le"), "utf-16"),
        (ARABIC.encode("utf-16-be"), "utf-16"),
        (ARABIC.encode("cp1256"), "cp1256"),
        (ARABIC.replace("«", '"').replace("»", '"').encode("iso-8859-6"), "iso-8859-6"),
    ],
)
def test_arabic_in_common_encodings_decodes_exactly(data, encoding):
    text, used = decode_bytes(data)
    assert used == encoding
    assert text.replace('"', "«", 1).replace('"', "»", 1) == ARABIC


def test_windows_1256_is_not_mistaken_for_utf8_mojibake():
    text, used = decode_bytes("مصادر أمنية: 25 قتيلاً في إدلب".encode("cp1256"))
    assert used == "cp1256"
    assert text == "مصادر أمنية: 25 قتيلاً في إدلب"


def test_binary_is_refused_with_a_reason():
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(bytes(range(256)) * 20)


def test_undecidable_bytes_are_refused():
    rng = random.Random(7)
    pool = list(range(0x20, 0x7F)) + list(range(0x80, 0x100))
    data = bytes(rng.choice(pool) for _ in range(4000))
    with pytest.raises(DecodeError, match="encoding"):
        decode_bytes(data)


def test_forced_encoding_errors_are_explained():
    with pytest.raises(DecodeError, match="unknown encoding"):
        decode_bytes(b"abc", "klingon-8")
    with pytest.raises(DecodeError, match="not valid utf-8"):
        decode_bytes("مصدر".encode("cp1256"), "utf-8")


def test_latin1_french_text_still_reads():
    text, _ = decode_bytes("Selon l'Observatoire, les frappes ont tué 12 civils à Idleb."
                           .encode("latin-1"))
    assert "à Idleb" in text
