import Foundation
import LOBCore

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The first worksheet of an `.xlsx` (Office Open XML, ECMA-376 part 1 §18) as text: what Microsoft Forms downloads
/// as "Openen in Excel". Read through `ZIPArchive` and Foundation's XML parser; every part is limited in size
/// while it is unpacked, so a zip bomb is refused rather than filling the memory.
enum XLSXSheet {
    /// The most bytes one unpacked part may have: a sheet of 2,000 colleagues and 60 questions is some 10 MB.
    static let maximumPart = 64 << 20

    /// Excel's own bounds: a row number beyond them is no spreadsheet's.
    static let maximumRow = 1_048_576
    /// The most cells a survey export may have once its rows are squared up: 2,000 colleagues × 60 questions is
    /// 120,000; a file that claims more is refused before the rows are padded to its width.
    static let maximumCells = 2_000_000

    static func table(_ data: Data, file: String, limit: Int = maximumPart) throws(FormatError) -> SurveyTable {
        let archive = try ZIPArchive(data, file: file)
        var strings: [String] = []
        if let shared = try part(archive, "xl/sharedStrings.xml", file: file, limit: limit) {
            strings = try SharedStrings.parse(shared, file: file)
        }
        let sheetPath = try firstSheet(archive, file: file)
        guard let sheet = try part(archive, sheetPath, file: file, limit: limit) else {
            throw FormatError(file: file, "het .xlsx-bestand heeft geen werkblad: verwacht een enquête-export")
        }
        let cells = try Cells.parse(sheet, strings: strings, file: file)
        // Rows without a value carry nothing (Excel writes them for formatting).
        let rows = cells.rows.filter { $0.cells.contains { !$0.isEmpty } }
        // The bounds of a CSV export, and the cells once squared up.
        if let wide = rows.first(where: { $0.cells.count > SurveyTable.maximumColumns }) {
            try SurveyTable.check(columns: wide.cells.count, row: wide.number, file: file)
        }
        try SurveyTable.check(rows: rows.count, file: file)
        let width = (rows.map { $0.cells.count }.max() ?? 0)
        guard rows.count * width <= maximumCells else {
            throw FormatError(
                file: file,
                "het werkblad is \(rows.count) rijen bij \(width) kolommen: meer dan een enquête-export heeft (hooguit \(maximumCells) cellen)"
            )
        }
        let records = rows.map { row in row.cells + Array(repeating: "", count: width - row.cells.count) }
        return try SurveyTable.table(records, numbers: rows.map(\.number), file: file)
    }

    /// The unpacked bytes of one part, or nil when the archive has none.
    static func part(
        _ archive: ZIPArchive, _ path: String, file: String, limit: Int = maximumPart
    ) throws(FormatError)
        -> Data?
    {
        // The path of the sheet comes from the workbook itself: shown only as visible text.
        let shown = VisibleText.make(String(path.prefix(80)))
        do {
            return try archive.part(path, limit: limit)
        } catch {
            switch error {
            case .tooLarge:
                throw FormatError(
                    file: file, "\(shown) is uitgepakt groter dan \(InputFile.size(limit)): geen enquête-export")
            case .damaged: throw FormatError(file: file, "\(shown) is beschadigd in het .xlsx-bestand")
            }
        }
    }

    /// Parses one part with external entities off (no file or network is ever read for a workbook); the line where
    /// the XML is broken, or nil when it is whole.
    static func parse(_ data: Data, with delegate: any XMLParserDelegate) -> Int? {
        // Foundation's parser stops the whole process on a name that is not UTF-8: refuse such a part first.
        guard String(data: data, encoding: .utf8) != nil else { return 1 }
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        return parser.parse() ? nil : parser.lineNumber
    }

    /// The first sheet in the workbook's order (workbook.xml and its relationships), else `sheet1.xml`.
    static func firstSheet(_ archive: ZIPArchive, file: String) throws(FormatError) -> String {
        let fallback = "xl/worksheets/sheet1.xml"
        guard let workbook = try part(archive, "xl/workbook.xml", file: file),
            let relations = try part(archive, "xl/_rels/workbook.xml.rels", file: file),
            let id = Elements.attributes(of: "sheet", in: workbook).first?["r:id"],
            let target = Elements.attributes(of: "Relationship", in: relations).first(where: { $0["Id"] == id })?[
                "Target"]
        else { return fallback }
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        return "xl/" + target
    }
}

