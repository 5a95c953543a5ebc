"""Errors the engine raises with a plain, user-facing message.

Every error carries a message fit to show a user as is; the CLI prints it on
one line and the GUI shows it in a message bar. Tracebacks go to the log only.
"""

from __future__ import annotations

from pathlib import Path


class KhulasaError(Exception):
    """Base class: ``str(error)`` is the user-facing message."""


class ArticleError(KhulasaError):
    """A file could not be read as an article (unreadable, empty, binary, unsupported)."""

    def __init__(self, path: Path | str, cause: str) -> None:
        self.path = Path(path)
        self.cause = cause
        super().__init__(f"{self.path}: {cause}")


class LanguageError(KhulasaError):
    """The text is not Arabic, so summaries, entities and translation do not apply."""


class ModelError(KhulasaError):
    """A translation model is missing, corrupt, or failed to install."""


class NoModelError(ModelError):
    """No translation model is installed or selected."""


class OfflineError(ModelError):
    """A download could not reach the network at all (no connection, no name resolution)."""


class CancelledError(KhulasaError):
    """Long work was cancelled by the user."""

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)
