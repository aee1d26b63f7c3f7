from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views

# Sign-in and passwords keep Django's own (un-namespaced) URL names, which its views reverse.
urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            # Links in the email point at SITE_URL, never at whatever Host header the request carried.
            extra_email_context={"site_url": settings.SITE_URL},
            subject_template_name="registration/password_reset_subject.txt",
            email_template_name="registration/password_reset_email.txt",
        ),
        name="password_reset",
    ),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("password/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    # The language switcher in every page's header (base.html).
    path("language/", views.set_language, name="set_language"),
    path(
        "users/",
        include(
            (
                [
                    path("", views.user_list, name="user_list"),
                    path("new/", views.user_form, name="user_create"),
                    path("<int:pk>/edit/", views.user_form, name="user_edit"),
                    path("<int:pk>/set-password-link/", views.user_invite, name="user_invite"),
                    path("<int:pk>/history/", views.user_history, name="user_history"),
                ],
                "accounts",
            )
        ),
    ),
]
