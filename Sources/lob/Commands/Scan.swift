import ArgumentParser
import Foundation
import LOBCore
import LOBFormats

extension LobCommand {
    struct ScanCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scan",
            abstract: "Sla een zelfscan op: je scores op de gedragskenmerken van een profiel.",
            discussion: """
                Met --answers lees je een ingevuld scanbestand in (zie docs/scan-file.md en docs/examples/scan.yaml).
                Het bestand wordt eerst helemaal gecontroleerd; bij een fout blijft de database ongewijzigd.
                """)

        @Option(help: ArgumentHelp("Een ingevuld scanbestand (YAML of JSON).", valueName: "bestand"))
        var answers: String?

        @Option(help: ArgumentHelp("Het profiel; nodig als het bestand er geen noemt.", valueName: "id"))
        var profile: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            if answers == nil {
                throw ValidationError("Geef je antwoorden met --answers BESTAND (zie docs/scan-file.md).")
            }
        }

        func run() throws {
            guard let answers else { return }
            let library = profiles.library()
            let decoded: (scan: Scan, profile: Profile)
            do {
                decoded = try ScanFile.load(URL(fileURLWithPath: answers), profileID: profile, profile: library.profile)
            } catch {
                throw Output.fail(error)
            }
            let database = try store.open()
            let id = try Output.store { try database.save(decoded.scan, profile: decoded.profile) }
            let result = ScanResult(scan: decoded.scan, profile: decoded.profile)
            Output.write("Scan \(id) opgeslagen: \(result.answeredCount) van \(result.behaviours.count) gedragskenmerken beantwoord.\n")
            Output.write("Bekijk je uitslag met: lob report \(id)\n")
        }
    }
}
