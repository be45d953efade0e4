"""Small exception classes whose messages say what went wrong and what to do."""

from __future__ import annotations


class MarsadError(Exception):
    """Base class: the message is one readable line for stderr."""


class SpanError(MarsadError, ValueError):
    """A span that does not fit the text it claims to index."""


class ConfigError(MarsadError):
    """A configuration value that cannot be used."""


class PipelineError(MarsadError):
    """A pipeline that cannot be built (unknown stage, unmet requirement)."""


class InputError(MarsadError):
    """An input that cannot be read as articles; names the input."""

    def __init__(self, origin: str, message: str) -> None:
        self.origin = origin
        self.reason = message
        super().__init__(f"{origin}: {message}")


class StoreError(MarsadError):
    """A database that cannot be opened or written."""


class QueryError(MarsadError, ValueError):
    """A filter or query parameter that cannot be used; says which and what is allowed."""
