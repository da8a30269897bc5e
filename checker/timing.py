"""Time: is the reported conduct inside the window in which a rule can be breached?

A measure binds from its entry into force; where it sets a deadline (2397 para 8:
repatriation by 22 December 2019) it can only be breached by conduct on or after
that day. Activity dates may be known only to the month or year, so each answer is
three-valued: inside, outside, or unknown.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .case import Activity
from .rulebook import Rule
from .vocabulary import Stage, Status


@dataclass(frozen=True)
class TimeCheck:
    inside: bool | None  # None: the dates the case gives cannot settle it
    reason: str
    status_if_outside: Status = Status.NOT_APPLICABLE


def check_time(rule: Rule, activity: Activity, as_of: date) -> TimeCheck:
    window = rule.deadline or rule.in_force
    start, end = activity.period.start, activity.period.end
    what = "the deadline" if rule.deadline else "entry into force"
    if rule.in_force > as_of:
        return TimeCheck(False, f"the measure takes effect on {rule.in_force}, after the case's as-of date {as_of}")
    if end and end.latest < rule.in_force:
        return TimeCheck(False, f"the activity ended ({end}) before the measure took effect on {rule.in_force}")
    if end and end.latest < window:
        return TimeCheck(False, f"the activity ended ({end}) before the deadline of {window}, "
                                "so the obligation was met in time", Status.NO_VIOLATION)
    if rule.conduct == "starting":
        return _starting(start, window, what)
    if start and start.earliest > as_of:
        return TimeCheck(None, f"the activity is dated to start {start}, after the case's as-of date {as_of}")
    if start and start.earliest >= window:
        return TimeCheck(True, f"the activity began {start}, on or after {what} ({window})")
    if end and end.earliest >= window:
        return TimeCheck(True, f"the activity continued until {end}, on or after {what} ({window})")
    if activity.stage is Stage.UNDER_WAY and end is None and as_of >= window:
        since = f"since {start}" if start else "with no start date given"
        return TimeCheck(True, f"the activity is under way {since} as of {as_of}, on or after {what} ({window})")
    return TimeCheck(None, f"the dates given do not show whether the activity continued on or after {what} "
                           f"({window})")


def _starting(start, window: date, what: str) -> TimeCheck:
    """For measures on an act that begins something (admission, authorization): when it began."""
    if start is None:
        return TimeCheck(None, f"the case does not say when the activity began, before or after {what} ({window})")
    if start.latest < window:
        return TimeCheck(False, f"the activity began {start}, before {what} ({window}); the measure covers "
                                "only what begins after it")
    if start.earliest >= window:
        return TimeCheck(True, f"the activity began {start}, on or after {what} ({window})")
    return TimeCheck(None, f"the activity began {start}; the date is too vague to tell whether that was before "
                           f"or after {what} ({window})")
