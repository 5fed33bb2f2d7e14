from enum import StrEnum


class GetApiDouyinXingtuGwApiAuthorGetAuthorBaseInfoV1Platform(StrEnum):
    LIVE_STREAMING = "LIVE_STREAMING"
    PICTURE_TEXT = "PICTURE_TEXT"
    SHORT_DRAMA = "SHORT_DRAMA"
    SHORT_VIDEO = "SHORT_VIDEO"

    def __str__(self) -> str:
        return str(self.value)
