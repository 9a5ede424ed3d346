/// 360° feedback: colleagues and the leidinggevende rate a teacher on the behaviours of his profile, on the same
/// scale as his self-scan. Seed 003 ("Effecten professionalisering monitoren") names the inputs of the POP-,
/// functionerings- and beoordelingsgesprekken: "zelfassessment, 360 graden feedback van collega's en de beoordeling
/// door de leidinggevende". See docs/feedback.md.

/// Who gives feedback.
public enum RaterGroup: String, Sendable, Hashable, Codable, CaseIterable {
    /// One, known by role: his ratings are shown as his.
    case leidinggevende
    /// Anonymous as a group: shown only as a group of at least the privacy threshold.
    case collega
    /// Pupils, anonymous as a group like colleagues, on the school's own pupil-worded statements only
    /// (`Profile.pupilStatements`).
    case leerling

    /// As a teacher reads it.
    public var word: String {
        switch self {
        case .leidinggevende: "leidinggevende"
        case .collega: "collega"
        case .leerling: "leerling"
        }
    }

    /// More than one, as a teacher reads it: Dutch plurals differ per word ("collega's", "leidinggevenden").
    public var plural: String {
        switch self {
        case .leidinggevende: "leidinggevenden"
        case .collega: "collega's"
        case .leerling: "leerlingen"
        }
    }
}

/// When feedback is given: the first view beside a self-scan, or the follow-up some weeks after the plan's
/// activities, on the goal behaviours only (Kirkpatrick level 3, gedrag: "Passen de deelnemers het geleerde toe?").
public enum FeedbackMoment: String, Sendable, Hashable, Codable, CaseIterable {
    case nulmeting
    case vervolg

    /// As a teacher reads it.
    public var word: String {
        switch self {
        case .nulmeting: "nulmeting"
        case .vervolg: "vervolgmeting"
        }
    }
}

/// One rater's answers about one teacher. It holds no rater's name: who answered what is never stored.
public struct FeedbackResponse: Sendable, Hashable {
    /// A random id the form gives each response: it recognises a file imported twice and names no one.
    public let id: String
    /// The teacher rated.
    public let subject: String
    public let group: RaterGroup
    public let profileID: String
    public let date: SchoolDate
    /// Behaviour → level; a behaviour the rater could not judge ("kan ik niet beoordelen") is absent.
    public var ratings: [Behaviour.ID: Int]
    /// Competency → an optional remark.
    public var remarks: [Competency.ID: String]
    /// The request of `lob serve` whose link gave it; nil for a feedback file. Shared by every rater of the request,
    /// so it names none of them.
    public var requestID: Int64?
    /// A follow-up is shown beside the first view, never mixed into it.
    public var moment: FeedbackMoment

    public init(
        id: String, subject: String, group: RaterGroup, profileID: String, date: SchoolDate,
        ratings: [Behaviour.ID: Int] = [:], remarks: [Competency.ID: String] = [:], requestID: Int64? = nil,
        moment: FeedbackMoment = .nulmeting
    ) {
        self.requestID = requestID
        self.moment = moment
        self.id = id
        self.subject = subject
        self.group = group
        self.profileID = profileID
        self.date = date
        self.ratings = ratings
        self.remarks = remarks
    }
}

/// When self-view and others' view differ "clearly", and when raters "agree". The seeds give no numbers: these are
/// LOB-spiegel's defaults on the four-level scale, which a school may set otherwise.
public struct FeedbackRules: Sendable, Hashable {
    /// Self at least this much above the others' view: a blind spot; this much below: a hidden strength.
    public var clearDifference: Double
    /// Colleagues agree when their ratings spread (standard deviation) no more than this, and the leidinggevende, if
    /// he rated it, is as close to their mean.
    public var agreement: Double

    public init(clearDifference: Double = 1.0, agreement: Double = 0.5) {
        self.clearDifference = clearDifference
        self.agreement = agreement
    }

    public static let standard = FeedbackRules()
}

/// A teacher's self-scan beside his raters' view, per behaviour and competency, with the privacy rule of the team
/// view: colleagues count only as a group of at least the threshold who rated that behaviour, and a group shown must
/// differ from every group shown before for the same teacher by none or at least the threshold
/// (`PrivacyRule.release`), so that two reports made at different moments cannot be subtracted to one colleague.
public struct FeedbackAnalysis: Sendable {
    /// The colleagues' figure on one behaviour or competency, shown only as a group.
    public struct Colleagues: Sendable, Hashable {
        public let n: Int
        public let mean: Double
        /// Standard deviation of their ratings; nil under `GroupDisclosure.spreadMinimum` raters, where a rater who
        /// knows his own rating could work out the others' from the mean and the spread.
        public let spread: Double?
    }

    public enum Reading: String, Sendable, Hashable {
        /// The teacher rates himself clearly higher than others see him.
        case blindSpot
        /// Others rate him clearly higher than he rates himself.
        case hiddenStrength
    }

