import Foundation
import LOBCore
import Testing

@testable import LOBFormats

/// The file of reactions the offline page downloads (`lob plan react --out`, `--file`): the example reads and round
/// trips, and every bad input is named with file, line and what was expected.
struct ReactionFileTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/examples/reacties.yaml")

    @Test func the_example_reads_and_round_trips() throws {
        let (sheet, lines) = try ReactionFile.load(Self.example)
        #expect(sheet.teacher == "Jan de Vries" && sheet.planScanID == 1)
        #expect(lines == [8, 14])
        #expect(
            sheet.answers.first
                == ReactionSheet.Answer(
                    activityID: 1, activityName: "Meedraaien met een getalenteerde LOB-collega", satisfied: 4,
                    usable: 5,
                    remark:
                        "Ze liet me zien hoe je een gesprek opent met een vraag van de leerling zelf.\nDirect bruikbaar in mijn mentorles.",
                    date: SchoolDate("2026-12-12")!))
        #expect(sheet.answers.last?.remark == nil)
        let text = ReactionFile.encode(sheet)
        #expect(try ReactionFile.decode(data: Data(text.utf8), file: "r.yaml").sheet == sheet)
        // The example is what the encoder writes: the page and the docs show one format.
        #expect(text == (try String(contentsOf: Self.example, encoding: .utf8)))
    }

    private func problems(_ yaml: String) -> [String] {
        do {
            _ = try ReactionFile.decode(data: Data(yaml.utf8), file: "r.yaml")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    static let good = """
        formatVersion: 1
        reactionsOf: "Jan de Vries"
        planScan: 3
        reactions:
          - activity: 4
            name: "Intervisie"
            date: 2027-01-21
            satisfied: 4
            usable: 5
          - {activity: 5, name: "Training", date: 2027-01-22, satisfied: 2, usable: 3, remark: "Te kort"}
        """

    @Test func bad_files_name_file_line_and_what_was_expected() {
        #expect(problems(Self.good) == [])
        #expect(
            problems(
                Self.good.replacingOccurrences(of: "satisfied: 4", with: "satisfied: 7").replacingOccurrences(
                    of: "date: 2027-01-22", with: "date: 22-01-2027"))
                == [
                    "r.yaml:8:16: 'reactions.[0].satisfied': tevreden 7 ligt buiten het bereik: verwacht 1 t/m 5",
                    "r.yaml:10:43: 'reactions.[1].date': verwacht een datum als JJJJ-MM-DD: cijfers, een bestaande dag, een jaar van 1900 tot 2199",
                ])
        #expect(
            problems(Self.good.replacingOccurrences(of: "usable: 5", with: "usable: 5\n    note: x"))
                == [
                    "r.yaml:10:5: 'reactions.[0].note': onbekende sleutel: verwacht een van activity, date, name, remark, satisfied, usable"
                ])
        #expect(
            problems(Self.good.replacingOccurrences(of: "    usable: 5\n", with: ""))
                == ["r.yaml:5:5: 'reactions.[0]': verplichte sleutel 'usable' ontbreekt"])
        #expect(
            problems(Self.good.replacingOccurrences(of: "planScan: 3", with: "planScan: \"3\""))
                == [
                    "r.yaml:3:11: 'planScan': verwacht een geheel getal zonder aanhalingstekens, gevonden de tekst '3'"
                ])
        #expect(
            problems(Self.good.replacingOccurrences(of: "\"Intervisie\"", with: "\"Inter\\nvisie\""))
                == [
                    "r.yaml:6:11: 'reactions.[0].name': de naam van de activiteit is één regel, gevonden 'Inter\\nvisie'"
                ])
        #expect(
            problems(Self.good.replacingOccurrences(of: "remark: \"Te kort\"", with: "remark: \"Te\\u0007kort\""))
                == ["r.yaml:10:88: 'reactions.[1].remark': een notitie bevat geen stuurtekens"])
        #expect(
            problems(String(Self.good.prefix(while: { $0 != "\n" })) + "\nreactionsOf: Jan\nplanScan: 1\nreactions: []")
                == ["r.yaml:4:12: 'reactions': het bestand geeft geen enkele reactie"])
        // Another kind of file is named for what it is; a file of none is refused without quoting it.
        #expect(
            problems(EvaluationFileTests.good)
                == ["r.yaml: dit is een logboek (lob evaluation import), geen bestand met reacties"])
        #expect(
            problems("formatVersion: 1\nteacher: Jan\nscores: {}\n")
                == ["r.yaml: dit is een scanbestand (lob scan --answers, lob team import), geen bestand met reacties"])
        #expect(
            problems("name: x\nversion: 2\n")
                == [
                    "r.yaml: is geen bestand met reacties: het heeft geen van de sleutels planScan, reactions, reactionsOf"
                ])
    }

    @Test func a_file_holds_at_most_a_school_years_reactions() {
        let many = (1...501).map { "  - {activity: \($0), name: x, date: 2027-01-21, satisfied: 4, usable: 4}" }
        #expect(
            problems("formatVersion: 1\nreactionsOf: Jan\nplanScan: 1\nreactions:\n" + many.joined(separator: "\n"))
                == ["r.yaml:5:3: 'reactions': hooguit 500 reacties in één bestand"])
    }
}
