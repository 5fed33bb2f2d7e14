from enum import StrEnum


class GetApiDouyinXingtuGwApiAuthorGetAuthorShowItemsV2V1FlowType(StrEnum):
    EXCLUDE = "EXCLUDE"
    INCLUDE = "INCLUDE"

    def __str__(self) -> str:
        return str(self.value)
