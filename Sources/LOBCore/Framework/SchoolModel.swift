/// One of the three school models, the development stages of LOB in a school (seed 002 ch. 1).
public struct SchoolModel: Sendable, Hashable, Codable, Identifiable {
    /// `model1` De vakkenschool, `model2` De activerende school, `model3` De flexibele school.
    public enum ID: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CodingKeyRepresentable {
        case model1, model2, model3

        public var number: Int {
            switch self {
            case .model1: 1
            case .model2: 2
            case .model3: 3
            }
        }

        public static func < (lhs: ID, rhs: ID) -> Bool { lhs.number < rhs.number }
    }

    public let id: ID
    /// "De vakkenschool".
    public let name: String
    /// "Globaal gesproken staat: …" (seed 002, Inleiding).
    public let inShort: String
    /// The typering's opening paragraph (seed 002 ch. 1).
    public let typering: String
    /// The typering's bullets.
    public let kenmerken: [String]
}

extension SchoolModel {
    public static let all: [SchoolModel] = [
        SchoolModel(
            id: .model1, name: "De vakkenschool",
            inShort: "model 1 voor de vakkenschool, waar de decaan gelijkstaat aan LOB",
            typering:
                "In de visie van de vakkenschool betekent loopbaanoriëntatie en -begeleiding het voorbereiden van de leerlingen op het maken van keuzes tijdens hun opleiding en daarna. Op vastgestelde keuzemomenten in de opleiding krijgen leerlingen informatie over wat de mogelijkheden zijn en kunnen ze daaruit kiezen: het zogenaamde geïnformeerd kiezen. Op deze manier wordt de schoolloopbaan van de leerlingen per onderdeel/opleiding ingevuld.",
            kenmerken: [
                "Het curriculum is per vak ingericht. LOB is een zelfstandig en losstaand deskundigheidsgebied binnen de school.",
                "De decaan staat gelijk aan LOB.",
                "Loopbaanoriëntatie en -begeleiding wordt in de vakkenschool curatief ingezet: wanneer zich problemen voordoen.",
            ]),
        SchoolModel(
            id: .model2, name: "De activerende school",
            inShort: "model 2 voor de activerende school, waar de decaan en de mentoren de uitvoerders van LOB zijn",
            typering:
                "De activerende school stelt het leerproces van de leerlingen centraal en wil stimuleren dat leerlingen verantwoordelijkheid leren nemen in het sturen van hun leerproces. In loopbaanoriëntatie en -begeleiding blijkt dit uit de visie om het leren kiezen als vaardigheid te bevorderen. Loopbaanoriëntatie en -begeleiding is het goed voorbereiden van leerlingen op het maken van keuzes tijdens en bij afronding van hun opleiding met begrippen als zelfconceptverheldering, horizonverruiming en leren kiezen.",
            kenmerken: [
                "Binnen het curriculum is er sprake van vakdoorbrekende en geïntegreerde programma's: onder andere projectonderwijs en simulaties.",
                "De decaan en de mentoren zijn de uitvoerders van LOB.",
                "Loopbaanoriëntatie en -begeleiding wordt in de activerende school, zowel curatief als preventief ingezet.",
            ]),
        SchoolModel(
            id: .model3, name: "De flexibele school",
            inShort:
                "model 3 voor de flexibele school, waar docenten en mentoren de voornaamste uitvoerders van LOB zijn met een faciliterende rol van de decaan",
            typering:
                "In de visie van de flexibele school dient loopbaanoriëntatie en -begeleiding loopbaancompetenties te ontwikkelen, opdat jongeren in staat zijn verantwoordelijkheid te nemen voor hun eigen leer- en loopbaanproces. Loopbaanontwikkeling vindt plaats op vele momenten, daar waar jongeren in allerlei leerarrangementen betekenis kunnen geven aan ervaringen binnen opleiding en werk.",
            kenmerken: [
                "LOB is vervlochten met het curriculum. LOB is een proces van continue betekenisverlening.",
                "Docenten en mentoren zijn de voornaamste uitvoerders van LOB met een faciliterende rol van de decaan.",
                "Loopbaanoriëntatie en -begeleiding is in de flexibele school preventief en optimaliserend: er vindt afstemming plaats met de leer- en loopbaanvragen van de jongere plaats om zowel problemen voor te zijn als om motivatie en betekenis van onderwijs voor de jongere te verhogen.",
            ]),
    ]

