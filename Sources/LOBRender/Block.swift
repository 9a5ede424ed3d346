import Foundation
import LOBCore

/// A renderer-neutral document: what a report says, before it is text or markdown.
/// Every report builds `[Block]` once; `TextRenderer` and `MarkdownRenderer` turn it into bytes.
public enum Block: Equatable, Sendable {
    case heading(level: Int, String)
    case paragraph(String)
    /// A paragraph set apart: a source note, an assumption, a warning.
    case note(String)
    case quote(String, by: String?)
    case bullets([String])
    /// Items labelled by a short key ("1.1", "2") shown before the text.
    case definitions([(key: String, text: String)])
    case table(header: [String], rows: [[String]])
    /// A chart: SVG in HTML; a table in text and markdown.
    case chart(Chart)

    public static func == (lhs: Block, rhs: Block) -> Bool {
        switch (lhs, rhs) {
        case let (.heading(a, b), .heading(c, d)): a == c && b == d
        case let (.paragraph(a), .paragraph(b)), let (.note(a), .note(b)): a == b
        case let (.quote(a, b), .quote(c, d)): a == c && b == d
        case let (.bullets(a), .bullets(b)): a == b
        case let (.definitions(a), .definitions(b)): a.map(\.key) == b.map(\.key) && a.map(\.text) == b.map(\.text)
        case let (.table(a, b), .table(c, d)): a == c && b == d
        case let (.chart(a), .chart(b)): a == b
        default: false
        }
    }
}

/// Plain text for a terminal: wrapped at `width` columns, headings underlined.
public struct TextRenderer: Sendable {
    public var width: Int
    /// ANSI colours for the heatmap; off for files, pipes and `NO_COLOR`. The text reads the same without them.
    public var colour: Bool

    public init(width: Int = 80, colour: Bool = false) {
        self.width = width
        self.colour = colour
    }

