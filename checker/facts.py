"""Facts: the flat view of an activity that rules test, and the catalogue of its fields.

A rule names facts by dotted paths (`personnel.nationality`, `receiving_state.country`).
The catalogue is derived from the case models, so the rule language and the case
format cannot drift apart: a rule on a field the case vocabulary lacks is an error.
"""
from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel

from .case import Activity, Case, HostTotals, Location, Personnel, Training
from .types import COUNTRY
from .vocabulary import PartyType, Role

# The blocks of an activity whose fields are facts, by their name in the activity.
BLOCKS: dict[str, type[BaseModel]] = {
    "personnel": Personnel, "training": Training, "location": Location, "host_totals": HostTotals,
}
PARTY_FIELDS = ("country", "type")


@dataclass(frozen=True)
class FactField:
    """One fact a rule can test."""

    path: str
    kind: str  # enum, enum_list, country, int, bool, date, str
    description: str
    question: str
    choices: tuple[str, ...] = ()

    @property
    def is_list(self) -> bool:
        return self.kind == "enum_list"


def _kind_of(annotation: Any) -> tuple[str, tuple[str, ...]]:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    base = args[0] if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union \
        else annotation
    while typing.get_origin(base) is typing.Annotated:
        metadata = typing.get_args(base)[1:]
        if COUNTRY in metadata:
            return "country", ()
        base = typing.get_args(base)[0]
    if typing.get_origin(base) is list:
        (item,) = typing.get_args(base)
        return "enum_list", tuple(m.value for m in item)
    if isinstance(base, type) and issubclass(base, Enum):
        return "enum", tuple(m.value for m in base)
    if base is bool:
        return "bool", ()
    if base is int:
        return "int", ()
    if base is date:
        return "date", ()
    return "str", ()


@cache
def catalogue() -> dict[str, FactField]:
    """Every fact field a rule may name, by path."""
    fields: dict[str, FactField] = {}
    for block, model in BLOCKS.items():
        for name, info in model.model_fields.items():
            if name == "place":
                continue
            kind, choices = _kind_of(info.annotation)
            extra = info.json_schema_extra or {}
            fields[f"{block}.{name}"] = FactField(f"{block}.{name}", kind, info.description or name,
                                                  extra.get("question", name), choices)
    info = Activity.model_fields["committee_exemption"]
    fields["committee_exemption"] = FactField("committee_exemption", "bool", info.description,
                                              info.json_schema_extra["question"])
    for role in Role:
        fields[f"{role.value}.country"] = FactField(
            f"{role.value}.country", "country", f"country of the {role.value.replace('_', ' ')}",
            f"which country the {role.value.replace('_', ' ')} is")
        fields[f"{role.value}.type"] = FactField(
            f"{role.value}.type", "enum", f"what kind of party the {role.value.replace('_', ' ')} is",
            f"who the {role.value.replace('_', ' ')} is", tuple(t.value for t in PartyType))
    return fields


def flatten(activity: Activity, case: Case) -> dict[str, Any]:
    """The stated facts of one activity as {path: plain value}; unstated facts are absent."""
    values: dict[str, Any] = {}
    for block in BLOCKS:
        model = getattr(activity, block)
        if model is None:
            continue
        for name, value in model.model_dump(mode="json", exclude_none=True).items():
            if name != "place" and f"{block}.{name}" in catalogue():
                # the order in which a case lists tasks or categories carries no meaning
                values[f"{block}.{name}"] = sorted(value) if isinstance(value, list) else value
    if activity.committee_exemption is not None:
        values["committee_exemption"] = activity.committee_exemption
    parties = {p.id: p for p in case.parties}
    for role, party_id in activity.parties.items():
        party = parties[party_id]
        values[f"{role.value}.type"] = party.type.value
        if party.country:
            values[f"{role.value}.country"] = party.country
    return values
