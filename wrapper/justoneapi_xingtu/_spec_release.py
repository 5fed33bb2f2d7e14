"""The published OpenAPI document this package was built from.

Written by `make spec` from openapi/upstream.lock.json (openapi/tools/spec_release.py):
never edit it by hand.
"""

SPEC_RELEASE_ID: str | None = None
SPEC_SHA256: str = "5c20243f0873b4aa594c45678d830c5369dcd573524a877e11f3911638b6d027"
SPEC_URL: str = (
    "https://docs.justoneapi.com/openapi/douyin-xingtu-apis/author-recommended-videos-v1-zh.json"
)
