from enum import StrEnum


class GetApiDouyinXingtuGetKolFansDistributionV1FansType(StrEnum):
    VALUE_0 = "_1"
    VALUE_1 = "_5"

    def __str__(self) -> str:
        return str(self.value)
