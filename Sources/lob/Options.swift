import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBPostgresStore
import LOBRender
import LOBShippedProfiles
import LOBStore

/// Where profiles are found; shared by every command that uses profiles.
extension ProfileLibrary {
    /// The profile with this id, or the one refusal every command gives: the files that could not be read (the
    /// profile may be in one), and the ids there are.
    func required(_ id: String) throws -> Profile {
        if let profile = profile(id) { return profile }
        problems.forEach(Output.warn)
        let known = entries.map(\.profile.id).joined(separator: ", ")
        throw Output.fail("onbekend profiel '\(VisibleText.make(id))'. Beschikbaar: \(known) (zie 'lob profiles list')")
    }
}

struct ProfileOptions: ParsableArguments {
    @Option(
        name: .customLong("profiles"),
        help: ArgumentHelp(
            "Map met eigen profielen (*.yaml); mag vaker. Ook: LOB_PROFILES (mappen gescheiden door ':').",
            valueName: "map"),
        completion: .directory)
    var folders: [String] = []

    /// Shipped profiles first, then the user's config folder, then LOB_PROFILES, then `--profiles`:
    /// a later folder's profile replaces an earlier one with the same id.
    func searchFolders(environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        var result: [URL] = []
        if let shipped = ShippedProfiles.directory { result.append(shipped) }
        result.append(Paths.configHome(environment).appendingPathComponent("lob-spiegel/profiles"))
        if let fromEnvironment = environment["LOB_PROFILES"], !fromEnvironment.isEmpty {
            result += fromEnvironment.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        }
        result += folders.map { URL(fileURLWithPath: $0) }
        return result
    }

    func library() -> ProfileLibrary { ProfileLibrary(folders: searchFolders()) }

    /// The profile a scan or form uses when none is named: all 44 behaviours of the vmbo career guide.
    static let defaultProfileID = "loopbaanbegeleider-vmbo"
}

/// The XDG base directories (https://specifications.freedesktop.org/basedir-spec/).
enum Paths {
    static func configHome(_ environment: [String: String]) -> URL {
        if let value = environment["XDG_CONFIG_HOME"], value.hasPrefix("/") { return URL(fileURLWithPath: value) }
        return home(environment).appendingPathComponent(".config")
    }

    static func dataHome(_ environment: [String: String]) -> URL {
        if let value = environment["XDG_DATA_HOME"], value.hasPrefix("/") { return URL(fileURLWithPath: value) }
        return home(environment).appendingPathComponent(".local/share")
    }

    static func home(_ environment: [String: String]) -> URL {
        URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory())
    }
}

/// Output formats; each command accepts the subset it supports.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json

    /// The document in this format; `json` is asked only when it is the format.
    func render(_ blocks: @autoclosure () -> [Block], json: () throws -> String) rethrows -> String {
        switch self {
        case .text: TextRenderer(width: TerminalWidth.current()).render(blocks())
        case .markdown: MarkdownRenderer().render(blocks())
        case .json: try json()
        }
    }
}

/// Formats of a list: a table for people, JSON for scripts (docs/json.md).
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Formats of a document that may be printed or shared: also a self-contained HTML file.
enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, html, json

    /// The document in this format; the blocks are made only for a document, `json` only when it is the format.
    func render(
        _ blocks: @autoclosure () -> [Block], title: String,
        text: TextRenderer = TextRenderer(width: TerminalWidth.current()), json: () throws -> String
    ) rethrows -> String {
        switch self {
        case .text: text.render(blocks())
        case .markdown: MarkdownRenderer().render(blocks())
        case .html: HTMLRenderer(title: title, date: Clock.documentDate().dutch).render(blocks())
        case .json: try json()
        }
    }
}

/// Formats of a table-like report: also CSV for a spreadsheet.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, html, csv, json

    /// The report in this format; the blocks are made only for a document (a team of thousands takes a while).
    func render(
        _ blocks: @autoclosure () -> [Block], title: String,
        text: TextRenderer = TextRenderer(width: TerminalWidth.current()), csv: () throws -> CSVTable,
        dialect: CSVOptions, json: () throws -> String
    ) throws -> String {
        switch self {
        case .csv: try csv().render(dialect.dialect)
        case .text: try DocumentFormat.text.render(blocks(), title: title, text: text, json: json)
        case .markdown: try DocumentFormat.markdown.render(blocks(), title: title, json: json)
        case .html: try DocumentFormat.html.render(blocks(), title: title, json: json)
        case .json: try json()
        }
    }
}

