import Foundation
import LOBCore
import LOBShippedProfiles
import Testing
import ZIPFoundation

@testable import LOBFormats

/// Survey exports as each tool writes them (`Tests/Fixtures/survey/make-fixtures.py`), read by the template mapping.
struct SurveyImportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/survey")
    let library = ProfileLibrary(folders: [ShippedProfiles.directory].compactMap { $0 })
    let today = SchoolDate("2027-03-15")!

    struct Expected: Decodable {
        let row: Int
        let teacher: String
        let consent: String
        let date: String
        let scores: [String: Int]
    }

    /// The template mapping with the date column of a tool switched on.
    private func mapping(date: String?) throws -> (SurveyMapping, Profile) {
        var text = try String(contentsOf: Self.folder.appendingPathComponent("mapping.yaml"), encoding: .utf8)
        if let date {
            text = text.replacingOccurrences(of: "  # date: \"Tijd van voltooien\"", with: "  date: \"\(date)\"")
        }
        return try SurveyMapping.decode(data: Data(text.utf8), file: "mapping.yaml", profile: library.profile)
    }

    private func read(_ name: String, date: String?) throws -> SurveyImport {
        let (mapping, profile) = try mapping(date: date)
        let table = try SurveyTable.load(Self.folder.appendingPathComponent(name))
        return try SurveyImport(
            table, mapping: mapping, profile: profile, file: name, mappingFile: "mapping.yaml", team: "Bouw",
            today: today)
    }

    @Test(arguments: [
        ("google.csv", "Tijdstempel"), ("excel-nl.csv", "Tijdstempel"), ("excel-utf8.csv", "Tijdstempel"),
        ("limesurvey.csv", "Datum verstuurd"), ("forms.xlsx", "Tijd van voltooien"),
    ])
    func every_row_becomes_the_scan_that_was_answered(file: String, dateColumn: String) throws {
        let expected = try JSONDecoder().decode(
            [Expected].self, from: Data(contentsOf: Self.folder.appendingPathComponent("expected.json")))
        let read = try read(file, date: dateColumn)
        #expect(read.badRows.isEmpty, "\(read.badRows)")
        #expect(read.entries.map(\.row) == expected.map(\.row))
        for (entry, want) in zip(read.entries, expected) {
            #expect(entry.scan.teacher == want.teacher)
            #expect(entry.scan.consent.rawValue == want.consent)
            #expect(entry.scan.date.description == want.date)
            #expect(entry.scan.team == "Bouw")
            let scores = entry.scan.answers.compactMapValues { $0.score }
            #expect(scores == want.scores, "\(file) row \(want.row)")
        }
    }

    @Test func without_a_date_column_the_scan_is_dated_today() async throws {
        let read = try read("google.csv", date: nil)
        #expect(read.entries.allSatisfy { $0.scan.date == today })
    }

    @Test func every_bad_row_is_reported_with_its_number_and_column() async throws {
        let read = try read("bad.csv", date: "Tijdstempel")
        #expect(read.entries.map(\.row) == [2])
        #expect(read.badRows.map(\.row) == [3, 4, 5, 6])
        let messages = read.badRows.map { $0.problems.joined(separator: " | ") }
        #expect(messages[0].contains("antwoord 'Vaak' staat niet onder answers"))
        #expect(messages[0].contains("kolom '1.1 kent zijn leerlingen'"))
        #expect(messages[1].contains("kolom 'Je naam': leeg"))
        #expect(messages[2].contains("kolom 'Wie mag je scan zien?': leeg"))
        #expect(messages[3].contains("zonder stuurtekens"))
        // A message never names a colleague who did not choose to be named.
        #expect(!messages.joined().contains("Chloë"))
    }

    /// An answer may be the level itself, in digits: "3" is 3, but "+3" (which `Int` reads as 3) is not an answer.
    @Test func an_answer_given_as_a_number_is_digits_only() async throws {
        let (mapping, profile) = try mapping(date: "Tijdstempel")
        let lines = try String(contentsOf: Self.folder.appendingPathComponent("bad.csv"), encoding: .utf8)
            .components(separatedBy: "\n")
        func imported(_ answer: String) throws -> SurveyImport {
            let row = lines[1].replacingOccurrences(
                of: "Ans Bakker,Met naam: de teamvoorzitter mag hem met je naam zien,Nog niet,",
                with: "Ans Bakker,Met naam: de teamvoorzitter mag hem met je naam zien,\(answer),")
            #expect(row != lines[1])
            let table = try SurveyTable.decode(Data((lines[0] + "\n" + row + "\n").utf8), file: "e.csv")
            return try SurveyImport(
                table, mapping: mapping, profile: profile, file: "e.csv", mappingFile: "mapping.yaml", team: "Bouw",
                today: today)
        }
        #expect(try imported("3").entries.first?.scan.answers["1.1"]?.score == 3)
        let signed = try imported("+3")
        #expect(signed.entries.isEmpty)
        #expect(
            signed.badRows.first?.problems.first?.contains("kolom '1.1 kent zijn leerlingen': antwoord '+3'") == true,
            "\(signed.badRows)")
    }

    @Test func a_mapped_column_that_is_not_in_the_export_is_named_with_the_mapping_line() async throws {
        let (mapping, profile) = try mapping(date: "Datum van invullen")
        let table = try SurveyTable.load(Self.folder.appendingPathComponent("google.csv"))
        #expect {
            try SurveyImport(
                table, mapping: mapping, profile: profile, file: "google.csv", mappingFile: "mapping.yaml",
                team: "Bouw", today: today)
        } throws: { error in
            let text = "\(error)"
            return text.contains("mapping.yaml:23: kolom 'Datum van invullen' staat niet in google.csv")
                && text.contains("de kolommen van deze export: 'Tijdstempel', 'E-mailadres'")
        }
    }

    @Test func the_committed_template_is_current_and_reads_back() async throws {
        let profile = try #require(library.profile("loopbaanbegeleider-vmbo"))
        let template = SurveyMapping.template(profile: profile)
        #expect(
            template == (try String(contentsOf: Self.folder.appendingPathComponent("mapping.yaml"), encoding: .utf8)),
            "run lob import survey --template --out Tests/Fixtures/survey/mapping.yaml and make-fixtures.py")
        let (mapping, _) = try SurveyMapping.decode(data: Data(template.utf8), file: "t.yaml", profile: library.profile)
        #expect(mapping.behaviours.map(\.id) == profile.scoredBehaviours(in: .standard).map(\.id))
        #expect(mapping.answers[SurveyMapping.normalized("SOMS / in  ontwikkeling")] == 2)
        #expect(mapping.consentAnswers[SurveyMapping.normalized("prive: alleen voor jezelf")] == .prive)
    }

    @Test func a_mapping_without_consent_or_with_a_foreign_behaviour_is_refused() async {
        let base = """
            formatVersion: 1
            profile: loopbaanbegeleider-vmbo
            columns:
              teacher: "Naam"
            answers: {"Nog niet": 1}
            behaviours: {"1.1": "Vraag 1"}
            """
        let noConsent = #expect(throws: FormatError.self) {
            try SurveyMapping.decode(data: Data(base.utf8), file: "m.yaml", profile: library.profile)
        }
        #expect(
            noConsent?.description
                == "m.yaml:4:3: 'columns': columns.consent ontbreekt: de kolom waarin de collega kiest wie zijn scan mag zien (zonder die keuze wordt niets opgeslagen)"
        )
        let foreign = base.replacingOccurrences(of: "teacher: \"Naam\"", with: "teacher: \"Naam\"\n  consent: \"T\"")
            .replacingOccurrences(of: "\"1.1\"", with: "\"9.9\"")
        #expect {
            try SurveyMapping.decode(data: Data(foreign.utf8), file: "m.yaml", profile: library.profile)
        } throws: { "\($0)".contains("m.yaml:7") && "\($0)".contains("gedragskenmerk '9.9' hoort niet bij profiel") }
    }

    @Test func dates_as_survey_tools_write_them() async {
        #expect(SurveyImport.date("24-11-2026 10:15:03", order: .dmy)?.description == "2026-11-24")
        #expect(SurveyImport.date("24/11/2026", order: .dmy)?.description == "2026-11-24")
        #expect(SurveyImport.date("11/24/2026 10:15 AM", order: .mdy)?.description == "2026-11-24")
        #expect(SurveyImport.date("2026/11/24 10:15:03 AM CET", order: .mdy)?.description == "2026-11-24")
        #expect(SurveyImport.date("2026-11-24T10:15:03Z", order: .dmy)?.description == "2026-11-24")
        #expect(SurveyImport.date("46350.43", order: .dmy)?.description == "2026-11-24")
        #expect(SurveyImport.date("24.11.26", order: .dmy)?.description == "2026-11-24")
        #expect(SurveyImport.date("31-02-2026", order: .dmy) == nil)
        #expect(SurveyImport.date("gisteren", order: .dmy) == nil)
    }

    @Test func the_separator_and_the_encoding_are_found() async throws {
        #expect(SurveyTable.separator("\"a;b\",c,d\n1;2;3;4") == ",")
        #expect(SurveyTable.separator("a;b;c\n") == ";")
        #expect(SurveyTable.separator("a\tb\tc") == "\t")
        let latin = Data([0x50, 0x72, 0x69, 0x76, 0xE9])  // "Privé" in Windows-1252
        #expect(try SurveyTable.text(latin, file: "x") == "Privé")
        let table = try SurveyTable.decode(Data("\n\nNaam;Team\n\"Ans\nB\";Bouw\n;\n".utf8), file: "x.csv")
        #expect(table.header == ["Naam", "Team"])
        #expect(table.rows == [SurveyTable.Row(number: 4, cells: ["Ans\nB", "Bouw"])])
    }

    @Test func hostile_exports_are_refused_with_a_reason() async throws {
        #expect { try SurveyTable.decode(Data(), file: "leeg.csv") } throws: { "\($0)".contains("is leeg") }
        #expect { try SurveyTable.decode(Data("a,b\n\"1,2\n".utf8), file: "q.csv") } throws: {
            "\($0)".contains("wordt niet afgesloten")
        }
        #expect { try SurveyTable.decode(Data([0xD0, 0xCF, 0x11, 0xE0, 0, 0]), file: "oud.xls") } throws: {
            "\($0)".contains("oud Excel-bestand")
        }
        #expect { try SurveyTable.decode(Data("Naam\nA\u{0}B\n".utf8), file: "nul.csv") } throws: {
            "\($0)".contains("stuurteken")
        }
        // A zip that is not a workbook, a broken zip, and a sheet that unpacks past the limit (a zip bomb).
        let empty = try archive(["readme.txt": Data("hallo".utf8)])
        #expect { try SurveyTable.decode(empty, file: "x.xlsx") } throws: { "\($0)".contains("geen werkblad") }
        #expect { try SurveyTable.decode(Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), file: "kapot.xlsx") } throws: {
            "\($0)".contains("beschadigd")
        }
        let bomb = try archive(["xl/worksheets/sheet1.xml": Data(repeating: 0x20, count: 3 << 20)])
        #expect(bomb.count < 100_000)
        #expect { try XLSXSheet.table(bomb, file: "bom.xlsx", limit: 1 << 20) } throws: {
            "\($0)".contains("is uitgepakt groter dan 1 MB")
        }
        let entity = try archive([
            "xl/worksheets/sheet1.xml": Data(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData></worksheet>"
                    .utf8)
        ])
        let read = try? SurveyTable.decode(entity, file: "xxe.xlsx")
        #expect(read.map { !$0.header.joined().contains("root:") } ?? true)
    }

    /// The zip reader's inflate ends on every input: a stream cut short is damaged (ZIPFoundation looped forever on
    /// it), one that unpacks past the limit is too large, and a whole one gives back its bytes.
    @Test func the_zip_reader_stops_on_a_cut_or_swelling_stream() async throws {
        let sheet = Data((0..<400).map { "<row r=\"\($0)\"><c><v>\($0)</v></c></row>" }.joined().utf8)
        let zip = try ZIPArchive(archive(["s.xml": sheet]), file: "a.xlsx")
        #expect(try zip.part("s.xml", limit: 1 << 20) == sheet)
        #expect(try zip.part("t.xml", limit: 1 << 20) == nil)
        #expect(throws: ZIPArchive.Refusal.tooLarge) { try zip.part("s.xml", limit: sheet.count - 1) }
        let entry = try #require(zip.entries["s.xml"])
        let cut = zip.bytes[entry.data.lowerBound..<(entry.data.lowerBound + entry.data.count / 2)]
        #expect(throws: ZIPArchive.Refusal.damaged) { try ZIPArchive.inflate(cut, limit: 1 << 20) }
        #expect(throws: ZIPArchive.Refusal.damaged) { try ZIPArchive.inflate([], limit: 1 << 20) }
        #expect(throws: ZIPArchive.Refusal.damaged) { try ZIPArchive.inflate([0xFF, 0xFF, 0xFF], limit: 1 << 20) }
        #expect(try ZIPArchive.inflate(zip.bytes[entry.data], limit: 1 << 20) == [UInt8](sheet))
    }

    private func archive(_ entries: [String: Data]) throws -> Data {
        let zip = try Archive(accessMode: .create)
        for (path, data) in entries.sorted(by: { $0.key < $1.key }) {
            try zip.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(zip.data)
    }
}
