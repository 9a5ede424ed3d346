import Foundation
import LOBCore
import Plot

/// One self-contained HTML file (styles inline, charts as inline SVG, no external assets) that prints on A4 with a
/// footer on every page. Built with Plot, which escapes every text; the SVG charts are written by `SVG` with their
/// own escaping, the footer by `cssString`.
public struct HTMLRenderer: Sendable {
    public var title: String
    /// The document's date in the footer, as people write it ("25 november 2026"); nil leaves it out.
    public var date: String?
    /// On a server page: the link back to where it was opened from (the dashboard, his own page); not printed.
    public var back: (href: String, label: String)?

    public init(title: String, date: String? = nil, back: (href: String, label: String)? = nil) {
        self.title = title
        self.date = date
        self.back = back
    }

    public func render(_ blocks: [Block]) -> String {
        let document = HTML(
            .lang(.dutch),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: title),
                .style(Self.css + footer)
            ),
            .body(
                .unwrap(back) { back in .nav(.class("terug"), .a(.href(back.href), .text("← \(back.label)"))) },
                .main(.group(nodes(blocks))))
        )
        return document.render(indentedBy: .spaces(1)) + "\n"
    }

    /// Title, date, "LOB-spiegel" and its version at the foot of every printed page, and the page number.
    var footer: String {
        let left = [title, date].compactMap { $0 }.joined(separator: " · ")
        return """

            @page { @bottom-left { content: \(Self.cssString(left)); } \
            @bottom-right { content: "LOB-spiegel \(LOBSpiegel.version) · pagina " counter(page) " van " counter(pages); } }
            """
    }

    /// A CSS string that no text can break out of (not even with "</style>"): every character but letters, digits
    /// and spaces as a six-digit escape.
    static func cssString(_ text: String) -> String {
        var out = "\"", escaped = false
        for scalar in VisibleText.make(text, newlines: .space).unicodeScalars {
            // A space right after an escape would be taken as the escape's end, so it is escaped too.
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || (scalar == " " && !escaped) {
                out.unicodeScalars.append(scalar)
                escaped = false
            } else {
                out += "\\" + String(format: "%06X", scalar.value)
                escaped = true
            }
        }
        return out + "\""
    }

    /// Blocks as nodes; a table or chart takes the heading before it as its caption, for a screen reader.
    private func nodes(_ blocks: [Block]) -> [Node<HTML.BodyContext>] {
        var heading = title
        return blocks.map { block in
            if case .heading(_, let text) = block { heading = text }
            return node(block, caption: heading)
        }
    }

    private func node(_ block: Block, caption: String) -> Node<HTML.BodyContext> {
        switch block {
        case let .heading(level, text):
            switch level {
            case ...1: return .h1(.text(text))
            case 2: return .h2(.text(text))
            case 3: return .h3(.text(text))
            default: return .h4(.text(text))
            }
        case let .paragraph(text):
            return .p(.text(text))
        case let .note(text):
            return .p(.class("note"), .strong("Let op: "), .text(text))
        case let .quote(text, by):
            return .blockquote(.unwrap(by) { .p(.class("by"), .text($0 + ":")) }, .p(.text("\u{201C}\(text)\u{201D}")))
        case let .bullets(items):
            return .ul(.forEach(items) { .li(.text($0)) })
        case let .definitions(items):
            return .dl(.forEach(items) { item in .group(.dt(.text(item.key)), .dd(.text(item.text))) })
        case let .table(header, rows):
            return table(caption: caption, header: header, rows: rows)
        case let .chart(chart):
            let svg: String
            switch chart {
            case .heatmap(let heatmap): return self.heatmap(heatmap)
            case .radar(let radar): svg = SVG.radar(radar)
            case .timeline(let timeline): svg = SVG.timeline(timeline)
            case .bars(let bars): svg = SVG.bars(bars)
            }
            // The picture, then the same numbers as a table (which a screen reader reads and a printout keeps).
            return .group(
                .element(
                    named: "figure",
                    nodes: [
                        .raw(svg),
                        .element(
                            named: "figcaption",
                            nodes: [.text(chart.title)] + chart.legend.map { .group(.br(), .text($0)) }),
                    ]),
                table(
                    caption: chart.title, header: chart.tableHeader.map(Chart.safe),
                    rows: chart.tableRows.map { $0.map(Chart.safe) }, hidden: chart.hidesTable))
        }
    }

    /// A table that splits between rows with its header repeated, numbers right-aligned with the same decimals.
    private func table(
        caption: String, header: [String], rows: [[String]], hidden: Bool = false
    )
        -> Node<HTML.BodyContext>
    {
        let aligned = NumberColumns(header: header, rows: rows)
        func cell(_ text: String, column: Int) -> Node<HTML.TableRowContext> {
            let classes = [aligned.numeric[column] ? "num" : nil, text.count <= 14 ? "short" : nil].compactMap { $0 }
            let attribute: Node<HTML.BodyContext> = classes.isEmpty ? .empty : .class(classes.joined(separator: " "))
            return column == 0
                ? .th(.attribute(named: "scope", value: "row"), attribute, .text(text)) : .td(attribute, .text(text))
        }
        // A long table of short cells (ids and figures) runs in two columns on the page instead of pages of one, but
        // only when its narrowest form fits half an A4 line: a wider one ran past the page, and print clipped it.
        let narrow =
            !hidden && rows.count > 20 && header.count <= 6
            && rows.allSatisfy { $0.allSatisfy { $0.count <= 14 } }
            && Self.narrowestWidth(header: header, rows: rows) <= Self.halfLine
        // A short table stays on one page, so that no header is left alone at the foot of a page.
        let kind = hidden ? "values" : rows.count <= 8 ? "data short-table" : "data"
        let node: Node<HTML.BodyContext> = .table(
            .class(kind),
            .caption(.class("visually-hidden"), .text(caption)),
            .thead(
                .tr(
                    .forEach(Array(header.enumerated())) { column, text in
                        .th(
                            .attribute(named: "scope", value: "col"), aligned.numeric[column] ? .class("num") : .empty,
                            .text(text))
                    })),
            .tbody(
                .forEach(aligned.rows) { row in
                    .tr(.forEach(Array(row.enumerated())) { column, text in cell(text, column: column) })
                })
        )
        // The screen reader's copy sits in a 1-pixel box that clips it: a table ignores width and overflow itself,
        // and its least width stretched the page sideways on a phone.
        if hidden { return .div(.class("visually-hidden"), node) }
        return narrow ? .div(.class("two-columns"), node) : node
    }

    /// Half the printed line (182 mm) less the gap between the columns, in mm.
    static let halfLine = 85.0

    /// The least width in mm a table takes in a two-column layout (7.5 pt, DejaVu Sans): per column its longest
    /// cell (short cells do not wrap) or the longest word of its header, at a generous 1.6 mm a character, plus
    /// padding and border. An estimate on the safe side; the print check reads every cell back from the PDF.
    static func narrowestWidth(header: [String], rows: [[String]]) -> Double {
        header.indices.reduce(0) { width, column in
            let headerWord = header[column].split(separator: " ").map(\.count).max() ?? 0
            let longest = rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
            return width + Double(max(headerWord, longest)) * 1.6 + 2.2
        }
    }

    /// The heatmap as one table per competency: behaviour text on the rows, colleagues on the columns (names, or
    /// numbers with their key before the grid), each cell its score, a sign when below target, and a colour.
    private func heatmap(_ chart: HeatmapChart) -> Node<HTML.BodyContext> {
        let keyed = chart.columns.count > HeatmapChart.maximumNamedColumns
        var groups: [(name: String, rows: [HeatmapChart.Row])] = []
        for row in chart.rows {
            if groups.last?.name == row.group {
                groups[groups.count - 1].rows.append(row)
            } else {
                groups.append((row.group, [row]))
            }
        }
        let header = chart.columns.indices.map { keyed ? HeatmapChart.key($0) : chart.columns[$0] }
        return .div(
            .class("heatmap"),
            .p(.class("caption"), .text(chart.title)),
            .if(keyed, .p(.class("legend"), .text(chart.columnKey))),
            .p(.class("legend"), .text(chart.signKey)),
            .forEach(groups) { group in
                .table(
                    .class("heatmap"),
                    group.name.isEmpty
                        ? .caption(.class("visually-hidden"), .text(chart.title)) : .caption(.text(group.name)),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text(chart.rowName)),
                            .forEach(header) { name in
                                .th(.attribute(named: "scope", value: "col"), .class("person"), .text(name))
                            })),
                    .tbody(
                        .forEach(group.rows) { row in
                            .tr(
                                .th(
                                    .attribute(named: "scope", value: "row"),
                                    .text(row.text.isEmpty ? row.label : "\(row.label) \(row.text)")),
                                .forEach(row.cells) { cell in
                                    .td(
                                        .class(cell.map { ["met", "near", "far"][$0.shortfall] } ?? "none"),
                                        .text(HeatmapChart.text(cell)))
                                })
                        }))
            })
    }

    static let css = """
        @page { size: A4; margin: 14mm 14mm 18mm; }
        @page { @bottom-left { font: 8pt "DejaVu Sans", Arial, sans-serif; color: #444; } @bottom-right { font: 8pt "DejaVu Sans", Arial, sans-serif; color: #444; } }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.35; color: #1a1a1a; margin: 0; }
        main { max-width: 182mm; margin: 0 auto; padding: 8mm 0; }
        h1 { font-size: 17pt; color: #16425b; border-bottom: 2px solid #16425b; padding-bottom: 2mm; margin: 0 0 4mm; }
        h2 { font-size: 13pt; color: #16425b; margin: 6mm 0 2mm; break-after: avoid; }
        h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
        h4 { font-size: 10pt; margin: 3mm 0 1mm; break-after: avoid; }
        p { margin: 1.5mm 0; orphans: 3; widows: 3; }
        p:has(+ ul), p:has(+ table), p:has(+ figure) { break-after: avoid; }
        ul { margin: 1mm 0 3mm; padding-left: 6mm; } li { break-inside: avoid; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
        thead { display: table-header-group; } tr { break-inside: avoid; } table.short-table { break-inside: avoid; }
        th, td { border: 1px solid #b8c4cc; padding: 1mm 1.8mm; text-align: left; vertical-align: top; }
        thead th { background: #e8eef2; }
        tbody th { font-weight: normal; }
        .two-columns { columns: 2; column-gap: 8mm; }
        .two-columns table { margin-top: 0; font-size: 7.5pt; }
        .two-columns th, .two-columns td { padding: 0.6mm 1mm; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .short { white-space: nowrap; }
        nav.terug { max-width: 182mm; margin: 0 auto; padding: 4mm 0 0; } @media print { nav.terug { display: none; } }
        caption.visually-hidden, div.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
        @media print { div.visually-hidden { display: none; } }
        /* On a phone a wide table scrolls in its own box, not the page; a long word wraps. Print is untouched. */
        @media screen and (max-width: 699px) { main { padding: 4mm 3mm; } .two-columns { columns: 1; } dl { grid-template-columns: 1fr; } table:not(.values) { display: block; overflow-x: auto; } h1, h2, h3, p, li, dd { overflow-wrap: anywhere; } }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 2mm 0; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        .note { background: #fff6dc; border-left: 4px solid #e0a800; padding: 1.5mm 3mm; break-inside: avoid; }
        blockquote { margin: 2mm 0; padding-left: 4mm; border-left: 3px solid #b8c4cc; font-style: italic; }
        figure { margin: 3mm 0 1mm; break-inside: avoid; text-align: center; }
        figcaption { font-size: 9pt; color: #333; }
        svg { max-width: 100%; height: auto; }
        svg text { font-family: inherit; font-size: 11px; fill: #1a1a1a; }
        svg .ring { fill: none; stroke: #c9d3da; }
        svg .axis { stroke: #c9d3da; }
        svg .tick { fill: #4a5a66; font-size: 9px; }
        svg .target { fill: none; stroke: #c0392b; stroke-width: 2; stroke-dasharray: 5 4; }
        svg .score { fill: rgba(22, 66, 91, 0.28); stroke: #16425b; stroke-width: 2; }
        svg .extra { fill: none; stroke: #2e6b1f; stroke-width: 2.5; stroke-dasharray: 1 4; stroke-linecap: round; }
        svg .dot { fill: #16425b; }
        svg .even { fill: #f3f6f8; } svg .odd { fill: #ffffff; }
        svg .column { font-weight: bold; font-size: 12px; }
        svg.timeline text { font-size: 13px; } svg.timeline .column { font-size: 11px; } svg.timeline .marktext { font-size: 10px; }
        svg .bar { fill: #5b8fb0; }
        svg .series0 { fill: #16425b; } svg .series1 { fill: #8fb8d0; } svg .series2 { fill: #e0a800; } svg .series3 { fill: #7a8a96; }
        svg .mark { fill: #ffffff; stroke: #c0392b; stroke-width: 1.5; }
        svg .marktext { font-size: 9px; font-weight: bold; fill: #a93226; }
        .heatmap .caption { font-weight: bold; margin-top: 2mm; break-after: avoid; }
        .heatmap .legend { font-size: 9pt; color: #333; break-after: avoid; }
        table.heatmap { font-size: 8.5pt; line-height: 1.25; break-inside: avoid; margin: 1mm 0 2mm; }
        table.heatmap th, table.heatmap td { padding: 0.6mm 1.5mm; }
        table.heatmap caption { text-align: left; font-weight: bold; padding: 1mm 0; caption-side: top; }
        table.heatmap td { text-align: center; width: 15mm; white-space: nowrap; }
        table.heatmap th.person { font-size: 8.5pt; text-align: center; width: 15mm; }
        .met { background: #8fd19e; } .near { background: #ffd966; } .far { background: #f08c84; } .none { background: #eef1f3; }
        @media print { main { padding: 0; max-width: none; } a { color: inherit; } }
        """
}
