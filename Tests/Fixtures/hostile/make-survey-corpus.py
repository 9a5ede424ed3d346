#!/usr/bin/env python3
"""Writes the hostile survey exports beside this script (`survey/`): spreadsheets and CSV files that once crashed
`lob import survey` or were read wrong. Each must be refused with a clear Dutch message naming the file, quickly,
without a crash and without changing the database (Tests/lobTests/HostileInputTests.swift).

    python3 Tests/Fixtures/hostile/make-survey-corpus.py
"""
import io
import os
import shutil
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "survey")
GOOGLE = os.path.join(HERE, "..", "survey", "google.csv")


def xlsx(sheet: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # A fixed date, so that the corpus is the same on every run.
        archive.writestr(zipfile.ZipInfo("xl/worksheets/sheet1.xml", (2026, 1, 1, 0, 0, 0)), sheet,
                         zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def raw_zip(name: bytes, method: int, payload: bytes, size: int, crc: int) -> bytes:
    """One entry written by hand, so that its data, size and checksum can disagree as a damaged file's do."""
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x5C21, crc, len(payload), size, len(name), 0)
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x5C21, crc, len(payload), size,
                          len(name), 0, 0, 0, 0, 0, 0)
    body = local + name + payload
    directory = central + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(directory), len(body), 0)
    return body + directory + end


def deflated(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def sheet(rows: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main"><sheetData>' + rows + "</sheetData></worksheet>").encode()


def lying_directory() -> bytes:
    """A whole archive whose central directory says the local header is far past the end."""
    data = bytearray(xlsx(sheet('<row r="1"><c r="A1"><v>1</v></c></row>')))
    central = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 42, 0x7FFFFF00)
    return bytes(data)


def google(first_date: str) -> bytes:
    lines = open(GOOGLE, encoding="utf-8").read().split("\n")
    head, first = lines[0], lines[1]
    date_end = first.index(",")
    return "\n".join([head, first_date + first[date_end:]] + lines[2:]).encode()


SHEET = sheet("".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>Collega {n}</t></is></c></row>'
                      for n in range(1, 400)))

CASES = {
    # A row number at Int.max, then a row without one: the next number overflowed.
    "row-overflow.xlsx": xlsx(sheet(f'<row r="9223372036854775807"><c r="A1"><v>1</v></c></row><row><c><v>2</v></c></row>')),
    # One cell in the last column and 20,000 empty rows: every row was padded to 16,384 cells (5 GB).
    "wide-empty-rows.xlsx": xlsx(sheet('<row r="1"><c r="XFD1"><v>1</v></c></row>' + "<row/>" * 20_000)),
    # One cell in the last column and 200 rows with a value: 3.3 million cells once squared up.
    "wide-rows.xlsx": xlsx(sheet('<row r="1"><c r="XFD1"><v>1</v></c></row>'
                                 + "".join(f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>' for n in range(2, 202)))),
    # A central directory that points past the end of the file: ZIPFoundation read out of bounds.
    "lying-directory.xlsx": lying_directory(),
    # An element name and an attribute name that are not UTF-8: Foundation's XMLParser stopped the process.
    "bad-utf8-element.xlsx": xlsx(sheet('<row r="1">').replace(b'<row r="1">', b'<row r="1"><\xff\xfe/>') + b""),
    "bad-utf8-attribute.xlsx": xlsx(b'<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData><row \xff="1"/>'
                                    b"</sheetData></worksheet>"),
    # A deflate stream cut off halfway, its directory agreeing: ZIPFoundation waited forever for the rest (found by
    # the fuzzer, Tests/fuzz/crashes/survey-xlsx).
    "truncated-deflate.xlsx": raw_zip(b"xl/worksheets/sheet1.xml", 8, deflated(SHEET)[: len(deflated(SHEET)) // 2],
                                      len(SHEET), zlib.crc32(SHEET)),
    # A whole stream whose checksum or size the directory contradicts, and a compression method no zip tool writes.
    "wrong-checksum.xlsx": raw_zip(b"xl/worksheets/sheet1.xml", 8, deflated(SHEET), len(SHEET), zlib.crc32(SHEET) ^ 1),
    "wrong-size.xlsx": raw_zip(b"xl/worksheets/sheet1.xml", 0, SHEET, len(SHEET) + 5, zlib.crc32(SHEET)),
    "unknown-method.xlsx": raw_zip(b"xl/worksheets/sheet1.xml", 99, SHEET, len(SHEET), zlib.crc32(SHEET)),
    # Dates that wrapped at 2^32 or let a sign through.
    "date-wraps.csv": google("1-4294967298-2026"),
    "date-sign.csv": google("2026-+1-05"),
    "date-year-zero.csv": google("0000-01-01"),
}

if __name__ == "__main__":
    # The survey fixtures' mapping with Google's date column, so that a date is read.
    mapping = open(os.path.join(HERE, "..", "survey", "mapping.yaml"), encoding="utf-8").read()
    with open(os.path.join(HERE, "survey-mapping.yaml"), "w", encoding="utf-8") as out:
        out.write(mapping.replace('  # date: "Tijd van voltooien"', '  date: "Tijdstempel"'))
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    for name, data in CASES.items():
        with open(os.path.join(OUT, name), "wb") as handle:
            handle.write(data)
    print(f"{len(CASES)} survey files in {OUT}")
