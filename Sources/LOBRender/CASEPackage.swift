import Crypto
import Foundation
import LOBCore

/// The framework (or a profile's part of it) as a 1EdTech CASE 1.0 CFPackage, the exchange format of curriculum
/// tools such as OpenSALT (docs/interop.md): a CFDocument, a CFItem per competency and behaviour in the seed's
/// wording with our id as humanCodingScheme, `isChildOf` associations from behaviour to competency and from
/// competency to the document, and the four-level scale as a CFRubric.
///
/// Deterministic: identifiers are name-based UUIDs (version 5) of our ids, the change date is the catalogue's, and
/// keys are sorted, so the same export twice is byte-equal.
public struct CASEPackage: Encodable {
    /// When the catalogue of the seeds last changed: the date every exported node carries.
    public static let lastChange = "2026-11-25T00:00:00+00:00"
    /// The version of the exported framework (our catalogue), not of CASE.
    public static let version = "1.0"
    /// Seed 000 names SLO's LOB pages as its source.
    public static let officialSourceURL = "http://www.slo.nl/lob"

    struct Link: Encodable {
        let title: String
        let identifier: String
        let uri: String
    }

    struct Document: Encodable {
        let identifier: String
        let uri: String
        let creator: String
        let title: String
        let lastChangeDateTime: String
        let officialSourceURL: String
        let publisher: String
        let description: String
        let language: String
        let version: String
        let adoptionStatus: String
        let notes: String
    }

    struct Item: Encodable {
        let identifier: String
        let uri: String
        let fullStatement: String
        let abbreviatedStatement: String?
        let humanCodingScheme: String
        let listEnumeration: String
        let CFItemType: String
        let CFItemTypeURI: Link
        let language: String
        let notes: String?
        let lastChangeDateTime: String
        let CFDocumentURI: Link
    }

    struct Association: Encodable {
        let identifier: String
        let uri: String
        let associationType: String
        let sequenceNumber: Int
        let originNodeURI: Link
        let destinationNodeURI: Link
        let lastChangeDateTime: String
        let CFDocumentURI: Link
    }

    struct ItemType: Encodable {
        let identifier: String
        let uri: String
        let title: String
        let description: String
        let hierarchyCode: String
        let lastChangeDateTime: String
    }

    struct Definitions: Encodable {
        let CFItemTypes: [ItemType]
    }

    struct Level: Encodable {
        let identifier: String
        let uri: String
        let quality: String
        let description: String
        let score: Int
        let position: Int
        let rubricCriterionId: String
        let lastChangeDateTime: String
    }

    struct Criterion: Encodable {
        let identifier: String
        let uri: String
        let category: String
        let description: String
        let position: Int
        let rubricId: String
        let lastChangeDateTime: String
        let CFRubricCriterionLevels: [Level]
    }

    struct Rubric: Encodable {
        let identifier: String
        let uri: String
        let title: String
        let description: String
        let lastChangeDateTime: String
        let CFRubricCriteria: [Criterion]
    }

    let CFDocument: Document
    let CFItems: [Item]
    let CFAssociations: [Association]
    let CFDefinitions: Definitions
    let CFRubrics: [Rubric]

