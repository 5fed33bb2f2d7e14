from enum import IntEnum


class ResultCode(IntEnum):
    VALUE_0 = 0
    VALUE_100 = 100
    VALUE_101 = 101
    VALUE_202 = 202
    VALUE_300 = 300
    VALUE_301 = 301
    VALUE_302 = 302
    VALUE_303 = 303
    VALUE_400 = 400
    VALUE_404 = 404
    VALUE_500 = 500
    VALUE_503 = 503
    VALUE_600 = 600
    VALUE_601 = 601
    VALUE_602 = 602

    def __str__(self) -> str:
        return str(self.value)
