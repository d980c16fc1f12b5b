"""The filters every report takes: ``--since``, ``--until``, ``--place``, ``--doc``, ``--category``.

A :class:`Filters` says what to keep; the reports ask it row by row, and it counts
what it left out and why (:attr:`Filters.left_out`), so that the command can say so on
stderr: a journalist must know when figures are missing from what she sees.

- ``since`` / ``until``: the row's date lies in ``[since, until]`` (both ends included).
  A row without a date is left out when either is given (it cannot be placed).
- ``place``: the row's place, compared without case (``bærum`` keeps ``Bærum``). Only case
  figures name a place; reports of other kinds do not take it.
- ``docs``: glob patterns (``baerum/*``, ``*logg*``) matched against the document's path and
  against every tail of it, so ``logg.txt`` keeps ``corpus/baerum/logg.txt``. A document
  is kept when any pattern matches.
- ``category``: a list item's category.

Pure: no I/O, nothing printed.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass, field
from fnmatch import fnmatchcase

from ..records import parse_date

#: Why a row was left out, as the stderr note says it.
REASONS = {
    "undated": "without a date",
    "date": "outside --since/--until",
    "place": "of another place (--place)",
    "doc": "in other documents (--doc)",
    "category": "of another category (--category)",
}


@dataclass
class Filters:
    """What a report keeps; :attr:`left_out` counts the rows it dropped, by reason."""

    since: _dt.date | None = None
    until: _dt.date | None = None
    place: str | None = None
    docs: tuple[str, ...] = ()
    category: str | None = None
    left_out: Counter[str] = field(default_factory=Counter)

    @property
    def active(self) -> bool:
        return bool(self.since or self.until or self.place or self.docs or self.category)

    @property
    def dated(self) -> bool:
        """Whether a date range is asked for."""
        return self.since is not None or self.until is not None

    def describe(self) -> str:
        """The filters in force, as options: ``--since 2020-03-20 --place Bærum``.

        >>> Filters(since=_dt.date(2020, 3, 20), place="Bærum").describe()
        '--since 2020-03-20 --place Bærum'
        """
        parts = []
        if self.since:
            parts.append(f"--since {self.since}")
        if self.until:
            parts.append(f"--until {self.until}")
        if self.place:
            parts.append(f"--place {self.place}")
        parts.extend(f"--doc {d}" for d in self.docs)
        if self.category:
            parts.append(f"--category {self.category}")
        return " ".join(parts)

    # -- single tests (no counting) ---------------------------------------------------------

    def doc_ok(self, doc: str) -> bool:
        """Whether ``doc`` matches one of the ``--doc`` patterns (or none is given).

        >>> f = Filters(docs=("baerum/*",))
        >>> f.doc_ok("corpus/baerum/logg.txt"), f.doc_ok("asker/logg.txt")
        (True, False)
        >>> Filters(docs=("logg.txt",)).doc_ok("corpus/asker/logg.txt")
        True
        """
        if not self.docs:
            return True
        path = doc.replace("\\", "/")
        parts = path.split("/")
        tails = [path] + ["/".join(parts[k:]) for k in range(1, len(parts))]
        return any(fnmatchcase(t, p) for p in self.docs for t in tails)

    def date_ok(self, date: _dt.date | str | None) -> bool | None:
        """True or False for a date in or out of the range; None for no date when a range
        is asked for (left out as undated). Without a range, every date is fine."""
        if not self.dated:
            return True
        day = parse_date(date) if isinstance(date, str) else date
        if day is None:
            return None
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )

    def place_ok(self, place: str | None) -> bool:
        return self.place is None or (place or "").casefold() == self.place.casefold()

    # -- the test a report calls per row ----------------------------------------------------

    def keep(
        self,
        *,
        doc: str | None = None,
        date: _dt.date | str | None = None,
        check_date: bool = True,
        place: str | None = None,
        check_place: bool = False,
        category: str | None = None,
        check_category: bool = False,
        weight: int = 1,
    ) -> bool:
        """Whether a row passes every filter asked for; a row left out is counted once
        (``weight`` times: a row that stands for several records), under the first reason
        (doc, date, place, category)."""
        reason = None
        if doc is not None and not self.doc_ok(doc):
            reason = "doc"
        elif check_date and (ok := self.date_ok(date)) is not True:
            reason = "undated" if ok is None else "date"
        elif check_place and not self.place_ok(place):
            reason = "place"
        elif check_category and self.category is not None and category != self.category:
            reason = "category"
        if reason is None:
            return True
        self.left_out[reason] += weight
        return False

    def note(self, noun: str) -> str | None:
        """One sentence on what was left out, or None: ``5 list items left out: 3 without a
        date, 2 outside --since/--until.``

        >>> f = Filters(since=_dt.date(2020, 3, 20))
        >>> f.left_out.update({"date": 2, "undated": 3})
        >>> f.note("list items")
        '5 list items left out: 3 without a date, 2 outside --since/--until.'
        """
        n = sum(self.left_out.values())
        if not n:
            return None
        why = ", ".join(f"{self.left_out[r]} {REASONS[r]}" for r in REASONS if self.left_out[r])
        return f"{n} {noun} left out: {why}."


def parse_day(value: str) -> _dt.date:
    """A ``--since``/``--until`` value: ``2020-03-25``, ``25.03.2020`` or ``25.03.20``.

    >>> parse_day("2020-03-25"), parse_day("25.03.2020"), parse_day("25.3.20")
    (datetime.date(2020, 3, 25), datetime.date(2020, 3, 25), datetime.date(2020, 3, 25))

    Raises:
        ValueError: the value is no such date.
    """
    value = value.strip()
    iso = parse_date(value)
    if iso is not None:
        return iso
    parts = value.split(".")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        day, month, year = (int(p) for p in parts)
        if len(parts[2]) == 2:
            year += 2000
        return _dt.date(year, month, day)
    raise ValueError(f"{value!r} is not a date; write it as 2020-03-25 or 25.03.2020")
