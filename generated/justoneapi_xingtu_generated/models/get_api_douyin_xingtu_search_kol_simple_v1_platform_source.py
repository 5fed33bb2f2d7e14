from enum import StrEnum


class GetApiDouyinXingtuSearchKolSimpleV1PlatformSource(StrEnum):
    VALUE_0 = "_1"
    VALUE_1 = "_2"
    VALUE_2 = "_3"

    def __str__(self) -> str:
        return str(self.value)
