from enum import StrEnum


class GetApiDouyinXingtuGetKolSpreadInfoV1Range(StrEnum):
    VALUE_0 = "_2"
    VALUE_1 = "_3"

    def __str__(self) -> str:
        return str(self.value)
