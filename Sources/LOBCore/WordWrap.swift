/// Greedy word wrap for every front end that lays out text in columns: the text renderer and the terminal screens.
public enum WordWrap {
    /// The text in lines of at most `width` characters, the first starting with `first` and the others with `rest`.
    /// A newline starts a new line. A word longer than the line stands alone, or with `cutLongWords` is cut (the
    /// screens, whose cells cannot hold more).
    public static func lines(
        _ text: String, width: Int, first: String = "", rest: String = "",
        cutLongWords: Bool = false
    ) -> [String] {
        if cutLongWords && width <= 0 { return [] }
        var lines: [String] = []
        var current = first
        // Counted as it grows: counting a string's characters walks it, for every word.
        var currentCount = first.count
        let restCount = rest.count
        var currentIsEmpty = true
        func flush() {
            lines.append(current.trimmingTrailingSpaces())
            current = rest
            currentCount = restCount
            currentIsEmpty = true
        }
        for (index, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { flush() }
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = Substring(word)
                var wordCount = word.count
                if cutLongWords {
                    while wordCount > width - restCount && wordCount > width - currentCount {
                        if !currentIsEmpty { flush() }
                        let room = max(1, width - currentCount)
                        current += word.prefix(room)
                        word = word.dropFirst(room)
                        wordCount = word.count
                        flush()
                    }
                    if word.isEmpty { continue }
                }
                if !currentIsEmpty && currentCount + 1 + wordCount > width {
                    flush()
                    current += word
                    currentCount += wordCount
                } else {
                    if !currentIsEmpty {
                        current += " "
                        currentCount += 1
                    }
                    current += word
                    currentCount += wordCount
                }
                currentIsEmpty = false
            }
        }
        lines.append(current.trimmingTrailingSpaces())
        return lines
    }
}

extension String {
    /// The string without the spaces at its end.
    /// The text followed by spaces up to `width` characters (never cut). Foundation's `padding(toLength:)` goes
    /// through NSString and counts UTF-16 units; every text table and `lob --help` pads.
    public func padded(to width: Int) -> String {
        let count = self.count
        return count >= width ? String(self) : self + String(repeating: " ", count: width - count)
    }

    public func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
