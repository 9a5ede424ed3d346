/// How much each SBL competency applies to a role's LOB work in a school model: the "vijf sterrensysteem"
/// of seed 002 ch. 3 ("nauwelijks van toepassing n … volledig van toepassing nnnnn").
///
/// The text extraction lost the table's columns; the figures are a reading of it (docs/domain.md).
/// 0 means an empty cell: not applicable. Anything that uses them should say they are a reading.
public enum StarRatings {
    /// Shown wherever the figures are used.
    public static let readingNote =
        "De sterren zijn een lezing van de tabellen in 'LOB en professionaliseren in verschillende vormen en maten' (2011), hoofdstuk 3; de tekstversie verloor de kolommen."

    /// Stars (0–5) for a model, role and competency; 0 for roles without a column (schoolleiding, adjunct).
    public static func stars(model: SchoolModel.ID, role: Role, competency: Competency.ID) -> Int {
        guard let column = Role.starTableRoles.firstIndex(of: role),
            let rows = table[model], (1...7).contains(competency)
        else { return 0 }
        return rows[competency - 1][column]
    }

    /// Whether the table gives the role any star in that model.
    public static func hasStars(model: SchoolModel.ID, role: Role) -> Bool {
        Competency.all.contains { stars(model: model, role: role, competency: $0.id) > 0 }
    }

    /// Rows are competencies 1…7; columns are `Role.starTableRoles` (TL, D, M, V).
    static let table: [SchoolModel.ID: [[Int]]] = [
        .model1: [
            [0, 2, 1, 0],
            [0, 2, 1, 0],
            [0, 2, 0, 0],
            [0, 1, 0, 0],
            [0, 1, 0, 0],
            [0, 1, 1, 0],
            [0, 1, 0, 0],
        ],
        .model2: [
            [0, 3, 3, 0],
            [0, 3, 3, 2],
            [0, 4, 3, 2],
            [0, 3, 3, 2],
            [3, 3, 3, 2],
            [3, 3, 3, 2],
            [3, 2, 2, 2],
        ],
        .model3: [
            [0, 4, 4, 4],
            [0, 4, 4, 4],
            [0, 5, 4, 4],
            [0, 3, 4, 4],
            [5, 5, 4, 4],
            [3, 5, 4, 4],
            [4, 3, 4, 4],
        ],
    ]
}

/// A role's LOB competencies in one model (seed 002 ch. 3), each item classed as the seed sorts them.
public struct RoleCompetencyProfile: Sendable, Hashable, Codable {
    /// Knowledge (hoofd: "weet", "kent"), skill (handen: "kan") or attitude (hart: the rest).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case kennis, vaardigheid, houding

        public var label: String {
            switch self {
            case .kennis: "kennis (hoofd)"
            case .vaardigheid: "vaardigheden (handen)"
            case .houding: "houding (hart)"
            }
        }

        /// The seed's own rule: the verb that opens the item decides.
        public static func classify(_ text: String) -> Kind {
            let first = text.split(separator: " ").first.map { $0.lowercased() } ?? ""
            switch first {
            case "weet", "kent": return .kennis
            case "kan": return .vaardigheid
            default: return .houding
            }
        }
    }

    /// Model 3 keeps the competencies everyone in a function needs apart from those the team as a whole covers.
    public enum Tier: String, Sendable, Hashable, Codable {
        case basis, team
    }

    public struct Item: Sendable, Hashable, Codable {
        public let text: String
        public let kind: Kind
        public let tier: Tier

        init(_ text: String, tier: Tier = .basis) {
            self.text = text
            self.kind = Kind.classify(text)
            self.tier = tier
        }
    }

    public let model: SchoolModel.ID
    public let role: Role
    /// The heading as printed ("Kernteamlid vakdocent in model 3").
    public let title: String
    public let items: [Item]
}

extension RoleCompetencyProfile {
    private static func basis(_ texts: [String]) -> [Item] { texts.map { Item($0) } }
    private static func team(_ texts: [String]) -> [Item] { texts.map { Item($0, tier: .team) } }

