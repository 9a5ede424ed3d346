import Foundation
import LOBCore

/// A chart in a report: drawn as SVG in HTML, shown as a table in text and markdown (same data, same order).
public enum Chart: Equatable, Sendable {
    /// A chart's text as text and markdown write it out (`VisibleText`, newlines as spaces).
    static func safe(_ text: String) -> String { VisibleText.make(text, newlines: .space) }

    case radar(RadarChart)
    case timeline(TimelineChart)
    case heatmap(HeatmapChart)
    case bars(BarChart)

    public var title: String {
        switch self {
        case .radar(let chart): chart.title
        case .timeline(let chart): chart.title
        case .heatmap(let chart): chart.title
        case .bars(let chart): chart.title
        }
    }

    /// Lines under the chart in every format.
    var legend: [String] {
        switch self {
        case .radar, .bars: []
        case .timeline(let chart): chart.legend
        case .heatmap(let chart): chart.legend
        }
    }

    /// In HTML the chart's table is for a screen reader only when the document lists the same things in full
    /// (the timeline's goals); else it is printed beside the chart.
    var hidesTable: Bool {
        if case .timeline = self { return true }
        return numbersInTable
    }

    /// Only a picture of the table before it (see `BarChart.numbersInTable`).
    var numbersInTable: Bool {
        switch self {
        case .bars(let chart): chart.numbersInTable
        case .heatmap(let chart): chart.numbersInTable
        case .radar(let chart): chart.numbersInTable
        case .timeline: false
        }
    }

    var tableHeader: [String] {
        switch self {
        case .radar(let chart): ["", chart.valueLabel, chart.targetLabel] + (chart.extra.map { [$0.label] } ?? [])
        case .timeline: ["periode", "wat"]
        case .heatmap(let chart): [""] + chart.columns.indices.map { HeatmapChart.key($0) }
        case .bars(let chart): [""] + chart.series
        }
    }

    var tableRows: [[String]] {
        switch self {
        case .radar(let chart):
            chart.axes.enumerated().map { index, axis in
                [axis.label, DutchNumber.format(axis.value), DutchNumber.format(axis.target)]
                    + (chart.extra.map {
                        [DutchNumber.format($0.values.indices.contains(index) ? $0.values[index] : nil)]
                    }
                        ?? [])
            }
        case .timeline(let chart):
            // Period by period: what happens for each row (bars by their text, marks by their code).
            chart.columns.indices.map { column in
                let events = chart.rows.compactMap { row -> String? in
                    var parts = row.bars.filter { ($0.start...$0.end).contains(column) }.map(\.text)
                    parts += row.marks.filter { $0.column == column }.map(\.text)
                    return parts.isEmpty ? nil : "\(row.label): " + parts.joined(separator: ", ")
                }
                return [chart.columns[column], events.joined(separator: "; ")]
            }
        case .heatmap(let chart):
            chart.rows.map { row in [row.label] + row.cells.map(HeatmapChart.text) }
        case .bars(let chart):
            chart.groups.map { group in [group.label] + group.values.map { DutchNumber.format($0) } }
        }
    }
}

/// Values side by side per group (competency): rounds of a team, or what a budget closes and leaves open.
public struct BarChart: Equatable, Sendable {
    public struct Group: Equatable, Sendable {
        public let label: String
        /// One per series; nil = not shown (withheld).
        public let values: [Double?]
        public init(label: String, values: [Double?]) { (self.label, self.values) = (label, values) }
    }

    public let title: String
    public let series: [String]
    public let groups: [Group]
    public let maximum: Double
    /// Where the value axis starts: 0 for amounts, the scale's lowest level (1) for scores, so that a bar's length
    /// is its distance above the bottom of the scale.
    public let minimum: Double
    /// Stacked (parts of one whole, such as closed and open) or side by side (rounds).
    public let stacked: Bool
    /// The table just before the chart holds its numbers: text and markdown leave the chart out, HTML draws it
    /// beside that table.
    public let numbersInTable: Bool