    public struct BehaviourView: Sendable, Hashable {
        public let behaviour: Behaviour
        public let selfScore: Int?
        public let leidinggevende: Int?
        /// Nil when withheld (fewer colleagues than the threshold, or a change too small since an earlier report).
        public let colleagues: Colleagues?
        /// Why the colleagues' figure is withheld, when colleagues rated it but it is not shown.
        public let withheld: PrivacyRule.Release.Reason?
        /// The pupils as a group, under the same rule as the colleagues; a view of its own, not part of `others`.
        public let pupils: Colleagues?
        public let pupilsWithheld: PrivacyRule.Release.Reason?
        /// The others' view: the colleagues' mean when shown, else the leidinggevende's rating.
        public var others: Double? { colleagues?.mean ?? leidinggevende.map(Double.init) }
        public let reading: Reading?
        /// Colleagues (and the leidinggevende, when he rated it) agree.
        public let agree: Bool
    }

    public struct CompetencyView: Sendable, Hashable {
        public let competency: Competency
        public let selfMean: Double?
        public let leidinggevendeMean: Double?
        /// The mean of the colleagues' shown behaviour figures, weighted by their n; nil when none is shown.
        public let colleaguesMean: Double?
        /// Remarks: the leidinggevende's, and the colleagues' only when their group on this competency is shown, in
        /// alphabetical order so that the order tells nothing.
        public let leidinggevendeRemark: String?
        public let colleagueRemarks: [String]
    }

    public let threshold: Int
    /// Which feedback the views show: the first, or the follow-up.
    public let moment: FeedbackMoment
    /// How many colleagues answered: visible, as the issue of who was asked is; who answered what never is.
    public let colleaguesAnswered: Int
    public let leidinggevendeAnswered: Bool
    /// How many pupils answered.
    public let pupilsAnswered: Int
    public let behaviours: [BehaviourView]
    public let competencies: [CompetencyView]
    /// Which colleague responses count in which figure now: the store keeps it, so that a later report is checked
    /// against this one.
    public let release: PrivacyRule.Release

    public var blindSpots: [BehaviourView] { behaviours.filter { $0.reading == .blindSpot } }
    public var hiddenStrengths: [BehaviourView] { behaviours.filter { $0.reading == .hiddenStrength } }
    public var agreements: [BehaviourView] { behaviours.filter(\.agree) }

