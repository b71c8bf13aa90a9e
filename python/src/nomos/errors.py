"""The exceptions of the package."""

from typing import Optional


class NomosError(Exception):
    """Nomos could not do what was asked: the server did not start, or it stopped."""


class ServerError(NomosError):
    """``nomos serve`` refused a request: its message, JSON-RPC error code and, for a bad
    parameter, the field it names (``params.frame.objects[2].x``)."""

    def __init__(self, message: str, code: int, field: Optional[str] = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field
