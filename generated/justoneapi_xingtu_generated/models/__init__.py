"""Contains all the data models used in inputs/outputs"""

from .author_rec_videos_data import AuthorRecVideosData
from .author_rec_videos_result import AuthorRecVideosResult
from .base_resp import BaseResp
from .get_api_douyin_xingtu_get_kol_convert_ability_v1_range import (
    GetApiDouyinXingtuGetKolConvertAbilityV1Range,
)
from .get_api_douyin_xingtu_get_kol_convert_videos_or_products_v1_detail_type import (
    GetApiDouyinXingtuGetKolConvertVideosOrProductsV1DetailType,
)
from .get_api_douyin_xingtu_get_kol_fans_distribution_v1_fans_type import (
    GetApiDouyinXingtuGetKolFansDistributionV1FansType,
)
from .get_api_douyin_xingtu_get_kol_info_v1_platform_channel import (
    GetApiDouyinXingtuGetKolInfoV1PlatformChannel,
)
from .get_api_douyin_xingtu_get_kol_marketing_info_v1_platform_channel import (
    GetApiDouyinXingtuGetKolMarketingInfoV1PlatformChannel,
)
from .get_api_douyin_xingtu_get_kol_spread_info_v1_range import (
    GetApiDouyinXingtuGetKolSpreadInfoV1Range,
)
from .get_api_douyin_xingtu_get_kol_spread_info_v1_type import (
    GetApiDouyinXingtuGetKolSpreadInfoV1Type,
)
from .get_api_douyin_xingtu_gw_api_aggregator_get_author_commerce_seed_base_info_v1_range import (
    GetApiDouyinXingtuGwApiAggregatorGetAuthorCommerceSeedBaseInfoV1Range,
)
from .get_api_douyin_xingtu_gw_api_aggregator_get_author_contract_base_info_range import (
    GetApiDouyinXingtuGwApiAggregatorGetAuthorContractBaseInfoRange,
)
from .get_api_douyin_xingtu_gw_api_aggregator_get_author_homepage_videos_v1_video_type import (
    GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType,
)
from .get_api_douyin_xingtu_gw_api_aggregator_get_author_live_statistics_v1_flow_type import (
    GetApiDouyinXingtuGwApiAggregatorGetAuthorLiveStatisticsV1FlowType,
)
from .get_api_douyin_xingtu_gw_api_aggregator_get_author_live_statistics_v1_live_type import (
    GetApiDouyinXingtuGwApiAggregatorGetAuthorLiveStatisticsV1LiveType,
)
from .get_api_douyin_xingtu_gw_api_aggregator_get_author_live_statistics_v1_period import (
    GetApiDouyinXingtuGwApiAggregatorGetAuthorLiveStatisticsV1Period,
)
from .get_api_douyin_xingtu_gw_api_aggregator_get_author_live_watch_distribution_v1_live_crowd_type import (
    GetApiDouyinXingtuGwApiAggregatorGetAuthorLiveWatchDistributionV1LiveCrowdType,
)
from .get_api_douyin_xingtu_gw_api_aggregator_get_author_live_watch_distribution_v1_live_type import (
    GetApiDouyinXingtuGwApiAggregatorGetAuthorLiveWatchDistributionV1LiveType,
)
from .get_api_douyin_xingtu_gw_api_aggregator_get_author_order_experience_v1_period import (
    GetApiDouyinXingtuGwApiAggregatorGetAuthorOrderExperienceV1Period,
)
from .get_api_douyin_xingtu_gw_api_author_get_author_base_info_v1_platform import (
    GetApiDouyinXingtuGwApiAuthorGetAuthorBaseInfoV1Platform,
)
from .get_api_douyin_xingtu_gw_api_author_get_author_marketing_info_v1_platform import (
    GetApiDouyinXingtuGwApiAuthorGetAuthorMarketingInfoV1Platform,
)
from .get_api_douyin_xingtu_gw_api_author_get_author_platform_channel_info_v2v1_platform import (
    GetApiDouyinXingtuGwApiAuthorGetAuthorPlatformChannelInfoV2V1Platform,
)
from .get_api_douyin_xingtu_gw_api_author_get_author_show_items_v2v1_flow_type import (
    GetApiDouyinXingtuGwApiAuthorGetAuthorShowItemsV2V1FlowType,
)
from .get_api_douyin_xingtu_gw_api_author_get_author_show_items_v2v1_platform import (
    GetApiDouyinXingtuGwApiAuthorGetAuthorShowItemsV2V1Platform,
)
from .get_api_douyin_xingtu_gw_api_data_sp_author_audience_distribution_v1_link_type import (
    GetApiDouyinXingtuGwApiDataSpAuthorAudienceDistributionV1LinkType,
)
from .get_api_douyin_xingtu_gw_api_data_sp_author_audience_distribution_v1_platform import (
    GetApiDouyinXingtuGwApiDataSpAuthorAudienceDistributionV1Platform,
)
from .get_api_douyin_xingtu_gw_api_data_sp_author_cp_info_v1_platform import (
    GetApiDouyinXingtuGwApiDataSpAuthorCpInfoV1Platform,
)
from .get_api_douyin_xingtu_gw_api_data_sp_author_link_struct_v1_platform import (
    GetApiDouyinXingtuGwApiDataSpAuthorLinkStructV1Platform,
)
from .get_api_douyin_xingtu_gw_api_data_sp_author_touch_distribution_v1_platform import (
    GetApiDouyinXingtuGwApiDataSpAuthorTouchDistributionV1Platform,
)
from .get_api_douyin_xingtu_gw_api_data_sp_author_video_distribution_v1_platform import (
    GetApiDouyinXingtuGwApiDataSpAuthorVideoDistributionV1Platform,
)
from .get_api_douyin_xingtu_gw_api_data_sp_check_author_display_v1_platform import (
    GetApiDouyinXingtuGwApiDataSpCheckAuthorDisplayV1Platform,
)
from .get_api_douyin_xingtu_gw_api_data_sp_get_author_convert_ability_v1_platform import (
    GetApiDouyinXingtuGwApiDataSpGetAuthorConvertAbilityV1Platform,
)
from .get_api_douyin_xingtu_gw_api_data_sp_get_author_convert_ability_v1_range import (
    GetApiDouyinXingtuGwApiDataSpGetAuthorConvertAbilityV1Range,
)
from .get_api_douyin_xingtu_gw_api_data_sp_get_author_convert_videos_or_products_v1_detail_type import (
    GetApiDouyinXingtuGwApiDataSpGetAuthorConvertVideosOrProductsV1DetailType,
)
from .get_api_douyin_xingtu_gw_api_data_sp_get_author_convert_videos_or_products_v1_industry_id import (
    GetApiDouyinXingtuGwApiDataSpGetAuthorConvertVideosOrProductsV1IndustryId,
)
from .get_api_douyin_xingtu_gw_api_data_sp_get_author_convert_videos_or_products_v1_platform import (
    GetApiDouyinXingtuGwApiDataSpGetAuthorConvertVideosOrProductsV1Platform,
)
from .get_api_douyin_xingtu_gw_api_data_sp_get_author_convert_videos_or_products_v1_range import (
    GetApiDouyinXingtuGwApiDataSpGetAuthorConvertVideosOrProductsV1Range,
)
from .get_api_douyin_xingtu_gw_api_data_sp_get_author_fans_distribution_v1_author_type import (
    GetApiDouyinXingtuGwApiDataSpGetAuthorFansDistributionV1AuthorType,
)
from .get_api_douyin_xingtu_gw_api_data_sp_get_author_link_info_v1_industry_tag import (
    GetApiDouyinXingtuGwApiDataSpGetAuthorLinkInfoV1IndustryTag,
)
from .get_api_douyin_xingtu_gw_api_data_sp_get_author_link_info_v1_platform import (
    GetApiDouyinXingtuGwApiDataSpGetAuthorLinkInfoV1Platform,
)
from .get_api_douyin_xingtu_gw_api_data_sp_get_author_spread_info_v1_flow_type import (
    GetApiDouyinXingtuGwApiDataSpGetAuthorSpreadInfoV1FlowType,
)
from .get_api_douyin_xingtu_gw_api_data_sp_get_author_spread_info_v1_platform import (
    GetApiDouyinXingtuGwApiDataSpGetAuthorSpreadInfoV1Platform,
)
from .get_api_douyin_xingtu_gw_api_data_sp_get_author_spread_info_v1_range import (
    GetApiDouyinXingtuGwApiDataSpGetAuthorSpreadInfoV1Range,
)
from .get_api_douyin_xingtu_gw_api_data_sp_get_author_spread_info_v1_type import (
    GetApiDouyinXingtuGwApiDataSpGetAuthorSpreadInfoV1Type,
)
from .get_api_douyin_xingtu_gw_api_gsearch_search_for_author_square_v1_author_list import (
    GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1AuthorList,
)
from .get_api_douyin_xingtu_gw_api_gsearch_search_for_author_square_v1_gender import (
    GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Gender,
)
from .get_api_douyin_xingtu_gw_api_gsearch_search_for_author_square_v1_industry import (
    GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry,
)
from .get_api_douyin_xingtu_gw_api_gsearch_search_for_author_square_v1_kol_price_type import (
    GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1KolPriceType,
)
from .get_api_douyin_xingtu_gw_api_gsearch_search_for_author_square_v1_marketing_target import (
    GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1MarketingTarget,
)
from .get_api_douyin_xingtu_gw_api_gsearch_search_for_author_square_v1_search_type import (
    GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType,
)
from .get_api_douyin_xingtu_gw_api_gsearch_search_for_author_square_v1_sort import (
    GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort,
)
from .get_api_douyin_xingtu_search_kol_simple_v1_platform_source import (
    GetApiDouyinXingtuSearchKolSimpleV1PlatformSource,
)
from .platform import Platform
from .rec_video import RecVideo
from .result import Result
from .result_code import ResultCode

