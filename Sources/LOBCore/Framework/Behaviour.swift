/// One of the 44 extra behaviours (*aanvullende gedragskenmerken*) of the career guide, or one a school adds.
///
/// Each text continues the stem "De loopbaanbegeleider …" (seed 000, table after §3.3). Catalogue ids are
/// `<competency>.<n>` in the order printed; a school's own behaviours get ids of its own choosing in a profile.
public struct Behaviour: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = String

    public let id: ID
    public let competency: Competency.ID
    /// The seed's text without the trailing ";" or ".".
    public let text: String

    public init(id: ID, competency: Competency.ID, text: String) {
        self.id = id
        self.competency = competency
        self.text = text
    }

    /// The stem every behaviour continues.
    public static let stem = "De loopbaanbegeleider"
}

extension Behaviour {
    /// The 44 behaviours of seed 000, in the seed's order.
    public static let all: [Behaviour] = texts.flatMap { competency, items in
        items.enumerated().map { index, text in
            Behaviour(id: "\(competency).\(index + 1)", competency: competency, text: text)
        }
    }

    private static let texts: [(Competency.ID, [String])] = [
        (
            1,
            [
                "kent zijn leerlingen",
                "toont belangstelling en betrokkenheid bij de belevingswereld van zijn leerlingen",
                "laat non-verbale signalen zien die aandacht en interesse tonen",
                "bouwt een vertrouwensrelatie op met de leerling",
                "heeft een respectvolle, open houding",
                "doet moeite om de gevoelens van de leerling te begrijpen",
                "toont zich eerlijk en betrouwbaar en houdt zich aan gemaakte beloften",
                "respecteert vertrouwelijkheid en gaat discreet met gevoelige zaken om",
            ]
        ),
        (
            2,
            [
                "daagt de leerling uit",
                "stimuleert de leerling om kritisch naar zichzelf te kijken",
                "motiveert, stimuleert en enthousiasmeert de leerling bij zijn activiteiten en gebruikt dit om de leerroute zo goed mogelijk te laten verlopen",
                "ondersteunt de leerling bij tegenslag, vervelende of negatieve ervaringen",
                "herkent en erkent leerwensen, ontwikkelmogelijkheden en ambities van de leerling",
                "handelt in lijn met de geldende ethische, normen en waarden",
                "is toegankelijk en bereikbaar voor de leerling",
                "heeft een leerlinggerichte aanpak",
                "staat open voor en vertaalt de leerwensen en ambities in samenspraak met de leerlingen naar een leerroute op maat",
                "geeft duidelijk aan wat de mogelijkheden zijn en wat de leerling kan verwachten",
            ]
        ),
        (
            3,
            [
                "levert input voor opdrachten uit het eigen vakgebied, gerelateerd aan beroepsbeeld, leervraag en leerstijl van de leerling",
                "laat de leerling reflecteren op activiteiten en op zijn rol en verantwoordelijkheid in het leerproces",
                "laat de leerling aan het woord",
                "luistert actief naar de leerling en gebruikt verbale (luisteren, samenvatten, doorvragen) en non-verbale signalen, onderbreekt niet en gaat niet in discussie",
                "geeft de leerling inzicht in eigen handelen en functioneren door het geven van eerlijke en constructieve feedback",
                "schept in het programma kansen en mogelijkheden voor de leerling om zich te ontwikkelen",
                "stelt samen met de leerling de te volgen leerroute op",
            ]
        ),
        (
            4,
            [
                "creëert een loopbaangerichte, praktijknabije leer-/ werkomgeving die de leerling stimuleert zich te ontwikkelen en zijn talenten te verkennen en te ontdekken",
                "plant en regelt activiteiten en afspraken",
                "houdt rekening met actuele mogelijkheden en omstandigheden, is flexibel",
                "maakt effectief gebruik van de beschikbare mensen en middelen",
                "gebruikt de leeromgeving als oefenplaats voor de werksituatie",
            ]
        ),
        (
            5,
            [
                "raadpleegt deskundigen waar nodig",
                "stemt activiteiten af met collega's en het LOB-beleidsplan",
                "zorgt er uit zichzelf voor dat betrokkenen goed geïnformeerd zijn",
                "is bereid de eigen kennis en expertise te delen",
            ]
        ),
        (
            6,
            [
                "organiseert gastlessen en buitenschoolse activiteiten",
                "communiceert op een open en oprechte wijze met leerlingen, collega's, ouders of verzorgers en andere betrokkenen",
                "bouwt en onderhoudt relevante interne en externe netwerkrelaties",
                "reageert adequaat op vragen en klachten van relaties, leerlingen, ouders en verzorgers",
                "voorkomt escalaties en probeert actief, na problemen, de goede relatie weer te herstellen",
            ]
        ),
        (
            7,
            [
                "vernieuwt en verdiept kennis en vaardigheden door het bijhouden van vakliteratuur en scholing",
                "geeft zelf het goede voorbeeld",
                "ziet fouten als een kans om te leren",
                "past de eigen werkwijze en leeromgeving aan de leerstijl en leerbehoefte van de leerling aan, en is daarin flexibel en creatief",
                "is buiten zijn eigen vakgebied geïnteresseerd in opleidingen en beroepen en is bereid zich hierin te verdiepen",
            ]
        ),
    ]
}