/// The attributes of every element with a name, in document order (for workbook.xml and its relationships).
private final class Elements: NSObject, XMLParserDelegate {
    let name: String
    var found: [[String: String]] = []

    init(_ name: String) { self.name = name }

    static func attributes(of name: String, in data: Data) -> [[String: String]] {
        let delegate = Elements(name)
        _ = XLSXSheet.parse(data, with: delegate)
        return delegate.found
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        if element == name { found.append(attributes) }
    }
}

/// The shared string table: a cell of type `s` holds an index into it. Rich text (`r` runs) is joined.
private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current: String?
    var inText = false

    static func parse(_ data: Data, file: String) throws(FormatError) -> [String] {
        let delegate = SharedStrings()
        guard XLSXSheet.parse(data, with: delegate) == nil else {
            throw FormatError(file: file, "de teksten in het .xlsx-bestand (sharedStrings.xml) zijn geen geldige XML")
        }
        return delegate.strings
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch element {
        case "si": current = ""
        case "t": inText = current != nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current? += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "t": inText = false
        case "si":
            strings.append(current ?? "")
            current = nil
        default: break
        }
    }
}

/// The cells of a worksheet by row, each row as text placed in its column (`r="C7"`), with the row's number.
private final class Cells: NSObject, XMLParserDelegate {
    struct Row {
        var number: Int
        var cells: [String] = []
    }

    let strings: [String]
    var rows: [Row] = []
    var type: String?
    var column = 0
    var value: String?
    var inValue = false
    var badIndex: String?
    var badRow: String?

    init(strings: [String]) { self.strings = strings }

    static func parse(_ data: Data, strings: [String], file: String) throws(FormatError) -> Cells {
        let delegate = Cells(strings: strings)
        let broken = XLSXSheet.parse(data, with: delegate)
        if let bad = delegate.badRow {
            throw FormatError(
                file: file,
                "rij '\(VisibleText.make(String(bad.prefix(30))))' bestaat niet: een werkblad heeft rij 1 tot \(XLSXSheet.maximumRow)"
            )
        }
        if let line = broken {
            throw FormatError(file: file, line: line, "het werkblad in het .xlsx-bestand is geen geldige XML")
        }
        if let bad = delegate.badIndex {
            throw FormatError(file: file, "cel \(bad) verwijst naar een tekst die niet in het .xlsx-bestand staat")
        }
        return delegate
    }

    /// "C7" → 2 (0-based column).
    static func column(_ reference: String) -> Int? {
        var result = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            result = result * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 || letters > 3 ? nil : result - 1
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch element {
        case "row":
            let given = attributes["r"].map { Digits.int($0) }
            let number = given.map { $0 ?? 0 } ?? (rows.last?.number ?? 0) + 1
            guard (1...XLSXSheet.maximumRow).contains(number) else {
                badRow = badRow ?? (attributes["r"] ?? "na \(XLSXSheet.maximumRow)")
                parser.abortParsing()
                return
            }
            rows.append(Row(number: number))
        case "c":
            type = attributes["t"]
            column = attributes["r"].flatMap(Self.column) ?? rows.last?.cells.count ?? 0
            value = nil
        case "v", "t": inValue = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value = (value ?? "") + string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "v", "t": inValue = false
        case "c":
            guard !rows.isEmpty, let raw = value, column < 16_384 else { return }
            var text = raw
            if type == "s" {
                guard let index = Digits.int(raw), strings.indices.contains(index) else {
                    badIndex = badIndex ?? "rij \(rows[rows.count - 1].number)"
                    return
                }
                text = strings[index]
            }
            var row = rows.removeLast()
            if row.cells.count <= column { row.cells += Array(repeating: "", count: column + 1 - row.cells.count) }
            row.cells[column] = text
            rows.append(row)
        default: break
        }
    }
}
