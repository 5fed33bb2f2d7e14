from enum import StrEnum


class GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Gender(StrEnum):
    FEMALE = "FEMALE"
    MALE = "MALE"

    def __str__(self) -> str:
        return str(self.value)
