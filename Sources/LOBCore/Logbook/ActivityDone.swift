/// An activity of a teacher's scholingsplan that he has done: the plan it belongs to (the scan the plan was made
/// from), the goal it served, the form, when, how long, what it really cost, and his reaction (Kirkpatrick's first
/// level). Hours and money are kept whole (minutes, cents), so every total is exact.
public struct ActivityDone: Sendable, Hashable, Identifiable {
    public let id: Int64
    /// The scan the plan was made from.
    public let planScanID: Int64
    /// The competency of the goal it served; nil for an activity outside the plan's goals.
    public let competency: Competency.ID?
    public let formID: ActivityForm.ID
    /// The form's name when it was done, so that the logbook still reads after the catalogue changed.
    public let formName: String
    public let date: SchoolDate
    public let minutes: Int
    public let cents: Int64
    public let reaction: Reaction?

    public init(
        id: Int64, planScanID: Int64, competency: Competency.ID?, formID: ActivityForm.ID, formName: String,
        date: SchoolDate, minutes: Int, cents: Int64, reaction: Reaction? = nil
    ) {
        self.id = id
        self.planScanID = planScanID
        self.competency = competency
        self.formID = formID
        self.formName = formName
        self.date = date
        self.minutes = minutes
        self.cents = cents
        self.reaction = reaction
    }

    public var hours: Double { Double(minutes) / 60 }
    public var cost: Double { Double(cents) / 100 }

    /// What a front end hands over to record one: everything but the id and the reaction.
    public struct Record: Sendable, Hashable {
        public let planScanID: Int64
        public let competency: Competency.ID?
        public let formID: ActivityForm.ID
        public let formName: String
        public let date: SchoolDate
        public let minutes: Int
        public let cents: Int64

        public init(
            planScanID: Int64, competency: Competency.ID?, formID: ActivityForm.ID, formName: String,
            date: SchoolDate, minutes: Int, cents: Int64
        ) {
            self.planScanID = planScanID
            self.competency = competency
            self.formID = formID
            self.formName = formName
            self.date = date
            self.minutes = minutes
            self.cents = cents
        }
    }

    /// The bounds every store and reader keeps: no activity takes more than a working year, nor costs more than a
    /// school's whole budget.
    public static let minuteRange = 0...(2_000 * 60)
    public static let centRange: ClosedRange<Int64> = 0...10_000_000_00
}

/// A participant's reaction to an activity, right after it: the seed's two questions of the first level, each on a
/// five-point scale, and a remark.
///
/// The seed gives the questions ("Zijn de deelnemers tevreden? Denken ze met het geleerde aan de slag te
/// kunnen?"), not a scale: the five points are LOB-spiegel's default, a school that asks otherwise replaces them.
public struct Reaction: Sendable, Hashable {
    /// 1 (zeer ontevreden) to 5 (zeer tevreden).
    public let satisfied: Int
    /// 1 (zeker niet) to 5 (zeker wel): can he put what he learned to work?
    public let usable: Int
    public let remark: String?
    public let date: SchoolDate

    public init(satisfied: Int, usable: Int, remark: String?, date: SchoolDate) {
        self.satisfied = satisfied
        self.usable = usable
        self.remark = remark
        self.date = date
    }

    public static let scale = 1...5
    /// A remark is a few sentences, not a report.
    public static let remarkLength = 1_000

    /// The two questions as the participant reads them, after the seed's wording.
    public static let satisfiedQuestion = "Ben je tevreden over deze activiteit?"
    public static let usableQuestion = "Denk je met het geleerde aan de slag te kunnen?"

    /// The words of each point, the default scale.
    public static let satisfiedLabels = ["zeer ontevreden", "ontevreden", "neutraal", "tevreden", "zeer tevreden"]
    public static let usableLabels = ["zeker niet", "eerder niet", "weet ik niet", "eerder wel", "zeker wel"]

    /// The seed reports a share "(zeer) tevreden": the two top points.
    public var isSatisfied: Bool { satisfied >= 4 }
    public var isUsable: Bool { usable >= 4 }
}

extension ActivityDone {
    /// An activity as a store reads it back: nil when its date is not one (which no store writes).
    public init?(
        id: Int64, planScanID: Int64, competency: Competency.ID?, formID: String, formName: String, date: String,
        minutes: Int, cents: Int64, satisfied: Int?, usable: Int?, remark: String?, reactedOn: String?
    ) {
        guard let date = SchoolDate(date) else { return nil }
        var reaction: Reaction?
        if let satisfied, let usable, let reactedOn = reactedOn.flatMap(SchoolDate.init) {
            reaction = Reaction(satisfied: satisfied, usable: usable, remark: remark, date: reactedOn)
        }
        self.init(
            id: id, planScanID: planScanID, competency: competency, formID: formID, formName: formName, date: date,
            minutes: minutes, cents: cents, reaction: reaction)
    }
}
