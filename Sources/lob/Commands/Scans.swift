import ArgumentParser
import Foundation
import LOBCore
import LOBRender
import LOBStore

extension LobCommand {
    struct Scans: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bekijk en verwijder opgeslagen scans.",
            subcommands: [List.self, Show.self, Delete.self])
    }
}

extension LobCommand.Scans {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Toon alle opgeslagen scans.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try store.openForReading()
            let summaries = try Output.store { try database.summaries() }
            let unfinished = try Output.store { try database.unfinishedScans() }
            if summaries.isEmpty && unfinished.isEmpty {
                Output.write("Nog geen scans in \(store.databasePath()). Begin er een met: lob scan\n")
                return
            }
            if !summaries.isEmpty { Output.write(TextRenderer(width: 200).render(ScanView.listBlocks(summaries))) }
            if !unfinished.isEmpty {
                Output.write((summaries.isEmpty ? "" : "\n") + "Nog niet af (ga verder met 'lob scan'):\n")
                Output.write(TextRenderer(width: 200).render(ScanView.listBlocks(unfinished)))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Toon één scan met al zijn antwoorden en notities.")

        @Argument(help: "Het nummer van de scan (zie 'lob scans list').")
        var id: Int64

        @OptionGroup var store: StoreOptions

        func run() throws {
            let stored = try store.openForReading().requireScan(id)
            Output.write(TextRenderer().render(ScanView.blocks(stored)))
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verwijder een scan (vraagt eerst om bevestiging).")

        @Argument(help: "Het nummer van de scan.")
        var id: Int64

        @Flag(help: "Niet vragen, meteen verwijderen (voor scripts).")
        var yes = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            let database = try store.open()
            let stored = try database.requireScan(id)
            if !yes {
                FileHandle.standardError.write(
                    Data("Scan \(id) van \(stored.scan.teacher) (\(stored.scan.date)) verwijderen? [j/N] ".utf8))
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                guard ["j", "ja", "y", "yes"].contains(answer) else {
                    throw Output.fail("niet verwijderd" + (answer.isEmpty ? " (gebruik --yes in scripts)" : ""))
                }
            }
            _ = try Output.store { try database.deleteScan(id: id) }
            Output.write("Scan \(id) verwijderd.\n")
        }
    }
}

extension LOBDatabase {
    /// The scan with this id, or a failure that says there is none.
    func requireScan(_ id: Int64) throws -> StoredScan {
        guard let stored = try Output.store({ try scan(id: id) }) else {
            throw Output.fail("geen scan met nummer \(id); zie 'lob scans list'")
        }
        return stored
    }

    /// The scan with this id, or else the latest finished one, or a failure that says how to make one.
    func requireScan(_ id: Int64?, databasePath: String) throws -> StoredScan {
        if let id { return try requireScan(id) }
        guard let last = try Output.store({ try latestScan() }) else {
            throw Output.fail(
                "nog geen scans in \(databasePath); begin er een met 'lob scan' (of lees een bestand in met 'lob scan --answers BESTAND')"
            )
        }
        return last
    }
}
