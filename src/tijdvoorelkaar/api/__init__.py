"""The JSON API (django-ninja) at /api/, with its schema at /api/openapi.json, and the
participant's page for API keys. It reads everything through the same QuerySet methods
and services as the pages."""
