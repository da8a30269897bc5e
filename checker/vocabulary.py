"""The controlled vocabulary of case files: what a fact may say, and what each value means.

Each enum documents its values, so that `sanctions-check` can print them in error
hints and the README can list them. New values are added here (and only here) as
new measures need them; rule files are checked against this vocabulary.
"""
from __future__ import annotations

from enum import StrEnum


class Documented(StrEnum):
    """A StrEnum whose members carry a one-line meaning (the tuple's second item)."""

    def __new__(cls, value: str, meaning: str = ""):
        member = str.__new__(cls, value)
        member._value_ = value
        member.meaning = meaning
        return member

    @classmethod
    def choices(cls) -> str:
        return ", ".join(m.value for m in cls)


class ActivityKind(Documented):
    PERSONNEL_DEPLOYMENT = ("personnel_deployment", "people sent from one state to work, serve or fight in "
                                                    "another: workers, troops, builders, deminers")
    MILITARY_TRAINING = ("military_training", "military, paramilitary or police training, advice or "
                                              "instruction given by one party to another")


class Stage(Documented):
    ANNOUNCED = ("announced", "declared or planned; that it took place is not established")
    UNDER_WAY = ("under_way", "reported as taking place")
    COMPLETED = ("completed", "reported as having taken place and ended")


class PartyType(Documented):
    STATE = ("state", "a state; `country` is its ISO 3166 code")
    ENTITY = ("entity", "a company, bank, ministry unit or other organisation")
    PERSON = ("person", "an individual")
    VESSEL = ("vessel", "a ship; `country` is its flag state")


class Role(Documented):
    SENDING_STATE = ("sending_state", "the state that sends the personnel")
    RECEIVING_STATE = ("receiving_state", "the state in whose territory or jurisdiction the personnel serve or work")
    EMPLOYER = ("employer", "whoever employs or directs the personnel")
    PROVIDER = ("provider", "whoever gives the training, goods or services")
    RECIPIENT = ("recipient", "whoever receives the training, goods or services")


class PersonnelCategory(Documented):
    WORKER = ("worker", "civilian labourers, e.g. construction, factory, restaurant, IT or logging workers")
    MILITARY_BUILDER = ("military_builder", "construction units of the armed forces")
    DEMINER = ("deminer", "military engineers or sappers clearing mines and unexploded ordnance")
    COMBAT_TROOPS = ("combat_troops", "soldiers deployed to fight or to hold ground")
    MILITARY_ADVISER = ("military_adviser", "officers advising another state's forces")
    MILITARY_TRAINER = ("military_trainer", "instructors training soldiers")
    POLICE_TRAINER = ("police_trainer", "instructors training police or paramilitary forces")
    OFFICIAL = ("official", "government officials")
    SAFETY_OVERSIGHT_ATTACHE = ("safety_oversight_attache",
                                "DPRK government attachés who monitor DPRK workers abroad")
    STUDENT = ("student", "people admitted to study")
    DIPLOMAT = ("diplomat", "members of a diplomatic or consular mission")


class Task(Documented):
    COMBAT = ("combat", "fighting or holding positions")
    WEAPONS_OPERATION = ("weapons_operation", "operating weapons systems, e.g. artillery, missiles, drones")
    ORDNANCE_CLEARANCE = ("ordnance_clearance", "clearing mines and unexploded ordnance")
    WEAPONS_MAINTENANCE = ("weapons_maintenance", "maintaining, repairing or servicing arms")
    CONSTRUCTION = ("construction", "building or rebuilding structures and infrastructure")
    LOGISTICS = ("logistics", "transport and supply")
    TRAINING_OTHERS = ("training_others", "training or advising others")
    MEDICAL = ("medical", "medical care")
    SERVICES = ("services", "civilian services, e.g. restaurants, IT, health care")
    MANUFACTURING = ("manufacturing", "factory or workshop production")
    OTHER = ("other", "anything else: say what in the activity summary")


class Remuneration(Documented):
    UNPAID = ("unpaid", "no pay or other value goes to anyone for the work")
    WAGES_TO_PERSON = ("wages_to_person", "the person receives wages or a salary")
    WAGES_SHARED_WITH_STATE = ("wages_shared_with_state",
                               "wages are paid, and part is taken by the DPRK state or its agents")
    PAID_TO_STATE = ("paid_to_state", "money for the work is paid to the DPRK state or its entities, not the person")
    IN_KIND_TO_STATE = ("in_kind_to_state", "the DPRK state receives goods, fuel, technology or services for the work")


class TrainingType(Documented):
    MILITARY = ("military", "training of armed forces")
    PARAMILITARY = ("paramilitary", "training of paramilitary forces")
    POLICE = ("police", "training of police forces")


class ArmsCategory(Documented):
    MAJOR_CONVENTIONAL = ("major_conventional",
                          "the UN Register categories: battle tanks, armoured combat vehicles, large-calibre artillery, "
                          "combat aircraft, attack helicopters, warships, missiles and missile systems")
    SMALL_ARMS = ("small_arms", "small arms and light weapons and their related materiel")
    WMD_MISSILE = ("wmd_missile", "nuclear, ballistic missile or other weapons of mass destruction items")
    OTHER_MATERIEL = ("other_materiel", "other arms and related materiel, e.g. ammunition, drones, electronic warfare")


class SourceKind(Documented):
    STATE_MEDIA = ("state_media", "state-controlled news agency or broadcaster (e.g. TASS, KCNA)")
    GOVERNMENT = ("government", "a government's official statement or publication")
    INTELLIGENCE = ("intelligence", "an intelligence service's assessment, usually as relayed by others")
    UN_DOCUMENT = ("un_document", "a UN document: resolution, Panel of Experts report, Committee note")
    MONITORING_TEAM = ("monitoring_team", "the Multilateral Sanctions Monitoring Team or a similar group of states")
    NEWS = ("news", "an independent news organisation")
    RESEARCH = ("research", "a think tank or academic publication")
    OTHER = ("other", "anything else")


class Reliability(Documented):
    """The Admiralty code's grade of a source's record, A (best) to F (cannot be judged)."""

    A = ("A", "completely reliable")
    B = ("B", "usually reliable")
    C = ("C", "fairly reliable")
    D = ("D", "not usually reliable")
    E = ("E", "unreliable")
    F = ("F", "reliability cannot be judged")


class Status(Documented):
    VIOLATION = ("violation", "all conditions established, no exception applies")
    POSSIBLE_VIOLATION = ("possible_violation", "nothing established false, something unknown")
    EXEMPT = ("exempt", "the conditions hold, but an exception applies")
    NO_VIOLATION = ("no_violation", "a condition is established false")
    NOT_APPLICABLE = ("not_applicable", "outside the rule's time window or scope")


class Confidence(Documented):
    HIGH = ("high", "every decisive fact rests on sound sources from two publishers, or on an "
                    "A/B source rated confirmed or probably true")
    MEDIUM = ("medium", "every decisive fact rests on at least one fairly reliable source (A-C) "
                        "rated at least possibly true (1-3)")
    LOW = ("low", "some decisive fact rests only on weaker sources")


# How sure each status can be, strongest first: used to sort findings for readers.
STATUS_ORDER = [Status.VIOLATION, Status.POSSIBLE_VIOLATION, Status.EXEMPT, Status.NO_VIOLATION,
                Status.NOT_APPLICABLE]
