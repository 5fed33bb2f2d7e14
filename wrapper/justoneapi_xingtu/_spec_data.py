"""Facts of openapi/xingtu.json for the wrapper: written by `make generate`
(openapi/tools/spec_module.py). Never edit by hand: change the spec and regenerate.
"""

from typing import Final, Literal

from ._operation import Operation, Param

OPERATIONS: Final[dict[str, Operation]] = {
    "author_rec_videos": Operation(
        name="author_rec_videos",
        path="/api/douyin-xingtu/gw/api/data_sp/author_rec_videos_v2/v1",
        summary="Recommended Videos",
        description="获取作者的高性能推荐视频。",
        data_schema="AuthorRecVideosData",
        deprecated=False,
        params=(
            Param(
                "oAuthorId",
                "o_author_id",
                "str",
                required=True,
                default=None,
                enum=(),
                description="作者唯一ID。",
            ),
            Param(
                "platform",
                "platform",
                "str",
                required=False,
                default="SHORT_VIDEO",
                enum=("SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"),
                description="平台类型。",
            ),
        ),
    ),
}
"""Every GET operation of the spec by its Python name (derived from its path)."""
PlatformName = Literal["SHORT_VIDEO", "LIVE_STREAMING", "PICTURE_TEXT", "SHORT_DRAMA"]
"""A platform by its name, as type checkers see ``platform=`` (any case at run time)."""
PLATFORMS: Final[tuple[PlatformName, ...]] = (
    "SHORT_VIDEO",
    "LIVE_STREAMING",
    "PICTURE_TEXT",
    "SHORT_DRAMA",
)
DEFAULT_PLATFORM: Final = "SHORT_VIDEO"
CODES: Final[tuple[int, ...]] = (
    0,
    100,
    101,
    202,
    300,
    301,
    302,
    303,
    400,
    404,
    500,
    503,
    600,
    601,
    602,
)
VIDEO_FIELDS: Final[tuple[tuple[str, str], ...]] = (
    ("acu", "int"),
    ("avg_watch", "int"),
    ("barrage", "int"),
    ("biz_id", "str"),
    ("comment", "int"),
    ("core_user_id", "str"),
    ("create_time", "int"),
    ("create_timestamp", "int"),
    ("duration", "int"),
    ("duration_min", "float"),
    ("fans_club", "int"),
    ("favorite", "str"),
    ("finish_time", "int"),
    ("head_image_uri", "str"),
    ("head_image_uris", "list[str]"),
    ("head_image_url_signed", "str"),
    ("height", "str"),
    ("impression", "int"),
    ("industry", "str"),
    ("interact_rate", "float"),
    ("is_hot", "bool"),
    ("is_playlet", "int"),
    ("item_animated_cover", "str"),
    ("item_cover", "str"),
    ("item_date", "str"),
    ("item_id", "str"),
    ("item_title", "str"),
    ("like", "int"),
    ("live_status", "int"),
    ("max_watch", "int"),
    ("media_type", "str"),
    ("original_status", "int"),
    ("play", "int"),
    ("play_over_5min", "int"),
    ("read_cnt", "str"),
    ("repin", "int"),
    ("send_gift", "int"),
    ("send_prop", "int"),
    ("send_red_packet", "int"),
    ("share", "int"),
    ("status", "int"),
    ("title", "str"),
    ("url", "str"),
    ("video_id", "str"),
    ("width", "str"),
)


class RecVideoFields:
    """The fields of ``RecVideo``, each its declared type or ``None`` when missing."""

    __slots__ = ()

    acu: int | None
    avg_watch: int | None
    barrage: int | None
    biz_id: str | None
    comment: int | None
    """评论数"""
    core_user_id: str | None
    create_time: int | None
    """发布时间(Unix 秒)"""
    create_timestamp: int | None
    duration: int | None
    duration_min: float | None
    fans_club: int | None
    favorite: str | None
    """收藏数(数字字符串)"""
    finish_time: int | None
    head_image_uri: str | None
    head_image_uris: list[str] | None
    head_image_url_signed: str | None
    height: str | None
    """高度(数字字符串)"""
    impression: int | None
    industry: str | None
    interact_rate: float | None
    is_hot: bool | None
    is_playlet: int | None
    item_animated_cover: str | None
    item_cover: str | None
    item_date: str | None
    item_id: str | None
    """视频 ID:19 位数字,以字符串传输(超出 JSON double 精度,切勿按浮点数解析)"""
    item_title: str | None
    like: int | None
    """点赞数"""
    live_status: int | None
    max_watch: int | None
    media_type: str | None
    original_status: int | None
    play: int | None
    """播放量"""
    play_over_5min: int | None
    read_cnt: str | None
    repin: int | None
    send_gift: int | None
    send_prop: int | None
    send_red_packet: int | None
    share: int | None
    """分享数"""
    status: int | None
    title: str | None
    url: str | None
    video_id: str | None
    width: str | None
    """宽度(数字字符串)"""
