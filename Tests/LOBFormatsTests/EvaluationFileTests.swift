import Foundation
import LOBCore
import Testing

@testable import LOBFormats

/// The logbook file (`lob export logbook`, `lob evaluation import`) and the school's indicators (`lob evaluation
/// indicators`): round trips, and every bad input named with file, line and what was expected.
struct EvaluationFileTests {
    static let year = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/examples/year")

    @Test func the_demo_logbooks_read_and_round_trip() throws {
        let folder = Self.year.appendingPathComponent("logboeken")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.count == 10)
        for file in files {
            let logbook = try LogbookFile.load(folder.appendingPathComponent(file))
            #expect(logbook.schoolYear == "2026-2027" && logbook.consent != .prive)
            let again = try LogbookFile.decode(data: Data(LogbookFile.encode(logbook).utf8), file: file)
            #expect(again == logbook, "\(file)")
        }
        let bram = try LogbookFile.load(folder.appendingPathComponent("bram-de-jong.yaml"))
        #expect(bram.teacher == "Bram de Jong" && bram.consent == .metNaam && bram.learningPreference == .oefenen)
        #expect(bram.activities.map(\.form) == ["in-house-traject", "training-op-maat", "intervisie"])
        #expect(bram.activities[0].cents == 33_333 && bram.activities[2].minutes == 600)
        #expect(bram.plannedCents == 212_133 && bram.plannedMinutes == 38 * 60)
    }

    private func problem(_ yaml: String) -> String {
        do {
            _ = try LogbookFile.decode(data: Data(yaml.utf8), file: "l.yaml")
            return "no error"
        } catch {
            return error.problems.first?.description ?? ""
        }
    }

    static let good = """
        formatVersion: 1
        logbookOf: "Ans Bakker"
        consent: anoniem
        schoolYear: 2026-2027
        date: 2027-03-15
        planned: {goals: 2, hours: 10, cost: 300}
        activities:
          - {form: intervisie, name: "Intervisie", competency: 2, date: 2027-01-10, hours: 4, cost: 0, satisfied: 4, usable: 5}
        goals:
          - {competency: 2, reached: true, gapBefore: 2, gapAfter: 0}
        """

    @Test func bad_logbooks_name_file_line_and_what_was_expected() {
        #expect(problem(Self.good) == "no error")
        #expect(
            problem(Self.good.replacingOccurrences(of: "consent: anoniem", with: "consent: prive"))
                == "l.yaml:3:10: 'consent': een privé-logboek lever je niet in: kies anoniem of metNaam")
        #expect(
            problem(Self.good.replacingOccurrences(of: "satisfied: 4", with: "satisfied: 6"))
                == "l.yaml:8:107: 'activities.[0].satisfied': tevreden 6 ligt buiten het bereik: verwacht 1 t/m 5")
        #expect(
            problem(Self.good.replacingOccurrences(of: ", satisfied: 4", with: ""))
                == "l.yaml:8:5: 'activities.[0]': een reactie heeft beide antwoorden: satisfied en usable")
        #expect(
            problem(Self.good.replacingOccurrences(of: "reached: true", with: "reached: true, gapAfter2: 1"))
                == "l.yaml:10:36: 'goals.[0].gapAfter2': onbekende sleutel: verwacht een van competency, gapAfter, gapBefore, observed, reached"
        )
        #expect(
            problem(Self.good.replacingOccurrences(of: "gapAfter: 0", with: "gapAfter: 1"))
                == "l.yaml:10:30: 'goals.[0].reached': bereikt, maar er is nog een gat (gapAfter)")
        #expect(
            problem(Self.good.replacingOccurrences(of: "schoolYear: 2026-2027", with: "schoolYear: 2026-2028"))
                == "l.yaml:4:13: 'schoolYear': verwacht een schooljaar als 2026-2027 (tussen 2000 en 2100), gevonden '2026-2028'"
        )
        #expect(
            problem(Self.good.replacingOccurrences(of: "hours: 4,", with: "hours: 4000,"))
                == "l.yaml:8:84: 'activities.[0].hours': de uren '4000' ligt buiten het bereik: verwacht 0 t/m 2.000")
        #expect(
            problem(Self.good.replacingOccurrences(of: "form: intervisie", with: "form: \"inter visie\""))
                .hasPrefix("l.yaml:8:12: 'activities.[0].form': verwacht een id"))
        // Another kind of file is named for what it is.
        #expect(
            problem("formatVersion: 1\nschool: X\ndate: 2026-11-20\naspects: {}\n").contains("dit is een schoolscan"))
    }

    @Test func indicators_are_read_as_dutch_excel_writes_them() throws {
        let indicators = try IndicatorFile.load(Self.year.appendingPathComponent("indicatoren-2026-2027.csv"))
        #expect(
            indicators == [
                SchoolIndicator(
                    name: "Leerlingen (zeer) tevreden over loopbaanbegeleiding", value: 78, unit: "%",
                    source: "leerlingenenquête mei 2027"),
                SchoolIndicator(
                    name: "Loopbaandossiers compleet in leerjaar 3", value: 81, unit: "%", source: "mentoren, juni 2027"
                ),
                SchoolIndicator(
                    name: "Loopbaangesprekken per leerling", value: 2.5, unit: "gesprekken",
                    source: "registratie decanaat"),
            ])
        let plain = try IndicatorFile.decode(Data("naam,waarde\nTevreden,78%\n".utf8), file: "i.csv")
        #expect(plain == [SchoolIndicator(name: "Tevreden", value: 78, unit: "%", source: nil)])
    }

    private func indicatorProblem(_ text: String) -> String {
        do {
            _ = try IndicatorFile.decode(Data(text.utf8), file: "i.csv")
            return "no error"
        } catch {
            return error.problems.map(\.description).joined(separator: " | ")
        }
    }

    @Test func bad_indicators_name_the_line() {
        #expect(
            indicatorProblem("wat;hoeveel\nx;1\n")
                == "i.csv:1: verwacht de kolommen 'indicator' en 'waarde' (en 'eenheid', 'bron'), gevonden 'wat', 'hoeveel'"
        )
        #expect(
            indicatorProblem("indicator;waarde\nTevreden;veel\n")
                == "i.csv:2: de waarde: 'veel' is geen bedrag of aantal; schrijf bijvoorbeeld 20000, 20.000 of 20.000,50"
        )
        #expect(
            indicatorProblem("indicator;waarde\nTevreden;78\ntevreden ;80\n")
                == "i.csv:3: 'tevreden' staat ook op regel 2: noem elke indicator één keer")
        #expect(indicatorProblem("indicator;waarde\n;\n") == "i.csv: de lijst noemt geen enkele indicator")
        #expect(
            indicatorProblem("indicator;waarde\n;78\n")
                == "i.csv:2: verwacht de naam van een indicator: één regel van hooguit 120 tekens")
    }
}
