extension Sequence where Element: Hashable & Comparable {
    /// The value that occurs most often; a tie goes to the smallest (the lower model, the first id), so the answer
    /// never depends on order. Nil when empty.
    public func mostCommon() -> Element? {
        let counts = Dictionary(map { ($0, 1) }, uniquingKeysWith: +)
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
