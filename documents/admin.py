from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Attachment, BackgroundNote, DownloadLog, NoteInvitation, NoteSection, Summary, SummaryApproval


class NoteSectionInline(admin.StackedInline):
    model = NoteSection
    extra = 0


@admin.register(BackgroundNote)
class BackgroundNoteAdmin(SimpleHistoryAdmin):
    inlines = [NoteSectionInline]
    list_display = ["meeting", "status", "shared_at", "updated_at"]
    list_filter = ["status"]
    list_select_related = ["meeting__situation"]
    readonly_fields = ["status", "shared_at", "shared_by"]


@admin.register(Summary)
class SummaryAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "status", "letter_date", "issue_date"]
    list_filter = ["status"]
    list_select_related = ["meeting__situation"]
    readonly_fields = ["status", "issue_date"]


@admin.register(Attachment)
class AttachmentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "meeting", "content_type", "size", "uploaded_at"]
    list_select_related = ["meeting__situation"]
    readonly_fields = ["file", "original_name", "content_type", "size", "uploaded_by", "uploaded_at"]


@admin.register(DownloadLog)
class DownloadLogAdmin(admin.ModelAdmin):
    list_display = ["downloaded_at", "user", "note", "summary", "attachment", "ip"]
    list_select_related = ["user", "note__meeting__situation", "summary__meeting__situation", "attachment"]

    def has_change_permission(self, request, obj=None):
        return False


admin.site.register(NoteInvitation, SimpleHistoryAdmin)
admin.site.register(SummaryApproval, SimpleHistoryAdmin)
