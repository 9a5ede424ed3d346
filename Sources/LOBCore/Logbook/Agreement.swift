/// What a teacher and his leidinggevende agreed in an ontwikkelgesprek about his plan: dated, in their words, kept
/// with the plan in the teacher's own database (his to keep).
public struct Agreement: Sendable, Hashable {
    public let date: SchoolDate
    public let text: String

    public init(date: SchoolDate, text: String) {
        self.date = date
        self.text = text
    }

    /// A paragraph or two: an agreement, not a report.
    public static let maximumLength = 2_000
}
