from enum import StrEnum


class GetApiDouyinXingtuGwApiDataSpAuthorAudienceDistributionV1LinkType(StrEnum):
    AWARE = "AWARE"
    CONNECTED = "CONNECTED"
    FOLLOW = "FOLLOW"
    INTERESTED = "INTERESTED"
    LIKE = "LIKE"

    def __str__(self) -> str:
        return str(self.value)
