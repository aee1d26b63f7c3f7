from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "email", "first_name", "last_name", "delegation", "is_staff"]
    list_filter = ["groups", "delegation", "is_staff"]
    list_select_related = ["delegation"]  # the delegation column: one join, not a query per row
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        ("IEG", {"fields": ["delegation", "job_title", "email_notifications", "delivery", "time_zone"]}),
    ]
