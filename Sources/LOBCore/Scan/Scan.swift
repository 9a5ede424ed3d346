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
