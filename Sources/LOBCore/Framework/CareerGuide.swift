/// What the career guide does (seed 000 §3.3) and the mentor-as-career-guide variant (seed 001 §3.3).
public enum CareerGuideTasks {
    /// "De beroepsgerichte vakdocent heeft als loopbaanbegeleider in het vmbo de volgende taken en
    /// verantwoordelijkheden" (seed 000 §3.3), ids 1…7 in the printed order.
    public static let loopbaanbegeleider: [Task] = numbered([
        "is verantwoordelijk voor het uitvoeren en evalueren van LOB-activiteiten",
        "onderhoudt contacten met het regionale bedrijfsleven en het mbo",
        "organiseert passende gastlessen, buitenschoolse activiteiten en stages",
        "kent zijn leerlingen en werkt steeds aan een vertrouwelijke relatie",
        "voert reflectieve loopbaangesprekken met leerlingen",
        "biedt keuzemogelijkheden aan in het beroepsgerichte programma zodat individuele leerroutes en maatwerktrajecten mogelijk zijn",
        "begeleidt het keuzeproces van de leerling",
    ])

    /// "De loopbaanbegeleider kan de volgende taken en rollen hebben" (seed 001 §3.3, *De mentor is loopbaanbegeleider*).
    public static let mentor: [Task] = numbered([
        "organiseert en houdt regelmatig (bijvoorbeeld aan het eind van een periode) loopbaangesprekken met de leerlingen",
        "kent de leerling en werkt steeds aan een vertrouwelijke relatie",
        "houdt oudergesprekken mede aan de hand van het loopbaandossier",
        "heeft LOB-overleg met de overige docenten",
        "heeft contacten met bedrijven en instellingen in de regio",
        "heeft contacten met ROC ('s) in de regio",
        "organiseert buitenschoolse activiteiten (bedrijfsbezoeken en stage)",
    ])

    /// A numbered task; the text continues "De loopbaanbegeleider …" like a behaviour.
    public struct Task: Sendable, Hashable, Codable, Identifiable {
        public let id: Int
        public let text: String
    }

    private static func numbered(_ texts: [String]) -> [Task] {
        texts.enumerated().map { Task(id: $0.offset + 1, text: $0.element) }
    }
}

/// The two portraits of seed 000 ch. 2: the two ends of the scale on which a teacher places himself.
public struct Portrait: Sendable, Hashable, Codable, Identifiable {
    public enum ID: String, Sendable, Hashable, Codable, CaseIterable {
        case traditioneleVakdocent, vakdocentAlsLoopbaanbegeleider
    }

    public let id: ID
    /// The section heading (2.1 / 2.2).
    public let title: String
    public let description: String
    /// Who speaks in the quote box ("Een leerling bouwtechniek-timmeren over zijn traditionele vakdocent").
    public let quoteBy: String
    public let pupilQuote: String
}

extension Portrait {
    public static let traditional = Portrait(
        id: .traditioneleVakdocent,
        title: "Portret van de traditionele vakdocent",
        description:
            "De traditionele beroepsgerichte vakdocent kenmerkt zich door zijn vakinhoudelijke kennis. Hij is vaak een man van de praktijk die een beroepsgerichte schoolopleiding heeft gevolgd, vaak aangevuld met de nodige praktijkervaring als werknemer in het desbetreffende vak. Hij heeft liefde voor zijn vak en wil het vakmanschap graag overbrengen aan jongeren. Hiervoor heeft hij, vaak in de avonduren, een onderwijsbevoegdheid gehaald. De beroepsgerichte vakdocent richt zich vooral op het vak. Hij is van mening dat de vakinhoudelijke kennis en de bijbehorende vakvaardigheden essentieel zijn voor het behalen van een startkwalificatie in het middelbaar beroepsonderwijs. Het vmbo moet in zijn ogen vooral gezien worden als beroepsvoorbereidend en deels beroepsopleidend onderwijs. Hij ziet zijn leerlingen als potentiële werknemers in het vakgebied en stelt hoge eisen aan hun vakkennis en werkhouding.",
        quoteBy: "Een leerling bouwtechniek-timmeren over zijn traditionele vakdocent",
        pupilQuote:
            "Mijn leraar is een echte vakman. Hij kan erg goed timmeren en weet alles over hout. Hij is altijd druk bezig in het praktijklokaal. We maken allerlei werkstukken waarbij hij rondloopt en hier en daar uitleg geeft of iets voordoet. Ik heb respect voor hem omdat hij veel weet en mij straks hopelijk verder kan helpen. Mijn leraar kent veel bouwbedrijven en regelt altijd de stages in de vierde klas. Na de paasvakantie hoor ik van hem bij welk bedrijf ik stage ga lopen. Als ik vragen heb over wat ik wil worden of over de vervolgopleidingen, kan ik een afspraak maken met de decaan."
    )

    public static let careerGuide = Portrait(
        id: .vakdocentAlsLoopbaanbegeleider,
        title: "Portret van de beroepsgerichte vakdocent als loopbaanbegeleider",
        description:
            "De beroepsgerichte vakdocent als loopbaanbegeleider is een vertrouwenspersoon voor zijn leerlingen. Hij kan op een ontspannen manier met jongeren omgaan en heeft interesse in hun leefwereld. Hij kent zijn leerlingen goed en daagt hen uit hun talenten te ontdekken. Leerlingen zien in hem een autoriteit op zijn vakgebied. Daardoor is hij op een natuurlijke wijze een vraagbaak en gesprekspartner op het gebied van vervolgstudie en beroep. Het vmbo ziet hij als beroepsoriënterend onderwijs waarbij zijn leerlingen praktische ervaringen opdoen die hen kunnen helpen bij het maken van de juiste beroepskeuze. Als loopbaanbegeleider gebruikt hij alle leeractiviteiten, waaronder de praktijkopdrachten, om leerlingen te laten ontdekken waar ze goed in zijn. Deze ervaringen zijn onderwerp in loopbaangesprekken en zijn bepalend voor het keuzeproces en dus de leerroute van de leerling.",
        quoteBy: "Een leerling bouwtechniek-timmeren over zijn loopbaanbegeleider",
        pupilQuote:
            "Mijn loopbaanbegeleider is timmerleraar, kan goed timmeren en weet veel over hout. Hij kent mij goed en weet precies wat ik goed kan en wat ik moeilijk vind. Ik mag soms zelf kiezen welke opdracht of werkstuk ik maak. Ik heb respect voor hem omdat hij interesse voor mij heeft en mij straks hopelijk verder kan helpen. Met mijn loopbaanbegeleider houd ik regelmatig loopbaangesprekken. Dan praat ik over wat ik gedaan heb, of dat bij mij past en wat ik daarna ga doen. Het laatste gesprek ging over mijn beroepskeuze en de stages in de vierde klas. Hij heeft mij een overzicht gegeven van de bouwbedrijven en na de paasvakantie kies ik bij welk bedrijf ik stage ga lopen."
    )

    /// Traditional first, career guide second: the scale's two ends.
    public static let all: [Portrait] = [traditional, careerGuide]
}
