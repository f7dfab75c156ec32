"""Public pages: the catalogue and the service-standard page of each permit type."""

from runtime.public.views import bp

__all__ = ["bp"]
