from enum import StrEnum


class GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType(StrEnum):
    ALL = "ALL"
    PERSONAL = "PERSONAL"
    XINGTU = "XINGTU"

    def __str__(self) -> str:
        return str(self.value)