    public func render(_ blocks: [Block]) -> String {
        var out: [String] = []
        for block in blocks.map(\.visible) where !block.isPictureOnly {
            switch block {
            case let .heading(level, text):
                let lines = wrap(level <= 1 ? text.uppercased() : text, width: width)
                out += lines
                if level <= 2 {
                    out.append(String(repeating: level <= 1 ? "=" : "-", count: lines.map(\.count).max() ?? 0))
                }
            case let .paragraph(text):
                out += wrap(text, width: width)
            case let .note(text):
                out += wrap(text, width: width, first: "  Let op: ", rest: "          ")
            case let .quote(text, by):
                if let by { out += wrap(by + ":", width: width, first: "  ", rest: "  ") }
                out += wrap("\u{201C}\(text)\u{201D}", width: width, first: "    ", rest: "    ")
            case let .bullets(items):
                for item in items { out += wrap(item, width: width, first: "  - ", rest: "    ") }
            case let .definitions(items):
                let keyWidth = items.map(\.key.count).max() ?? 0
                for item in items {
                    let key = item.key.padded(to: keyWidth)
                    out += wrap(
                        item.text, width: width, first: "  \(key)  ", rest: String(repeating: " ", count: keyWidth + 4))
                }
            case let .table(header, rows):
                out += table(header: header, rows: rows)
            case let .chart(chart):
                out += wrap(Chart.safe(chart.title), width: width)
                if case .heatmap(let heatmap) = chart {
                    out += grid(heatmap)
                } else {
                    out += table(
                        header: chart.tableHeader.map(Chart.safe), rows: chart.tableRows.map { $0.map(Chart.safe) })
                }
                for line in chart.legend { out += wrap(Chart.safe(line), width: width) }
            }
            out.append("")
        }
        while out.first == "" { out.removeFirst() }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// The heatmap as a grid of four-character cells, coloured by shortfall when `colour` is on.
    private func grid(_ chart: HeatmapChart) -> [String] {
        let labelWidth = max(4, chart.rows.map { Chart.safe($0.label).count }.max() ?? 0)
        func pad(_ text: String, _ size: Int) -> String { text.padded(to: size) }
        var lines = [
            (pad("", labelWidth) + " " + chart.columns.indices.map { pad(" " + HeatmapChart.key($0), 4) }.joined())
                .trimmingTrailingSpaces()
        ]
        for row in chart.rows {
            var line = pad(Chart.safe(row.label), labelWidth) + " "
            for cell in row.cells {
                let text = pad(" " + HeatmapChart.text(cell), 4)
                if colour, let cell {
                    // Black on green, yellow or red backgrounds.
                    line += "\u{1B}[30;\([42, 43, 41][cell.shortfall])m" + text + "\u{1B}[0m"
                } else {
                    line += text
                }
            }
            lines.append(colour ? line : line.trimmingTrailingSpaces())
        }
        return lines
    }

    /// Columns padded to their widest cell, numbers right-aligned; a table wider than `width` wraps its widest text
    /// column within its cell, so that the table keeps to the terminal.
    private func table(header: [String], rows: [[String]]) -> [String] {
        let aligned = NumberColumns(header: header, rows: rows)
        let all = [header] + aligned.rows
        var widths = header.indices.map { column in
            all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        var wrapped: Int?
        var below = false
        let total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        if total > width,
            // A text column no wider than its header ("–" where a figure is withheld) gains nothing by wrapping.
            let widest = widths.indices.filter({ !aligned.numeric[$0] && widths[$0] > header[$0].count })
                .max(by: { widths[$0] < widths[$1] })
        {
            let room = width - (total - widths[widest])
            if widest == widths.count - 1 && room < 24 {
                // Too little room beside the figures: the text goes under its row, indented, at the full width.
                below = true
                widths[widest] = header[widest].count
            } else if room >= 12 {
                widths[widest] = room
                wrapped = widest
            }
        }
        func lines(_ cells: [String], textBelow: Bool = false) -> [String] {
            if textBelow, let text = cells.last {
                return lines(Array(cells.dropLast()) + [""]) + wrap(text, width: width, first: "    ", rest: "    ")
            }
            let columns = header.indices.map { column -> [String] in
                let cell = cells.indices.contains(column) ? cells[column] : ""
                guard column == wrapped else { return [cell] }
                let lines = wrap(cell, width: widths[column])
                return lines.isEmpty ? [""] : lines
            }
            return (0..<(columns.map(\.count).max() ?? 1)).map { line in
                header.indices.map { column in
                    let text = line < columns[column].count ? columns[column][line] : ""
                    let fill = String(repeating: " ", count: max(0, widths[column] - text.count))
                    return aligned.numeric[column] ? fill + text : text + fill
                }.joined(separator: "  ").trimmingTrailingSpaces()
            }
        }
        return lines(header) + [widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
            + aligned.rows.flatMap { lines($0, textBelow: below) }
    }
}

/// Markdown (CommonMark with pipe tables), unwrapped so that diffs stay per paragraph.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ blocks: [Block]) -> String {
        var out: [String] = []
        for block in blocks.map(\.visible) where !block.isPictureOnly {
            switch block {
            case let .heading(level, text):
                out.append(String(repeating: "#", count: max(1, min(level, 6))) + " " + inline(text))
            case let .paragraph(text):
                out.append(escape(text))
            case let .note(text):
                out.append("> **Let op:** " + escape(text))
            case let .quote(text, by):
                if let by {
                    out.append("*\(escape(by)):*")
                    out.append("")
                }
                out.append("> " + escape(text))
            case let .bullets(items):
                out += items.map { "- " + escape($0) }
            case let .definitions(items):
                out += items.map { "- **\(escape($0.key))** " + escape($0.text) }
            case let .table(header, rows):
                out += table(header, rows)
            case let .chart(chart):
                out.append("*\(escape(Chart.safe(chart.title)))*")
                out.append("")
                out += table(chart.tableHeader.map(Chart.safe), chart.tableRows.map { $0.map(Chart.safe) })
                if !chart.legend.isEmpty {
                    out.append("")
                    out += chart.legend.map { "- " + escape(Chart.safe($0)) }
                }
            }
            out.append("")
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// What would change the meaning in running text: HTML (markdown passes it through), emphasis, code, links,
    /// and a leading list, heading or quote marker. Newlines are already spaces (`Block.visible`).
    private func escape(_ text: String) -> String {
        var result = inline(text)
        if let first = result.first, ["#", "-", "+", "=", ">"].contains(first) { result = "\\" + result }
        if let dot = result.firstIndex(of: "."), result[..<dot].allSatisfy(\.isNumber), !result[..<dot].isEmpty,
            result.index(after: dot) == result.endIndex || result[result.index(after: dot)] == " "
        {
            result.insert("\\", at: dot)
        }
        return result
    }

    /// Within a line: no HTML tag can open, and emphasis, code and link markers are literal.
    private func inline(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "<": result += "&lt;"
            case "*", "_", "`", "[", "]", "\\": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }

    private func table(_ header: [String], _ rows: [[String]]) -> [String] {
        let aligned = NumberColumns(header: header, rows: rows)
        return [
            "| " + header.map(cell).joined(separator: " | ") + " |",
            "|" + aligned.numeric.map { $0 ? " ---: " : " --- " }.joined(separator: "|") + "|",
        ]
            + aligned.rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
    }

    private func cell(_ text: String) -> String { escape(text).replacingOccurrences(of: "|", with: "\\|") }
}

extension Block {
    /// A chart whose numbers the table before it already gives: drawn in HTML, left out of text and markdown.
    var isPictureOnly: Bool {
        if case .chart(let chart) = self { return chart.numbersInTable }
        return false
    }

    /// The block with every text made safe to show (`VisibleText`): no control characters, and no newline inside a
    /// text (which would start a heading or a table row of its own in markdown).
    var visible: Block {
        func safe(_ text: String) -> String { VisibleText.make(text, newlines: .space) }
        switch self {
        case let .heading(level, text): return .heading(level: level, safe(text))
        case let .paragraph(text): return .paragraph(safe(text))
        case let .note(text): return .note(safe(text))
        case let .quote(text, by): return .quote(safe(text), by: by.map(safe))
        case let .bullets(items): return .bullets(items.map(safe))
        case let .definitions(items): return .definitions(items.map { (safe($0.key), safe($0.text)) })
        case let .table(header, rows): return .table(header: header.map(safe), rows: rows.map { $0.map(safe) })
        case .chart: return self  // a chart's texts are made safe where they are written out (`Chart.safe…`)
        }
    }
}

// MARK: - Wrapping

/// Greedy word wrap (`WordWrap`); a word longer than the line stands alone.
func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
    WordWrap.lines(text, width: width, first: first, rest: rest)
}

// MARK: - Number columns

/// Which columns of a table hold numbers, and the rows with those numbers given the same decimals down their column
/// ("3" beside "2,75" becomes "3,00"), so that they line up right-aligned in every format.
struct NumberColumns {
    let numeric: [Bool]
    let rows: [[String]]

    init(header: [String], rows: [[String]]) {
        let columns = header.indices
        let numeric = columns.map { column in
            let cells = rows.compactMap { $0.indices.contains(column) ? $0[column] : nil }
            let numbers = cells.filter { Self.decimals($0) != nil || Self.isAmount($0) }.count
            // A column of numbers, with an odd "–" or "achtergehouden" among them.
            return numbers > 0 && numbers * 2 >= cells.count
        }
        self.numeric = numeric
        // The most decimals in each number column, found once per column.
        let wanted = columns.map { column in
            numeric[column]
                ? rows.compactMap { $0.indices.contains(column) ? Self.decimals($0[column]) : nil }.max() ?? 0 : 0
        }
        self.rows = rows.map { row in
            row.enumerated().map { column, cell in
                guard wanted.indices.contains(column), wanted[column] > 0, let places = Self.decimals(cell),
                    wanted[column] > places
                else { return cell }
                return cell + (places == 0 ? "," : "") + String(repeating: "0", count: wanted[column] - places)
            }
        }
    }

    /// The decimals of a number as Dutch text writes it ("2,75" → 2, "+0,8" → 1, "8" → 0); nil if it is no number.
    static func decimals(_ text: String) -> Int? {
        var body = Substring(text)
        if let first = body.first, "+-".contains(first) { body = body.dropFirst() }
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            parts[0].allSatisfy(\.isNumber), parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isNumber))
        else { return nil }
        return parts.count == 2 ? parts[1].count : 0
    }

    /// "€ 1.350,50": an amount, right-aligned but written as it is.
    static func isAmount(_ text: String) -> Bool { text.hasPrefix("€") }
}
