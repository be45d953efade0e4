"""The Arabic NER corpora of the shared data folder, read into marsad's label set.

The model learns ``PER ORG GPE LOC FAC MISC``. Each corpus is mapped to these:

- ANERcorp (PERS LOC ORG MISC): its LOC entities are split into GPE/LOC/FAC with the
  place-type lexicon (FANE's fine classes for the same names) and head words (نهر → LOC,
  مطار → FAC); unknown ones stay GPE, as most ANERcorp locations are countries and towns.
- NewsFANE/WikiFANE (50 fine classes): see ``FANE_MAP``. FANE's ``Group`` (peoples,
  followers) is left untagged: NORP comes from a lexicon, and ANERcorp does not tag it.
- AQMAR (PER LOC ORG MIS0-3): MIS* are article-specific classes, so those tokens are
  *missing* (neither entity nor O) for training.
- Wojood sample (21 nested types): the outermost entity of a kept type wins.

Nothing here may put the CAMeL test split into training: ``without_test_overlap`` drops
every sentence that shares a long normalised stretch of characters with a test sentence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from marsad.errors import InputError
from marsad.ner.conll import TaggedSentence, bio_entities, entities_to_bio, iter_conll_lines
from marsad.text.normalize import normalize

LABELS = ("PER", "ORG", "GPE", "LOC", "FAC", "MISC")

ANERCORP = Path("ner/anercorp/ANERCorp")
CAMEL_TEST = Path("ner/anercorp/ANERCorp_CamelLab_test.txt")
NEWSFANE = Path("ner/fane/NewsFANE_Gold_2014_170K.txt")
WIKIFANE = Path("ner/fane/WikiFANE_Gold_2014_500K.txt")
AQMAR = Path("ner/aqmar/articles")
WOJOOD = Path("ner/wojood_sample")

# Lines of ANERcorp from here on are the CAMeL Lab test split (its last 25,008 tokens).
ANERCORP_TEST_START = 125_274

_PER = ("Politician Athlete Businessperson Artist Scientist Police Religious_PER Engineer "
        "Lawyer Other_PER")
_ORG = ("Government Commercial Educational Media Religious_ORG Sports Medical-Science "
        "Entertainment Non-Governmental")
_GPE = "Nation State-or-Province County-or-District Population-Center Special"
_LOC = ("Continent GPE-Cluster Water-Body Land-Region-Natural Celestial Address Boundary "
        "Region-General Region-International")
_FAC = "Airport Building-Grounds Path Subarea-Facility Plant"
_MISC = ("Air Land Water Subarea-Vehicle Underspecified Biological Blunt Chemical Exploding "
         "Nuclear Projectile Sharp Shooting Book Movie Sound Software Hardware Food Drug")
FANE_MAP: dict[str, str | None] = {"Group": None}
for _label, _names in (("PER", _PER), ("ORG", _ORG), ("GPE", _GPE), ("LOC", _LOC),
                       ("FAC", _FAC), ("MISC", _MISC)):
    FANE_MAP.update(dict.fromkeys(_names.split(), _label))

WOJOOD_MAP: dict[str, str | None] = {
    "PERS": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC",
    "EVENT": "MISC", "PRODUCT": "MISC", "CURR": "MISC", "LAW": "MISC", "WEBSITE": "ORG",
}

# Head words that type a place name (first word, clitics removed, in the folded view).
LOC_HEADS = frozenset(normalize(w) for w in (
    "نهر", "بحر", "البحر", "جبل", "جبال", "خليج", "محيط", "المحيط", "صحراء", "الصحراء", "وادي",
    "بحيرة", "جزيرة", "جزر", "شبه", "سهل", "هضبة", "مضيق", "سلسلة",
))
FAC_HEADS = frozenset(normalize(w) for w in (
    "مطار", "قاعدة", "ميناء", "مرفأ", "مسجد", "جامع", "كنيسة", "شارع", "جسر", "معبر", "سجن",
    "مخيم", "حقل", "سد", "قصر", "فندق", "مستشفى", "ملعب", "استاد", "مصفاة", "مصفى", "محطة",
    "قلعة", "برج", "ساحة", "ميدان", "طريق", "مبنى", "معمل", "مصنع", "كلية",
))

_HAMZA = str.maketrans({"ؤ": "و", "ئ": "ي", "ء": None})
_NON_LETTER = re.compile(r"[^\w]|_|\d")


def fold_key(text: str) -> str:
    """A spelling-blind key: normalised, hamza folded, only letters (for matching corpora)."""
    return _NON_LETTER.sub("", normalize(text).translate(_HAMZA))


def _strip_clitics(word: str) -> list[str]:
    """``word`` and its forms without a leading و/ف and then ب/ل/ك (لل → ال)."""
    out = [word]
    if len(word) > 3 and word[0] in "وف":
        word = word[1:]
        out.append(word)
    if len(word) > 3 and word.startswith("لل"):
        out.append("ال" + word[2:])
    elif len(word) > 3 and word[0] in "بلك":
        out.append(word[1:])
    return out


# ---------------------------------------------------------------- reading


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise InputError(str(path), "missing; is the shared data folder complete?") from None


def read_anercorp(data_dir: Path, part: str = "train") -> list[TaggedSentence]:
    """ANERcorp's training part (the tokens before the CAMeL test split), split at . ! ؟.

    Sentences carry ``doc`` = ``anercorp:<block>`` (blocks of 200 sentences in corpus
    order) so that a dev split can take whole stretches of text.
    """
    if part != "train":
        raise ValueError("only ANERcorp's training part is read here; the test split is "
                         f"{CAMEL_TEST}")
    path = data_dir / ANERCORP
    lines = _read_lines(path)[:ANERCORP_TEST_START]
    (tokens, tags), *_ = list(iter_conll_lines(lines, str(path)))
    out: list[TaggedSentence] = []
    start = 0
    for i, token in enumerate(tokens):
        if token in (".", "!", "؟", "?") or i == len(tokens) - 1:
            sent_tags = [t[0].replace("PERS", "PER") for t in tags[start : i + 1]]
            out.append(TaggedSentence(tuple(tokens[start : i + 1]), tuple(sent_tags),
                                      "anercorp", f"anercorp:{len(out) // 200:03d}"))
            start = i + 1
    return out


def read_camel_test(data_dir: Path) -> list[TaggedSentence]:
    """The CAMeL Lab test split (for evaluation and overlap checks only, never training)."""
    path = data_dir / CAMEL_TEST
    return [TaggedSentence(tuple(tok), tuple(t[0] for t in tags), "camel-test", "camel-test")
            for tok, tags in iter_conll_lines(_read_lines(path), str(path))]


def read_fane(data_dir: Path, which: str = "wiki", *, keep_fine: bool = False
              ) -> list[TaggedSentence]:
    """NewsFANE (``which="news"``) or WikiFANE (``"wiki"``), mapped with ``FANE_MAP``
    (or with their own fine classes when ``keep_fine``)."""
    rel = NEWSFANE if which == "news" else WIKIFANE
    path = data_dir / rel
    out = []
    for n, (tokens, tags) in enumerate(iter_conll_lines(_read_lines(path), str(path))):
        ents = []
        for s, e, fine in bio_entities([t[0] for t in tags]):
            label = fine if keep_fine else FANE_MAP.get(fine)
            if label:
                ents.append((s, e, label))
        out.append(TaggedSentence(tuple(tokens), tuple(entities_to_bio(len(tokens), ents)),
                                  f"{which}fane", f"{which}fane:{n // 50:04d}"))
    return out


def read_aqmar(data_dir: Path, types: PlaceTypes | None = None) -> list[TaggedSentence]:
    """AQMAR's Wikipedia articles; MIS* tokens become missing, LOC typed by ``types``."""
    out = []
    for path in sorted((data_dir / AQMAR).glob("*.txt")):
        for tokens, tags in iter_conll_lines(_read_lines(path), str(path), strict=False):
            first = [t[0] for t in tags]
            ents, missing = [], set()
            for s, e, label in bio_entities(first):
                if label.startswith("MIS"):
                    missing.update(range(s, e))
                elif label == "LOC":
                    ents.append((s, e, types.type_of(tokens[s:e]) if types else "GPE"))
                elif label in ("PER", "ORG"):
                    ents.append((s, e, label))
            out.append(TaggedSentence(tuple(tokens), tuple(entities_to_bio(len(tokens), ents)),
                                      "aqmar", f"aqmar:{path.stem}", frozenset(missing)))
    return out


