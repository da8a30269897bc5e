"""A case file: the reported activities, the parties to them and the sources behind them.

Models are pure data with validation at the edge: unknown fields are errors, and a
fact the reporting does not state is left out (it is unknown, never false).
"""
from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from .types import ApproxDate, CountryCode, Day, Slug
from .vocabulary import (ActivityKind, ArmsCategory, PartyType, PersonnelCategory, Reliability, Remuneration, Role,
                         SourceKind, Stage, Status, Task, TrainingType)

Credibility = Annotated[int, Field(ge=1, le=6, description="Admiralty credibility: 1 confirmed ... 6 cannot be judged")]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_enum_values=False)


def fact(description: str, question: str, **kwargs):
    """A case fact a rule may test; `question` is how a missing value is asked for in findings."""
    return Field(default=None, description=description, json_schema_extra={"question": question}, **kwargs)


class CaseHeader(Model):
    id: Slug
    title: str
    as_of: Day = Field(description="the date the case describes the facts as of")
    summary: str = ""


class Source(Model):
    id: Slug
    publisher: str
    title: str = ""
    date: Day
    url: HttpUrl | None = None
    kind: SourceKind
    reliability: Reliability = Field(description="Admiralty reliability of the source, A to F")
    credibility: Credibility
    notes: str = ""


class Party(Model):
    id: Slug
    type: PartyType
    name: str
    country: CountryCode | None = Field(default=None, description="state: its code; entity: where it is based; "
                                                                  "person: nationality; vessel: flag")
    identifiers: dict[str, str] = Field(default_factory=dict)
    aliases: list[str] = Field(default_factory=list)


class Period(Model):
    start: ApproxDate | None = None
    end: ApproxDate | None = None

    @model_validator(mode="after")
    def _ordered(self):
        if self.start and self.end and self.end.latest < self.start.earliest:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        return self


class Location(Model):
    country: CountryCode | None = fact("the country where the activity takes place", "where the activity takes place")
    place: str = ""


class Personnel(Model):
    nationality: CountryCode | None = fact("nationality of the personnel", "the nationality of the personnel")
    second_nationality: CountryCode | None = fact(
        "a second nationality the personnel hold, if any", "whether the personnel hold a second nationality, and which")
    category: PersonnelCategory | None = fact("what kind of personnel they are", "what kind of personnel they are")
    count: int | None = fact("how many people", "how many people were sent", ge=0)
    military: bool | None = fact("serving members of armed forces", "whether they are serving military personnel")
    sent_by_state: bool | None = fact("sent or organised by the sending state",
                                      "whether the sending state sent or organised them")
    # List facts are never empty: durable_rules' "every item" test is false on an empty list
    # where logic says true, so an empty list would make the engine and the reasoning disagree.
    tasks: list[Task] | None = fact("what they do", "what tasks they perform", min_length=1)
    arms_categories: list[ArmsCategory] | None = fact(
        "which arms they use, operate or service", "which categories of arms they use, operate or service",
        min_length=1)
    remuneration: Remuneration | None = fact("who is paid for their work, and how",
                                             "whether they are paid, and to whom the pay goes")
    work_authorization: bool | None = fact("granted work authorizations (permits) by the receiving state",
                                           "whether the receiving state issued work authorizations")
    contract_concluded: Day | None = fact("date the written employment contract was finalised",
                                          "when the written employment contract was finalised")
    repatriation_barred: bool | None = fact(
        "return is prohibited under national or international law (refugee or human rights law)",
        "whether national or international law (non-refoulement) bars their return")
    un_privileges: bool | None = fact(
        "covered by the UN Headquarters Agreement or the Convention on Privileges and Immunities",
        "whether they serve at the UN under its Headquarters Agreement or privileges and immunities")


class Training(Model):
    type: TrainingType | None = fact("military, paramilitary or police training", "what kind of training it is")
    arms_related: bool | None = fact("the training concerns the use, maintenance or provision of arms",
                                     "whether the training concerns arms and related materiel")
    arms_categories: list[ArmsCategory] | None = fact("which arms the training concerns",
                                                      "which categories of arms the training concerns", min_length=1)
    trainer_nationality: CountryCode | None = fact("nationality of the trainers", "the trainers' nationality")
    trainee_nationality: CountryCode | None = fact("nationality of the trainees", "the trainees' nationality")
    trainee_count: int | None = fact("how many were trained", "how many were trained", ge=0)


class HostTotals(Model):
    """Aggregates the receiving state reports, for measures that cap totals rather than acts."""

    dprk_work_authorizations: int | None = fact(
        "work authorizations held by DPRK nationals in the receiving state during the activity",
        "how many work authorizations DPRK nationals held in the receiving state", ge=0)
    dprk_work_authorizations_2017_08_05: int | None = fact(
        "work authorizations held by DPRK nationals there on 5 August 2017",
        "how many work authorizations DPRK nationals held there on 5 August 2017", ge=0)


class Claim(Model):
    """What a party says about the activity: weighed and shown, never taken as a fact."""

    by: Slug = Field(description="party id of who makes the claim")
    text: str
    source: Slug
    bears_on: list[str] = Field(default_factory=list, description="fact fields the claim speaks to")


class Activity(Model):
    id: Slug
    kind: ActivityKind
    title: str
    summary: str = ""
    stage: Stage
    parties: dict[Role, Slug] = Field(default_factory=dict)
    period: Period = Period()
    location: Location = Location()
    personnel: Personnel | None = None
    training: Training | None = None
    host_totals: HostTotals | None = None
    committee_exemption: bool | None = fact("the 1718 Committee approved this activity case by case",
                                            "whether the 1718 Committee approved it")
    sources: list[Slug] = Field(min_length=1, description="sources reporting the activity")
    evidence: dict[str, list[Slug]] = Field(default_factory=dict,
                                            description="fact field -> the sources for that fact, where they differ "
                                                        "from the activity's sources")
    claims: list[Claim] = Field(default_factory=list)


class BackgroundEvent(Model):
    """Context the findings do not test but readers need (a treaty, a prior report)."""

    date: ApproxDate
    text: str
    sources: list[Slug] = Field(min_length=1)


class Expectation(Model):
    rule: Slug
    activity: Slug | None = None
    status: Status
    reading: Slug | None = None


class Case(Model):
    case: CaseHeader
    sources: list[Source] = Field(min_length=1)
    parties: list[Party] = Field(default_factory=list)
    activities: list[Activity] = Field(min_length=1)
    background: list[BackgroundEvent] = Field(default_factory=list)
    expect: list[Expectation] = Field(default_factory=list)
