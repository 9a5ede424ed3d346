/// The school year in periods, so a plan can say "aan het eind van periode 2 (februari 2027)".
/// The seeds give no calendar: the default is four periods from September, which a school replaces.
public struct SchoolYear: Sendable, Hashable, Codable {
    public struct Period: Sendable, Hashable, Codable {
        public var name: String
        /// First and last month (1–12); a period may run over New Year (December–February).
        public var firstMonth: Int
        public var lastMonth: Int

        public init(name: String, firstMonth: Int, lastMonth: Int) {
            self.name = name
            self.firstMonth = firstMonth
            self.lastMonth = lastMonth
        }
    }

    public var periods: [Period]
    /// When the follow-up on a goal's behaviours is due (Kirkpatrick level 3): so many weeks after its last activity.
    /// The seeds give no number; 6 to 12 weeks is LOB-spiegel's default, a school sets its own.
    public var followUpWeeks: ClosedRange<Int>

    public init(periods: [Period], followUpWeeks: ClosedRange<Int> = 6...12) {
        self.periods = periods
        self.followUpWeeks = followUpWeeks
    }

    public static let standard = SchoolYear(periods: [
        Period(name: "periode 1", firstMonth: 9, lastMonth: 11),
        Period(name: "periode 2", firstMonth: 12, lastMonth: 2),
        Period(name: "periode 3", firstMonth: 3, lastMonth: 4),
        Period(name: "periode 4", firstMonth: 5, lastMonth: 7),
    ])

    public static let monthNames = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december",
    ]

    /// A period in a given school year (the year it starts in September, or in its first period's month).
    public struct Slot: Sendable, Hashable, Codable, Comparable {
        public let schoolYear: Int
        public let index: Int

        public init(schoolYear: Int, index: Int) {
            self.schoolYear = schoolYear
            self.index = index
        }

        public static func < (lhs: Slot, rhs: Slot) -> Bool {
            (lhs.schoolYear, lhs.index) < (rhs.schoolYear, rhs.index)
        }
    }

    /// The calendar (year, month) a slot starts and ends in.
    public func range(of slot: Slot) -> (start: (year: Int, month: Int), end: (year: Int, month: Int)) {
        let yearStart = periods[0].firstMonth
        let period = periods[slot.index]
        func year(for month: Int) -> Int { month >= yearStart ? slot.schoolYear : slot.schoolYear + 1 }
        return ((year(for: period.firstMonth), period.firstMonth), (year(for: period.lastMonth), period.lastMonth))
    }

    public func next(_ slot: Slot, by steps: Int = 1) -> Slot {
        let position = slot.index + steps
        return Slot(schoolYear: slot.schoolYear + position / periods.count, index: position % periods.count)
    }

    /// The periods from `first` through `last`, in order; empty when `last` comes before `first`.
    public func slots(from first: Slot, through last: Slot) -> [Slot] {
        var slots: [Slot] = []
        var slot = first
        while slot <= last {
            slots.append(slot)
            slot = next(slot)
        }
        return slots
    }

    /// The period a plan made on `date` starts in: the first one with at least two whole months left from the
    /// first of next month. A plan made in October starts in December, one made in June after the summer.
    public func firstSlot(after date: SchoolDate) -> Slot {
        let months = date.year * 12 + (date.month - 1) + 2
        let target = (year: months / 12, month: months % 12 + 1)
        var slot = Slot(schoolYear: target.year - 2, index: 0)
        for _ in 0..<(periods.count * 4) {
            let end = range(of: slot).end
            if (end.year, end.month) >= (target.year, target.month) { return slot }
            slot = next(slot)
        }
        return slot
    }

    /// "periode 2 2026-2027".
    public func label(_ slot: Slot) -> String {
        "\(periods[slot.index].name) \(slot.schoolYear)-\(slot.schoolYear + 1)"
    }

    /// "februari 2027": the last month of a slot.
    public func endLabel(_ slot: Slot) -> String {
        let end = range(of: slot).end
        return "\(Self.monthNames[end.month - 1]) \(end.year)"
    }

    public func validate() -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if periods.isEmpty { problems.append(ValidationProblem([.key("periods")], "noem minstens één periode")) }
        for (index, period) in periods.enumerated() {
            for (key, month) in [("from", period.firstMonth), ("to", period.lastMonth)] where !(1...12).contains(month)
            {
                problems.append(
                    ValidationProblem(
                        [.key("periods"), .index(index), .key(key)], "verwacht een maand 1 t/m 12, gevonden \(month)"))
            }
        }
        // Periods follow each other through the year without overlapping: the months they span add up to at most 12.
        let span = periods.reduce(0) { $0 + (($1.lastMonth - $1.firstMonth + 12) % 12 + 1) }
        if span > 12 {
            problems.append(ValidationProblem([.key("periods")], "de periodes overlappen: samen meer dan 12 maanden"))
        }
        return problems
    }
}