extension CSVDialect: ExpressibleByArgument {}
extension Consent: ExpressibleByArgument {}

/// `--csv-dialect`: Dutch Excel by default, RFC 4180 for scripts.
struct CSVOptions: ParsableArguments {
    @Option(
        name: .customLong("csv-dialect"),
        help: ArgumentHelp(
            "CSV voor excel (puntkomma, decimale komma; standaard) of rfc4180 (komma, decimale punt).",
            valueName: "dialect"))
    var dialect: CSVDialect = .excel
}

/// `--out`, shared by every command that makes a document: one option, one help text, one way of writing.
struct OutputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Schrijf naar dit bestand (alleen voor jou leesbaar); - is het scherm.", valueName: "bestand"),
        completion: .file())
    var out: String?

    /// The document to `--out` (privately, as `Output.writePrivately`) with a line saying so, or else to the screen.
    func deliver(_ text: String, what: String) throws {
        // `--out -` is standard output, as everywhere on the command line.
        guard let out, out != "-" else { return Output.write(text) }
        try Output.writePrivately(text, to: out)
        Output.write("\(what) geschreven naar \(Excerpt.visible(out)).\n")
    }
}

/// Where the database is: `--db`, else `LOB_DB`, else `$XDG_DATA_HOME/lob-spiegel/lob.sqlite`. A `postgresql://`
/// address instead of a path names a school board's server database; every command works the same on both.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "Het databasebestand, of een PostgreSQL-server als postgresql://gebruiker@server/database (wachtwoord in PGPASSWORD of ~/.pgpass). Anders: LOB_DB, anders $XDG_DATA_HOME/lob-spiegel/lob.sqlite.",
            valueName: "pad"),
        completion: .file())
    var path: String?

    func databasePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path, !path.isEmpty { return path }
        if let path = environment["LOB_DB"], !path.isEmpty { return path }
        return Paths.dataHome(environment).appendingPathComponent("lob-spiegel/lob.sqlite").path
    }

    /// The application core over the database, for a command that writes. This file is the one place in `lob` that
    /// opens the store.
    func app() async throws -> LOBApp {
        if let server = try await openServer() { return LOBApp(store: server) }
        return LOBApp(store: try open())
    }

    /// The application core for `lob serve`: many requests at once, so reads do not queue behind each save. `close`
    /// ends a server database's pool, once the web server has drained its requests.
    func appForServing() async throws -> (app: LOBApp, close: @Sendable () async -> Void) {
        if let server = try await openServer(maximumConnections: 20) {
            return (LOBApp(store: server), { await server.close() })
        }
        return (LOBApp(store: try open(concurrentReads: true)), {})
    }

    /// The application core over the database, for a command that only reads (it never creates a database).
    func appForReading() async throws -> LOBApp {
        if let server = try await openServer() { return LOBApp(store: server) }
        return LOBApp(store: try openForReading())
    }

    /// The server database, when `--db` or `LOB_DB` names one: its schema must be up to date (`lob db migrate`).
    /// A command needs one connection at a time; `lob serve` a pool.
    func openServer(
        schema: PostgresStore.Schema = .require, maximumConnections: Int = 2
    ) async throws -> PostgresStore? {
        let location = databasePath()
        guard PostgresAddress.isAddress(location) else { return nil }
        do {
            return try await PostgresStore.open(
                PostgresAddress(location), schema: schema, maximumConnections: maximumConnections)
        } catch {
            throw Output.fail(Output.describe(error))
        }
    }

    /// Opens the database; every file this process creates from here on is readable by its owner only.
    func open(concurrentReads: Bool = false) throws -> LOBDatabase {
        umask(0o077)
        let path = databasePath()
        // Test-only fault injection: die inside the save transaction, to show that nothing half-written survives.
        var fault: (@Sendable () -> Void)?
        if ProcessInfo.processInfo.environment["LOB_FAULT_INJECTION"] == "kill-before-commit" {
            fault = { @Sendable in _ = kill(getpid(), SIGKILL) }
        }
        do {
            let database = try LOBDatabase.openFile(at: path, concurrentReads: concurrentReads, beforeCommit: fault)
            database.notes.forEach(Output.warn)
            return database
        } catch {
            throw Output.fail(Output.describe(error))
        }
    }

    /// Opens the database for a command that only reads: it never creates one. Without a database at the usual
    /// place the command sees an empty one (and says there is nothing yet); a path given with --db or LOB_DB that
    /// does not exist is a mistake worth saying.
    private func openForReading(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> LOBDatabase {
        let path = databasePath(environment: environment)
        do {
            if let database = try LOBDatabase.openExisting(at: path) { return database }
        } catch {
            throw Output.fail(Output.describe(error))
        }
        let explicit = !(self.path ?? "").isEmpty || !(environment["LOB_DB"] ?? "").isEmpty
        if explicit {
            throw Output.fail(
                "er is geen database '\(Excerpt.visible(path))', dus nog geen scans of teams: klopt het pad van --db of LOB_DB? Begin anders met 'lob scan' of 'lob team import'."
            )
        }
        return try LOBDatabase.inMemory()
    }
}

