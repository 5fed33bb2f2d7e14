from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_api_douyin_xingtu_gw_api_aggregator_get_author_homepage_videos_v1_video_type import (
    GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType,
)
from ...models.result import Result
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    token: str,
    o_author_id: str,
    page: int | Unset = 1,
    keyword: str | Unset = UNSET,
    video_type: GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType
    | Unset = GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType.ALL,
    only_assign: bool | Unset = False,
    start_date: str | Unset = UNSET,
    end_date: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["token"] = token

    params["oAuthorId"] = o_author_id

    params["page"] = page

    params["keyword"] = keyword

    json_video_type: str | Unset = UNSET
    if not isinstance(video_type, Unset):
        json_video_type = video_type.value

    params["videoType"] = json_video_type

    params["onlyAssign"] = only_assign

    params["startDate"] = start_date

    params["endDate"] = end_date

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/douyin-xingtu/gw/api/aggregator/get_author_homepage_videos/v1",
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
    o_author_id: str,
    page: int | Unset = 1,
    keyword: str | Unset = UNSET,
    video_type: GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType
    | Unset = GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType.ALL,
    only_assign: bool | Unset = False,
    start_date: str | Unset = UNSET,
    end_date: str | Unset = UNSET,
) -> Response[Result]:
    """Creator Homepage Videos

     Lists a Douyin Creator Marketplace (Xingtu) creator's homepage videos with keyword, video-type,
    assignment, date, and page filters. Use it to review relevant content before campaign selection.

    Args:
        token (str):
        o_author_id (str):
        page (int | Unset):  Default: 1.
        keyword (str | Unset):
        video_type (GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType | Unset):
            Creator homepage video type Default:
            GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType.ALL.
        only_assign (bool | Unset):  Default: False. Example: True.
        start_date (str | Unset):  Example: 20260702.
        end_date (str | Unset):  Example: 20260702.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Result]
    """

    kwargs = _get_kwargs(
        token=token,
        o_author_id=o_author_id,
        page=page,
        keyword=keyword,
        video_type=video_type,
        only_assign=only_assign,
        start_date=start_date,
        end_date=end_date,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    token: str,
    o_author_id: str,
    page: int | Unset = 1,
    keyword: str | Unset = UNSET,
    video_type: GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType
    | Unset = GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType.ALL,
    only_assign: bool | Unset = False,
    start_date: str | Unset = UNSET,
    end_date: str | Unset = UNSET,
) -> Result | None:
    """Creator Homepage Videos

     Lists a Douyin Creator Marketplace (Xingtu) creator's homepage videos with keyword, video-type,
    assignment, date, and page filters. Use it to review relevant content before campaign selection.

    Args:
        token (str):
        o_author_id (str):
        page (int | Unset):  Default: 1.
        keyword (str | Unset):
        video_type (GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType | Unset):
            Creator homepage video type Default:
            GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType.ALL.
        only_assign (bool | Unset):  Default: False. Example: True.
        start_date (str | Unset):  Example: 20260702.
        end_date (str | Unset):  Example: 20260702.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Result
    """

    return sync_detailed(
        client=client,
        token=token,
        o_author_id=o_author_id,
        page=page,
        keyword=keyword,
        video_type=video_type,
        only_assign=only_assign,
        start_date=start_date,
        end_date=end_date,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    token: str,
    o_author_id: str,
    page: int | Unset = 1,
    keyword: str | Unset = UNSET,
    video_type: GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType
    | Unset = GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType.ALL,
    only_assign: bool | Unset = False,
    start_date: str | Unset = UNSET,
    end_date: str | Unset = UNSET,
) -> Response[Result]:
    """Creator Homepage Videos

     Lists a Douyin Creator Marketplace (Xingtu) creator's homepage videos with keyword, video-type,
    assignment, date, and page filters. Use it to review relevant content before campaign selection.

    Args:
        token (str):
        o_author_id (str):
        page (int | Unset):  Default: 1.
        keyword (str | Unset):
        video_type (GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType | Unset):
            Creator homepage video type Default:
            GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType.ALL.
        only_assign (bool | Unset):  Default: False. Example: True.
        start_date (str | Unset):  Example: 20260702.
        end_date (str | Unset):  Example: 20260702.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Result]
    """

    kwargs = _get_kwargs(
        token=token,
        o_author_id=o_author_id,
        page=page,
        keyword=keyword,
        video_type=video_type,
        only_assign=only_assign,
        start_date=start_date,
        end_date=end_date,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    token: str,
    o_author_id: str,
    page: int | Unset = 1,
    keyword: str | Unset = UNSET,
    video_type: GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType
    | Unset = GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType.ALL,
    only_assign: bool | Unset = False,
    start_date: str | Unset = UNSET,
    end_date: str | Unset = UNSET,
) -> Result | None:
    """Creator Homepage Videos

     Lists a Douyin Creator Marketplace (Xingtu) creator's homepage videos with keyword, video-type,
    assignment, date, and page filters. Use it to review relevant content before campaign selection.

    Args:
        token (str):
        o_author_id (str):
        page (int | Unset):  Default: 1.
        keyword (str | Unset):
        video_type (GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType | Unset):
            Creator homepage video type Default:
            GetApiDouyinXingtuGwApiAggregatorGetAuthorHomepageVideosV1VideoType.ALL.
        only_assign (bool | Unset):  Default: False. Example: True.
        start_date (str | Unset):  Example: 20260702.
        end_date (str | Unset):  Example: 20260702.

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
            o_author_id=o_author_id,
            page=page,
            keyword=keyword,
            video_type=video_type,
            only_assign=only_assign,
            start_date=start_date,
            end_date=end_date,
        )
    ).parsed
