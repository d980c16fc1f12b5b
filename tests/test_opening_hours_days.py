"""opening_hours: the weekday pattern reads exactly dates.WEEKDAYS, in every place days stand."""

import regex

from kommunetekst.dates import WEEKDAYS
from kommunetekst.document import Document
from kommunetekst.extractors import opening_hours
from kommunetekst.extractors.opening_hours import _WD, extract


def test_weekday_pattern_is_the_weekdays() -> None:
    wd = regex.compile(f"(?:{_WD})", regex.VERBOSE | regex.IGNORECASE)
    assert all(wd.fullmatch(w) for w in WEEKDAYS)
    # One word per stem and ending: as many words as WEEKDAYS, so no other word.
    assert 2 * len(opening_hours._DAGEN) + len(opening_hours._DAG) == len(WEEKDAYS)
    for near in ("dag", "mandage", "tysdagen", "lørdagene"):
        assert not wd.fullmatch(near)


def test_every_weekday_after_a_range() -> None:
    for w in WEEKDAYS:
        for form in (w, w.capitalize()):
            (m,) = extract(Document(f"Kontoret er åpent kl. 9-15 {form}.", "-"))
            assert m.fields["days"] == form


def test_every_weekday_as_a_heading_above() -> None:
    for w in WEEKDAYS:
        for form in (w, w.capitalize()):
            for heading in (form, f"{form}:"):
                (m,) = extract(Document(f"{heading}\n09.00-15.00", "-"))
                assert m.fields["days"] == form


def test_every_weekday_pair_with_a_slash_and_til_og_med() -> None:
    for a, b in (("lørdag", "søndag"), ("laurdag", "sundag"), ("mandag", "fredag")):
        for days in (f"{a}/{b}", f"{a} til og med {b}"):
            (m,) = extract(Document(f"Åpent {days} kl. 10-14.", "-"))
            assert m.fields["days"] == days
