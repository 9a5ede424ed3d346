/// The five career competencies of pupils (Kuijpers, Meijers en Bakker, 2006), seed 001 §2.3 footnote.
/// Seed 003: teachers can reflect on their own career with the same competencies ("Teach as you preach").
public struct CareerCompetency: Sendable, Hashable, Codable, Identifiable {
    public let id: String
    public let name: String

    public static let all: [CareerCompetency] = [
        CareerCompetency(id: "capaciteitenreflectie", name: "capaciteitenreflectie"),
        CareerCompetency(id: "motievenreflectie", name: "motievenreflectie"),
        CareerCompetency(id: "werkexploratie", name: "werkexploratie"),
        CareerCompetency(id: "loopbaansturing", name: "loopbaansturing"),
        CareerCompetency(id: "netwerken", name: "netwerken"),
    ]

    public static let source = "Kuijpers, Meijers en Bakker, 2006"
}

/// The competencies of the "ideale loopbaanbegeleider" named by the MBO institutions of seed 003.
public enum MBOCareerGuide {
    public static let competencies: [String] = [
        "betrokkenheid",
        "flexibiliteit/brede inzetbaarheid",
        "bekwaamheid in het voeren van loopbaangesprekken",
        "oplossingsgerichtheid",
        "empathisch vermogen",
        "geduld",
        "zicht op de kwalificatie-eisen met betrekking tot loopbaanontwikkeling",
        "de loopbaancompetenties kunnen hanteren en dit alles kunnen vertalen in LOB-activiteiten voor je studenten",
        "vakbekwaamheid",
        "een goede relatie met het bedrijfsleven",
    ]
}

/// The nine themes from the conference *Loopbaanvaardig in de klas!* of 5 November 2024 (seed 004).
public struct ConferenceTheme: Sendable, Hashable, Codable, Identifiable {
    public let id: Int
    public let title: String
    public let summary: String
    public let points: [String]

    public static let conference = "Loopbaanvaardig in de klas! (5 november 2024)"

