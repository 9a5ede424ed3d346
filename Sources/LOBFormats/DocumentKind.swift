import Foundation

/// The kinds of YAML file LOB-spiegel reads, told apart by their top-level keys. A file of another kind is named for
/// what it is ("dit is een profiel, geen scanbestand") and a file that is none of them (a system file, someone's
/// configuration) is refused in one line: its keys are never listed, since they are an excerpt of a file that is not
/// ours.
public enum DocumentKind: CaseIterable, Sendable {
    case scan, feedback, profile, catalogue, schoolScan, surveyMapping, logbook, reactions

    /// Every top-level key the kind allows.
    public var keys: Set<String> {
        switch self {
        case .scan:
            [
                "formatVersion", "teacher", "team", "profile", "date", "consent", "portraitPosition",
                "learningPreference", "scores",
            ]
        case .feedback:
            ["formatVersion", "response", "feedbackFor", "group", "profile", "date", "moment", "ratings", "remarks"]
        case .profile:
            [
                "formatVersion", "id", "title", "role", "model", "description", "target", "targets", "weights",
                "weightSource", "behaviours", "ownBehaviours", "costs", "pupilStatements",
            ]
        case .catalogue: ["formatVersion", "title", "example", "note", "forms", "requirements", "schoolYear"]
        case .schoolScan: ["formatVersion", "school", "schoolYear", "date", "aspects"]
        case .surveyMapping:
            ["formatVersion", "profile", "dateOrder", "columns", "answers", "consentAnswers", "behaviours"]
        case .logbook:
            [
                "formatVersion", "logbookOf", "consent", "team", "schoolYear", "date", "learningPreference", "planned",
                "activities", "goals",
            ]
        case .reactions: ["formatVersion", "reactionsOf", "planScan", "reactions"]
        }
    }

    /// The keys no other kind has: one of them tells the kind.
    var ownKeys: Set<String> {
        Self.allCases.filter { $0 != self }.reduce(keys) { $0.subtracting($1.keys) }
    }

    /// "scanbestand", after "geen".
    var noun: String {
        switch self {
        case .scan: "scanbestand"
        case .feedback: "feedbackbestand"
        case .profile: "profiel"
        case .catalogue: "catalogus van scholingsvormen"
        case .schoolScan: "schoolscan"
        case .surveyMapping: "mapping van een enquête"
        case .logbook: "logboek"
        case .reactions: "bestand met reacties"
        }
    }

    /// "een profiel (lob profiles validate)": what it is and which command reads it.
    var named: String {
        switch self {
        case .scan: "een scanbestand (lob scan --answers, lob team import)"
        case .feedback: "een feedbackbestand (lob feedback import)"
        case .profile: "een profiel (lob profiles validate, --profiles)"
        case .catalogue: "een catalogus van scholingsvormen (lob plan --costs)"
        case .schoolScan: "een schoolscan (lob schoolscan --answers)"
        case .surveyMapping: "een mapping van een enquête (lob import survey --mapping)"
        case .logbook: "een logboek (lob evaluation import)"
        case .reactions: "een bestand met reacties (lob plan react --file)"
        }
    }

    /// Why a document with these top-level keys is not of this kind, or `nil` when it is (or is one with mistakes
    /// in it, which the reader names key by key). Without any of the kind's own keys, it is another kind when it
    /// has one of that kind's own keys, and no LOB-spiegel file at all when it has no `formatVersion` either.
    func refusal(keys found: Set<String>) -> String? {
        guard found.isDisjoint(with: ownKeys) else { return nil }
        let other = Self.allCases.filter { $0 != self }.max {
            $0.ownKeys.intersection(found).count < $1.ownKeys.intersection(found).count
        }
        if let other, !other.ownKeys.isDisjoint(with: found) { return "dit is \(other.named), geen \(noun)" }
        guard !found.contains("formatVersion") else { return nil }
        return "is geen \(noun): het heeft geen van de sleutels \(ownKeys.sorted().joined(separator: ", "))"
    }
}

extension NodeReader {
    /// The top of a document of `kind`: a mapping of the kind's keys. A file of another kind, or of none, is refused
    /// in one line that quotes nothing from it; otherwise every unknown or duplicate key is named.
    public func document(_ kind: DocumentKind) throws(FormatError) -> [(key: String, value: NodeReader)] {
        guard let mapping = node.mapping else {
            throw FormatError(
                file: file,
                "is geen \(kind.noun): verwacht sleutels met waarden (YAML), gevonden \(node.scalar != nil ? "losse tekst" : "een lijst")"
            )
        }
        let keys = Set(mapping.compactMap { $0.key.scalar?.string })
        if let refusal = kind.refusal(keys: keys) { throw FormatError(file: file, refusal) }
        return try self.mapping(allowed: kind.keys)
    }
}
