import Foundation
import LOBCore

/// The people a teamvoorzitter invites to a round (`lob team round open --invite`): a text file with one name per
/// line, optionally with an e-mail address after it (`Ans Bakker <ans@school.nl>`, or after a tab;
/// empty lines and lines starting with `#` are skipped), or a CSV export (`.csv`) of which the column `naam` (or
/// `name`), else the first, holds the names and a column `e-mail` (`email`, `e-mailadres`) the addresses. See
/// docs/serve.md.
public enum InvitationList {
    public static let input = InputFile(name: "een lijst met namen", maximumBytes: 1 << 20)

    /// One person on the list, and where to mail his link when the list says.
    public struct Invitee: Sendable, Hashable {
        public let name: String
        public let address: String?

        public init(name: String, address: String?) {
            self.name = name
            self.address = address
        }
    }

    public static func load(_ url: URL) throws(FormatError) -> [String] {
        try loadInvitees(url).map(\.name)
    }

    public static func loadInvitees(_ url: URL) throws(FormatError) -> [Invitee] {
        let data = try input.read(url)
        return try invitees(data, file: url.relativePath, csv: url.pathExtension.lowercased() == "csv")
    }

    public static func decode(_ data: Data, file: String, csv: Bool) throws(FormatError) -> [String] {
        try invitees(data, file: file, csv: csv).map(\.name)
    }

    /// The lines a person typed on the dashboard: one person a line, as in a text file.
    public static func invitees(typed text: String) throws(FormatError) -> [Invitee] {
        try invitees(Data(text.utf8), file: "de lijst", csv: false)
    }

    public static func invitees(_ data: Data, file: String, csv: Bool) throws(FormatError) -> [Invitee] {
        var lines: [(line: Int, name: String)] = []
        var addressColumn: [Int: String] = [:]
        if csv {
            let table = try SurveyTable.decode(data, file: file)
            let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let column = header.firstIndex { ["naam", "name"].contains($0) } ?? 0
            let mail = header.firstIndex { ["e-mail", "email", "e-mailadres", "emailadres", "mail"].contains($0) }
            lines = table.rows.map { ($0.number, $0[column]) }
            if let mail {
                for row in table.rows { addressColumn[row.number] = row[mail].trimmingCharacters(in: .whitespaces) }
            }
        } else {
            guard var text = String(data: data, encoding: .utf8) else {
                throw FormatError(file: file, "verwacht tekst in UTF-8: één naam per regel")
            }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            // "\r\n" is one Character: split on every kind of line end.
            lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().map {
                ($0.offset + 1, String($0.element).trimmingCharacters(in: CharacterSet(charactersIn: "\r")))
            }
        }
        var invitees: [Invitee] = []
        var problems: [FormatError.Problem] = []
        // One link a person: the same name twice (as the privacy rule counts people) is named with both lines.
        var firstLine: [String: Int] = [:]
        for (line, raw) in lines {
            let text = raw.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text.hasPrefix("#") { continue }
            var (name, address) = csv ? (text, addressColumn[line].flatMap { $0.isEmpty ? nil : $0 }) : split(text)
            name = name.trimmingCharacters(in: .whitespaces)
            if !VisibleText.lineFaults(name, maximum: VisibleText.nameLength).isEmpty || name.isEmpty {
                problems.append(
                    .init(
                        file: file, line: line,
                        message:
                            "verwacht een naam van hooguit \(VisibleText.nameLength) tekens zonder onzichtbare tekens"))
                continue
            }
            if let given = address, !MailAddress.isValid(given) {
                problems.append(
                    .init(
                        file: file, line: line,
                        message: "'\(VisibleText.make(String(given.prefix(60))))' is geen e-mailadres (naam@school.nl)")
                )
                continue
            }
            let person = PrivacyRule.memberKey(name)
            if let earlier = firstLine[person] {
                problems.append(
                    .init(
                        file: file, line: line,
                        message: "'\(name)' staat ook op regel \(earlier): noem iedereen één keer"))
                continue
            }
            firstLine[person] = line
            invitees.append(Invitee(name: name, address: address))
            address = nil
        }
        guard problems.isEmpty else { throw FormatError(problems) }
        guard !invitees.isEmpty else {
            throw FormatError(file: file, "de lijst noemt niemand: verwacht één naam per regel")
        }
        return invitees
    }

    /// "Naam <adres>", "Naam<tab>adres" (a spreadsheet's two columns pasted) or just "Naam". Only a part with an "@"
    /// is read as an address, so a name with "<" or a ";" in it stays a name.
    static func split(_ line: String) -> (String, String?) {
        if line.hasSuffix(">"), let open = line.lastIndex(of: "<") {
            let address = String(line[line.index(after: open)..<line.index(before: line.endIndex)])
            if address.contains("@") { return (String(line[..<open]), address) }
        }
        if let tab = line.firstIndex(of: "\t") {
            let address = line[line.index(after: tab)...].trimmingCharacters(in: .whitespaces)
            if address.contains("@") { return (String(line[..<tab]), address) }
        }
        return (line, nil)
    }
}