def read_wojood(data_dir: Path, parts: Sequence[str] = ("train", "val", "test")
                ) -> list[TaggedSentence]:
    """The Wojood sample, flattened: outermost entity of a kept type (``WOJOOD_MAP``)."""
    out = []
    for part in parts:
        path = data_dir / WOJOOD / f"{part}.txt"
        for n, (tokens, tags) in enumerate(iter_conll_lines(_read_lines(path), str(path))):
            keep = [i for i, t in enumerate(tokens) if t != "$#$"]
            tokens = [tokens[i] for i in keep]
            tags = [tags[i] for i in keep]
            if not tokens:
                continue
            depth = max(len(t) for t in tags)
            candidates = []
            for level in range(depth):
                column = [t[level] if level < len(t) else "O" for t in tags]
                for s, e, label in bio_entities(column):
                    mapped = WOJOOD_MAP.get(label)
                    if mapped:
                        candidates.append((s, e, mapped))
            # Outermost (longest) first; entities_to_bio keeps the first of overlapping ones.
            candidates.sort(key=lambda x: (x[0], -(x[1] - x[0])))
            chosen: list[tuple[int, int, str]] = []
            for cand in candidates:
                if not any(cand[0] < c[1] and c[0] < cand[1] for c in chosen):
                    chosen.append(cand)
            out.append(TaggedSentence(tuple(tokens), tuple(entities_to_bio(len(tokens), chosen)),
                                      "wojood", f"wojood:{part}:{n // 20:03d}"))
    return out


