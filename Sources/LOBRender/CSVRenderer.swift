import CSV
import Foundation
import LOBCore

/// CSV for a spreadsheet (RFC 4180 quoting by CSV.swift): a header row, then the rows, CRLF line ends as the RFC
/// and spreadsheets expect.
public enum CSVRenderer {
    public static func render(header: [String], rows: [[String]]) throws -> String {
        try text(([header] + rows).map { $0.map(cell) }, newline: .crlf)
    }

    /// The rows as CSV text as they are, every row ended by `newline` (CSV.swift leaves the last one open): the one
    /// writer behind every CSV file this module makes.
    static func text(_ rows: [[String]], newline: CSVWriter.Newline) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), newline: newline)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + (newline == .crlf ? "\r\n" : "\n")
    }

    /// A cell a spreadsheet will not run: text that starts with =, +, -, @, a tab or a carriage return gets a
    /// leading apostrophe (OWASP's advice against CSV injection); a number such as -0.5 stays a number. Control
    /// characters are made visible.
    static func cell(_ text: String) -> String {
        let visible = VisibleText.make(text, newlines: .keep)
        guard let first = visible.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
            Double(visible) == nil
        else { return visible }
        return "'" + visible
    }
}
