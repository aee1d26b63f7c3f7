from . import permissions


def roles(request):
    """Role flags for templates (navigation shows what the user can use)."""
    user = request.user
    return {
        "is_secretariat": permissions.is_secretariat(user),
        "can_edit": permissions.can_edit(user),
        # Read by the navigation only: a focal point's post is looked up when the menu is drawn.
        "can_view_network": lambda: permissions.can_view_network(user),
        "can_edit_network": permissions.can_edit_network(user),
    }
