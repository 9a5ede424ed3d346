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
