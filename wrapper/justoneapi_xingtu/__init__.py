"""Typed client for Just One API's Douyin Xingtu "author recommended videos" endpoint.

from justoneapi_xingtu import XingtuClient, Platform

with XingtuClient() as client:              # token from JUSTONEAPI_TOKEN
    result = client.author_rec_videos("7012345678901234567", platform=Platform.SHORT_VIDEO)
"""

import importlib
from typing import TYPE_CHECKING, Any

from ._config import Environment
from ._operation import Operation, Param
from ._redact import install_log_masking
from ._retry import RetryPolicy
from ._spec_data import OPERATIONS, PlatformName
from ._spec_release import SPEC_RELEASE_ID
from ._version import __version__
from .client import AsyncXingtuClient, XingtuClient
from .errors import (
    BatchStopped,
    BatchStoppedError,
    BusinessError,
    ClientClosedError,
    CollectionFailedError,
    DailyQuotaExceededError,
    DependencyFallbackWarning,
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
    TLSError,
    TransportError,
    WrongEventLoopError,
)
from .models import (
    CATEGORIES,
    Answer,
    AuthorRecVideos,
    BatchStats,
    CallOutcome,
    Category,
    Failure,
    Outcome,
    Success,
    Video,
)

if TYPE_CHECKING:
    from ._spec import Platform
    from .batch import AsyncBatch, Batch, ConcurrencyController
    from .io.export import outcomes_to_dataframe
    from .io.store import (
        ResultStore,
        StoreBusyError,
        StoreError,
        StoreFullError,
        XingtuStoreError,
    )

# Imported on first use (PEP 562): the generated package (attrs models), the batch
# engine, the SQLite store and the export helpers cost import time that a plain
# `import justoneapi_xingtu` does not need.
_LAZY = {
    "AsyncBatch": ".batch",
    "Batch": ".batch",
    "ConcurrencyController": ".batch",
    "ResultStore": ".io.store",
    "StoreBusyError": ".io.store",
    "StoreError": ".io.store",
    "StoreFullError": ".io.store",
    "XingtuStoreError": ".io.store",
    "outcomes_to_dataframe": ".io.export",
}


def __getattr__(name: str) -> Any:
    if name == "Platform":  # the generated enum, through the one door to the spec
        from ._spec import platform_enum

        globals()[name] = platform_enum()
        return globals()[name]
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "CATEGORIES",
    "OPERATIONS",
    "SPEC_RELEASE_ID",
    "Answer",
    "AsyncBatch",
    "AsyncXingtuClient",
    "AuthorRecVideos",
    "Batch",
    "BatchStats",
    "BatchStopped",
    "BatchStoppedError",
    "BusinessError",
    "CallOutcome",
    "Category",
    "ClientClosedError",
    "CollectionFailedError",
    "ConcurrencyController",
    "DailyQuotaExceededError",
    "DependencyFallbackWarning",
    "Environment",
    "Failure",
    "InsufficientBalanceError",
    "InternalServerError",
    "InvalidParameterError",
    "InvalidTokenError",
    "JustOneAPIError",
    "MissingTokenError",
    "Operation",
    "Outcome",
    "Param",
    "PermissionDeniedError",
    "Platform",
    "PlatformName",
    "ProtocolError",
    "RateLimitError",
    "RequestTimeoutError",
    "ResponseTooLargeError",
    "ResultStore",
    "RetryPolicy",
    "StoreBusyError",
    "StoreError",
    "StoreFullError",
    "Success",
    "TLSError",
    "TransportError",
    "Video",
    "WrongEventLoopError",
    "XingtuClient",
    "XingtuStoreError",
    "__version__",
    "install_log_masking",
    "outcomes_to_dataframe",
]
