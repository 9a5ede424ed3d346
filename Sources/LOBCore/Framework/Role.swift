/// The roles of those involved in LOB in a school (seed 002 ch. 2 and 3).
public enum Role: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable, Comparable {
    case schoolleiding
    case adjunctdirecteur
    /// Team- of afdelingsleider; in model 3 the teamvoorzitter.
    case teamleider
    /// Decaan or LOB-coördinator.
    case decaan
    /// Klassendocent or mentor.
    case mentor
    case vakdocent

    /// The role's general name; `name(in:)` gives the model's own word where it differs.
    public var name: String {
        switch self {
        case .schoolleiding: "schoolleiding/directeur"
        case .adjunctdirecteur: "adjunct- of locatiedirecteur"
        case .teamleider: "team- of afdelingsleider"
        case .decaan: "decaan/LOB-coördinator"
        case .mentor: "klassendocent/mentor"
        case .vakdocent: "vakdocent"
        }
    }

    /// Model 3 speaks of the teamvoorzitter; the other models of the team- of afdelingsleider.
    public func name(in model: SchoolModel.ID) -> String {
        self == .teamleider && model == .model3 ? "teamvoorzitter" : name
    }

    /// The four roles that have a column in the SBL star tables (seed 002 ch. 3).
    public static let starTableRoles: [Role] = [.teamleider, .decaan, .mentor, .vakdocent]

    public static func < (lhs: Role, rhs: Role) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        Self.allCases.firstIndex(of: self) ?? 0
    }
}

/// A role's *Rol* line and *Taken* in one school model (seed 002 ch. 2), under the seed's own heading.
public struct RoleDescription: Sendable, Hashable, Codable {
    public let model: SchoolModel.ID
    public let role: Role
    /// The heading as printed ("Adjunct directeur met portefeuille leerlingbegeleiding en -zorg").
    public let title: String
    public let rol: String
    /// Text after "Taken" before any bullets ("naar eigen inzicht"), if any.
    public let takenIntro: String?
    public let taken: [String]
}

