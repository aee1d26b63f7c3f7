"""A user's private iCal feed: its address (the token is the key) and what it lists."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from meetings.models import Meeting, TimelineStep

from .models import CalendarFeed, new_feed_token

FEED_PAST_DAYS = 180


def calendar_feed(user) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


@transaction.atomic
def regenerate_feed_token(user) -> CalendarFeed:
    """A new private address; the old one stops working at once."""
    feed = calendar_feed(user)
    feed.token = new_feed_token()
    feed.save(update_fields=["token", "created_at"])
    return feed


def feed_for(token: str) -> CalendarFeed | None:
    """The feed with this token, if its user may still sign in."""
    return CalendarFeed.objects.select_related("user").filter(token=token, user__is_active=True).first()


def feed_items(user, *, now: datetime.datetime) -> tuple[QuerySet, QuerySet]:
    """(open steps the user answers for, meetings they may see), from FEED_PAST_DAYS ago on."""
    since = timezone.localdate(now) - datetime.timedelta(days=FEED_PAST_DAYS)
    meetings = (
        Meeting.objects.visible_to(user)
        .filter(date__gte=since)
        .select_related("situation")
        .order_by("date", "pk")[:500]
    )
    steps = (
        TimelineStep.objects.visible_to(user)
        .open()
        .live()  # a meeting's record is no deadline
        .answered_by(user)
        .filter(due__gte=since)
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .select_related("meeting__situation")
        .order_by("due", "pk")[:1000]
    )
    return steps, meetings