    /// The whole catalogue, or only what `profile` scores (its chosen and its own behaviours, and their competencies).
    /// `baseURI` makes OpenSALT-style URIs (`BASE/uri/IDENTIFIER`); without it they are `urn:uuid:IDENTIFIER`.
    public init(
        catalogue: Catalogue = .standard, profile: Profile? = nil, scale: Scale = .standard, baseURI: String? = nil
    ) {
        // Everything in one package is named under its document, so a profile's package never clashes with the
        // framework's when both are imported.
        let documentKey = profile.map { "profiel:\($0.id)" } ?? "kader"
        func uuid(_ name: String) -> String { NameBasedUUID.make("\(documentKey)/\(name)") }
        func uri(_ identifier: String) -> String {
            baseURI.map { "\($0.hasSuffix("/") ? String($0.dropLast()) : $0)/uri/\(identifier)" }
                ?? "urn:uuid:\(identifier)"
        }
        func link(_ title: String, _ identifier: String) -> Link {
            Link(title: title, identifier: identifier, uri: uri(identifier))
        }

        let date = Self.lastChange
        let behaviours = profile?.scoredBehaviours(in: catalogue) ?? catalogue.behaviours
        let competencies = catalogue.competencies.filter { competency in
            behaviours.contains { $0.competency == competency.id }
        }
        let documentID = uuid("document")
        let title =
            profile.map { "LOB-spiegel profiel: \($0.title)" }
            ?? "De beroepsgerichte vakdocent als loopbaanbegeleider: SBL-competenties en aanvullende gedragskenmerken"
        let document = link(title, documentID)
        CFDocument = Document(
            identifier: documentID, uri: uri(documentID), creator: "SLO (bron); LOB-spiegel (export)", title: title,
            lastChangeDateTime: date, officialSourceURL: Self.officialSourceURL, publisher: "LOB-spiegel",
            description: profile.map { $0.description.isEmpty ? $0.title : $0.description }
                ?? "De zeven SBL-competenties met de aanvullende gedragskenmerken voor de loopbaanbegeleider (SLO, vmbo).",
            language: "nl", version: Self.version, adoptionStatus: "Draft",
            notes:
                "Elk gedragskenmerk vult de zin aan: \"De loopbaanbegeleider …\". De schaal (1–4) is die van LOB-spiegel, niet van de bron."
        )

        let competencyType = ItemType(
            identifier: uuid("type/competentie"), uri: uri(uuid("type/competentie")), title: "Competentie",
            description: "Een SBL-competentie (wet BIO)", hierarchyCode: "1", lastChangeDateTime: date)
        let behaviourType = ItemType(
            identifier: uuid("type/gedragskenmerk"), uri: uri(uuid("type/gedragskenmerk")), title: "Gedragskenmerk",
            description: "Een aanvullend gedragskenmerk van de loopbaanbegeleider", hierarchyCode: "2",
            lastChangeDateTime: date)
        CFDefinitions = Definitions(CFItemTypes: [competencyType, behaviourType])

        var items: [Item] = []
        var associations: [Association] = []
        for (index, competency) in competencies.enumerated() {
            let id = uuid("competentie/\(competency.id)")
            items.append(
                Item(
                    identifier: id, uri: uri(id), fullStatement: competency.bekwaamheidseis,
                    abbreviatedStatement: competency.name,
                    humanCodingScheme: "\(competency.id)", listEnumeration: "\(index + 1)", CFItemType: "Competentie",
                    CFItemTypeURI: link("Competentie", competencyType.identifier), language: "nl", notes: nil,
                    lastChangeDateTime: date, CFDocumentURI: document))
            let associationID = uuid("isChildOf/competentie/\(competency.id)")
            associations.append(
                Association(
                    identifier: associationID, uri: uri(associationID), associationType: "isChildOf",
                    sequenceNumber: index + 1,
                    originNodeURI: link(competency.name, id), destinationNodeURI: document, lastChangeDateTime: date,
                    CFDocumentURI: document))
            for (position, behaviour) in behaviours.filter({ $0.competency == competency.id }).enumerated() {
                let behaviourID = uuid("gedragskenmerk/\(behaviour.id)")
                let target = profile.map {
                    "Doelniveau in dit profiel: \($0.target(for: behaviour)) (\(scale.label(for: $0.target(for: behaviour)) ?? ""))."
                }
                items.append(
                    Item(
                        identifier: behaviourID, uri: uri(behaviourID), fullStatement: behaviour.text,
                        abbreviatedStatement: nil,
                        humanCodingScheme: behaviour.id, listEnumeration: "\(position + 1)",
                        CFItemType: "Gedragskenmerk",
                        CFItemTypeURI: link("Gedragskenmerk", behaviourType.identifier), language: "nl", notes: target,
                        lastChangeDateTime: date, CFDocumentURI: document))
                let childID = uuid("isChildOf/gedragskenmerk/\(behaviour.id)")
                associations.append(
                    Association(
                        identifier: childID, uri: uri(childID), associationType: "isChildOf",
                        sequenceNumber: position + 1,
                        originNodeURI: link(behaviour.id, behaviourID), destinationNodeURI: link(competency.name, id),
                        lastChangeDateTime: date, CFDocumentURI: document))
            }
        }
        CFItems = items
        CFAssociations = associations

        let rubricID = uuid("schaal"), criterionID = uuid("schaal/beheersing")
        CFRubrics = [
            Rubric(
                identifier: rubricID, uri: uri(rubricID), title: "Schaal LOB-spiegel",
                description:
                    "De vierpuntsschaal waarop een docent elk gedragskenmerk scoort (een standaard van LOB-spiegel; de bronnen geven geen schaal).",
                lastChangeDateTime: date,
                CFRubricCriteria: [
                    Criterion(
                        identifier: criterionID, uri: uri(criterionID), category: "Beheersing",
                        description: "Hoe vaak en hoe goed de docent het gedragskenmerk laat zien.", position: 1,
                        rubricId: rubricID,
                        lastChangeDateTime: date,
                        CFRubricCriterionLevels: scale.levels.map { level in
                            let levelID = uuid("schaal/niveau/\(level.value)")
                            return Level(
                                identifier: levelID, uri: uri(levelID), quality: level.label,
                                description: "\(level.value): \(level.label)",
                                score: level.value, position: level.value, rubricCriterionId: criterionID,
                                lastChangeDateTime: date)
                        })
                ])
        ]
    }

    /// The package as sorted, pretty JSON.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name), so that the same id always gives the
/// same identifier, in every export and on every machine.
public enum NameBasedUUID {
    /// LOB-spiegel's namespace: itself the version-5 UUID of "https://lob-spiegel.nl" in the URL namespace.
    static let namespace = UUID(
        uuidString: make("https://lob-spiegel.nl", namespace: UUID(uuidString: "6ba7b811-9dad-11d1-80b4-00c04fd430c8")!)
    )!

    public static func make(_ name: String) -> String { make(name, namespace: namespace) }

    static func make(_ name: String, namespace: UUID) -> String {
        var bytes = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        bytes += Array(name.utf8)
        var hash = Array(Insecure.SHA1.hash(data: bytes).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        let uuid = UUID(
            uuid: (
                hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7],
                hash[8], hash[9], hash[10], hash[11], hash[12], hash[13], hash[14], hash[15]
            ))
        return uuid.uuidString.lowercased()
    }
}