    public static let all: [ConferenceTheme] = [
        ConferenceTheme(
            id: 1, title: "Bewustwording en Visie",
            summary:
                "In ons onderwijs is het essentieel om bewustwording te creëren over de rol van Loopbaanontwikkeling en -begeleiding (LOB), waarbij het belangrijk is dat de visie op begeleiding van jongeren (LOB) centraal staat in de lerarenopleidingen, zodat docenten zich bewust worden van hun potentiële rol en LOB generiek kunnen inzetten en kunnen koppelen aan hun vakgebieden.",
            points: [
                "Bewustwording: Onderwijs = LOB",
                "Belang van visie in ons onderwijs! Wordt dat gesprek gevoerd op de lerarenopleidingen? + plek LOB",
                "Bewustwording van docenten over hun potentiële rol in LOB van leerlingen",
                "Maak docenten bewust van wat LOB is. Dus maak het klein en koppel het aan de vakgebieden",
            ]),
        ConferenceTheme(
            id: 2, title: "Gesprekvoering en Coaching",
            summary:
                "Als docent is het voeren van een goed gesprek over Loopbaanontwikkeling en -begeleiding (LOB) een primaire taak. Het is daarom van belang om in gesprek te gaan met leraren in opleiding over de opdracht van het onderwijs en de rol van de docent, waarbij praten en luisteren hand in hand gaan om de mens achter de leerling/ student te zien.",
            points: [
                "Gesprekvoeren: LOB is je primaire taak als docent",
                "Zorg voor het goede gesprek over LOB!",
                "In gesprek (pedagogisch) over opdracht van onderwijs → wat betekent dit voor rol docent & LOB hierin?",
                "Praten = luisteren; luisteren = kijken. Zorg dat je de mens in de leerling ziet ;-)",
            ]),
        ConferenceTheme(
            id: 3, title: "Professionele Identiteit en Vaardigheden",
            summary:
                "Om effectief Loopbaanontwikkeling en -begeleiding (LOB) te realiseren, zijn gespreksvaardigheden en een gevoel van eigenaarschap, naast coaching nodig, waarbij lerarenopleidingen kunnen leren van pabo's op het gebied van begeleiding en positief klassenmanagement, en docenten oprechte interesse hebben in hun leerlingen/ studenten, hun kwaliteiten en ideeën moeten ontwikkelen, met ruimte voor deze interactie in de les.",
            points: [
                "Wat is nodig: Gespreksvaardigheden → focus op eigenaarschap → coaching",
                "Professionele identiteit als taal → LOB-doel",
                "Lerarenopleidingen kunnen leren van pabo's als het gaat om begeleiding en positief klassenmanagement",
                "Leer docenten oprecht interesse te hebben in hun leerlingen, kwaliteiten en ideeën & maak hier ruimte voor in de les",
            ]),
        ConferenceTheme(
            id: 4, title: "Integratie van LOB in Onderwijs",
            summary:
                "Loopbaanontwikkeling en -begeleiding (LOB) moet ervaren en reflectief benaderd worden, waarbij het helpend is om LOB school breed te integreren in elke les en in alle vakken, zodat het een natuurlijk onderdeel van het onderwijs vormt",
            points: [
                "LOB moet je ervaren en erop reflecteren",
                "LOB integreren tijdens iedere les!",
                "Schoolbreed aanpakken. In alle vakken komen elementen van LOB voor",
                "LOB is onderdeel van alle vakken",
            ]),
        ConferenceTheme(
            id: 5, title: "Leerling/ student betrokkenheid en Praktijkervaring",
            summary:
                "Leerlingen (VO) moeten praktijkervaring opdoen (bij MBO vindt dit al plaats) om zichzelf te leren kennen, waarbij ze zelf onderzoeken waarom een bepaald vak nuttig is in de maatschappij en wat ze ermee kunnen doen, terwijl LOB in alle vakken wordt verweven en leerlingen/ studenten de ruimte krijgen om zelf LOB-opdrachten te verzinnen voor elke les.",
            points: [
                "Leerlingen moeten vooral praktijkervaring opdoen om zichzelf te leren kennen",
                "Laat leerlingen zelf onderzoeken waarom een bepaald vak nuttig is in de maatschappij en wat je ermee kan doen",
                "Zorg dat je LOB verweeft in alle vakken",
                "Leerlingen zelf LOB-opdrachten laten verzinnen voor alle lessen",
            ]),
        ConferenceTheme(
            id: 6, title: "Kwaliteit en Borging",
            summary:
                "Van belang is de borging van Loopbaanontwikkeling en -begeleiding (LOB) binnen de school, waarbij we blijven investeren in de kwaliteit en het kwaliteitsbewustzijn van docenten in de lerarenopleiding, zodat scholen zich kunnen meten aan eisen en doelen, ondersteund door duidelijke kaders voor LOB ter bevordering van kwaliteitsverbetering.",
            points: [
                "BORGING in de school is nu een volgende stap!",
                "Blijven investeren in de kwaliteit en het kwaliteitsbewustzijn van docenten in de lerarenopleiding op LOB",
                "Goed als scholen zich aan eisen/doelen kunnen meten & kunnen houden",
                "Kaders voor LOB is ook nodig voor kwaliteitsverbetering",
            ]),
        ConferenceTheme(
            id: 7, title: "Rol van de School en Samenwerking",
            summary:
                "Door samen te werken met bedrijven en schoolreed praktijkgerichte opdrachten te ontwikkelen en uit te voeren, kunnen we werkervaring en praktijkervaring integreren, wat leidt tot succeservaringen voor (kwetsbare) leerlingen/ studenten en het versterken van Loopbaanontwikkeling en -begeleiding (LOB) in alle vakken.",
            points: [
                "Samenwerking met bedrijven, integratie, werkervaring, praktijkervaring. Succeservaringen voor de kwetsbare leerling",
                "Samen, als team, praktijkgerichte opdrachten ontwikkelen en uitvoeren",
                "Schoolbreed aanpakken. In alle vakken komen elementen van LOB voor",
            ]),
        ConferenceTheme(
            id: 8, title: "Toekomst en Innovatie",
            summary:
                "Om het beroepsbeeld van de docent te actualiseren en de goede docent van de toekomst te kenmerken, moeten we nadenken over het type docent dat nodig is, waarbij Loopbaanontwikkeling en -begeleiding (LOB) een onderdeel vormt en studenten voorbereid worden op omgaan met kansen(on)gelijkheid en mogelijke (voor)oordelen tijdens hun stages.",
            points: [
                "Actualiseer beroepsbeeld van de docent. Wat kenmerkt de goede docent van de toekomst? LOB hoort daarbij",
                "Wat voor type docent hebben we nodig (in de toekomst)?",
                "Kansen(on)gelijkheid: Bereid studenten voor op mogelijke vooroordelen, stage",
            ]),
        ConferenceTheme(
            id: 9, title: "Reflectie en Evaluatie",
            summary:
                "Bedenk wat je wel én niet wilt beoordelen in het LOB-proces, dat draait om de leerling/ student, en laat docenten zelf ervaren wat leerlingen/ studenten kunnen bereiken met het leren van hun vak, terwijl ze zich bewust worden van de impact van praktische en realistische activiteiten voor externe opdrachtgevers.",
            points: [
                "Bedenk wat je wel én niet wil beoordelen. Het LOB-proces is het proces van de leerling",
                "Laat de docenten zelf ervaren wat leerlingen kunnen gaan doen met het leren van hun vak",
                "Maak docenten bewust van de impact van praktische en realistische activiteiten voor externe opdrachtgevers",
            ]),
    ]
}
