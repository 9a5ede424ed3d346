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
        var currentIsEmpty = true
        func flush() {
            lines.append(current.trimmingTrailingSpaces())
            current = rest
            currentIsEmpty = true
        }
        for (index, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { flush() }
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = Substring(word)
                if cutLongWords {
                    while word.count > width - rest.count && word.count > width - current.count {
                        if !currentIsEmpty { flush() }
                        let room = max(1, width - current.count)
                        current += word.prefix(room)
                        word = word.dropFirst(room)
                        flush()
                    }
                    if word.isEmpty { continue }
                }
                if !currentIsEmpty && current.count + 1 + word.count > width {
                    flush()
                    current += word
                } else {
                    current += (currentIsEmpty ? "" : " ") + word
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
    public func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
