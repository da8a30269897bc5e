"""Small value types shared by the models: identifiers, country codes, dates of known precision."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated

import pycountry
from pydantic import AfterValidator, BeforeValidator, PlainSerializer, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=120)]


def check_country(code: str) -> str:
    if not isinstance(code, str) or pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"'{code}' is not an ISO 3166-1 alpha-2 country code (e.g. KP, RU, CN)")
    return code


class _CountryMark:
    """Marks CountryCode in type metadata, so the fact catalogue can tell country facts apart."""


COUNTRY = _CountryMark()
CountryCode = Annotated[str, AfterValidator(check_country), COUNTRY]


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or country.name if country else code


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def parse_day(value: object) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DAY.match(value):
        raise ValueError(f"'{value}' is not a date written YYYY-MM-DD (e.g. 2017-12-22)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a real calendar date") from None


Day = Annotated[date, BeforeValidator(parse_day), PlainSerializer(lambda d: d.isoformat(), return_type=str)]


@dataclass(frozen=True, order=True)
class Approx:
    """A date known to a year, a month or a day, kept as its earliest and latest possible day.

    Press reports say "October 2024"; an analyst should not have to invent a day.
    """

    earliest: date
    latest: date
    text: str

    def __str__(self) -> str:
        return self.text


def _approx(value: object) -> Approx:
    if isinstance(value, Approx):
        return value
    if type(value) is int and 1000 <= value <= 9999:  # `start: 2012` is read as a number; a year is meant
        value = str(value)
    match = _PARTIAL.match(value) if isinstance(value, str) else None
    if not match:
        raise ValueError(f"'{value}' is not a date written YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return Approx(date(year, 1, 1), date(year, 12, 31), value)
        if day is None:
            return Approx(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), value)
        exact = date(year, month, day)
    except ValueError:
        raise ValueError(f"'{value}' is not a real calendar date") from None
    return Approx(exact, exact, value)


ApproxDate = Annotated[Approx, BeforeValidator(_approx), PlainSerializer(str, return_type=str)]
