from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.result_code import ResultCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.author_rec_videos_data import AuthorRecVideosData


T = TypeVar("T", bound="AuthorRecVideosResult")


@_attrs_define
class AuthorRecVideosResult:
    """The envelope of a recommended-videos answer: Result, with data the video lists on success and null on failure; a
    code of 0 always comes with typed data.

        Attributes:
            code (ResultCode):
            data (AuthorRecVideosData | None):
            message (None | str):
            record_time (None | str):
            request_id (str | Unset):
    """

    code: ResultCode
    data: AuthorRecVideosData | None
    message: None | str
    record_time: None | str
    request_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.author_rec_videos_data import AuthorRecVideosData

        code = self.code.value

        data: dict[str, Any] | None
        if isinstance(self.data, AuthorRecVideosData):
            data = self.data.to_dict()
        else:
            data = self.data

        message: None | str
        message = self.message

        record_time: None | str
        record_time = self.record_time

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "data": data,
                "message": message,
                "recordTime": record_time,
            }
        )
        if request_id is not UNSET:
            field_dict["requestId"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.author_rec_videos_data import AuthorRecVideosData

        d = dict(src_dict)
        code = ResultCode(d.pop("code"))

        def _parse_data(data: object) -> AuthorRecVideosData | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = AuthorRecVideosData.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorRecVideosData | None, data)

        data = _parse_data(d.pop("data"))

        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))

        def _parse_record_time(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        record_time = _parse_record_time(d.pop("recordTime"))

        request_id = d.pop("requestId", UNSET)

        author_rec_videos_result = cls(
            code=code,
            data=data,
            message=message,
            record_time=record_time,
            request_id=request_id,
        )

        author_rec_videos_result.additional_properties = d
        return author_rec_videos_result

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
