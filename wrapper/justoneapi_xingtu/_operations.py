"""A method per operation of openapi/xingtu.json: written by `make generate`
(openapi/tools/spec_module.py). Never edit by hand: change the spec and regenerate.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Literal

from ._operation import Operation
from ._spec_data import OPERATIONS
from .models import Answer


class Operations:
    """The methods of the untyped operations (a client supplies _answer)."""

    __slots__ = ()

    def _answer(self, operation: Operation, values: Mapping[str, object]) -> Answer:
        raise NotImplementedError

    def author_audience_distribution(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
        link_type: Literal["CONNECTED", "AWARE", "INTERESTED", "LIKE", "FOLLOW"] | None = None,
    ) -> Answer:
        """Audience Distribution

        Returns Douyin Creator Marketplace (Xingtu) audience-distribution data for a
        creator, content channel, and selected relationship stage. Use it to assess audience
        fit for campaign targeting.

        ``GET /api/douyin-xingtu/gw/api/data_sp/author_audience_distribution/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
            link_type: Link type filter. (optional; the server's default: 'CONNECTED')
        """
        return self._answer(
            OPERATIONS["author_audience_distribution"],
            {"o_author_id": o_author_id, "platform": platform, "link_type": link_type},
        )

    def author_base_info(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
    ) -> Answer:
        """Creator Profile

        Returns the Douyin Creator Marketplace (Xingtu) profile for a specified creator and
        content channel. Use it to review creator information before shortlisting or
        campaign outreach.

        ``GET /api/douyin-xingtu/gw/api/author/get_author_base_info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
        """
        return self._answer(
            OPERATIONS["author_base_info"], {"o_author_id": o_author_id, "platform": platform}
        )

    def author_commerce_seed_base_info(
        self, o_author_id: str, *, range: Literal["DAY_30", "DAY_90"] | None = None
    ) -> Answer:
        """Commerce Seeding Base Info

        Returns Douyin Creator Marketplace (Xingtu) commerce-seeding baseline information
        for a creator over a selectable 30- or 90-day period. Use it to research creators
        for product-seeding campaigns.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_commerce_seed_base_info/v1``;
        answers :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            range: Time range. (optional; the server's default: 'DAY_90')
        """
        return self._answer(
            OPERATIONS["author_commerce_seed_base_info"],
            {"o_author_id": o_author_id, "range": range},
        )

    def author_commerce_spread_info(self, o_author_id: str) -> Answer:
        """Creator Commerce Spread Info

        Returns Douyin Creator Marketplace (Xingtu) commerce spread information for a
        specified creator. Use it to compare creators during commerce campaign planning.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_commerce_spread_info/v1``;
        answers :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
        """
        return self._answer(OPERATIONS["author_commerce_spread_info"], {"o_author_id": o_author_id})

    def author_content_hot_keywords(self, o_author_id: str) -> Answer:
        """Content Keyword Analysis

        Returns Douyin Creator Marketplace (Xingtu) content keyword analysis for a specified
        creator. Use it to identify recurring content themes during creator positioning
        research.

        ``GET /api/douyin-xingtu/gw/api/gauthor/get_author_content_hot_keywords/v1``;
        answers :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
        """
        return self._answer(OPERATIONS["author_content_hot_keywords"], {"o_author_id": o_author_id})

    def author_contract_base_info(
        self, o_author_id: str, *, range: Literal["DAY_30", "DAY_90"] | None = None
    ) -> Answer:
        """Creator Contract Base Info

        Returns Douyin Creator Marketplace (Xingtu) contract-related baseline information
        for a creator over a selectable 30- or 90-day period. Use it to review creator
        contract context during campaign planning.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_contract_base_info``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            range: Time range. (optional)
        """
        return self._answer(
            OPERATIONS["author_contract_base_info"], {"o_author_id": o_author_id, "range": range}
        )

    def author_convert_ability(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
        range: Literal["DAY_30", "DAY_90"] | None = None,
    ) -> Answer:
        """Conversion Analysis

        Returns Douyin Creator Marketplace (Xingtu) conversion analysis for a creator,
        content channel, and 30- or 90-day period. Use it to compare creator conversion
        performance during commerce campaign planning.

        ``GET /api/douyin-xingtu/gw/api/data_sp/get_author_convert_ability/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
            range: Time range. (optional; the server's default: 'DAY_30')
        """
        return self._answer(
            OPERATIONS["author_convert_ability"],
            {"o_author_id": o_author_id, "platform": platform, "range": range},
        )

    def author_convert_videos_or_products(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
        industry_id: Literal[
            "ALL",
            "ELECTRONICS_AND_APPLIANCES",
            "SHOPPING",
            "FOOD_AND_BEVERAGE",
            "CLOTHING_AND_ACCESSORIES",
            "HEALTHCARE_AND_MEDICAL",
            "MEDICAL_INSTITUTIONS",
            "HOME_AND_BUILDING_MATERIALS",
            "LOCAL_SERVICES",
            "BUSINESS_SERVICES",
            "CULTURE_SPORTS_ENTERTAINMENT",
            "BEAUTY_SERVICES",
            "REAL_ESTATE",
            "EDUCATION_AND_TRAINING",
            "TRAVEL_AND_TOURISM",
            "PUBLIC_SERVICES",
            "GAMES",
            "RETAIL",
            "TRANSPORTATION_EQUIPMENT",
            "AUTOMOTIVE",
            "AGRICULTURE_FORESTRY_FISHERY",
            "CHEMICAL_AND_ENERGY",
            "ELECTRONICS_AND_ELECTRICAL",
            "MACHINERY_EQUIPMENT",
            "MEDIA_AND_INFORMATION",
            "LOGISTICS",
            "TELECOMMUNICATIONS",
            "FINANCIAL_SERVICES",
            "CATERING_SERVICES",
            "SOFTWARE_TOOLS",
            "FRANCHISING_AND_INVESTMENT",
            "BEAUTY_AND_COSMETICS",
            "MOTHER_BABY_AND_PET",
            "DAILY_CHEMICALS",
            "PHYSICAL_BOOKS",
            "SOCIAL_AND_COMMUNICATION",
            "CULTURAL_SUPPLIES",
            "SPORTS_OUTDOOR",
        ]
        | None = None,
        range: Literal["DAY_30", "DAY_90"] | None = None,
        detail_type: Literal["VIDEO", "PRODUCT"] | None = None,
        page: int | None = None,
    ) -> Answer:
        """Conversion Resources

        Lists Douyin Creator Marketplace (Xingtu) conversion-related videos or products for
        a creator, with industry, period, resource-type, and page filters. Use it to review
        commerce examples before creator selection.

        ``GET /api/douyin-xingtu/gw/api/data_sp/get_author_convert_videos_or_products/v1``;
        answers :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
            industry_id: Industry category. (optional; the server's default: 'ALL')
            range: Time range. (optional; the server's default: 'DAY_30')
            detail_type: Resource type. (optional; the server's default: 'VIDEO')
            page: Page number. (optional; the server's default: 1)
        """
        return self._answer(
            OPERATIONS["author_convert_videos_or_products"],
            {
                "o_author_id": o_author_id,
                "platform": platform,
                "industry_id": industry_id,
                "range": range,
                "detail_type": detail_type,
                "page": page,
            },
        )

    def author_cp_info(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
    ) -> Answer:
        """Cost Performance Analysis

        Returns Douyin Creator Marketplace (Xingtu) cost-performance information for a
        specified creator and content channel. Use it to compare creator efficiency during
        campaign budgeting.

        ``GET /api/douyin-xingtu/gw/api/data_sp/author_cp_info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
        """
        return self._answer(
            OPERATIONS["author_cp_info"], {"o_author_id": o_author_id, "platform": platform}
        )

    def author_daily_fans(
        self, o_author_id: str, start_date: str | datetime.date, end_date: str | datetime.date
    ) -> Answer:
        """Follower Growth Trend

        Returns Douyin Creator Marketplace (Xingtu) daily follower trend data for a
        specified creator and date range. Use it to review follower growth patterns during
        creator evaluation.

        ``GET /api/douyin-xingtu/gw/api/data_sp/get_author_daily_fans/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            start_date: Start Date (yyyy-MM-dd).
            end_date: End Date (yyyy-MM-dd).
        """
        return self._answer(
            OPERATIONS["author_daily_fans"],
            {"o_author_id": o_author_id, "start_date": start_date, "end_date": end_date},
        )

    def author_fans_distribution(
        self, o_author_id: str, *, author_type: Literal["FAN", "DIE_HARD_FAN"] | None = None
    ) -> Answer:
        """Follower Distribution

        Returns Douyin Creator Marketplace (Xingtu) follower or loyal-follower distribution
        data for a specified creator. Use it to compare audience-profile distributions
        during creator selection.

        ``GET /api/douyin-xingtu/gw/api/data_sp/get_author_fans_distribution/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            author_type: Author type filter. (optional; the server's default: 'FAN')
        """
        return self._answer(
            OPERATIONS["author_fans_distribution"],
            {"o_author_id": o_author_id, "author_type": author_type},
        )

    def author_get_business_card_info(self, o_author_id: str) -> Answer:
        """Creator Business Card

        Returns the Douyin Creator Marketplace (Xingtu) business-card profile for a
        specified creator. Use it to review creator identity and business context before
        campaign outreach.

        ``GET /api/douyin-xingtu/gw/api/gauthor/author_get_business_card_info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
        """
        return self._answer(
            OPERATIONS["author_get_business_card_info"], {"o_author_id": o_author_id}
        )

    def author_homepage_videos(
        self,
        o_author_id: str,
        *,
        page: int | None = None,
        keyword: str | None = None,
        video_type: Literal["ALL", "PERSONAL", "XINGTU"] | None = None,
        only_assign: bool | None = None,
        start_date: str | datetime.date | None = None,
        end_date: str | datetime.date | None = None,
    ) -> Answer:
        """Creator Homepage Videos

        Lists a Douyin Creator Marketplace (Xingtu) creator's homepage videos with keyword,
        video-type, assignment, date, and page filters. Use it to review relevant content
        before campaign selection.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_homepage_videos/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique Xingtu ID.
            page: Page number, starting from 1. (optional; the server's default: 1)
            keyword: Keyword used to search creator homepage videos. (optional)
            video_type: Homepage video type filter. (optional; the server's default: 'ALL')
            only_assign: Whether to include only assigned videos. Xingtu usually shows this
                option when `videoType` is `XINGTU`. (optional; the server's default: False)
            start_date: Start publish date in yyyyMMdd format. The filter starts at 00:00:00
                in Asia/Shanghai. (optional)
            end_date: End publish date in yyyyMMdd format. The filter ends at 23:59:59 in
                Asia/Shanghai. (optional)
        """
        return self._answer(
            OPERATIONS["author_homepage_videos"],
            {
                "o_author_id": o_author_id,
                "page": page,
                "keyword": keyword,
                "video_type": video_type,
                "only_assign": only_assign,
                "start_date": start_date,
                "end_date": end_date,
            },
        )

    def author_hot_comment_tokens(self, o_author_id: str) -> Answer:
        """Comment Keyword Analysis

        Returns Douyin Creator Marketplace (Xingtu) comment keyword analysis for a specified
        creator. Use it to identify recurring audience discussion themes during creator
        research.

        ``GET /api/douyin-xingtu/gw/api/data/get_author_hot_comment_tokens/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
        """
        return self._answer(OPERATIONS["author_hot_comment_tokens"], {"o_author_id": o_author_id})

    def author_link_info(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
        industry_tag: Literal[
            "ALL",
            "ELECTRONICS_AND_APPLIANCES",
            "SHOPPING",
            "FOOD_AND_BEVERAGE",
            "CLOTHING_AND_ACCESSORIES",
            "HEALTHCARE_AND_MEDICAL",
            "MEDICAL_INSTITUTIONS",
            "HOME_AND_BUILDING_MATERIALS",
            "LOCAL_SERVICES",
            "BUSINESS_SERVICES",
            "CULTURE_SPORTS_ENTERTAINMENT",
            "BEAUTY_SERVICES",
            "REAL_ESTATE",
            "EDUCATION_AND_TRAINING",
            "TRAVEL_AND_TOURISM",
            "PUBLIC_SERVICES",
            "GAMES",
            "RETAIL",
            "TRANSPORTATION_EQUIPMENT",
            "AUTOMOTIVE",
            "AGRICULTURE_FORESTRY_FISHERY",
            "CHEMICAL_AND_ENERGY",
            "ELECTRONICS_AND_ELECTRICAL",
            "MACHINERY_EQUIPMENT",
            "MEDIA_AND_INFORMATION",
            "LOGISTICS",
            "TELECOMMUNICATIONS",
            "FINANCIAL_SERVICES",
            "CATERING_SERVICES",
            "SOFTWARE_TOOLS",
            "FRANCHISING_AND_INVESTMENT",
            "BEAUTY_AND_COSMETICS",
            "MOTHER_BABY_AND_PET",
            "DAILY_CHEMICALS",
            "PHYSICAL_BOOKS",
            "SOCIAL_AND_COMMUNICATION",
            "CULTURAL_SUPPLIES",
            "SPORTS_OUTDOOR",
        ]
        | None = None,
    ) -> Answer:
        """Creator Link Metrics

        Returns Douyin Creator Marketplace (Xingtu) creator-link metrics for a specified
        creator, content channel, and industry category. Use it to review creator link
        information in an industry context.

        ``GET /api/douyin-xingtu/gw/api/data_sp/get_author_link_info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
            industry_tag: Industry tag. (optional; the server's default: 'ALL')
        """
        return self._answer(
            OPERATIONS["author_link_info"],
            {"o_author_id": o_author_id, "platform": platform, "industry_tag": industry_tag},
        )

    def author_link_struct(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
    ) -> Answer:
        """Creator Link Structure

        Returns Douyin Creator Marketplace (Xingtu) creator-link structure data for a
        specified creator and content channel. Use it to compare creator link structures
        during performance research.

        ``GET /api/douyin-xingtu/gw/api/data_sp/author_link_struct/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
        """
        return self._answer(
            OPERATIONS["author_link_struct"], {"o_author_id": o_author_id, "platform": platform}
        )

    def author_live_statistics(
        self,
        o_author_id: str,
        *,
        live_type: Literal["ALL", "GAME", "ECOMMERCE", "OTHER"] | None = None,
        period: Literal["DAY_30", "DAY_90"] | None = None,
        only_star_order: bool | None = None,
        flow_type: Literal["EXCLUDE", "INCLUDE"] | None = None,
    ) -> Answer:
        """Live Statistics

        Returns Douyin Creator Marketplace (Xingtu) live-stream statistics for a creator,
        with live-room, period, marketplace-order, and flow filters. Use it to compare live-
        streaming creators for campaign planning.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_live_statistics/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            live_type: Live room type filter. (optional)
            period: Live data time period. (optional)
            only_star_order: Whether to include only Xingtu marketplace orders. (optional;
                the server's default: False)
            flow_type: Flow type filter. (optional)
        """
        return self._answer(
            OPERATIONS["author_live_statistics"],
            {
                "o_author_id": o_author_id,
                "live_type": live_type,
                "period": period,
                "only_star_order": only_star_order,
                "flow_type": flow_type,
            },
        )

    def author_live_watch_distribution(
        self,
        o_author_id: str,
        *,
        live_crowd_type: Literal["AUDIENCE", "FANS"] | None = None,
        live_type: Literal["ALL", "GAME", "ECOMMERCE", "OTHER"] | None = None,
    ) -> Answer:
        """Live Watch Distribution

        Returns Douyin Creator Marketplace (Xingtu) live audience or follower watch-
        distribution data for a creator and selected live-room type. Use it to assess live
        audience fit for a campaign.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_live_watch_distribution/v1``;
        answers :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            live_crowd_type: Live audience profile type. (optional)
            live_type: Live room type filter. (optional)
        """
        return self._answer(
            OPERATIONS["author_live_watch_distribution"],
            {
                "o_author_id": o_author_id,
                "live_crowd_type": live_crowd_type,
                "live_type": live_type,
            },
        )

    def author_marketing_info(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
    ) -> Answer:
        """Marketing Metrics

        Returns Douyin Creator Marketplace (Xingtu) marketing information for a specified
        creator and content channel. Use it to compare creator commercial offerings during
        campaign planning.

        ``GET /api/douyin-xingtu/gw/api/author/get_author_marketing_info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
        """
        return self._answer(
            OPERATIONS["author_marketing_info"], {"o_author_id": o_author_id, "platform": platform}
        )

    def author_order_experience(
        self, o_author_id: str, *, period: Literal["DAY_30", "DAY_90"] | None = None
    ) -> Answer:
        """Creator Order Experience

        Returns Douyin Creator Marketplace (Xingtu) creator order-experience information for
        the last 30 or 90 days. Use it to review marketplace order history during creator
        evaluation.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_order_experience/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            period: Time period. (optional; the server's default: 'DAY_30')
        """
        return self._answer(
            OPERATIONS["author_order_experience"], {"o_author_id": o_author_id, "period": period}
        )

    def author_platform_channel_info(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
    ) -> Answer:
        """Creator Channel Metrics

        Returns Douyin Creator Marketplace (Xingtu) channel information for a specified
        creator and content format. Use it to compare a creator's short-video, live, image-
        text, or short-drama presence.

        ``GET /api/douyin-xingtu/gw/api/author/get_author_platform_channel_info_v2/v1``;
        answers :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
        """
        return self._answer(
            OPERATIONS["author_platform_channel_info"],
            {"o_author_id": o_author_id, "platform": platform},
        )

    def author_show_items(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
        only_assign: bool | None = None,
        flow_type: Literal["EXCLUDE", "INCLUDE"] | None = None,
    ) -> Answer:
        """Showcase Items

        Returns Douyin Creator Marketplace (Xingtu) showcase items for a creator, with
        content-channel, assignment, and flow filters. Use it to review a creator's
        marketplace showcase during commerce campaign planning.

        ``GET /api/douyin-xingtu/gw/api/author/get_author_show_items_v2/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
            only_assign: Whether to only include assigned items. (optional; the server's
                default: False)
            flow_type: Flow type filter. (optional; the server's default: 'EXCLUDE')
        """
        return self._answer(
            OPERATIONS["author_show_items"],
            {
                "o_author_id": o_author_id,
                "platform": platform,
                "only_assign": only_assign,
                "flow_type": flow_type,
            },
        )

    def author_side_base_info(self, o_author_id: str) -> Answer:
        """Creator Side Base Info

        Returns the Douyin Creator Marketplace (Xingtu) side-card baseline information for a
        specified creator. Use it to review a creator's marketplace overview during
        shortlisting.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_side_base_info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
        """
        return self._answer(OPERATIONS["author_side_base_info"], {"o_author_id": o_author_id})

    def author_spread_info(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
        range: Literal["DAY_30", "DAY_90"] | None = None,
        type: Literal["PERSONAL_VIDEO", "XINTU_VIDEO"] | None = None,
        only_assign: bool | None = None,
        flow_type: Literal["EXCLUDE", "INCLUDE"] | None = None,
    ) -> Answer:
        """Spread Metrics

        Returns Douyin Creator Marketplace (Xingtu) spread metrics for a creator, with
        channel, period, video-type, assignment, and flow filters. Use it to compare creator
        spread performance during campaign planning.

        ``GET /api/douyin-xingtu/gw/api/data_sp/get_author_spread_info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
            range: Time range. (optional; the server's default: 'DAY_30')
            type: Video type. (optional; the server's default: 'PERSONAL_VIDEO')
            only_assign: Whether to only include assigned videos. (optional; the server's
                default: False)
            flow_type: Flow type filter. (optional; the server's default: 'EXCLUDE')
        """
        return self._answer(
            OPERATIONS["author_spread_info"],
            {
                "o_author_id": o_author_id,
                "platform": platform,
                "range": range,
                "type": type,
                "only_assign": only_assign,
                "flow_type": flow_type,
            },
        )

    def author_tags(self, star_author_id: str) -> Answer:
        """Creator Tags

        Returns Douyin Creator Marketplace (Xingtu) tags for a specified creator. Use it to
        classify creators and compare their fit for campaign briefs.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_tags/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            star_author_id: Creator's unique Xingtu ID.
        """
        return self._answer(OPERATIONS["author_tags"], {"star_author_id": star_author_id})

    def author_touch_distribution(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
    ) -> Answer:
        """Audience Touchpoint Distribution

        Returns Douyin Creator Marketplace (Xingtu) audience-touchpoint distribution data
        for a specified creator and content channel. Use it to compare audience-contact
        patterns during campaign research.

        ``GET /api/douyin-xingtu/gw/api/data_sp/author_touch_distribution/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
        """
        return self._answer(
            OPERATIONS["author_touch_distribution"],
            {"o_author_id": o_author_id, "platform": platform},
        )

    def author_video_distribution(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
    ) -> Answer:
        """Video Distribution

        Returns Douyin Creator Marketplace (Xingtu) video-distribution data for a specified
        creator and content channel. Use it to analyze how the creator's videos are
        distributed during campaign research.

        ``GET /api/douyin-xingtu/gw/api/data_sp/author_video_distribution/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
        """
        return self._answer(
            OPERATIONS["author_video_distribution"],
            {"o_author_id": o_author_id, "platform": platform},
        )

    def check_author_display(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
    ) -> Answer:
        """Creator Visibility Status

        Returns whether a specified creator can be displayed in Douyin Creator Marketplace
        (Xingtu) for the selected content channel. Use it to check creator availability
        before building a campaign shortlist.

        ``GET /api/douyin-xingtu/gw/api/data_sp/check_author_display/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
        """
        return self._answer(
            OPERATIONS["check_author_display"], {"o_author_id": o_author_id, "platform": platform}
        )

    def item_report_detail(self, item_id: str) -> Answer:
        """Video Details

        Returns Douyin Creator Marketplace (Xingtu) report details for a specified video
        item. Use it to inspect a video's marketplace report during content performance
        analysis.

        ``GET /api/douyin-xingtu/gw/api/data_sp/item_report_detail/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            item_id: Item's unique ID.
        """
        return self._answer(OPERATIONS["item_report_detail"], {"item_id": item_id})

    def item_report_th_analysis(self, item_id: str) -> Answer:
        """Item Report Analysis

        Returns Douyin Creator Marketplace (Xingtu) report analysis for a specified video
        item. Use it to evaluate a video's reported performance during campaign review.

        ``GET /api/douyin-xingtu/gw/api/data_sp/item_report_th_analysis/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            item_id: Item's unique ID.
        """
        return self._answer(OPERATIONS["item_report_th_analysis"], {"item_id": item_id})

    def item_report_trend(self, item_id: str) -> Answer:
        """Item Report Trends

        Returns Douyin Creator Marketplace (Xingtu) report trend data for a specified video
        item. Use it to review how a video's reported performance changes over time.

        ``GET /api/douyin-xingtu/gw/api/data_sp/item_report_trend/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            item_id: Item's unique ID.
        """
        return self._answer(OPERATIONS["item_report_trend"], {"item_id": item_id})

    def kol_audience_distribution(self, kol_id: str) -> Answer:
        """Audience Distribution

        Get Douyin Creator Marketplace (Xingtu) audience Distribution data, including
        demographic and interest-based audience segmentation, for creator evaluation,
        campaign planning, and marketplace research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-audience-distribution/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
        """
        return self._answer(OPERATIONS["kol_audience_distribution"], {"kol_id": kol_id})

    def kol_commerce_seed_base_info(self, kol_id: str, range: str) -> Answer:
        """Commerce Seeding Base Info

        Get Douyin Creator Marketplace (Xingtu) author Commerce Seeding Base Info data,
        including baseline metrics, commercial signals, and seeding indicators, for product
        seeding analysis, creator vetting, and campaign planning.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-author-commerce-seed-base-info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            range: Time range.
        """
        return self._answer(
            OPERATIONS["kol_commerce_seed_base_info"], {"kol_id": kol_id, "range": range}
        )

    def kol_commerce_spread_info(self, kol_id: str) -> Answer:
        """Creator Commerce Spread Info

        Get Douyin Creator Marketplace (Xingtu) author Commerce Spread Info data, including
        spread metrics, for creator evaluation for campaign planning and media buying.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-author-commerce-spread-info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
        """
        return self._answer(OPERATIONS["kol_commerce_spread_info"], {"kol_id": kol_id})

    def kol_content_hot_keywords(self, kol_id: str) -> Answer:
        """Content Keyword Analysis

        Get Douyin Creator Marketplace (Xingtu) kOL Content Keyword Analysis data, including
        core metrics, trend signals, and performance indicators, for content theme analysis
        and creator positioning research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-author-content-hot-keywords/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
        """
        return self._answer(OPERATIONS["kol_content_hot_keywords"], {"kol_id": kol_id})

    def kol_convert_ability(self, kol_id: str, range: Literal["_2", "_3"]) -> Answer:
        """Conversion Analysis

        Get Douyin Creator Marketplace (Xingtu) conversion Analysis data, including
        conversion efficiency and commercial performance indicators, for creator evaluation,
        campaign planning, and marketplace research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-convert-ability/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            range: Time range.
        """
        return self._answer(OPERATIONS["kol_convert_ability"], {"kol_id": kol_id, "range": range})

    def kol_convert_videos_or_products(
        self, kol_id: str, detail_type: Literal["_1", "_2"], page: int
    ) -> Answer:
        """Conversion Resources

        Get Douyin Creator Marketplace (Xingtu) conversion Resources data, including
        products tied to a Douyin Xingtu creator's conversion activity, for commerce
        analysis and campaign optimization.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-convert-videos-or-products/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            detail_type: Resource type.
            page: Page number.
        """
        return self._answer(
            OPERATIONS["kol_convert_videos_or_products"],
            {"kol_id": kol_id, "detail_type": detail_type, "page": page},
        )

    def kol_cp_info(self, kol_id: str) -> Answer:
        """Cost Performance Analysis

        Get Douyin Creator Marketplace (Xingtu) cost Performance Analysis data, including
        pricing, exposure, and engagement efficiency indicators, for creator evaluation,
        campaign planning, and marketplace research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-cp-info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
        """
        return self._answer(OPERATIONS["kol_cp_info"], {"kol_id": kol_id})

    def kol_daily_fans(
        self, kol_id: str, start_date: str | datetime.date, end_date: str | datetime.date
    ) -> Answer:
        """Follower Growth Trend

        Get Douyin Creator Marketplace (Xingtu) follower Growth Trend data, including
        historical audience changes over time, for creator evaluation, campaign planning,
        and marketplace research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-daily-fans/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            start_date: Start Date (yyyy-MM-dd).
            end_date: End Date (yyyy-MM-dd).
        """
        return self._answer(
            OPERATIONS["kol_daily_fans"],
            {"kol_id": kol_id, "start_date": start_date, "end_date": end_date},
        )

    def kol_fans_distribution(
        self, kol_id: str, *, fans_type: Literal["_1", "_5"] | None = None
    ) -> Answer:
        """Follower Distribution

        Get Douyin Creator Marketplace (Xingtu) follower distribution data, including
        audience demographics, interests, and distribution metrics, for creator evaluation,
        campaign planning, and marketplace research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-fans-distribution/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            fans_type: Fans type. (optional; the server's default: '_1')
        """
        return self._answer(
            OPERATIONS["kol_fans_distribution"], {"kol_id": kol_id, "fans_type": fans_type}
        )

    def kol_hot_comment_tokens(self, kol_id: str) -> Answer:
        """Comment Keyword Analysis

        Get Douyin Creator Marketplace (Xingtu) kOL Comment Keyword Analysis data, including
        core metrics, trend signals, and performance indicators, for audience language
        analysis and comment-topic research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-author-hot-comment-tokens/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
        """
        return self._answer(OPERATIONS["kol_hot_comment_tokens"], {"kol_id": kol_id})

    def kol_info(
        self, kol_id: str, *, platform_channel: Literal["_1", "_10"] | None = None
    ) -> Answer:
        """Creator Profile

        Get Douyin Creator Marketplace (Xingtu) creator Profile data, including audience and
        pricing data, for influencer vetting, benchmark analysis, and campaign planning.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            platform_channel: Platform channel. (optional; the server's default: '_1')
        """
        return self._answer(
            OPERATIONS["kol_info"], {"kol_id": kol_id, "platform_channel": platform_channel}
        )

    def kol_link_info(self, kol_id: str, *, industry_tag: str | None = None) -> Answer:
        """Creator Link Metrics

        Get Douyin Creator Marketplace (Xingtu) creator Link Metrics data, including creator
        ranking, traffic structure, and related performance indicators, for creator
        evaluation, campaign planning, and marketplace research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-link-info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            industry_tag: Industry Tag. (optional; the server's default: '')
        """
        return self._answer(
            OPERATIONS["kol_link_info"], {"kol_id": kol_id, "industry_tag": industry_tag}
        )

    def kol_link_struct(self, kol_id: str) -> Answer:
        """Creator Link Structure

        Get Douyin Creator Marketplace (Xingtu) creator Link Structure data, including
        engagement and conversion metrics, for creator performance analysis.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-link-struct/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
        """
        return self._answer(OPERATIONS["kol_link_struct"], {"kol_id": kol_id})

    def kol_marketing_info(
        self, kol_id: str, *, platform_channel: Literal["_1", "_10"] | None = None
    ) -> Answer:
        """Marketing Metrics

        Get Douyin Creator Marketplace (Xingtu) marketing metrics data, including rate card
        details and commercial service metrics, for creator evaluation, campaign planning,
        and marketplace research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-marketing-info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            platform_channel: Platform channel. (optional; the server's default: '_1')
        """
        return self._answer(
            OPERATIONS["kol_marketing_info"],
            {"kol_id": kol_id, "platform_channel": platform_channel},
        )

    def kol_rec_videos(self, kol_id: str) -> Answer:
        """Recommended Videos

        Get Douyin Creator Marketplace (Xingtu) recommended videos data, including video
        performance metrics, for creator evaluation, campaign planning, and marketplace
        research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-rec-videos/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
        """
        return self._answer(OPERATIONS["kol_rec_videos"], {"kol_id": kol_id})

    def kol_show_items(self, kol_id: str, *, only_assign: bool | None = None) -> Answer:
        """Showcase Items

        Get Douyin Creator Marketplace (Xingtu) showcase items data, including core metrics,
        trend signals, and performance indicators, for creator evaluation, campaign
        planning, and marketplace research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-show-items-v2/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            only_assign: Whether true is Xingtu video, false is personal video. (optional;
                the server's default: False)
        """
        return self._answer(
            OPERATIONS["kol_show_items"], {"kol_id": kol_id, "only_assign": only_assign}
        )

    def kol_spread_info(
        self,
        kol_id: str,
        *,
        type: Literal["_1", "_2"] | None = None,
        range: Literal["_2", "_3"] | None = None,
        flow_type: str | None = None,
        only_assign: bool | None = None,
    ) -> Answer:
        """Spread Metrics

        Get Douyin Creator Marketplace (Xingtu) spread metrics data, including audience,
        content performance, and commercial indicators, for quick evaluation.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-spread-info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            type: Spread info type. (optional; the server's default: '_1')
            range: Time range. (optional; the server's default: '_2')
            flow_type: Flow type. (optional; the server's default: '1')
            only_assign: Only assigned notes. (optional; the server's default: False)
        """
        return self._answer(
            OPERATIONS["kol_spread_info"],
            {
                "kol_id": kol_id,
                "type": type,
                "range": range,
                "flow_type": flow_type,
                "only_assign": only_assign,
            },
        )

    def kol_touch_distribution(self, kol_id: str) -> Answer:
        """Audience Touchpoint Distribution

        Get Douyin Creator Marketplace (Xingtu) audience touchpoint distribution data,
        including segment breakdowns, audience composition, and distribution signals, for
        traffic analysis and existing integration compatibility.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-touch-distribution/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
        """
        return self._answer(OPERATIONS["kol_touch_distribution"], {"kol_id": kol_id})

    def search_for_author_square(
        self,
        *,
        keyword: str | None = None,
        page: int | None = None,
        sort: Literal["DEFAULT", "FANS"] | None = None,
        search_type: Literal["NICKNAME", "CONTENT"] | None = None,
        marketing_target: Literal["BRAND_EXPOSURE", "CIRCLE_SEEDING", "ACTION_CONVERSION"]
        | None = None,
        industry: Literal[
            "ALL",
            "ELECTRONICS_AND_APPLIANCES",
            "SHOPPING",
            "FOOD_AND_BEVERAGE",
            "CLOTHING_AND_ACCESSORIES",
            "HEALTHCARE_AND_MEDICAL",
            "MEDICAL_INSTITUTIONS",
            "HOME_AND_BUILDING_MATERIALS",
            "LOCAL_SERVICES",
            "BUSINESS_SERVICES",
            "CULTURE_SPORTS_ENTERTAINMENT",
            "BEAUTY_SERVICES",
            "REAL_ESTATE",
            "EDUCATION_AND_TRAINING",
            "TRAVEL_AND_TOURISM",
            "PUBLIC_SERVICES",
            "GAMES",
            "RETAIL",
            "TRANSPORTATION_EQUIPMENT",
            "AUTOMOTIVE",
            "AGRICULTURE_FORESTRY_FISHERY",
            "CHEMICAL_AND_ENERGY",
            "ELECTRONICS_AND_ELECTRICAL",
            "MACHINERY_EQUIPMENT",
            "MEDIA_AND_INFORMATION",
            "LOGISTICS",
            "TELECOMMUNICATIONS",
            "FINANCIAL_SERVICES",
            "CATERING_SERVICES",
            "SOFTWARE_TOOLS",
            "FRANCHISING_AND_INVESTMENT",
            "BEAUTY_AND_COSMETICS",
            "MOTHER_BABY_AND_PET",
            "DAILY_CHEMICALS",
            "PHYSICAL_BOOKS",
            "SOCIAL_AND_COMMUNICATION",
            "CULTURAL_SUPPLIES",
            "SPORTS_OUTDOOR",
        ]
        | None = None,
        is_superstar: bool | None = None,
        follower_range: str | None = None,
        kol_price_type: Literal[
            "VIDEO_1_20S",
            "VIDEO_21_60S",
            "VIDEO_OVER_60S",
            "CUSTOM_SHORT_DRAMA_EPISODE",
            "NATURAL_PLAY_CPM",
            "SHORT_LIVE_SEEDING_VIDEO",
            "SHORT_LIVE_WARMUP_VIDEO",
            "CELEBRITY_SHORT_LIVE_SEEDING",
            "CELEBRITY_SHORT_LIVE_WARMUP",
            "CELEBRITY_VIDEO",
            "COLLECTION_VIDEO",
            "DOUYIN_SHORT_VIDEO_CO_CREATION_MAIN_CREATOR",
            "DOUYIN_SHORT_VIDEO_CO_CREATION_PARTICIPANT",
        ]
        | None = None,
        kol_price_range: str | None = None,
        content_tag: str | None = None,
        content_theme: str | None = None,
        persona_tag: str | None = None,
        gender: Literal["MALE", "FEMALE"] | None = None,
        location: str | None = None,
        tonality_tag: str | None = None,
        connected_user_range: str | None = None,
        audience_image: str | None = None,
        fans_image: str | None = None,
        expected_play_range: str | None = None,
        expected_cpm_range: str | None = None,
        expected_cpe_range: str | None = None,
        interaction_rate_range: str | None = None,
        completion_rate_range: str | None = None,
        viral_rate_range: str | None = None,
        progress_task_range: str | None = None,
        is_curated_author: bool | None = None,
        author_list: Literal[
            "SHORT_LIVE_ENTERTAINMENT_CREATORS",
            "SHORT_DRAMA_ACTORS",
            "WECHAT_QUICK_CONNECT_CREATORS",
            "AI_STAR_PLAN_CREATORS",
            "COMMERCE_ADVANTAGE_CREATORS",
            "HIGH_VALUE_CREATORS",
            "SEEDING_ADVANTAGE_CREATORS",
            "BASKETBALL_CREATORS",
            "PREMIUM_CONTENT_MEDIA",
            "TREND_SETTING_MEDIA",
            "FACTORY_TRACEABILITY_MEDIA",
            "RUNNING_CREATORS",
            "LIGHT_OUTDOOR_CREATORS",
            "FITNESS_CREATORS",
            "YOGA_CREATORS",
            "STREET_SPORTS_CREATORS",
            "CYCLING_CREATORS",
            "FOOTBALL_CREATORS",
            "FISHING_CREATORS",
            "BEAUTY_QUALITY_CREATORS",
        ]
        | None = None,
    ) -> Answer:
        """Creator Search

        Searches Douyin Creator Marketplace (Xingtu) creators by keyword and structured
        filters for audience, pricing, content, performance, and campaign fit. Use it to
        build and compare campaign shortlists.

        ``GET /api/douyin-xingtu/gw/api/gsearch/search_for_author_square/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            keyword: Search keyword. (optional; the server's default: '')
            page: Page number for pagination. (optional; the server's default: 1)
            sort: Creator search sorting. Values: FANS sorts by follower count descending,
                DEFAULT uses Xingtu score ranking. (optional; the server's default: 'FANS')
            search_type: Search criteria type. (optional; the server's default: 'NICKNAME')
            marketing_target: Marketing goal. Available values: BRAND_EXPOSURE/1/品牌曝光,
                CIRCLE_SEEDING/2/破圈种草, ACTION_CONVERSION/3/行动转化. (optional)
            industry: Recommended industry filter. Pass enum name, numeric industry ID, or
                Chinese industry label. Available values: - ALL/0/不限; - 1901: 3C及电器; - 1938:
                购物; - 1903: 食品饮料; - 1904: 服装配饰; - 1905: 医药健康; - 1936: 医疗机构; - 1909: 家居建材; -
                1907: 生活服务; - 1906: 商务服务; - 1921: 休闲娱乐; - 1937: 丽人; - 1908: 房地产; - 1910:
                教育培训; - 1911: 出行旅游; - 1912: 社会公共; - 1913: 游戏; - 1914: 互联网电商服务; - 1915: 交通工具;
                - 1916: 汽车; - 1917: 农资园艺; - 1920: 机械设备; - 1939: 文化用品; - 1940: 运动户外; - 1922:
                传媒资讯; - 1924: 通信; - 1925: 金融业; - 1927: 餐饮服务; - 1928: 工具类软件; - 1929: 招商加盟; -
                1930: 美妆; - 1931: 母婴宠物; - 1933: 日化; - 1934: 实体书籍; - 1935: 社交通讯. (optional;
                the server's default: 'ALL')
            is_superstar: Whether to filter celebrity creators. (optional; the server's
                default: False)
            follower_range: Raw follower count range in min-max format. Example: 1000-2000
                means 1,000 to 2,000 followers; 5000000-10000000 means 5 million to 10
                million followers. (optional)
            kol_price_type: KOL price type. (optional)
            kol_price_range: KOL price range (e.g., 10000-50000). (optional)
            content_tag: Creator category filter. Pass Xingtu first-level or second-level
                category labels separated by commas. Available values: - 美妆: 美妆教程, 妆容展示,
                护肤保养, 美妆测评种草; - 时尚: 穿搭, 街拍, 造型, 时尚媒体; - 萌宠: 日常宠物, 特别宠物, 宠物周边; - 测评: 美妆测评,
                3C数码测评, 汽车测评, 美食产品测评, 母婴产品测评, 综合测评, 酒店测评; - 游戏: 游戏剧情, 游戏解说, 游戏资讯, 游戏其他,
                游戏录屏, 游戏集锦; - 二次元: 二次元真人, 动画漫画, 配音声优, 宅物手办; - 旅行: 旅行记录, 旅行攻略, 旅行推荐, 户外生活; -
                汽车: 汽车测评, 汽车知识, 汽车周边; - 生活: 生活记录, 生活小窍门, 好物推荐, 健康养生, 婚恋; - 音乐: 歌曲演唱, 乐器演奏,
                音乐教学, 音乐其他, 音乐剪辑; - 舞蹈; - 美食: 美食教程, 美食探店, 美食产品测评, 乡村野食, 美食其他, 酒类; - 母婴亲子:
                育儿科普, 萌娃日常, 亲子互动, 测评种草; - 运动健身: 健身, 极限运动, 体育资讯, 冰雪, 垂钓, 格斗, 球类项目, 综合体育; -
                科技数码: 3C数码, 家居电器, 科技; - 教育培训: 考学培训, 语言教学, 个人管理, 职业教育; - 颜值达人: 美女, 帅哥; -
                生活家居: 硬装, 软装, 生活技巧, 家居氛围; - 才艺技能: 创意才能, 手工, 摄影, 绘画, 其他才艺; - 影视娱乐: 影视解说,
                影视混剪, 明星资讯, 综艺解说, 综艺混剪; - 艺术文化: 传统文化, 人文科普, 自然科学; - 财经投资: 传统金融, 互联网金融, 财经知识;
                - 三农; - 剧情搞笑: 剧情, 搞笑; - 情感; - 园艺; - 房产: 其他房产, 房产知识, 房产及投资, 楼盘评测, 楼市资讯, 租房; -
                随拍; - 媒体号. Example: 美妆,穿搭,剧情搞笑 (optional)
            content_theme: Content theme filter. Pass Xingtu second-level content theme
                labels separated by commas. Available values include: - 妆容妆造: 淡妆教程, 变装造型,
                韩系妆容, 甜美妆容, 清透妆容, 复古妆容, 男性妆容; - 穿搭指南: 日常穿搭, 简约气质穿搭, 国风穿搭, 运动穿搭, 通勤穿搭, 旅行穿搭,
                职业穿搭, 约会穿搭; - 亲子育儿: 亲子活动, 亲子沟通, 学前训练, 新手爸妈指导, 儿童护理, 宝宝辅食, 奶粉测评, 孕产饮食; -
                美食教程与测评: 地方美食, 家常菜谱, 美食探店, 零食测评, 酒水品鉴, 厨房用品, 海鲜烹饪, 减脂美食; - 精彩车生活: 汽车行业资讯,
                用车知识, 车辆保养, 自驾旅行, 新能源汽车资讯, 汽车用品测评, SUV测评; - 手机/数码/家电分享: 科技科普, 电子产品测评, 家电推荐,
                手机评测, 智能家居, AI应用, 数码开箱; - 剧情演绎: 搞笑剧情, 剧情反转, 情感演绎, 家庭幽默演绎, 职场趣闻, 古风剧情, 生存挑战;
                - 萌宠养护: 宠物狗故事, 动物萌态, 宠物养护, 猫咪萌态, 宠物健康, 宠物护理, 宠物救助; - 旅行攻略: 国内旅行, 海外旅行,
                城市旅行攻略, 酒店体验, 露营体验, 亲子旅行, 网红景点种草; - 家居好物: 清洁技巧, 生活好物评测, 家居选购, 家居装修, 家居收纳,
                家装避坑, 房间布置; - 运动户外: 户外运动, 健身塑形, 赛事回顾, 体重管理, 极限运动, 跑步健身, 户外露营. Example:
                亲子活动,宝宝辅食 (optional)
            persona_tag: Creator persona or background labels. Pass Xingtu labels or numeric
                tag IDs separated by commas. Available values: - 人群属性: Z世代, 新锐白领, 精致妈妈,
                都市蓝领, 资深中产, 小镇青年, 小镇中老年, 都市银发; - 社会身份: 音乐人, 非遗传人, 画家; - 主要出镜人物: 海外华人, 外国友人,
                情侣, 夫妻, 家庭, 朋友, 同事, 亲子, 个人; - 肤质肤色: 混油皮, 干皮, 油皮, 敏感肌, 痘痘肌, 黄皮, 白皮, 瑕疵皮; -
                皮肤养护: 美白, 抗老, 祛皱, 抗炎, 修复, 控油, 眼部护理, 补水保湿, 祛斑, 祛痘祛闭口, 隔离防晒; - 母婴阶段: 孕期, 0-6月,
                7-12月, 1-3岁, 3-6岁, 6-12岁, 12-15岁, 15-18岁; - 爱好: 摄影, 时尚穿搭, 美食制作, 科普, 星座, 绘画;
                - 职业: 法律从业者, 航空业从业者, 健身/舞蹈教练, 专业美食从业者, 室内设计师; - 学历: 大学生, 硕士生, 博士, 留学生; -
                黄v认证: 美妆创作者, 体育创作者, 媒体人/主持人, 科技创作者, 运动员; - Other labels: 潮流运动, 球类, 非球类,
                室内健身, 城市运动, 户外运动, 数码潮流玩家, 户外爱好者, 室内设计师, 品酒家/调酒师, 美食评论人, 母婴行业专家, 奶爸, 旧屋改造,
                装修设计, 收纳, 新生儿妈妈, 孕妈, 时尚妈妈, 二三胎妈妈, 西餐, 火锅, 国风爱好者, 成分党. Example: 大学生,美妆创作者
                (optional)
            gender: Creator gender. Available values: MALE/1/男性, FEMALE/2/女性. (optional)
            location: Creator location filter. Pass Chinese province or city names separated
                by commas. Available province values include: 北京市, 天津市, 河北省, 山西省, 内蒙古自治区,
                辽宁省, 吉林省, 黑龙江省, 上海市, 江苏省, 浙江省, 安徽省, 福建省, 江西省, 山东省, 河南省, 湖北省, 湖南省, 广东省,
                广西壮族自治区, 海南省, 重庆市, 四川省, 贵州省, 云南省, 西藏自治区, 陕西省, 甘肃省, 青海省, 宁夏回族自治区, 新疆维吾尔自治区,
                台湾省, 香港特别行政区, 澳门特别行政区. Example: 广东省,深圳市 (optional)
            tonality_tag: Creator tonality labels. Pass Xingtu first-level or second-level
                tonality labels separated by commas. Available values: - 身份/爱好: 马术, 高尔夫,
                橄榄球, 时尚爱好者, 企业高管, 汽车爱好者, 学者专家, 古玩收藏; - 精致达人: 设计师, 高阶潮玩, 职业模特, 造型顾问, 独立设计师,
                美术/画廊/展览, 歌剧舞台剧, 流行, 潮流买手, 电影; - 潮流酷: 冲浪, 浮潜, 说唱, 滑雪, 普拉提, 网球. Example:
                精致达人,设计师 (optional)
            connected_user_range: Connected user count range. Pass raw user counts in min-
                max format. Example: 1000000-3000000 (optional)
            audience_image: Audience profile filter from Xingtu Audience Image. Pass one or
                more shortcut values separated by commas. Available values: - Gender:
                GENDER_MALE_50, GENDER_MALE_60, GENDER_MALE_70, GENDER_MALE_80,
                GENDER_FEMALE_50, GENDER_FEMALE_60, GENDER_FEMALE_70, GENDER_FEMALE_80; -
                Age: AGE_18_23, AGE_24_30, AGE_31_40, AGE_41_50, AGE_GT_50; - Device:
                DEVICE_IPHONE, DEVICE_HUAWEI, DEVICE_XIAOMI, DEVICE_VIVO, DEVICE_OPPO; -
                City tier: CITY_TIER_1, CITY_TIER_2, CITY_TIER_3, CITY_TIER_4, CITY_TIER_5;
                - Average order amount: SPEND_0_50, SPEND_50_100, SPEND_100_200,
                SPEND_200_500, SPEND_GT_500; - Crowd profile: CROWD_REFINED_MOTHER(53 精致妈妈),
                CROWD_URBAN_SILVER(54 都市银发), CROWD_NEW_WHITE_COLLAR(55 新锐白领),
                CROWD_SENIOR_MIDDLE_CLASS(56 资深中产), CROWD_URBAN_BLUE_COLLAR(57 都市蓝领),
                CROWD_GEN_Z(58 Z世代), CROWD_TOWN_MIDDLE_AGED(59 小镇中老年), CROWD_TOWN_YOUTH(60
                小镇青年). Example: GENDER_FEMALE_50,CROWD_REFINED_MOTHER (optional)
            fans_image: Fan profile filter from Xingtu Fan Image. Pass one or more shortcut
                values separated by commas. Available values: - Gender: GENDER_MALE_50,
                GENDER_MALE_60, GENDER_MALE_70, GENDER_MALE_80, GENDER_FEMALE_50,
                GENDER_FEMALE_60, GENDER_FEMALE_70, GENDER_FEMALE_80; - Age: AGE_18_23,
                AGE_24_30, AGE_31_40, AGE_41_50, AGE_GT_50; - Device: DEVICE_IPHONE,
                DEVICE_HUAWEI, DEVICE_XIAOMI, DEVICE_VIVO, DEVICE_OPPO; - City tier:
                CITY_TIER_1, CITY_TIER_2, CITY_TIER_3, CITY_TIER_4, CITY_TIER_5; - Average
                order amount: SPEND_0_50, SPEND_50_100, SPEND_100_200, SPEND_200_500,
                SPEND_GT_500; - Crowd profile: CROWD_REFINED_MOTHER(53 精致妈妈),
                CROWD_URBAN_SILVER(54 都市银发), CROWD_NEW_WHITE_COLLAR(55 新锐白领),
                CROWD_SENIOR_MIDDLE_CLASS(56 资深中产), CROWD_URBAN_BLUE_COLLAR(57 都市蓝领),
                CROWD_GEN_Z(58 Z世代), CROWD_TOWN_MIDDLE_AGED(59 小镇中老年), CROWD_TOWN_YOUTH(60
                小镇青年). Example: GENDER_FEMALE_50,CROWD_REFINED_MOTHER (optional)
            expected_play_range: Expected play count range. Use raw counts in min-max
                format. Page presets include 10000000 or above, 5000000-10000000,
                3000000-5000000, 1000000-3000000, 100000-1000000, and 0-100000. For open-
                ended presets, pass a high upper bound such as 10000000-1000000000. Example:
                1000000-3000000. (optional)
            expected_cpm_range: Expected CPM range in min-max format. Example values
                matching Xingtu packs: 0-10, 0-20, 0-30, 0-50, 0-100, 100-1000000.
                (optional)
            expected_cpe_range: Expected CPE range in min-max format. Example values
                matching Xingtu packs: 0-1, 0-2, 0-3, 0-5, 0-10, 10-1000000. (optional)
            interaction_rate_range: Interaction rate range in decimal min-max format.
                Example values: 0.01-1 for 1% or above, 0.02-1 for 2% or above. (optional)
            completion_rate_range: Completion rate range in decimal min-max format. Example
                values: 0.1-1 for 10% or above, 0.2-1 for 20% or above. (optional)
            viral_rate_range: Viral content rate range in decimal min-max format. Page
                presets include 0-0.1, 0.1-0.25, 0.25-0.5, 0.5-0.99, and 0.99 or above. For
                open-ended presets, pass a high upper bound such as 0.99-1. Example:
                0.1-0.25. (optional)
            progress_task_range: In-progress task count range. Place a colon between the day
                count and the min-max range; omit either bound for an open range. Example:
                30:8- (optional)
            is_curated_author: Whether to include only Xingtu curated creators under Topic
                Recommendations. (optional; the server's default: False)
            author_list: Activity-curated creator list under Xingtu Topic Recommendations.
                Select at most one value. Pass an enum name, numeric list ID, or Chinese
                label. Available values:
                SHORT_LIVE_ENTERTAINMENT_CREATORS/7540478044453486642/短直联动娱播达人;
                SHORT_DRAMA_ACTORS/7591708652957155378/短剧演员;
                WECHAT_QUICK_CONNECT_CREATORS/7644854622347100210/企微可快速建联达人;
                AI_STAR_PLAN_CREATORS/7658250094571814938/AI星企划达人;
                COMMERCE_ADVANTAGE_CREATORS/7648906835038568499/带货优势达人;
                HIGH_VALUE_CREATORS/7656639212045516826/高性价比达人;
                SEEDING_ADVANTAGE_CREATORS/7663404694186033202/种草优势达人;
                BASKETBALL_CREATORS/7501674900550238234/运动圈层达人-篮球;
                PREMIUM_CONTENT_MEDIA/7586629331582222374/精品内容型媒体推荐;
                TREND_SETTING_MEDIA/7586616213569781769/趋势造风型媒体推荐;
                FACTORY_TRACEABILITY_MEDIA/7586616269403832370/探厂溯源型媒体推荐;
                RUNNING_CREATORS/7501675026170281994/运动圈层达人-跑步;
                LIGHT_OUTDOOR_CREATORS/7501674458878181413/运动圈层达人-轻户外;
                FITNESS_CREATORS/7501674307430236197/运动圈层达人-运动健身;
                YOGA_CREATORS/7501678481074929674/运动圈层达人-瑜伽;
                STREET_SPORTS_CREATORS/7501677564604383259/运动圈层达人-街头运动;
                CYCLING_CREATORS/7501677556094042149/运动圈层达人-骑行;
                FOOTBALL_CREATORS/7501674900550483994/运动圈层达人-足球;
                FISHING_CREATORS/7501676465915215881/运动圈层达人-垂钓;
                BEAUTY_QUALITY_CREATORS/7460387606572875826/美妆质感达人. (optional)
        """
        return self._answer(
            OPERATIONS["search_for_author_square"],
            {
                "keyword": keyword,
                "page": page,
                "sort": sort,
                "search_type": search_type,
                "marketing_target": marketing_target,
                "industry": industry,
                "is_superstar": is_superstar,
                "follower_range": follower_range,
                "kol_price_type": kol_price_type,
                "kol_price_range": kol_price_range,
                "content_tag": content_tag,
                "content_theme": content_theme,
                "persona_tag": persona_tag,
                "gender": gender,
                "location": location,
                "tonality_tag": tonality_tag,
                "connected_user_range": connected_user_range,
                "audience_image": audience_image,
                "fans_image": fans_image,
                "expected_play_range": expected_play_range,
                "expected_cpm_range": expected_cpm_range,
                "expected_cpe_range": expected_cpe_range,
                "interaction_rate_range": interaction_rate_range,
                "completion_rate_range": completion_rate_range,
                "viral_rate_range": viral_rate_range,
                "progress_task_range": progress_task_range,
                "is_curated_author": is_curated_author,
                "author_list": author_list,
            },
        )

    def search_kol_simple(
        self, keyword: str, platform_source: Literal["_1", "_2", "_3"], page: int
    ) -> Answer:
        """Creator Search Light

        Get Douyin Creator Marketplace (Xingtu) kOL Keyword Search data, including matching
        creators and discovery data, for creator sourcing and shortlist building.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/search-kol-simple/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            keyword: Search keywords.
            platform_source: Platform source.
            page: Page number.
        """
        return self._answer(
            OPERATIONS["search_kol_simple"],
            {"keyword": keyword, "platform_source": platform_source, "page": page},
        )

    def video_detail(self, detail_id: str) -> Answer:
        """Video Details

        Get Douyin Creator Marketplace (Xingtu) video Details data, including performance
        fields from the legacy Douyin Xingtu endpoint, for content review and integration
        compatibility.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-video-detail/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            detail_id: Video detail ID.
        """
        return self._answer(OPERATIONS["video_detail"], {"detail_id": detail_id})


class AsyncOperations:
    """The awaitable methods of the untyped operations (a client supplies _answer)."""

    __slots__ = ()

    async def _answer(self, operation: Operation, values: Mapping[str, object]) -> Answer:
        raise NotImplementedError

    async def author_audience_distribution(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
        link_type: Literal["CONNECTED", "AWARE", "INTERESTED", "LIKE", "FOLLOW"] | None = None,
    ) -> Answer:
        """Audience Distribution

        Returns Douyin Creator Marketplace (Xingtu) audience-distribution data for a
        creator, content channel, and selected relationship stage. Use it to assess audience
        fit for campaign targeting.

        ``GET /api/douyin-xingtu/gw/api/data_sp/author_audience_distribution/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
            link_type: Link type filter. (optional; the server's default: 'CONNECTED')
        """
        return await self._answer(
            OPERATIONS["author_audience_distribution"],
            {"o_author_id": o_author_id, "platform": platform, "link_type": link_type},
        )

    async def author_base_info(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
    ) -> Answer:
        """Creator Profile

        Returns the Douyin Creator Marketplace (Xingtu) profile for a specified creator and
        content channel. Use it to review creator information before shortlisting or
        campaign outreach.

        ``GET /api/douyin-xingtu/gw/api/author/get_author_base_info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
        """
        return await self._answer(
            OPERATIONS["author_base_info"], {"o_author_id": o_author_id, "platform": platform}
        )

    async def author_commerce_seed_base_info(
        self, o_author_id: str, *, range: Literal["DAY_30", "DAY_90"] | None = None
    ) -> Answer:
        """Commerce Seeding Base Info

        Returns Douyin Creator Marketplace (Xingtu) commerce-seeding baseline information
        for a creator over a selectable 30- or 90-day period. Use it to research creators
        for product-seeding campaigns.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_commerce_seed_base_info/v1``;
        answers :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            range: Time range. (optional; the server's default: 'DAY_90')
        """
        return await self._answer(
            OPERATIONS["author_commerce_seed_base_info"],
            {"o_author_id": o_author_id, "range": range},
        )

    async def author_commerce_spread_info(self, o_author_id: str) -> Answer:
        """Creator Commerce Spread Info

        Returns Douyin Creator Marketplace (Xingtu) commerce spread information for a
        specified creator. Use it to compare creators during commerce campaign planning.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_commerce_spread_info/v1``;
        answers :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
        """
        return await self._answer(
            OPERATIONS["author_commerce_spread_info"], {"o_author_id": o_author_id}
        )

    async def author_content_hot_keywords(self, o_author_id: str) -> Answer:
        """Content Keyword Analysis

        Returns Douyin Creator Marketplace (Xingtu) content keyword analysis for a specified
        creator. Use it to identify recurring content themes during creator positioning
        research.

        ``GET /api/douyin-xingtu/gw/api/gauthor/get_author_content_hot_keywords/v1``;
        answers :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
        """
        return await self._answer(
            OPERATIONS["author_content_hot_keywords"], {"o_author_id": o_author_id}
        )

    async def author_contract_base_info(
        self, o_author_id: str, *, range: Literal["DAY_30", "DAY_90"] | None = None
    ) -> Answer:
        """Creator Contract Base Info

        Returns Douyin Creator Marketplace (Xingtu) contract-related baseline information
        for a creator over a selectable 30- or 90-day period. Use it to review creator
        contract context during campaign planning.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_contract_base_info``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            range: Time range. (optional)
        """
        return await self._answer(
            OPERATIONS["author_contract_base_info"], {"o_author_id": o_author_id, "range": range}
        )

    async def author_convert_ability(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
        range: Literal["DAY_30", "DAY_90"] | None = None,
    ) -> Answer:
        """Conversion Analysis

        Returns Douyin Creator Marketplace (Xingtu) conversion analysis for a creator,
        content channel, and 30- or 90-day period. Use it to compare creator conversion
        performance during commerce campaign planning.

        ``GET /api/douyin-xingtu/gw/api/data_sp/get_author_convert_ability/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
            range: Time range. (optional; the server's default: 'DAY_30')
        """
        return await self._answer(
            OPERATIONS["author_convert_ability"],
            {"o_author_id": o_author_id, "platform": platform, "range": range},
        )

    async def author_convert_videos_or_products(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
        industry_id: Literal[
            "ALL",
            "ELECTRONICS_AND_APPLIANCES",
            "SHOPPING",
            "FOOD_AND_BEVERAGE",
            "CLOTHING_AND_ACCESSORIES",
            "HEALTHCARE_AND_MEDICAL",
            "MEDICAL_INSTITUTIONS",
            "HOME_AND_BUILDING_MATERIALS",
            "LOCAL_SERVICES",
            "BUSINESS_SERVICES",
            "CULTURE_SPORTS_ENTERTAINMENT",
            "BEAUTY_SERVICES",
            "REAL_ESTATE",
            "EDUCATION_AND_TRAINING",
            "TRAVEL_AND_TOURISM",
            "PUBLIC_SERVICES",
            "GAMES",
            "RETAIL",
            "TRANSPORTATION_EQUIPMENT",
            "AUTOMOTIVE",
            "AGRICULTURE_FORESTRY_FISHERY",
            "CHEMICAL_AND_ENERGY",
            "ELECTRONICS_AND_ELECTRICAL",
            "MACHINERY_EQUIPMENT",
            "MEDIA_AND_INFORMATION",
            "LOGISTICS",
            "TELECOMMUNICATIONS",
            "FINANCIAL_SERVICES",
            "CATERING_SERVICES",
            "SOFTWARE_TOOLS",
            "FRANCHISING_AND_INVESTMENT",
            "BEAUTY_AND_COSMETICS",
            "MOTHER_BABY_AND_PET",
            "DAILY_CHEMICALS",
            "PHYSICAL_BOOKS",
            "SOCIAL_AND_COMMUNICATION",
            "CULTURAL_SUPPLIES",
            "SPORTS_OUTDOOR",
        ]
        | None = None,
        range: Literal["DAY_30", "DAY_90"] | None = None,
        detail_type: Literal["VIDEO", "PRODUCT"] | None = None,
        page: int | None = None,
    ) -> Answer:
        """Conversion Resources

        Lists Douyin Creator Marketplace (Xingtu) conversion-related videos or products for
        a creator, with industry, period, resource-type, and page filters. Use it to review
        commerce examples before creator selection.

        ``GET /api/douyin-xingtu/gw/api/data_sp/get_author_convert_videos_or_products/v1``;
        answers :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
            industry_id: Industry category. (optional; the server's default: 'ALL')
            range: Time range. (optional; the server's default: 'DAY_30')
            detail_type: Resource type. (optional; the server's default: 'VIDEO')
            page: Page number. (optional; the server's default: 1)
        """
        return await self._answer(
            OPERATIONS["author_convert_videos_or_products"],
            {
                "o_author_id": o_author_id,
                "platform": platform,
                "industry_id": industry_id,
                "range": range,
                "detail_type": detail_type,
                "page": page,
            },
        )

    async def author_cp_info(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
    ) -> Answer:
        """Cost Performance Analysis

        Returns Douyin Creator Marketplace (Xingtu) cost-performance information for a
        specified creator and content channel. Use it to compare creator efficiency during
        campaign budgeting.

        ``GET /api/douyin-xingtu/gw/api/data_sp/author_cp_info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
        """
        return await self._answer(
            OPERATIONS["author_cp_info"], {"o_author_id": o_author_id, "platform": platform}
        )

    async def author_daily_fans(
        self, o_author_id: str, start_date: str | datetime.date, end_date: str | datetime.date
    ) -> Answer:
        """Follower Growth Trend

        Returns Douyin Creator Marketplace (Xingtu) daily follower trend data for a
        specified creator and date range. Use it to review follower growth patterns during
        creator evaluation.

        ``GET /api/douyin-xingtu/gw/api/data_sp/get_author_daily_fans/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            start_date: Start Date (yyyy-MM-dd).
            end_date: End Date (yyyy-MM-dd).
        """
        return await self._answer(
            OPERATIONS["author_daily_fans"],
            {"o_author_id": o_author_id, "start_date": start_date, "end_date": end_date},
        )

    async def author_fans_distribution(
        self, o_author_id: str, *, author_type: Literal["FAN", "DIE_HARD_FAN"] | None = None
    ) -> Answer:
        """Follower Distribution

        Returns Douyin Creator Marketplace (Xingtu) follower or loyal-follower distribution
        data for a specified creator. Use it to compare audience-profile distributions
        during creator selection.

        ``GET /api/douyin-xingtu/gw/api/data_sp/get_author_fans_distribution/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            author_type: Author type filter. (optional; the server's default: 'FAN')
        """
        return await self._answer(
            OPERATIONS["author_fans_distribution"],
            {"o_author_id": o_author_id, "author_type": author_type},
        )

    async def author_get_business_card_info(self, o_author_id: str) -> Answer:
        """Creator Business Card

        Returns the Douyin Creator Marketplace (Xingtu) business-card profile for a
        specified creator. Use it to review creator identity and business context before
        campaign outreach.

        ``GET /api/douyin-xingtu/gw/api/gauthor/author_get_business_card_info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
        """
        return await self._answer(
            OPERATIONS["author_get_business_card_info"], {"o_author_id": o_author_id}
        )

    async def author_homepage_videos(
        self,
        o_author_id: str,
        *,
        page: int | None = None,
        keyword: str | None = None,
        video_type: Literal["ALL", "PERSONAL", "XINGTU"] | None = None,
        only_assign: bool | None = None,
        start_date: str | datetime.date | None = None,
        end_date: str | datetime.date | None = None,
    ) -> Answer:
        """Creator Homepage Videos

        Lists a Douyin Creator Marketplace (Xingtu) creator's homepage videos with keyword,
        video-type, assignment, date, and page filters. Use it to review relevant content
        before campaign selection.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_homepage_videos/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique Xingtu ID.
            page: Page number, starting from 1. (optional; the server's default: 1)
            keyword: Keyword used to search creator homepage videos. (optional)
            video_type: Homepage video type filter. (optional; the server's default: 'ALL')
            only_assign: Whether to include only assigned videos. Xingtu usually shows this
                option when `videoType` is `XINGTU`. (optional; the server's default: False)
            start_date: Start publish date in yyyyMMdd format. The filter starts at 00:00:00
                in Asia/Shanghai. (optional)
            end_date: End publish date in yyyyMMdd format. The filter ends at 23:59:59 in
                Asia/Shanghai. (optional)
        """
        return await self._answer(
            OPERATIONS["author_homepage_videos"],
            {
                "o_author_id": o_author_id,
                "page": page,
                "keyword": keyword,
                "video_type": video_type,
                "only_assign": only_assign,
                "start_date": start_date,
                "end_date": end_date,
            },
        )

    async def author_hot_comment_tokens(self, o_author_id: str) -> Answer:
        """Comment Keyword Analysis

        Returns Douyin Creator Marketplace (Xingtu) comment keyword analysis for a specified
        creator. Use it to identify recurring audience discussion themes during creator
        research.

        ``GET /api/douyin-xingtu/gw/api/data/get_author_hot_comment_tokens/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
        """
        return await self._answer(
            OPERATIONS["author_hot_comment_tokens"], {"o_author_id": o_author_id}
        )

    async def author_link_info(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
        industry_tag: Literal[
            "ALL",
            "ELECTRONICS_AND_APPLIANCES",
            "SHOPPING",
            "FOOD_AND_BEVERAGE",
            "CLOTHING_AND_ACCESSORIES",
            "HEALTHCARE_AND_MEDICAL",
            "MEDICAL_INSTITUTIONS",
            "HOME_AND_BUILDING_MATERIALS",
            "LOCAL_SERVICES",
            "BUSINESS_SERVICES",
            "CULTURE_SPORTS_ENTERTAINMENT",
            "BEAUTY_SERVICES",
            "REAL_ESTATE",
            "EDUCATION_AND_TRAINING",
            "TRAVEL_AND_TOURISM",
            "PUBLIC_SERVICES",
            "GAMES",
            "RETAIL",
            "TRANSPORTATION_EQUIPMENT",
            "AUTOMOTIVE",
            "AGRICULTURE_FORESTRY_FISHERY",
            "CHEMICAL_AND_ENERGY",
            "ELECTRONICS_AND_ELECTRICAL",
            "MACHINERY_EQUIPMENT",
            "MEDIA_AND_INFORMATION",
            "LOGISTICS",
            "TELECOMMUNICATIONS",
            "FINANCIAL_SERVICES",
            "CATERING_SERVICES",
            "SOFTWARE_TOOLS",
            "FRANCHISING_AND_INVESTMENT",
            "BEAUTY_AND_COSMETICS",
            "MOTHER_BABY_AND_PET",
            "DAILY_CHEMICALS",
            "PHYSICAL_BOOKS",
            "SOCIAL_AND_COMMUNICATION",
            "CULTURAL_SUPPLIES",
            "SPORTS_OUTDOOR",
        ]
        | None = None,
    ) -> Answer:
        """Creator Link Metrics

        Returns Douyin Creator Marketplace (Xingtu) creator-link metrics for a specified
        creator, content channel, and industry category. Use it to review creator link
        information in an industry context.

        ``GET /api/douyin-xingtu/gw/api/data_sp/get_author_link_info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
            industry_tag: Industry tag. (optional; the server's default: 'ALL')
        """
        return await self._answer(
            OPERATIONS["author_link_info"],
            {"o_author_id": o_author_id, "platform": platform, "industry_tag": industry_tag},
        )

    async def author_link_struct(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
    ) -> Answer:
        """Creator Link Structure

        Returns Douyin Creator Marketplace (Xingtu) creator-link structure data for a
        specified creator and content channel. Use it to compare creator link structures
        during performance research.

        ``GET /api/douyin-xingtu/gw/api/data_sp/author_link_struct/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
        """
        return await self._answer(
            OPERATIONS["author_link_struct"], {"o_author_id": o_author_id, "platform": platform}
        )

    async def author_live_statistics(
        self,
        o_author_id: str,
        *,
        live_type: Literal["ALL", "GAME", "ECOMMERCE", "OTHER"] | None = None,
        period: Literal["DAY_30", "DAY_90"] | None = None,
        only_star_order: bool | None = None,
        flow_type: Literal["EXCLUDE", "INCLUDE"] | None = None,
    ) -> Answer:
        """Live Statistics

        Returns Douyin Creator Marketplace (Xingtu) live-stream statistics for a creator,
        with live-room, period, marketplace-order, and flow filters. Use it to compare live-
        streaming creators for campaign planning.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_live_statistics/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            live_type: Live room type filter. (optional)
            period: Live data time period. (optional)
            only_star_order: Whether to include only Xingtu marketplace orders. (optional;
                the server's default: False)
            flow_type: Flow type filter. (optional)
        """
        return await self._answer(
            OPERATIONS["author_live_statistics"],
            {
                "o_author_id": o_author_id,
                "live_type": live_type,
                "period": period,
                "only_star_order": only_star_order,
                "flow_type": flow_type,
            },
        )

    async def author_live_watch_distribution(
        self,
        o_author_id: str,
        *,
        live_crowd_type: Literal["AUDIENCE", "FANS"] | None = None,
        live_type: Literal["ALL", "GAME", "ECOMMERCE", "OTHER"] | None = None,
    ) -> Answer:
        """Live Watch Distribution

        Returns Douyin Creator Marketplace (Xingtu) live audience or follower watch-
        distribution data for a creator and selected live-room type. Use it to assess live
        audience fit for a campaign.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_live_watch_distribution/v1``;
        answers :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            live_crowd_type: Live audience profile type. (optional)
            live_type: Live room type filter. (optional)
        """
        return await self._answer(
            OPERATIONS["author_live_watch_distribution"],
            {
                "o_author_id": o_author_id,
                "live_crowd_type": live_crowd_type,
                "live_type": live_type,
            },
        )

    async def author_marketing_info(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
    ) -> Answer:
        """Marketing Metrics

        Returns Douyin Creator Marketplace (Xingtu) marketing information for a specified
        creator and content channel. Use it to compare creator commercial offerings during
        campaign planning.

        ``GET /api/douyin-xingtu/gw/api/author/get_author_marketing_info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
        """
        return await self._answer(
            OPERATIONS["author_marketing_info"], {"o_author_id": o_author_id, "platform": platform}
        )

    async def author_order_experience(
        self, o_author_id: str, *, period: Literal["DAY_30", "DAY_90"] | None = None
    ) -> Answer:
        """Creator Order Experience

        Returns Douyin Creator Marketplace (Xingtu) creator order-experience information for
        the last 30 or 90 days. Use it to review marketplace order history during creator
        evaluation.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_order_experience/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            period: Time period. (optional; the server's default: 'DAY_30')
        """
        return await self._answer(
            OPERATIONS["author_order_experience"], {"o_author_id": o_author_id, "period": period}
        )

    async def author_platform_channel_info(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
    ) -> Answer:
        """Creator Channel Metrics

        Returns Douyin Creator Marketplace (Xingtu) channel information for a specified
        creator and content format. Use it to compare a creator's short-video, live, image-
        text, or short-drama presence.

        ``GET /api/douyin-xingtu/gw/api/author/get_author_platform_channel_info_v2/v1``;
        answers :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
        """
        return await self._answer(
            OPERATIONS["author_platform_channel_info"],
            {"o_author_id": o_author_id, "platform": platform},
        )

    async def author_show_items(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
        only_assign: bool | None = None,
        flow_type: Literal["EXCLUDE", "INCLUDE"] | None = None,
    ) -> Answer:
        """Showcase Items

        Returns Douyin Creator Marketplace (Xingtu) showcase items for a creator, with
        content-channel, assignment, and flow filters. Use it to review a creator's
        marketplace showcase during commerce campaign planning.

        ``GET /api/douyin-xingtu/gw/api/author/get_author_show_items_v2/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
            only_assign: Whether to only include assigned items. (optional; the server's
                default: False)
            flow_type: Flow type filter. (optional; the server's default: 'EXCLUDE')
        """
        return await self._answer(
            OPERATIONS["author_show_items"],
            {
                "o_author_id": o_author_id,
                "platform": platform,
                "only_assign": only_assign,
                "flow_type": flow_type,
            },
        )

    async def author_side_base_info(self, o_author_id: str) -> Answer:
        """Creator Side Base Info

        Returns the Douyin Creator Marketplace (Xingtu) side-card baseline information for a
        specified creator. Use it to review a creator's marketplace overview during
        shortlisting.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_side_base_info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
        """
        return await self._answer(OPERATIONS["author_side_base_info"], {"o_author_id": o_author_id})

    async def author_spread_info(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
        range: Literal["DAY_30", "DAY_90"] | None = None,
        type: Literal["PERSONAL_VIDEO", "XINTU_VIDEO"] | None = None,
        only_assign: bool | None = None,
        flow_type: Literal["EXCLUDE", "INCLUDE"] | None = None,
    ) -> Answer:
        """Spread Metrics

        Returns Douyin Creator Marketplace (Xingtu) spread metrics for a creator, with
        channel, period, video-type, assignment, and flow filters. Use it to compare creator
        spread performance during campaign planning.

        ``GET /api/douyin-xingtu/gw/api/data_sp/get_author_spread_info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
            range: Time range. (optional; the server's default: 'DAY_30')
            type: Video type. (optional; the server's default: 'PERSONAL_VIDEO')
            only_assign: Whether to only include assigned videos. (optional; the server's
                default: False)
            flow_type: Flow type filter. (optional; the server's default: 'EXCLUDE')
        """
        return await self._answer(
            OPERATIONS["author_spread_info"],
            {
                "o_author_id": o_author_id,
                "platform": platform,
                "range": range,
                "type": type,
                "only_assign": only_assign,
                "flow_type": flow_type,
            },
        )

    async def author_tags(self, star_author_id: str) -> Answer:
        """Creator Tags

        Returns Douyin Creator Marketplace (Xingtu) tags for a specified creator. Use it to
        classify creators and compare their fit for campaign briefs.

        ``GET /api/douyin-xingtu/gw/api/aggregator/get_author_tags/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            star_author_id: Creator's unique Xingtu ID.
        """
        return await self._answer(OPERATIONS["author_tags"], {"star_author_id": star_author_id})

    async def author_touch_distribution(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
    ) -> Answer:
        """Audience Touchpoint Distribution

        Returns Douyin Creator Marketplace (Xingtu) audience-touchpoint distribution data
        for a specified creator and content channel. Use it to compare audience-contact
        patterns during campaign research.

        ``GET /api/douyin-xingtu/gw/api/data_sp/author_touch_distribution/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
        """
        return await self._answer(
            OPERATIONS["author_touch_distribution"],
            {"o_author_id": o_author_id, "platform": platform},
        )

    async def author_video_distribution(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
    ) -> Answer:
        """Video Distribution

        Returns Douyin Creator Marketplace (Xingtu) video-distribution data for a specified
        creator and content channel. Use it to analyze how the creator's videos are
        distributed during campaign research.

        ``GET /api/douyin-xingtu/gw/api/data_sp/author_video_distribution/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
        """
        return await self._answer(
            OPERATIONS["author_video_distribution"],
            {"o_author_id": o_author_id, "platform": platform},
        )

    async def check_author_display(
        self,
        o_author_id: str,
        *,
        platform: Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
        | None = None,
    ) -> Answer:
        """Creator Visibility Status

        Returns whether a specified creator can be displayed in Douyin Creator Marketplace
        (Xingtu) for the selected content channel. Use it to check creator availability
        before building a campaign shortlist.

        ``GET /api/douyin-xingtu/gw/api/data_sp/check_author_display/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            o_author_id: Author's unique ID.
            platform: Platform type. (optional; the server's default: 'SHORT_VIDEO')
        """
        return await self._answer(
            OPERATIONS["check_author_display"], {"o_author_id": o_author_id, "platform": platform}
        )

    async def item_report_detail(self, item_id: str) -> Answer:
        """Video Details

        Returns Douyin Creator Marketplace (Xingtu) report details for a specified video
        item. Use it to inspect a video's marketplace report during content performance
        analysis.

        ``GET /api/douyin-xingtu/gw/api/data_sp/item_report_detail/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            item_id: Item's unique ID.
        """
        return await self._answer(OPERATIONS["item_report_detail"], {"item_id": item_id})

    async def item_report_th_analysis(self, item_id: str) -> Answer:
        """Item Report Analysis

        Returns Douyin Creator Marketplace (Xingtu) report analysis for a specified video
        item. Use it to evaluate a video's reported performance during campaign review.

        ``GET /api/douyin-xingtu/gw/api/data_sp/item_report_th_analysis/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            item_id: Item's unique ID.
        """
        return await self._answer(OPERATIONS["item_report_th_analysis"], {"item_id": item_id})

    async def item_report_trend(self, item_id: str) -> Answer:
        """Item Report Trends

        Returns Douyin Creator Marketplace (Xingtu) report trend data for a specified video
        item. Use it to review how a video's reported performance changes over time.

        ``GET /api/douyin-xingtu/gw/api/data_sp/item_report_trend/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            item_id: Item's unique ID.
        """
        return await self._answer(OPERATIONS["item_report_trend"], {"item_id": item_id})

    async def kol_audience_distribution(self, kol_id: str) -> Answer:
        """Audience Distribution

        Get Douyin Creator Marketplace (Xingtu) audience Distribution data, including
        demographic and interest-based audience segmentation, for creator evaluation,
        campaign planning, and marketplace research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-audience-distribution/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
        """
        return await self._answer(OPERATIONS["kol_audience_distribution"], {"kol_id": kol_id})

    async def kol_commerce_seed_base_info(self, kol_id: str, range: str) -> Answer:
        """Commerce Seeding Base Info

        Get Douyin Creator Marketplace (Xingtu) author Commerce Seeding Base Info data,
        including baseline metrics, commercial signals, and seeding indicators, for product
        seeding analysis, creator vetting, and campaign planning.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-author-commerce-seed-base-info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            range: Time range.
        """
        return await self._answer(
            OPERATIONS["kol_commerce_seed_base_info"], {"kol_id": kol_id, "range": range}
        )

    async def kol_commerce_spread_info(self, kol_id: str) -> Answer:
        """Creator Commerce Spread Info

        Get Douyin Creator Marketplace (Xingtu) author Commerce Spread Info data, including
        spread metrics, for creator evaluation for campaign planning and media buying.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-author-commerce-spread-info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
        """
        return await self._answer(OPERATIONS["kol_commerce_spread_info"], {"kol_id": kol_id})

    async def kol_content_hot_keywords(self, kol_id: str) -> Answer:
        """Content Keyword Analysis

        Get Douyin Creator Marketplace (Xingtu) kOL Content Keyword Analysis data, including
        core metrics, trend signals, and performance indicators, for content theme analysis
        and creator positioning research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-author-content-hot-keywords/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
        """
        return await self._answer(OPERATIONS["kol_content_hot_keywords"], {"kol_id": kol_id})

    async def kol_convert_ability(self, kol_id: str, range: Literal["_2", "_3"]) -> Answer:
        """Conversion Analysis

        Get Douyin Creator Marketplace (Xingtu) conversion Analysis data, including
        conversion efficiency and commercial performance indicators, for creator evaluation,
        campaign planning, and marketplace research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-convert-ability/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            range: Time range.
        """
        return await self._answer(
            OPERATIONS["kol_convert_ability"], {"kol_id": kol_id, "range": range}
        )

    async def kol_convert_videos_or_products(
        self, kol_id: str, detail_type: Literal["_1", "_2"], page: int
    ) -> Answer:
        """Conversion Resources

        Get Douyin Creator Marketplace (Xingtu) conversion Resources data, including
        products tied to a Douyin Xingtu creator's conversion activity, for commerce
        analysis and campaign optimization.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-convert-videos-or-products/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            detail_type: Resource type.
            page: Page number.
        """
        return await self._answer(
            OPERATIONS["kol_convert_videos_or_products"],
            {"kol_id": kol_id, "detail_type": detail_type, "page": page},
        )

    async def kol_cp_info(self, kol_id: str) -> Answer:
        """Cost Performance Analysis

        Get Douyin Creator Marketplace (Xingtu) cost Performance Analysis data, including
        pricing, exposure, and engagement efficiency indicators, for creator evaluation,
        campaign planning, and marketplace research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-cp-info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
        """
        return await self._answer(OPERATIONS["kol_cp_info"], {"kol_id": kol_id})

    async def kol_daily_fans(
        self, kol_id: str, start_date: str | datetime.date, end_date: str | datetime.date
    ) -> Answer:
        """Follower Growth Trend

        Get Douyin Creator Marketplace (Xingtu) follower Growth Trend data, including
        historical audience changes over time, for creator evaluation, campaign planning,
        and marketplace research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-daily-fans/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            start_date: Start Date (yyyy-MM-dd).
            end_date: End Date (yyyy-MM-dd).
        """
        return await self._answer(
            OPERATIONS["kol_daily_fans"],
            {"kol_id": kol_id, "start_date": start_date, "end_date": end_date},
        )

    async def kol_fans_distribution(
        self, kol_id: str, *, fans_type: Literal["_1", "_5"] | None = None
    ) -> Answer:
        """Follower Distribution

        Get Douyin Creator Marketplace (Xingtu) follower distribution data, including
        audience demographics, interests, and distribution metrics, for creator evaluation,
        campaign planning, and marketplace research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-fans-distribution/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            fans_type: Fans type. (optional; the server's default: '_1')
        """
        return await self._answer(
            OPERATIONS["kol_fans_distribution"], {"kol_id": kol_id, "fans_type": fans_type}
        )

    async def kol_hot_comment_tokens(self, kol_id: str) -> Answer:
        """Comment Keyword Analysis

        Get Douyin Creator Marketplace (Xingtu) kOL Comment Keyword Analysis data, including
        core metrics, trend signals, and performance indicators, for audience language
        analysis and comment-topic research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-author-hot-comment-tokens/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
        """
        return await self._answer(OPERATIONS["kol_hot_comment_tokens"], {"kol_id": kol_id})

    async def kol_info(
        self, kol_id: str, *, platform_channel: Literal["_1", "_10"] | None = None
    ) -> Answer:
        """Creator Profile

        Get Douyin Creator Marketplace (Xingtu) creator Profile data, including audience and
        pricing data, for influencer vetting, benchmark analysis, and campaign planning.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            platform_channel: Platform channel. (optional; the server's default: '_1')
        """
        return await self._answer(
            OPERATIONS["kol_info"], {"kol_id": kol_id, "platform_channel": platform_channel}
        )

    async def kol_link_info(self, kol_id: str, *, industry_tag: str | None = None) -> Answer:
        """Creator Link Metrics

        Get Douyin Creator Marketplace (Xingtu) creator Link Metrics data, including creator
        ranking, traffic structure, and related performance indicators, for creator
        evaluation, campaign planning, and marketplace research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-link-info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            industry_tag: Industry Tag. (optional; the server's default: '')
        """
        return await self._answer(
            OPERATIONS["kol_link_info"], {"kol_id": kol_id, "industry_tag": industry_tag}
        )

    async def kol_link_struct(self, kol_id: str) -> Answer:
        """Creator Link Structure

        Get Douyin Creator Marketplace (Xingtu) creator Link Structure data, including
        engagement and conversion metrics, for creator performance analysis.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-link-struct/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
        """
        return await self._answer(OPERATIONS["kol_link_struct"], {"kol_id": kol_id})

    async def kol_marketing_info(
        self, kol_id: str, *, platform_channel: Literal["_1", "_10"] | None = None
    ) -> Answer:
        """Marketing Metrics

        Get Douyin Creator Marketplace (Xingtu) marketing metrics data, including rate card
        details and commercial service metrics, for creator evaluation, campaign planning,
        and marketplace research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-marketing-info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            platform_channel: Platform channel. (optional; the server's default: '_1')
        """
        return await self._answer(
            OPERATIONS["kol_marketing_info"],
            {"kol_id": kol_id, "platform_channel": platform_channel},
        )

    async def kol_rec_videos(self, kol_id: str) -> Answer:
        """Recommended Videos

        Get Douyin Creator Marketplace (Xingtu) recommended videos data, including video
        performance metrics, for creator evaluation, campaign planning, and marketplace
        research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-rec-videos/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
        """
        return await self._answer(OPERATIONS["kol_rec_videos"], {"kol_id": kol_id})

    async def kol_show_items(self, kol_id: str, *, only_assign: bool | None = None) -> Answer:
        """Showcase Items

        Get Douyin Creator Marketplace (Xingtu) showcase items data, including core metrics,
        trend signals, and performance indicators, for creator evaluation, campaign
        planning, and marketplace research.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-show-items-v2/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            only_assign: Whether true is Xingtu video, false is personal video. (optional;
                the server's default: False)
        """
        return await self._answer(
            OPERATIONS["kol_show_items"], {"kol_id": kol_id, "only_assign": only_assign}
        )

    async def kol_spread_info(
        self,
        kol_id: str,
        *,
        type: Literal["_1", "_2"] | None = None,
        range: Literal["_2", "_3"] | None = None,
        flow_type: str | None = None,
        only_assign: bool | None = None,
    ) -> Answer:
        """Spread Metrics

        Get Douyin Creator Marketplace (Xingtu) spread metrics data, including audience,
        content performance, and commercial indicators, for quick evaluation.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-spread-info/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
            type: Spread info type. (optional; the server's default: '_1')
            range: Time range. (optional; the server's default: '_2')
            flow_type: Flow type. (optional; the server's default: '1')
            only_assign: Only assigned notes. (optional; the server's default: False)
        """
        return await self._answer(
            OPERATIONS["kol_spread_info"],
            {
                "kol_id": kol_id,
                "type": type,
                "range": range,
                "flow_type": flow_type,
                "only_assign": only_assign,
            },
        )

    async def kol_touch_distribution(self, kol_id: str) -> Answer:
        """Audience Touchpoint Distribution

        Get Douyin Creator Marketplace (Xingtu) audience touchpoint distribution data,
        including segment breakdowns, audience composition, and distribution signals, for
        traffic analysis and existing integration compatibility.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-kol-touch-distribution/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            kol_id: KOL ID.
        """
        return await self._answer(OPERATIONS["kol_touch_distribution"], {"kol_id": kol_id})

    async def search_for_author_square(
        self,
        *,
        keyword: str | None = None,
        page: int | None = None,
        sort: Literal["DEFAULT", "FANS"] | None = None,
        search_type: Literal["NICKNAME", "CONTENT"] | None = None,
        marketing_target: Literal["BRAND_EXPOSURE", "CIRCLE_SEEDING", "ACTION_CONVERSION"]
        | None = None,
        industry: Literal[
            "ALL",
            "ELECTRONICS_AND_APPLIANCES",
            "SHOPPING",
            "FOOD_AND_BEVERAGE",
            "CLOTHING_AND_ACCESSORIES",
            "HEALTHCARE_AND_MEDICAL",
            "MEDICAL_INSTITUTIONS",
            "HOME_AND_BUILDING_MATERIALS",
            "LOCAL_SERVICES",
            "BUSINESS_SERVICES",
            "CULTURE_SPORTS_ENTERTAINMENT",
            "BEAUTY_SERVICES",
            "REAL_ESTATE",
            "EDUCATION_AND_TRAINING",
            "TRAVEL_AND_TOURISM",
            "PUBLIC_SERVICES",
            "GAMES",
            "RETAIL",
            "TRANSPORTATION_EQUIPMENT",
            "AUTOMOTIVE",
            "AGRICULTURE_FORESTRY_FISHERY",
            "CHEMICAL_AND_ENERGY",
            "ELECTRONICS_AND_ELECTRICAL",
            "MACHINERY_EQUIPMENT",
            "MEDIA_AND_INFORMATION",
            "LOGISTICS",
            "TELECOMMUNICATIONS",
            "FINANCIAL_SERVICES",
            "CATERING_SERVICES",
            "SOFTWARE_TOOLS",
            "FRANCHISING_AND_INVESTMENT",
            "BEAUTY_AND_COSMETICS",
            "MOTHER_BABY_AND_PET",
            "DAILY_CHEMICALS",
            "PHYSICAL_BOOKS",
            "SOCIAL_AND_COMMUNICATION",
            "CULTURAL_SUPPLIES",
            "SPORTS_OUTDOOR",
        ]
        | None = None,
        is_superstar: bool | None = None,
        follower_range: str | None = None,
        kol_price_type: Literal[
            "VIDEO_1_20S",
            "VIDEO_21_60S",
            "VIDEO_OVER_60S",
            "CUSTOM_SHORT_DRAMA_EPISODE",
            "NATURAL_PLAY_CPM",
            "SHORT_LIVE_SEEDING_VIDEO",
            "SHORT_LIVE_WARMUP_VIDEO",
            "CELEBRITY_SHORT_LIVE_SEEDING",
            "CELEBRITY_SHORT_LIVE_WARMUP",
            "CELEBRITY_VIDEO",
            "COLLECTION_VIDEO",
            "DOUYIN_SHORT_VIDEO_CO_CREATION_MAIN_CREATOR",
            "DOUYIN_SHORT_VIDEO_CO_CREATION_PARTICIPANT",
        ]
        | None = None,
        kol_price_range: str | None = None,
        content_tag: str | None = None,
        content_theme: str | None = None,
        persona_tag: str | None = None,
        gender: Literal["MALE", "FEMALE"] | None = None,
        location: str | None = None,
        tonality_tag: str | None = None,
        connected_user_range: str | None = None,
        audience_image: str | None = None,
        fans_image: str | None = None,
        expected_play_range: str | None = None,
        expected_cpm_range: str | None = None,
        expected_cpe_range: str | None = None,
        interaction_rate_range: str | None = None,
        completion_rate_range: str | None = None,
        viral_rate_range: str | None = None,
        progress_task_range: str | None = None,
        is_curated_author: bool | None = None,
        author_list: Literal[
            "SHORT_LIVE_ENTERTAINMENT_CREATORS",
            "SHORT_DRAMA_ACTORS",
            "WECHAT_QUICK_CONNECT_CREATORS",
            "AI_STAR_PLAN_CREATORS",
            "COMMERCE_ADVANTAGE_CREATORS",
            "HIGH_VALUE_CREATORS",
            "SEEDING_ADVANTAGE_CREATORS",
            "BASKETBALL_CREATORS",
            "PREMIUM_CONTENT_MEDIA",
            "TREND_SETTING_MEDIA",
            "FACTORY_TRACEABILITY_MEDIA",
            "RUNNING_CREATORS",
            "LIGHT_OUTDOOR_CREATORS",
            "FITNESS_CREATORS",
            "YOGA_CREATORS",
            "STREET_SPORTS_CREATORS",
            "CYCLING_CREATORS",
            "FOOTBALL_CREATORS",
            "FISHING_CREATORS",
            "BEAUTY_QUALITY_CREATORS",
        ]
        | None = None,
    ) -> Answer:
        """Creator Search

        Searches Douyin Creator Marketplace (Xingtu) creators by keyword and structured
        filters for audience, pricing, content, performance, and campaign fit. Use it to
        build and compare campaign shortlists.

        ``GET /api/douyin-xingtu/gw/api/gsearch/search_for_author_square/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            keyword: Search keyword. (optional; the server's default: '')
            page: Page number for pagination. (optional; the server's default: 1)
            sort: Creator search sorting. Values: FANS sorts by follower count descending,
                DEFAULT uses Xingtu score ranking. (optional; the server's default: 'FANS')
            search_type: Search criteria type. (optional; the server's default: 'NICKNAME')
            marketing_target: Marketing goal. Available values: BRAND_EXPOSURE/1/品牌曝光,
                CIRCLE_SEEDING/2/破圈种草, ACTION_CONVERSION/3/行动转化. (optional)
            industry: Recommended industry filter. Pass enum name, numeric industry ID, or
                Chinese industry label. Available values: - ALL/0/不限; - 1901: 3C及电器; - 1938:
                购物; - 1903: 食品饮料; - 1904: 服装配饰; - 1905: 医药健康; - 1936: 医疗机构; - 1909: 家居建材; -
                1907: 生活服务; - 1906: 商务服务; - 1921: 休闲娱乐; - 1937: 丽人; - 1908: 房地产; - 1910:
                教育培训; - 1911: 出行旅游; - 1912: 社会公共; - 1913: 游戏; - 1914: 互联网电商服务; - 1915: 交通工具;
                - 1916: 汽车; - 1917: 农资园艺; - 1920: 机械设备; - 1939: 文化用品; - 1940: 运动户外; - 1922:
                传媒资讯; - 1924: 通信; - 1925: 金融业; - 1927: 餐饮服务; - 1928: 工具类软件; - 1929: 招商加盟; -
                1930: 美妆; - 1931: 母婴宠物; - 1933: 日化; - 1934: 实体书籍; - 1935: 社交通讯. (optional;
                the server's default: 'ALL')
            is_superstar: Whether to filter celebrity creators. (optional; the server's
                default: False)
            follower_range: Raw follower count range in min-max format. Example: 1000-2000
                means 1,000 to 2,000 followers; 5000000-10000000 means 5 million to 10
                million followers. (optional)
            kol_price_type: KOL price type. (optional)
            kol_price_range: KOL price range (e.g., 10000-50000). (optional)
            content_tag: Creator category filter. Pass Xingtu first-level or second-level
                category labels separated by commas. Available values: - 美妆: 美妆教程, 妆容展示,
                护肤保养, 美妆测评种草; - 时尚: 穿搭, 街拍, 造型, 时尚媒体; - 萌宠: 日常宠物, 特别宠物, 宠物周边; - 测评: 美妆测评,
                3C数码测评, 汽车测评, 美食产品测评, 母婴产品测评, 综合测评, 酒店测评; - 游戏: 游戏剧情, 游戏解说, 游戏资讯, 游戏其他,
                游戏录屏, 游戏集锦; - 二次元: 二次元真人, 动画漫画, 配音声优, 宅物手办; - 旅行: 旅行记录, 旅行攻略, 旅行推荐, 户外生活; -
                汽车: 汽车测评, 汽车知识, 汽车周边; - 生活: 生活记录, 生活小窍门, 好物推荐, 健康养生, 婚恋; - 音乐: 歌曲演唱, 乐器演奏,
                音乐教学, 音乐其他, 音乐剪辑; - 舞蹈; - 美食: 美食教程, 美食探店, 美食产品测评, 乡村野食, 美食其他, 酒类; - 母婴亲子:
                育儿科普, 萌娃日常, 亲子互动, 测评种草; - 运动健身: 健身, 极限运动, 体育资讯, 冰雪, 垂钓, 格斗, 球类项目, 综合体育; -
                科技数码: 3C数码, 家居电器, 科技; - 教育培训: 考学培训, 语言教学, 个人管理, 职业教育; - 颜值达人: 美女, 帅哥; -
                生活家居: 硬装, 软装, 生活技巧, 家居氛围; - 才艺技能: 创意才能, 手工, 摄影, 绘画, 其他才艺; - 影视娱乐: 影视解说,
                影视混剪, 明星资讯, 综艺解说, 综艺混剪; - 艺术文化: 传统文化, 人文科普, 自然科学; - 财经投资: 传统金融, 互联网金融, 财经知识;
                - 三农; - 剧情搞笑: 剧情, 搞笑; - 情感; - 园艺; - 房产: 其他房产, 房产知识, 房产及投资, 楼盘评测, 楼市资讯, 租房; -
                随拍; - 媒体号. Example: 美妆,穿搭,剧情搞笑 (optional)
            content_theme: Content theme filter. Pass Xingtu second-level content theme
                labels separated by commas. Available values include: - 妆容妆造: 淡妆教程, 变装造型,
                韩系妆容, 甜美妆容, 清透妆容, 复古妆容, 男性妆容; - 穿搭指南: 日常穿搭, 简约气质穿搭, 国风穿搭, 运动穿搭, 通勤穿搭, 旅行穿搭,
                职业穿搭, 约会穿搭; - 亲子育儿: 亲子活动, 亲子沟通, 学前训练, 新手爸妈指导, 儿童护理, 宝宝辅食, 奶粉测评, 孕产饮食; -
                美食教程与测评: 地方美食, 家常菜谱, 美食探店, 零食测评, 酒水品鉴, 厨房用品, 海鲜烹饪, 减脂美食; - 精彩车生活: 汽车行业资讯,
                用车知识, 车辆保养, 自驾旅行, 新能源汽车资讯, 汽车用品测评, SUV测评; - 手机/数码/家电分享: 科技科普, 电子产品测评, 家电推荐,
                手机评测, 智能家居, AI应用, 数码开箱; - 剧情演绎: 搞笑剧情, 剧情反转, 情感演绎, 家庭幽默演绎, 职场趣闻, 古风剧情, 生存挑战;
                - 萌宠养护: 宠物狗故事, 动物萌态, 宠物养护, 猫咪萌态, 宠物健康, 宠物护理, 宠物救助; - 旅行攻略: 国内旅行, 海外旅行,
                城市旅行攻略, 酒店体验, 露营体验, 亲子旅行, 网红景点种草; - 家居好物: 清洁技巧, 生活好物评测, 家居选购, 家居装修, 家居收纳,
                家装避坑, 房间布置; - 运动户外: 户外运动, 健身塑形, 赛事回顾, 体重管理, 极限运动, 跑步健身, 户外露营. Example:
                亲子活动,宝宝辅食 (optional)
            persona_tag: Creator persona or background labels. Pass Xingtu labels or numeric
                tag IDs separated by commas. Available values: - 人群属性: Z世代, 新锐白领, 精致妈妈,
                都市蓝领, 资深中产, 小镇青年, 小镇中老年, 都市银发; - 社会身份: 音乐人, 非遗传人, 画家; - 主要出镜人物: 海外华人, 外国友人,
                情侣, 夫妻, 家庭, 朋友, 同事, 亲子, 个人; - 肤质肤色: 混油皮, 干皮, 油皮, 敏感肌, 痘痘肌, 黄皮, 白皮, 瑕疵皮; -
                皮肤养护: 美白, 抗老, 祛皱, 抗炎, 修复, 控油, 眼部护理, 补水保湿, 祛斑, 祛痘祛闭口, 隔离防晒; - 母婴阶段: 孕期, 0-6月,
                7-12月, 1-3岁, 3-6岁, 6-12岁, 12-15岁, 15-18岁; - 爱好: 摄影, 时尚穿搭, 美食制作, 科普, 星座, 绘画;
                - 职业: 法律从业者, 航空业从业者, 健身/舞蹈教练, 专业美食从业者, 室内设计师; - 学历: 大学生, 硕士生, 博士, 留学生; -
                黄v认证: 美妆创作者, 体育创作者, 媒体人/主持人, 科技创作者, 运动员; - Other labels: 潮流运动, 球类, 非球类,
                室内健身, 城市运动, 户外运动, 数码潮流玩家, 户外爱好者, 室内设计师, 品酒家/调酒师, 美食评论人, 母婴行业专家, 奶爸, 旧屋改造,
                装修设计, 收纳, 新生儿妈妈, 孕妈, 时尚妈妈, 二三胎妈妈, 西餐, 火锅, 国风爱好者, 成分党. Example: 大学生,美妆创作者
                (optional)
            gender: Creator gender. Available values: MALE/1/男性, FEMALE/2/女性. (optional)
            location: Creator location filter. Pass Chinese province or city names separated
                by commas. Available province values include: 北京市, 天津市, 河北省, 山西省, 内蒙古自治区,
                辽宁省, 吉林省, 黑龙江省, 上海市, 江苏省, 浙江省, 安徽省, 福建省, 江西省, 山东省, 河南省, 湖北省, 湖南省, 广东省,
                广西壮族自治区, 海南省, 重庆市, 四川省, 贵州省, 云南省, 西藏自治区, 陕西省, 甘肃省, 青海省, 宁夏回族自治区, 新疆维吾尔自治区,
                台湾省, 香港特别行政区, 澳门特别行政区. Example: 广东省,深圳市 (optional)
            tonality_tag: Creator tonality labels. Pass Xingtu first-level or second-level
                tonality labels separated by commas. Available values: - 身份/爱好: 马术, 高尔夫,
                橄榄球, 时尚爱好者, 企业高管, 汽车爱好者, 学者专家, 古玩收藏; - 精致达人: 设计师, 高阶潮玩, 职业模特, 造型顾问, 独立设计师,
                美术/画廊/展览, 歌剧舞台剧, 流行, 潮流买手, 电影; - 潮流酷: 冲浪, 浮潜, 说唱, 滑雪, 普拉提, 网球. Example:
                精致达人,设计师 (optional)
            connected_user_range: Connected user count range. Pass raw user counts in min-
                max format. Example: 1000000-3000000 (optional)
            audience_image: Audience profile filter from Xingtu Audience Image. Pass one or
                more shortcut values separated by commas. Available values: - Gender:
                GENDER_MALE_50, GENDER_MALE_60, GENDER_MALE_70, GENDER_MALE_80,
                GENDER_FEMALE_50, GENDER_FEMALE_60, GENDER_FEMALE_70, GENDER_FEMALE_80; -
                Age: AGE_18_23, AGE_24_30, AGE_31_40, AGE_41_50, AGE_GT_50; - Device:
                DEVICE_IPHONE, DEVICE_HUAWEI, DEVICE_XIAOMI, DEVICE_VIVO, DEVICE_OPPO; -
                City tier: CITY_TIER_1, CITY_TIER_2, CITY_TIER_3, CITY_TIER_4, CITY_TIER_5;
                - Average order amount: SPEND_0_50, SPEND_50_100, SPEND_100_200,
                SPEND_200_500, SPEND_GT_500; - Crowd profile: CROWD_REFINED_MOTHER(53 精致妈妈),
                CROWD_URBAN_SILVER(54 都市银发), CROWD_NEW_WHITE_COLLAR(55 新锐白领),
                CROWD_SENIOR_MIDDLE_CLASS(56 资深中产), CROWD_URBAN_BLUE_COLLAR(57 都市蓝领),
                CROWD_GEN_Z(58 Z世代), CROWD_TOWN_MIDDLE_AGED(59 小镇中老年), CROWD_TOWN_YOUTH(60
                小镇青年). Example: GENDER_FEMALE_50,CROWD_REFINED_MOTHER (optional)
            fans_image: Fan profile filter from Xingtu Fan Image. Pass one or more shortcut
                values separated by commas. Available values: - Gender: GENDER_MALE_50,
                GENDER_MALE_60, GENDER_MALE_70, GENDER_MALE_80, GENDER_FEMALE_50,
                GENDER_FEMALE_60, GENDER_FEMALE_70, GENDER_FEMALE_80; - Age: AGE_18_23,
                AGE_24_30, AGE_31_40, AGE_41_50, AGE_GT_50; - Device: DEVICE_IPHONE,
                DEVICE_HUAWEI, DEVICE_XIAOMI, DEVICE_VIVO, DEVICE_OPPO; - City tier:
                CITY_TIER_1, CITY_TIER_2, CITY_TIER_3, CITY_TIER_4, CITY_TIER_5; - Average
                order amount: SPEND_0_50, SPEND_50_100, SPEND_100_200, SPEND_200_500,
                SPEND_GT_500; - Crowd profile: CROWD_REFINED_MOTHER(53 精致妈妈),
                CROWD_URBAN_SILVER(54 都市银发), CROWD_NEW_WHITE_COLLAR(55 新锐白领),
                CROWD_SENIOR_MIDDLE_CLASS(56 资深中产), CROWD_URBAN_BLUE_COLLAR(57 都市蓝领),
                CROWD_GEN_Z(58 Z世代), CROWD_TOWN_MIDDLE_AGED(59 小镇中老年), CROWD_TOWN_YOUTH(60
                小镇青年). Example: GENDER_FEMALE_50,CROWD_REFINED_MOTHER (optional)
            expected_play_range: Expected play count range. Use raw counts in min-max
                format. Page presets include 10000000 or above, 5000000-10000000,
                3000000-5000000, 1000000-3000000, 100000-1000000, and 0-100000. For open-
                ended presets, pass a high upper bound such as 10000000-1000000000. Example:
                1000000-3000000. (optional)
            expected_cpm_range: Expected CPM range in min-max format. Example values
                matching Xingtu packs: 0-10, 0-20, 0-30, 0-50, 0-100, 100-1000000.
                (optional)
            expected_cpe_range: Expected CPE range in min-max format. Example values
                matching Xingtu packs: 0-1, 0-2, 0-3, 0-5, 0-10, 10-1000000. (optional)
            interaction_rate_range: Interaction rate range in decimal min-max format.
                Example values: 0.01-1 for 1% or above, 0.02-1 for 2% or above. (optional)
            completion_rate_range: Completion rate range in decimal min-max format. Example
                values: 0.1-1 for 10% or above, 0.2-1 for 20% or above. (optional)
            viral_rate_range: Viral content rate range in decimal min-max format. Page
                presets include 0-0.1, 0.1-0.25, 0.25-0.5, 0.5-0.99, and 0.99 or above. For
                open-ended presets, pass a high upper bound such as 0.99-1. Example:
                0.1-0.25. (optional)
            progress_task_range: In-progress task count range. Place a colon between the day
                count and the min-max range; omit either bound for an open range. Example:
                30:8- (optional)
            is_curated_author: Whether to include only Xingtu curated creators under Topic
                Recommendations. (optional; the server's default: False)
            author_list: Activity-curated creator list under Xingtu Topic Recommendations.
                Select at most one value. Pass an enum name, numeric list ID, or Chinese
                label. Available values:
                SHORT_LIVE_ENTERTAINMENT_CREATORS/7540478044453486642/短直联动娱播达人;
                SHORT_DRAMA_ACTORS/7591708652957155378/短剧演员;
                WECHAT_QUICK_CONNECT_CREATORS/7644854622347100210/企微可快速建联达人;
                AI_STAR_PLAN_CREATORS/7658250094571814938/AI星企划达人;
                COMMERCE_ADVANTAGE_CREATORS/7648906835038568499/带货优势达人;
                HIGH_VALUE_CREATORS/7656639212045516826/高性价比达人;
                SEEDING_ADVANTAGE_CREATORS/7663404694186033202/种草优势达人;
                BASKETBALL_CREATORS/7501674900550238234/运动圈层达人-篮球;
                PREMIUM_CONTENT_MEDIA/7586629331582222374/精品内容型媒体推荐;
                TREND_SETTING_MEDIA/7586616213569781769/趋势造风型媒体推荐;
                FACTORY_TRACEABILITY_MEDIA/7586616269403832370/探厂溯源型媒体推荐;
                RUNNING_CREATORS/7501675026170281994/运动圈层达人-跑步;
                LIGHT_OUTDOOR_CREATORS/7501674458878181413/运动圈层达人-轻户外;
                FITNESS_CREATORS/7501674307430236197/运动圈层达人-运动健身;
                YOGA_CREATORS/7501678481074929674/运动圈层达人-瑜伽;
                STREET_SPORTS_CREATORS/7501677564604383259/运动圈层达人-街头运动;
                CYCLING_CREATORS/7501677556094042149/运动圈层达人-骑行;
                FOOTBALL_CREATORS/7501674900550483994/运动圈层达人-足球;
                FISHING_CREATORS/7501676465915215881/运动圈层达人-垂钓;
                BEAUTY_QUALITY_CREATORS/7460387606572875826/美妆质感达人. (optional)
        """
        return await self._answer(
            OPERATIONS["search_for_author_square"],
            {
                "keyword": keyword,
                "page": page,
                "sort": sort,
                "search_type": search_type,
                "marketing_target": marketing_target,
                "industry": industry,
                "is_superstar": is_superstar,
                "follower_range": follower_range,
                "kol_price_type": kol_price_type,
                "kol_price_range": kol_price_range,
                "content_tag": content_tag,
                "content_theme": content_theme,
                "persona_tag": persona_tag,
                "gender": gender,
                "location": location,
                "tonality_tag": tonality_tag,
                "connected_user_range": connected_user_range,
                "audience_image": audience_image,
                "fans_image": fans_image,
                "expected_play_range": expected_play_range,
                "expected_cpm_range": expected_cpm_range,
                "expected_cpe_range": expected_cpe_range,
                "interaction_rate_range": interaction_rate_range,
                "completion_rate_range": completion_rate_range,
                "viral_rate_range": viral_rate_range,
                "progress_task_range": progress_task_range,
                "is_curated_author": is_curated_author,
                "author_list": author_list,
            },
        )

    async def search_kol_simple(
        self, keyword: str, platform_source: Literal["_1", "_2", "_3"], page: int
    ) -> Answer:
        """Creator Search Light

        Get Douyin Creator Marketplace (Xingtu) kOL Keyword Search data, including matching
        creators and discovery data, for creator sourcing and shortlist building.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/search-kol-simple/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            keyword: Search keywords.
            platform_source: Platform source.
            page: Page number.
        """
        return await self._answer(
            OPERATIONS["search_kol_simple"],
            {"keyword": keyword, "platform_source": platform_source, "page": page},
        )

    async def video_detail(self, detail_id: str) -> Answer:
        """Video Details

        Get Douyin Creator Marketplace (Xingtu) video Details data, including performance
        fields from the legacy Douyin Xingtu endpoint, for content review and integration
        compatibility.

        Deprecated by the publisher: it may be removed in a later release.

        ``GET /api/douyin-xingtu/get-video-detail/v1``; answers
        :class:`~justoneapi_xingtu.Answer`.

        Args:
            detail_id: Video detail ID.
        """
        return await self._answer(OPERATIONS["video_detail"], {"detail_id": detail_id})
