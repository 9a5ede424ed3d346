import LOBCore

/// What a cell means; the terminal driver turns it into colours, or into bold/reverse/underline on a
/// monochrome terminal or with `NO_COLOR`, so every screen stays readable without colour.
public enum Style: UInt8, Sendable, Hashable, CaseIterable {
    case plain, title, heading, emphasis, selected, muted, good, warning, key
}

/// A screen as characters and styles, without a terminal: the view writes it, the driver shows it, and
/// tests read it back as text.
public struct ScreenBuffer: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var character: Character
        public var style: Style
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(character: " ", style: .plain), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` from column `x` of row `y`, cut at the right edge or after `limit` columns.
    /// Every character takes one column: the texts here are Dutch (Latin letters with diacritics).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        let end = min(width, limit.map { x + $0 } ?? width)
        var column = x
        for character in text {
            if column >= end { break }
            if column >= 0 { cells[y * width + column] = Cell(character: character, style: style) }
            column += 1
        }
        return column
    }

    /// Gives a whole row one style (a title bar, a selected line), keeping its characters.
    public mutating func paint(row y: Int, from x: Int = 0, to end: Int? = nil, style: Style) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, end ?? width) { cells[y * width + column].style = style }
    }

    /// One line of text per row, trailing spaces removed: what a snapshot test compares.
    public var text: String {
        (0..<height).map { row in
            var line = String(cells[(row * width)..<((row + 1) * width)].map(\.character))
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// The rows with the styles, one letter per cell (`.` plain): for tests of emphasis and selection.
    public var styleMap: String {
        let letters: [Style: Character] = [
            .plain: ".", .title: "T", .heading: "H", .emphasis: "E", .selected: "S",
            .muted: "m", .good: "g", .warning: "w", .key: "k",
        ]
        return (0..<height).map { row in
            String(cells[(row * width)..<((row + 1) * width)].map { letters[$0.style] ?? "?" })
        }.joined(separator: "\n")
    }
}

/// Word wrapping for the screens (`WordWrap`); a word longer than the width is cut.
enum TextLayout {
    static func wrap(_ text: String, width: Int) -> [String] { WordWrap.lines(text, width: width, cutLongWords: true) }

    /// Pads or cuts to exactly `width` columns.
    static func fit(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }
}