    public static let all: [RoleCompetencyProfile] = [
        RoleCompetencyProfile(
            model: .model1, role: .decaan, title: "De decaan in model 1",
            items: basis([
                "weet hoe opleidingen, beroepen, de arbeidsmarkt in elkaar zitten",
                "kent de achtergrond van veel voorkomende loopbaanvragen",
                "weet dat het idee van een rationeel besluitvormingsproces beperkingen heeft",
                "weet hoe een (digitale) informatiebasis in te richten",
                "kan luisteren en vragen stellen",
                "kan een gespreksklimaat scheppen waarin de leerling zich veilig, gezien en gehoord voelt",
                "kan een kleine en grote groep op zo'n manier voorlichten dat de leerlingen, ouders/verzorgers, mentoren zelf actie kunnen ondernemen",
                "gaat respectvol om met de toekomstdroom van een leerling",
                "denkt regelmatig na over zijn beroepsopvattingen",
            ])),
        RoleCompetencyProfile(
            model: .model1, role: .mentor, title: "De klassendocent of mentor in model 1",
            items: basis([
                "kan luisteren en vragen stellen",
                "kan communiceren met ouders/verzorgers",
            ])),
        RoleCompetencyProfile(
            model: .model2, role: .teamleider, title: "De team- of afdelingsleider in model 2",
            items: basis([
                "kent de visie, doelen en de jaarplanning van LOB en weet hoe die samenhangen met de onderwijsvisie en doelen van de school",
                "kan doelgerichte gesprekken voeren met personeelsleden",
                "kan data verzamelen voor schoolleiding om LOB-beleid te evalueren",
                "kan mensen, materialen, ruimtes, scholingsbudget voor LOB toedelen, plannen en communiceren",
                "straalt openheid, duidelijkheid, rust, redelijkheid en regelmaat uit",
                "kijkt steeds 'fris' naar de eigen rol, naar de school en naar de plek van de school in de samenleving",
            ])),
        RoleCompetencyProfile(
            model: .model2, role: .decaan, title: "De decaan/LOB-coördinator in model 2",
            items: basis([
                "weet hoe opleidingen, beroepen en de arbeidsmarkt in elkaar zitten",
                "kent verschillende theorieën en actueel onderzoek op LOB-terrein en kan dit toepassen voor de eigen school",
                "weet een strategische LOB-visie en doelen op te stellen en met de schoolleiding het beleid en de wijze van monitoring vast te stellen",
                "weet ICT te hanteren voor informatie, communiceren, administratie, evaluatie en monitoring",
                "kan een flexibele jaarplanning en een werkplan maken en de uitvoering evalueren",
                "kan een LOB 'programma op maat' maken voor de verschillende afdelingen in de school",
                "kan doelgerichte gesprekken voeren met leerlingen en ouders/verzorgers in een veilig gespreksklimaat",
                "kan op veel verschillende manieren leerlingen bewust maken van hun capaciteiten, talenten, interesses, waarden en kan deze technieken overbrengen aan mentoren",
                "kan LOB-taken delegeren aan mentor en vakdocent",
                "daagt leerlingen uit verder te kijken dan hun horizon reikt en stimuleert hen actief op zoek te gaan naar wat daar achter ligt",
                "gebruikt organisatie niet als doel maar als middel om LOB te realiseren",
                "draagt uit: \u{201C}LOB doen we hier op school samen\u{201D}",
                "denkt regelmatig na over eigen 'denken, doen en laten' als decaan/LOB-coördinator",
            ])),
        RoleCompetencyProfile(
            model: .model2, role: .mentor, title: "De mentor in model 2",
            items: basis([
                "weet wanneer een leerlingen en/of ouders/verzorgers door te verwijzen naar de decaan/LOB-coördinator",
                "kent de achtergrond van studie- en beroepskeuze/loopbaanprocessen",
                "kan LOB-onderwerpen in de mentorles hanteren en zonodig de werkwijze aanpassen aan de klas",
                "kan de klas managen en het groepsproces beïnvloeden",
                "kan de loopbaanvoortgang van elke leerling in de gaten houden",
                "kan doelgerichte gesprekken voeren met leerlingen en ouders/verzorgers",
                "Is respectvol in dialoog met de leerling en diens ouders/verzorgers en laat deze onbekende mogelijkheden ontdekken",
            ])),
        RoleCompetencyProfile(
            model: .model2, role: .vakdocent, title: "De vakdocent in model 2",
            items: basis([
                "weet welke LOB-onderwerpen voorkomen in de kerndoelen en eindtermen van het eigen vak",
                "kan leerlingen een veilige leeromgeving bieden",
                "kan passende digitale en schriftelijke bronnen, gastdocenten en excursies plannen in de vakles om leerlingen te oriënteren op studie en beroep",
                "denkt regelmatig na over eigen 'denken, doen en laten' als vakdocent met een LOB-taak",
            ])),
        RoleCompetencyProfile(
            model: .model3, role: .vakdocent, title: "Kernteamlid vakdocent in model 3",
            items: basis([
                "kent het basisontwerp van een leereenheid en een gestructureerde leer- en werkomgeving",
                "kent de LOB-bronnen in de directe en wijdere schoolomgeving",
                "kan jongeren ruimte bieden en grenzen stellen",
                "kan feedback geven op de ambities en studieplannen van de jongere",
                "kan communiceren met leerlingen, ouders/verzorgers, collega's en anderen",
                "kan het eigen vak/leergebied vanuit de onderwijsprincipes van de school vertalen in levensecht leren waarbij het 'hier en nu', de actualiteit en de samenleving een hoofdrol spelen",
                "kan de juiste middelen gebruiken voor de beoogde pedagogische en didactische doelen",
                "stimuleert en motiveert jongeren",
                "is een 'teamplayer': luistert, staat open voor andermans ideeën, werkt actief mee, overlegt met anderen om zo samen doelen te bereiken en komt afspraken na",
                "wil zichzelf ontwikkelen ten gunst van de organisatie",
            ])
                + team([
                    "kan programma's en leereenheden ontwerpen, programma's waarin jongeren ervaren wat de betekenis voor hen kan zijn van een vervolgopleiding, beroep, arbeid, vrijwilligerswerk et cetera in een discipline",
                    "kan op een passend moment diverse externe LOB-bronnen plannen in een programma of leereenheid en het benodigde netwerk daarvoor opbouwen en onderhouden",
                    "kan de fysiek en mentaal krachtige leeromgeving in een programma of leereenheid voorbereiden en uitvoeren",
                    "kan de model- en coachrol voorbereiden en uitvoeren tijdens het levensecht leren",
                    "kan jongeren vooraf, tijdens en nadien begeleiden op het betekenis geven aan ervaringen voor het eigen loopbaanproces",
                    "is in staat de ander en zichzelf tot reflectie te brengen",
                ])),
        RoleCompetencyProfile(
            model: .model3, role: .mentor, title: "Kernteamlid mentor in model 3",
            items: basis([
                "kent uiteenlopende gespreks- en coachingstechnieken",
                "kan in klas of (kleine) groep LOB-activiteiten voorbereiden, begeleiden en evalueren",
                "kan vakoverstijgende, diepgaande reflectiegesprekken voeren met de jongere over diens loopbaan (inclusief welzijn, studievoortgang) en de invloed van de sociale omgeving",
                "kan, samen met de jongere, loopbaandoelen formuleren voor acties buiten LOB en onderzoeken 'wie' en 'wat' de jongeren daarbij zou kunnen helpen",
                "staat open voor jongeren en is actief uit op contact maken en houden",
                "toont begrip en respect voor de gevoelens en mening van de ander",
                "houdt het eigen handelen en persoonlijke denkbeelden voortdurend kritisch tegen het licht en stelt die bij",
            ])),
        RoleCompetencyProfile(
            model: .model3, role: .teamleider, title: "Teamvoorzitter in model 3",
            items: basis([
                "weet hoe leidinggeven en leiderschap te combineren",
                "kan situationeel leiding geven",
                "kan excellent mondeling en schriftelijk communiceren in een tweegesprek, kleine, grote en zeer grote groepen bestaande uit leerlingen, ouders/verzorgers, kernteamleden, collega teamvoorzitters, schoolleiding en anderen",
                "kan zichzelf en de ander tot reflectie brengen",
                "moedigt ieder kernteamlid aan om aantoonbaar, van en met elkaar te leren in een team",
                "plaatst de school, het onderwijs, de kernteamleden aanhoudend in de samenleving",
                "doorlopende verandering is voor hem gewoon",
            ])
                + team([
                    "kan in communicatie specialistische kennisgebieden en technieken toepassen, bijvoorbeeld NLP, intervisie, collegiale consultatie, technologische communicatie inclusief sociale media, loopbaangesprekken met kerngroepleden"
                ])),
        RoleCompetencyProfile(
            model: .model3, role: .decaan, title: "Decaan/LOB-coördinator in model 3",
            items: basis([
                "kent de theorie en praktijk van loopbaanontwikkeling als complex dynamisch systeem met meerdere leerprocessen en sociale impulsen",
                "weet een strategische LOB-visie en doelen op te stellen en, met de schoolleiding, het beleid en de wijze van monitoring vast te stellen",
                "weet ICT te hanteren voor informatie, communiceren, administratie, evaluatie en monitoring",
                "kent de 'state of the art' op het terrein van loopbaanontwikkeling plus inzicht in de toepassings(on)mogelijkheden in onderwijs/scholen",
                "kan een flexibele jaarplanning en een werkplan maken en de uitvoering evalueren",
                "kan een veelheid aan creatieve technieken gericht toepassen om jongeren bewust te maken, inzicht te verschaffen in loopbaanaspecten en de invloed van hun sociale omgeving daarbij",
                "kan uiteenlopende krachtige leeromgevingen inrichten voor loopbaanontwikkeling",
                "kan de teamvoorzitter voeden om samen met kernteamleden LOB-onderwerpen en kenmerken in het curriculum te borgen: van concept tot waarneembaar gedrag op de werkvloer",
                "draagt uit: \u{201C}hoe kan ik nuttig voor jou zijn om vooruit te komen?\u{201D}",
                "daagt jongeren uit hun hele leven kritisch naar zichzelf te kijken en open te blijven staan voor onverwachte mogelijkheden",
                "haalt voortdurend de samenleving de school in",
                "draagt uit: \u{201C}LOB doen we hier op school samen\u{201D}",
                "denkt regelmatig na over eigen 'denken, doen en laten' als decaan/LOB-coördinator",
            ])),
    ]
}
