/// How professionalisation in LOB ideally takes place in each school model (seed 002 ch. 4):
/// *kenmerken* in personnel policy, *inhoud* per role and *vormen* per role.
public struct Professionalisation: Sendable, Hashable, Codable {
    /// One group of the overview: a label as printed ("Klassendocenten/mentoren:"), the roles it covers, its items.
    public struct Group: Sendable, Hashable, Codable {
        public let label: String
        public let roles: [Role]
        /// A line before the bullets, where the seed has one.
        public let intro: String?
        public let items: [String]

        init(_ label: String, _ roles: [Role], intro: String? = nil, _ items: [String]) {
            self.label = label
            self.roles = roles
            self.intro = intro
            self.items = items
        }
    }

    public let model: SchoolModel.ID
    /// The paragraph "Model n – …" at the start of ch. 4.
    public let summary: String
    public let kenmerkenIntro: String?
    /// "Kenmerken van professionalisering in personeelsbeleid".
    public let kenmerken: [String]
    /// "Inhoud professionalisering".
    public let inhoud: [Group]
    /// "Vormen professionalisering".
    public let vormen: [Group]

    /// The forms of professionalisation the seed names for a role in a model.
    public func forms(for role: Role) -> [String] {
        vormen.filter { $0.roles.contains(role) }.flatMap(\.items)
    }
}

extension Professionalisation {
    public static func forModel(_ model: SchoolModel.ID) -> Professionalisation {
        // `all` is in model order; the catalogue's validation checks it.
        all[model.number - 1]
    }