extension RoleDescription {
    public static let all: [RoleDescription] = [
        // MARK: Model 1 – De vakkenschool
        RoleDescription(
            model: .model1, role: .schoolleiding, title: "Schoolleiding/directeur",
            rol: "draagt formeel eindverantwoordelijkheid voor LOB in de school.", takenIntro: "naar eigen inzicht.",
            taken: []),
        RoleDescription(
            model: .model1, role: .adjunctdirecteur, title: "Adjunct of locatiedirecteur/leider",
            rol: "geen.", takenIntro: nil, taken: []),
        RoleDescription(
            model: .model1, role: .teamleider, title: "Team- of afdelingsleider",
            rol: "geen.", takenIntro: nil, taken: []),
        RoleDescription(
            model: .model1, role: .decaan, title: "Decaan",
            rol: "gedelegeerde verantwoordelijkheid voor LOB in de school.", takenIntro: "naar eigen inzicht",
            taken: [
                "opstellen van een jaarplanning decanaat;",
                "verzorgen van (individuele) voorlichting aan leerling en ouders/verzorgers over mogelijkheden in en na school en aansluitingsactiviteiten door vervolgopleidingen;",
                "voorlichting aan leerlingen verzorgen als gastdocent in bijvoorbeeld de uren van de klassendocent;",
                "voorlichtingsactiviteiten over mogelijkheden in en na school, uitgevoerd door derden;",
                "onderhouden van de loopbaan-informatiebasis in school;",
                "onderhouden van contacten met vervolgopleidingen, bedrijfsleven/instellingen en decanenkring: zowel voor onderhouden eigen expertise als voor voorlichtingsactiviteiten;",
                "waar locaal aanwezig: leerlingen doorverwijzen naar externe loopbaanadviseurs.",
            ]),
        RoleDescription(
            model: .model1, role: .mentor, title: "Klassendocent",
            rol: "geen of nauwelijks op het gebied van LOB.", takenIntro: "naar eigen inzicht",
            taken: [
                "aanwezig zijn bij de voorlichting aan leerling en ouders/verzorgers over mogelijkheden in en na school;",
                "decaan toelaten of uitnodigen als gastdocent met voorlichting in eigen vak/klassendocent uur;",
                "doorverwijzen leerling en ouders/verzorgers naar decaan indien leerling de school dient te verlaten of indien leerling niet tot een keuze blijkt te kunnen komen.",
            ]),
        RoleDescription(
            model: .model1, role: .vakdocent, title: "Vakdocent",
            rol: "geen op het gebied van LOB.", takenIntro: nil, taken: []),

        // MARK: Model 2 – De activerende school
        RoleDescription(
            model: .model2, role: .schoolleiding, title: "Schoolleiding/directeur",
            rol: "draagt formeel eindverantwoordelijkheid voor LOB in de school.", takenIntro: nil,
            taken: [
                "het behartigen van de portefeuille leerlingbegeleiding en -zorg inclusief LOB door toewijzing aan een adjunct."
            ]),
        RoleDescription(
            model: .model2, role: .adjunctdirecteur,
            title: "Adjunct directeur met portefeuille leerlingbegeleiding en -zorg",
            rol:
                "draagt eindverantwoordelijkheid voor LOB in de school als onderdeel van de portefeuille leerlingbegeleiding & -zorg.",
            takenIntro: nil,
            taken: [
                "delegeert het expliciteren van LOB-visie en doelen en het vaststellen van de jaarplanning aan de decaan, eventueel via de coördinator leerlingbegeleiding & -zorg;",
                "neemt initiatief naar decaan wat LOB aanpak betreft, indien bijvoorbeeld intern blijkt (uit bijvoorbeeld klachten van team-/afdelingsleiders, de cijfers van leerlingen, de interne switchers) dat LOB niet of onvoldoende preventief werkt;",
                "stelt met de schoolleiding in het taakbeleid de rollen, taken en verantwoordelijkheden, waaronder overlegmomenten, vast van de uitvoerders in LOB: decaan/LOB-coördinator, mentor en eventueel vakdocent;",
                "stelt vast welke vaste middelen (tijd -ook in het rooster-, mensen, technologie, vierkante meters) beschikbaar of nodig zijn. En stelt, zo nodig in overleg met decaan, welke variërende middelen nodig zijn voor instrumenten, inschakeling derden (vervolgopleidingen, bedrijfsleven) voor leerlingen, plus de gerichte LOB-professionalisering van begeleiders;",
                "stelt met de schoolleiding vast in hoeverre en op welke wijze LOB onderdeel is van het personeelsbeleidsplan met beoordelings-, functionerings-, scholings- en competentiebeleid: met aandacht voor promotie en functiedifferentiatie (functiemix). Aspirant decanen kunnen intern solliciteren;",
                "indien van toepassing: initiëren en (doen) onderhouden van instrumentele relaties met externe partijen als bedrijfsleven, vervolgonderwijsinstellingen. Deze relaties dienen om werk- en/of onderwijsoriëntatie door leerlingen en onderwijsstaf mogelijk te maken.",
            ]),
        RoleDescription(
            model: .model2, role: .adjunctdirecteur, title: "Adjunct of locatiedirecteur/leider",
            rol:
                "structurerend leiding geven aan de uitvoering van het schoolbeleid op het deel van de school waar hij/zij verantwoordelijk voor is.",
            takenIntro: nil,
            taken: [
                "coördineren en (doen) uitvoeren van taakbeleid en indien van toepassing personeelsbeleidsplan met betrekking tot LOB-uitvoerders;",
                "coördineren en (doen) uitvoeren van de toegekende LOB-middelen;",
                "stelt vast of er intern of extern klachten, ongenoegen, onregelmatigheden, onduidelijkheden leven die nadere regels of beleidsafspraken vereisen van de schoolleiding.",
            ]),
        RoleDescription(
            model: .model2, role: .teamleider, title: "Team- of afdelingsleider",
            rol:
                "operationeel leiding geven aan de uitvoering van het schoolbeleid op het deel van de school waar hij/zij verantwoordelijk voor is.",
            takenIntro: nil,
            taken: [
                "uitvoeren van taakbeleid en indien van toepassing personeelsbeleidsplan met betrekking tot LOB-uitvoerders;",
                "uitvoeren van de toegekende LOB-middelen;",
                "vaststellen of er intern of extern klachten, ongenoegen, onregelmatigheden, onduidelijkheden leven die nadere regels of beleidsafspraken vereisen van de schoolleiding.",
            ]),
        RoleDescription(
            model: .model2, role: .decaan, title: "Decaan/LOB-coördinator",
            rol: "gedelegeerde eindverantwoordelijkheid voor LOB in de school.", takenIntro: nil,
            taken: [
                "op verzoek van schoolleiding, opstellen van strategische LOB-visie, doelen en het beleid om preventief te (gaan) werken. Dit beleidsplan dient de schoolleiding onder meer als informatiebron bij het vaststellen van het taakbeleid, personeelsbeleidsplan en de toekenning van middelen;",
                "structurerend uitwerken van de LOB-visie, doelen en beleid in een jaarplanning LOB die past binnen de jaarplanning van de school;",
                "uitwerken van jaarplanning naar een eigen operationeel werkplan met een opsomming van activiteiten, inclusief ontwikkelinitiatieven. Bij aanwezigheid van meer decanen/LOB-coördinatoren is het totaal van de verschillende werkplannen hét LOB-werkplan;",
                "samenstellen van een LOB-programma voor leerling enouders/verzorgers waarbij mentor, decaan/LOB-coördinator en eventueel vakdocent zijn ingeschakeld. Het beperkt opdoen van ervaringen wat betreft werk en vervolgopleiding is uitbesteed aan bedrijfsleven en vervolgopleidingen;",
                "(doen) verzorgen van (individuele) voorlichting aan leerling en ouders/verzorgers over mogelijkheden in en na school en het vrijwillig deelnemen aan aansluitingsactiviteiten van vervolgopleidingen;",
                "onderhouden van loopbaan-informatiebasis in school;",
                "instrueren en coachen van en overleggen met mentoren en docenten bij de uitvoering van hun LOB-taak in de les en in de (vakoverstijgende) gesprekken;",
                "via schoolleiding vakdocent inschakelen voor aandeel in LOB-programma;",
                "onderhouden van contacten met vervolgopleidingen, bedrijfsleven/instellingen en decanenkring: zowel voor onderhouden eigen expertise, als voor aansluitingsactiviteiten, als voor exploratie van leerling en onderwijspersoneel van werk en vervolgopleiding;",
                "waar aanwezig: leerlingen doorverwijzen naar externe loopbaanadviseurs via zorgcoördinator.",
            ]),
        RoleDescription(
            model: .model2, role: .mentor, title: "Mentor",
            rol: "eerste in lijn voor de loopbaanoriëntatie en –begeleiding van de leerling in zijn/haar klas.",
            takenIntro: nil,
            taken: [
                "uitvoeren van LOB-lessen in het mentoruur;",
                "individueel, vakoverstijgend begeleiden van de leerling bij loopbaankeuzes door gesprekken, waar mogelijk met behulp van een loopbaandossier;",
                "klassikaal en individueel ouders/verzorgers voorlichten over de mogelijkheden in en na school en wat dit voor hun kind betekent;",
                "doorverwijzen leerling en ouders/verzorgers naar decaan bij een complexe, tijdrovende vraag of situatie van leerling en/of ouders/verzorgers;",
                "toelichten van voorkeuren van de leerling bij de determinatievergadering;",
                "indien van toepassing: overleg met leerling en ouders/verzorgers over het advies van het docententeam met betrekking tot een volgend schooljaar of de vervolgopleiding.",
            ]),
        RoleDescription(
            model: .model2, role: .vakdocent, title: "Vakdocent",
            rol: "leggen van de relatie van het vak met beroep en opleiding.", takenIntro: nil,
            taken: [
                "indien opgedragen door schoolleiding: tenminste eenmalig leggen van de relatie met beroep en opleiding. Dat kan op verschillende manieren: de methode, een project met bedrijfsleven of vervolgopleiding, het sector- of profielwerkstuk."
            ]),

        // MARK: Model 3 – De flexibele school
        RoleDescription(
            model: .model3, role: .schoolleiding, title: "Schoolleiding/directieteam",
            rol: "draagt formeel eindverantwoordelijkheid voor LOB en geeft leiding aan LOB in de school.",
            takenIntro: nil,
            taken: [
                "neemt initiatief naar decaan of LOB-coördinator indien de externe omgeving of interne impulsen vragen om een heroverweging van LOB op strategisch, structurerend en/of operationeel niveau;",
                "consultatie van decaan of LOB-coördinator, bij begeleiders en onderwijsgevenden op een kader voor een visie, doelen en beleid wat betreft LOB die de onderwijsvisie van en het onderwijs in de school verder versterken. De schoolleiding heeft ideeën, moedigt 'wilde' ideeën spontaan aan, nodigt uit tot opmerkingen en suggesties op achtereenvolgende versies van het LOB-kader en leidt het proces om te komen tot besluitvorming op LOB-visie, doelen en beleid door consensus;",
                "draagt met leden in directieteam, waaronder adjuncten of locatieleiders, de visie op LOB uit naar begeleiders en onderwijsgevenden, ouders/verzorgers en externe partijen en deelt met hen ook de voortgang in het proces;",
                "stelt met het directieteam in het taakbeleid de rollen, taken en verantwoordelijkheden van de uitvoerders in LOB vast (waaronder onderlinge communicatiemomenten): decaan, mentor en vakdocent;",
                "stelt vast welke middelen (tijd, mensen, technologie, gespreksruimtes, instrumenten, inschakeling derden) beschikbaar of nodig zijn;",
                "beslist in overleg met de decaan/LOB-coördinator of en hoe gerichte LOB-professionalisering (scholings- en competentiebeleid) van begeleiders en onderwijsgevenden moet en kan plaatsvinden in de vorm van: training, nascholing, supervisie, studiebezoek/reis, deelname aan lerende netwerken, uitvoeren van actieonderzoek, uitwisseling van docenten met externe partijen;",
                "stelt met het directieteam vast in welke mate en op welke wijze LOB-onderdeel is van het personeelsbeleidsplan en de ontwikkelingsgesprekken met elke medewerker. Stimuleert en waardeert eigen ontwikkelingsinitiatieven van medewerkers. Het directieteam hanteert overigens een levensfasebewust beleid naar haar personeel. Aspirant decanen, intern en extern, solliciteren op een vooraf geformuleerd profiel. Het directieteam hanteert in het kader van het personeelsbeleidsplan: lesobservatie, collegiale visitatie, leerlingbesprekingen-observaties;",
                "neemt, na consultatie, enige LOB-kernkwesties op in de kwaliteitszorgcyclus van de school met het oog op monitoring van het LOB-beleid;",
                "stelt zich op de hoogte van de data van systematische interne evaluatie van tevredenheid met LOB bij jongeren; benut evaluatie data uit eigen schoolonderzoek, feedback van vervolgopleidingen of enig landelijk onderzoek onder (oud)leerlingen om over LOB in de schoolconsultatie (zie eerste punt) aan te gaan;",
                "indien van toepassing: initiëren, (doen) onderhouden en formaliseren van structurele relaties met externe partijen als bedrijfsleven, overheidsinstellingen, vervolgonderwijsinstellingen, die nodig zijn voor werk- en opleidingsexploratie op locatie voor jongeren en onderwijsmedewerkers.",
            ]),
        RoleDescription(
            model: .model3, role: .adjunctdirecteur, title: "Adjunct of locatiedirecteur",
            rol:
                "leiding geven aan de uitvoering van het schoolbeleid op het deel van de school waar hij/zij verantwoordelijk voor is.",
            takenIntro: nil,
            taken: [
                "zijn gelijk aan die van het directieteam, in die zin dat er afspraken zijn wie wat uitvoert."
            ]),
        RoleDescription(
            model: .model3, role: .teamleider, title: "Team- of afdelingvoorzitter",
            rol:
                "operationeel leiding geven aan de uitvoering van het schoolbeleid op het deel van de school waar hij/zij verantwoordelijk voor is.",
            takenIntro: nil,
            taken: [
                "communiceren met (kern)teamleden over de manier waarop, wat, wanneer en door wie uitvoering krijgt in de geïntegreerde uitvoering van onderwijs en LOB;",
                "overleg met decaan/LOB-coördinator die op afroep of op verzoek in (kern)team instrueert, kennis deelt, overlegt en individuele (kern)teamleden coacht;",
                "toezien (in de zin van nagaan of, wat en hoe gebeurt en met welk effect) op communicatie door (kern)teamleden met jongere en diens ouders/verzorgers;",
                "mede uitvoeren van, of consulteren op, taakbeleid en personeelsbeleidsplan met betrekking tot LOB-uitvoerders;",
                "communiceren met (kern)teamleden en decaan of LOB-coördinator over de uitvoering en data van evaluatie naar tevredenheid en behoeften onder jongeren hun ouders/verzorgers, respectievelijk oud-leerlingen.",
            ]),
        RoleDescription(
            model: .model3, role: .decaan, title: "Decaan/LOB-coördinator",
            rol: "leiding geven aan LOB-activiteiten in de school.", takenIntro: nil,
            taken: [
                "op eigen verzoek of op verzoek samen met de schoolleider verschillende groepen consulteren over een strategische LOB-visie, doelen en meerjarig beleid dat het onderwijs in de school versterkt. Concepten opstellen en communiceren;",
                "structurerend uitwerken van de LOB-visie, doelen en beleid in een LOB-jaarplanning die past binnen de jaarplanning van de school en een LOB-werkplan met een loopbaanleerlijn en activiteiten om expliciete doelen te bereiken;",
                "samenstellen van een LOB-programma voor jongeren en ouders/verzorgers waarbij mentor, decaan en vakdocent zijn ingeschakeld. Belangrijk is het opdoen van ervaringen wat betreft sectoren/domeinen respectievelijk profielen/HOOP-gebieden in samenwerking met bedrijfsleven en vervolgopleidingen;",
                "waarderen van initiatieven van anderen in school en ondersteunen bij het betekenis verlenen voor LOB;",
                "(doen) verzorgen van (individuele) voorlichting aan jongeren en ouders/verzorgers over mogelijkheden in en na school en het stimuleren van vrijwillige deelname aan aansluitingsactiviteiten van vervolgopleidingen;",
                "expliciete invulling geven aan de rol van ouders/verzorgers als partners in ontwikkeling van loopbaancompetenties;",
                "mogelijk facultatief aanbieden van specifieke onderwerpen of aspecten voor jongeren respectievelijk hun ouders/verzorgers;",
                "onderhouden van loopbaan-informatiebasis in school;",
                "instrueren, consulteren en coachen van mentoren en docenten bij de uitvoering van hun LOB-taak met jongeren in het onderwijsprogramma en in de (vakoverstijgende) gesprekken;",
                "onderhouden van contacten met vervolgopleidingen, bedrijfsleven/instellingen en decanenkring: zowel voor onderhouden eigen expertise als voor LOB-activiteiten en aansluitingsactiviteiten;",
                "waar aanwezig: jongeren doorverwijzen naar externe loopbaanadviseurs.",
            ]),
        RoleDescription(
            model: .model3, role: .mentor, title: "Mentor",
            rol: "eerste in lijn voor de loopbaanoriëntatie en -begeleiding van de jongeren in zijn/haar klas.",
            takenIntro: nil,
            taken: [
                "voorbereiden, begeleiden en evalueren van een (externe) LOB-activiteit van de jongere. Dat kan zowel in klas- of (klein) groepsverband, als in het onderwijsprogramma;",
                "individueel, jongere tot reflectie brengen en tot het formuleren van loopbaandoelen en bijbehorende acties. Dit gebeurt in driemaandelijkse, vakoverstijgende loopbaangesprekken, waar mogelijk met behulp van een loopbaanportfolio;",
                "klassikaal en individueel ouders/verzorgers voorlichten over de mogelijkheden in en na school voor hun kind;",
                "samen met decaan: ouders/verzorgers ondersteunen hoe zij van betekenis kunnen zijn in de loopbaanafwegingen van hun kind;",
                "doorverwijzen jongere en ouders/verzorgers naar decaan bij een complexe, tijdrovende vraag of situatie van jongeren en/of ouders/verzorgers;",
                "vertegenwoordigt de voorkeuren van iedere jongere in de determinatievergadering van zijn/haar klas, waarop het (kern)team reageert met haar advies;",
                "indien van toepassing: gaat in open overleg met jongere en ouders/verzorgers over het advies van het (kern)team met betrekking tot een volgend schooljaar of de vervolgopleiding.",
            ]),
        RoleDescription(
            model: .model3, role: .vakdocent, title: "Vakdocent",
            rol: "inrichten van een krachtige leeromgeving, al dan niet in afstemming met externe partijen.",
            takenIntro: nil,
            taken: [
                "ontwerpen en realiseren van een krachtige leeromgeving met systematische reflectie op loopbaanaspecten van de jongere;",
                "reflecteren met de jongere op diens vakgebonden ervaringen in de krachtige leeromgeving. Aanvankelijk zal de aandacht gaan naar de betekenis van de werk- en opleidingexploratie voor de jongere. In een meer ervaren praktijk zal meer sprake zijn van kwaliteiten- en motievenreflectie.",
            ]),
    ]
}
