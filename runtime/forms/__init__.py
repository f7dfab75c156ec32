"""Definition pages as WTForms: the field-type registry, cached per-page form classes, the page
cycle with server-side evaluation, and the admin preview."""

from runtime.forms.pages import bind, find_page, page_form_class, process
from runtime.forms.registry import FIELD_KINDS

__all__ = ["FIELD_KINDS", "bind", "find_page", "page_form_class", "process"]
