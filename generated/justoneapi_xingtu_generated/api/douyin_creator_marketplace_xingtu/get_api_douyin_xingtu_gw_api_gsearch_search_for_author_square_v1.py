from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_api_douyin_xingtu_gw_api_gsearch_search_for_author_square_v1_author_list import (
    GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1AuthorList,
)
from ...models.get_api_douyin_xingtu_gw_api_gsearch_search_for_author_square_v1_gender import (
    GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Gender,
)
from ...models.get_api_douyin_xingtu_gw_api_gsearch_search_for_author_square_v1_industry import (
    GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry,
)
from ...models.get_api_douyin_xingtu_gw_api_gsearch_search_for_author_square_v1_kol_price_type import (
    GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1KolPriceType,
)
from ...models.get_api_douyin_xingtu_gw_api_gsearch_search_for_author_square_v1_marketing_target import (
    GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1MarketingTarget,
)
from ...models.get_api_douyin_xingtu_gw_api_gsearch_search_for_author_square_v1_search_type import (
    GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType,
)
from ...models.get_api_douyin_xingtu_gw_api_gsearch_search_for_author_square_v1_sort import (
    GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort,
)
from ...models.result import Result
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    token: str,
    keyword: str | Unset = "",
    page: int | Unset = 1,
    sort: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort
    | Unset = GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort.FANS,
    search_type: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType
    | Unset = GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType.NICKNAME,
    marketing_target: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1MarketingTarget
    | Unset = UNSET,
    industry: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry
    | Unset = GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry.ALL,
    is_superstar: bool | Unset = False,
    follower_range: str | Unset = UNSET,
    kol_price_type: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1KolPriceType
    | Unset = UNSET,
    kol_price_range: str | Unset = UNSET,
    content_tag: str | Unset = UNSET,
    content_theme: str | Unset = UNSET,
    persona_tag: str | Unset = UNSET,
    gender: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Gender | Unset = UNSET,
    location: str | Unset = UNSET,
    tonality_tag: str | Unset = UNSET,
    connected_user_range: str | Unset = UNSET,
    audience_image: str | Unset = UNSET,
    fans_image: str | Unset = UNSET,
    expected_play_range: str | Unset = UNSET,
    expected_cpm_range: str | Unset = UNSET,
    expected_cpe_range: str | Unset = UNSET,
    interaction_rate_range: str | Unset = UNSET,
    completion_rate_range: str | Unset = UNSET,
    viral_rate_range: str | Unset = UNSET,
    progress_task_range: str | Unset = UNSET,
    is_curated_author: bool | Unset = False,
    author_list: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1AuthorList
    | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["token"] = token

    params["keyword"] = keyword

    params["page"] = page

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_search_type: str | Unset = UNSET
    if not isinstance(search_type, Unset):
        json_search_type = search_type.value

    params["searchType"] = json_search_type

    json_marketing_target: str | Unset = UNSET
    if not isinstance(marketing_target, Unset):
        json_marketing_target = marketing_target.value

    params["marketingTarget"] = json_marketing_target

    json_industry: str | Unset = UNSET
    if not isinstance(industry, Unset):
        json_industry = industry.value

    params["industry"] = json_industry

    params["isSuperstar"] = is_superstar

    params["followerRange"] = follower_range

    json_kol_price_type: str | Unset = UNSET
    if not isinstance(kol_price_type, Unset):
        json_kol_price_type = kol_price_type.value

    params["kolPriceType"] = json_kol_price_type

    params["kolPriceRange"] = kol_price_range

    params["contentTag"] = content_tag

    params["contentTheme"] = content_theme

    params["personaTag"] = persona_tag

    json_gender: str | Unset = UNSET
    if not isinstance(gender, Unset):
        json_gender = gender.value

    params["gender"] = json_gender

    params["location"] = location

    params["tonalityTag"] = tonality_tag

    params["connectedUserRange"] = connected_user_range

    params["audienceImage"] = audience_image

    params["fansImage"] = fans_image

    params["expectedPlayRange"] = expected_play_range

    params["expectedCpmRange"] = expected_cpm_range

    params["expectedCpeRange"] = expected_cpe_range

    params["interactionRateRange"] = interaction_rate_range

    params["completionRateRange"] = completion_rate_range

    params["viralRateRange"] = viral_rate_range

    params["progressTaskRange"] = progress_task_range

    params["isCuratedAuthor"] = is_curated_author

    json_author_list: str | Unset = UNSET
    if not isinstance(author_list, Unset):
        json_author_list = author_list.value

    params["authorList"] = json_author_list

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/douyin-xingtu/gw/api/gsearch/search_for_author_square/v1",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Result | None:
    if response.status_code == 200:
        response_200 = Result.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Result.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Result.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Result.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = Result.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Result.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Result.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Result]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    token: str,
    keyword: str | Unset = "",
    page: int | Unset = 1,
    sort: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort
    | Unset = GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort.FANS,
    search_type: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType
    | Unset = GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType.NICKNAME,
    marketing_target: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1MarketingTarget
    | Unset = UNSET,
    industry: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry
    | Unset = GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry.ALL,
    is_superstar: bool | Unset = False,
    follower_range: str | Unset = UNSET,
    kol_price_type: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1KolPriceType
    | Unset = UNSET,
    kol_price_range: str | Unset = UNSET,
    content_tag: str | Unset = UNSET,
    content_theme: str | Unset = UNSET,
    persona_tag: str | Unset = UNSET,
    gender: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Gender | Unset = UNSET,
    location: str | Unset = UNSET,
    tonality_tag: str | Unset = UNSET,
    connected_user_range: str | Unset = UNSET,
    audience_image: str | Unset = UNSET,
    fans_image: str | Unset = UNSET,
    expected_play_range: str | Unset = UNSET,
    expected_cpm_range: str | Unset = UNSET,
    expected_cpe_range: str | Unset = UNSET,
    interaction_rate_range: str | Unset = UNSET,
    completion_rate_range: str | Unset = UNSET,
    viral_rate_range: str | Unset = UNSET,
    progress_task_range: str | Unset = UNSET,
    is_curated_author: bool | Unset = False,
    author_list: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1AuthorList
    | Unset = UNSET,
) -> Response[Result]:
    """Creator Search

     Searches Douyin Creator Marketplace (Xingtu) creators by keyword and structured filters for
    audience, pricing, content, performance, and campaign fit. Use it to build and compare campaign
    shortlists.

    Args:
        token (str):
        keyword (str | Unset):  Default: ''.
        page (int | Unset):  Default: 1.
        sort (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort | Unset): Creator search
            sorting Default: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort.FANS.
        search_type (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType | Unset):
            Search criteria type Default:
            GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType.NICKNAME.
        marketing_target (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1MarketingTarget |
            Unset): Marketing goal
        industry (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry | Unset): Industry
            category Default: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry.ALL.
        is_superstar (bool | Unset):  Default: False.
        follower_range (str | Unset):
        kol_price_type (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1KolPriceType |
            Unset): KOL price category
        kol_price_range (str | Unset):
        content_tag (str | Unset):  Example: 美妆,穿搭,剧情搞笑.
        content_theme (str | Unset):  Example: 亲子活动,宝宝辅食.
        persona_tag (str | Unset):  Example: 大学生,美妆创作者.
        gender (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Gender | Unset): Creator
            gender
        location (str | Unset):  Example: 广东省,深圳市.
        tonality_tag (str | Unset):  Example: 精致达人,设计师.
        connected_user_range (str | Unset):  Example: 1000000-3000000.
        audience_image (str | Unset):  Example: GENDER_FEMALE_50,CROWD_REFINED_MOTHER.
        fans_image (str | Unset):  Example: GENDER_FEMALE_50,CROWD_REFINED_MOTHER.
        expected_play_range (str | Unset):  Example: 1000000-3000000.
        expected_cpm_range (str | Unset):  Example: 0-10.
        expected_cpe_range (str | Unset):  Example: 0-1.
        interaction_rate_range (str | Unset):  Example: 0.01-1.
        completion_rate_range (str | Unset):  Example: 0.1-1.
        viral_rate_range (str | Unset):  Example: 0.1-0.25.
        progress_task_range (str | Unset):  Example: 30:8-.
        is_curated_author (bool | Unset):  Default: False.
        author_list (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1AuthorList | Unset):
            Xingtu activity-curated creator list

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Result]
    """

    kwargs = _get_kwargs(
        token=token,
        keyword=keyword,
        page=page,
        sort=sort,
        search_type=search_type,
        marketing_target=marketing_target,
        industry=industry,
        is_superstar=is_superstar,
        follower_range=follower_range,
        kol_price_type=kol_price_type,
        kol_price_range=kol_price_range,
        content_tag=content_tag,
        content_theme=content_theme,
        persona_tag=persona_tag,
        gender=gender,
        location=location,
        tonality_tag=tonality_tag,
        connected_user_range=connected_user_range,
        audience_image=audience_image,
        fans_image=fans_image,
        expected_play_range=expected_play_range,
        expected_cpm_range=expected_cpm_range,
        expected_cpe_range=expected_cpe_range,
        interaction_rate_range=interaction_rate_range,
        completion_rate_range=completion_rate_range,
        viral_rate_range=viral_rate_range,
        progress_task_range=progress_task_range,
        is_curated_author=is_curated_author,
        author_list=author_list,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    token: str,
    keyword: str | Unset = "",
    page: int | Unset = 1,
    sort: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort
    | Unset = GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort.FANS,
    search_type: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType
    | Unset = GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType.NICKNAME,
    marketing_target: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1MarketingTarget
    | Unset = UNSET,
    industry: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry
    | Unset = GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry.ALL,
    is_superstar: bool | Unset = False,
    follower_range: str | Unset = UNSET,
    kol_price_type: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1KolPriceType
    | Unset = UNSET,
    kol_price_range: str | Unset = UNSET,
    content_tag: str | Unset = UNSET,
    content_theme: str | Unset = UNSET,
    persona_tag: str | Unset = UNSET,
    gender: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Gender | Unset = UNSET,
    location: str | Unset = UNSET,
    tonality_tag: str | Unset = UNSET,
    connected_user_range: str | Unset = UNSET,
    audience_image: str | Unset = UNSET,
    fans_image: str | Unset = UNSET,
    expected_play_range: str | Unset = UNSET,
    expected_cpm_range: str | Unset = UNSET,
    expected_cpe_range: str | Unset = UNSET,
    interaction_rate_range: str | Unset = UNSET,
    completion_rate_range: str | Unset = UNSET,
    viral_rate_range: str | Unset = UNSET,
    progress_task_range: str | Unset = UNSET,
    is_curated_author: bool | Unset = False,
    author_list: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1AuthorList
    | Unset = UNSET,
) -> Result | None:
    """Creator Search

     Searches Douyin Creator Marketplace (Xingtu) creators by keyword and structured filters for
    audience, pricing, content, performance, and campaign fit. Use it to build and compare campaign
    shortlists.

    Args:
        token (str):
        keyword (str | Unset):  Default: ''.
        page (int | Unset):  Default: 1.
        sort (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort | Unset): Creator search
            sorting Default: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort.FANS.
        search_type (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType | Unset):
            Search criteria type Default:
            GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType.NICKNAME.
        marketing_target (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1MarketingTarget |
            Unset): Marketing goal
        industry (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry | Unset): Industry
            category Default: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry.ALL.
        is_superstar (bool | Unset):  Default: False.
        follower_range (str | Unset):
        kol_price_type (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1KolPriceType |
            Unset): KOL price category
        kol_price_range (str | Unset):
        content_tag (str | Unset):  Example: 美妆,穿搭,剧情搞笑.
        content_theme (str | Unset):  Example: 亲子活动,宝宝辅食.
        persona_tag (str | Unset):  Example: 大学生,美妆创作者.
        gender (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Gender | Unset): Creator
            gender
        location (str | Unset):  Example: 广东省,深圳市.
        tonality_tag (str | Unset):  Example: 精致达人,设计师.
        connected_user_range (str | Unset):  Example: 1000000-3000000.
        audience_image (str | Unset):  Example: GENDER_FEMALE_50,CROWD_REFINED_MOTHER.
        fans_image (str | Unset):  Example: GENDER_FEMALE_50,CROWD_REFINED_MOTHER.
        expected_play_range (str | Unset):  Example: 1000000-3000000.
        expected_cpm_range (str | Unset):  Example: 0-10.
        expected_cpe_range (str | Unset):  Example: 0-1.
        interaction_rate_range (str | Unset):  Example: 0.01-1.
        completion_rate_range (str | Unset):  Example: 0.1-1.
        viral_rate_range (str | Unset):  Example: 0.1-0.25.
        progress_task_range (str | Unset):  Example: 30:8-.
        is_curated_author (bool | Unset):  Default: False.
        author_list (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1AuthorList | Unset):
            Xingtu activity-curated creator list

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Result
    """

    return sync_detailed(
        client=client,
        token=token,
        keyword=keyword,
        page=page,
        sort=sort,
        search_type=search_type,
        marketing_target=marketing_target,
        industry=industry,
        is_superstar=is_superstar,
        follower_range=follower_range,
        kol_price_type=kol_price_type,
        kol_price_range=kol_price_range,
        content_tag=content_tag,
        content_theme=content_theme,
        persona_tag=persona_tag,
        gender=gender,
        location=location,
        tonality_tag=tonality_tag,
        connected_user_range=connected_user_range,
        audience_image=audience_image,
        fans_image=fans_image,
        expected_play_range=expected_play_range,
        expected_cpm_range=expected_cpm_range,
        expected_cpe_range=expected_cpe_range,
        interaction_rate_range=interaction_rate_range,
        completion_rate_range=completion_rate_range,
        viral_rate_range=viral_rate_range,
        progress_task_range=progress_task_range,
        is_curated_author=is_curated_author,
        author_list=author_list,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    token: str,
    keyword: str | Unset = "",
    page: int | Unset = 1,
    sort: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort
    | Unset = GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort.FANS,
    search_type: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType
    | Unset = GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType.NICKNAME,
    marketing_target: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1MarketingTarget
    | Unset = UNSET,
    industry: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry
    | Unset = GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry.ALL,
    is_superstar: bool | Unset = False,
    follower_range: str | Unset = UNSET,
    kol_price_type: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1KolPriceType
    | Unset = UNSET,
    kol_price_range: str | Unset = UNSET,
    content_tag: str | Unset = UNSET,
    content_theme: str | Unset = UNSET,
    persona_tag: str | Unset = UNSET,
    gender: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Gender | Unset = UNSET,
    location: str | Unset = UNSET,
    tonality_tag: str | Unset = UNSET,
    connected_user_range: str | Unset = UNSET,
    audience_image: str | Unset = UNSET,
    fans_image: str | Unset = UNSET,
    expected_play_range: str | Unset = UNSET,
    expected_cpm_range: str | Unset = UNSET,
    expected_cpe_range: str | Unset = UNSET,
    interaction_rate_range: str | Unset = UNSET,
    completion_rate_range: str | Unset = UNSET,
    viral_rate_range: str | Unset = UNSET,
    progress_task_range: str | Unset = UNSET,
    is_curated_author: bool | Unset = False,
    author_list: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1AuthorList
    | Unset = UNSET,
) -> Response[Result]:
    """Creator Search

     Searches Douyin Creator Marketplace (Xingtu) creators by keyword and structured filters for
    audience, pricing, content, performance, and campaign fit. Use it to build and compare campaign
    shortlists.

    Args:
        token (str):
        keyword (str | Unset):  Default: ''.
        page (int | Unset):  Default: 1.
        sort (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort | Unset): Creator search
            sorting Default: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort.FANS.
        search_type (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType | Unset):
            Search criteria type Default:
            GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType.NICKNAME.
        marketing_target (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1MarketingTarget |
            Unset): Marketing goal
        industry (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry | Unset): Industry
            category Default: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry.ALL.
        is_superstar (bool | Unset):  Default: False.
        follower_range (str | Unset):
        kol_price_type (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1KolPriceType |
            Unset): KOL price category
        kol_price_range (str | Unset):
        content_tag (str | Unset):  Example: 美妆,穿搭,剧情搞笑.
        content_theme (str | Unset):  Example: 亲子活动,宝宝辅食.
        persona_tag (str | Unset):  Example: 大学生,美妆创作者.
        gender (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Gender | Unset): Creator
            gender
        location (str | Unset):  Example: 广东省,深圳市.
        tonality_tag (str | Unset):  Example: 精致达人,设计师.
        connected_user_range (str | Unset):  Example: 1000000-3000000.
        audience_image (str | Unset):  Example: GENDER_FEMALE_50,CROWD_REFINED_MOTHER.
        fans_image (str | Unset):  Example: GENDER_FEMALE_50,CROWD_REFINED_MOTHER.
        expected_play_range (str | Unset):  Example: 1000000-3000000.
        expected_cpm_range (str | Unset):  Example: 0-10.
        expected_cpe_range (str | Unset):  Example: 0-1.
        interaction_rate_range (str | Unset):  Example: 0.01-1.
        completion_rate_range (str | Unset):  Example: 0.1-1.
        viral_rate_range (str | Unset):  Example: 0.1-0.25.
        progress_task_range (str | Unset):  Example: 30:8-.
        is_curated_author (bool | Unset):  Default: False.
        author_list (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1AuthorList | Unset):
            Xingtu activity-curated creator list

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Result]
    """

    kwargs = _get_kwargs(
        token=token,
        keyword=keyword,
        page=page,
        sort=sort,
        search_type=search_type,
        marketing_target=marketing_target,
        industry=industry,
        is_superstar=is_superstar,
        follower_range=follower_range,
        kol_price_type=kol_price_type,
        kol_price_range=kol_price_range,
        content_tag=content_tag,
        content_theme=content_theme,
        persona_tag=persona_tag,
        gender=gender,
        location=location,
        tonality_tag=tonality_tag,
        connected_user_range=connected_user_range,
        audience_image=audience_image,
        fans_image=fans_image,
        expected_play_range=expected_play_range,
        expected_cpm_range=expected_cpm_range,
        expected_cpe_range=expected_cpe_range,
        interaction_rate_range=interaction_rate_range,
        completion_rate_range=completion_rate_range,
        viral_rate_range=viral_rate_range,
        progress_task_range=progress_task_range,
        is_curated_author=is_curated_author,
        author_list=author_list,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    token: str,
    keyword: str | Unset = "",
    page: int | Unset = 1,
    sort: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort
    | Unset = GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort.FANS,
    search_type: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType
    | Unset = GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType.NICKNAME,
    marketing_target: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1MarketingTarget
    | Unset = UNSET,
    industry: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry
    | Unset = GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry.ALL,
    is_superstar: bool | Unset = False,
    follower_range: str | Unset = UNSET,
    kol_price_type: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1KolPriceType
    | Unset = UNSET,
    kol_price_range: str | Unset = UNSET,
    content_tag: str | Unset = UNSET,
    content_theme: str | Unset = UNSET,
    persona_tag: str | Unset = UNSET,
    gender: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Gender | Unset = UNSET,
    location: str | Unset = UNSET,
    tonality_tag: str | Unset = UNSET,
    connected_user_range: str | Unset = UNSET,
    audience_image: str | Unset = UNSET,
    fans_image: str | Unset = UNSET,
    expected_play_range: str | Unset = UNSET,
    expected_cpm_range: str | Unset = UNSET,
    expected_cpe_range: str | Unset = UNSET,
    interaction_rate_range: str | Unset = UNSET,
    completion_rate_range: str | Unset = UNSET,
    viral_rate_range: str | Unset = UNSET,
    progress_task_range: str | Unset = UNSET,
    is_curated_author: bool | Unset = False,
    author_list: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1AuthorList
    | Unset = UNSET,
) -> Result | None:
    """Creator Search

     Searches Douyin Creator Marketplace (Xingtu) creators by keyword and structured filters for
    audience, pricing, content, performance, and campaign fit. Use it to build and compare campaign
    shortlists.

    Args:
        token (str):
        keyword (str | Unset):  Default: ''.
        page (int | Unset):  Default: 1.
        sort (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort | Unset): Creator search
            sorting Default: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Sort.FANS.
        search_type (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType | Unset):
            Search criteria type Default:
            GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1SearchType.NICKNAME.
        marketing_target (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1MarketingTarget |
            Unset): Marketing goal
        industry (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry | Unset): Industry
            category Default: GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Industry.ALL.
        is_superstar (bool | Unset):  Default: False.
        follower_range (str | Unset):
        kol_price_type (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1KolPriceType |
            Unset): KOL price category
        kol_price_range (str | Unset):
        content_tag (str | Unset):  Example: 美妆,穿搭,剧情搞笑.
        content_theme (str | Unset):  Example: 亲子活动,宝宝辅食.
        persona_tag (str | Unset):  Example: 大学生,美妆创作者.
        gender (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1Gender | Unset): Creator
            gender
        location (str | Unset):  Example: 广东省,深圳市.
        tonality_tag (str | Unset):  Example: 精致达人,设计师.
        connected_user_range (str | Unset):  Example: 1000000-3000000.
        audience_image (str | Unset):  Example: GENDER_FEMALE_50,CROWD_REFINED_MOTHER.
        fans_image (str | Unset):  Example: GENDER_FEMALE_50,CROWD_REFINED_MOTHER.
        expected_play_range (str | Unset):  Example: 1000000-3000000.
        expected_cpm_range (str | Unset):  Example: 0-10.
        expected_cpe_range (str | Unset):  Example: 0-1.
        interaction_rate_range (str | Unset):  Example: 0.01-1.
        completion_rate_range (str | Unset):  Example: 0.1-1.
        viral_rate_range (str | Unset):  Example: 0.1-0.25.
        progress_task_range (str | Unset):  Example: 30:8-.
        is_curated_author (bool | Unset):  Default: False.
        author_list (GetApiDouyinXingtuGwApiGsearchSearchForAuthorSquareV1AuthorList | Unset):
            Xingtu activity-curated creator list

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Result
    """

    return (
        await asyncio_detailed(
            client=client,
            token=token,
            keyword=keyword,
            page=page,
            sort=sort,
            search_type=search_type,
            marketing_target=marketing_target,
            industry=industry,
            is_superstar=is_superstar,
            follower_range=follower_range,
            kol_price_type=kol_price_type,
            kol_price_range=kol_price_range,
            content_tag=content_tag,
            content_theme=content_theme,
            persona_tag=persona_tag,
            gender=gender,
            location=location,
            tonality_tag=tonality_tag,
            connected_user_range=connected_user_range,
            audience_image=audience_image,
            fans_image=fans_image,
            expected_play_range=expected_play_range,
            expected_cpm_range=expected_cpm_range,
            expected_cpe_range=expected_cpe_range,
            interaction_rate_range=interaction_rate_range,
            completion_rate_range=completion_rate_range,
            viral_rate_range=viral_rate_range,
            progress_task_range=progress_task_range,
            is_curated_author=is_curated_author,
            author_list=author_list,
        )
    ).parsed
