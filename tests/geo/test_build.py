"""``marsad geo build`` on a tiny fake shared-data folder: sources, derived admin, checks."""

import json

from marsad.geo.build import build_gazetteer
from marsad.geo.gazetteer import load_gazetteer

HEADER = ("geonameid\tname\tlatitude\tlongitude\tcountrycode\tadmin1code\tpopulation\t"
          "arabic_names\talternatenames\n")


def gov(id_, en, ar, pcode, lat, lon):
    return {"id": id_, "name": {"en": en, "ar": ar}, "aliases": [], "centroid":
            {"latitude": lat, "longitude": lon}, "externalIds": {"ochaPcode": pcode},
            "population": None}


def fake_shared(tmp_path):
    data = tmp_path / "geo" / "opensyria" / "data"
    data.mkdir(parents=True)
    govs = [gov("sy-homs", "Homs", "حمص", "SY04", 34.47, 38.3)]
    dists = [{**gov("sy-homs-tadmur", "Tadmur", "تدمر", "SY0403", 34.6, 38.6),
              "governorateId": "sy-homs"}]
    subs = [{**gov("sy-homs-tadmur-tadmur", "Tadmur", "مركز تدمر", "SY040300", 34.55, 38.3),
             "governorateId": "sy-homs", "districtId": "sy-homs-tadmur",
             "area": {"value": 900}}]
    for name, rows in (("governorates", govs), ("districts", dists), ("subdistricts", subs)):
        (data / f"{name}.json").write_text(json.dumps(rows), encoding="utf-8")
    (tmp_path / "geo" / "cities500_SY_IQ_LB_JO_TR_PS_IL.tsv").write_text(
        HEADER + "163808\tTadmur\t34.5624\t38.28402\tSY\t11\t51015\tتدمر\tPalmyra|Tadmor|tdmr\n",
        encoding="utf-8")
    return tmp_path


CURATED = ("id\tname\tname_ar\taliases\tlat\tlon\tcountry\tadmin1\tfeature\tconfidence_km\t"
           "source\textra\n"
           "# a comment line\n"
           "t4\tTiyas Airbase\tمطار التيفور\tT4\t34.52\t37.63\tSY\tHoms\tairbase\t4\tknowledge\t\n"
           "bad\tNowhere\tلا مكان\t\t10.0\t10.0\tSY\tHoms\tvillage\t1\tknowledge\t\n"
           "dup\tTadmur again\tتدمر\t\t34.56\t38.28\tSY\tHoms\ttown\t1\tknowledge\t\n")


def test_build_compiles_sources_and_flags_bad_curated_rows(tmp_path):
    shared = fake_shared(tmp_path / "shared")
    curated = tmp_path / "curated.tsv"
    curated.write_text(CURATED, encoding="utf-8")
    out = tmp_path / "gaz.tsv.gz"
    report = build_gazetteer(shared, out, curated, world=False)
    assert report.by_source["Open-Syria"] == 3 and report.by_source["marsad curated"] == 3
    assert any("marsad:bad" in p and "outside SY" in p for p in report.problems)
    assert any("marsad:dup" in w and "duplicates geonames:163808" in w for w in report.warnings)
    g = load_gazetteer(out)
    tadmur = g.by_id["geonames:163808"]
    assert (tadmur.admin1, tadmur.admin2, tadmur.feature) == ("Homs", "Tadmur", "town")
    assert "tdmr" not in tadmur.names  # lower-case romanisations are dropped
    assert g.lookup_name("مطار التيفور")[0].id == "marsad:t4"
    # the subdistrict "مركز تدمر" is also indexed under the town's name
    assert "opensyria:SY040300" in {e.id for e in g.lookup_name("تدمر")}
    assert (out.with_name("common_words.tsv")).exists()
