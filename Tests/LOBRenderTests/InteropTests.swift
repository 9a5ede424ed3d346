import CSV
import Foundation
import LOBCore
import Testing

@testable import LOBRender

/// `lob framework export`: CASE 1.0 validated against the schema 1EdTech publishes (as OpenSALT uses it), and the
/// Moodle CSV read back by the rules of Moodle's own importer.
struct InteropTests {
    static let schema = Bundle.module.url(
        forResource: "case-v1p0-cfpackage-schema", withExtension: "json", subdirectory: "Schemas")!
    static let profile = Profile(
        id: "mbo", title: "Loopbaanbegeleider mbo", behaviours: ["1.4", "2.1", "7.3"],
        ownBehaviours: [Behaviour(id: "x.1", competency: 2, text: "voert een loopbaangesprek met ouders")],
        defaultTarget: 3)

    static func package(_ profile: Profile? = nil, baseURI: String? = nil) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try CASEPackage(profile: profile, baseURI: baseURI).json().utf8))
    }

    @Test func the_case_package_validates_against_the_case_schema() async throws {
        let schema = try JSONSchema(data: Data(contentsOf: Self.schema))
        for (profile, base) in [(nil, nil), (Self.profile, nil), (nil, "https://school.nl/case")]
            as [(Profile?, String?)]
        {
            let problems = schema.validate(try Self.package(profile, baseURI: base))
            #expect(problems.isEmpty, "\(problems.prefix(5))")
        }
        // The validator is not toothless: a package without its document, or with a bad identifier, fails.
        #expect(!schema.validate(["CFItems": []]).isEmpty)
        var broken = try #require(try Self.package() as? [String: Any])
        var document = try #require(broken["CFDocument"] as? [String: Any])
        document["identifier"] = "geen-uuid"
        broken["CFDocument"] = document
        #expect(schema.validate(broken).contains { $0.contains("does not match") })
    }

    @Test func the_case_package_holds_the_framework_in_the_seeds_wording_with_stable_ids() async throws {
        let package = try #require(try Self.package() as? [String: Any])
        let items = try #require(package["CFItems"] as? [[String: Any]])
        #expect(items.count == 7 + 44)
        let behaviour = try #require(items.first { $0["humanCodingScheme"] as? String == "1.8" })
        #expect(
            behaviour["fullStatement"] as? String
                == "respecteert vertrouwelijkheid en gaat discreet met gevoelige zaken om")
        #expect(behaviour["CFItemType"] as? String == "Gedragskenmerk" && behaviour["language"] as? String == "nl")
        let associations = try #require(package["CFAssociations"] as? [[String: Any]])
        #expect(associations.count == 51 && associations.allSatisfy { $0["associationType"] as? String == "isChildOf" })
        let identifiers =
            items.compactMap { $0["identifier"] as? String } + associations.compactMap { $0["identifier"] as? String }
        #expect(Set(identifiers).count == identifiers.count)
        // Version 5 UUIDs, as any other implementation computes them (Python: uuid5(uuid5(NAMESPACE_URL, ...), ...)).
        #expect(
            (package["CFDocument"] as? [String: Any])?["identifier"] as? String
                == "2f2f3460-f535-5cc1-a820-27164874d55d")
        let levels =
            ((package["CFRubrics"] as? [[String: Any]])?.first?["CFRubricCriteria"] as? [[String: Any]])?.first?[
                "CFRubricCriterionLevels"] as? [[String: Any]]
        #expect(levels?.compactMap { $0["quality"] as? String } == Scale.standard.levels.map(\.label))
        // The same export twice is the same bytes.
        #expect(try CASEPackage().json() == CASEPackage().json())
    }

    @Test func a_profile_exports_only_its_behaviours() async throws {
        let package = try #require(try Self.package(Self.profile) as? [String: Any])
        let codes = (package["CFItems"] as? [[String: Any]] ?? []).compactMap { $0["humanCodingScheme"] as? String }
        #expect(codes == ["1", "1.4", "2", "2.1", "x.1", "7", "7.3"])
        let rows = MoodleFrameworkCSV.rows(profile: Self.profile)
        #expect(rows.dropFirst().map { $0[1] } == ["1", "1.4", "2", "2.1", "x.1", "7", "7.3"])
    }

    /// Moodle's importer (admin/tool/lpimportcsv, framework_importer) applied to our CSV, rule by rule.
    @Test func the_moodle_csv_follows_moodles_importer() async throws {
        for profile in [nil, Self.profile] as [Profile?] {
            let text = try MoodleFrameworkCSV.render(profile: profile)
            #expect(!text.hasPrefix("\u{FEFF}") && !text.contains("\\\""))
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            #expect(reader.headerRow == MoodleFrameworkCSV.header && reader.headerRow?.count == 14)
            var rows: [[String]] = []
            while let row = reader.next() { rows.append(row) }
            #expect(rows.allSatisfy { $0.count == 14 })
            // Exactly one framework row, with a scale and a scale configuration Moodle accepts.
            let frameworks = rows.filter { !$0[12].isEmpty && $0[12] != "0" }
            #expect(frameworks.count == 1)
            let framework = try #require(frameworks.first)
            let scale = framework[5].split(separator: ",")
            #expect(scale.count == 4)
            let configuration = try #require(
                try JSONSerialization.jsonObject(with: Data(framework[6].utf8)) as? [[String: Any]])
            #expect(configuration.first?["scaleid"] != nil && configuration.count == scale.count + 1)
            #expect(
                configuration.dropFirst().contains { $0["scaledefault"] as? Int == 1 }
                    && configuration.dropFirst().contains { $0["proficient"] as? Int == 1 })
            #expect(
                framework[13].split(separator: ",").allSatisfy {
                    [
                        "competency", "behaviour", "concept", "domain", "indicator", "level", "outcome", "practice",
                        "proficiency", "skill", "value",
                    ].contains($0)
                })
            // Competencies: an ID number and a short name (else skipped), both at most 100 characters, ID numbers unique.
            let competencies = rows.filter { $0[12].isEmpty || $0[12] == "0" }
            #expect(
                competencies.allSatisfy { !$0[1].isEmpty && !$0[2].isEmpty && $0[1].count <= 100 && $0[2].count <= 100 }
            )
            #expect(Set(competencies.map { $0[1] }).count == competencies.count)
            #expect(competencies.allSatisfy { Int($0[4]) != nil && Int($0[8]) != nil })
            // The tree as Moodle builds it from the parents reaches every row.
            var reached = Set<String>()
            func add(_ parent: String) {
                for row in competencies where row[0] == parent && reached.insert(row[1]).inserted { add(row[1]) }
            }
            add("")
            #expect(reached.count == competencies.count)
        }
        #expect(MoodleFrameworkCSV.rows().count == 1 + 7 + 44)
    }
}
