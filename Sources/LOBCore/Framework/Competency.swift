/// One of the seven SBL competencies (wet BIO), ids 1…7.
///
/// Source: seed 000 §3.1 (summary list) and the table after §3.3; seed 002 ch. 3 repeats the summary wording.
public struct Competency: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Int

    /// One of the four professional roles of the SBL matrix (seed 000 §3.1).
    public enum ProfessionalRole: String, Sendable, Hashable, Codable, CaseIterable {
        case interpersoonlijk, pedagogisch, vakinhoudelijkEnDidactisch, organisatorisch

        /// The seed's wording.
        public var label: String {
            switch self {
            case .interpersoonlijk: "interpersoonlijk"
            case .pedagogisch: "pedagogisch"
            case .vakinhoudelijkEnDidactisch: "vakinhoudelijk & didactisch"
            case .organisatorisch: "organisatorisch"
            }
        }
    }

    /// One of the four situations of the SBL matrix (seed 000 §3.1).
    public enum Situation: String, Sendable, Hashable, Codable, CaseIterable {
        case metLeerlingen, metCollegas, metDeOmgeving, metZichzelf

        public var label: String {
            switch self {
            case .metLeerlingen: "met leerlingen"
            case .metCollegas: "met collega's"
            case .metDeOmgeving: "met de omgeving"
            case .metZichzelf: "met zichzelf"
            }
        }
    }

    public let id: ID
    /// Name as the table in seed 000 heads it ("Interpersoonlijke competentie").
    public let name: String
    /// Short label of the star table in seed 002 ("interpersoonlijk competent").
    public let starTableLabel: String
    /// The *bekwaamheidseis* as in seed 000 §3.1, "Samenvatting van de competenties en bekwaamheidseisen".
    public let bekwaamheidseis: String
    /// The *bekwaamheidseis* as in the left column of the table after seed 000 §3.3 (differs for 3, 4, 5, 6, 7).
    public let bekwaamheidseisTable: String
    /// The professional role it belongs to; `nil` for 5–7, which span all four roles.
    public let professionalRole: ProfessionalRole?
    public let situation: Situation
}

extension Competency {
    /// The seven SBL competencies in order.
    public static let all: [Competency] = [
        Competency(
            id: 1, name: "Interpersoonlijke competentie", starTableLabel: "interpersoonlijk competent",
            bekwaamheidseis:
                "Een goede leraar is interpersoonlijk competent. Hij kan op een goede, professionele manier met leerlingen omgaan.",
            bekwaamheidseisTable:
                "Een goede leraar is interpersoonlijk competent. Hij kan op een goede, professionele manier met leerlingen omgaan.",
            professionalRole: .interpersoonlijk, situation: .metLeerlingen),
        Competency(
            id: 2, name: "Pedagogische competentie", starTableLabel: "pedagogisch competent",
            bekwaamheidseis:
                "Een goede leraar is pedagogisch competent. Hij kan de leerlingen in een veilige werkomgeving houvast en structuur bieden om zich sociaal-emotioneel en moreel te kunnen ontwikkelen.",
            bekwaamheidseisTable:
                "Een goede leraar is pedagogisch competent. Hij kan de leerlingen in een veilige werkomgeving houvast en structuur bieden om zich sociaal-emotioneel en moreel te kunnen ontwikkelen.",
            professionalRole: .pedagogisch, situation: .metLeerlingen),
        Competency(
            id: 3, name: "Vakinhoudelijke en didactische competentie",
            starTableLabel: "vakinhoudelijk en didactisch competent",
            bekwaamheidseis:
                "Een goede leraar is vakinhoudelijk en didactisch competent. Hij kan de leerlingen helpen zich de bagage eigen te maken die iedereen nodig heeft in de hedendaagse samenleving.",
            bekwaamheidseisTable:
                "Een goede leraar is vakinhoudelijk en didactisch competent. Hij kan zorgen voor een krachtige leeromgeving en het leren van de leerlingen bevorderen.",
            professionalRole: .vakinhoudelijkEnDidactisch, situation: .metLeerlingen),
        Competency(
            id: 4, name: "Organisatorische competentie", starTableLabel: "organisatorisch competent",
            bekwaamheidseis:
                "Een goede leraar is organisatorisch competent. Hij kan zorgen voor een overzichtelijke, ordelijke en taakgerichte sfeer in zijn groep of klas.",
            bekwaamheidseisTable:
                "Een goede leraar is organisatorisch competent. Hij kan zorgen voor een overzichtelijke, ordelijke en taakgerichte sfeer in zijn groep of klas en structuur in de leeromgeving.",
            professionalRole: .organisatorisch, situation: .metLeerlingen),
        Competency(
            id: 5, name: "Competent in samenwerken in een team",
            starTableLabel: "competent in het samenwerken met collega's",
            bekwaamheidseis:
                "Een goede leraar is competent in het samenwerken met collega's. Hij kan een professionele bijdrage leveren aan een goed pedagogisch en didactisch klimaat op de school, aan een goede onderlinge samenwerking en aan een goede schoolorganisatie.",
            bekwaamheidseisTable:
                "Een goede leraar is competent in het samenwerken met collega's. Hij kan op een professionele wijze een bijdrage leveren aan het goed functioneren van de schoolorganisatie.",
            professionalRole: nil, situation: .metCollegas),
        Competency(
            id: 6, name: "Competent in samenwerken met de omgeving",
            starTableLabel: "competent in het samenwerken met de omgeving",
            bekwaamheidseis:
                "Een goede leraar is competent in het samenwerken met de omgeving van de school. Hij kan op een professionele manier communiceren met ouders en andere betrokkenen bij de vorming en opleiding van zijn leerlingen.",
            bekwaamheidseisTable:
                "Een goede leraar is competent in het samenwerken met de omgeving van de school. Hij kan op een professionele manier communiceren en een relatie opbouwen met ouders, buurt, bedrijven en instellingen.",
            professionalRole: nil, situation: .metDeOmgeving),
        Competency(
            id: 7, name: "Competent in reflectie en ontwikkeling",
            starTableLabel: "competent in reflectie en ontwikkeling",
            bekwaamheidseis:
                "Een goede leraar is competent in reflectie en ontwikkeling. Hij kan op een professionele manier over zijn bekwaamheid en beroepsopvattingen nadenken. Hij kan zijn professionaliteit ontwikkelen en bij de tijd houden.",
            bekwaamheidseisTable:
                "Een goede leraar is competent in reflectie en ontwikkeling. Hij kan op een professionele manier over zijn bekwaamheid en beroepsopvattingen reflecteren. Hij kan zijn eigen professionaliteit ontwikkelen en actueel houden.",
            professionalRole: nil, situation: .metZichzelf),
    ]

    /// The variant of competency 3 in seed 002 ch. 3, which says "culturele bagage".
    public static let seed002VakinhoudelijkWording =
        "Een goede leraar is vakinhoudelijk en didactisch competent. Hij kan de leerlingen helpen zich de culturele bagage eigen te maken die iedereen nodig heeft in de hedendaagse samenleving."
}