    public init(
        title: String, series: [String], groups: [Group], maximum: Double, minimum: Double = 0, stacked: Bool = false,
        numbersInTable: Bool = false
    ) {
        self.title = title
        self.series = series
        self.groups = groups
        self.maximum = maximum
        self.minimum = minimum
        self.stacked = stacked
        self.numbersInTable = numbersInTable
    }
}

/// Scores of people (columns) on behaviours (rows), coloured by how far each is from its target. Every cell also
/// carries the score and a mark, so it reads without colour (NO_COLOR, print in black and white).
public struct HeatmapChart: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        /// The figure as shown: a score ("3") or a mean ("2,75").
        public let value: String
        /// 0 at or above target, 1 up to one level below, 2 more than that.
        public let shortfall: Int

        public init(score: Int, target: Int) {
            value = String(score)
            shortfall = min(2, max(0, target - score))
        }

        /// A team's mean against a target: below it by up to one level is one short, more is two.
        public init(mean: Double, target: Double) {
            value = DutchNumber.format(mean)
            let below = target - mean
            shortfall = below <= 0.0001 ? 0 : below <= 1 ? 1 : 2
        }
    }

    public struct Row: Equatable, Sendable {
        public let label: String
        /// What the label stands for (the behaviour's text), written beside it in HTML.
        public let text: String
        /// The block the row belongs to (its competency): one table each in HTML.
        public let group: String
        /// One per column; nil = not answered (or not in that member's profile).
        public let cells: [Cell?]
        public init(label: String, text: String = "", group: String = "", cells: [Cell?]) {
            (self.label, self.text, self.group, self.cells) = (label, text, group, cells)
        }
    }

    /// More columns than this and HTML heads them with keys (spelled out before the grid) instead of names.
    public static let maximumNamedColumns = 8

    public let title: String
    /// Column names, shown as keys 1, 2, … above the grid and spelled out in the legend.
    public let columns: [String]
    public let rows: [Row]
    /// What the signs and colours are measured against, and what a cell's figure is, for the legend.
    public let target: String
    public let figure: String
    /// The table before the chart holds its numbers (see `BarChart.numbersInTable`).
    public let numbersInTable: Bool
    /// What a row is, as the head of the row labels.
    public let rowName: String

    public init(
        title: String, columns: [String], rows: [Row], target: String = "het doel van dat profiel",
        figure: String = "score (1–4)", numbersInTable: Bool = false, rowName: String = "gedragskenmerk"
    ) {
        self.figure = figure
        self.rowName = rowName
        self.title = title
        self.columns = columns
        self.rows = rows
        self.target = target
        self.numbersInTable = numbersInTable
    }

    static func key(_ column: Int) -> String { String(column + 1) }

    /// "3", "2!" (one level below target), "1!!" (two or more below), "·" (no answer): the sign says what the
    /// colour says.
    static func text(_ cell: Cell?) -> String {
        guard let cell else { return "·" }
        return cell.value + String(repeating: "!", count: cell.shortfall)
    }

    public var legend: [String] { [columnKey, signKey] }

    /// What the numbered columns stand for.
    var columnKey: String {
        "Kolommen: " + columns.indices.map { "\(Self.key($0)) = \(columns[$0])" }.joined(separator: ", ") + "."
    }

    /// What the figures, signs and colours say.
    var signKey: String {
        "Cijfer = \(figure); ! = tot één niveau onder \(target), !! = meer eronder; · = niet beantwoord. Kleur: groen = doel gehaald, geel = tot één niveau eronder, rood = meer eronder."
    }
}

/// Score against target on axes around a centre: the seven competencies.
public struct RadarChart: Equatable, Sendable {
    public struct Axis: Equatable, Sendable {
        public let label: String
        public let value: Double?
        public let target: Double

        public init(label: String, value: Double?, target: Double) {
            self.label = label
            self.value = value
            self.target = target
        }
    }

