from enum import StrEnum


class GetApiDouyinXingtuGwApiAggregatorGetAuthorLiveWatchDistributionV1LiveCrowdType(
    StrEnum
):
    AUDIENCE = "AUDIENCE"
    FANS = "FANS"

    def __str__(self) -> str:
        return str(self.value)
