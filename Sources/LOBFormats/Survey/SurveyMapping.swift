import Foundation
import LOBCore

/// How a survey tool's export becomes scans: which column holds the name, team, consent and date, which column
/// asks which behaviour, and which answer text is which level of the scale. A YAML file the teamvoorzitter writes
/// once per survey, starting from `lob import survey --template`; see `docs/survey.md`.
public struct SurveyMapping: Sendable {
    /// A column named in the mapping, with the mapping's line for messages.
    public struct Column: Sendable, Hashable {
        public let header: String
        public let line: Int?
    }

    /// How a date such as 03-04-2026 is read; ISO dates (2026-04-03) and Excel's day numbers are always understood.
    public enum DateOrder: String, Sendable, CaseIterable {
        /// 3 april: Dutch, and Google Forms and Excel in a Dutch setting.
        case dmy
        /// March 4: an export made in an American setting.
        case mdy
    }

    public static let formatVersion = 1

    public var profileID: String
    public var teacher: Column
    public var team: Column?
    public var consent: Column
    public var date: Column?
    public var learningPreference: Column?
    public var portraitPosition: Column?
    public var dateOrder: DateOrder
    /// Normalised answer text → level, or nil for "not answered".
    public var answers: [String: Int?]
    /// Normalised answer text → consent.
    public var consentAnswers: [String: Consent]
    /// Behaviour → the column that asks it, in the mapping's order.
    public var behaviours: [(id: Behaviour.ID, column: Column)]

    static let columnKeys: Set<String> = [
        "teacher", "team", "consent", "date", "learningPreference", "portraitPosition",
    ]

    /// Text as compared: case, accents, non-breaking and repeated spaces do not count ("Privé" is "prive").
    public static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{A0}", with: " ")
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    public static func load(
        _ url: URL, scale: Scale = .standard, catalogue: Catalogue = .standard, profile lookup: (String) -> Profile?
    ) throws(FormatError) -> (mapping: SurveyMapping, profile: Profile) {
        try decode(
            data: YAMLDocument.read(url, kind: .document), file: url.relativePath, scale: scale, catalogue: catalogue,
            profile: lookup)
    }

    public static func decode(
        data: Data, file: String, scale: Scale = .standard, catalogue: Catalogue = .standard,
        profile lookup: (String) -> Profile?
    ) throws(FormatError) -> (mapping: SurveyMapping, profile: Profile) {
        let root = try YAMLDocument(data: data, file: file).reader
        _ = try root.document(.surveyMapping)
        try root.required("formatVersion").expectFormatVersion(formatVersion)
        let profileNode = try root.required("profile")
        let profileID = try profileNode.nonEmptyString()
        guard let profile = lookup(profileID) else {
            throw profileNode.error("onbekend profiel \(Excerpt.quote(profileID)): zie 'lob profiles list'")
        }

        let columns = try root.required("columns")
        _ = try columns.mapping(allowed: columnKeys)
        func column(_ key: String) throws(FormatError) -> Column? {
            guard let node = try columns.optional(key), !node.node.isNull else { return nil }
            return Column(header: try node.line(maximum: 500, "een kolomkop"), line: node.line)
        }
        guard let teacher = try column("teacher") else {
            throw columns.error("columns.teacher ontbreekt: de kolom met de naam van de collega")
        }
        guard let consent = try column("consent") else {
            throw columns.error(
                "columns.consent ontbreekt: de kolom waarin de collega kiest wie zijn scan mag zien (zonder die keuze wordt niets opgeslagen)"
            )
        }

        var answers: [String: Int?] = [:]
        let answersNode = try root.required("answers")
        for (text, value) in try answersNode.mapping() {
            if value.node.isNull {
                answers[normalized(text)] = .some(nil)
                continue
            }
            let level = try value.int()
            guard scale.range.contains(level) else {
                throw value.error(
                    "verwacht een niveau \(scale.range.lowerBound) t/m \(scale.range.upperBound), of leeg voor niet beantwoord"
                )
            }
            answers[normalized(text)] = level
        }

        var consentAnswers: [String: Consent] = [:]
        if let node = try root.optional("consentAnswers") {
            for (text, value) in try node.mapping() { consentAnswers[normalized(text)] = try value.oneOf(Consent.self) }
        }

        let scored = Set(profile.scoredBehaviours(in: catalogue).map(\.id))
        var behaviours: [(id: Behaviour.ID, column: Column)] = []
        var problems: [FormatError.Problem] = []
        for (id, value) in try root.required("behaviours").mapping() {
            guard scored.contains(id) else {
                problems +=
                    value.error(
                        "gedragskenmerk \(Excerpt.quote(id)) hoort niet bij profiel \(Excerpt.quote(profile.id))"
                    ).problems
                continue
            }
            do {
                behaviours.append((id, Column(header: try value.line(maximum: 500, "een kolomkop"), line: value.line)))
            } catch {
                problems += error.problems
            }
        }
        if !problems.isEmpty { throw FormatError(problems) }
        if behaviours.isEmpty {
            throw root.error("behaviours is leeg: noem per gedragskenmerk de kolom die het vraagt")
        }

        let mapping = SurveyMapping(
            profileID: profile.id, teacher: teacher, team: try column("team"), consent: consent,
            date: try column("date"), learningPreference: try column("learningPreference"),
            portraitPosition: try column("portraitPosition"),
            dateOrder: try root.optional("dateOrder")?.oneOf(DateOrder.self) ?? .dmy,
            answers: answers, consentAnswers: consentAnswers, behaviours: behaviours)
        return (mapping, profile)
    }
}

