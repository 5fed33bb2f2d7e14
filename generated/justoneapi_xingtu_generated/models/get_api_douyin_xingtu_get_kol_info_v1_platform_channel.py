from enum import StrEnum


class GetApiDouyinXingtuGetKolInfoV1PlatformChannel(StrEnum):
    VALUE_0 = "_1"
    VALUE_1 = "_10"

    def __str__(self) -> str:
        return str(self.value)
