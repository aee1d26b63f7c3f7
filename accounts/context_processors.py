from . import permissions


def roles(request):
    """Role flags for templates (navigation shows what the user can use)."""
    user = request.user
    return {
        "is_secretariat": permissions.is_secretariat(user),
        "can_edit": permissions.can_edit(user),
    }
