from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Briefer, CouncilQuestion, FollowUpReview, Goal, Recommendation, RecommendationGroup, StatusChange


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    # Status moves go through recommendations.services.changes (allowed transitions, evidence): read-only here.
    readonly_fields = [f.name for f in StatusChange._meta.fields if f.name != "id"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "status", "addressee", "action_type", "target_mission", "next_review"]
    list_filter = ["status", "action_type", "addressee", "source"]
    search_fields = ["text"]
    list_select_related = ["meeting__situation", "target_mission"]
    raw_id_fields = ["meeting", "owner", "group"]
    readonly_fields = ["status"]
    inlines = [StatusChangeInline]


@admin.register(RecommendationGroup)
class RecommendationGroupAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "order", "numbering"]
    raw_id_fields = ["meeting"]


@admin.register(Briefer)
class BrieferAdmin(SimpleHistoryAdmin):
    list_display = ["name", "title", "entity", "component", "attendance", "meeting"]
    raw_id_fields = ["meeting"]


@admin.register(CouncilQuestion)
class CouncilQuestionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "answered_at_meeting", "answer_due", "answered_on"]
    list_filter = ["answered_at_meeting"]
    raw_id_fields = ["meeting"]


@admin.register(Goal)
class GoalAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "status", "reported_at"]
    list_filter = ["status"]
    raw_id_fields = ["meeting", "reported_at"]


@admin.register(FollowUpReview)
class FollowUpReviewAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "follow_up", "outcome", "reviewed_by", "reviewed_at"]
    list_filter = ["outcome"]
    raw_id_fields = ["follow_up", "recommendation", "question", "goal"]
