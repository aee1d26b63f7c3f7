from django.contrib import admin

from .models import CalendarFeed, Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["kind", "email", "rule", "due_date", "state", "scheduled_for", "sent_at", "attempts"]
    list_filter = ["state", "kind"]
    search_fields = ["email"]
    date_hierarchy = "scheduled_for"
    raw_id_fields = ["recipient", "meeting", "digest"]
    readonly_fields = [f.name for f in Notification._meta.fields if f.name not in {"state"}]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at"]
    raw_id_fields = ["user"]
    exclude = ["token"]
