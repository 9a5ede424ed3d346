import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBPostgresStore
import LOBStore

extension LobCommand {
    /// `lob db`: the database itself, for whoever keeps it (a school's or a board's IT).
    struct DB: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "db",
            abstract: "De database zelf: bijwerken naar deze versie, of overzetten naar een andere database.",
            discussion: """
                Het databasebestand werkt elke opdracht zelf bij. Een PostgreSQL-database van een bestuur wordt
                bewust bijgewerkt, door de beheerder, met 'lob db migrate': andere opdrachten en 'lob serve'
                weigeren een database die ouder is dan deze versie.

                Voorbeelden:
                  PGPASSWORD=… lob db migrate --db postgresql://lob@db.bestuur.nl/lob
                  lob db copy --from ~/.local/share/lob-spiegel/lob.sqlite --to postgresql://lob@db.bestuur.nl/lob
                """,
            subcommands: [Migrate.self, Copy.self])
    }
}

extension LobCommand.DB {
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Werk de database bij naar deze versie van LOB-spiegel (ook als twee tegelijk starten).")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            guard let server = try await store.openServer(schema: .migrate, maximumConnections: 1) else {
                // The SQLite file migrates itself when it is opened for writing.
                _ = try store.open()
                Output.write("De database \(Excerpt.visible(store.databasePath())) is bij.\n")
                return
            }
            let migrations = try await Output.store { try await server.migrations() }
            await server.close()
            Output.write("De database \(Excerpt.visible(server.address.server)) is bij:\n")
            for migration in migrations {
                Output.write("  \(migration.applied ? "✓" : "✗") \(migration.identifier)\n")
            }
        }
    }
}

extension LobCommand.DB {
    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract:
                "Zet alles van de ene database over naar een andere, lege (een bestand naar PostgreSQL, of terug).",
            discussion: """
                Kopieert elke tabel in één transactie en leest daarna beide kanten terug: per tabel het aantal rijen
                en een SHA-256 van de rijen moeten gelijk zijn. Schrijft nooit in een database waar al iets in staat;
                de bron wordt alleen gelezen. Een PostgreSQL-doel wordt eerst bijgewerkt (lob db migrate).
                """)

        @Option(
            help: ArgumentHelp("De database om te kopiëren: een bestand of een postgresql://-adres.", valueName: "pad"))
        var from: String

        @Option(
            help: ArgumentHelp(
                "De lege database om in te schrijven: een bestand of een postgresql://-adres.", valueName: "pad"))
        var to: String

        func validate() throws {
            guard from != to else { throw ValidationError("--from en --to zijn dezelfde database.") }
        }

        func run() async throws {
            let source = try await Self.open(from, target: false)
            let target = try await Self.open(to, target: true)
            let copied = try await Output.store {
                try await LOBApp.copyDatabase(from: source.archive, to: target.archive, targetName: target.name)
            }
            await source.close()
            await target.close()
            let width = copied.map(\.name.count).max() ?? 0
            for table in copied where table.rows > 0 || !table.isEqual {
                let name = table.name.padding(toLength: width, withPad: " ", startingAt: 0)
                let check =
                    table.isEqual ? "gelijk" : "VERSCHILT: \(table.targetRows) rijen, \(table.targetDigest.prefix(16))"
                let rows = String(repeating: " ", count: max(0, 7 - String(table.rows).count)) + String(table.rows)
                Output.write("\(name)  \(rows) rijen  \(table.sourceDigest.prefix(16))  \(check)\n")
            }
            let different = copied.filter { !$0.isEqual }
            guard different.isEmpty else {
                throw Output.fail(
                    "de kopie in \(Excerpt.visible(target.name)) verschilt van de bron in \(different.map(\.name).joined(separator: ", "))"
                )
            }
            let rows = copied.map(\.rows).reduce(0, +)
            Output.write(
                "\(DutchNumber.count(rows, "rij", "rijen")) in \(copied.count) tabellen gekopieerd naar \(Excerpt.visible(target.name)); elke tabel is gelijk aan de bron.\n"
            )
        }

        /// A database by its location: the file or server, as the copy reads or writes it.
        static func open(
            _ location: String, target: Bool
        ) async throws -> (
            archive: any TableArchive, name: String, close: @Sendable () async -> Void
        ) {
            do {
                if PostgresAddress.isAddress(location) {
                    let address = try PostgresAddress(location)
                    let store = try await PostgresStore.open(
                        address, schema: target ? .migrate : .require, maximumConnections: 1)
                    return (store, address.server, { await store.close() })
                }
                umask(0o077)
                if target {
                    return (try LOBDatabase.openFile(at: location), location, {})
                }
                guard let database = try LOBDatabase.openExisting(at: location) else {
                    throw Output.fail("er is geen database '\(Excerpt.visible(location))' om te kopiëren")
                }
                return (database, location, {})
            } catch let error as ExitCode {
                throw error
            } catch {
                throw Output.fail(Output.describe(error))
            }
        }
    }
}
