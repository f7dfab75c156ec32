"""Public verification of issued documents (the page the permit's QR code opens)."""

from runtime.verification.views import bp

__all__ = ["bp"]
