"""The JSON API (django-ninja) at /api/, with its schema at /api/openapi.json.

A plain package, not an app: it owns no models (ApiToken lives in accounts) and reads
everything through the same access layer and services as the pages."""
