"""Typed client for Just One API's Douyin Xingtu "author recommended videos" endpoint."""

__version__ = "0.1.0"

__all__ = ["__version__"]
