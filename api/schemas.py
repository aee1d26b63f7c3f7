"""What the API answers, as OpenAPI documents it (pydantic models through django-ninja)."""

from __future__ import annotations

import datetime
from typing import Annotated

from ninja import Schema
from pydantic import AfterValidator, Field


def _no_nul(value: str) -> str:
    """PostgreSQL stores no NUL character: refuse it as bad input (400), as the forms do."""
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]


class Error(Schema):
    detail: str = Field(description="What went wrong, for a person to read.")


class FieldError(Schema):
    field: str
    message: str


class BadRequest(Schema):
    detail: str
    errors: list[FieldError] = []


class Ref(Schema):
    id: int
    name: str


class Year(Schema):
    year: int
    co_chairs: list[str]
    penholder: str | None
    meetings: int = Field(description="Meetings of the year the caller may see.")
    url: str


class Step(Schema):
    id: int
    key: str
    label: str
    responsible: str
    due: datetime.date
    state: str
    done_on: datetime.date | None
    version: int = Field(description="Send it back when marking the step done: a change made since is refused.")


class Meeting(Schema):
    id: int
    year: int
    kind: str
    subject: str
    situation: Ref | None
    theme: str
    date: datetime.date | None
    status: str | None = Field(description="Null for the public, which sees only published records.")
    symbol: str
    follows_up: int | None
    url: str


class MeetingDetail(Meeting):
    timeline: list[Step] | None = Field(description="The preparation timeline: for signed-in callers only.")


class StatusChange(Schema):
    from_status: str
    to_status: str
    changed_on: datetime.date
    resolution_symbol: str
    operative_paragraph: str
    evidence_date: datetime.date | None
    link: str
    note: str


class Recommendation(Schema):
    id: int
    meeting: int
    year: int
    situation: Ref | None
    text: str
    addressee: str
    action_type: str
    target_mission: str | None
    status: str | None = Field(description="Null for the public, which reads what the documents print.")
    next_review: datetime.date | None = None
    version: int | None = Field(None, description="Send it back when changing the status.")
    url: str


class RecommendationDetail(Recommendation):
    status_changes: list[StatusChange] | None = Field(description="With their evidence; null for the public.")


class Document(Schema):
    meeting: int
    year: int
    subject: str
    kind: str = Field(description="“summary” or “background_note”.")
    status: str
    symbol: str
    date: datetime.date | None = Field(description="A summary's issue date; a note's date.")
    title: str
    url: str
    pdf_url: str | None


class Mission(Schema):
    id: int
    acronym: str
    name: str
    kind: str
    situation: Ref
    mandate_expiry: datetime.date | None
    renewal_note: str
    active: bool


class NetworkMember(Schema):
    id: int
    name: str
    acronym: str
    kind: str
    region: str
    joined_on: datetime.date | None
    left_on: datetime.date | None


class ActionPoint(Schema):
    id: int
    meeting: int
    group: str
    text: str
    owners: str
    deadline_text: str
    due: datetime.date | None
    status: str
    progress: str


class NetworkMeeting(Schema):
    id: int
    kind: str
    title: str
    start_date: datetime.date
    end_date: datetime.date | None
    city: str
    host: str | None
    status: str
    url: str


class NetworkMeetingDetail(NetworkMeeting):
    action_points: list[ActionPoint]


class StepDone(Schema):
    version: int = Field(description="The step's version as last read.", ge=0, le=2**31)
    note: Text = Field("", max_length=500)
    done_on: datetime.date | None = Field(None, description="The day it happened, never after today. Default today.")


class StatusChangeIn(Schema):
    to_status: Text = Field(max_length=40)
    changed_on: datetime.date
    version: int = Field(description="The recommendation's version as last read.", ge=0, le=2**31)
    resolution_symbol: Text = Field("", max_length=40)
    operative_paragraph: Text = Field("", max_length=40)
    evidence_date: datetime.date | None = None
    link: Text = Field("", max_length=200)
    note: Text = Field("", max_length=5000)


def page_of(item: type[Schema], name: str) -> type[Schema]:
    """A page of ``item`` rows: the total count, where this page starts, and the rows in a stable order."""
    return type(
        name,
        (Schema,),
        {
            "__annotations__": {"count": int, "page": int, "page_size": int, "results": list[item]},
            "__module__": __name__,
        },
    )


YearPage = page_of(Year, "YearPage")
MeetingPage = page_of(Meeting, "MeetingPage")
RecommendationPage = page_of(Recommendation, "RecommendationPage")
DocumentPage = page_of(Document, "DocumentPage")
MissionPage = page_of(Mission, "MissionPage")
NetworkMemberPage = page_of(NetworkMember, "NetworkMemberPage")
NetworkMeetingPage = page_of(NetworkMeeting, "NetworkMeetingPage")
ActionPointPage = page_of(ActionPoint, "ActionPointPage")
