import Foundation
import LOBCore

/// Which CSV a reader gets. A Dutch spreadsheet user double-clicks the file, so that is the default; scripts ask
/// for plain RFC 4180.
public enum CSVDialect: String, Sendable, CaseIterable {
    /// As Dutch Excel opens it by double-click: UTF-8 with a byte order mark (else "ë" shows as "Ã«"), ";" between
    /// fields (the list separator of the Dutch locale), a decimal comma, and ids as `="2.10"` so that Excel keeps
    /// them text (else "2.10" becomes 2 October and "1.1" 1 January).
    case excel
    /// RFC 4180: "," between fields, a decimal point, ids as they are, no byte order mark.
    case rfc4180
}

/// One cell of a spreadsheet table: what it is decides how each dialect writes it.
public enum CSVCell: Sendable, Equatable {
    case text(String)
    /// An identifier such as "2.10" that must stay text.
    case id(String)
    case integer(Int?)
    /// A number with a fixed count of decimals, the same down the column.
    case decimal(Double?, places: Int)
}

/// A table for a spreadsheet: Dutch headers, then rows of typed cells.
public struct CSVTable: Sendable {
    public let header: [String]
    public let rows: [[CSVCell]]

    public init(header: [String], rows: [[CSVCell]]) {
        self.header = header
        self.rows = rows
    }

    public func render(_ dialect: CSVDialect = .excel) throws -> String {
        let lines = [header.map { CSVRenderer.cell($0) }] + rows.map { $0.map { Self.write($0, dialect) } }
        let body = CSVRenderer.text(lines, newline: .crlf, delimiter: dialect == .excel ? ";" : ",")
        return dialect == .excel ? "\u{FEFF}" + body : body
    }

    static func write(_ cell: CSVCell, _ dialect: CSVDialect) -> String {
        switch cell {
        case .text(let text): return CSVRenderer.cell(text)
        case .id(let id):
            let safe = CSVRenderer.cell(id)
            // Only an id with a digit can be taken for a number or a date; the formula quotes a constant, runs nothing.
            guard dialect == .excel, safe.contains(where: \.isNumber) else { return safe }
            let doubled =
                safe.utf8.contains(UInt8(ascii: "\"")) ? safe.replacingOccurrences(of: "\"", with: "\"\"") : safe
            return "=\"\(doubled)\""
        case .integer(let value): return value.map(String.init) ?? ""
        case .decimal(let value, let places):
            guard let value else { return "" }
            // Half away from zero, as people round (printf would give 7,12 for 7.125).
            let scale = (0..<places).reduce(1) { result, _ in result * 10 }
            let units = Int((value * Double(scale)).rounded())
            let whole = String(abs(units) / scale), fraction = String(abs(units) % scale)
            let sign = units < 0 ? "-" : ""
            guard places > 0 else { return sign + whole }
            let padded = String(repeating: "0", count: places - fraction.count) + fraction
            return sign + whole + (dialect == .excel ? "," : ".") + padded
        }
    }
}

/// The writer behind every CSV file this module makes: RFC 4180 quoting as CSV.swift's writer does it (a field with a
/// quote, the delimiter, a carriage return or a line feed is quoted, its quotes doubled), written here because that
/// writer sends each character through a stream on its own: 100,990 peer-learning pairs took six seconds. The tests
/// read every CSV back with CSV.swift's reader.
public enum CSVRenderer {
    public enum Newline: String, Sendable {
        case lf = "\n"
        case crlf = "\r\n"
    }

    /// The rows as CSV text as they are, every row ended by `newline`.
    static func text(_ rows: [[String]], newline: Newline, delimiter: String = ",") -> String {
        var text = ""
        for row in rows {
            for (index, field) in row.enumerated() {
                if index > 0 { text += delimiter }
                text += quoted(field, delimiter: delimiter)
            }
            text += newline.rawValue
        }
        return text
    }

    /// A field as it is, or quoted with its quotes doubled when it holds a quote, the delimiter or a line break.
    static func quoted(_ field: String, delimiter: String) -> String {
        let special = field.utf8.contains { byte in
            byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
                || delimiter.utf8.contains(byte)
        }
        guard special else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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
