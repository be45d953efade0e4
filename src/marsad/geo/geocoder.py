"""Resolve place phrases to gazetteer entries and build :class:`marsad.model.Place` objects.

Disambiguation (documented in the README's geocoding section):

1. Candidates are the entries of the matched name, narrowed by a type cue (مدينة keeps
   cities and towns, حي neighbourhoods, محافظة governorates, مطار airbases ...).
2. Each candidate is scored: a prior by feature (populated places grow with the log of
   their population; governorates, districts and subdistricts have fixed, lower priors so
   that a bare دير الزور is the city), a country term (the default country, Syria, gets a
   bonus; every country gets a share of the article's unambiguous places), and a
   proximity term to the article's unambiguous places (anchors) -- so الرقة is Raqqa in
   Syria unless the article is about Kuwait's places, and حي الزهراء is Mosul's in a
   story about Mosul and Homs's in a story about Homs.
3. Anchors are found first (a single candidate, or one that wins by a wide margin); then
   everything is scored against them.

Precision (ACLED geo_precision): 1 for a bare town/village/site; 2 for near/direction
phrases (قرب تدمر, شمال حلب, محيط مدينة الباب), a part of a city (حلب الشرقية), a
facility named after a town (مطار X where X is a town), the countryside of a town
(ريف الباب), named regions and subdistricts; 3 for governorates (محافظة إدلب), the
countryside of a governorate capital (ريف حمص الشرقي -> Homs governorate) and countries.
The countryside of a governorate capital is placed at the mean of the governorate's
subdistrict centroids lying in the named direction from the capital (all of them when no
direction is named), not at the city.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from marsad.geo.gazetteer import AREA_FEATURES, Entry, Gazetteer, distance_km
from marsad.geo.matcher import Matcher, PlacePhrase, Token, tokenize
from marsad.geo.names import name_key
from marsad.geo.phrases import (
    DISTRICT_COUNTRIES,
    FACILITY_CUES,
    NEVER_ALONE,
    ORG_PHRASES,
    POPULATED,
    PREPOSITIONS,
    PRONOUN_LOOKALIKES,
    SETTLEMENT_WORDS,
    TYPE_CUES,
)
from marsad.model import Mention, Place, Span
from marsad.text.normalize import NormalizedView, view_of

AREA_CUES = frozenset({"ناحيه", "منطقه", "مناطق"})
# Type cues of inhabited places and areas: the name after one is a place, not a person.
POPULATED_CUES = frozenset(w for w, f in TYPE_CUES.items() if f & POPULATED or f & {
    "governorate", "subdistrict", "district", "region", "neighbourhood"})
PLACE_KINDS = frozenset({"LOC", "GPE", "FAC"})
NON_PLACE_KINDS = frozenset({"PER", "ORG", "ARMED_GROUP", "MILITARY_UNIT", "NORP", "WEAPON"})
AREA_PRIOR = {"governorate": 2.5, "district": 1.2, "subdistrict": 1.6, "region": 3.0,
              "country": 4.0}
POPULATED_PRIOR = {"city": 3.0, "town": 2.5, "village": 2.0}
# Country terms: the default country's bonus, and smaller ones for the region's others.
DEFAULT_COUNTRY_BONUS = 2.0
# Small places far from the region need the article's context to win (الحميدية in the
# Emirates, not Tartus's).
FAR_SMALL_PENALTY = 1.5
# Where small places may be named without a cue ("سيطرت القوات على الزربة"): the focus.
HOME = frozenset({"SY", "IQ"})
REGION_COUNTRIES = {"SY": 1.0, "IQ": 1.0, "LB": 0.5, "JO": 0.5, "TR": 0.3, "PS": 0.2,
                    "IL": 0.2}
BEARINGS = {"north": 0.0, "east": 90.0, "south": 180.0, "west": 270.0}


@dataclass(frozen=True)
class Resolved:
    """One phrase's outcome: a Place, or why there is none."""

    phrase: PlacePhrase
    place: Place | None
    entry: Entry | None
    reason: str | None = None
    candidates: int = 0


def prior(entry: Entry) -> float:
    if entry.feature in POPULATED_PRIOR:
        return POPULATED_PRIOR[entry.feature] + 0.5 * math.log10(entry.population + 10)
    if entry.feature in AREA_PRIOR:
        return AREA_PRIOR[entry.feature]
    if entry.feature == "neighbourhood":
        return 1.0
    return 3.0  # named facilities and sites


def bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(x, y)) + 360.0) % 360.0


class Geocoder:
    """Finds and resolves places in Arabic (and Latin-script) text with one gazetteer."""

    def __init__(self, gazetteer: Gazetteer, *, default_country: str = "SY",
                 extra_common: Iterable[tuple[str, ...]] = ()) -> None:
        self.gazetteer = gazetteer
        self.default_country = default_country
        self.matcher = Matcher(gazetteer, extra_common)
        self._subdistricts: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        for e in gazetteer.entries:
            if e.feature == "subdistrict" and e.admin1:
                self._subdistricts[(e.country, e.admin1)].append(e)

    # ------------------------------------------------------------------ public

    def places(self, text: str, mentions: Sequence[Mention] = (), *,
               country: str | None = None) -> list[Place]:
        """Every resolved place in ``text`` (spans index ``text``)."""
        return [r.place for r in self.resolve_text(text, mentions, country=country)
                if r.place is not None]

    def resolve_text(self, text: str, mentions: Sequence[Mention] = (), *,
                     country: str | None = None, force: bool = False) -> list[Resolved]:
        """Every place phrase in ``text`` with its outcome (``force``: no cue needed)."""
        view = view_of(text)
        tokens = tokenize(view.text)
        phrases = self.matcher.phrases(view.text, tokens, None if force else view)
        self._apply_mentions(view, phrases, mentions)
        self._block_org_names(tokens, phrases)
        _block_name_tails(tokens, phrases)
        _block_streets(tokens, phrases)
        live = [p for p in phrases if force or p.blocked is None]
        return self._resolve(view, live, country, force)

    def resolve_name(self, name: str, *, country: str | None = None,
                     context: str | None = None) -> Resolved:
        """The best reading of one place name (as typed: clitics and cues allowed).

        ``context`` is text around it (other places in the story) used to disambiguate.
        """
        text = name.strip()
        if not text:
            return Resolved(PlacePhrase(None, 0, 0), None, None, "empty input")
        combined = text if not context else f"{context}\n{text}"
        offset = len(combined) - len(text)
        results = self.resolve_text(combined, country=country, force=True)
        own = [r for r in results if r.phrase.match is not None
               and view_of(combined).to_original(r.phrase.start) >= offset]
        if not own:
            return Resolved(PlacePhrase(None, 0, 0), None, None,
                            f"no gazetteer name found in {text!r}")
        best = max(own, key=lambda r: (r.place is not None, r.phrase.end - r.phrase.start))
        if best.place is not None and best.place.span is not None:
            span = Span(best.place.span.start - offset, best.place.span.end - offset)
            place = _with_span(best.place, span, text)
            return Resolved(best.phrase, place, best.entry, None, best.candidates)
        return best

    # ------------------------------------------------------------------ mentions

    def _apply_mentions(self, view: NormalizedView, phrases: list[PlacePhrase],
                        mentions: Sequence[Mention]) -> None:
        if not mentions:
            return
        places, others, people = [], [], []
        for m in mentions:
            if m.span is None:
                continue
            rng = view.view_span(m.span)
            if m.kind in PLACE_KINDS:
                places.append(rng)
            elif m.kind in NON_PLACE_KINDS:
                (people if m.kind == "PER" and m.source == "model" else others).append(rng)
        # a name the article itself calls a place somewhere («ناحية خان بني سعد», «بريف X») is
        # one the model took for a person's wherever it repeats it
        called = {p.match.key for p in phrases if p.match is not None
                  and (p.region or p.type_cue in POPULATED_CUES)}
        for p in phrases:
            if p.match is None:
                continue
            s, e = p.match.start, p.match.end
            if any((a <= s and e <= b) or (s <= a and b <= e) for a, b in places):
                p.cue_ok = True
                if (p.blocked and "common word" in p.blocked) or (p.blocked or "").startswith(
                        "follows a title"):
                    p.blocked = None
            elif any(a <= s and e <= b for a, b in others) or (
                    p.match.key not in called and any(a <= s and e <= b for a, b in people)):
                p.blocked = "inside a person, organisation or weapon mention"

    def _block_org_names(self, tokens: list[Token], phrases: list[PlacePhrase]) -> None:
        longest = max((len(k) for k in ORG_PHRASES), default=0)
        blocked: list[tuple[int, int]] = []
        words = [t.text for t in tokens]
        for i in range(len(words)):
            for n in range(min(longest, len(words) - i), 1, -1):
                if tuple(words[i:i + n]) in ORG_PHRASES:
                    blocked.append((tokens[i].start, tokens[i + n - 1].end))
                    break
        for p in phrases:
            if p.match and any(a <= p.match.start and p.match.end <= b for a, b in blocked):
                p.blocked = "part of a group's or operation's name"

    # ------------------------------------------------------------------ resolution

    def _candidates(self, p: PlacePhrase) -> tuple[list[Entry], bool]:
        """Entries a phrase may mean, and whether it means the area around them (a facility
        or an admin unit named after a town: precision 2)."""
        assert p.match is not None
        entries = list(p.match.entries)
        key = p.match.key
        if p.type_cue in AREA_CUES or (len(key) > 1 and key[0] in AREA_CUES):
            # ناحية عقيربات / منطقة الباب: the town the unit is named after, when there is
            # one (precision 2: the area around it), else the unit's centroid
            named = entries if p.type_cue in AREA_CUES else self.gazetteer.lookup(key[1:])
            towns = [e for e in named if e.feature in POPULATED]
            if towns:
                return towns, True
        if p.type_cue:
            wanted = TYPE_CUES[p.type_cue]
            kept = [e for e in entries if e.feature in wanted]
            if kept:
                return kept, False
            if p.type_cue in FACILITY_CUES:
                # «مطار حلب»: the facility near the town or area; a site of another kind is
                # no place for it («كتيبة البانوراما» is a battalion, not the roundabout),
                # nor is a whole province («تل واسط» is a village in the Ghab, not Wasit)
                near = [e for e in entries if e.feature in POPULATED or (
                    e.is_area and AREA_FEATURES[e.feature] < 3)]
                return near, True
        if p.region:
            kept = [e for e in entries if e.feature in POPULATED or e.is_area]
            entries = kept or entries
        if p.district:  # «لقضاء الكرمة» is al-Karmah near Fallujah, not Mhardeh in Hama
            entries = [e for e in entries if e.country in DISTRICT_COUNTRIES] or entries
        return _province_first(entries), False

    def _score(self, e: Entry, anchors: list[Entry], shares: dict[str, float],
               country: str | None) -> float:
        """How likely ``e`` is meant, given the other phrases' anchors (see module doc)."""
        s = prior(e)
        if country:
            s += 8.0 if e.country == country else -8.0
        else:
            s += DEFAULT_COUNTRY_BONUS if e.country == self.default_country \
                else REGION_COUNTRIES.get(e.country, 0.0)
            if (e.country not in REGION_COUNTRIES and e.country != self.default_country
                    and e.population < 100_000):
                s -= FAR_SMALL_PENALTY
            s += 2.5 * shares.get(e.country, 0.0)
        if anchors:
            d = min(distance_km(e.lat, e.lon, a.lat, a.lon) for a in anchors)
            near_weight, scale = (5.0, 15.0) if e.feature == "neighbourhood" else (3.0, 40.0)
            s += near_weight * math.exp(-d / scale)
            if e.admin1 and any(a.admin1 == e.admin1 and a.country == e.country
                                for a in anchors):
                s += 0.8
        return s

    def _resolve(self, view: NormalizedView, phrases: list[PlacePhrase],
                 country: str | None, force: bool = False) -> list[Resolved]:
        named = [p for p in phrases if p.match is not None]
        cands = {id(p): self._candidates(p) for p in named}
        named = [p for p in named if cands[id(p)][0]]
        # pass 1: anchors (phrases whose reading is clear without context)
        anchors: dict[int, Entry] = {}
        for p in named:
            entries, _ = cands[id(p)]
            ranked = sorted(((self._score(e, [], {}, country), e) for e in entries),
                            key=lambda pair: pair[0])
            top_score, top = ranked[-1]
            rivals = [e for s, e in ranked[:-1] if top_score - s < 2.5]
            # clear: no close rival, or the close rivals are records of the same place
            # (ريف درعا: the city and the governorate)
            if all(distance_km(top.lat, top.lon, e.lat, e.lon) < 50 for e in rivals):
                anchors[id(p)] = top
        votes = Counter(a.country for a in anchors.values())
        within = _containers(view, phrases, anchors)
        # countries vote for their country but are too large to be near anything
        near_anchors = {k: a for k, a in anchors.items() if a.feature != "country"}
        # pass 2: everything, in text order; anaphora refer to what came before
        out: list[Resolved] = []
        for p in phrases:
            if p.match is None:
                out.append(self._anaphora(view, p, out))
                continue
            entries, facility_near = cands[id(p)]
            if id(p) in within and entries:
                inside = [e for e in entries if _inside(e, within[id(p)])]
                _country, admin1, beside = within[id(p)]
                if not inside and not force and admin1 is not None and not beside and all(
                        e.feature not in ("country", "governorate") for e in entries):
                    out.append(Resolved(p, None, None, "the place named right after it "
                                        "(its province or area) has no place of this name",
                                        len(entries)))
                    continue
                entries = inside or entries
            if not entries:
                out.append(Resolved(p, None, None, "a facility cue before a name that is no "
                                    "town or area (the facility's own name)", 0))
                continue
            far = all(e.country not in REGION_COUNTRIES
                      or (e.country not in HOME and e.population < 100_000) for e in entries)
            # جماله (his beauty) is not جمالة: a foreign name written with a final haa
            pronoun = (all(e.country not in HOME for e in entries)
                       or p.match.key in PRONOUN_LOOKALIKES) and view.original[
                view.span(p.match.start, p.match.end).end - 1] == "ه"
            if not force and len(p.match.key) == 1 and (
                    (far and (not p.cue_ok or p.idafa)) or (pronoun and not p.type_cue)):
                out.append(Resolved(p, None, None, "a foreign or small regional place named "
                                    "without a place cue (a word, or a government's name?)",
                                    len(entries)))
                continue
            others = [a for pid, a in near_anchors.items() if pid != id(p)]
            shares = _shares(votes, anchors.get(id(p)))
            best = max(entries, key=lambda e: self._score(e, others, shares, country))
            if best.feature in ("subdistrict", "district") and not p.type_cue:
                best = self._seat(best)
            stray = self._stray(best, others)
            if stray and not force:
                out.append(Resolved(p, None, None, stray, len(entries)))
                continue
            place = self._place(view, p, best, facility_near)
            out.append(Resolved(p, place, best, None, len(entries)))
        return out

    # ------------------------------------------------------------------ places

    def _place(self, view: NormalizedView, p: PlacePhrase, e: Entry,
               facility_near: bool) -> Place:
        span = view.span(p.start, p.end)
        text = view.original[span.start:span.end]
        name, lat, lon = e.name, e.lat, e.lon
        precision, feature = e.precision, e.feature
        gid, admin1, admin2 = e.id, e.admin1, e.admin2
        if p.region:
            gov = self._governorate_of_capital(e)
            if gov is not None or e.feature == "governorate":
                gov = gov or e
                lat, lon = self._region_point(gov, e, p.direction)
                name = f"{gov.name} countryside" + (f" ({p.direction})" if p.direction else "")
                precision, feature, gid = 3, "region", gov.id
                admin1, admin2 = gov.admin1, None
            else:
                name = f"{e.name} countryside" + (f" ({p.direction})" if p.direction else "")
                precision, feature = max(e.precision, 2), "region"
        elif p.direction and e.feature == "governorate":
            ref = self._reference_city(e)
            lat, lon = self._region_point(e, ref or e, p.direction)
            name = f"{e.name} ({p.direction})"
            precision, feature = 3, "region"
        elif p.near or p.direction or facility_near:
            precision = max(e.precision, 2)
        return Place(name=name, name_ar=e.name_ar, lat=round(lat, 5), lon=round(lon, 5),
                     country=e.country, admin1=admin1, admin2=admin2, gazetteer_id=gid,
                     precision=precision, text=text, span=span, feature=feature)

    def _anaphora(self, view: NormalizedView, p: PlacePhrase, before: list[Resolved]
                  ) -> Resolved:
        assert p.anaphora is not None
        named = [r.entry for r in before if r.entry is not None and r.place is not None
                 and r.phrase.anaphora is None and not r.phrase.region]
        for feature in p.anaphora:
            e = next((e for e in reversed(named) if e.feature == feature), None)
            if e is not None:
                span = view.span(p.start, p.end)
                place = Place(name=e.name, name_ar=e.name_ar, lat=e.lat, lon=e.lon,
                              country=e.country, admin1=e.admin1, admin2=e.admin2,
                              gazetteer_id=e.id, precision=max(e.precision, 2),
                              text=view.original[span.start:span.end], span=span,
                              feature=e.feature)
                return Resolved(p, place, e, None, 1)
        return Resolved(p, None, None, "refers back to a place the text did not name")

    def _stray(self, e: Entry, anchors: list[Entry]) -> str | None:
        """Why a small place is not believable in this story, if it is not: a neighbourhood
        far from every place the story names (حي الخالدية in a story about Aleppo is not
        Homs's), or a village in a country the story's places are not in (قرية النصر in a
        story about Nineveh is not the Palestinian one)."""
        if not anchors:
            return None
        if e.feature == "neighbourhood" and min(
                distance_km(e.lat, e.lon, a.lat, a.lon) for a in anchors) > 30:
            return "a neighbourhood far from every other place in the text (another city's?)"
        if (e.feature == "village" and e.population < 10_000
                and all(a.country != e.country for a in anchors)):
            return "a village in a country none of the text's other places is in"
        if (e.country not in REGION_COUNTRIES and e.population < 100_000
                and e.feature not in ("country", "governorate")
                and all(a.country != e.country for a in anchors)):
            # «مشفى الشفاء» in a story about Idlib is no town in Saudi Arabia
            return "a small place outside the region, in a country none of the text's other " \
                   "places is in"
        return None

    def _seat(self, unit: Entry) -> Entry:
        """The town an admin unit is named after, when it lies within 30 km (كوباني:
        the subdistrict's alias, the town of عين العرب); else the unit itself."""
        best: tuple[float, Entry] | None = None
        for name in unit.all_names():
            for e in self.gazetteer.lookup(name_key(name)):
                if e.feature in POPULATED and e.country == unit.country:
                    d = distance_km(unit.lat, unit.lon, e.lat, e.lon)
                    if d <= 30 and (best is None or d < best[0]):
                        best = (d, e)
        return best[1] if best else unit

    def _governorate_of_capital(self, e: Entry) -> Entry | None:
        """The governorate named like a city (حمص -> Homs governorate), if any."""
        if e.feature not in POPULATED:
            return None
        for key in {name_key(n) for n in e.all_names() if n}:
            for other in self.gazetteer.lookup(key):
                if other.feature == "governorate" and other.country == e.country \
                        and distance_km(e.lat, e.lon, other.lat, other.lon) < 150:
                    return other
        return None

    def _reference_city(self, gov: Entry) -> Entry | None:
        """The city a governorate is named after (ريف دمشق -> Damascus), if any."""
        names = [n for n in gov.all_names() if n]
        names += [n[len("ريف "):] for n in names if n.startswith("ريف ")]
        for n in names:
            for e in self.gazetteer.lookup(name_key(n)):
                if e.feature in POPULATED and e.country == gov.country:
                    return e
        return None

    def _region_point(self, gov: Entry, ref: Entry, direction: str | None
                      ) -> tuple[float, float]:
        subs = self._subdistricts.get((gov.country, gov.admin1 or gov.name), [])
        if direction is None or not subs:
            return gov.lat, gov.lon
        want = BEARINGS[direction]
        picked = [s for s in subs
                  if distance_km(ref.lat, ref.lon, s.lat, s.lon) > 5
                  and abs((bearing(ref.lat, ref.lon, s.lat, s.lon) - want + 180) % 360 - 180)
                  <= 60]
        if not picked:
            return gov.lat, gov.lon
        return (sum(s.lat for s in picked) / len(picked),
                sum(s.lon for s in picked) / len(picked))


