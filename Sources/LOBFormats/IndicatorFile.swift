import Foundation
import LOBCore

/// A school's results of a school year (Kirkpatrick's level 4) as a CSV file a spreadsheet writes: a column
/// `indicator` (or `naam`), `waarde`, `eenheid` and, if it likes, `bron`; one indicator a row. Dutch Excel's `;` with
/// a decimal comma, or a plain `,`. See docs/evaluation.md.
public enum IndicatorFile {
    public static func load(_ url: URL) throws(FormatError) -> [SchoolIndicator] {
        try decode(InputFile.indicators.read(url), file: url.relativePath)
    }

    public static func decode(_ data: Data, file: String) throws(FormatError) -> [SchoolIndicator] {
        let table = try SurveyTable.decode(data, file: file)
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ names: [String]) -> Int? { header.firstIndex { names.contains($0) } }
        guard let name = column(["indicator", "naam", "name"]), let value = column(["waarde", "value"]) else {
            throw FormatError(
                file: file, line: 1,
                "verwacht de kolommen 'indicator' en 'waarde' (en 'eenheid', 'bron'), gevonden \(table.header.prefix(6).map { Excerpt.quote($0) }.joined(separator: ", "))"
            )
        }
        let unit = column(["eenheid", "unit"])
        let source = column(["bron", "source"])
        var indicators: [SchoolIndicator] = []
        var problems: [FormatError.Problem] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let label = row[name].trimmingCharacters(in: .whitespaces)
            var text = row[value].trimmingCharacters(in: .whitespaces)
            if label.isEmpty && text.isEmpty { continue }
            var unitText = unit.map { row[$0].trimmingCharacters(in: .whitespaces) } ?? ""
            if text.hasSuffix("%") {
                text.removeLast()
                if unitText.isEmpty { unitText = "%" }
            }
            func refuse(_ message: String) { problems.append(.init(file: file, line: row.number, message: message)) }
            guard !label.isEmpty, VisibleText.lineFaults(label, maximum: 120).isEmpty else {
                refuse("verwacht de naam van een indicator: één regel van hooguit 120 tekens")
                continue
            }
            if let earlier = seen[PrivacyRule.memberKey(label)] {
                refuse("'\(VisibleText.make(label))' staat ook op regel \(earlier): noem elke indicator één keer")
                continue
            }
            guard VisibleText.lineFaults(unitText, maximum: 30).isEmpty else {
                refuse("de eenheid is één regel van hooguit 30 tekens")
                continue
            }
            let sourceText = source.map { row[$0].trimmingCharacters(in: .whitespaces) } ?? ""
            guard VisibleText.lineFaults(sourceText, maximum: 200).isEmpty else {
                refuse("de bron is één regel van hooguit 200 tekens")
                continue
            }
            let number: Double
            do {
                number = try DutchAmount.parse(text, what: "de waarde", range: 0...SchoolIndicator.values.upperBound)
            } catch {
                refuse(error.description)
                continue
            }
            seen[PrivacyRule.memberKey(label)] = row.number
            indicators.append(
                SchoolIndicator(
                    name: label, value: number, unit: unitText, source: sourceText.isEmpty ? nil : sourceText))
        }
        guard problems.isEmpty else { throw FormatError(problems) }
        guard !indicators.isEmpty else { throw FormatError(file: file, "de lijst noemt geen enkele indicator") }
        guard indicators.count <= SchoolIndicator.maximum else {
            throw FormatError(file: file, "hooguit \(SchoolIndicator.maximum) indicatoren per schooljaar")
        }
        return indicators
    }
}
