"""The published OpenAPI document this package was built from.

Written by `make spec` from openapi/upstream.lock.json (openapi/tools/spec_release.py):
never edit it by hand.
"""

SPEC_RELEASE_ID: str | None = "e0ede803fa64ee10"
SPEC_SHA256: str = "304c3a262ad9bf60ef545c627cfbb5c6130273aa74374ce0dba857614e2a9e11"
SPEC_URL: str = "https://docs.justoneapi.com/openapi.json"
