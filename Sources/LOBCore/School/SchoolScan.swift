/// The school's own scan of where it stands with LOB (seed 002 ch. 1): for each of the 12 aspects in four pillars,
/// which model's description fits how the school really works — "hoe het werkelijk gaat, niet hoe men het zou
/// willen" — and, optionally, the one it wants to reach.
public struct SchoolScan: Sendable, Hashable, Codable {
    public struct Answer: Sendable, Hashable, Codable {
        /// How the school works now.
        public var current: SchoolModel.ID
        /// Where it wants to be; nil when not given.
        public var wished: SchoolModel.ID?

        public init(current: SchoolModel.ID, wished: SchoolModel.ID? = nil) {
            self.current = current
            self.wished = wished
        }
    }

    public var school: String
    /// "2026-2027".
    public var schoolYear: String
    public var date: SchoolDate
    /// Per aspect id (1…12). A scan in progress may lack some.
    public var answers: [Aspect.ID: Answer]

    public init(school: String, schoolYear: String, date: SchoolDate, answers: [Aspect.ID: Answer] = [:]) {
        self.school = school
        self.schoolYear = schoolYear
        self.date = date
        self.answers = answers
    }

    public var isComplete: Bool { Aspect.all.allSatisfy { answers[$0.id] != nil } }

    /// The school year a date falls in: from August on, the year that starts then.
    public static func schoolYear(of date: SchoolDate) -> String {
        let start = date.month >= 8 ? date.year : date.year - 1
        return "\(start)-\(start + 1)"
    }
}

extension Aspect {
    public typealias ID = Int
}

/// What the schoolscan says: the dominant model per pillar and overall, the aspects that lag or lead, and what
/// the model means for the roles in the teams (their profiles and star weights).
public struct SchoolScanResult: Sendable, Hashable {
    public struct PillarResult: Sendable, Hashable {
        public let pillar: Pillar
        public let dominant: SchoolModel.ID
        /// How many of the pillar's aspects are at each model.
        public let counts: [SchoolModel.ID: Int]
        public let wished: SchoolModel.ID?
    }

    public struct AspectResult: Sendable, Hashable {
        public let aspect: Aspect
        public let current: SchoolModel.ID
        public let wished: SchoolModel.ID?
    }

    /// A role in the teams and what the model asks of it: the shipped profile for that role and model, and the
    /// star weight per competency (the SBL star table, a reading; docs/domain.md).
    public struct RoleConsequence: Sendable, Hashable {
        public let role: Role
        public let profileID: String
        public let stars: [Competency.ID: Int]
    }

    public let scan: SchoolScan
    public let pillars: [PillarResult]
    public let dominant: SchoolModel.ID
    /// The model the school wants to reach overall (the dominant wish), nil when no wishes were given.
    public let wished: SchoolModel.ID?
    public let aspects: [AspectResult]
    /// Aspects behind or ahead of the overall dominant model.
    public var lagging: [AspectResult] { aspects.filter { $0.current < dominant } }
    public var leading: [AspectResult] { aspects.filter { $0.current > dominant } }
    public let roles: [RoleConsequence]
    /// What the roles would need in the wished model, when it differs.
    public let wishedRoles: [RoleConsequence]

    public init(_ scan: SchoolScan) {
        self.scan = scan
        aspects = Aspect.all.compactMap { aspect in
            scan.answers[aspect.id].map { AspectResult(aspect: aspect, current: $0.current, wished: $0.wished) }
        }
        pillars = Pillar.all.map { pillar in
            let answers = Aspect.all.filter { $0.pillar == pillar.id }.compactMap { scan.answers[$0.id] }
            return PillarResult(
                pillar: pillar, dominant: Self.dominant(answers.map(\.current)) ?? .model1,
                counts: Dictionary(answers.map { ($0.current, 1) }, uniquingKeysWith: +),
                wished: Self.dominant(answers.compactMap(\.wished)))
        }
        let now = Self.dominant(scan.answers.values.map(\.current)) ?? .model1
        let wish = Self.dominant(scan.answers.values.compactMap(\.wished))
        dominant = now
        wished = wish
        roles = Self.consequences(for: now)
        wishedRoles = wish.map { $0 == now ? [] : Self.consequences(for: $0) } ?? []
    }

    /// The model most aspects are at; a tie goes to the lower model, because the seed asks how the school really
    /// works and a school is only as far as its weaker half.
    static func dominant(_ models: [SchoolModel.ID]) -> SchoolModel.ID? { models.mostCommon() }

    /// The shipped profile for a role in a model (`Profiles/`): model 3 calls the teamleider teamvoorzitter.
    public static func profileID(role: Role, model: SchoolModel.ID) -> String {
        "\(role == .teamleider && model == .model3 ? "teamvoorzitter" : role.rawValue)-\(model.rawValue)"
    }

    static func consequences(for model: SchoolModel.ID) -> [RoleConsequence] {
        Role.starTableRoles.filter { StarRatings.hasStars(model: model, role: $0) }.map { role in
            RoleConsequence(
                role: role, profileID: profileID(role: role, model: model),
                stars: Dictionary(
                    uniqueKeysWithValues: (1...7).map {
                        ($0, StarRatings.stars(model: model, role: role, competency: $0))
                    }))
        }
    }
}
