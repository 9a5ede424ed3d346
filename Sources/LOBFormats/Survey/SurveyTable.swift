import CSV
import Foundation

/// The answers of a survey tool's export as a table of text: the header row and each answer row with the number a
/// spreadsheet shows it under (the header is row 1), so a message can say "rij 7" and the teamvoorzitter finds it.
///
/// Read from CSV as Microsoft Forms, Google Forms and LimeSurvey write it and as Dutch Excel saves it (semicolons,
/// Windows-1252 or UTF-8 with a byte order mark, quoted fields with line breaks), or from the `.xlsx` that Microsoft
/// Forms downloads (`XLSXSheet`).
public struct SurveyTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The spreadsheet's row number.
        public let number: Int
        public let cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }

        public subscript(column: Int) -> String { column < cells.count ? cells[column] : "" }
    }

    public let header: [String]
    public let rows: [Row]

    public init(header: [String], rows: [Row]) {
        self.header = header
        self.rows = rows
    }

    /// The largest export read: a school's survey of hundreds of colleagues is well under 1 MB.
    public static let input = InputFile(name: "een enquête-export", maximumBytes: 20 << 20)

    /// The most answer rows one export may have: a school board's survey of all its teachers fits many times over.
    public static let maximumRows = 20_000
    /// The most columns: 44 gedragskenmerken, 7 competenties and a survey tool's own columns (times, e-mail, one per
    /// question of its own) are some hundred; Excel allows 16,384, which no survey export has.
    public static let maximumColumns = 1_000

    /// Reads a `.csv` or `.xlsx` export (told apart by its first bytes, not its name).
    public static func load(_ url: URL) throws(FormatError) -> SurveyTable {
        let data = try input.readBytes(url)
        return try decode(data, file: url.relativePath)
    }

    public static func decode(_ data: Data, file: String) throws(FormatError) -> SurveyTable {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XLSXSheet.table(data, file: file) }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw FormatError(
                file: file, "lijkt een oud Excel-bestand (.xls): sla het op als .xlsx of als CSV (puntkomma's)")
        }
        return try csv(text(data, file: file), file: file)
    }

    /// UTF-8 (with or without a byte order mark), UTF-16 with one, else Windows-1252, which Dutch Excel writes for
    /// "CSV (gescheiden door lijstscheidingsteken)".
    static func text(_ data: Data, file: String) throws(FormatError) -> String {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(data: data.dropFirst(3), encoding: .utf8) else {
                throw FormatError(file: file, "begint als UTF-8 maar is het niet: sla het opnieuw op als CSV UTF-8")
            }
            return text
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw FormatError(file: file, "onleesbare UTF-16-tekst: sla het op als CSV UTF-8")
            }
            return text
        }
        if let text = String(data: data, encoding: .utf8) { return text }
        guard let text = String(data: data, encoding: .windowsCP1252) else {
            throw FormatError(file: file, "is geen tekst in UTF-8 of Windows-1252: verwacht een CSV- of .xlsx-export")
        }
        return text
    }

    /// The separator is the one of `;`, `,` and tab that occurs most in the header row outside quotes.
    static func separator(_ text: String) -> UnicodeScalar {
        var counts: [UnicodeScalar: Int] = [";": 0, ",": 0, "\t": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted && (scalar == "\n" || scalar == "\r") { break }
            if !quoted, counts[scalar] != nil { counts[scalar]! += 1 }
        }
        return [";", ",", "\t"].max { counts[$0]! < counts[$1]! } ?? ","
    }

    static func csv(_ text: String, file: String) throws(FormatError) -> SurveyTable {
        if let hidden = text.unicodeScalars.first(where: { $0.value == 0 }) {
            throw FormatError(file: file, "bevat een onzichtbaar stuurteken (U+\(String(hidden.value, radix: 16)))")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: separator(text))
        } catch {
            throw FormatError(file: file, "onleesbare CSV: \(error)")
        }
        // CSV.swift reads an unclosed quote to the end of the file; that swallows every later row, so it is refused.
        if let line = unclosedQuote(text) {
            throw FormatError(
                file: file, line: line, "een veld tussen aanhalingstekens wordt niet afgesloten: verwacht een \"")
        }
        // Read no further than an export can be: a file of ten million short lines is refused at row 20,002, not
        // after filling the memory.
        var records: [[String]] = []
        while let record = reader.next() {
            records.append(record)
            try check(columns: record.count, row: records.count, file: file)
            try check(rows: records.count, file: file)
        }
        if reader.error != nil { throw FormatError(file: file, "onleesbare CSV na rij \(records.count)") }
        return try table(records, file: file)
    }

    /// A row wider than any survey export: refused with the row it was found on.
    static func check(columns: Int, row: Int, file: String) throws(FormatError) {
        guard columns <= maximumColumns else {
            throw FormatError(
                file: file,
                "rij \(row) heeft \(DutchText.number(Double(columns))) kolommen: meer dan een enquête-export heeft (hooguit \(DutchText.number(Double(maximumColumns))))"
            )
        }
    }

    /// More rows than any survey export (the header and a line per answer, and some empty lines).
    static func check(rows: Int, file: String) throws(FormatError) {
        guard rows <= maximumRows + 1 else {
            throw FormatError(
                file: file,
                "heeft meer dan \(DutchText.number(Double(maximumRows))) rijen: meer dan een enquête-export heeft; splits het bestand"
            )
        }
    }

    /// The line where a quoted field opens that is never closed, if any.
    static func unclosedQuote(_ text: String) -> Int? {
        var quoted = false
        var line = 1
        var opened = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 }
            if scalar == "\"" {
                quoted.toggle()
                if quoted { opened = line }
            }
        }
        return quoted ? opened : nil
    }

    /// The first row that is not empty is the header; wholly empty rows after it are left out (Excel writes them).
    static func table(_ records: [[String]], numbers: [Int]? = nil, file: String) throws(FormatError) -> SurveyTable {
        let blank = { (record: [String]) in record.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let first = records.firstIndex(where: { !blank($0) }) else {
            throw FormatError(file: file, "is leeg: verwacht een kopregel met de vragen en een rij per collega")
        }
        let rows = records.indices.dropFirst(first + 1).filter { !blank(records[$0]) }.map {
            Row(number: numbers?[$0] ?? $0 + 1, cells: records[$0].map(Self.trimmed))
        }
        return SurveyTable(header: records[first].map(Self.trimmed), rows: rows)
    }

    static func trimmed(_ cell: String) -> String { cell.trimmingCharacters(in: .whitespacesAndNewlines) }
}
