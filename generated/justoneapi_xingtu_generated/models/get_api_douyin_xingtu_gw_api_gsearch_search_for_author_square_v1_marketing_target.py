from enum import StrEnum


class GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1MarketingTarget(StrEnum):
    ACTION_CONVERSION = "ACTION_CONVERSION"
    BRAND_EXPOSURE = "BRAND_EXPOSURE"
    CIRCLE_SEEDING = "CIRCLE_SEEDING"

    def __str__(self) -> str:
        return str(self.value)
