"""Typed client for Just One API's Douyin Xingtu "author recommended videos" endpoint.

from justoneapi_xingtu import XingtuClient, Platform

with XingtuClient() as client:              # token from JUSTONEAPI_TOKEN
    result = client.author_rec_videos("7012345678901234567", platform=Platform.SHORT_VIDEO)
"""

import logging as _logging

__version__ = "0.1.0"

from justoneapi_xingtu_generated.models import Platform

from ._redact import install_log_redaction as _install_log_redaction
from .batch import AsyncBatch, Batch, BatchStats, ConcurrencyController, Outcome
from .client import AsyncXingtuClient, XingtuClient
from .environments import Environment
from .errors import (
    BatchStopped,
    BusinessError,
    CollectionFailedError,
    DailyQuotaExceededError,
    InsufficientBalanceError,
    InternalServerError,
    InvalidParameterError,
    InvalidTokenError,
    JustOneAPIError,
    MissingTokenError,
    PermissionDeniedError,
    ProtocolError,
    RateLimitError,
    RequestTimeoutError,
    ResponseTooLargeError,
    TransportError,
)
from .export import outcomes_to_dataframe
from .models import CATEGORIES, AuthorRecVideos, Category, Video
from .store import ResultStore

_logging.getLogger(__name__).addHandler(_logging.NullHandler())
_install_log_redaction()

__all__ = [
    "CATEGORIES",
    "AsyncBatch",
    "AsyncXingtuClient",
    "AuthorRecVideos",
    "Batch",
    "BatchStats",
    "BatchStopped",
    "BusinessError",
    "Category",
    "CollectionFailedError",
    "ConcurrencyController",
    "DailyQuotaExceededError",
    "Environment",
    "InsufficientBalanceError",
    "InternalServerError",
    "InvalidParameterError",
    "InvalidTokenError",
    "JustOneAPIError",
    "MissingTokenError",
    "Outcome",
    "PermissionDeniedError",
    "Platform",
    "ProtocolError",
    "RateLimitError",
    "RequestTimeoutError",
    "ResponseTooLargeError",
    "ResultStore",
    "TransportError",
    "Video",
    "XingtuClient",
    "__version__",
    "outcomes_to_dataframe",
]