# What may stand between a place and the area that contains it («قرية X في ريف حلب»,
# «تلة عثمان بمنطقة جبل التركمان», «ناحية صوران شمالي حلب», «X ضمن قضاء Y»).
CONTAINER_GAP = frozenset({"في", "ب", "ضمن", "التابعه", "التابع", "الواقعه", "الواقع"})
QUOTES = str.maketrans("", "", "«»\"“”()")
# Governorates whose names stand for each other («بلدة دوما بدمشق»).
SAME_ADMIN1 = {"Damascus": "Rif Dimashq"}


def _containers(view: NormalizedView, phrases: Sequence[PlacePhrase],
                anchors: dict[int, Entry]) -> dict[int, tuple[str, str | None, bool]]:
    """For each phrase followed at once by a place whose reading is clear («بلدة الحارة في
    ريف درعا», «تلة عثمان بمنطقة جبل التركمان»), that place's (country, governorate): the
    phrase names a place inside it, and a reading outside it is dropped. A country
    constrains the country only. A place named by a direction from another is often
    beside it («الرمادي غربي بغداد»), so the third item, ``beside``, says a reading inside
    is preferred («ناحية صوران شمالي حلب») but none is dropped."""
    out: dict[int, tuple[str, str | None, bool]] = {}
    for p, q in pairwise(phrases):
        area = anchors.get(id(q))
        if p.match is None or area is None or q.anaphora is not None:
            continue
        gap = view.text[p.end:q.start].translate(QUOTES).split()
        if all(w in CONTAINER_GAP for w in gap):
            admin1 = None if area.feature == "country" else area.admin1
            if area.feature == "country" or admin1 is not None:
                out[id(p)] = (area.country, admin1, bool(q.near or q.direction)
                              and not q.region)
    return out


