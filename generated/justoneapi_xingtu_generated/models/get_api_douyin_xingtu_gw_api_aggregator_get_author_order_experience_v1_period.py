from enum import StrEnum


class GetApiDouyinXingtuGwApiAggregatorGetAuthorOrderExperienceV1Period(StrEnum):
    DAY_30 = "DAY_30"
    DAY_90 = "DAY_90"

    def __str__(self) -> str:
        return str(self.value)
