from enum import StrEnum


class GetApiDouyinXingtuGwApiDataSpGetAuthorConvertVideosOrProductsV1DetailType(
    StrEnum
):
    PRODUCT = "PRODUCT"
    VIDEO = "VIDEO"

    def __str__(self) -> str:
        return str(self.value)
