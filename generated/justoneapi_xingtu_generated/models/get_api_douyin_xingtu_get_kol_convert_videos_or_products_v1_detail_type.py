from enum import StrEnum


class GetApiDouyinXingtuGetKolConvertVideosOrProductsV1DetailType(StrEnum):
    VALUE_0 = "_1"
    VALUE_1 = "_2"

    def __str__(self) -> str:
        return str(self.value)
