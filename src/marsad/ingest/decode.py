"""Bytes to text: BOMs, UTF-8, UTF-16 without BOM, Windows-1256, and clear refusals.

Windows-1256 maps almost every byte to some character, so a decode "succeeding" proves
nothing: it is accepted only when the non-ASCII characters it yields are overwhelmingly
Arabic. Binary data (NUL bytes, control characters) is refused before any guessing.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ARABIC_BLOCK = re.compile(r"[\u0600-\u06ff]")
_COMMON_PUNCT = set("«»–—…‘’“”•€×÷·")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

SUPPORTED_HINT = "convert it to UTF-8 or name its encoding with --encoding"


class DecodeError(ValueError):
    """Bytes that are not text marsad can read; the message says why and what to do."""


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13)) + sample.count(127)
    return controls / len(sample) > 0.02


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs in every other byte for ASCII and Arabic alike."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    for encoding, nuls, other in (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls,
                                                                         odd_nuls)):
        if nuls / half > 0.3 and other / half < 0.05:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    # Arabic in UTF-16: the high byte is 0x06 in most characters
    le_06 = sample[1::2].count(6)
    be_06 = sample[0::2].count(6)
    if le_06 / half > 0.5 or be_06 / half > 0.5:
        try:
            return data.decode("utf-16-le" if le_06 > be_06 else "utf-16-be")
        except UnicodeDecodeError:
            return None
    return None


def _plausible_arabic_8bit(text: str) -> bool:
    """Mostly Arabic among the non-ASCII characters, and a real share of Arabic letters."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    good = sum(1 for c in non_ascii if _ARABIC_BLOCK.match(c) or c in _COMMON_PUNCT)
    letters = [c for c in text if c.isalpha()]
    arabic = sum(1 for c in letters if _ARABIC_BLOCK.match(c))
    return good / len(non_ascii) >= 0.9 and arabic >= 0.3 * len(letters)


def _check_text(text: str, encoding: str) -> str:
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > 0.02:
        raise DecodeError(f"decodes as {encoding} but is full of control characters; "
                          "it looks like a binary file, not an article")
    return text


def decode_bytes(data: bytes, encoding: str | None = None, *, truncated: bool = False,
                 declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding_used)``.

    ``encoding`` forces a codec; ``declared`` (e.g. an HTML meta charset) is tried first;
    ``truncated`` tolerates a multi-byte character cut at the end of a sample.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise DecodeError(f"unknown encoding {encoding!r}; use a Python codec name "
                              "such as utf-8, cp1256, utf-16") from None
        except UnicodeDecodeError as exc:
            raise DecodeError(f"is not valid {encoding} (byte {exc.start}); "
                              "check the --encoding value") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                body = data[len(bom):]
                return _check_text(body.decode(name, errors="strict"), name), name + "-bom"
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {name} byte-order mark but is not valid "
                                  f"{name} (byte {exc.start}); {SUPPORTED_HINT}") from None
    if declared:
        try:
            codec = codecs.lookup(declared.decode() if isinstance(declared, bytes) else declared)
            return _check_text(data.decode(codec.name), codec.name), codec.name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to detection
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _check_text(utf16, "utf-16"), "utf-16"
    if _looks_binary(data):
        raise DecodeError("is a binary file, not text; marsad reads .txt .md .html .json "
                          ".jsonl .csv articles (UTF-8, UTF-16 or Windows-1256)")
    try:
        return _check_text(data.decode("utf-8"), "utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if truncated and exc.start >= len(data) - 3:
            return _check_text(data[: exc.start].decode("utf-8"), "utf-8"), "utf-8"
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_arabic_8bit(text):
        return _check_text(text, "cp1256"), "cp1256"
    try:
        text = data.decode("iso-8859-6")
        if _plausible_arabic_8bit(text):
            return _check_text(text, "iso-8859-6"), "iso-8859-6"
    except UnicodeDecodeError:
        pass
    guess = _charset_normalizer_guess(data)
    if guess is not None:
        return _check_text(*guess), guess[1]
    raise DecodeError(f"has an encoding marsad cannot tell (not UTF-8, UTF-16, Windows-1256 "
                      f"or ISO-8859-6 Arabic); {SUPPORTED_HINT}")


_WESTERN_FIRST = ("cp1252", "latin_1", "iso8859_15")


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    """Last resort for non-Arabic 8-bit text (a French article in Latin-1, say)."""
    from charset_normalizer import from_bytes

    candidates = [m for m in from_bytes(data[:200_000]) if m.chaos <= 0.1]
    if not candidates:
        return None
    least = min(m.chaos for m in candidates)
    names = [m.encoding for m in candidates if m.chaos <= least + 0.01]
    # short Western texts fit several code pages equally; the common ones win ties
    name = next((n for n in _WESTERN_FIRST if n in names), names[0])
    try:
        return data.decode(name), name
    except (UnicodeDecodeError, LookupError):
        return None


def html_declared_charset(data: bytes) -> str | None:
    """The charset an HTML document declares in its first bytes, if any."""
    match = _HTML_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None
