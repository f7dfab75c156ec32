"""Flask-Admin views: thin translators between HTTP and the admin services."""
