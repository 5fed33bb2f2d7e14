from enum import StrEnum


class GetApiDouyinXingtuGwApiDataSpGetAuthorFansDistributionV1AuthorType(StrEnum):
    DIE_HARD_FAN = "DIE_HARD_FAN"
    FAN = "FAN"

    def __str__(self) -> str:
        return str(self.value)