    /// A third line (the leidinggevende beside self and colleagues), one value per axis; drawn only where every axis
    /// has one, listed in the table always.
    public struct Series: Equatable, Sendable {
        public let label: String
        public let values: [Double?]
        public init(label: String, values: [Double?]) { (self.label, self.values) = (label, values) }
    }

    public let title: String
    public let maximum: Double
    public let axes: [Axis]
    public let valueLabel: String
    public let targetLabel: String
    public let extra: Series?
    /// The table just before the chart holds its numbers (as `BarChart.numbersInTable`).
    public let numbersInTable: Bool

    public init(
        title: String, maximum: Double, axes: [Axis], valueLabel: String = "score", targetLabel: String = "doel",
        extra: Series? = nil, numbersInTable: Bool = false
    ) {
        self.title = title
        self.maximum = maximum
        self.axes = axes
        self.valueLabel = valueLabel
        self.targetLabel = targetLabel
        self.extra = extra
        self.numbersInTable = numbersInTable
    }
}

/// Rows over columns (periods): bars for what happens when, marks for moments.
public struct TimelineChart: Equatable, Sendable {
    public struct Bar: Equatable, Sendable {
        public let start: Int
        public let end: Int
        public let text: String
        public init(start: Int, end: Int, text: String) { (self.start, self.end, self.text) = (start, end, text) }
    }

    public struct Mark: Equatable, Sendable {
        public let column: Int
        /// Short: "N2".
        public let text: String
        public init(column: Int, text: String) { (self.column, self.text) = (column, text) }
    }

    public struct Row: Equatable, Sendable {
        public let label: String
        public let bars: [Bar]
        public let marks: [Mark]
        public init(label: String, bars: [Bar], marks: [Mark]) {
            (self.label, self.bars, self.marks) = (label, bars, marks)
        }
    }

    public let title: String
    public let columns: [String]
    public let rows: [Row]
    /// What the marks mean ("N2 = Kirkpatrick niveau 2: opnieuw scannen").
    public let legend: [String]

    public init(title: String, columns: [String], rows: [Row], legend: [String]) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.legend = legend
    }
}

// MARK: - SVG

