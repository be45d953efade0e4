"""The event detector: triggers per sentence, arguments from the clause around each,
context inheritance, background detection and merging of reports of one event.

One event is one type at one place (GUIDELINES.md §1): a trigger whose clause names
several places gives one event per place; later sentences about the same event (same
type and place, or no place of their own) add their evidence to it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from marsad.claims.lookup import claim_at
from marsad.events.arguments import (
    NAMED_BODIES,
    ONE_SIDED,
    across_border,
    actor_mentions,
    actors_for,
    announcer,
    arms_in_general,
    broader,
    date_for,
    event_sources,
    fatalities_for,
    in_range,
    led_by,
    nationality_actor,
    outside,
    places_for,
    regime_aircraft,
    resolve_sources,
    sentence_claim,
    side_of,
    state_actor,
    subject_spans,
    weapons_for,
)
from marsad.events.casualties import no_dead, one_dead
from marsad.events.context import (
    CONTEXT_SENTENCES,
    SAME_PLACE,
    context_date,
    context_place,
    publication_date,
    same_place,
)
from marsad.events.historical import (
    STATISTIC,
    after_capture,
    has_background_cue,
    in_relative_clause,
    is_earlier_episode,
    is_old,
    is_unreported,
)
from marsad.events.lexicon import EventLexicon
from marsad.events.sentence_filter import told_in
from marsad.events.state_forces import generic_forces, home_country
from marsad.events.taxonomy import Taxonomy, actor_conditions
from marsad.events.triggers import (
    ALONGSIDE,
    TriggerHit,
    alongside_opens,
    connector,
    find_triggers,
    stems,
    toll_clause,
)
from marsad.events.unarmed import unarmed_actors
from marsad.geo.gazetteer import distance_km
from marsad.lexicons.matcher import view_tokens
from marsad.model import Actor, Article, Cue, DateValue, Event, Place, Quantity, Source, Span
from marsad.quantities.find import unnumbered
from marsad.text.normalize import normalize, view_of

# Types whose blows land across a border, in the country named after «الحدود مع»
CROSS_BORDER = frozenset({"air_strike", "shelling"})
# Types reported for lists of places, one event per place; others take the first place.
SPLIT_BY_PLACE = frozenset({"air_strike", "shelling", "bombing", "protest"})
# Types split only over a list of towns or sites (GUIDELINES.md §2: «السيطرة على إدلب وجسر
# الشغور وأريحا» is three captures); «مساحات واسعة من سوريا والعراق» names no occurrence
# per country, and the first place stands for it as before.
SPLIT_BY_TOWN = frozenset({"territory_captured", "battle", "abduction_detention",
                           "withdrawal", "attack_on_civilians"})


# Types that have no dead of their own: a toll told with a withdrawal or an arrest fell
# in the fight or strike beside it («قتلت 15 عنصراً من التنظيم وأجبرت الأخير على
# الانسحاب», «بقتل أبو سياف ... واعتقال آخرين»).
NO_TOLL_TYPES = frozenset({"ceasefire_agreement", "aid_delivery", "arms_supply", "deployment",
                           "withdrawal", "abduction_detention"})


# Types whose perpetrator may be named only as «مقاتلات تركية» (aircraft + nationality).
NATIONAL_TYPES = frozenset({"air_strike", "shelling"})
# Types whose actor1 may be a state named as the subject («نشرت الولايات المتحدة»).
STATE_TYPES = NATIONAL_TYPES | {"deployment", "battle"}


def _with_actor1(actors: list[Actor], state: Actor) -> list[Actor]:
    """``state`` as actor1; a previous armed actor1 becomes the target (actor2) unless
    one is named, an unarmed one keeps its role."""
    has2 = any(a.role == "actor2" and a.inter not in (5, 6, 7) for a in actors)
    out = [state]
    for a in actors:
        if a.name == state.name:
            continue
        if a.role == "actor1":
            role = "associated" if has2 else "actor2"
            has2 = True
            a = Actor(role, a.name, a.text, a.inter, a.span)
        out.append(a)
    return out


@dataclass
class Draft:
    """An event being built: its arguments plus where it sits (sentence index)."""

    type: str
    sentence: int
    trigger: Cue
    evidence: list[Span]
    actors: list[Actor]
    location: Place | None
    date: DateValue | None
    fatalities: Quantity | None
    weapons: list
    sources: list[Source]
    certainty: str
    historical: bool
    headline: bool = False
    inherited: list[str] = field(default_factory=list)
    fighting: bool = False
    """The sentence names fighting («اشتباكات», «معارك»), not only an «attack»."""
    separate: bool = False
    """The sentence says it reports another incident («وفي حادث منفصل»)."""
    anaphor: bool = False
    """A definite noun with no date of its own («الانفجار»): it may refer back to an
    event reported however far before."""
    reference: bool = False
    """The trigger is the object of a head that presupposes the event («منفذ التفجير»,
    «مكان الانفجار», «المسؤولية عن الهجوم»): it names an event already reported."""
    attack: bool = False
    """A definite «attack» noun («الهجوم», «الاعتداء») with no armed target: it may name
    a bombing reported before rather than clashes."""
    orphan: bool = False
    """A definite trigger after the first sentence with a toll but no armed actor («وقال
    المرصد إن الاشتباكات أسفرت عن مقتل 13 شخصا»): it lends its toll and evidence to the
    event reported before and never stands alone."""


# Words that name aircraft or what only aircraft drop, and words that name guns.
AIRBORNE = frozenset({"طيران", "طائرات", "طائره", "مروحي", "مروحيه", "مروحيات", "براميل",
                      "برميل", "مقاتلات"})
GUNS = frozenset({"مدفعي", "مدفعيه", "مدافع", "مدفع", "قذائف", "قذيفه", "هاون", "دبابات",
                  "دبابه", "راجمات", "راجمه", "غراد", "كاتيوشا", "بالقذائف", "بقذائف"})
SHELLING_WORDS = frozenset({"قصف", "قصفا", "قصفت", "قصفه", "قصفها", "قصفهم", "قصفوا"})


def _from_the_air(tokens, hits: list[TriggerHit]) -> list[TriggerHit]:
    """A bare «قصف» in a sentence that names aircraft or barrel bombs, and no gun, beyond
    the trigger's window is a strike from the air («نتيجة استخدام البراميل المتفجرة، حيث
    قُتل العشرات جرّاء قصف قرية قصر البريج»), unless the sentence has a strike of its own."""
    if any(h.type == "air_strike" for h in hits):
        return hits
    readings = {r for t in tokens for r in stems(t.key)}
    if not readings & AIRBORNE or readings & GUNS:
        return hits
    return [replace(h, type="air_strike") if h.type == "shelling" and h.first == h.last
            and set(stems(tokens[h.first].key)) & SHELLING_WORDS else h for h in hits]


def _clusters(tokens, hits: Sequence[TriggerHit]) -> list[TriggerHit]:
    """Triggers of one type in a row count once, the first («اشتباكات ومعارك»), unless
    a connector opens a clause between them («اشتباكات ... في محيط قريتي حندرات، كما
    دارت اشتباكات على أطراف حي الخالدية» are two) or the second says it is another («شن
    الطيران الحربي غارة على مشفى سراقب، استهدفت غارة أخرى مشفى أورينت»), or «قبل أن»,
    «بعد أن» tell one before or after the other («سيطر على مدينة تدمر في أيار 2015، قبل أن
    تستعيدها قوات النظام»)."""
    out: list[TriggerHit] = []
    for hit in hits:
        if out and out[-1].type == hit.type and not _another(tokens, hit) and not any(
                connector(tokens, i) or _sequel(tokens, i)
                for i in range(out[-1].last + 1, hit.first)):
            continue
        out.append(hit)
    return out


def _sequel(tokens, i: int, heads: tuple[str, ...] = ("قبل", "بعد")) -> bool:
    """Whether token ``i`` opens «قبل أن» or «بعد أن» (or «X أن» for another of ``heads``):
    what follows happened at another time."""
    return tokens[i].key in heads and i + 1 < len(tokens) and tokens[i + 1].key == "ان"


def _sequels_between(tokens, a: TriggerHit, b: TriggerHit) -> list[int]:
    """The tokens between two triggers that open «قبل أن» or «بعد أن», in text order. The
    last parts two triggers of one type into clauses of their own (the place and day of
    «قبل أن تستعيدها قوات النظام في آذار 2016» are not the first capture's); from the
    first on, whatever the types, an episode is told that the first trigger's date is not
    taken from («وهاجمت ... بعد أن سيطر عليه التنظيم منذ نهاية الشهر الماضي»)."""
    return [i for i in range(a.last + 1, b.first) if _sequel(tokens, i)]


def _distinct(places: Sequence[Place]) -> list[Place]:
    """One place per gazetteer entry or name («قصف قرى حلب وفي محافظة حلب»: the city and
    the province are one Aleppo for one trigger)."""
    seen: set[str | None] = set()
    out = []
    for place in places:
        keys = {_place_key(place), place.name}
        if not keys & seen:
            seen |= keys
            out.append(place)
    return out


def _towns(places: list[Place]) -> list[Place]:
    """The towns and sites of a list of two or more, else its first place alone."""
    towns = [p for p in places if (p.precision or 3) < 3]
    return towns if len(towns) > 1 else places[:1]


def _lead_sources(article: Article, drafts: list[Draft]) -> None:
    """The lead's events told on nobody's word take the source of the sentence right after
    the lead when it opens with a reporting verb («سيطر تنظيم داعش، أول من أمس، على عدة نقاط
    في محيط حقل جزل النفطي. وذكرت مصادر لـ«الدرر الشامية» أن ...»: the news is attributed
    once, after it is told) when that sentence names the event's actor or place again; after
    later sentences the same reading took sources the gold does not give (dev2 0.689 →
    0.683)."""
    body = [i for i, _ in enumerate(article.sentences)
            if not (i == 0 and _is_headline(article))]
    if len(body) < 2:
        return
    lead, after = body[0], article.sentences[body[1]]
    opening = [c for c in article.claims if c.cue is not None and c.source.span is not None
               and c.source.kind in NAMED_BODIES and c.source.text
               and after.start <= c.cue.span.start <= after.start + LEAD_CUE_CHARS]
    if not opening:
        return  # (a sentence about something else: «وكشفت مصادر سياسية عن أن مبعوث ...»)
    claim = min(opening, key=lambda c: c.cue.span.start)  # type: ignore[union-attr]
    for d in drafts:
        if d.sentence == lead and not d.sources and d.certainty == "asserted" and (
                _named_again(article, d, after)):
            d.sources = event_sources(article.claims, claim)
            d.certainty = claim.certainty


def _named_again(article: Article, d: Draft, sentence: Span) -> bool:
    """Whether ``sentence`` names one of the draft's actors or its place again (not so
    «وكشفت مصادر سياسية عن أن مبعوث الأمم المتحدة ...» after a lead about air raids)."""
    names = {a.name for a in d.actors}
    key = _place_key(d.location)
    return any(m.norm in names for m in article.mentions
               if in_range(m.span, sentence.start, sentence.end)) or (
        key is not None and any(_place_key(p) == key for p in article.places
                                if p.span is not None
                                and in_range(p.span, sentence.start, sentence.end)))


# How far into the sentence after the lead its reporting verb may stand («وذكرت», «وقال
# مصدر ميداني لـ«أورينت نت»»).
LEAD_CUE_CHARS = 8


def _place_key(place: Place | None) -> str | None:
    if place is None:
        return None
    return place.gazetteer_id or place.name or place.text


def _is_headline(article: Article) -> bool:
    if not article.title or not article.sentences:
        return False
    first = article.sentences[0]
    return normalize(article.text[first.start:first.end]).strip() == normalize(
        article.title).strip()


class EventDetector:
    """Finds events in an article whose earlier layers are present."""

    def __init__(self, lexicon: EventLexicon, taxonomy: Taxonomy) -> None:
        self.lexicon = lexicon
        self.taxonomy = taxonomy

    def detect(self, article: Article,
               screen: Callable[[set[int]], bool] | None = None) -> list[Event]:
        """The article's events; ``screen`` (the learned veto) says which, by the sentences
        they are told in, stay; the others lend nothing to the events after them."""
        drafts = _one_action_per_clause(self._drafts(article))
        _captors_seize(drafts)
        merged = _split_air_and_ground([d for d in self._merge(drafts) if not d.orphan])
        for d in merged:
            if d.type == "battle":
                # («اشتباكات عنيفة ... وسط قصف من الطيران المروحي بالبراميل المتفجرة»: what
                # aircraft drop is the air strike's, coded as its own event)
                d.weapons = [w for w in d.weapons if w.category not in FROM_THE_AIR]
        _fighting_dead(merged)
        if screen is not None:
            merged = [d for d in merged
                      if screen(told_in(article, d.trigger.span, d.evidence))]
        _lead_sources(article, merged)
        for d in merged:
            d.sources = resolve_sources(article.claims, d.sources, d.evidence)
        self._inherit(article, merged)
        for d in merged:
            d.actors = unarmed_actors(d.type, d.actors, article.text,
                                      article.sentences[d.sentence], d.trigger.span,
                                      d.location)
        return [self._event(article, d) for d in merged]

    # ------------------------------------------------------------ per sentence

    def _drafts(self, article: Article) -> list[Draft]:
        view = view_of(article.text)

        def original(v: int) -> int:  # a view offset in the original text
            return view.span(v, v).start

        cues = [c.cue.span for c in article.claims if c.cue is not None]
        excluded = [c.source.span for c in article.claims if c.source.span is not None]
        excluded += cues
        headline = _is_headline(article)
        drafts: list[Draft] = []
        for si, sentence in enumerate(article.sentences):
            vs, ve = view.view_span(sentence)
            if _furniture(view.text[vs:ve]):
                continue
            tokens = view_tokens(view.text, vs, ve)
            # «هذا القصف» refers back to an event already reported: never a new one, at
            # most a toll for it («وأسفر هذا القصف عن مقتل 13»)
            found_hits = find_triggers(self.lexicon, tokens)
            referring = [_after_demonstrative(tokens, h) for h in found_hits]
            back = _from_the_air(tokens, [h for h, r in zip(found_hits, referring,
                                                            strict=True) if r])
            hits = _clusters(tokens, _from_the_air(tokens, [
                h for h, r in zip(found_hits, referring, strict=True) if not r]))
            if not hits and not back:
                continue
            fighting = _names_fighting(tokens) if len(hits) > 1 else False
            separate = _separate(tokens)
            triggers = [view.span(h.start, h.end) for h in hits]
            subjects = subject_spans(article.text, [p for p in article.places if in_range(
                p.span, sentence.start, sentence.end)], triggers)
            told: list[Draft] = []
            # (a back-reference's clause ends at the triggers around it; theirs do not end
            # at it)
            every = sorted([*hits, *back], key=lambda h: h.first)
            for group, of_back in ((hits, False), (every, True)):
                # (where «قبل أن», «بعد أن» part a hit from the next, each clause ends there)
                sequels = [_sequels_between(tokens, a, b) for a, b in pairwise(group)]
                cuts = [opens[-1] if opens and a.type == b.type else None
                        for opens, (a, b) in zip(sequels, pairwise(group), strict=True)]
                for ci, hit in enumerate(group):
                    if (hit in back) != of_back:
                        continue
                    trigger = view.span(hit.start, hit.end)
                    lo = sentence.start if not ci else original(
                        group[ci - 1].end if cuts[ci - 1] is None
                        else tokens[cuts[ci - 1]].start)
                    hi = sentence.end if ci + 1 == len(group) else original(
                        group[ci + 1].start if cuts[ci] is None else tokens[cuts[ci]].start)
                    # (the date of the episode told after «بعد أن» is not this one's)
                    episode = [Span(original(tokens[sequels[ci][0]].start), sentence.end)] if (
                        ci + 1 < len(group) and sequels[ci]) else []
                    found = self._from_hit(article, view, tokens, si, sentence, hit,
                                           trigger, lo, hi, excluded, headline and si == 0,
                                           len(group), subjects, cues, episode)
                    if of_back:
                        found = [d for d in found if d.fatalities is not None
                                 and d.fatalities.count is not None]
                    definite = _definite(article.text[trigger.start:trigger.end]) or (
                        _of_a_place(article, trigger))
                    reference = _reference(tokens, hit)
                    another = _another(tokens, hit)
                    for d in found:
                        d.orphan = d.orphan or of_back
                        d.fighting = fighting
                        d.separate = separate or another
                        d.anaphor = definite and d.date is None
                        d.reference = reference
                        d.attack = (d.type == "battle" and definite and not fighting
                                    and not _armed_target(d) and _attack_noun(tokens, hit))
                    told.extend(found)
            drafts.extend(sorted(told, key=lambda d: d.trigger.span.start))
        return drafts

    def _from_hit(self, article: Article, view, tokens, si: int, sentence: Span,
                  hit: TriggerHit, trigger: Span, lo: int, hi: int,
                  excluded: list[Span], headline: bool, n_hits: int,
                  subjects: Sequence[Span] = (), cues: Sequence[Span] = (),
                  episode: Sequence[Span] = ()) -> list[Draft]:
        claim = claim_at(article, trigger)
        if claim.negated or is_unreported(self.lexicon, tokens, hit.first):
            return []
        # «قصفت قوات النظام ...، فيما قضى رجل اثر انفجار»: a new clause has its own actors
        seg = _segment(view, tokens, hit, sentence, hi >= sentence.end, cues)
        # and so does a named speaker's statement after the trigger before: the actors, arms
        # and dead between that trigger and the statement are its («غارة لطيران التحالف ...
        # تسبب في مقتل عشرة عناصر من تنظيم داعش، مضيفة أن التنظيم اشتبك أيضا مع قوات
        # المعارضة», «وفي رد على قصف قوات النظام ... بالبراميل المتفجرة أعلنت كتائب الجيش
        # الأول استهداف مقرات»); not a hedge's («يعتقد أنها ناتجة عن تفجير»)
        own_lo = claim.cue.span.start if claim.cue is not None and lo > sentence.start and (
            claim.source.span is not None and lo <= claim.cue.span.start < trigger.start) else lo
        mentions = actor_mentions(article, max(own_lo, seg.start), min(hi, seg.end), excluded)
        if not mentions and not actor_mentions(article, max(lo, seg.start), min(hi, seg.end),
                                               excluded):
            # a clause «حيث» opens tells who when the trigger's own names nobody
            # («استمرت الاشتباكات العنيفة في محيط الزبداني، حيث تراجعت قوات النظام»,
            # «عناصر التنظيم في نينوى، حيث أقدموا ... على إعدام»)
            seg = _segment(view, tokens, hit, sentence, hi >= sentence.end, cues, where=False)
            mentions = actor_mentions(article, max(own_lo, seg.start), min(hi, seg.end),
                                      excluded)
        if not mentions:
            mentions = actor_mentions(article, seg.start, seg.end, excluded)
            if hit.type in BLASTS:
                # a bombing takes no actor from another trigger's clause unless it is
                # named as responsible («وبعد أربعة أيام على هجوم انتحاري ...، شنّ سلاح الجو
                # التركي غاراته»; but «في هجمات تبنى بعضها داعش»)
                mentions = [m for m in mentions if m.span.start < hi
                            or _responsible(article.text, hi, m.span.start)]
        generic = generic_forces(article, max(own_lo, seg.start), min(hi, seg.end), mentions)
        if generic:  # «قوات الأمن»: the forces of the country the article reports from
            mentions = sorted([*mentions, *[m for m in generic
                                            if outside(m.span, excluded)]],
                              key=lambda m: m.span.start)
        starts = [view.to_view(m.span.start) for m in mentions]
        ends = [view.to_view(m.span.end) for m in mentions]
        actors = list(actors_for(hit.type, mentions, tokens, starts, hit.end, ends))
        subordinate = _subordinate(article, view, tokens, hit, sentence)
        actors = _holders_targeted(article.text, actors, subordinate, hit.type)
        if hit.type not in RECEIVED and not any(a.role == "actor1" for a in actors) and (
                agent := announcer(article, claim, trigger)) is not None:
            actors = [agent, *actors]
        orphan = False
        if hit.needs_armed_actor and not any(a.inter not in (5, 6, 7) for a in actors):
            if si == 0 or not _definite(article.text[trigger.start:trigger.end]):
                return []
            orphan = True  # (kept only if it has a toll, and only to be merged)
        split = hit.type in SPLIT_BY_PLACE or hit.type in SPLIT_BY_TOWN
        # places and dates of a relative or «قبل أن» clause after the trigger describe
        # something else («البلدة التي تقع على بعد 10 كم من عين العرب»)
        # and a state named as the subject of a trigger («أن الولايات المتحدة قصفت») is none
        aside = [*excluded, *subjects, *subordinate]
        # the place and date of a statement («قال في تصريح أدلى به في أنقرة إن ...», «قال
        # بيان اليوم إن ...») are not the event's
        undated = aside + _statement(claim, sentence) + list(episode)
        # (only the statement before the claim: what follows it may be another claim)
        unplaced = aside + _statement(claim, sentence, before_only=True)
        # (a clause with no place of its own looks back, not into the next trigger's
        # clause: «قصفت ... بلدة بسقلا ... كما قصف الطيران ... بلدة تفتناز»)
        across = hit.type in CROSS_BORDER
        places = places_for(article.text, article.places, lo, trigger, hi, unplaced,
                            split, across) or places_for(article.text, article.places,
                                                         sentence.start, trigger, hi,
                                                         unplaced, split, across)
        if hit.type in SPLIT_BY_TOWN:
            places = _towns(places)
        date = date_for(article.dates, lo, trigger, hi, undated) or date_for(
            article.dates, sentence.start, trigger, sentence.end, undated)
        if _to_come(date, article.published):
            return []  # «ستمدد حملتها الجوية ... عامًا آخر»: a plan or forecast (§1)
        dead = _toll(article, trigger, _own_results(article.text, own_lo, trigger, sentence),
                     hi, sentence, n_hits == 1)
        if orphan and (dead is None or dead.count is None):
            return []
        weapons = list(weapons_for(article.mentions, own_lo, hi, article.text))
        if hit.type in ARMS_TYPES and (
                arms := arms_in_general(article.text, own_lo, hi, weapons)) is not None:
            weapons.append(arms)
        cue_text = article.text[trigger.start:trigger.end]
        if hit.type in STATE_TYPES and not any(a.role == "actor1" and a.inter in (1, 8)
                                               for a in actors):
            state = (hit.type in NATIONAL_TYPES and nationality_actor(
                article.text, lo, hi, self.lexicon.nationality)) or state_actor(
                article.text, article.places, trigger, self.lexicon.nationality)
            if state is None and hit.type == "air_strike" and home_country(article) == "SY":
                state = regime_aircraft(article.text, own_lo, hi)
            if state is not None:
                actors = _with_actor1(actors, state)
        if hit.type in ONE_SIDED:
            # (only its own side: «نشر الولايات المتحدة طائرات اف-16 في تركيا لمحاربة تنظيم
            # داعش» deploys against the Islamic State, not beside it)
            first = next((a for a in actors if a.role == "actor1"), None)
            actors = [a for a in actors if a.role != "actor2" and (
                first is None or a is first or side_of(a) == side_of(first))]
        if finder_end := _finding(article.text, trigger):
            # «عثرت الشرطة على جثتين»: who found the bodies did not kill
            actors = [a for a in actors if a.span is None
                      or not trigger.end <= a.span.start < finder_end]
        if not (places or date or actors or dead or weapons) and _definite(cue_text):
            return []  # a bare noun («القصف», «الحرب») with nothing concrete around it
        if hit.alone and not (places or date or dead):
            return []  # «تكريم أبناء قتلى من مقاتلي حزب الله»: dead, but no incident
        said = date or date_for(article.dates, sentence.start, trigger, sentence.end, aside)
        where = places or places_for(article.text, article.places, sentence.start, trigger,
                                     sentence.end, aside, split, across)
        if _generic(cue_text, where, said, dead) and not _named_site(article, lo, hi) and not (
                not _definite(cue_text) and _named_back(article.text, trigger.end, hi)):
            # (a statement's date or town anchors it, and so does a checkpoint or village
            # the gazetteer lacks: «اشتباكات ... في محيط حاجز التاعونة ومحيط بلدة عقرب»)
            return []  # «ضربات جوية ضد التنظيم في سوريا»: a campaign, not one occurrence
        historical = has_background_cue(self.lexicon, tokens, hit.first, date,
                                        article.published) or is_old(
            self.lexicon, date, article.published) or is_earlier_episode(
            tokens, hit.first, date, article.published) or (
            hit.type == "territory_captured"
            and (in_relative_clause(tokens, hit.first, date, article.published)
                 or after_capture(tokens, hit.first, date, article.published)))
        if len(places) > 1 or hit.type in NO_TOLL_TYPES or (dead is not None and (
                (dead.count or 0) >= STATISTIC or unnumbered(dead))):
            # a toll told for several places together belongs to none of them alone, an
            # exchange of bodies or a truce kills no one, a count no single attack
            # reaches is a war's total («أكثر من 40 ألف قتيل منذ 1984»), and «عدد من
            # القتلى» gives no figure (it still anchors the event above)
            dead = None
        told = claim if claim.cue is not None else (
            sentence_claim(article.claims, sentence, trigger) or claim)
        sources = event_sources(article.claims, told)
        cue = Cue(article.text[trigger.start:trigger.end], trigger)
        return [Draft(type=hit.type, sentence=si, trigger=cue, evidence=[sentence],
                      actors=list(actors), location=place, date=date, fatalities=dead,
                      weapons=list(weapons), sources=list(sources),
                      certainty=told.certainty, historical=historical, headline=headline,
                      orphan=orphan)
                for place in (_distinct(places) or [None])]

    # ------------------------------------------------------------ across sentences

    def _merge(self, drafts: list[Draft]) -> list[Draft]:
        out: list[Draft] = []
        for d in drafts:
            target = next((e for e in reversed(out) if self._same(e, d)), None)
            if target is None:
                out.append(d)
                continue
            if d.orphan:  # only its report and its toll (none for one place of several)
                target.evidence.extend(s for s in d.evidence if s not in target.evidence)
                if not any(e is not target and e.trigger.span == target.trigger.span
                           for e in out):
                    target.fatalities = target.fatalities or d.fatalities
                continue
            if target.headline:
                _absorb(d, target)
                out[out.index(target)] = d
                _one_type(d, target)
            else:
                _absorb(target, d)
                _one_type(target, d)
        return out

    @staticmethod
    def _same(earlier: Draft, later: Draft) -> bool:
        if earlier.orphan:
            return False  # (only a later report may lend to an earlier one)
        if (later.separate or earlier.separate) and earlier.sentence != later.sentence:
            return False  # «وفي حادث منفصل»: the text says it is another incident
        blast = earlier.type in BLASTS and (later.type in BLASTS or later.attack)
        # («للتحقيق في التفجير» ... «حيثيات التفجير الإجرامي»: a definite report with no
        # date of its own is the background event named before)
        recalled = earlier.historical and later.date is None and (later.reference
                                                                  or later.anaphor)
        if blast and (earlier.historical == later.historical or recalled) and \
                earlier.sentence != later.sentence and _same_day(earlier.date, later.date) and (
                later.reference or earlier.location is None or later.location is None
                or _same_place(earlier.location, later.location)
                or (later.anaphor and _nested(earlier.location, later.location))
                or ((_region(earlier.location) or _region(later.location)) and _nested(
                    earlier.location, later.location) and _one_toll(earlier, later))):
            # one bombing, however it is named and wherever its reports stand: «انفجار
            # استهدف مركزا ثقافيا» ... «وأدى تفجير انتحاري استهدف المركز في سروج»; a
            # definite one in the country of the town named before («صور التفجير»)
            return True
        if later.reference and earlier.historical == later.historical and _same_kind(
                earlier.type, later.type, True) and _same_day(earlier.date, later.date):
            return True  # «منفذ العملية», «مكان القصف»: the event reported before
        if not _same_kind(earlier.type, later.type, later.anaphor) or (
                earlier.historical != later.historical):
            return False
        if earlier.sentence == later.sentence:
            # «غارات على حلب ... وقصف جوي على حلب»: one type at one own place in one
            # sentence is one event; a list of places («الرقة ودير الزور») stays apart
            return earlier.location is not None and _place_key(
                earlier.location) == _place_key(later.location) and _same_day(
                earlier.date, later.date) and earlier.trigger.span != later.trigger.span
        if earlier.headline:
            return True
        if _told_apart(earlier, later):
            return False  # «قصفها ... مقتل 27» by the army, «قصفت البشمركة ... نحو عشرين»
        if not _same_day(earlier.date, later.date):
            return False  # own dates on different days: two incidents
        same_place = later.location is not None and _same_place(earlier.location,
                                                                later.location)
        if same_place and (earlier.date is None) == (later.date is None) and _same_day(
                earlier.date, later.date):
            return True  # one incident per type, place and day in an article (§1)
        nested = _nested(earlier.location, later.location)
        if later.anaphor:
            return later.location is None or same_place or nested
        if later.sentence - earlier.sentence > CONTEXT_SENTENCES + 1:
            return False
        # (a report with no place of its own followed by one that names it: «أعلنت الشرطة
        # اعتقال ثلاثة أشخاص. واعتقل الثلاثة في شانلي أورفة»)
        # (but an undated report does not absorb one dated of its own: two attacks)
        return later.location is None or same_place or nested or (
            earlier.location is None and (earlier.date is not None or later.date is None))

    @staticmethod
    def _inherit(article: Article, drafts: list[Draft]) -> None:
        triggers = [d.trigger.span for d in drafts]
        first_place = next((p for p in article.places if p.span is not None
                            and not led_by(article.text, p)
                            and not across_border(article.text, p)
                            and not subject_spans(article.text, [p], triggers)), None)
        for i, d in enumerate(drafts):
            previous = [e for e in drafts[:i] if not e.historical
                        and d.sentence - e.sentence <= CONTEXT_SENTENCES]
            if d.location is None and not d.historical:
                said = article.sentences[d.sentence]
                lender = same_place([e.location for e in drafts[:i] if not e.historical]) if (
                    SAME_PLACE.search(normalize(article.text[said.start:said.end]))) else None
                lender = lender or _the_city(article, d)
                lender = lender or next((e.location for e in reversed(previous) if e.location),
                                        None)
                lender = lender or first_place
                if lender is not None:
                    d.location = context_place(lender)
                    d.inherited.append("location")
            if d.date is None and not d.historical:
                own = next((e.date for e in reversed(previous)
                            if e.date and not e.date.inherited), None)
                d.date = context_date(own) if own else publication_date(article.published)
                if d.date is not None:
                    d.inherited.append("date")

    # ------------------------------------------------------------ output

    def _event(self, article: Article, d: Draft) -> Event:
        etype = self.taxonomy.get(d.type)
        conditions = actor_conditions(d.actors)
        plover, _mode = etype.plover_for(conditions)
        key = f"{article.id}:{d.trigger.span.start}:{d.type}:{_place_key(d.location)}"
        return Event(
            id="ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
            article_id=article.id, type=d.type, outlet=article.outlet,
            published=article.published, acled=etype.acled_for(conditions), plover=plover,
            date=d.date, actors=tuple(d.actors), location=d.location,
            fatalities=d.fatalities, weapons=tuple(d.weapons), sources=tuple(d.sources),
            certainty=d.certainty, evidence=tuple(sorted(set(d.evidence))),  # type: ignore[arg-type]
            historical=d.historical, trigger=d.trigger, inherited=tuple(d.inherited))


# «ما أدى إلى», «أسفرت عن»: what follows is the result of the event told before it.
RESULT = re.compile(r"(?<!\w)(?:م?ما\s+)?(?:[وف]?(?:[أا]دى|[أا]دت|[أا]سفر|[أا]سفرت))\s+"
                    r"(?:عن|[إا]لى)(?!\w)")


def _own_results(text: str, lo: int, trigger: Span, sentence: Span) -> int:
    """Where the trigger's own tolls may start: after the clause that tells a toll as the
    result of the trigger before it («قصفت ... بسقلا ما أدى إلى مقتل 3 مواطنين، كما قصف
    الطيران المروحي ... تفتناز»); the result of an event in the trigger's own clause stays
    («هاجم الجيش البلدة مما أدى إلى مقتل 13 شخصا في تكثيف للقصف الجوي»)."""
    if lo <= sentence.start:
        return lo
    found = list(RESULT.finditer(text, lo, trigger.start))
    if not found:
        return lo
    mark = CLAUSE_MARK.search(text, found[-1].end(), trigger.start)
    return lo if mark is None else mark.start()


CLAUSE_MARK = re.compile(r"[،,؛;]|(?<!\w)(?:كما|فيما|بينما)(?!\w)")


def _toll(article: Article, trigger: Span, lo: int, hi: int, sentence: Span,
          alone: bool) -> Quantity | None:
    """The event's dead: a count of killed, else one dead named without a number («مقتل
    جندي»), else none when the text says nobody was hurt («دون أن يسفر ذلك عن إصابات»);
    each looked for in the trigger's clause, then in the whole sentence when the trigger
    is ``alone`` in it."""
    finders = (
        lambda a, b: fatalities_for(article.quantities, a, trigger, b, article.text),
        lambda a, b: one_dead(article.text, article.mentions, a, b),
        lambda a, b: no_dead(article.text, a, b),
    )
    for find in finders:
        dead = find(lo, hi) or (find(sentence.start, sentence.end) if alone else None)
        if dead is not None:
            return dead
    return None


# Words that open a clause describing something other than the event: relative pronouns
# («البلدة التي تقع ...», «التي تسيطر عليها المعارضة منذ 28 مايو») and «قبل أن».
RELATIVES = frozenset({"التي", "الذي", "الذين", "اللتين", "اللذين", "اللتي", "اللواتي"})
CLAUSE_END = "،,.;؛:"
# «في الوقت الذي يتصاعد فيه العنف ... في شمال العراق»: what goes on meanwhile, elsewhere.
TIME_NOUNS = frozenset({"الوقت", "وقت"})
PLACE_NOUNS = frozenset({"بلده", "مدينه", "قريه", "منطقه", "محافظه", "ناحيه", "قضاء",
                         "حي", "بلدات", "مدن", "قري", "مناطق", "بلدتين", "بلدتي",
                         "مدينتين", "قريتين", "البلاد", "بلاد"})


def _subordinate(article: Article, view, tokens, hit: TriggerHit,
                 sentence: Span) -> list[Span]:
    """Spans (original text) of clauses after the trigger that describe a place rather than
    the event, each to the next comma or the sentence end: a relative clause whose
    antecedent is a place («إدلب التي تسيطر عليها المعارضة منذ 28 مايو», «البلدة التي
    تقع على بعد 10 كم من عين العرب») or the time («في الوقت الذي يتصاعد فيه العنف»),
    «قبل أن» clauses, a relative clause on the trigger that tells what it came after
    («الضربات الجوية التي جاءت بعد اتصال هاتفي ... يوم الأربعاء») and what goes on beside
    the event («ترافق ذلك مع الحصار»). Their places and dates are not the event's."""
    place_ends = {view.to_view(p.span.end) for p in article.places if p.span is not None
                  and sentence.start <= p.span.end <= sentence.end}
    out = []
    for i in range(hit.last + 1, len(tokens)):
        key = tokens[i].key
        before = tokens[i - 1]
        relative = key in RELATIVES and (
            any(r in PLACE_NOUNS for r in stems(before.key)) or before.key in TIME_NOUNS
            or any(before.start < e <= before.end + 1 for e in place_ends))
        # («الضربات الجوية التي جاءت بعد اتصال هاتفي ... يوم الأربعاء»: what came before)
        # (not «الاشتباكات التي اندلعت بعد أن شنت ... هجومها في وقت متأخر من الجمعة»: the
        # fight's own start)
        after_what = key in RELATIVES and i <= hit.last + 2 and i + 3 < len(tokens) and (
            tokens[i + 2].key in AFTER_WORDS and tokens[i + 3].key != "ان")
        opens = relative or after_what or _sequel(tokens, i, ("قبل", "وقبل")) or (
            alongside_opens(tokens, i))
        if not opens:
            continue
        ends = [j for j in (view.text.find(c, tokens[i].end) for c in CLAUSE_END) if j != -1]
        span = view.span(tokens[i].start, tokens[i].end)
        stop = view.span(min(ends), min(ends)).start if ends else sentence.end
        out.append(Span(span.start, max(span.end, min(stop, sentence.end))))
    return out


