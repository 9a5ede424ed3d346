import Foundation
import LOBCore

/// The names a teamvoorzitter invites to a round (`lob team round open --invite`): a text file with one name per
/// line (empty lines and lines starting with `#` are skipped), or a CSV export (`.csv`) of which the column `naam`
/// (or `name`), else the first, holds the names. See docs/serve.md.
public enum InvitationList {
    public static let input = InputFile(name: "een lijst met namen", maximumBytes: 1 << 20)

    public static func load(_ url: URL) throws(FormatError) -> [String] {
        let data = try input.read(url)
        return try decode(data, file: url.relativePath, csv: url.pathExtension.lowercased() == "csv")
    }

    public static func decode(_ data: Data, file: String, csv: Bool) throws(FormatError) -> [String] {
        var lines: [(line: Int, name: String)] = []
        if csv {
            let table = try SurveyTable.decode(data, file: file)
            let column =
                table.header.firstIndex {
                    ["naam", "name"].contains($0.trimmingCharacters(in: .whitespaces).lowercased())
                } ?? 0
            lines = table.rows.map { ($0.number, $0[column]) }
        } else {
            guard var text = String(data: data, encoding: .utf8) else {
                throw FormatError(file: file, "verwacht tekst in UTF-8: één naam per regel")
            }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
                ($0.offset + 1, String($0.element).trimmingCharacters(in: CharacterSet(charactersIn: "\r")))
            }
        }
        var names: [String] = []
        var problems: [FormatError.Problem] = []
        for (line, raw) in lines {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if name.isEmpty || name.hasPrefix("#") { continue }
            if !VisibleText.lineFaults(name, maximum: VisibleText.nameLength).isEmpty {
                problems.append(
                    .init(
                        file: file, line: line,
                        message:
                            "verwacht een naam van hooguit \(VisibleText.nameLength) tekens zonder onzichtbare tekens"))
                continue
            }
            names.append(name)
        }
        guard problems.isEmpty else { throw FormatError(problems) }
        guard !names.isEmpty else {
            throw FormatError(file: file, "de lijst noemt niemand: verwacht één naam per regel")
        }
        return names
    }
}
