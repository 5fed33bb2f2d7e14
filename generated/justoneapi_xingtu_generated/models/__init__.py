"""Contains all the data models used in inputs/outputs"""

from .author_rec_videos_data import AuthorRecVideosData
from .base_resp import BaseResp
from .platform import Platform
from .rec_video import RecVideo
from .result import Result
from .result_code import ResultCode

__all__ = (
    "AuthorRecVideosData",
    "BaseResp",
    "Platform",
    "RecVideo",
    "Result",
    "ResultCode",
)