extension SurveyMapping {
    /// The answer options as the template words them, for the survey and for the mapping.
    static func optionText(_ label: String) -> String { label.prefix(1).uppercased() + label.dropFirst() }

    static let skipText = "Sla ik over"

    /// A mapping to start from, with the questionnaire's texts: one question per behaviour of the profile with the
    /// scale's answer options, the consent question and the name. Build the survey from it, or change the column
    /// heads to those of an existing survey.
    public static func template(
        profile: Profile, catalogue: Catalogue = .standard, scale: Scale = .standard
    )
        -> String
    {
        let quoted = ScanFile.quoted
        var lines = [
            "# LOB-spiegel: hoe een enquête-export op de zelfscan aansluit (formaatversie 1). Zie docs/survey.md.",
            "#",
            "# Zo maak je de enquête (Microsoft Forms, Google Forms, LimeSurvey):",
            "# 1. Een vraag 'Je naam' (tekst) en een vraag 'Wie mag je scan zien?' (keuze) met de drie antwoorden",
            "#    onder consentAnswers, letterlijk.",
            "# 2. Per gedragskenmerk onder behaviours een keuzevraag met precies die tekst, en als antwoorden de",
            "#    teksten onder answers (in Forms: een vraag per gedragskenmerk, of een Likert-vraag).",
            "# 3. Exporteer de antwoorden als CSV of .xlsx en lees ze in:",
            "#    lob import survey antwoorden.csv --mapping deze-mapping.yaml --team \"Naam van het team\" --dry-run",
            "# Heb je al een enquête? Zet dan rechts de kolomkoppen van je eigen export.",
            "# Hoofdletters, accenten en spaties tellen niet bij het vergelijken.",
            "formatVersion: 1",
            "profile: \(profile.id)",
            "# Datums als 03-04-2026 lezen als 3 april (dmy) of als 4 maart (mdy, een Amerikaanse export).",
            "dateOrder: dmy",
            "columns:",
            "  teacher: \(quoted("Je naam"))",
            "  consent: \(quoted("Wie mag je scan zien?"))",
            "  # Een teamkolom, als één enquête voor meer teams is; anders --team.",
            "  # team: \(quoted("Team"))",
            "  # De datum van invullen: Microsoft Forms 'Tijd van voltooien', Google Forms 'Tijdstempel',",
            "  # LimeSurvey 'Datum verstuurd'. Zonder datumkolom telt de dag van inlezen.",
            "  # date: \(quoted("Tijd van voltooien"))",
            "  # De gekozen leervoorkeur (kunst afkijken, participeren, kennis verwerven, oefenen, ontdekken):",
            "  # learningPreference: \(quoted("Hoe leer je het liefst?"))",
            "# De antwoorden op elke gedragsvraag en het niveau op de schaal van LOB-spiegel.",
            "answers:",
        ]
        lines += scale.levels.map { "  \(quoted(optionText($0.label))): \($0.value)" }
        lines.append("  \(quoted(skipText)): null   # niet beantwoord")
        lines.append("# De antwoorden op de toestemmingsvraag.")
        lines.append("consentAnswers:")
        lines += Consent.allCases.map {
            "  \(quoted(optionText($0.word) + ": " + $0.meaning)): \($0.rawValue)"
        }
        lines.append("# Per gedragskenmerk de vraag (de kolomkop in de export).")
        lines.append("behaviours:")
        lines += profile.scoredBehaviours(in: catalogue).map { "  \(quoted($0.id)): \(quoted("\($0.id) \($0.text)"))" }
        return lines.joined(separator: "\n") + "\n"
    }
}