# ---------------------------------------------------------------- place types


@dataclass
class PlaceTypes:
    """Which of GPE/LOC/FAC a place name is, learnt from FANE's fine classes."""

    counts: dict[str, Counter[str]]

    @classmethod
    def from_sentences(cls, sentences: Iterable[TaggedSentence]) -> PlaceTypes:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for sent in sentences:
            for s, e, label in sent.entities():
                if label in ("GPE", "LOC", "FAC"):
                    counts[fold_key("".join(sent.tokens[s:e]))][label] += 1
        return cls(dict(counts))

    def type_of(self, tokens: Sequence[str], default: str = "GPE") -> str:
        words = [normalize(t) for t in tokens]
        if words:
            for head in _strip_clitics(words[0]):
                head = head[2:] if head.startswith("ال") and head[2:] in FAC_HEADS else head
                if head in FAC_HEADS:
                    return "FAC"
                if head in LOC_HEADS or (head.startswith("ال") and head[2:] in LOC_HEADS):
                    return "LOC"
        first = fold_key(tokens[0]) if tokens else ""
        rest = fold_key("".join(tokens[1:]))
        for variant in _strip_clitics(first):
            found = self.counts.get(variant + rest)
            if found:
                return found.most_common(1)[0][0]
        return default


def retype_places(sentences: Iterable[TaggedSentence], types: PlaceTypes
                  ) -> list[TaggedSentence]:
    """Split the LOC entities of 4-class sentences into GPE/LOC/FAC with ``types``."""
    out = []
    for sent in sentences:
        ents = [(s, e, types.type_of(sent.tokens[s:e]) if label == "LOC" else label)
                for s, e, label in sent.entities()]
        out.append(replace(sent, tags=tuple(entities_to_bio(len(sent.tokens), ents))))
    return out


# ---------------------------------------------------------------- test-split hygiene

SHINGLE = 20  # characters of folded, space-free text
SHARED = 0.5  # share of a sentence's shingles found in the test split that marks it
SHORT = 30  # sentences with fewer key characters must equal a test sentence instead
TINY = 8  # sentences with fewer key characters ("." , "قال") are never counted


def _shingles(text: str, size: int = SHINGLE) -> set[str]:
    return {text[i : i + size] for i in range(0, max(len(text) - size + 1, 0))}


@dataclass
class OverlapIndex:
    """Shingles of the test split's folded text, for finding its sentences elsewhere."""

    shingles: set[str]
    sentences: set[str]

    @classmethod
    def from_sentences(cls, sentences: Iterable[TaggedSentence]) -> OverlapIndex:
        sh: set[str] = set()
        whole: set[str] = set()
        for sent in sentences:
            # The CAMeL file garbles each sentence's first token: index from the second.
            key = fold_key("".join(sent.tokens[1:]))
            sh |= _shingles(key)
            whole.add(key)
        return cls(sh, whole)

    def overlaps(self, sent: TaggedSentence) -> bool:
        """True when ``sent`` is (mostly) a test sentence: at least half of its 20-character
        stretches occur in the test split, or, when short, it equals a test sentence."""
        key = fold_key("".join(sent.tokens))
        if len(key) < TINY:
            return False
        if len(key) < SHORT:
            rest = fold_key("".join(sent.tokens[1:]))
            return key in self.sentences or (len(rest) >= TINY and rest in self.sentences)
        grams = [key[i : i + SHINGLE] for i in range(len(key) - SHINGLE + 1)]
        return sum(g in self.shingles for g in grams) >= SHARED * len(grams)


DOC_HITS = 3  # overlapping sentences that mark their whole document as a copy of test text


def without_test_overlap(sentences: Sequence[TaggedSentence], index: OverlapIndex
                         ) -> tuple[list[TaggedSentence], dict[str, int]]:
    """Drop sentences overlapping the test split, and whole documents holding several.

    A document (``doc``) with ``DOC_HITS`` or more test sentences is a copy of test text
    (NewsFANE re-annotates ANERcorp), so all of it goes; a lone match (a stock phrase
    such as "مليون برميل يوميا .") costs only its sentence. Returns the kept sentences and
    counts (``sentences``, ``overlapping``, ``documents``, ``dropped``) for the report.
    """
    hits = [index.overlaps(s) for s in sentences]
    per_doc = Counter(s.doc for s, hit in zip(sentences, hits, strict=True) if hit)
    bad_docs = {doc for doc, n in per_doc.items() if n >= DOC_HITS}
    kept = [s for s, hit in zip(sentences, hits, strict=True)
            if not hit and s.doc not in bad_docs]
    return kept, {"sentences": len(sentences), "overlapping": sum(hits),
                  "documents": len(bad_docs), "dropped": len(sentences) - len(kept)}