    /// The seed's warning that the model is observed, not chosen (seed 002, Inleiding).
    public static let howToDetermine =
        "Of model 1, 2 of 3 van toepassing is, is niet een kwestie van jouw voorkeur als decaan maar van goed kijken en luisteren naar hoe er door de leidinggevenden en collega's over de leerlingen en het onderwijs wordt gedacht en naar de manier waarop de school is georganiseerd."
}

/// One of the four pillars of LOB under which the 12 aspects fall (seed 002 ch. 1).
public struct Pillar: Sendable, Hashable, Codable, Identifiable {
    public enum ID: String, Sendable, Hashable, Codable, CaseIterable {
        case visieEnBeleid, orientatieEnBegeleiding, organisatie, samenwerking
    }

    public let id: ID
    /// As printed in the overview table (capitals).
    public let name: String

    public static let all: [Pillar] = [
        Pillar(id: .visieEnBeleid, name: "VISIE EN BELEID"),
        Pillar(id: .orientatieEnBegeleiding, name: "ORIËNTATIE EN BEGELEIDING"),
        Pillar(id: .organisatie, name: "ORGANISATIE"),
        Pillar(id: .samenwerking, name: "SAMENWERKING"),
    ]
}

/// One of the 12 aspects on which the overview table describes each school model (seed 002 ch. 1).
public struct Aspect: Sendable, Hashable, Codable, Identifiable {
    public let id: Int
    public let pillar: Pillar.ID
    public let name: String
    /// The table cell for each model: how a school of that model works on this aspect.
    public let descriptions: [SchoolModel.ID: String]

    public func description(for model: SchoolModel.ID) -> String { descriptions[model] ?? "" }
}

