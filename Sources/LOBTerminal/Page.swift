import LOBCore

/// One row of text in several styles.
struct Line: Sendable {
    var segments: [(text: String, style: Style)]

    init(_ text: String = "", _ style: Style = .plain) { segments = [(text, style)] }
    init(segments: [(text: String, style: Style)]) { self.segments = segments }

    /// The whole row in one style (a selected item).
    var rowStyle: Style? = nil
}

/// The frame every full-screen page shares (the self-scan's and the schoolscan's): a title bar, a text area that
/// scrolls with "↑ meer"/"↓ meer", a status row, key hints, boxes over the page, and a progress bar.
struct Page {
    let width: Int
    let height: Int

    func drawTooSmall(minimum: (width: Int, height: Int), into buffer: inout ScreenBuffer) {
        let lines = TextLayout.wrap(
            "Het venster is te klein: \(width)×\(height). LOB-spiegel heeft minstens \(minimum.width)×\(minimum.height) nodig. Maak het venster groter; je antwoorden blijven bewaard. (q stopt)",
            width: max(1, width - 2))
        let top = max(0, (height - lines.count) / 2)
        for (index, line) in lines.enumerated() { buffer.put(line, x: 1, y: top + index, style: .warning) }
    }

    func drawTitle(_ left: String, _ right: String, into buffer: inout ScreenBuffer) {
        buffer.put(TextLayout.fit(" " + left, width), x: 0, y: 0, style: .title)
        let text = right + " "
        buffer.put(text, x: width - text.count, y: 0, style: .title)
    }

    func drawBar(_ value: Int, of total: Int, x: Int, width barWidth: Int, y: Int, into buffer: inout ScreenBuffer) {
        guard barWidth > 2, total > 0 else { return }
        let inner = barWidth - 2
        let filled = inner * value / total
        buffer.put("[", x: x, y: y, style: .muted)
        buffer.put(String(repeating: "█", count: filled), x: x + 1, y: y, style: .good)
        buffer.put(String(repeating: "·", count: inner - filled), x: x + 1 + filled, y: y, style: .muted)
        buffer.put("]", x: x + 1 + inner, y: y, style: .muted)
    }

    /// Writes lines into rows `area`, from line `scroll`. When they do not fit, the first and last rows of the
    /// area say whether there is more above or below, so no text is hidden under the marks.
    func draw(
        _ lines: [Line], in area: Range<Int>, into buffer: inout ScreenBuffer, scroll: Int = 0, scrollable: Bool = false
    ) {
        var rows = area
        let overflow = scrollable && lines.count > area.count && area.count > 2
        if overflow { rows = (area.lowerBound + 1)..<(area.upperBound - 1) }
        let first = max(0, min(scroll, lines.count - rows.count))
        for (offset, row) in rows.enumerated() {
            let index = first + offset
            guard index < lines.count else { break }
            var x = 1
            for segment in lines[index].segments {
                x = buffer.put(segment.text, x: x, y: row, style: segment.style, limit: width - 1 - x)
            }
            if let style = lines[index].rowStyle { buffer.paint(row: row, style: style) }
        }
        if overflow {
            if first > 0 { buffer.put("↑ meer", x: 1, y: area.lowerBound, style: .muted) }
            if first + rows.count < lines.count { buffer.put("↓ meer", x: 1, y: area.upperBound - 1, style: .muted) }
        }
    }

    /// A text wrapped under itself after a lead ("  1.3  ").
    func hanging(_ lead: String, _ text: String, _ style: Style = .plain) -> [Line] {
        TextLayout.wrap(text, width: width - 2 - lead.count).enumerated().map { index, part in
            Line((index == 0 ? lead : String(repeating: " ", count: lead.count)) + part, style)
        }
    }

    func paragraph(_ text: String, _ style: Style = .plain, indent: Int = 0) -> [Line] {
        TextLayout.wrap(text, width: width - 2 - indent).map { Line(String(repeating: " ", count: indent) + $0, style) }
    }

    func drawBox(title: String, lines: [String], into buffer: inout ScreenBuffer) {
        let boxWidth = min(max(40, (lines.map(\.count).max() ?? 0) + 4), width - 4)
        let boxHeight = min(lines.count + 2, height - 2)
        let x = (width - boxWidth) / 2
        let y = max(1, (height - boxHeight) / 2)
        let horizontal = String(repeating: "─", count: boxWidth - 2)
        buffer.put("┌" + horizontal + "┐", x: x, y: y, style: .emphasis)
        buffer.put(" " + title + " ", x: x + 2, y: y, style: .heading)
        for row in 0..<(boxHeight - 2) {
            buffer.put("│" + TextLayout.fit(" " + lines[row], boxWidth - 2) + "│", x: x, y: y + 1 + row, style: .plain)
            buffer.put("│", x: x, y: y + 1 + row, style: .emphasis)
            buffer.put("│", x: x + boxWidth - 1, y: y + 1 + row, style: .emphasis)
        }
        buffer.put("└" + horizontal + "┘", x: x, y: y + boxHeight - 1, style: .emphasis)
    }

    /// A one-line text being typed, in a box with a cursor mark.
    func drawEditor(title: String, text: String, into buffer: inout ScreenBuffer) {
        let lines = TextLayout.wrap(text + "▏", width: min(70, width - 6) - 4) + ["", "Enter bewaren · Esc annuleren"]
        drawBox(title: title, lines: lines, into: &buffer)
    }

    /// "Stoppen?" with what has been kept.
    func drawConfirmQuit(_ message: String, into buffer: inout ScreenBuffer) {
        drawBox(
            title: "Stoppen?", lines: TextLayout.wrap(message, width: 60) + ["", "j  stoppen      n  doorgaan"],
            into: &buffer)
    }
}
