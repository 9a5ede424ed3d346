/// A whole number as people and spreadsheets write it in a file: ASCII digits only. `Int(_:)` also takes a sign
/// ("+2026", "-0"), which no year, aspect or answer in a LOB-spiegel file has.
enum Digits {
    /// The number `text` spells in at most nine digits (no overflow), or `nil`.
    static func int(_ text: some StringProtocol) -> Int? {
        guard (1...9).contains(text.utf8.count), text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(text)
    }
}
