import Foundation
import Testing

@testable import lob

// Shared by the tests of the `lob` executable: running it, and comparing with `Exports/`.

struct LobRun {
    let status: Int32
    let stdout: String
    let stderr: String

    static var binary: URL {
        // The test bundle sits beside the built products (.build/<triple>/debug/).
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if folder.lastPathComponent == "MacOS" {
            folder = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        }
        return folder.appendingPathComponent("lob")
    }

    init(_ arguments: [String], environment: [String: String] = [:], input: URL? = nil, directory: URL? = nil) throws {
        self = try LobRun.start(arguments, environment: environment, input: input, directory: directory).finish()
    }

    init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    /// A started `lob` process, for running several at once.
    struct Running {
        let process: Process
        let out: Pipe
        let err: Pipe
        /// The empty HOME it ran with, removed when it has finished.
        var home: URL? = nil

        func finish() -> LobRun {
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            if let home { try? FileManager.default.removeItem(at: home) }
            // A process killed by a signal reports 128 + the signal, as a shell would.
            let status =
                process.terminationReason == .uncaughtSignal
                ? 128 + process.terminationStatus : process.terminationStatus
            return LobRun(
                status: status, stdout: String(decoding: outData, as: UTF8.self),
                stderr: String(decoding: errData, as: UTF8.self))
        }
    }

    /// 15 March 2027, the demo's spring round.
    static let documentEpoch = "1805068800"
    static let documentDate = "15 maart 2027"

    /// Starts `lob` with a clean environment: its own empty HOME, no terminal on stdin.
    /// `input`, when given, is the file it reads as standard input.
    static func start(
        _ arguments: [String], environment: [String: String] = [:], input: URL? = nil, directory: URL? = nil
    ) throws -> Running {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lob-home-\(UUID().uuidString)")
        // A fixed document date (SOURCE_DATE_EPOCH), so that printed footers are the same in every run.
        process.environment = ["HOME": home.path, "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": documentEpoch]
            .merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = try input.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try process.run()
        return Running(process: process, out: out, err: err, home: home)
    }
}

/// `Exports/` holds example outputs: a golden file is compared byte for byte, and rewritten first when
/// LOB_UPDATE_EXPORTS=1 (`LOB_UPDATE_EXPORTS=1 swift test --filter ExportsTests`).
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Exports")

    static func check(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["LOB_UPDATE_EXPORTS"] == "1" {
            try Data(actual.utf8).write(to: url, options: .atomic)
        }
        #expect(
            // Bytes, not String(contentsOf:), which drops a CSV's byte order mark.
            String(decoding: try Data(contentsOf: url), as: UTF8.self) == actual,
            "Exports/\(name) is out of date: run LOB_UPDATE_EXPORTS=1 swift test --filter ExportsTests",
            sourceLocation: sourceLocation)
    }
}

/// Runs each command and compares its output with `Exports/NAME`.
func checkExports(_ outputs: [(String, [String])], lob: ([String]) throws -> LobRun) throws {
    for (name, arguments) in outputs {
        let run = try lob(arguments)
        #expect(run.status == 0, "\(name): \(run.stderr)")
        try Golden.check(name, run.stdout)
    }
}

/// A folder for one test, removed when the test's suite value goes away.
final class TemporaryFolder: Sendable {
    let url: URL

    init(_ prefix: String) {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// The databases a command test runs on: the SQLite file, and a PostgreSQL server when `LOB_TEST_POSTGRES` names
/// one (`.ci/run` starts it). The same commands must print the same bytes on both.
enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite = "SQLite"
    case postgresql = "PostgreSQL"

    static let postgresAddress = ProcessInfo.processInfo.environment["LOB_TEST_POSTGRES"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// SQLite always; PostgreSQL when there is a server to test on.
    static let available: [TestDatabase] = postgresAddress == nil ? [.sqlite] : [.sqlite, .postgresql]

    var testDescription: String { rawValue }

    /// A new, empty database for one test: a file in `folder`, or a schema of its own on the test server, migrated
    /// with `lob db migrate` as a board's IT would; with the environment `lob` needs for it (the password).
    func make(in folder: URL) throws -> (db: String, environment: [String: String]) {
        switch self {
        case .sqlite:
            return (folder.appendingPathComponent("lob.sqlite").path, [:])
        case .postgresql:
            let base = try #require(Self.postgresAddress)
            let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let db = base + (base.contains("?") ? "&" : "?") + "schema=" + schema
            let environment = ProcessInfo.processInfo.environment.filter { $0.key.hasPrefix("PG") }
            let migrated = try LobRun(["db", "migrate", "--db", db], environment: environment)
            #expect(migrated.status == 0, "\(migrated.stderr)")
            return (db, environment)
        }
    }
}
