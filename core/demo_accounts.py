"""The demo accounts' passwords, kept under VAR_DIR so they survive restarts of the same database.

``load_demo`` asks :func:`password_for` for each demo user: the stored password while the database still
accepts it, a fresh one otherwise (a new database, or a password changed in the app). The file is
``settings.DEMO_ACCOUNTS_FILE`` (``var/demo-accounts.json``, gitignored), readable by its owner only;
``manage.py run_all`` prints it once the web server and the worker are up.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from django.conf import settings


def accounts_file() -> Path:
    return Path(settings.DEMO_ACCOUNTS_FILE)


def read_accounts(path: Path | None = None) -> list[dict[str, str]]:
    """The stored accounts, in the order they were written ([] when there is no readable file)."""
    path = path or accounts_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [row for row in data if isinstance(row, dict) and {"username", "password"} <= row.keys()]


def password_for(user, stored: list[dict[str, str]]) -> str | None:
    """The stored password of ``user`` if the database still accepts it, else None (make a fresh one)."""
    for row in stored:
        if row["username"] == user.username and user.has_usable_password() and user.check_password(row["password"]):
            return row["password"]
    return None


def fresh_password() -> str:
    return secrets.token_urlsafe(12)


def write_accounts(rows: list[dict[str, str]], path: Path | None = None) -> None:
    """Replace the file atomically, mode 0600 (the passwords sign in as the secretariat)."""
    path = path or accounts_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(rows, handle, indent=1)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def format_accounts(rows: list[dict[str, str]]) -> list[str]:
    return [f"  {row['username']:<14} {row['password']}   {row.get('job', '')}".rstrip() for row in rows]
