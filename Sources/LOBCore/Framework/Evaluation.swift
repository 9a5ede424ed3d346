/// Kirkpatrick's (1994) four levels on which the effect of professionalisation is evaluated
/// (seed 002, "Slot: evaluatie en effect").
public struct KirkpatrickLevel: Sendable, Hashable, Codable, Identifiable {
    public let id: Int
    /// "reacties", "het geleerde", "gedrag", "resultaat".
    public let name: String
    /// The seed's bullet, without its opening words.
    public let text: String

    public static let all: [KirkpatrickLevel] = [
        KirkpatrickLevel(
            id: 1, name: "reacties",
            text:
                "op het eerste niveau vindt de evaluatie van de reacties plaats. Zijn de deelnemers tevreden? Denken ze met het geleerde aan de slag te kunnen?"
        ),
        KirkpatrickLevel(
            id: 2, name: "het geleerde",
            text: "het tweede niveau vraagt naar het geleerde: de verworven kennis. Zijn de leerdoelen bereikt?"),
        KirkpatrickLevel(
            id: 3, name: "gedrag",
            text:
                "op het derde niveau vindt evaluatie van het gedrag plaats. In hoeverre worden de verworven kennis, de nieuwe competenties gebruikt in de werkomgeving?"
        ),
        KirkpatrickLevel(
            id: 4, name: "resultaat",
            text:
                "de evaluatie op het vierde niveau geeft informatie over het resultaat. Hebben de gedragsveranderingen van de deelnemers ervoor gezorgd dat de school geëvolueerd is? In geval bij het versterken van LOB kan dan op het vierde niveau de vraag gesteld worden in hoeverre de professionalisering eraan bijgedragen heeft dat leerlingen van het voortgezet onderwijs optimaal loopbaancompetenties verwerven."
        ),
    ]
}

/// Conditions and tips after Stamet en Zwaneveld (2010), each with the models it applies to (seed 002).
public struct EffectivenessTip: Sendable, Hashable, Codable {
    public let text: String
    public let models: [SchoolModel.ID]

    /// "schoolorganisatorische randvoorwaarden", each tagged in the seed with its models.
    public static let conditions: [EffectivenessTip] = [
        EffectivenessTip(text: "leiderschap", models: [.model1, .model2, .model3]),
        EffectivenessTip(text: "het creëren van een professionele cultuur", models: [.model2]),
        EffectivenessTip(text: "het creëren van een leergemeenschap", models: [.model3]),
        EffectivenessTip(
            text:
                "het gezamenlijk delen van een visie en doelstelling, voldoende tijd, samenhang met het schoolbrede beleid en facilitering",
            models: [.model2]),
    ]

    /// "Algemene tips voor het verhogen van de effectiviteit van het leren van docenten".
    public static let all: [EffectivenessTip] = [
        EffectivenessTip(
            text:
                "zorg dat de professionaliseringsvorm van belang en bruikbaar is voor het dagelijks werk van de LOB-uitvoerder op operationeel niveau",
            models: [.model2, .model3]),
        EffectivenessTip(
            text:
                "het gezamenlijk (met collega's) analyseren van leerlingwerk en leerlingresultaten is een waardevolle professionaliseringsactiviteit. Denk hierbij aan ingevulde loopbaandossiers / portfolio's, presentaties van profielwerkstukken, video's van opgenomen loopbaangesprekken",
            models: [.model3]),
        EffectivenessTip(
            text:
                "zorg ervoor dat docenten actief leren en onderzoeken, bijvoorbeeld: het observeren van collega's, het bestuderen van nieuwe LOB-methoden, het uitzoeken van de LOB-mogelijkheden op internet en laat hen over de resultaten van gedachten wisselen",
            models: [.model3]),
        EffectivenessTip(
            text:
                "collectieve participatie en samenwerking van docenten via interactie, discussie en feedback verhoogt het effect van leren. Benut een mentorenoverleg om concreet te werken aan vraagstukken rond LOB, hun ervaringen met de LOB-methode, de resultaten van leerlingen van hun loopbaanontwikkeling en geef aandacht aan datgene wat zich ten positieve ontwikkelt. Aandacht voor het vieren van successen",
            models: [.model2, .model3]),
        EffectivenessTip(
            text:
                "de mate waarin docenten zich gezamenlijk verantwoordelijk voelen voor de eigen professionele ontwikkeling hangt samen met de mate waarin zij betrokken worden bij doel, inhoud, opzet en methodiek van professionaliseren",
            models: [.model3]),
        EffectivenessTip(
            text:
                "leren op 'de werkplek', leren kan niet zonder werken. Kennis en verworven vaardigheden die niet direct worden herhaald en gebruikt in de praktijk, verliezen hun waarde",
            models: [.model1, .model2, .model3]),
    ]

    public static let source = "Stamet en Zwaneveld (2010)"
}