/// SVG text with fixed decimals, so the same chart gives the same bytes.
enum SVG {
    static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func radar(_ chart: RadarChart) -> String {
        let (width, height, radius) = (720.0, 400.0, 130.0)
        let (cx, cy) = (width / 2, height / 2 + 6)
        let count = max(3, chart.axes.count)
        func point(_ index: Int, _ value: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
            let r = radius * max(0, min(value, chart.maximum)) / chart.maximum
            return (cx + r * cos(angle), cy + r * sin(angle))
        }
        func polygon(_ values: [Double]) -> String {
            values.enumerated().map {
                let p = point($0.offset, $0.element)
                return "\(number(p.0)),\(number(p.1))"
            }.joined(separator: " ")
        }
        var out = open(width: width, height: height, chart: .radar(chart), kind: "radar")
        for level in stride(from: 1.0, through: chart.maximum, by: 1) {
            out += "<polygon points=\"\(polygon(Array(repeating: level, count: count)))\" class=\"ring\"/>"
            // On the ring half-way between the first two axes, clear of the labels at the ends of the axes.
            let angle = -Double.pi / 2 + Double.pi / Double(count)
            let r = radius * level / chart.maximum * cos(Double.pi / Double(count))
            out +=
                "<text x=\"\(number(cx + r * cos(angle) - 3))\" y=\"\(number(cy + r * sin(angle) + 3))\" class=\"tick\">\(Int(level))</text>"
        }
        for index in 0..<count {
            let end = point(index, chart.maximum)
            out +=
                "<line x1=\"\(number(cx))\" y1=\"\(number(cy))\" x2=\"\(number(end.0))\" y2=\"\(number(end.1))\" class=\"axis\"/>"
            let label = point(index, chart.maximum * 1.13)
            let anchor = abs(label.0 - cx) < 10 ? "middle" : (label.0 < cx ? "end" : "start")
            out +=
                "<text x=\"\(number(label.0))\" y=\"\(number(label.1 + 4))\" text-anchor=\"\(anchor)\" class=\"label\">\(escape(chart.axes.indices.contains(index) ? chart.axes[index].label : ""))</text>"
        }
        out += "<polygon points=\"\(polygon(chart.axes.map(\.target)))\" class=\"target\"/>"
        out += "<polygon points=\"\(polygon(chart.axes.map { $0.value ?? 0 }))\" class=\"score\"/>"
        let extra = chart.extra.map { $0.values.compactMap { $0 } } ?? []
        if !extra.isEmpty && extra.count == chart.axes.count {
            out += "<polygon points=\"\(polygon(extra))\" class=\"extra\"/>"
        }
        for (index, axis) in chart.axes.enumerated() {
            let p = point(index, axis.value ?? 0)
            out += "<circle cx=\"\(number(p.0))\" cy=\"\(number(p.1))\" r=\"3.5\" class=\"dot\"/>"
        }
        out +=
            "<g class=\"legend\"><rect x=\"12\" y=\"12\" width=\"14\" height=\"14\" class=\"score\"/><text x=\"32\" y=\"24\">\(escape(chart.valueLabel))</text>"
        out +=
            "<line x1=\"12\" y1=\"40\" x2=\"26\" y2=\"40\" class=\"target\"/><text x=\"32\" y=\"44\">\(escape(chart.targetLabel))</text>"
        if let series = chart.extra, !extra.isEmpty, extra.count == chart.axes.count {
            out +=
                "<line x1=\"12\" y1=\"58\" x2=\"26\" y2=\"58\" class=\"extra\"/><text x=\"32\" y=\"62\">\(escape(series.label))</text>"
        }
        out += "</g>"
        return out + "</svg>"
    }

    /// Bars per group, side by side or stacked, with a value axis at minimum…maximum and a key of the series.
    static func bars(_ chart: BarChart) -> String {
        let series = max(1, chart.series.count)
        let (left, top, plot, groupHeight) = (200.0, 34.0, 460.0, chart.stacked ? 22.0 : 10.0 + 12.0 * Double(series))
        let width = left + plot + 60, height = top + groupHeight * Double(chart.groups.count) + 24
        let span = chart.maximum - chart.minimum
        let scale = span > 0 ? plot / span : 0
        var out = open(width: width, height: height, chart: .bars(chart), kind: "bars")
        for (index, name) in chart.series.enumerated() {
            let x = left + Double(index) * 150
            out += "<rect x=\"\(number(x))\" y=\"6\" width=\"14\" height=\"12\" class=\"series\(index % 4)\"/>"
            out += "<text x=\"\(number(x + 20))\" y=\"16\">\(escape(name))</text>"
        }
        for tick in stride(from: chart.minimum, through: chart.maximum, by: Swift.max(1, (span / 5).rounded(.up))) {
            let x = left + (tick - chart.minimum) * scale
            out +=
                "<line x1=\"\(number(x))\" y1=\"\(number(top - 4))\" x2=\"\(number(x))\" y2=\"\(number(height - 20))\" class=\"axis\"/>"
            out +=
                "<text x=\"\(number(x))\" y=\"\(number(height - 6))\" text-anchor=\"middle\" class=\"tick\">\(DutchNumber.format(tick))</text>"
        }
        for (row, group) in chart.groups.enumerated() {
            let y = top + groupHeight * Double(row)
            out +=
                "<text x=\"\(number(left - 8))\" y=\"\(number(y + groupHeight / 2 + 4))\" text-anchor=\"end\" class=\"label\">\(escape(group.label))</text>"
            var start = left
            for (index, value) in group.values.enumerated() {
                guard let value else { continue }
                let w = Swift.max(0, (chart.stacked ? value : value - chart.minimum) * scale)
                let barY = chart.stacked ? y + 4 : y + 4 + 12 * Double(index)
                let x = chart.stacked ? start : left
                out +=
                    "<rect x=\"\(number(x))\" y=\"\(number(barY))\" width=\"\(number(w))\" height=\"\(chart.stacked ? "14" : "10")\" class=\"series\(index % 4)\"/>"
                if !chart.stacked {
                    out +=
                        "<text x=\"\(number(x + w + 4))\" y=\"\(number(barY + 9))\" class=\"tick\">\(DutchNumber.format(value))</text>"
                }
                start += w
            }
        }
        return out + "</svg>"
    }

