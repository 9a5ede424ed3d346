/// A short self-check that suggests a learning preference.
///
/// The seed names the five metaphors (Ruijters en Simons, 2004) but gives no questionnaire: these statements are
/// LOB-spiegel's own wording, three per metaphor, and the result is indicative, not the validated instrument.
public enum PreferenceCheck {
    public struct Statement: Sendable, Hashable {
        public let id: String
        public let preference: LearningPreference
        public let text: String
    }

    /// Shown with every result.
    public static let disclaimer =
        "Deze uitslag is een indicatie op grond van eigen stellingen van LOB-spiegel, niet het gevalideerde instrument van Ruijters. Je kunt de leervoorkeur zelf aanpassen."

    /// How much a teacher agrees with a statement.
    public static let agreement = ["helemaal niet", "een beetje", "grotendeels", "helemaal"]

    public static let statements: [Statement] = [
        Statement(
            id: "ka1", preference: .kunstAfkijken,
            text: "Ik leer het meest door te kijken hoe een ervaren collega het doet."),
        Statement(
            id: "ka2", preference: .kunstAfkijken,
            text: "Ik loop graag een dag mee met iemand die goed is in loopbaangesprekken."),
        Statement(
            id: "ka3", preference: .kunstAfkijken, text: "Een voorbeeld uit de praktijk zegt me meer dan een uitleg."),
        Statement(
            id: "pa1", preference: .participeren,
            text: "Ik leer het liefst samen met collega's, door ervaringen uit te wisselen."),
        Statement(id: "pa2", preference: .participeren, text: "In een werkgroep of netwerk kom ik op de beste ideeën."),
        Statement(
            id: "pa3", preference: .participeren,
            text: "Ik word pas eigenaar van iets als ik het met anderen heb uitgezocht."),
        Statement(
            id: "kv1", preference: .kennisVerwerven,
            text: "Ik wil eerst de achtergrond en de theorie begrijpen voordat ik iets doe."),
        Statement(
            id: "kv2", preference: .kennisVerwerven,
            text: "Een lezing van een expert of een goed boek helpt mij het meest."),
        Statement(
            id: "kv3", preference: .kennisVerwerven,
            text: "Ik lees graag de beleidsstukken en methoden voordat ik aan de slag ga."),
        Statement(
            id: "oe1", preference: .oefenen,
            text: "Ik leer door iets te oefenen in een veilige situatie waarin fouten mogen."),
        Statement(
            id: "oe2", preference: .oefenen,
            text: "Een gesprek naspelen met feedback van een trainer helpt mij vooruit."),
        Statement(id: "oe3", preference: .oefenen, text: "Ik herhaal een vaardigheid graag tot ik hem beheers."),
        Statement(id: "on1", preference: .ontdekken, text: "Ik spring graag in het diepe en zoek al doende mijn weg."),
        Statement(id: "on2", preference: .ontdekken, text: "Van onverwachte situaties in de klas leer ik het meest."),
        Statement(
            id: "on3", preference: .ontdekken,
            text: "Ik sta graag even stil bij wat me is overkomen en wat ik daarvan leer."),
    ]

    /// The five metaphors ordered by mean agreement (answers 1–4 by statement id); ties keep the seed's order.
    /// Metaphors without any answered statement come last.
    public static func ranking(_ answers: [String: Int]) -> [LearningPreference] {
        func mean(_ preference: LearningPreference) -> Double {
            let values = statements.filter { $0.preference == preference }.compactMap { answers[$0.id] }
            return values.isEmpty ? -1 : Double(values.reduce(0, +)) / Double(values.count)
        }
        return LearningPreference.allCases.enumerated()
            .sorted { lhs, rhs in
                let (a, b) = (mean(lhs.element), mean(rhs.element))
                return a != b ? a > b : lhs.offset < rhs.offset
            }
            .map(\.element)
    }
}
