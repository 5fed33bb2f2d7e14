from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_api_douyin_xingtu_get_kol_info_v1_platform_channel import (
    GetApiDouyinXingtuGetKolInfoV1PlatformChannel,
)
from ...models.result import Result
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    token: str,
    kol_id: str,
    platform_channel: GetApiDouyinXingtuGetKolInfoV1PlatformChannel
    | Unset = GetApiDouyinXingtuGetKolInfoV1PlatformChannel.VALUE_0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["token"] = token

    params["kolId"] = kol_id

    json_platform_channel: str | Unset = UNSET
    if not isinstance(platform_channel, Unset):
        json_platform_channel = platform_channel.value

    params["platformChannel"] = json_platform_channel

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/douyin-xingtu/get-kol-info/v1",
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
    kol_id: str,
    platform_channel: GetApiDouyinXingtuGetKolInfoV1PlatformChannel
    | Unset = GetApiDouyinXingtuGetKolInfoV1PlatformChannel.VALUE_0,
) -> Response[Result]:
    """Creator Profile

     Get Douyin Creator Marketplace (Xingtu) creator Profile data, including audience and pricing data,
    for influencer vetting, benchmark analysis, and campaign planning.

    Args:
        token (str):
        kol_id (str):
        platform_channel (GetApiDouyinXingtuGetKolInfoV1PlatformChannel | Unset): Douyin platform
            channel Default: GetApiDouyinXingtuGetKolInfoV1PlatformChannel.VALUE_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Result]
    """

    kwargs = _get_kwargs(
        token=token,
        kol_id=kol_id,
        platform_channel=platform_channel,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    token: str,
    kol_id: str,
    platform_channel: GetApiDouyinXingtuGetKolInfoV1PlatformChannel
    | Unset = GetApiDouyinXingtuGetKolInfoV1PlatformChannel.VALUE_0,
) -> Result | None:
    """Creator Profile

     Get Douyin Creator Marketplace (Xingtu) creator Profile data, including audience and pricing data,
    for influencer vetting, benchmark analysis, and campaign planning.

    Args:
        token (str):
        kol_id (str):
        platform_channel (GetApiDouyinXingtuGetKolInfoV1PlatformChannel | Unset): Douyin platform
            channel Default: GetApiDouyinXingtuGetKolInfoV1PlatformChannel.VALUE_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Result
    """

    return sync_detailed(
        client=client,
        token=token,
        kol_id=kol_id,
        platform_channel=platform_channel,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    token: str,
    kol_id: str,
    platform_channel: GetApiDouyinXingtuGetKolInfoV1PlatformChannel
    | Unset = GetApiDouyinXingtuGetKolInfoV1PlatformChannel.VALUE_0,
) -> Response[Result]:
    """Creator Profile

     Get Douyin Creator Marketplace (Xingtu) creator Profile data, including audience and pricing data,
    for influencer vetting, benchmark analysis, and campaign planning.

    Args:
        token (str):
        kol_id (str):
        platform_channel (GetApiDouyinXingtuGetKolInfoV1PlatformChannel | Unset): Douyin platform
            channel Default: GetApiDouyinXingtuGetKolInfoV1PlatformChannel.VALUE_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Result]
    """

    kwargs = _get_kwargs(
        token=token,
        kol_id=kol_id,
        platform_channel=platform_channel,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    token: str,
    kol_id: str,
    platform_channel: GetApiDouyinXingtuGetKolInfoV1PlatformChannel
    | Unset = GetApiDouyinXingtuGetKolInfoV1PlatformChannel.VALUE_0,
) -> Result | None:
    """Creator Profile

     Get Douyin Creator Marketplace (Xingtu) creator Profile data, including audience and pricing data,
    for influencer vetting, benchmark analysis, and campaign planning.

    Args:
        token (str):
        kol_id (str):
        platform_channel (GetApiDouyinXingtuGetKolInfoV1PlatformChannel | Unset): Douyin platform
            channel Default: GetApiDouyinXingtuGetKolInfoV1PlatformChannel.VALUE_0.

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
            kol_id=kol_id,
            platform_channel=platform_channel,
        )
    ).parsed
