"""Path converters for URL segments that reach a database query as text."""


class TokenConverter:
    """A URL-safe secret such as ``secrets.token_urlsafe()`` makes: anything else (a NUL byte, a long string,
    other characters) matches no URL, so it is a 404 before any query."""

    regex = "[A-Za-z0-9_-]{1,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
