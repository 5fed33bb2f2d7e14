from enum import StrEnum


class GetApiDouyinXingtuGwApiDataSpGetAuthorSpreadInfoV1Type(StrEnum):
    PERSONAL_VIDEO = "PERSONAL_VIDEO"
    XINTU_VIDEO = "XINTU_VIDEO"

    def __str__(self) -> str:
        return str(self.value)
