"""Roster files as offices send them (and as attackers would): built fresh for each test."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl

# A messy roster, as saved by Excel in China: GBK without BOM, a title and blank lines
# before the header, semicolons, a name aligned with a full-width space, a blank line
# between people, a row without a name, and 张三 twice in 办公室.
MESSY_CSV = (
    "2026年干部花名册\r\n"
    "\r\n"
    "序号;姓名;部门;职务;性别;政治面貌;参加工作时间;联系电话\r\n"
    "1;张　三;办公室;科员;男;中共党员;2019.03;13800138000\r\n"
    "\r\n"
    "2;李四;办公室/综合科;副科长;女;群众;2019年3月1日;\r\n"
    "3;;财务科;会计;女;;2020/5/6;\r\n"
    "4;张三;办公室;;男;;;\r\n"
    "5;王五;财务科;科长;男;预备党员;2018-07-01;13900000000\r\n"
)
MESSY_ROWS = {"张三": 4, "李四": 6, "missing": 7, "duplicate": 8, "王五": 9}


def messy_gbk_csv(path: Path) -> Path:
    path.write_bytes(MESSY_CSV.encode("gbk"))
    return path


def merged_header_xlsx(path: Path) -> Path:
    """A title merged across the top, a two-row header (姓名 merged down, 基本信息 over three
    columns), dates stored as dates, and 办公室 merged down two people."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "某某局人员名单"
    sheet.merge_cells("A1:F1")
    sheet["A2"] = "姓名"
    sheet.merge_cells("A2:A3")
    sheet["B2"] = "基本信息"
    sheet.merge_cells("B2:D2")
    sheet["B3"], sheet["C3"], sheet["D3"] = "部门", "岗位", "入职时间"
    sheet["E2"] = "性别"
    sheet.merge_cells("E2:E3")
    sheet["F2"] = "党员"
    sheet.merge_cells("F2:F3")
    sheet.append(["赵六", "办公室", "主任", datetime(2015, 9, 1), "男", "是"])
    sheet.append(["钱七", None, "科员", date(2021, 3, 15), "女", "否"])
    sheet.merge_cells("B4:B5")
    sheet.append(["孙八", "人事科", "科员", "2022/1/4", "男", "否"])
    sheet["D4"].number_format = "yyyy-mm-dd"
    sheet["D5"].number_format = "yyyy-mm-dd"
    workbook.save(path)
    return path


def _workbook_bytes(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _rezip(
    source: bytes, change: dict[str, bytes] | None = None, extra: dict[str, bytes] | None = None
) -> bytes:
    """The same workbook with some members replaced or added (each member compressed)."""
    original = zipfile.ZipFile(io.BytesIO(source))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in original.namelist():
            target.writestr(name, (change or {}).get(name, original.read(name)))
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out.getvalue()


LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + "]>\n"
)


def billion_laughs_xlsx(path: Path) -> Path:
    """A real workbook whose sheet declares nested entities (a billion laughs) and uses one."""
    data = _workbook_bytes([["姓名", "部门"], ["张三", "办公室"]])
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    name = "".join(f"&#{ord(c)};" for c in "张三")
    assert name in sheet
    poisoned = (LAUGHS + sheet.replace(name, "&lol9;")).encode()
    path.write_bytes(_rezip(data, change={"xl/worksheets/sheet1.xml": poisoned}))
    return path


def zip_bomb_xlsx(path: Path, size: int = 40 * 1024 * 1024) -> Path:
    """A real workbook plus a member that inflates from a few kilobytes to `size` bytes."""
    data = _workbook_bytes([["姓名"], ["张三"]])
    path.write_bytes(_rezip(data, extra={"xl/media/image1.png": b"\0" * size}))
    return path


def workbook(path: Path, rows: list[list[object]]) -> Path:
    path.write_bytes(_workbook_bytes(rows))
    return path
