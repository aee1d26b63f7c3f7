from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Chair, FocalPoint, Member, MembershipRequest, Partner, TroikaAction, TroikaMeeting


@admin.register(Member)
class MemberAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "joined_on", "left_on"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]
    list_select_related = ["member_state"]


@admin.register(FocalPoint)
class FocalPointAdmin(SimpleHistoryAdmin):
    list_display = ["name", "member", "start_date", "end_date"]
    search_fields = ["name", "member__name", "email"]
    list_select_related = ["member"]


for model in (MembershipRequest, Partner, Chair, TroikaMeeting, TroikaAction):
    admin.site.register(model, SimpleHistoryAdmin)
