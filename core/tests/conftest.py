# The fault tests (test_faults.py) drive a real worker and mail server with the notifications' fixtures.
from notifications.tests.test_integration import smtp, worker_env  # noqa: F401
