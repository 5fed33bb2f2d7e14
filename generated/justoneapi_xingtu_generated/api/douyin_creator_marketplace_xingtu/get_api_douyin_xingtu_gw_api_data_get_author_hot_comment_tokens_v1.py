from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.result import Result
from ...types import UNSET, Response


def _get_kwargs(
    *,
    token: str,
    o_author_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["token"] = token

    params["oAuthorId"] = o_author_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/douyin-xingtu/gw/api/data/get_author_hot_comment_tokens/v1",
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
) -> Response[Result]:
    """Comment Keyword Analysis

     Returns Douyin Creator Marketplace (Xingtu) comment keyword analysis for a specified creator. Use it
    to identify recurring audience discussion themes during creator research.

    Args:
        token (str):
        o_author_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Result]
    """

    kwargs = _get_kwargs(
        token=token,
        o_author_id=o_author_id,
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
) -> Result | None:
    """Comment Keyword Analysis

     Returns Douyin Creator Marketplace (Xingtu) comment keyword analysis for a specified creator. Use it
    to identify recurring audience discussion themes during creator research.

    Args:
        token (str):
        o_author_id (str):

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
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    token: str,
    o_author_id: str,
) -> Response[Result]:
    """Comment Keyword Analysis

     Returns Douyin Creator Marketplace (Xingtu) comment keyword analysis for a specified creator. Use it
    to identify recurring audience discussion themes during creator research.

    Args:
        token (str):
        o_author_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Result]
    """

    kwargs = _get_kwargs(
        token=token,
        o_author_id=o_author_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    token: str,
    o_author_id: str,
) -> Result | None:
    """Comment Keyword Analysis

     Returns Douyin Creator Marketplace (Xingtu) comment keyword analysis for a specified creator. Use it
    to identify recurring audience discussion themes during creator research.

    Args:
        token (str):
        o_author_id (str):

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
        )
    ).parsed
