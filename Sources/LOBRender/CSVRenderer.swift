import CSV
import Foundation

/// CSV for a spreadsheet (RFC 4180 quoting by CSV.swift): a header row, then the rows, CRLF line ends as the RFC
/// and spreadsheets expect.
public enum CSVRenderer {
    public static func render(header: [String], rows: [[String]]) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), newline: .crlf)
        try writer.write(row: header)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
