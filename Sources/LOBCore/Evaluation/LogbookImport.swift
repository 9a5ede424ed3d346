/// What reading in teachers' logbooks means for a school year, decided before anything is stored: each logbook is
/// new, replaces the same teacher's older one, changes nothing, or is older than the one kept and is left.
public enum LogbookImport {
    public enum Outcome: Sendable, Hashable {
        case added, replaced, unchanged, older
    }

    /// The outcome per incoming logbook (in order) and the logbooks to store, as kept (`YearLogbook.kept`), against
    /// the current ones of their school years by key. Two logbooks of one teacher in one import: the newer counts.
    public static func decide(
        _ incoming: [YearLogbook], current: [YearLogbook]
    ) -> (outcomes: [Outcome], store: [YearLogbook]) {
        var kept = Dictionary(current.map { ("\($0.schoolYear)\u{1}\($0.key)", $0) }) { first, _ in first }
        var changed: [String: YearLogbook] = [:]
        var outcomes: [Outcome] = []
        for logbook in incoming.map(\.kept) {
            let id = "\(logbook.schoolYear)\u{1}\(logbook.key)"
            guard let before = kept[id] else {
                outcomes.append(.added)
                kept[id] = logbook
                changed[id] = logbook
                continue
            }
            if before == logbook {
                outcomes.append(.unchanged)
            } else if logbook.date < before.date {
                outcomes.append(.older)
            } else {
                outcomes.append(.replaced)
                kept[id] = logbook
                changed[id] = logbook
            }
        }
        return (outcomes, changed.keys.sorted().compactMap { changed[$0] })
    }
}

/// One of the results a school records each year for Kirkpatrick's fourth level, beside its schoolscan: the share of
/// pupils "(zeer) tevreden" over loopbaanbegeleiding from its pupil survey, the loopbaandossiers completed — what it
/// chooses. The seed gives the example (78% at Landstede), not a list: the indicators are the school's own.
public struct SchoolIndicator: Sendable, Hashable, Codable {
    public let name: String
    public let value: Double
    /// "%", "aantal", "dossiers": as the school writes it.
    public let unit: String
    /// Where it comes from ("leerlingenenquête mei 2027").
    public let source: String?

    public init(name: String, value: Double, unit: String, source: String?) {
        self.name = name
        self.value = value
        self.unit = unit
        self.source = source
    }

    /// At most this many per school year.
    public static let maximum = 50
    public static let values: ClosedRange<Double> = -1_000_000_000...1_000_000_000
}