    /// - Parameters:
    ///   - scan: the teacher's self-scan, when he has one.
    ///   - responses: the feedback about him for this profile, of both moments.
    ///   - earlier: the releases of earlier reports about him, oldest first.
    ///   - moment: which feedback the views show. The release decides both moments' figures (each under keys of its
    ///     own), whichever is shown.
    public init(
        scan: Scan?, profile: Profile, responses: [FeedbackResponse], threshold: Int = PrivacyRule.minimumThreshold,
        earlier: [PrivacyRule.Release] = [], catalogue: Catalogue = .standard, rules: FeedbackRules = .standard,
        moment: FeedbackMoment = .nulmeting
    ) {
        let limit = PrivacyRule.threshold(threshold)
        self.threshold = limit
        self.moment = moment
        let scored = profile.scoredBehaviours(in: catalogue)
        var answered: [String: Set<String>] = [:]
        for response in responses where response.group != .leidinggevende {
            let key = { Self.figure($0, response.moment) }
            answered[response.id] =
                response.group == .leerling
                // Pupils are a group of their own: their figures have their own keys in the same release.
                ? Set(scored.filter { response.ratings[$0.id] != nil }.map { key(Self.pupilFigure($0.id)) })
                : Set(
                    PrivacyRule.figures(
                        answered: scored.filter { response.ratings[$0.id] != nil }.map { ($0.id, $0.competency) }
                    ).map(key))
        }
        let release = PrivacyRule.release(anonymous: answered, threshold: limit, earlier: earlier)
        self.release = release
        let shown = responses.filter { $0.moment == moment }
        let colleagues = shown.filter { $0.group == .collega }
        let pupils = shown.filter { $0.group == .leerling }
        pupilsAnswered = Set(pupils.map(\.id)).count
        // The leidinggevende is one: his latest response counts.
        let leader = shown.filter { $0.group == .leidinggevende }.max { ($0.date, $0.id) < ($1.date, $1.id) }
        colleaguesAnswered = Set(colleagues.map(\.id)).count
        leidinggevendeAnswered = leader != nil
        let key = { Self.figure($0, moment) }
        let byID = Dictionary(colleagues.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let pupilByID = Dictionary(pupils.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let (low, high) = (Scale.standard.levels.first?.value ?? 1, Scale.standard.levels.last?.value ?? 4)
        /// A group's figure, or why not: a mean at an end of the scale tells every rating.
        func group(
            _ ids: Set<String>?, _ responses: [String: FeedbackResponse], _ behaviour: Behaviour
        ) -> (Colleagues?, PrivacyRule.Release.Reason?) {
            guard let ids else { return (nil, nil) }
            let scores = ids.compactMap { responses[$0]?.ratings[behaviour.id] }
            guard !scores.isEmpty else { return (nil, nil) }
            guard !GroupDisclosure.meanTells(sum: scores.reduce(0, +), n: scores.count, low: low, high: high) else {
                return (nil, .sameAnswers)
            }
            let ratings = scores.map(Double.init)
            let mean = ratings.reduce(0, +) / Double(ratings.count)
            let variance = ratings.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(ratings.count)
            let spread = ratings.count >= GroupDisclosure.spreadMinimum ? variance.squareRoot() : nil
            return (Colleagues(n: ratings.count, mean: mean, spread: spread), nil)
        }

        behaviours = scored.map { behaviour in
            let figure = key(PrivacyRule.figure(behaviour: behaviour.id))
            let selfScore = scan?.answers[behaviour.id]?.score
            let leading = leader?.ratings[behaviour.id]
            let (shown, tells) = group(release.counted[figure], byID, behaviour)
            let pupilFigure = key(Self.pupilFigure(behaviour.id))
            let (pupilsShown, pupilsTell) = group(release.counted[pupilFigure], pupilByID, behaviour)
            let others = shown?.mean ?? leading.map(Double.init)
            var reading: Reading?
            if let selfScore, let others {
                if Double(selfScore) - others >= rules.clearDifference { reading = .blindSpot }
                if others - Double(selfScore) >= rules.clearDifference { reading = .hiddenStrength }
            }
            // Agreement is read from the spread, so it is said only where the spread may be shown.
            let agree =
                shown.map { group in
                    group.spread.map { $0 <= rules.agreement } ?? false
                        && (leading.map { abs(Double($0) - group.mean) <= rules.agreement } ?? true)
                } ?? false
            return BehaviourView(
                behaviour: behaviour, selfScore: selfScore, leidinggevende: leading, colleagues: shown,
                withheld: shown == nil ? tells ?? release.withheld[figure] : nil, pupils: pupilsShown,
                pupilsWithheld: pupilsShown == nil ? pupilsTell ?? release.withheld[pupilFigure] : nil,
                reading: reading, agree: agree)
        }

        let views = behaviours
        competencies = profile.scoredCompetencies(in: catalogue).map { competency in
            let own = views.filter { $0.behaviour.competency == competency.id }
            func mean(_ values: [Double]) -> Double? {
                values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
            }
            let shown = own.compactMap(\.colleagues)
            let answers = shown.reduce(0) { $0 + $1.n }
            // Only the remarks of the colleagues in the group shown for the competency, and only from a group of
            // `GroupDisclosure.remarkMinimum`: free text names its author more easily than a number.
            let counted = release.counted[key(PrivacyRule.figure(competency: competency.id))] ?? []
            let group = shown.isEmpty || counted.count < GroupDisclosure.remarkMinimum ? [] : counted
            return CompetencyView(
                competency: competency,
                selfMean: mean(own.compactMap(\.selfScore).map(Double.init)),
                leidinggevendeMean: mean(own.compactMap(\.leidinggevende).map(Double.init)),
                colleaguesMean: answers == 0 ? nil : shown.reduce(0) { $0 + $1.mean * Double($1.n) } / Double(answers),
                leidinggevendeRemark: leader?.remarks[competency.id],
                colleagueRemarks: group.compactMap { byID[$0]?.remarks[competency.id] }.sorted())
        }
    }
}

extension FeedbackAnalysis {
    /// A figure's key for a moment: the follow-up's figures are apart from the first view's, so that each group is
    /// decided (and kept over time) on its own.
    static func figure(_ key: String, _ moment: FeedbackMoment) -> String {
        moment == .nulmeting ? key : "\(moment.rawValue):\(key)"
    }

    /// The key of the pupils' figure on a behaviour, apart from the colleagues'.
    static func pupilFigure(_ behaviour: Behaviour.ID) -> String {
        "leerling:" + PrivacyRule.figure(behaviour: behaviour)
    }

    /// The scan with the combined picture as its scores, for a plan's priorities: per behaviour the mean of the
    /// teacher's own score and the others' view, rounded down (a level counts as reached when the combined view
    /// reaches it). LOB-spiegel's rule; the seeds give none. A behaviour without the others' view keeps his score.
    public func combined(_ scan: Scan) -> Scan {
        var result = scan
        for view in behaviours {
            guard let own = view.selfScore, let others = view.others else { continue }
            var answer = result.answers[view.behaviour.id] ?? Scan.Answer(score: nil)
            answer.score = Int(((Double(own) + others) / 2).rounded(.down))
            result.answers[view.behaviour.id] = answer
        }
        return result
    }

    /// What the ontwikkelgesprek should be about: the blind spots first, then the hidden strengths.
    public var conversationTopics: [BehaviourView] { blindSpots + hiddenStrengths }
}
