from enum import StrEnum


class GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType(StrEnum):
    CONTENT = "CONTENT"
    NICKNAME = "NICKNAME"

    def __str__(self) -> str:
        return str(self.value)