    public static let all: [Professionalisation] = [
        Professionalisation(
            model: .model1,
            summary:
                "Het personeelsbeleid van de vakkenschool is gericht op personeelsbeheer: goede administratie, informatievoorziening en rechtspositionele zaken. Deskundigheidsbevordering op het gebied van LOB gebeurt naar aanleiding van een individuele vraag van de decaan of van klassendocenten/mentoren. Als het scholingsbudget het toelaat, honoreert de schoolleiding deze vraag.",
            kenmerkenIntro: nil,
            kenmerken: [
                "Deskundigheidsbevordering op verzoek: individueel en ad hoc",
                "schoolleiding honoreert verzoek, als scholingsbudget het toelaat",
            ],
            inhoud: [
                Group(
                    "Decaan:", [.decaan],
                    [
                        "naar eigen inzicht van de decaan, gericht om op de hoogte te raken en blijven van de actuele stand van zaken en de nieuwe ontwikkelingen op eigen deskundigheidsgebied"
                    ]),
                Group(
                    "Klassendocenten/mentoren:", [.mentor],
                    [
                        "deskundigheidsbevordering op het gebied van 'signaleren, verwijzen en basale gesprekstechnieken'"
                    ]),
            ],
            vormen: [
                Group(
                    "Decaan:", [.decaan],
                    [
                        "lidmaatschap van NVS-NVL of VvSL",
                        "vakblad Bij de Les, digitale nieuwsbrieven en regionale decanenkringen",
                        "jaarlijks congres en workshops, cursussen, bezoeken van vervolgopleidingen",
                        "cursussen en trainingen van andere aanbieders",
                        "buiten de school op een centraal of in de regio gelegen locatie, meestal op donderdag",
                    ]),
                Group(
                    "Klassendocenten/mentoren:", [.mentor],
                    [
                        "training in de school"
                    ]),
            ]
        ),
        Professionalisation(
            model: .model2,
            summary:
                "Binnen het personeelsbeleid van de activerende school is een scholingsplan opgesteld en bekrachtigd door de schoolleiding. Het professionaliseringsplan vermeldt de deskundigheidsactiviteiten die als doel hebben om de gewenste organisatieverandering te realiseren en een individuele ontwikkeling van het personeel mogelijk te maken. De versterkte aandacht voor LOB binnen het mentoraat en de begeleidingsstructuur vraagt van alle medewerkers een andere rol met bijbehorende taken en benodigde competenties. Deskundigheidsbevordering op het gebied van LOB is dan ook een van de prioriteiten binnen het scholingsplan. Specifieke en relevante opleiding, training en nascholing van eindverantwoordelijken en uitvoerders van LOB zijn als doelstellingen benoemd. Financiële middelen zijn hiervoor beschikbaar gesteld en toegewezen aan de geprioriteerde opleidingsactiviteiten.",
            kenmerkenIntro: "Scholingsplan is:",
            kenmerken: [
                "opgenomen in personeelsbeleid, door schoolleiding bekrachtigd",
                "gekoppeld aan rol, taken en benodigde competenties van LOB-uitvoerders",
                "gericht op gewenste organisatieverandering en individuele ontwikkeling medewerkers",
                "professionalisering is een gespreksonderwerp in functioneringsgesprekken",
                "financiële middelen zijn beschikbaar voor de geprioriteerde opleidingsactiviteiten",
            ],
            inhoud: [
                Group(
                    "Team- en afdelingsleider:", [.teamleider],
                    [
                        "leren kennen van LOB-visie, doelen en hoe dat te integreren in de aansturing van team of afdeling"
                    ]),
                Group(
                    "Decaan/LOB-coördinator:", [.decaan],
                    intro:
                        "wat nodig is om rol goed te kunnen vervullen? vastgelegd in individueel professionaliseringsplan, bijvoorbeeld:",
                    [
                        "inhoudelijke en methodische competenties op LOB-gebied",
                        "adequaat vervullen van beleidsvoorbereidende en ondersteunende rol",
                        "train the trainers, loopbaandialoog",
                    ]),
                Group(
                    "Mentoren:", [.mentor],
                    [
                        "verhelderen van LOB-visie",
                        "oefenen van verzorgen van (vernieuwde) LOB-methode",
                        "individuele begeleidingsgesprekken, loopbaandialoog",
                    ]),
                Group(
                    "Vakdocenten:", [.vakdocent],
                    [
                        "hoe een bijdrage te leveren aan LOB tijdens de eigen lessen en projecten?"
                    ]),
            ],
            vormen: [
                Group(
                    "Team- en afdelingsleider:", [.teamleider],
                    [
                        "in een LOB-traject, al dan niet met extern begeleider, de LOB-scan benutten, de gewenste situatie verhelderen met collega's team- of afdelingsleiders",
                        "collegiale uitwisseling en ondersteuning",
                    ]),
                Group(
                    "Decaan/LOB-coördinator:", [.decaan],
                    [
                        "bewuste keuze uit het aanbod van de NVS-NVL, VvSL, uitgevers, hogescholen, LPC en andere onderwijsadvies- of opleidingsbureaus",
                        "deelname aan de decanenkring en/of andere relevante netwerken in de regio",
                        "een post-hbo opleiding",
                        "een meerdaagse train the trainer",
                    ]),
                Group(
                    "Mentoren:", [.mentor],
                    [
                        "training 'in house' traject",
                        "coaching on the job",
                        "op de agenda van mentorenoverleg",
                    ]),
                Group(
                    "Vakdocenten:", [.vakdocent],
                    [
                        "brainstorm in sectieoverleg",
                        "elkaar ondersteunen bij het reflecteren op de kwaliteiten, motieven van leerlingen rond studie, beroep en arbeid",
                    ]),
            ]
        ),
        Professionalisation(
            model: .model3,
            summary:
                "Het integraal personeelsbeleid van de flexibele school wordt door teams gedragen en komt om die reden herhaaldelijk aan de orde: plenair, in kleine groep en individueel. De agenda voor deze besprekingen wordt voorbereid in het overleg van de schoolleiding met de teamvoorzitters. Individuele doelen en organisatiedoelen worden afgestemd en het accent ligt op continue ontwikkeling van individu en team in lijn met de schoolorganisatie. Heroriëntatie op LOB maakt hier vanzelfsprekend onderdeel van uit: zowel de loopbaan van de leerling als van de kernteamleden staat centraal. Het principe van 'practice what you preach' is het uitgangspunt voor het leren van leerlingen, docenten en schoolleiding. Zoals het leren voor leerlingen wordt vormgegeven, wordt ook de professionalisering van docenten gefaciliteerd. Professionalisering van docenten is gericht op brede competentie-ontwikkeling en diverse vormen worden ingezet. Financiële middelen voor professionalisering rond LOB zijn als vast onderdeel opgenomen in een budget voor het kernteam.",
            kenmerkenIntro: nil,
            kenmerken: [
                "personeelsbeleid en professionaliseringsplannen worden door kernteams gedragen",
                "continue individuele loopbaan- en competentieontwikkeling in team en in lijn met schoolorganisatie en organisatiedoelen",
                "regelmatige gesprekken in team en in ontwikkelingsgesprekken tussen teamleider en kernteamleden: bevorderen van loopbaansturing door medewerkers",
                "financiële middelen voor professionalisering als vast onderdeel opgenomen in budget voor kernteam",
            ],
            inhoud: [
                Group(
                    "Vakdocenten en mentoren in kernteam:", [.vakdocent, .mentor],
                    [
                        "versterken van hun basiscompetenties teamcompetenties op het gebied van LOB",
                        "in afstemming op hun aanwezige (team)competenties en hun leervoorkeuren",
                        "het gebruiken van een elektronisch portfolio voor hun persoonlijk ontwikkelingsplan en sturen van hun loopbaan",
                    ]),
                Group(
                    "Teamvoorzitter:", [.teamleider],
                    [
                        "mondelinge en schriftelijke communicatievaardigheden",
                        "technieken als NLP; intervisie; collegiale ondersteuning; coachen; technologische communicatie, inclusief sociale media",
                    ]),
                Group(
                    "Decaan/LOB-coördinator:", [.decaan],
                    [
                        "diverse inhouden, methoden en vaardigheden op LOB-gebied",
                        "diverse thema's op LOB-terrein om van dienst te zijn aan leerlingen, kernteams en schoolleiding",
                    ]),
            ],
            vormen: [
                Group(
                    "Vakdocenten en mentoren in kernteam:", [.vakdocent, .mentor],
                    [
                        "met elkaar verhelderen wat en hoe een ieder zich wil ontwikkelen met betrekking tot LOB",
                        "passende vormen vinden voor een ieder om datgene te ontwikkelen wat afgesproken wordt (zie ook leervoorkeuren)",
                        "monitoren van de uitvoering ontwikkelingsplan in het team en tijdens de ontwikkelingsgesprekken met teamvoorzitter",
                    ]),
                Group(
                    "Teamvoorzitter:", [.teamleider],
                    [
                        "gespecialiseerde trainingen",
                        "toepassing van geleerde vaardigheden in de dagelijkse praktijk, feedback ontvangen en reflectie daarop in kernteam, met collegae kernteamvoorzitters en de schoolleiding",
                    ]),
                Group(
                    "Decaan/LOB-coördinator:", [.decaan],
                    [
                        "ontwikkelingsgesprek over de eigen loopbaanperspectieven en competentieontwikkeling met de schoolleiding",
                        "gerichte keuze uit het aanbod van de NVS-NVL, VvSL, uitgevers, hogescholen, LPC en andere onderwijsadvies- of opleidingsbureaus",
                    ]),
                Group(
                    "Decaan/LOB-coördinator:", [.decaan],
                    intro: "Professionaliseringsactiviteiten, die niet uitsluitend enkel betrekking te hebben op LOB:",
                    [
                        "een master of post-hbo opleiding",
                        "participeren binnen een netwerk, kenniskring of Community of Practice",
                        "modules veranderkunde en strategische beleidsvorming",
                        "modules om LOB te integreren binnen diverse leerarrangementen",
                        "een train the trainer",
                    ]),
                Group(
                    "Decaan/LOB-coördinator:", [.decaan],
                    intro:
                        "Professionaliseringsactiviteiten om opgedane kennis en vaardigheden te integreren en af te wegen in de LOB-werkzaamheden in de eigen school:",
                    [
                        "intervisie, collegiale ondersteuning of coaching"
                    ]),
            ]
        ),
    ]

    /// Forms named outside seed 002: seed 000 ch. 5 ("Scholing en kwaliteitszorg").
    public static let seed000Forms = [
        "training en (na)scholing",
        "intervisie",
        "evaluatie en functioneringsgesprekken",
    ]

    /// Seed 000 ch. 5: the yearly evaluation.
    public static let seed000YearlyEvaluation =
        "Het is verstandig om ieder jaar tijdens een evaluatie te kijken of alle betrokkenen doen wat is afgesproken en te bepalen of, en zo ja: welke scholing er nodig is."

    /// Forms and monitoring named in the MBO practice story (seed 003).
    public static let seed003Forms = [
        "learning-on-the-job",
        "training 'voeren van loopbaangesprekken in dialoog'",
        "train-the-trainer-concept",
        "scholing in gesprekstechnieken en hun coachende rol",
        "zelfassessment",
        "360 graden feedback van collega's",
        "POP-, functionerings- en beoordelingsgesprekken",
        "opfris- en verdiepingstrainingen",
        "het LOB-café van MBO Diensten en VO-raad en de kennisdelingssessies van het Stimuleringsplan LOB voor het mbo",
    ]
}
