import CSV
import Foundation
import Testing

@testable import LOBRender

/// The spreadsheet CSV read back as Dutch Excel reads it (";" fields, decimal comma, UTF-8 by its BOM, `="…"` kept
/// as text) and as a script reads RFC 4180.
struct CSVDialectTests {
    let table = CSVTable(
        header: ["gedragskenmerk", "competentienaam", "gemiddelde", "n", "opmerking"],
        rows: [
            [.id("2.10"), .text("Loopbaanoriëntatie; samen"), .decimal(7.125, places: 2), .integer(5), .text("=1+1")],
            [.id("1.1"), .text("regel\nen nog een"), .decimal(nil, places: 2), .integer(nil), .text("-0.5")],
        ])

    func read(_ text: String, delimiter: UnicodeScalar) throws -> [[String]] {
        let reader = try CSVReader(string: text, delimiter: delimiter)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    /// Our writer quotes as CSV.swift's writer does, field for field, and CSV.swift's reader gives the fields back.
    @Test(arguments: [";", ","])
    func the_writer_quotes_as_csv_swift_does(delimiter: String) throws {
        let rows = [
            ["gewoon", "met \"aanhalingstekens\"", "a;b", "a,b", "regel\nregel", "cr\rhier", "crlf\r\nhier", ""],
            ["Loopbaanoriëntatie", "\"", "😀;", " spatie ", "\t", "=\"1.1\"", "''", "x"],
        ]
        let writer = try CSVWriter(stream: .toMemory(), delimiter: delimiter, newline: .crlf)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        let text = CSVRenderer.text(rows, newline: .crlf, delimiter: delimiter)
        #expect(text == String(decoding: data, as: UTF8.self) + "\r\n")
        #expect(try read(text, delimiter: delimiter.unicodeScalars.first!) == rows)
    }

    @Test func excel_gets_a_bom_semicolons_a_decimal_comma_and_ids_that_stay_text() async throws {
        let csv = try table.render(.excel)
        #expect(csv.hasPrefix("\u{FEFF}gedragskenmerk;competentienaam;"))
        #expect(csv.hasSuffix("\r\n"))
        let rows = try read(String(csv.dropFirst()), delimiter: ";")
        #expect(rows.count == 3)
        #expect(rows[1] == ["=\"2.10\"", "Loopbaanoriëntatie; samen", "7,13", "5", "'=1+1"])
        #expect(rows[2] == ["=\"1.1\"", "regel\nen nog een", "", "", "-0.5"])
    }

    @Test func rfc4180_is_commas_and_a_decimal_point_without_a_bom() async throws {
        let csv = try table.render(.rfc4180)
        #expect(csv.hasPrefix("gedragskenmerk,competentienaam,"))
        let rows = try read(csv, delimiter: ",")
        #expect(rows[1] == ["2.10", "Loopbaanoriëntatie; samen", "7.13", "5", "'=1+1"])
        #expect(rows[2][2] == "" && rows[2][4] == "-0.5")
        #expect(CSVTable.write(.decimal(-0.004, places: 2), .rfc4180) == "0.00")
        #expect(CSVTable.write(.decimal(-2.5, places: 0), .excel) == "-3")
        #expect(CSVTable.write(.id("intervisie"), .excel) == "intervisie")
    }

    @Test func text_cells_never_start_a_formula() async throws {
        let rows = try read(
            try CSVTable(
                header: ["a"],
                rows: [
                    [.text("=HYPERLINK(\"http://x\")")], [.text("+A1+A2")], [.text("@SUM(A1)")], [.text("-zo")],
                    [.id("=cmd|' /C calc'!A0")],
                ]
            ).render(.rfc4180), delimiter: ",")
        #expect(rows.dropFirst().map { $0[0] }.allSatisfy { $0.hasPrefix("'") })
    }
}
