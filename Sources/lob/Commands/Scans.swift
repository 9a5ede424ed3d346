import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBRender

extension LobCommand {
    struct Scans: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scans",
            abstract: "Bekijk en verwijder opgeslagen scans.",
            subcommands: [List.self, Show.self, Delete.self])
    }
}

extension LobCommand.Scans {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Toon alle opgeslagen scans.")

        @Option(help: "Uitvoer: text of json.")
        var format: ListFormat = .text

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let (summaries, unfinished) = try await Output.store { try await store.appForReading().scanList() }
            if format == .json {
                return Output.write(try JSON.encode(ListJSON.Scans(finished: summaries, unfinished: unfinished)))
            }
            if summaries.isEmpty && unfinished.isEmpty {
                Output.write("Nog geen scans in \(store.databasePath()). Begin er een met: lob scan\n")
                return
            }
            if !summaries.isEmpty {
                Output.write(TextRenderer(width: TerminalWidth.current()).render(ScanView.listBlocks(summaries)))
            }
            if !unfinished.isEmpty {
                Output.write((summaries.isEmpty ? "" : "\n") + "Nog niet af (ga verder met 'lob scan'):\n")
                Output.write(TextRenderer(width: TerminalWidth.current()).render(ScanView.listBlocks(unfinished)))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Toon één scan met al zijn antwoorden en notities.")

        @Argument(help: "Het nummer van de scan (zie 'lob scans list').")
        var id: Int64

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let stored = try await Output.store { try await store.appForReading().scan(id) }
            Output.write(TextRenderer(width: TerminalWidth.current()).render(ScanView.blocks(stored)))
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete", abstract: "Verwijder een scan (vraagt eerst om bevestiging).")

        @Argument(help: "Het nummer van de scan.")
        var id: Int64

        @Flag(help: "Niet vragen, meteen verwijderen (voor scripts).")
        var yes = false

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let app = try await store.app()
            let stored = try await Output.store { try await app.scan(id) }
            if !yes {
                FileHandle.standardError.write(
                    Data("Scan \(id) van \(stored.scan.teacher) (\(stored.scan.date)) verwijderen? [j/N] ".utf8))
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                guard ["j", "ja", "y", "yes"].contains(answer) else {
                    throw Output.fail("niet verwijderd" + (answer.isEmpty ? " (gebruik --yes in scripts)" : ""))
                }
            }
            try await Output.store { try await app.deleteScan(id) }
            Output.write("Scan \(id) verwijderd.\n")
        }
    }
}
