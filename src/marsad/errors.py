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

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # picklable, so errors travel back from Dask workers
        return (type(self), (self.origin, self.reason))


class StoreError(MarsadError):
    """A database that cannot be opened or written."""


class GazetteerError(MarsadError):
    """A gazetteer (or curated source file) that cannot be read or built."""


class TaxonomyError(MarsadError):
    """An event type or mapping that the event taxonomy does not define."""


class GoldError(MarsadError):
    """A gold-standard file that cannot be used as it is; names the file and the record."""


class ClusterError(MarsadError):
    """A Dask cluster that cannot be started or reached, or options that do not fit one."""


class QueryError(MarsadError, ValueError):
    """A filter or query parameter that cannot be used; says which and what is allowed."""
class EventLexiconError(MarsadError):
    """An event trigger lexicon (TOML) that cannot be read or is malformed."""
