from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.result_code import ResultCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="Result")


@_attrs_define
class Result:
    """
    Attributes:
        code (ResultCode):
        data (Any):
        message (None | str):
        record_time (None | str):
        request_id (str | Unset):
    """

    code: ResultCode
    data: Any
    message: None | str
    record_time: None | str
    request_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

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
        d = dict(src_dict)
        code = ResultCode(d.pop("code"))

        data = d.pop("data")

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

        result = cls(
            code=code,
            data=data,
            message=message,
            record_time=record_time,
            request_id=request_id,
        )

        result.additional_properties = d
        return result

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