def _inside(e: Entry, container: tuple[str, str | None, bool]) -> bool:
    """Whether ``e`` may lie in ``container`` (an entry with no governorate may)."""
    country, admin1, _beside = container
    if e.country != country:
        return False
    if admin1 is None or e.admin1 is None:
        return True
    return SAME_ADMIN1.get(e.admin1, e.admin1) == SAME_ADMIN1.get(admin1, admin1)


def _province_first(entries: list[Entry]) -> list[Entry]:
    """A province's name is the province, not the district or subdistrict of the same name
    inside it («ريف دمشق» is not the Markaz Rif Dimashq district, whose centroid lies
    nearer a town named beside it)."""
    provinces = {(e.country, e.admin1) for e in entries if e.feature == "governorate"}
    return [e for e in entries if e.feature not in ("district", "subdistrict")
            or (e.country, e.admin1) not in provinces]


def _shares(votes: Counter[str], own: Entry | None) -> dict[str, float]:
    """Each country's share of the article's anchors, not counting the phrase's own."""
    counts = Counter(votes)
    if own is not None:
        counts[own.country] -= 1
    total = sum(n for n in counts.values() if n > 0)
    return {cc: n / total for cc, n in counts.items() if n > 0} if total else {}


def _block_name_tails(tokens: Sequence[Token], phrases: Sequence[PlacePhrase]) -> None:
    """«قرية حور كلس» is one village the gazetteer lacks, not Kilis: a foreign name with no
    cue of its own, right after a word that follows a village or town cue and is no place
    word, preposition or matched name, is the second word of that settlement's name."""
    matched = [(q.match.start, q.match.end) for q in phrases if q.match is not None]
    starts = {t.start: i for i, t in enumerate(tokens)}
    for p in phrases:
        if p.match is None or p.type_cue or p.blocked or any(
                e.country in HOME for e in p.match.entries):
            continue
        i = starts.get(p.match.start)
        if i is None or i < 2:
            continue
        cue, word, name = tokens[i - 2], tokens[i - 1], tokens[i]
        if (cue.text in SETTLEMENT_WORDS and word.arabic
                and word.start - cue.end == 1 and name.start - word.end == 1
                and word.text not in NEVER_ALONE and word.text not in PREPOSITIONS
                and not any(a <= word.start < b for a, b in matched)):
            p.blocked = "the second word of a settlement's name the gazetteer lacks"


STREETS = frozenset({"شارع", "الشارع", "لشارع", "بشارع", "وشارع", "شارعي"})


def _block_streets(tokens: Sequence[Token], phrases: Sequence[PlacePhrase]) -> None:
    """«شارع بغداد», «شارعي الثورة وبغداد» (in Damascus): a town's name that names a street
    is the street, not the town; the second of two streets is read after the dual."""
    starts = [t.start for t in tokens]
    for p in phrases:
        if p.match is None or p.blocked:
            continue
        i = bisect_right(starts, p.match.start) - 1  # the token holding the name's start
        if i <= 0 or p.match.start >= tokens[i].end:
            continue
        second = i >= 2 and tokens[i].text.startswith("و") and tokens[i - 2].text == "شارعي"
        if tokens[i - 1].text in STREETS or second:
            p.blocked = "a street's name"


def _with_span(place: Place, span: Span, text: str) -> Place:
    return replace(place, span=span, text=text[span.start:span.end])