extension Aspect {
    public static let all: [Aspect] = [
        Aspect(
            id: 1, pillar: .visieEnBeleid, name: "Visie op en doel(en) van loopbaanoriëntatie en -begeleiding (LOB)",
            descriptions: [
                .model1: "Geïnformeerd kiezen in en aan het eind van de school",
                .model2: "Idem en vaardiger worden in het leren kiezen",
                .model3:
                    "Ontwikkelen van loopbaancompetenties, opdat leerlingen in staat zijn verantwoordelijkheid te nemen voor eigen leer- en loopbaanproces",
            ]),
        Aspect(
            id: 2, pillar: .visieEnBeleid, name: "Draagvlak en leiderschap",
            descriptions: [
                .model1:
                    "Schoolleiding delegeert LOB aan decaan, als de deskundige op het gebied van voorlichting en studie en beroepskeuze",
                .model2:
                    "Schoolleider heeft LOB in portefeuille, zet de hoofdlijn uit en delegeert het maken en uitvoeren van een werkplan aan decaan/LOB-coördinator",
                .model3: "Gedeelde verantwoordelijkheid van schoolleider en decaan/LOB-coördinator",
            ]),
        Aspect(
            id: 3, pillar: .visieEnBeleid, name: "Beleid",
            descriptions: [
                .model1: "In beleidsdocumenten zijn LOB-visie en doelen vaak impliciet",
                .model2:
                    "De LOB-visie en doelen zijn expliciet beschreven in beleidsdocumenten en vallen binnen de begeleidingsstructuur",
                .model3:
                    "De LOB-visie en doelen versterken de onderwijskundige en organisatiekundige visie en doelen: LOB grotendeels geïntegreerd in het totale onderwijs",
            ]),
        Aspect(
            id: 4, pillar: .visieEnBeleid, name: "Een LOB-werkplan",
            descriptions: [
                .model1:
                    "De decaan maakt een eigen jaarplanning: LOB vindt plaats in de periodes dat leerlingen keuzes moeten maken",
                .model2:
                    "De formele jaarplanning van de decaan is gekoppeld aan de jaarplanning van de school: LOB start enige tijd voordat leerlingen keuzes moeten maken",
                .model3:
                    "De formele jaarplanning LOB is opgenomen en uitgewerkt in een werkplan voor multidisciplinaire kernteams: team- of afdelingsleider, vakdocenten, mentoren en decaan/LOB-coördinator",
            ]),
        Aspect(
            id: 5, pillar: .orientatieEnBegeleiding, name: "De inhoud van LOB",
            descriptions: [
                .model1:
                    "Wordt bepaald door de informatie van vervolgopleidingen die leerlingen nodig hebben om een keuze te kunnen maken",
                .model2:
                    "Is erop gericht dat leerlingen kennis en inzicht verwerven in wat ze kunnen en willen. Daarnaast aandacht aan het leren kiezen, nu en in de toekomst",
                .model3:
                    "Bestaat uit het onderzoeken van de eigen kwaliteiten, interesses tijdens het opdoen van tal van ervaringen: een continu proces van betekenisverlening en stappen zetten",
            ]),
        Aspect(
            id: 6, pillar: .orientatieEnBegeleiding, name: "De vorm van LOB in het curriculum",
            descriptions: [
                .model1:
                    "Op vastgestelde keuzemomenten verzorgt de decaan als gastdocent voorlichting en keuzelessen. Ad hoc en op verzoek van leerling/ouders of op doorverwijzing van een collega vinden gesprekken plaats met decaan",
                .model2:
                    "In de mentorlessen worden de LOB-lessen verzorgd door de mentor. Decaan stuurt aan met behulp van een LOB-methode",
                .model3:
                    "Het opdoen van zoveel mogelijk ervaringen op gebied van opleidingen en werk. Docenten en begeleiders reflecteren met de leerling op de betekenis ervan voor de eigen loopbaan",
            ]),
        Aspect(
            id: 7, pillar: .orientatieEnBegeleiding, name: "Krachtige (loopbaangerichte) leeromgeving",
            descriptions: [
                .model1: "In de klas met opdrachten",
                .model2:
                    "Daar waar mogelijk een krachtige leeromgeving: gesimuleerde praktijksituaties, werken in projecten. Iedereen hetzelfde LOB-menu",
                .model3:
                    "Krachtige loopbaangerichte leeromgeving: praktijknabij, functioneel, levensecht, dialoog en maatwerk",
            ]),
        Aspect(
            id: 8, pillar: .organisatie, name: "Advisering en loopbaanbesluitvorming",
            descriptions: [
                .model1: "Op basis van cognitie en houding bindend advies",
                .model2:
                    "Op basis van cognitie, interesse, vaardigheden en houding bindend advies over niveau leerweg, ruimte voor keuze (intra)sector, resp. profiel en vakken",
                .model3:
                    "De gehele leerling is in beeld: cognitie, leerstijl, affiniteit, vaardigheden en attitude. Open overleg met ouders/verzorgers en leerling",
            ]),
        Aspect(
            id: 9, pillar: .organisatie, name: "Rollen en taken in de school",
            descriptions: [
                .model1:
                    "Twee verwijzingsstappen rond vragen over loopbaan: van klassendocent/mentor naar decaan (eerste lijn) en van decaan naar externe bureaus (tweede lijn)",
                .model2:
                    "Drie lijnenmodel met drie verwijzingsstappen rond vragen over de loopbaan: mentor (eerste lijn), decaan/LOB-coördinator (tweede lijn) en externen (derde lijn)",
                .model3:
                    "Decaan/LOB-coördinator maakt geen onderdeel uit van kernteam, heeft staffunctie en ondersteunt collega's en leerlingen op LOB-gebied",
            ]),
        Aspect(
            id: 10, pillar: .organisatie, name: "Professionalisering",
            descriptions: [
                .model1: "Deskundigheidsbevordering op verzoek van decaan: ad hoc",
                .model2:
                    "Specifieke en relevante nascholing en training van uitvoerders van LOB zijn als doelstellingen benoemd",
                .model3:
                    "Professionalisering is gericht op brede competentieontwikkeling, diverse vormen van deskundigheidsbevordering worden ingezet",
            ]),
        Aspect(
            id: 11, pillar: .samenwerking, name: "Ouders en verzorgers",
            descriptions: [
                .model1: "Worden geïnformeerd",
                .model2: "Worden zoveel mogelijk betrokken bij LOB",
                .model3:
                    "Zijn als partners en rolmodellen in de loopbaanontwikkeling van hun eigen kind als dat van andere leerlingen op school",
            ]),
        Aspect(
            id: 12, pillar: .samenwerking, name: "Externe partijen",
            descriptions: [
                .model1:
                    "Is meer intern gericht, samenwerking rond stages, voorlichting en overdracht naar vervolgopleiding",
                .model2:
                    "Vakdocenten, mentoren en decaan/LOB-coördinator hebben ieder eigen externe relaties. Regelmatig overleg rond vormen van stages, voorlichting en meeloopactiviteiten en afstemming overdracht- en intakeprocedures",
                .model3:
                    "Structurele samenwerkingsrelaties met bedrijven, (overheids)instellingen en vervolgonderwijs. Uitgangspunt: hoe kunnen we gezamenlijk de loopbaanontwikkeling van jongeren optimaal ondersteunen?",
            ]),
    ]
}
