import Foundation
import LOBCore
import Testing

@testable import LOBRender

/// Text from files and people reaches every output as text: it cannot steer a terminal, open HTML or a link in
/// markdown, start a heading or table row of its own, or run as a formula in a spreadsheet.
struct OutputSafetyTests {
    static let hostile = "Jan\u{1B}[2J\u{1B}]0;titel\u{07}\u{202E}nav"

    @Test func text_shows_control_characters_instead_of_sending_them() async {
        let text = TextRenderer().render([
            .heading(level: 1, Self.hostile), .paragraph(Self.hostile),
            .table(header: ["naam"], rows: [[Self.hostile]]),
            .chart(
                .heatmap(
                    HeatmapChart(
                        title: Self.hostile, columns: [Self.hostile], rows: [.init(label: Self.hostile, cells: [nil])]))
            ),
        ])
        #expect(!text.unicodeScalars.contains { VisibleText.isHidden($0) && $0 != "\n" })
        #expect(text.contains("\\u{1B}[2J") && text.contains("\\u{202E}"))
    }

    @Test func markdown_escapes_html_links_and_line_breaks() async {
        let markdown = MarkdownRenderer().render([
            .paragraph("<img src=x onerror=alert(1)> [klik](http://x) *vet*"),
            .table(header: ["naam"], rows: [["Ans | Bakker\n# Kop\n| x | y |"]]),
            .paragraph("# geen kop"), .paragraph("1. geen lijst"),
        ])
        #expect(!markdown.contains("<img") && markdown.contains("&lt;img"))
        #expect(markdown.contains("\\[klik\\](http://x)") && markdown.contains("\\*vet\\*"))
        // The name stays one cell of one row: the newline is a space and the bars are escaped.
        #expect(markdown.contains("| Ans \\| Bakker # Kop \\| x \\| y \\| |"))
        #expect(markdown.contains("\n\\# geen kop\n") && markdown.contains("\n1\\. geen lijst"))
    }
}
