from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RecVideo")


@_attrs_define
class RecVideo:
    """一条推荐视频记录。未知字段予以保留。

    Attributes:
        acu (int):
        avg_watch (int):
        barrage (int):
        biz_id (str):
        comment (int): 评论数
        core_user_id (str):
        create_time (int): 发布时间(Unix 秒)
        create_timestamp (int):
        duration (int):
        duration_min (float):
        fans_club (int):
        favorite (str): 收藏数(数字字符串)
        finish_time (int):
        head_image_uri (str):
        head_image_uris (list[str]):
        head_image_url_signed (str):
        height (str): 高度(数字字符串)
        impression (int):
        industry (str):
        interact_rate (float):
        is_hot (bool):
        is_playlet (int):
        item_animated_cover (str):
        item_cover (str):
        item_date (str):
        item_id (str): 视频 ID:19 位数字,以字符串传输(超出 JSON double 精度,切勿按浮点数解析)
        item_title (str):
        like (int): 点赞数
        live_status (int):
        max_watch (int):
        media_type (str):
        original_status (int):
        play (int): 播放量
        play_over_5min (int):
        read_cnt (str):
        repin (int):
        send_gift (int):
        send_prop (int):
        send_red_packet (int):
        share (int): 分享数
        status (int):
        title (str):
        url (str):
        video_id (str):
        width (str): 宽度(数字字符串)
    """

    acu: int
    avg_watch: int
    barrage: int
    biz_id: str
    comment: int
    core_user_id: str
    create_time: int
    create_timestamp: int
    duration: int
    duration_min: float
    fans_club: int
    favorite: str
    finish_time: int
    head_image_uri: str
    head_image_uris: list[str]
    head_image_url_signed: str
    height: str
    impression: int
    industry: str
    interact_rate: float
    is_hot: bool
    is_playlet: int
    item_animated_cover: str
    item_cover: str
    item_date: str
    item_id: str
    item_title: str
    like: int
    live_status: int
    max_watch: int
    media_type: str
    original_status: int
    play: int
    play_over_5min: int
    read_cnt: str
    repin: int
    send_gift: int
    send_prop: int
    send_red_packet: int
    share: int
    status: int
    title: str
    url: str
    video_id: str
    width: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        acu = self.acu

        avg_watch = self.avg_watch

        barrage = self.barrage

        biz_id = self.biz_id

        comment = self.comment

        core_user_id = self.core_user_id

        create_time = self.create_time

        create_timestamp = self.create_timestamp

        duration = self.duration

        duration_min = self.duration_min

        fans_club = self.fans_club

        favorite = self.favorite

        finish_time = self.finish_time

        head_image_uri = self.head_image_uri

        head_image_uris = self.head_image_uris

        head_image_url_signed = self.head_image_url_signed

        height = self.height

        impression = self.impression

        industry = self.industry

        interact_rate = self.interact_rate

        is_hot = self.is_hot

        is_playlet = self.is_playlet

        item_animated_cover = self.item_animated_cover

        item_cover = self.item_cover

        item_date = self.item_date

        item_id = self.item_id

        item_title = self.item_title

        like = self.like

        live_status = self.live_status

        max_watch = self.max_watch

        media_type = self.media_type

        original_status = self.original_status

        play = self.play

        play_over_5min = self.play_over_5min

        read_cnt = self.read_cnt

        repin = self.repin

        send_gift = self.send_gift

        send_prop = self.send_prop

        send_red_packet = self.send_red_packet

        share = self.share

        status = self.status

        title = self.title

        url = self.url

        video_id = self.video_id

        width = self.width

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acu": acu,
                "avg_watch": avg_watch,
                "barrage": barrage,
                "biz_id": biz_id,
                "comment": comment,
                "core_user_id": core_user_id,
                "create_time": create_time,
                "create_timestamp": create_timestamp,
                "duration": duration,
                "duration_min": duration_min,
                "fans_club": fans_club,
                "favorite": favorite,
                "finish_time": finish_time,
                "head_image_uri": head_image_uri,
                "head_image_uris": head_image_uris,
                "head_image_url_signed": head_image_url_signed,
                "height": height,
                "impression": impression,
                "industry": industry,
                "interact_rate": interact_rate,
                "is_hot": is_hot,
                "is_playlet": is_playlet,
                "item_animated_cover": item_animated_cover,
                "item_cover": item_cover,
                "item_date": item_date,
                "item_id": item_id,
                "item_title": item_title,
                "like": like,
                "live_status": live_status,
                "max_watch": max_watch,
                "media_type": media_type,
                "original_status": original_status,
                "play": play,
                "play_over_5min": play_over_5min,
                "read_cnt": read_cnt,
                "repin": repin,
                "send_gift": send_gift,
                "send_prop": send_prop,
                "send_red_packet": send_red_packet,
                "share": share,
                "status": status,
                "title": title,
                "url": url,
                "video_id": video_id,
                "width": width,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        acu = d.pop("acu")

        avg_watch = d.pop("avg_watch")

        barrage = d.pop("barrage")

        biz_id = d.pop("biz_id")

        comment = d.pop("comment")

        core_user_id = d.pop("core_user_id")

        create_time = d.pop("create_time")

        create_timestamp = d.pop("create_timestamp")

        duration = d.pop("duration")

        duration_min = d.pop("duration_min")

        fans_club = d.pop("fans_club")

        favorite = d.pop("favorite")

        finish_time = d.pop("finish_time")

        head_image_uri = d.pop("head_image_uri")

        head_image_uris = cast(list[str], d.pop("head_image_uris"))

        head_image_url_signed = d.pop("head_image_url_signed")

        height = d.pop("height")

        impression = d.pop("impression")

        industry = d.pop("industry")

        interact_rate = d.pop("interact_rate")

        is_hot = d.pop("is_hot")

        is_playlet = d.pop("is_playlet")

        item_animated_cover = d.pop("item_animated_cover")

        item_cover = d.pop("item_cover")

        item_date = d.pop("item_date")

        item_id = d.pop("item_id")

        item_title = d.pop("item_title")

        like = d.pop("like")

        live_status = d.pop("live_status")

        max_watch = d.pop("max_watch")

        media_type = d.pop("media_type")

        original_status = d.pop("original_status")

        play = d.pop("play")

        play_over_5min = d.pop("play_over_5min")

        read_cnt = d.pop("read_cnt")

        repin = d.pop("repin")

        send_gift = d.pop("send_gift")

        send_prop = d.pop("send_prop")

        send_red_packet = d.pop("send_red_packet")

        share = d.pop("share")

        status = d.pop("status")

        title = d.pop("title")

        url = d.pop("url")

        video_id = d.pop("video_id")

        width = d.pop("width")

        rec_video = cls(
            acu=acu,
            avg_watch=avg_watch,
            barrage=barrage,
            biz_id=biz_id,
            comment=comment,
            core_user_id=core_user_id,
            create_time=create_time,
            create_timestamp=create_timestamp,
            duration=duration,
            duration_min=duration_min,
            fans_club=fans_club,
            favorite=favorite,
            finish_time=finish_time,
            head_image_uri=head_image_uri,
            head_image_uris=head_image_uris,
            head_image_url_signed=head_image_url_signed,
            height=height,
            impression=impression,
            industry=industry,
            interact_rate=interact_rate,
            is_hot=is_hot,
            is_playlet=is_playlet,
            item_animated_cover=item_animated_cover,
            item_cover=item_cover,
            item_date=item_date,
            item_id=item_id,
            item_title=item_title,
            like=like,
            live_status=live_status,
            max_watch=max_watch,
            media_type=media_type,
            original_status=original_status,
            play=play,
            play_over_5min=play_over_5min,
            read_cnt=read_cnt,
            repin=repin,
            send_gift=send_gift,
            send_prop=send_prop,
            send_red_packet=send_red_packet,
            share=share,
            status=status,
            title=title,
            url=url,
            video_id=video_id,
            width=width,
        )

        rec_video.additional_properties = d
        return rec_video

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
