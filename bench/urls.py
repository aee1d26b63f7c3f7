"""Every URL of the app, plus a bare view: the baseline each page's server time is compared with."""

from django.http import HttpResponse
from django.urls import include, path

from iegwps import urls as app_urls

BARE_PATH = "/__bench__/bare/"
SIGNED_IN_BARE_PATH = "/__bench__/bare-signed-in/"


def bare(request):
    """A constant through the same middleware stack: what any page costs before its own work."""
    return HttpResponse(b"ok", content_type="text/plain")


def bare_signed_in(request):
    """The same constant once the signed-in user is known: the floor of every signed-in page (Django's session
    and user lookup), printed beside the bare view so that a page's ratio can be read against both."""
    return HttpResponse(b"ok" if request.user.is_authenticated else b"anonymous", content_type="text/plain")


urlpatterns = [
    path(BARE_PATH.strip("/") + "/", bare, name="bench_bare"),
    path(SIGNED_IN_BARE_PATH.strip("/") + "/", bare_signed_in, name="bench_bare_signed_in"),
    path("", include(app_urls)),
]

# Error handlers defined by the app's root urlconf apply here too.
for _name in ("handler400", "handler403", "handler404", "handler500"):
    if hasattr(app_urls, _name):
        globals()[_name] = getattr(app_urls, _name)
