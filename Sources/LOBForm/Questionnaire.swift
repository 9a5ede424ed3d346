import Foundation
import LOBCore

/// Everything the form's script needs to ask the scan and sum it up, as one JSON object in the page. The texts are
/// LOBCore's (the seeds' wording, the scale, the self-check), so the form asks exactly what `lob scan` asks.
struct Questionnaire: Encodable {
    struct Level: Encodable {
        let value: Int
        let label: String
    }
    struct Choice: Encodable {
        let id: String
        let word: String
        let meaning: String
    }
    struct PortraitText: Encodable {
        let title: String
        let description: String
        let quoteBy: String
        let pupilQuote: String
    }
    struct Item: Encodable {
        let id: String
        let text: String
        let target: Int
    }
    struct CompetencyItems: Encodable {
        let id: String
        let name: String
        let target: Int
        let weight: Double
        let behaviours: [Item]
    }
    struct Statement: Encodable {
        let id: String
        let metaphor: String
        let text: String
    }
    /// In a feedback form: whom the rater rates, and as which group.
    struct FeedbackTarget: Encodable {
        let subject: String
        let group: String
        let groupWord: String
        let groupPlural: String
        /// "nulmeting", or "vervolg": the follow-up on a plan's goal behaviours only (Kirkpatrick level 3).
        let moment: String
    }
    struct Metaphor: Encodable {
        let id: String
        let name: String
        let description: String
    }

    let formatVersion = 1
    let profile: Choice
    let team: String?
    let scale: [Level]
    let notAnswered: String
    let consent: [Choice]
    let portraits: [PortraitText]
    let portraitRange: [Int]
    let competencies: [CompetencyItems]
    let statements: [Statement]
    let agreement: [String]
    let metaphors: [Metaphor]
    let caveat: String
    let disclaimer: String
    let version: String
    let feedback: FeedbackTarget?
    /// On `lob serve`: where the page saves each answer and hands the scan in.
    let server: ScanForm.ServerLink?

    init(
        profile: Profile, team: String?, catalogue: Catalogue, scale: Scale,
        feedback: (subject: String, group: RaterGroup)? = nil, server: ScanForm.ServerLink? = nil,
        followUp: Set<Behaviour.ID>? = nil
    ) {
        self.server = server
        self.feedback = feedback.map {
            FeedbackTarget(
                subject: $0.subject, group: $0.group.rawValue, groupWord: $0.group.word, groupPlural: $0.group.plural,
                moment: followUp == nil ? FeedbackMoment.nulmeting.rawValue : FeedbackMoment.vervolg.rawValue)
        }
        self.profile = Choice(id: profile.id, word: profile.title, meaning: profile.description)
        self.team = team
        self.scale = scale.levels.map { Level(value: $0.value, label: $0.label) }
        notAnswered = scale.notAnsweredLabel
        consent = Consent.allCases.map { Choice(id: $0.rawValue, word: $0.word, meaning: $0.meaning) }
        portraits = Portrait.all.map {
            PortraitText(title: $0.title, description: $0.description, quoteBy: $0.quoteBy, pupilQuote: $0.pupilQuote)
        }
        portraitRange = [Scan.portraitRange.lowerBound, Scan.portraitRange.upperBound]
        // Pupils are asked the school's own pupil-worded statements only, in those words.
        let pupilWords = feedback?.group == .leerling ? profile.pupilStatements ?? [:] : nil
        let behaviours = profile.scoredBehaviours(in: catalogue).compactMap { behaviour -> Behaviour? in
            if let followUp, !followUp.contains(behaviour.id) { return nil }
            guard let pupilWords else { return behaviour }
            return pupilWords[behaviour.id].map {
                Behaviour(id: behaviour.id, competency: behaviour.competency, text: $0)
            }
        }
        let asked = Set(behaviours.map(\.competency))
        competencies = profile.scoredCompetencies(in: catalogue).filter { asked.contains($0.id) }.map { competency in
            CompetencyItems(
                id: "\(competency.id)", name: competency.name, target: profile.target(forCompetency: competency.id),
                weight: profile.weight(for: competency.id),
                behaviours: behaviours.filter { $0.competency == competency.id }.map {
                    Item(id: $0.id, text: $0.text, target: profile.target(for: $0))
                })
        }
        statements = PreferenceCheck.statements.map {
            Statement(id: $0.id, metaphor: $0.preference.rawValue, text: $0.text)
        }
        agreement = PreferenceCheck.agreement
        metaphors = LearningPreference.allCases.map {
            Metaphor(id: $0.rawValue, name: $0.name, description: $0.description)
        }
        caveat = LearningPreference.caveat
        disclaimer = PreferenceCheck.disclaimer
        version = LOBSpiegel.version
    }

    var json: String { Self.scriptJSON(self) }

    /// A page's data as JSON in a script element: sorted keys for the same bytes every time; `<`, `>` and `&` as
    /// escapes so no text can end the script element.
    static func scriptJSON(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
        return text.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026").replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }
}
