from enum import StrEnum


class GetApiDouyinXingtuGwApiAggregatorGetAuthorLiveWatchDistributionV1LiveType(
    StrEnum
):
    ALL = "ALL"
    ECOMMERCE = "ECOMMERCE"
    GAME = "GAME"
    OTHER = "OTHER"

    def __str__(self) -> str:
        return str(self.value)
