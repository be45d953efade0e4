"""Geo fixtures: a hand-made gazetteer of a few places (rounded GeoNames/Open-Syria points)."""

import pytest

from marsad.geo.gazetteer import Entry, Gazetteer
from marsad.geo.geocoder import Geocoder


def E(id, name, ar, lat, lon, cc="SY", feature="town", pop=0, admin1=None, admin2=None,
      names=()):
    return Entry(id=id, name=name, name_ar=ar, lat=lat, lon=lon, country=cc, admin1=admin1,
                 admin2=admin2, feature=feature, population=pop, names=tuple(names))


ENTRIES = [
    E("t:tadmur", "Tadmur", "تدمر", 34.5624, 38.284, pop=51015, admin1="Homs",
      admin2="Tadmur", names=["Palmyra", "Tadmor"]),
    E("t:homs", "Homs", "حمص", 34.724, 36.726, feature="city", pop=775404, admin1="Homs"),
    E("t:homs-gov", "Homs", "حمص", 34.467, 38.3, feature="governorate", admin1="Homs",
      names=["محافظة حمص"]),
    E("t:sokhneh", "Sokhneh", "السخنة", 34.73, 39.24, feature="subdistrict", admin1="Homs"),
    E("t:qabu", "Qabu", "القبو", 34.85, 36.45, feature="subdistrict", admin1="Homs"),
    E("t:raqqa", "Ar Raqqah", "الرقة", 35.953, 39.008, feature="city", pop=531952,
      admin1="Raqqa", names=["Raqqa"]),
    E("t:riqqah-kw", "Ar Riqqah", "الرقة", 29.146, 48.095, cc="KW", pop=52068),
    E("t:ahmadi-kw", "Al Ahmadi", "الأحمدي", 29.077, 48.084, cc="KW", pop=60000),
    E("t:fahaheel-kw", "Al Fahahil", "الفحيحيل", 29.082, 48.130, cc="KW", pop=60000),
    E("t:bab", "Al Bab", "الباب", 36.371, 37.516, feature="city", pop=130745,
      admin1="Aleppo"),
    E("t:aleppo", "Aleppo", "حلب", 36.201, 37.161, feature="city", pop=2098210,
      admin1="Aleppo"),
    E("t:hama", "Hama", "حماة", 35.132, 36.758, feature="city", pop=460602, admin1="Hama"),
    E("t:mosul", "Mosul", "الموصل", 36.335, 43.119, cc="IQ", feature="city", pop=1683000,
      admin1="Nineveh"),
    E("t:zahraa-mosul", "Al-Zahraa (Mosul)", "الزهراء", 36.372, 43.185, cc="IQ",
      feature="neighbourhood", names=["حي الزهراء"]),
    E("t:zahraa-homs", "Al-Zahraa (Homs)", "الزهراء", 34.732, 36.738,
      feature="neighbourhood", names=["حي الزهراء"]),
    E("t:dez", "Deir ez-Zor", "دير الزور", 35.336, 40.141, feature="city", pop=271800,
      admin1="Deir ez-Zor", names=["Deir ez-Zor", "Dayr az Zawr"]),
    E("t:dez-airbase", "Deir ez-Zor Military Airport", "مطار دير الزور العسكري", 35.285,
      40.176, feature="airbase", admin1="Deir ez-Zor", names=["مطار دير الزور"]),
    E("t:thardah", "Jabal al-Thardah", "جبل الثردة", 35.225, 40.18, feature="mountain"),
    E("t:idlib-gov", "Idlib", "إدلب", 35.767, 36.667, feature="governorate", admin1="Idlib",
      names=["محافظة إدلب"]),
    E("t:idlib", "Idlib", "إدلب", 35.931, 36.634, feature="city", pop=128840, admin1="Idlib"),
]


@pytest.fixture(scope="session")
def tiny() -> Gazetteer:
    return Gazetteer.of(ENTRIES)


@pytest.fixture(scope="session")
def geocoder(tiny: Gazetteer) -> Geocoder:
    return Geocoder(tiny)
