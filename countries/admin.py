from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CouncilMembership, MemberState, Mission, PermanentRepresentative, Situation


class PermanentRepresentativeInline(admin.TabularInline):
    model = PermanentRepresentative
    fields = ["given_names", "surname", "title", "ambassador", "start_date", "end_date"]
    extra = 0


@admin.register(MemberState)
class MemberStateAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "formal_name", "iso3"]
    search_fields = ["name", "short_name", "formal_name", "iso3"]
    inlines = [PermanentRepresentativeInline]


@admin.register(PermanentRepresentative)
class PermanentRepresentativeAdmin(SimpleHistoryAdmin):
    list_display = ["given_names", "surname", "member_state", "title", "ambassador", "start_date", "end_date"]
    list_filter = ["member_state"]
    search_fields = ["surname", "given_names"]


@admin.register(CouncilMembership)
class CouncilMembershipAdmin(admin.ModelAdmin):
    list_display = ["member_state", "year", "permanent"]
    list_filter = ["year", "permanent"]


@admin.register(Situation)
class SituationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "region", "conflict_phase", "un_presence"]
    list_filter = ["region", "conflict_phase", "un_presence"]
    search_fields = ["name"]


@admin.register(Mission)
class MissionAdmin(SimpleHistoryAdmin):
    list_display = ["acronym", "situation", "kind", "mandate_expiry", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["acronym", "name"]
