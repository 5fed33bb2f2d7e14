from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.base_resp import BaseResp
    from ..models.rec_video import RecVideo


T = TypeVar("T", bound="AuthorRecVideosData")


@_attrs_define
class AuthorRecVideosData:
    """
    Attributes:
        base_resp (BaseResp):
        masterpiece_videos (list[RecVideo]):
        newest_videos (list[RecVideo]):
        order_hot_videos (list[RecVideo]):
        personal_hot_videos (list[RecVideo]):
    """

    base_resp: BaseResp
    masterpiece_videos: list[RecVideo]
    newest_videos: list[RecVideo]
    order_hot_videos: list[RecVideo]
    personal_hot_videos: list[RecVideo]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_resp = self.base_resp.to_dict()

        masterpiece_videos = []
        for masterpiece_videos_item_data in self.masterpiece_videos:
            masterpiece_videos_item = masterpiece_videos_item_data.to_dict()
            masterpiece_videos.append(masterpiece_videos_item)

        newest_videos = []
        for newest_videos_item_data in self.newest_videos:
            newest_videos_item = newest_videos_item_data.to_dict()
            newest_videos.append(newest_videos_item)

        order_hot_videos = []
        for order_hot_videos_item_data in self.order_hot_videos:
            order_hot_videos_item = order_hot_videos_item_data.to_dict()
            order_hot_videos.append(order_hot_videos_item)

        personal_hot_videos = []
        for personal_hot_videos_item_data in self.personal_hot_videos:
            personal_hot_videos_item = personal_hot_videos_item_data.to_dict()
            personal_hot_videos.append(personal_hot_videos_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base_resp": base_resp,
                "masterpiece_videos": masterpiece_videos,
                "newest_videos": newest_videos,
                "order_hot_videos": order_hot_videos,
                "personal_hot_videos": personal_hot_videos,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.base_resp import BaseResp
        from ..models.rec_video import RecVideo

        d = dict(src_dict)
        base_resp = BaseResp.from_dict(d.pop("base_resp"))

        masterpiece_videos = []
        _masterpiece_videos = d.pop("masterpiece_videos")
        for masterpiece_videos_item_data in _masterpiece_videos:
            masterpiece_videos_item = RecVideo.from_dict(masterpiece_videos_item_data)

            masterpiece_videos.append(masterpiece_videos_item)

        newest_videos = []
        _newest_videos = d.pop("newest_videos")
        for newest_videos_item_data in _newest_videos:
            newest_videos_item = RecVideo.from_dict(newest_videos_item_data)

            newest_videos.append(newest_videos_item)

        order_hot_videos = []
        _order_hot_videos = d.pop("order_hot_videos")
        for order_hot_videos_item_data in _order_hot_videos:
            order_hot_videos_item = RecVideo.from_dict(order_hot_videos_item_data)

            order_hot_videos.append(order_hot_videos_item)

        personal_hot_videos = []
        _personal_hot_videos = d.pop("personal_hot_videos")
        for personal_hot_videos_item_data in _personal_hot_videos:
            personal_hot_videos_item = RecVideo.from_dict(personal_hot_videos_item_data)

            personal_hot_videos.append(personal_hot_videos_item)

        author_rec_videos_data = cls(
            base_resp=base_resp,
            masterpiece_videos=masterpiece_videos,
            newest_videos=newest_videos,
            order_hot_videos=order_hot_videos,
            personal_hot_videos=personal_hot_videos,
        )

        author_rec_videos_data.additional_properties = d
        return author_rec_videos_data

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
