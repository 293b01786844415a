"""The one kind of error a service raises when it refuses a request.

Every app's error (MarketplaceError, WorkspaceError, MediationError, ...) is a
ServiceError: its message is written for the person using the site, translated with
gettext where it is raised, and `field` names the form field it is about (None: the form
as a whole). core/formviews.py puts it on the form; commands print it."""


class ServiceError(ValueError):
    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = str(message)
        self.field = field

    def __str__(self) -> str:
        return self.message
