from enum import StrEnum


class GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort(StrEnum):
    DEFAULT = "DEFAULT"
    FANS = "FANS"

    def __str__(self) -> str:
        return str(self.value)