__all__ = (
    "AuthorRecVideosData",
    "AuthorRecVideosResult",
    "BaseResp",
    "GetApiDouyinXingtuGetKolConvertAbilityV1Range",
    "GetApiDouyinXingtuGetKolConvertVideosOrProductsV1DetailType",
    "GetApiDouyinXingtuGetKolFansDistributionV1FansType",
    "GetApiDouyinXingtuGetKolInfoV1PlatformChannel",
    "GetApiDouyinXingtuGetKolMarketingInfoV1PlatformChannel",
    "GetApiDouyinXingtuGetKolSpreadInfoV1Range",
    "GetApiDouyinXingtuGetKolSpreadInfoV1Type",
    "GetApiDouyinXingtuGwApiAggregatorGetAuthorCommerceSeedBaseInfoV1Range",
    "GetApiDouyinXingtuGwApiAggregatorGetAuthorContractBaseInfoRange",
    "GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType",
    "GetApiDouyinXingtuGwApiAggregatorGetAuthorLiveStatisticsV1FlowType",
    "GetApiDouyinXingtuGwApiAggregatorGetAuthorLiveStatisticsV1LiveType",
    "GetApiDouyinXingtuGwApiAggregatorGetAuthorLiveStatisticsV1Period",
    "GetApiDouyinXingtuGwApiAggregatorGetAuthorLiveWatchDistributionV1LiveCrowdType",
    "GetApiDouyinXingtuGwApiAggregatorGetAuthorLiveWatchDistributionV1LiveType",
    "GetApiDouyinXingtuGwApiAggregatorGetAuthorOrderExperienceV1Period",
    "GetApiDouyinXingtuGwApiAuthorGetAuthorBaseInfoV1Platform",
    "GetApiDouyinXingtuGwApiAuthorGetAuthorMarketingInfoV1Platform",
    "GetApiDouyinXingtuGwApiAuthorGetAuthorPlatformChannelInfoV2V1Platform",
    "GetApiDouyinXingtuGwApiAuthorGetAuthorShowItemsV2V1FlowType",
    "GetApiDouyinXingtuGwApiAuthorGetAuthorShowItemsV2V1Platform",
    "GetApiDouyinXingtuGwApiDataSpAuthorAudienceDistributionV1LinkType",
    "GetApiDouyinXingtuGwApiDataSpAuthorAudienceDistributionV1Platform",
    "GetApiDouyinXingtuGwApiDataSpAuthorCpInfoV1Platform",
    "GetApiDouyinXingtuGwApiDataSpAuthorLinkStructV1Platform",
    "GetApiDouyinXingtuGwApiDataSpAuthorTouchDistributionV1Platform",
    "GetApiDouyinXingtuGwApiDataSpAuthorVideoDistributionV1Platform",
    "GetApiDouyinXingtuGwApiDataSpCheckAuthorDisplayV1Platform",
    "GetApiDouyinXingtuGwApiDataSpGetAuthorConvertAbilityV1Platform",
    "GetApiDouyinXingtuGwApiDataSpGetAuthorConvertAbilityV1Range",
    "GetApiDouyinXingtuGwApiDataSpGetAuthorConvertVideosOrProductsV1DetailType",
    "GetApiDouyinXingtuGwApiDataSpGetAuthorConvertVideosOrProductsV1IndustryId",
    "GetApiDouyinXingtuGwApiDataSpGetAuthorConvertVideosOrProductsV1Platform",
    "GetApiDouyinXingtuGwApiDataSpGetAuthorConvertVideosOrProductsV1Range",
    "GetApiDouyinXingtuGwApiDataSpGetAuthorFansDistributionV1AuthorType",
    "GetApiDouyinXingtuGwApiDataSpGetAuthorLinkInfoV1IndustryTag",
    "GetApiDouyinXingtuGwApiDataSpGetAuthorLinkInfoV1Platform",
    "GetApiDouyinXingtuGwApiDataSpGetAuthorSpreadInfoV1FlowType",
    "GetApiDouyinXingtuGwApiDataSpGetAuthorSpreadInfoV1Platform",
    "GetApiDouyinXingtuGwApiDataSpGetAuthorSpreadInfoV1Range",
    "GetApiDouyinXingtuGwApiDataSpGetAuthorSpreadInfoV1Type",
    "GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1AuthorList",
    "GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Gender",
    "GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry",
    "GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1KolPriceType",
    "GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1MarketingTarget",
    "GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType",
    "GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort",
    "GetApiDouyinXingtuSearchKolSimpleV1PlatformSource",
    "Platform",
    "RecVideo",
    "Result",
    "ResultCode",
)
