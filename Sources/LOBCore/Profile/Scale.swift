/// The scale on which a teacher scores a behaviour.
///
/// The seeds give no scale: this four-level scale and its labels are LOB-spiegel's own default,
/// worded so a teacher recognises them. A school that wants other labels changes them here.
public struct Scale: Sendable, Hashable, Codable {
    public struct Level: Sendable, Hashable, Codable {
        public let value: Int
        public let label: String
    }

    public let levels: [Level]
    /// Shown for a behaviour the teacher did not answer.
    public let notAnsweredLabel: String

    public var range: ClosedRange<Int> { (levels.first?.value ?? 1)...(levels.last?.value ?? 1) }

    public func label(for value: Int) -> String? { levels.first { $0.value == value }?.label }

    /// 1 nog niet · 2 soms / in ontwikkeling · 3 meestal / bekwaam · 4 altijd / kan het anderen leren.
    public static let standard = Scale(
        levels: [
            Level(value: 1, label: "nog niet"),
            Level(value: 2, label: "soms / in ontwikkeling"),
            Level(value: 3, label: "meestal / bekwaam"),
            Level(value: 4, label: "altijd / kan het anderen leren"),
        ],
        notAnsweredLabel: "niet beantwoord"
    )
}
