from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.index, name="index"),
    # Background note of a meeting (one per meeting).
    path("meetings/<int:meeting_pk>/note/", views.note_detail, name="note"),
    path("meetings/<int:meeting_pk>/note/edit/", views.note_edit, name="note_edit"),
    path("meetings/<int:meeting_pk>/note/pdf/", views.note_pdf, name="note_pdf"),
    path("meetings/<int:meeting_pk>/note/downloads/", views.note_downloads, name="note_downloads"),
    path("meetings/<int:meeting_pk>/note/history/", views.note_history, name="note_history"),
    path("meetings/<int:meeting_pk>/note/invitations/", views.note_invite, name="note_invite"),
    path("meetings/<int:meeting_pk>/note/invitations/<int:pk>/delete/", views.note_uninvite, name="note_uninvite"),
    path("meetings/<int:meeting_pk>/note/approve/", views.note_approve, name="note_approve"),
    path("meetings/<int:meeting_pk>/note/<slug:action>/", views.note_action, name="note_action"),
    # Summary of a meeting, issued as a Security Council document.
    path("meetings/<int:meeting_pk>/summary/", views.summary_detail, name="summary"),
    path("meetings/<int:meeting_pk>/summary/edit/", views.summary_edit, name="summary_edit"),
    path("meetings/<int:meeting_pk>/summary/sections/", views.summary_section_add, name="summary_section_add"),
    path(
        "meetings/<int:meeting_pk>/summary/sections/<int:pk>/<slug:action>/",
        views.summary_section_action,
        name="summary_section",
    ),
    path("meetings/<int:meeting_pk>/summary/signatories/", views.summary_signatory_add, name="summary_signatory_add"),
    path(
        "meetings/<int:meeting_pk>/summary/signatories/<int:pk>/<slug:action>/",
        views.summary_signatory_action,
        name="summary_signatory",
    ),
    path("meetings/<int:meeting_pk>/summary/letter/reset/", views.summary_letter_reset, name="summary_letter_reset"),
    path("meetings/<int:meeting_pk>/summary/symbol/", views.summary_symbol, name="summary_symbol"),
    path("meetings/<int:meeting_pk>/summary/approve/", views.summary_approve, name="summary_approve"),
    path("meetings/<int:meeting_pk>/summary/submit/", views.summary_submit, name="summary_submit"),
    path("meetings/<int:meeting_pk>/summary/issue/", views.summary_issue, name="summary_issue"),
    path("meetings/<int:meeting_pk>/summary/publish/", views.summary_publish, name="summary_publish"),
    path("meetings/<int:meeting_pk>/summary/pdf/", views.summary_pdf, name="summary_pdf"),
    path("meetings/<int:meeting_pk>/summary/history/", views.summary_history, name="summary_history"),
    # Files distributed at a meeting.
    path("meetings/<int:meeting_pk>/attachments/new/", views.attachment_upload, name="attachment_upload"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("attachments/<int:pk>/delete/", views.attachment_delete, name="attachment_delete"),
    # Public: published material only.
    path("public/meetings/<int:meeting_pk>/summary.pdf", views.public_summary_pdf, name="public_summary_pdf"),
    path("public/meetings/<int:meeting_pk>/note.pdf", views.public_note_pdf, name="public_note_pdf"),
    path("public/attachments/<int:pk>/", views.public_attachment, name="public_attachment"),
]
