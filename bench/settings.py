"""The production settings plus the bench's urlconf (the app's URLs and a bare view), for in-process timings."""

from iegwps.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