AFTER_WORDS = frozenset({"بعد", "عقب", "اثر"})


# Words that name who is responsible for a bombing («تبنى», «نسبته السلطات إلى», «ينسب إلى»).
RESPONSIBLE = re.compile(r"(?<!\w)(?:[وف]?[يت]?(?:تبن[ىي]|تبنت|تبناه|تبنته|تبناها|تبنوا|نسب|نسبت"
                         r"|نسبه|نسبته|نسبها|يتهم|تتهم|اتهم|اتهمت)\w*|المسؤولي[ةه])(?!\w)")


def _responsible(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names responsibility (a claim or an accusation)."""
    return RESPONSIBLE.search(text, start, end) is not None


FINDING = re.compile(r"^(?:و|ف)?(?:عثرت|عثر|عثروا)$")


def _finding(text: str, trigger: Span) -> int:
    """For a verb of finding («عثرت الشرطة على جثتين»), where its «على» starts (its subject
    is the finder); 0 otherwise."""
    if not FINDING.match(normalize(text[trigger.start:trigger.end])):
        return 0
    at = text.find("على", trigger.end, trigger.end + 60)
    return at if at > 0 else 0


def _to_come(date: DateValue | None, published: dt.date | None) -> bool:
    """Whether the clause's own date starts after the day of publication."""
    start = date and (date.start or date.value)
    return bool(start and published and not date.inherited and start > published)


def _holders_targeted(text: str, actors: list[Actor], clauses: Sequence[Span],
                      kind: str) -> list[Actor]:
    """Who holds the place («بلدة جرابلس التي يسيطر عليها تنظيم داعش») is the other side
    (actor2) of a strike, fight or capture there, else no side at all («هز انفجار بلدة
    رميلان ... التي تسيطر عليها الوحدات الكردية»: the explosion is not theirs)."""
    held = [c for c in clauses if HOLDING.search(normalize(text[c.start:c.end]))]
    if not held:
        return actors
    out = []
    for a in actors:
        if a.span is None or outside(a.span, held):
            out.append(a)
        elif kind in TARGETED and a.role in ("actor1", "actor2"):
            out.append(replace(a, role="actor2"))
    return out


# A relative clause telling who holds a place, and the types whose other side the holder is
HOLDING = re.compile(r"(?:^|\s)(?:[يت]سيطر|سيطره|[يت]تمركز|الخاضعه|خاضعه)(?:\s|$)")
TARGETED = frozenset({"air_strike", "shelling", "battle", "territory_captured"})


def _alongside(tokens, first: int) -> bool:
    """The trigger at token ``first`` follows «تزامنا مع», «ترافقت مع» or «وسط»."""
    before = [t.key for t in tokens[max(0, first - 2):first]]
    return bool(before) and (before[-1] in ("وسط", "ووسط") or (
        len(before) == 2 and before[-1] == "مع" and before[0] in ALONGSIDE))


def _segment(view, tokens, hit: TriggerHit, sentence: Span, last: bool = True,
             cues: Sequence[Span] = (), where: bool = True) -> Span:
    """The trigger's clause, between the connectors around it (original offsets): the
    clause after «فيما», «بينما» has a subject of its own («قصف الطيران المروحي قرية رسم
    العبود، في حين استهدفت الفصائل المقاتلة مواقع قوات النظام»), unless it counts the
    victims and no trigger of the sentence comes after this one (``last``) or opens with
    a reporting verb (one of ``cues``: «فيما زعمت قيادة الحزب أن عنصرين فقط لقيا حتفهما»,
    another version of the same event). «حيث» counts only if ``where``."""
    start, end = sentence.start, sentence.end
    for i in range(hit.first - 1, -1, -1):
        if connector(tokens, i, where):
            start = max(start, view.span(tokens[i].end, tokens[i].end).start)
            # («وفيما تتواصل الحرب ضد «داعش»، سيطرت فصائل المعارضة»: a sentence that opens
            # with it fronts a clause of its own; the main clause follows its comma)
            comma = next((k for k in range(i + 1, hit.first) if tokens[k].key in "،,"),
                         None) if i == 0 else None
            if comma is not None:
                start = max(start, view.span(tokens[comma].end, tokens[comma].end).start)
            break
    if hit.type == "air_strike" and _alongside(tokens, hit.first):
        # «اشتباكات بين قوات المعارضة وقوات النظام، تزامناً مع قصف بالبراميل»: the
        # fighters of the clause before are not the strike's
        start = max(start, view.span(tokens[hit.first].start, tokens[hit.first].start).start)
    for i in range(hit.last + 1, len(tokens)):
        if connector(tokens, i, where) and not (last and toll_clause(tokens, i + 1)) and not (
                i + 1 < len(tokens) and not outside(view.span(tokens[i + 1].start,
                                                              tokens[i + 1].end), cues)):
            first = tokens[i - 1] if tokens[i].key == "حين" else tokens[i]
            end = min(end, view.span(first.start, first.start).start)
            break
    return Span(start, max(start, end))


def _statement(claim, sentence: Span, before_only: bool = False) -> list[Span]:
    """The parts of the sentence outside an attributed claim's content: «قالت الوزارة في
    بيان اليوم الاثنين إن ...» dates the statement, not the event it reports."""
    if claim.cue is None:
        return []
    c = claim.content
    out = []
    if sentence.start < c.start <= sentence.end:
        out.append(Span(sentence.start, c.start))
    if not before_only and sentence.start <= c.end < sentence.end:
        out.append(Span(c.end, sentence.end))
    return out


# Page furniture that web outlets append to an article: a link line repeating the
# headline («رابط الخبر بصحيفة الوئام: ...») and a tag line («سمات داعش غارة»).
FURNITURE = ("رابط الخبر", "سمات ")


def _furniture(sentence: str) -> bool:
    """Whether a sentence (folded, from the article's view) is a link or tag line."""
    return sentence.lstrip().startswith(FURNITURE)


# Types that name how an attack was carried out: a bare «هجوم» next to one of them in a
# sentence is the same attack, not clashes.
STRIKES = frozenset({"air_strike", "shelling", "bombing", "suicide_bombing"})


FIGHTING = ("اشتباك", "اشتبك", "معارك", "معركه", "مواجهات", "اقتتال")


# «وفي حادث منفصل», «في هجوم آخر»: the sentence reports another incident.
SEPARATE = ("منفصل", "منفصله")
OTHER_INCIDENT = frozenset({"حادث", "حادثه", "هجوم", "انفجار", "تفجير"})


def _separate(tokens) -> bool:
    keys = [stems(t.key) for t in tokens[:6]]
    return any(r.startswith(SEPARATE) for rs in keys for r in rs) or any(
        any(r in OTHER_INCIDENT for r in a) and "اخر" in b for a, b in pairwise(keys))


def _names_fighting(tokens) -> bool:
    return any(r.startswith(FIGHTING) for t in tokens for r in stems(t.key))


def _armed_target(d: Draft) -> bool:
    return any(a.role == "actor2" and a.inter not in (5, 6, 7) for a in d.actors)


def _told_apart(a: Draft, b: Draft) -> bool:
    """Two reports that name different perpetrators and different tolls."""
    first = {x.name for x in a.actors if x.role == "actor1"}
    second = {x.name for x in b.actors if x.role == "actor1"}
    tolls = a.fatalities is not None and b.fatalities is not None and (
        a.fatalities.count != b.fatalities.count)
    return bool(first and second) and not first & second and tolls


def _own_shooter(shelling: Draft, strike: Draft) -> bool:
    """A shelling whose subject is named before its verb and is not the strike's: «قوات
    النظام قصفت ... بسقلا ... كما قصف الطيران المروحي ... تفتناز» are two events."""
    theirs = {a.span for a in strike.actors}
    return any(a.role == "actor1" and a.span is not None and a.span not in theirs
               and a.span.end <= shelling.trigger.span.start for a in shelling.actors)


def _same_or_unknown_place(a: Draft, b: Draft) -> bool:
    return a.location is None or b.location is None or _place_key(
        a.location) == _place_key(b.location)


def _one_action_per_clause(drafts: list[Draft]) -> list[Draft]:
    """Drop drafts that another draft of the same sentence already reports (§1):
    clashes that end in a capture («اشتباكات أسفرت عن سيطرة»: one territory_captured),
    an «attack» with no armed opponent that a strike or bombing describes («هاجم الجيش
    البلدة ... في تكثيف للقصف الجوي»), and a bare «قصف» with no weapon named next to
    air strikes on the same place («غارات ... وقصفت وحدات تكتيكية»), and a withdrawal named
    by its verbal noun beside a capture, which implies it (GUIDELINES: «أجبروا خلاله قوات
    النظام على الانسحاب»; «وانسحبت قوات الأسد نحو مستودعات مهين» reports it as an act)."""
    by_sentence: dict[int, list[Draft]] = {}
    for d in drafts:
        by_sentence.setdefault(d.sentence, []).append(d)
    out = []
    for d in drafts:
        others = [e for e in by_sentence[d.sentence] if e is not d
                  and e.historical == d.historical]
        if d.type == "battle" and any(
                e.type == "territory_captured" and _same_day(e.date, d.date)
                for e in others):
            continue
        if d.type == "battle" and not d.fighting and not _armed_target(d) and any(
                e.type in STRIKES for e in others):
            continue
        if d.type == "withdrawal" and _withdrawal_noun(d.trigger.text) and any(
                e.type == "territory_captured" for e in others):
            continue  # («السيطرة على بلدة القرقور ... أجبروا خلاله قوات النظام على الانسحاب»)
        if d.type == "shelling" and not d.weapons and any(
                e.type == "air_strike" and _same_or_unknown_place(e, d)
                and not _own_shooter(d, e) for e in others):
            continue
        out.append(d)
    return out


def _captors_seize(drafts: list[Draft]) -> None:
    """A seizure told with no one seizing takes the actor1 of the capture or fight of its
    sentence («أسفر عن السيطرة على ثلاثة حواجز ...: «واغتنام ما فيها»»: who took the
    checkpoints took what was in them)."""
    for d in drafts:
        if d.type != "weapons_seizure" or any(a.role == "actor1" for a in d.actors):
            continue
        captor = next((a for e in drafts if e.sentence == d.sentence
                       and e.type in ("territory_captured", "battle")
                       and e.historical == d.historical
                       for a in e.actors if a.role == "actor1"), None)
        if captor is not None and all(a.name != captor.name for a in d.actors):
            d.actors = [captor, *d.actors]


def _withdrawal_noun(word: str) -> bool:
    """Whether a withdrawal trigger is the verbal noun («الانسحاب», «بعد انسحاب»)."""
    return "انسحاب" in normalize(word)


DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك", "هذين", "هذان"})
# A bombing reported as an explosion, a suicide attack or a bombing is one event (§1).
BLASTS = frozenset({"bombing", "suicide_bombing"})
# Heads whose object is an event the article has already reported («منفذ التفجير»,
# «مكان الانفجار», «ضحايا القصف», «المسؤولية عن الهجوم», «مشتبه به في تفجير سروج»).
REFERENCE_HEADS = frozenset({"منفذ", "منفذي", "منفذو", "منفذه", "منفذيه", "مكان",
                             "ضحايا", "مرتكب", "مرتكبي", "مرتكبو", "متورطين", "متورط",
                             "مسؤوليه", "مسؤوليته", "مسؤوليتها", "مشتبه", "المشتبه"})
# «في تفجير آخر شرقي المدينة»: the trigger itself says it is another incident.
# «وكانت تظاهرة مماثلة في البصرة ...»: a similar one is another one too.
ANOTHER = frozenset({"اخر", "اخري", "ثان", "ثاني", "ثانيه", "منفصل", "منفصله", "مماثل",
                     "مماثله", "مشابه", "مشابهه",
                     # (with the accusative alef: «وبين أن انفجارا مماثلا وقع»)
                     "ثانيا", "منفصلا", "مماثلا", "مشابها"})
ATTACKS = frozenset({"هجوم", "هجوما", "اعتداء", "اعتداءات", "هجمات"})


def _reference(tokens, hit: TriggerHit) -> bool:
    """Whether the trigger follows a head naming an event as already known (up to three
    tokens back, across «عملية», «به في», «عن»)."""
    return any(r in REFERENCE_HEADS for j in range(max(0, hit.first - 3), hit.first)
               for r in stems(tokens[j].key))


def _another(tokens, hit: TriggerHit) -> bool:
    """The trigger says it is another incident («تفجير آخر», «غارة أخرى»); «آخر» after a
    word whose object is a person is another person («واختطف آخر», «وقتل آخر»)."""
    if hit.last + 1 >= len(tokens) or tokens[hit.last + 1].key not in ANOTHER:
        return False
    return tokens[hit.last + 1].key != "اخر" or not (
        hit.type in PERSON_OBJECT or toll_clause(tokens, hit.first))


# Weapon categories only aircraft use: never a battle's (GUIDELINES §1: strikes are their
# own events).
FROM_THE_AIR = frozenset({"aircraft", "helicopter", "barrel bomb", "air-to-surface missile",
                          "drone", "cluster munition", "bomb"})
# Types whose weapons include arms in general («أسلحة وذخائر», GUIDELINES.md §3).
ARMS_TYPES = frozenset({"weapons_seizure", "arms_supply"})
# Types an announcer may receive rather than do («أعلنت وزارة البيشمركة عن وصول شحنة
# جديدة من الأسلحة الألمانية»).
RECEIVED = frozenset({"arms_supply", "aid_delivery", "deployment", "ceasefire_agreement"})
# Event types whose verbs take a person as object: «آخر» after them is another person.
PERSON_OBJECT = frozenset({"abduction_detention", "attack_on_civilians"})


def _attack_noun(tokens, hit: TriggerHit) -> bool:
    return any(r in ATTACKS for r in stems(tokens[hit.first].key))


def _one_type(into: Draft, other: Draft) -> None:
    """A bombing that one report calls suicide is a suicide bombing."""
    if into.type in BLASTS and "suicide_bombing" in (into.type, other.type):
        into.type = "suicide_bombing"
# Types a back-reference may name differently from the first report («غارات ... هذا
# القصف», «تفجير انتحاري ... الانفجار»).
KINDS = (frozenset({"air_strike", "shelling"}), frozenset({"bombing", "suicide_bombing"}))


def _after_demonstrative(tokens, hit: TriggerHit) -> bool:
    """«هذا القصف», «ويعد هذا التفجير»: the trigger names an event already reported."""
    return hit.first > 0 and any(r in DEMONSTRATIVES for r in stems(tokens[hit.first - 1].key))


def _same_kind(a: str, b: str, anaphor: bool) -> bool:
    return a == b or (anaphor and any(a in k and b in k for k in KINDS))


def _same_place(a: Place | None, b: Place | None) -> bool:
    """One place: the same gazetteer entry, or two entries for one town («كوباني»,
    «عين العرب») within a few km."""
    if a is None or b is None:
        return False
    if _place_key(a) == _place_key(b):
        return True
    # (a border town and its neighbour across the border, «سروج» and «كوباني», are two)
    if a.country != b.country or None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return (a.precision or 3) < 3 and (b.precision or 3) < 3 and distance_km(
        a.lat, a.lon, b.lat, b.lon) <= SAME_KM  # type: ignore[arg-type]


SAME_KM = 15.0


def _one_toll(a: Draft, b: Draft) -> bool:
    """Whether two reports give the same toll or one gives none («30 قتيلا في سلسلة
    تفجيرات ... في العراق» is not the «19 شخصا» of one of them in Baghdad)."""
    return a.fatalities is None or b.fatalities is None or (
        a.fatalities.count == b.fatalities.count)


def _region(place: Place | None) -> bool:
    """A province or region (precision 3): «في محافظة ديار بكر» holds «منطقة ليجي»."""
    return place is not None and place.precision == 3


def _nested(a: Place | None, b: Place | None) -> bool:
    return broader(a, b) or broader(b, a)


def _generic(cue_text: str, places: Sequence[Place], date: DateValue | None,
             dead: Quantity | None) -> bool:
    """A definite or plural noun («الغارات», «ضربات», «عمليات») with no town, no day and
    no toll names a campaign or a kind of action (§1: an event needs one place or one
    day), not one occurrence."""
    key = normalize(cue_text).split()[0]
    if not (_definite(cue_text) or key.endswith("ات")):
        return False
    town = any((p.precision or 3) < 3 for p in places)
    day = date is not None and (date.precision or 3) < 3
    return not (town or day or dead is not None)


SETTLEMENT_CUES = ("بلده", "قريه", "مدينه", "حي", "بلدات", "قري", "مخيم")
# (site heads as the mentions stage stores them, folded; «قاعدة», «ثكنة» and «تلة» were meant
# too but were written unfolded and never matched: adding them is a change to measure)
MILITARY_SITES = frozenset({"حاجز", "مطار", "معبر", "حقل", "سد"})


def _named_site(article: Article, lo: int, hi: int) -> bool:
    """Whether the clause names a site (a checkpoint, airport, crossing, field or dam) or a
    village or town by name (a place mention right after «بلدة», «قرية» ...), geocoded or
    not."""
    for m in article.mentions:
        if not lo <= m.span.start < hi:
            continue
        if m.kind == "FAC" and (m.attrs or {}).get("head") in MILITARY_SITES:
            return True
        if m.kind in ("GPE", "LOC"):
            before = normalize(article.text[max(0, m.span.start - 12):m.span.start]).split()
            if before and before[-1] in SETTLEMENT_CUES:
                return True
    return False


# «في محيط البلدتين», «داخل المدينة» (folded): the towns the article has named.
NAMED_BACK = re.compile(r"(?<!\w)(?:في|داخل|قرب|محيط|اطراف)\s+(?:(?:محيط|اطراف)\s+)?"
                        r"(?:البلدت[يا]ن|البلده|المدينه|القريه|القريت[يا]ن|المخيم)(?!\w)")


def _named_back(text: str, lo: int, hi: int) -> bool:
    """Whether the trigger's clause places it in a town already named («اشتباكات لأكثر من
    ثماني ساعات متواصلة في محيط البلدتين»): one occurrence there, not a campaign (for an
    indefinite trigger: «القصف ... في المدينة» is the strike told before)."""
    return NAMED_BACK.search(normalize(text[lo:hi])) is not None


# «في قصف القوات الحكومية العراقية على المدينة» (folded): the town named last.
THE_CITY = re.compile(r"(?<!\w)(?:علي|في|داخل|وسط) المدينه(?!\w)")
TOWNS = frozenset({"city", "town"})


def _the_city(article: Article, d: Draft) -> Place | None:
    """The place «على المدينة» after the trigger points back to: the last town of the
    article's country named before the trigger, in its sentence or the one before (lent
    like a context place: a draft's own place would merge it with another report there)."""
    trigger = d.trigger.span
    said = article.sentences[d.sentence]
    if not THE_CITY.search(normalize(article.text[trigger.end:said.end])):
        return None
    since = article.sentences[max(0, d.sentence - 1)].start
    home = home_country(article)
    return next((p for p in reversed(article.places) if p.span is not None
                 and since <= p.span.start and p.span.end <= trigger.start
                 and p.feature in TOWNS and p.precision == 1 and p.country == home), None)


def _definite(word: str) -> bool:
    """Whether a trigger is a definite noun («القصف», «والحرب»): used in the abstract
    far more often than a verb («انسحب») is."""
    key = normalize(word)
    return any(key.startswith(p) for p in ("ال", "وال", "فال", "بال", "لل"))


def _of_a_place(article: Article, trigger: Span) -> bool:
    """Whether a place follows the trigger at once, making it definite by construct
    («واستهدف هجوم سوروتش مجموعة من الشبان»: the Suruç attack already reported)."""
    return any(p.span is not None and p.span.start > trigger.end
               and not article.text[trigger.end:p.span.start].strip()
               for p in article.places)


def _same_day(a: DateValue | None, b: DateValue | None) -> bool:
    """Whether two own dates may name the same day (a missing date agrees with any)."""
    if a is None or b is None:
        return True
    a_lo, a_hi = a.start or a.value, a.end or a.value
    b_lo, b_hi = b.start or b.value, b.end or b.value
    if None in (a_lo, a_hi, b_lo, b_hi):
        return a.value == b.value
    # a night straddles two dates: «بعد منتصف ليل أمس» and «اليوم (الجمعة)» can be one raid
    slack = dt.timedelta(days=1 if _night(a) or _night(b) else 0)
    return a_lo <= b_hi + slack and b_lo <= a_hi + slack  # type: ignore[operator]


NIGHT = ("ليل", "الليل", "ليله", "الليله", "فجر", "الفجر", "منتصف")


def _night(d: DateValue) -> bool:
    """Whether a time expression names a night or dawn («ليل أمس», «فجر اليوم»)."""
    return any(w.startswith(NIGHT) or w[1:].startswith(NIGHT)
               for w in normalize(d.text or "").split())


SEIZURES = frozenset({"weapons_seizure"})
FIGHTS = frozenset({"territory_captured", "battle"})


def _fighting_dead(drafts: list[Draft]) -> None:
    """The dead counted next to a seizure of weapons fell in the capture or fight just
    reported («سيطرت ... على حاجز» + «غنموا دبابتين ... فيما قتل 7»): theirs (§1)."""
    for d in drafts:
        if d.type not in SEIZURES or d.fatalities is None:
            continue
        fight = next((e for e in drafts if e.type in FIGHTS and e.fatalities is None
                      and e.historical == d.historical
                      and 0 <= d.sentence - e.sentence <= CONTEXT_SENTENCES), None)
        if fight is not None:
            fight.fatalities, d.fatalities = d.fatalities, None
            fight.evidence.extend(s for s in d.evidence if s not in fight.evidence)


AIR_WEAPONS = frozenset({"aircraft", "helicopter", "drone", "barrel bomb",
                         "air-to-surface missile"})
GROUND_WEAPONS = frozenset({"artillery", "tank", "MLRS", "mortar"})


def _split_air_and_ground(drafts: list[Draft]) -> list[Draft]:
    """«قصفًا عنيفًا من الطيران والمدفعية»: a strike or a shelling whose own clause names
    both aircraft (or barrel bombs) and guns is two events, one per type (GUIDELINES:
    several types at one place), unless the sentence already has the other type there."""
    out: list[Draft] = []
    for d in drafts:
        out.append(d)
        if d.type not in ("air_strike", "shelling"):
            continue
        # a weapon another event of the sentence names is that event's, not this one's
        others = {w.span for e in drafts if e is not d for w in e.weapons}
        air = [w for w in d.weapons if w.category in AIR_WEAPONS and w.span not in others]
        ground = [w for w in d.weapons if w.category in GROUND_WEAPONS and w.span not in others]
        if not air or not ground:
            continue
        other = "shelling" if d.type == "air_strike" else "air_strike"
        if any(e.type == other and e.sentence == d.sentence and _same_or_unknown_place(e, d)
               for e in drafts):
            continue
        moved = ground if other == "shelling" else air
        d.weapons = [w for w in d.weapons if w not in moved]
        out.append(replace(d, type=other, weapons=moved, fatalities=None,
                           evidence=list(d.evidence), actors=list(d.actors),
                           sources=list(d.sources), inherited=list(d.inherited)))
    return out


def _absorb(into: Draft, other: Draft) -> None:
    """Add ``other``'s evidence and the arguments ``into`` lacks (a town named later
    replaces the country or province the first report gave)."""
    into.evidence.extend(s for s in other.evidence if s not in into.evidence)
    if into.location is None or (other.location is not None and into.headline):
        into.location = into.location or other.location
    elif other.location is not None and broader(into.location, other.location):
        into.location = other.location
    into.date = into.date or other.date
    into.fatalities = into.fatalities or other.fatalities
    names = {a.name for a in into.actors}
    into.actors.extend(a for a in other.actors if a.name not in names
                       and not (a.role == "actor1" and any(b.role == "actor1"
                                                           for b in into.actors)))
    wnames = {w.name for w in into.weapons}
    into.weapons.extend(w for w in other.weapons if w.name not in wnames)
    snames = {(s.kind, s.text) for s in into.sources}
    into.sources.extend(s for s in other.sources if (s.kind, s.text) not in snames)
    if into.certainty == "asserted" and other.certainty != "asserted":
        into.certainty = other.certainty
    into.headline = into.headline and other.headline