/// Which scan a command is about: a number, or the latest (the default); shared by `report` and `plan`.
struct ScanChoice: ParsableArguments {
    @Argument(help: "Het nummer van de scan (zie 'lob scans list').")
    var id: Int64?

    @Flag(help: "De laatste scan (de standaard als je geen nummer geeft).")
    var latest = false

    func validate() throws {
        if id != nil && latest { throw ValidationError("Geef een nummer of --latest, niet allebei.") }
    }

    /// The scan chosen: this number, or the latest.
    func scan(in app: LOBApp) async throws -> StoredScan {
        try await Output.store { try await app.scan(id) }
    }
}

/// Today in the local time zone: the day a scan is made.
enum Clock {
    /// The day a document is made: today, or the day of SOURCE_DATE_EPOCH (the reproducible-builds convention), so
    /// that the same input can give the same bytes.
    static func documentDate(environment: [String: String] = ProcessInfo.processInfo.environment) -> SchoolDate {
        guard let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) else { return today() }
        return SchoolDate.day(of: Date(timeIntervalSince1970: epoch), in: TimeZone(identifier: "UTC")!)
    }

    static func today() -> SchoolDate { SchoolDate.day(of: Date(), in: .current) }
}

/// Which catalogue of activity forms (hours, costs) a plan uses; shared by `plan`, `team plan` and `budget`.
enum Catalogues {
    /// The catalogue file, or the command's end with its faults.
    static func load(_ url: URL) throws -> ActivityCatalogue {
        do {
            return try ActivityCatalogueFile.load(url)
        } catch {
            throw Output.fail(error)
        }
    }

    /// `--costs`, else the file the profile names (relative to the profile file), else the shipped example.
    /// The profile is looked up as it is now, not as it was stored with the scan: costs are the school's
    /// current figures.
    static func url(costs: String?, profile: Profile?, library: ProfileLibrary) throws -> URL {
        if let costs { return InputFile.url(costs) }
        if let profile {
            let current = library.entries.first { $0.profile.id == profile.id }
            if let named = current?.profile.costs ?? profile.costs {
                if named.hasPrefix("/") { return URL(fileURLWithPath: named) }
                guard let current else {
                    throw Output.fail(
                        "profiel '\(profile.id)' noemt de catalogus '\(named)', maar het profielbestand is niet meer te vinden; geef de catalogus met --costs BESTAND"
                    )
                }
                return current.url.deletingLastPathComponent().appendingPathComponent(named)
            }
        }
        guard let example = ShippedProfiles.exampleActivities else {
            throw Output.fail(
                "de voorbeeldcatalogus ontbreekt in deze installatie; geef een catalogus met --costs BESTAND")
        }
        return example
    }
}
