from enum import StrEnum


class GetApiDouyinXingtuGwApiDataSpGetAuthorConvertVideosOrProductsV1Range(StrEnum):
    DAY_30 = "DAY_30"
    DAY_90 = "DAY_90"

    def __str__(self) -> str:
        return str(self.value)
