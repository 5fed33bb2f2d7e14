"""A client library for accessing Just One API - 抖音星图 作者推荐视频 (V1)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
