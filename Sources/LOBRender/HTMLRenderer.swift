import Foundation
import Plot

/// One self-contained HTML file (styles inline, charts as inline SVG, no external assets) that prints on A4.
/// Built with Plot, which escapes every text; the SVG charts are written by `SVG` with their own escaping.
public struct HTMLRenderer: Sendable {
    public var title: String

    public init(title: String) { self.title = title }

    public func render(_ blocks: [Block]) -> String {
        let document = HTML(
            .lang(.dutch),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: title),
                .style(Self.css)
            ),
            .body(.main(.group(blocks.map(node))))
        )
        return document.render(indentedBy: .spaces(1)) + "\n"
    }

    private func node(_ block: Block) -> Node<HTML.BodyContext> {
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
            return .table(
                .thead(.tr(.forEach(header) { .th(.text($0)) })),
                .tbody(.forEach(rows) { row in .tr(.forEach(row) { .td(.text($0)) }) })
            )
        case let .chart(chart):
            let svg: String
            let legend = chart.legend
            switch chart {
            case .radar(let radar): svg = SVG.radar(radar)
            case .timeline(let timeline): svg = SVG.timeline(timeline)
            case .heatmap(let heatmap): svg = SVG.heatmap(heatmap)
            }
            return .element(
                named: "figure",
                nodes: [
                    .raw(svg),
                    .element(
                        named: "figcaption", nodes: [.text(chart.title)] + legend.map { .group(.br(), .text($0)) }),
                ])
        }
    }

    static let css = """
        @page { size: A4; margin: 16mm 15mm; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1a1a1a; margin: 0; }
        main { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
        h1 { font-size: 18pt; color: #16425b; border-bottom: 2px solid #16425b; padding-bottom: 2mm; }
        h2 { font-size: 13.5pt; color: #16425b; margin-top: 7mm; break-after: avoid; }
        h3 { font-size: 11.5pt; margin-top: 5mm; break-after: avoid; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; break-inside: avoid; }
        th, td { border: 1px solid #b8c4cc; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
        th { background: #e8eef2; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        .note { background: #fff6dc; border-left: 4px solid #e0a800; padding: 2mm 3mm; }
        blockquote { margin: 2mm 0; padding-left: 4mm; border-left: 3px solid #b8c4cc; font-style: italic; }
        figure { margin: 4mm 0; break-inside: avoid; text-align: center; }
        figcaption { font-size: 9pt; color: #444; }
        svg { max-width: 100%; height: auto; }
        svg text { font-family: inherit; font-size: 11px; fill: #1a1a1a; }
        svg .ring { fill: none; stroke: #c9d3da; }
        svg .axis { stroke: #c9d3da; }
        svg .tick { fill: #7a8a96; font-size: 9px; }
        svg .target { fill: none; stroke: #c0392b; stroke-width: 2; stroke-dasharray: 5 4; }
        svg .score { fill: rgba(22, 66, 91, 0.28); stroke: #16425b; stroke-width: 2; }
        svg .dot { fill: #16425b; }
        svg .even { fill: #f3f6f8; } svg .odd { fill: #ffffff; }
        svg .column { font-weight: bold; font-size: 10px; }
        svg .bar { fill: #5b8fb0; }
        svg .mark { fill: #ffffff; stroke: #c0392b; stroke-width: 1.5; }
        svg .marktext { font-size: 9px; font-weight: bold; fill: #c0392b; }
        svg .cell { font-size: 9px; }
        svg .met { fill: #8fd19e; } svg .near { fill: #ffd966; } svg .far { fill: #f08c84; } svg .none { fill: #eef1f3; }
        svg.heatmap { max-width: 100%; }
        @media print { main { padding: 0; } a { color: inherit; } }
        """
}
