"""Smoke tests: the claims layer on the bundled sample articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ingest import IngestOptions, read_inputs
from marsad.model import Article
from marsad.pipeline import Pipeline

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "marsad" / "resources" / "samples"


@pytest.fixture(scope="module")
def claims_by_sample():
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["text.v1", "claims.v1"]}})
    out = {}
    for path in sorted(SAMPLES.glob("0*")):
        articles = [r for r in read_inputs([str(path)], IngestOptions()) if isinstance(r, Article)]
        for n, article in enumerate(articles):
            done = pipeline(article)
            assert done.errors == ()
            out[f"{path.name[:2]}{'' if n == 0 else chr(ord('a') + n)}"] = done
    return out


def kinds(article):
    return [(c.cue.text, c.source.kind, c.certainty, c.negated) for c in article.claims]


def test_sample_01_anonymous_source_chain_and_unverified(claims_by_sample):
    a = claims_by_sample["01"]
    first = a.claims[0]
    assert first.source.text == "مصدر تابع للنظام رفض الكشف عن اسمه"
    assert [c.cue.text for c in a.claims[:3]] == ["كشف", "وأوضح", "وأضاف"]
    assert all(c.source.kind == "anonymous" for c in a.claims)
    assert all(c.certainty == "hedged" for c in a.claims)  # «ولم يتسن لأورينت نت التحقق»


def test_sample_02_defector_twitter_and_denial(claims_by_sample):
    a = claims_by_sample["02"]
    assert a.claims[0].source.kind == "person" and a.claims[0].source.name == "أحمد الرحال"
    assert any(c.source.kind == "social_media" for c in a.claims)
    denial = next(c for c in a.claims if c.cue.text == "نفت")
    assert denial.negated and denial.source.name == "SANA"


def test_sample_03_observatory_activists_civil_defence(claims_by_sample):
    a = claims_by_sample["03"]
    got = {c.source.text: c.source.kind for c in a.claims if c.source.text}
    assert got["المرصد السوري لحقوق الإنسان"] == "observers"
    assert got["ناشطون"] == "observers"
    assert got["مدير الدفاع المدني في المدينة"] == "person"
    assert any(c.cue.text == "يُعتقد" and c.certainty == "hedged" for c in a.claims)


def test_sample_04_amaq(claims_by_sample):
    a = claims_by_sample["04"]
    first = a.claims[0]
    assert first.cue.text == "بحسب ما نقلت" and first.source.name == "Amaq News Agency"
    assert a.text[first.content.start : first.content.end].startswith("سيطر تنظيم الدولة")


def test_sample_05_joint_operations_and_security_source(claims_by_sample):
    a = claims_by_sample["05"]
    assert a.claims[0].source.name == "Joint Operations Command (Iraq)"
    assert a.claims[1].source.kind == "anonymous"
    assert "طلب عدم الكشف عن اسمه" in a.claims[2].source.text


def test_sample_06_turkish_ministry_and_local_sources(claims_by_sample):
    a = claims_by_sample["06"]
    assert [c.source.kind for c in a.claims] == ["official", "official", "anonymous"]