    /// The opening of a chart's SVG: an image for a screen reader, with its title and its values as description.
    static func open(width: Double, height: Double, chart: Chart, kind: String) -> String {
        let values = chart.tableRows.map { row in
            zip(chart.tableHeader, row).map { header, value in header.isEmpty ? value : "\(header) \(value)" }
                .joined(separator: ", ")
        }.joined(separator: "; ")
        return
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" role=\"img\" class=\"\(kind)\"><title>\(escape(Chart.safe(chart.title)))</title><desc>\(escape(Chart.safe(values)))</desc>"
    }

    static func timeline(_ chart: TimelineChart) -> String {
        // Narrow enough that eight periods print at A4 width with text of about 8 pt; a period's name in lines short
        // enough for its column ("periode 4" over "2026-2027"), as many as a school's own names need.
        let labelWidth = 180.0, columnWidth = 88.0, rowHeight = 34.0
        let labels = chart.columns.map { WordWrap.lines($0, width: 11) }
        let top = 10.0 + 13.0 * Double(max(2, labels.map(\.count).max() ?? 0))
        let width = labelWidth + columnWidth * Double(chart.columns.count) + 10
        let height = top + rowHeight * Double(chart.rows.count) + 8
        var out = open(width: width, height: height, chart: .timeline(chart), kind: "timeline")
        for (index, lines) in labels.enumerated() {
            let x = labelWidth + columnWidth * Double(index)
            out +=
                "<rect x=\"\(number(x))\" y=\"0\" width=\"\(number(columnWidth))\" height=\"\(number(height))\" class=\"\(index % 2 == 0 ? "even" : "odd")\"/>"
            for (line, text) in lines.enumerated() {
                out +=
                    "<text x=\"\(number(x + columnWidth / 2))\" y=\"\(14 + 13 * line)\" text-anchor=\"middle\" class=\"column\">\(escape(text))</text>"
            }
        }
        for (index, row) in chart.rows.enumerated() {
            let y = top + rowHeight * Double(index)
            out += "<text x=\"4\" y=\"\(number(y + rowHeight / 2 + 4))\" class=\"label\">\(escape(row.label))</text>"
            for bar in row.bars {
                let x = labelWidth + columnWidth * Double(bar.start) + 4
                let w = columnWidth * Double(bar.end - bar.start + 1) - 8
                out +=
                    "<rect x=\"\(number(x))\" y=\"\(number(y + 7))\" width=\"\(number(w))\" height=\"\(number(rowHeight - 14))\" rx=\"4\" class=\"bar\"><title>\(escape(bar.text))</title></rect>"
            }
            for (order, mark) in row.marks.enumerated() {
                // Marks sharing a period stand side by side in their order, the last at the right (N3 before N4).
                let later = row.marks.dropFirst(order + 1).filter { $0.column == mark.column }.count
                let x = labelWidth + columnWidth * Double(mark.column) + columnWidth - 16 - 26 * Double(later)
                out += "<circle cx=\"\(number(x))\" cy=\"\(number(y + rowHeight / 2))\" r=\"11\" class=\"mark\"/>"
                out +=
                    "<text x=\"\(number(x))\" y=\"\(number(y + rowHeight / 2 + 4))\" text-anchor=\"middle\" class=\"marktext\">\(escape(mark.text))</text>"
            }
        }
        return out + "</svg>"
    }
}
