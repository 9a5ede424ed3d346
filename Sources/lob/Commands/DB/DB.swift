import ArgumentParser
import Foundation
import LOBFormats
import LOBPostgresStore

extension LobCommand {
    /// `lob db`: the database itself, for whoever keeps it (a school's or a board's IT).
    struct DB: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "db",
            abstract: "De database zelf: bijwerken naar deze versie.",
            discussion: """
                Het databasebestand werkt elke opdracht zelf bij. Een PostgreSQL-database van een bestuur wordt
                bewust bijgewerkt, door de beheerder, met 'lob db migrate': andere opdrachten en 'lob serve'
                weigeren een database die ouder is dan deze versie.

                Voorbeeld:
                  PGPASSWORD=… lob db migrate --db postgresql://lob@db.bestuur.nl/lob
                """,
            subcommands: [Migrate.self])
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
