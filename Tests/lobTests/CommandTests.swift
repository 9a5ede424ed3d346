import Foundation
import Testing

@testable import lob

/// Runs the built `lob` binary as a user would, with a clean environment.
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

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        self = try LobRun.start(arguments, environment: environment).finish()
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

        func finish() -> LobRun {
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            // A process killed by a signal reports 128 + the signal, as a shell would.
            let status =
                process.terminationReason == .uncaughtSignal
                ? 128 + process.terminationStatus : process.terminationStatus
            return LobRun(
                status: status, stdout: String(decoding: outData, as: UTF8.self),
                stderr: String(decoding: errData, as: UTF8.self))
        }
    }

    /// Starts `lob` with a clean environment: its own empty HOME, no terminal on stdin.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Running {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lob-home-\(UUID().uuidString)")
        process.environment = ["HOME": home.path, "PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, out: out, err: err)
    }
}

struct CommandTests {
    private func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lob-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func framework_prints_the_catalogue_in_each_format() throws {
        let text = try LobRun(["framework"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("respecteert vertrouwelijkheid en gaat discreet met gevoelige zaken om"))
        let markdown = try LobRun(["framework", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# LOB-spiegel: het kader\n"))
        let json = try LobRun(["framework", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["competencies"] as? [Any])?.count == 7)
    }

    @Test func framework_output_is_the_same_bytes_each_run() throws {
        #expect(
            try LobRun(["framework", "--format", "json"]).stdout
                == (try LobRun(["framework", "--format", "json"]).stdout))
    }

    @Test func unknown_format_is_refused_before_running() {
        #expect(throws: (any Error).self) { try LobCommand.parseAsRoot(["framework", "--format", "xml"]) }
        #expect(throws: (any Error).self) {
            try LobCommand.parseAsRoot(["profiles", "show", "x", "--format", "markdown"])
        }
    }

    @Test func profiles_list_and_show() throws {
        let list = try LobRun(["profiles", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("loopbaanbegeleider-vmbo"))
        #expect(list.stdout.contains("teamvoorzitter-model3"))
        let show = try LobRun(["profiles", "show", "vakdocent-model2", "--format", "json"])
        #expect(show.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
        #expect((object?["behaviours"] as? [Any])?.count == 36)
    }

    @Test func unknown_profile_fails_with_a_message_on_stderr() throws {
        let run = try LobRun(["profiles", "show", "bestaat-niet"])
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("onbekend profiel 'bestaat-niet'"))
    }

    @Test func validate_reports_file_line_and_expectation() throws {
        let good = try temporaryFile("goed.yaml", "id: goed\ntitle: Goed\nbehaviours: [\"1.1\"]\n")
        let bad = try temporaryFile(
            "fout.yaml", "id: fout\ntitle: Fout\ntarget: 3\nbehaviours:\n  - \"1.1\"\n  - \"9.1\"\n")
        let run = try LobRun(["profiles", "validate", good.path, bad.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("goed.yaml: in orde (goed, 1 gedragskenmerken)"))
        #expect(run.stderr.contains("fout.yaml:6: behaviours[1]: onbekend gedragskenmerk '9.1'"))
    }

    @Test func a_broken_profile_in_a_users_folder_makes_list_fail_loudly() throws {
        let broken = try temporaryFile("kapot.yaml", "id: kapot\ntitle: [\n")
        let run = try LobRun(
            ["profiles", "list"], environment: ["LOB_PROFILES": broken.deletingLastPathComponent().path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("loopbaanbegeleider-vmbo"))
        #expect(run.stderr.contains("kapot.yaml:"))
    }

    @Test func showing_a_broken_profile_says_what_is_wrong_with_its_file() throws {
        let broken = try temporaryFile("kapot.yaml", "id: kapot\ntitle: Kapot\nbehaviours: [\"9.9\"]\n")
        let run = try LobRun(["profiles", "show", "kapot", "--profiles", broken.deletingLastPathComponent().path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("kapot.yaml:3: behaviours[0]: onbekend gedragskenmerk '9.9'"))
        #expect(run.stderr.contains("onbekend profiel 'kapot'"))
    }

    @Test func a_school_profile_from_profiles_option_is_listed_and_shown() throws {
        let own = try temporaryFile(
            "school.yaml", "id: onze-school\ntitle: Onze school\nbehaviours: [\"5.1\", \"5.2\"]\n")
        let folder = own.deletingLastPathComponent().path
        #expect(try LobRun(["profiles", "list", "--profiles", folder]).stdout.contains("onze-school"))
        let show = try LobRun(["profiles", "show", "onze-school", "--profiles", folder])
        #expect(show.status == 0)
        #expect(show.stdout.contains("raadpleegt deskundigen waar nodig"))
    }
}
