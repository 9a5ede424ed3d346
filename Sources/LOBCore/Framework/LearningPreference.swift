/// The five learning-preference metaphors of Ruijters en Simons (2004), as seed 002 describes them
/// ("Individuele leervoorkeuren van kernteamleden").
public enum LearningPreference: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    case kunstAfkijken, participeren, kennisVerwerven, oefenen, ontdekken

    /// 1…5 in the seed's order.
    public var number: Int { (Self.allCases.firstIndex(of: self) ?? 0) + 1 }

    /// "kunst afkijken".
    public var name: String {
        switch self {
        case .kunstAfkijken: "kunst afkijken"
        case .participeren: "participeren"
        case .kennisVerwerven: "kennis verwerven"
        case .oefenen: "oefenen"
        case .ontdekken: "ontdekken"
        }
    }

    /// The seed's paragraph on this metaphor.
    public var description: String {
        switch self {
        case .kunstAfkijken:
            "Bij docenten die graag de kunst afkijken vormt de dagelijkse praktijk de beste leeromgeving. 'Ze leren door goed te observeren en van anderen te horen wat werkt. Ze analyseren wat wel en niet tot succes leidt en wat bruikbaar is en passen dat zelf toe'. Voor deze docenten zijn de passende professionaliseringsvormen 'meedraaien in een groep van een getalenteerde LOB-collega of een loopbaangesprek afkijken van een bedreven decaan'. Ook een werkbezoek aan een andere school of zelfs in een ander land hoort hierbij."
        case .participeren:
            "De kracht van leren via participeren zit in het leren met en van elkaar: het is de sociale kant van het leren. Hierbij biedt bijvoorbeeld de LOB-scan mogelijkheden: door het gezamenlijk onderzoeken van het thema loopbaanoriëntatie en -begeleiding, het uitproberen en het bespreken en waarderen van de ervaringen worden medewerkers tevens 'eigenaar' van LOB. Daarbij kan in de beginfase de eigen loopbaanontwikkeling als mogelijk thema worden genomen; in interactie ontdekt een ieder de eigen betekenis ervan en kan vervolgens parallellen trekken met de LOB-ondersteuning die zij de leerlingen bieden. Naast de mogelijkheid om participeren aan te grijpen in de school, is er ook het thematische netwerken bovenschools."
        case .kennisVerwerven:
            "De medewerkers die graag kennis verwerven, verlangen een heldere en duidelijke overdracht van alles rond LOB, bij voorkeur van experts. Achtergrondliteratuur over benaderingen van LOB en onderzoek, (buitenlandse) conferenties met lezingen en posterpresentaties dragen daar verder aan bij. Om in school aan de slag te gaan, bestuderen zij de belangrijkste documenten: LOB-visie en doelen, inhouden, methoden, instrumenten, organisatie en samenwerking met ketenpartners."
        case .oefenen:
            "Voor medewerkers die graag willen oefenen is er een 'oefenruimte' nodig die veilig genoeg is om fouten te mogen maken. In een training kan die ruimte geboden worden, waarbij de trainer de oefensituatie inricht naar de leervragen van de oefenende docent. In een trainingssituatie kan met voldoende rust reflectie plaatsvinden op getoonde competenties. Het oefenen van het voeren van groeps- en individuele gesprekken zijn aansprekende vormen van professionalisering voor deze groep docenten."
        case .ontdekken:
            "Docenten die een leervoorkeur hebben voor het ontdekkend leren, leren graag van de dagelijkse gang van zaken en onverwachte gebeurtenissen, ze zijn nieuwsgierig, springen in het diepe en zoeken en sturen graag al lerende hun eigen pad bij. Reflectiemomenten buiten school, maar ook georganiseerd binnen het kernteam zijn hierbij noodzakelijk."
        }
    }

    /// The forms of professionalisation the seed names as fitting this metaphor, in its words.
    public var fittingForms: [String] {
        switch self {
        case .kunstAfkijken:
            [
                "meedraaien in een groep van een getalenteerde LOB-collega",
                "een loopbaangesprek afkijken van een bedreven decaan",
                "een werkbezoek aan een andere school of zelfs in een ander land",
            ]
        case .participeren:
            [
                "het gezamenlijk onderzoeken van het thema loopbaanoriëntatie en -begeleiding (de LOB-scan)",
                "de eigen loopbaanontwikkeling als mogelijk thema",
                "het thematische netwerken bovenschools",
            ]
        case .kennisVerwerven:
            [
                "een heldere en duidelijke overdracht van alles rond LOB, bij voorkeur van experts",
                "achtergrondliteratuur over benaderingen van LOB en onderzoek",
                "(buitenlandse) conferenties met lezingen en posterpresentaties",
                "de belangrijkste documenten bestuderen: LOB-visie en doelen, inhouden, methoden, instrumenten, organisatie en samenwerking met ketenpartners",
            ]
        case .oefenen:
            [
                "een training waarbij de trainer de oefensituatie inricht naar de leervragen van de oefenende docent",
                "het oefenen van het voeren van groeps- en individuele gesprekken",
            ]
        case .ontdekken:
            [
                "leren van de dagelijkse gang van zaken en onverwachte gebeurtenissen",
                "reflectiemomenten buiten school",
                "reflectiemomenten georganiseerd binnen het kernteam",
            ]
        }
    }

    /// The seed's warning that not everything can be learned in one's preferred way.
    public static let caveat =
        "Van belang hierbij is ook dat niet alles op basis van eigen leervoorkeur 'geleerd' kan worden. Wat het belang is van de organisatie op bijvoorbeeld beleidsveranderingen of professionaliseringsbeleid kun je niet leren door oefenen. Goede gesprekstechnieken leer je niet alleen uit een boekje."

    public static let source = "Ruijters en Simons (2004)"
}
