/// A calendar date without time or time zone (the day a scan was made).
public struct SchoolDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a school's date can have: anything else is a typing error, not a scan.
    public static let years = 1900...2199

    /// What a file's date must be, in the words of every reader's message.
    public static let expected =
        "verwacht een datum als JJJJ-MM-DD: cijfers, een bestaande dag, een jaar van \(years.lowerBound) tot \(years.upperBound)"

    /// Parses `YYYY-MM-DD`, digits only, a real calendar day in `years`; `nil` for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        // Digits only: Int("+1") is 1, and "+026" would be a year 26.
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// A real calendar day in `years`, or nil.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.years.contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// As people write it: "25 november 2026".
    public var dutch: String {
        let months = [
            "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
            "november", "december",
        ]
        return "\(day) \(months[month - 1]) \(year)"
    }

    public static func < (lhs: SchoolDate, rhs: SchoolDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// What a teacher agreed the team may see of his scan.
public enum Consent: String, Sendable, Hashable, Codable, CaseIterable {
    /// Only the teacher sees it.
    case prive
    /// It counts in team figures without his name.
    case anoniem
    /// The teamvoorzitter may see it with his name.
    case metNaam

    /// The choice in a teacher's words ("met naam", not the file's `metNaam`).
    public var word: String {
        switch self {
        case .prive: "privé"
        case .anoniem: "anoniem"
        case .metNaam: "met naam"
        }
    }

    /// What it means, in the words a teacher reads when he chooses it.
    public var meaning: String {
        switch self {
        case .prive: "alleen voor jezelf"
        case .anoniem: "telt anoniem mee in de teamcijfers"
        case .metNaam: "de teamvoorzitter mag hem met je naam zien"
        }
    }
}

/// A teacher's self-scan against a profile.
public struct Scan: Sendable, Hashable {
    /// One behaviour's answer: a level on the scale or not answered, and an optional note (evidence, example).
    public struct Answer: Sendable, Hashable {
        public var score: Int?
        public var note: String?

        public init(score: Int?, note: String? = nil) {
            self.score = score
            self.note = note
        }
    }

    public var teacher: String
    public var team: String?
    public var profileID: String
    public var date: SchoolDate
    public var answers: [Behaviour.ID: Answer]
    /// Answers to the preference self-check (statement id → 1…4).
    public var preferenceAnswers: [String: Int]
    /// The teacher's own choice; overrides the self-check's suggestion.
    public var chosenPreference: LearningPreference?
    /// Place between the two portraits: 0 = traditionele vakdocent … 10 = vakdocent als loopbaanbegeleider.
    public var portraitPosition: Int?
    public var consent: Consent

    public init(
        teacher: String, team: String? = nil, profileID: String, date: SchoolDate,
        answers: [Behaviour.ID: Answer] = [:], preferenceAnswers: [String: Int] = [:],
        chosenPreference: LearningPreference? = nil, portraitPosition: Int? = nil, consent: Consent = .prive
    ) {
        self.teacher = teacher
        self.team = team
        self.profileID = profileID
        self.date = date
        self.answers = answers
        self.preferenceAnswers = preferenceAnswers
        self.chosenPreference = chosenPreference
        self.portraitPosition = portraitPosition
        self.consent = consent
    }

    public static let portraitRange = 0...10

    /// The self-check's suggestion, or nil when no statement was answered.
    public var suggestedPreference: LearningPreference? {
        preferenceAnswers.isEmpty ? nil : PreferenceCheck.ranking(preferenceAnswers).first
    }

    /// The preference plans use: the teacher's own choice, else the suggestion.
    public var learningPreference: LearningPreference? { chosenPreference ?? suggestedPreference }
}
