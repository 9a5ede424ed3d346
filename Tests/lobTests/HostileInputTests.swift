import Foundation
import GRDB
import LOBCore
import Testing

/// Every reader of `lob` over the hostile and malformed corpus in `Tests/Fixtures/hostile` (made by its
/// `make-corpus.py`) and over special cases made here (large files, folders, FIFOs, devices, symlinks, Excel files):
/// a clear Dutch message naming the file, a non-zero exit, no crash, bounded time (10 s) and memory (1 GB of address
/// space), a short message without raw control characters, and the database unchanged.
struct HostileInputTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile")

    /// What one run showed.
    struct Outcome {
        let status: Int32
        let stderr: String
        let seconds: Double
        let hung: Bool
        var crashed: Bool { status >= 128 || hung }
    }

    /// Removed with the suite value, after the test.
    private let temporary: TemporaryFolder
    var folder: URL { temporary.url }
    let db: String

    init() throws {
        temporary = TemporaryFolder("lob-hostile")
        db = temporary.url.appendingPathComponent("lob.sqlite").path
    }

    /// Runs `lob` with at most 1 GB of address space and a 10 s deadline; output goes to files, so a flood of it
    /// cannot block the process.
    func run(_ arguments: [String], program: URL = LobRun.binary) throws -> Outcome {
        let out = folder.appendingPathComponent("out-\(UUID().uuidString)"),
            err = folder.appendingPathComponent("err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "ulimit -v 1000000; exec \"$0\" \"$@\"", program.path] + arguments
        process.environment = ["HOME": folder.appendingPathComponent("home").path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        var hung = false
        while process.isRunning {
            if Date().timeIntervalSince(start) > 10 {
                hung = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(5000)
        }
        process.waitUntilExit()
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        let bytes = (try? Data(contentsOf: err)) ?? Data()
        return Outcome(
            status: status,
            stderr: String(decoding: bytes.prefix(65536), as: UTF8.self)
                + (bytes.count > 65536 ? "…(\(bytes.count) bytes)" : ""),
            seconds: Date().timeIntervalSince(start), hung: hung)
    }

    /// Row counts of every table: what "the database unchanged" compares.
    func counts() throws -> [String: Int] {
        guard FileManager.default.fileExists(atPath: db) else { return [:] }
        let queue = try DatabaseQueue(path: db)
        return try queue.read { db in
            var result: [String: Int] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                result[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)")
            }
            return result
        }
    }

    /// The checks of one refused input; returns whether the message was clear.
    @discardableResult
    func expectRefused(_ outcome: Outcome, file: String, _ context: String) -> Bool {
        let name = URL(fileURLWithPath: file).lastPathComponent
        let controls = outcome.stderr.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
        }
        let clear =
            (1...125).contains(outcome.status) && !outcome.stderr.isEmpty && outcome.stderr.contains(name)
            && outcome.stderr.utf8.count <= 8192 && controls.isEmpty
            && outcome.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("lob: ") || $0.hasPrefix("  ") }
        #expect(!outcome.crashed, "\(context): crashed or hung (status \(outcome.status), \(outcome.seconds) s)")
        #expect(clear, "\(context): not a clear refusal (status \(outcome.status)): \(outcome.stderr.prefix(400))")
        return clear
    }

    static let survey = corpus.deletingLastPathComponent().appendingPathComponent("survey")

    /// The commands that read each kind of file, and whether they use the database.
    static func readers(_ kind: String, _ file: String, folder: String) -> [[String]] {
        switch kind {
        // A survey mapping is YAML like a scan file, read by the same checks first.
        case "scan":
            [
                ["scan", "--answers", file], ["team", "import", file, "--team", "Bouw"],
                [
                    "import", "survey", survey.appendingPathComponent("google.csv").path, "--mapping", file, "--team",
                    "B",
                ],
            ]
        case "profile": [["profiles", "validate", file], ["profiles", "list", "--profiles", folder]]
        case "catalogue": [["plan", "--costs", file, "--check"]]
        default: [["schoolscan", "--answers", file]]
        }
    }

    @Test(arguments: ["scan", "profile", "catalogue", "schoolscan"])
    func every_reader_refuses_the_corpus_clearly(kind: String) async throws {
        // A database with one good scan in it, so that "unchanged" means something.
        #expect(
            try LobRun([
                "scan", "--answers", TeamCommandTests.repository.appendingPathComponent("docs/examples/scan.yaml").path,
                "--db", db,
            ]).status == 0)
        let before = try counts()
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.appendingPathComponent(kind).path)
            .sorted()
        #expect(files.count >= 30)
        var tried = 0, clear = 0, crashed = 0, hung = 0
        for name in files {
            let path = Self.corpus.appendingPathComponent(kind).appendingPathComponent(name).path
            // A profiles folder holding just this file.
            let single = folder.appendingPathComponent("profiles-\(name)")
            try? FileManager.default.createDirectory(at: single, withIntermediateDirectories: true)
            try? FileManager.default.copyItem(
                atPath: path,
                toPath: single.appendingPathComponent(name.hasSuffix(".yaml") ? name : name + ".yaml").path)
            for arguments in Self.readers(kind, path, folder: single.path) {
                let outcome = try run(
                    arguments + ["--db", db].filter { _ in !["profiles", "plan"].contains(arguments[0]) })
                tried += 1
                if expectRefused(outcome, file: name, "\(kind)/\(name) via \(arguments[0...1].joined(separator: " "))")
                {
                    clear += 1
                }
                if outcome.hung { hung += 1 } else if outcome.crashed { crashed += 1 }
            }
        }
        #expect(try counts() == before, "\(kind): the database changed")
        print("hostile \(kind): tried \(tried), clear \(clear), crash \(crashed), hang \(hung)")
    }

    /// Survey exports that once crashed or hung `lob import survey` (a row number at Int.max, a cell in the last
    /// column over many rows, a zip directory that lies, a deflate stream cut short, XML names that are not UTF-8) or
    /// were read wrong (dates that wrapped at 2^32 or let a sign through): `Tests/Fixtures/hostile/make-survey-corpus.py`.
    @Test func every_hostile_survey_export_is_refused_clearly() async throws {
        let before = try counts()
        let folder = Self.corpus.appendingPathComponent("survey")
        let mapping = Self.corpus.appendingPathComponent("survey-mapping.yaml").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.count >= 13)
        var clear = 0
        for name in files {
            let outcome = try run([
                "import", "survey", folder.appendingPathComponent(name).path, "--mapping", mapping, "--team", "B",
                "--db", db,
            ])
            if expectRefused(outcome, file: name, "survey/\(name)") { clear += 1 }
            #expect(outcome.seconds < 5, "survey/\(name) took \(outcome.seconds) s")
        }
        #expect(try counts() == before, "survey: the database changed")
        print("hostile survey: tried \(files.count), clear \(clear)")
    }

    /// A CSV export is read no further than an export can be: ten million short lines (20 MB, once "failed to
    /// allocate" after 29 s), a header of half a million columns (once 46 s, and accepted), and many bad rows (once a
    /// line each on stderr) are refused quickly, with at most as many problems as any file's and a count of the rest.
    @Test func survey_exports_are_bounded_in_rows_columns_and_problems() async throws {
        let mapping = Self.corpus.appendingPathComponent("survey-mapping.yaml").path
        let google = try String(contentsOf: Self.survey.appendingPathComponent("google.csv"), encoding: .utf8)
        let header = String(String.UnicodeScalarView(google.unicodeScalars.prefix { $0 != "\n" }))
        let before = try counts()
        func refused(_ name: String, _ data: Data, _ message: String) throws -> Outcome {
            let file = folder.appendingPathComponent(name)
            try data.write(to: file)
            let outcome = try run(["import", "survey", file.path, "--mapping", mapping, "--team", "B", "--db", db])
            #expect(outcome.status == 1 && outcome.stderr.contains(message), "\(name): \(outcome.stderr.prefix(600))")
            #expect(outcome.seconds < 5, "\(name) took \(outcome.seconds) s")
            return outcome
        }
        _ = try refused(
            "lang.csv", Data(String(repeating: "a\n", count: 10_000_000).utf8),
            "lang.csv: heeft meer dan 20.000 rijen: meer dan een enquête-export heeft; splits het bestand\n")
        _ = try refused(
            "breed.csv", Data((String(repeating: ",", count: 1 << 20) + "\n").utf8),
            "breed.csv: rij 1 heeft 1.048.577 kolommen: meer dan een enquête-export heeft (hooguit 1.000)\n")
        // 5,000 rows without a name or consent: three problems each.
        let bad = String(repeating: "2026-11-24," + String(repeating: ",", count: 60) + "\n", count: 5_000)
        let outcome = try refused(
            "fout.csv", Data((header + "\n" + bad).utf8),
            "niets ingelezen: 5000 van de 5000 rijen zijn niet in orde")
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 22, "\(lines.count) lines")
        #expect(lines[20].hasPrefix("lob: ") && lines[20].contains("fout.csv: en nog "))
        #expect(try counts() == before, "the database changed")
    }

    /// Every input the fuzzer ever found (`Tests/fuzz/crashes/READER`, docs/fuzzing.md) replayed through its reader
    /// in `lob-fuzz`: each is read or refused within the bounds, never a crash or a hang again.
    @Test func every_fuzzing_finding_is_read_or_refused() async throws {
        let crashes = Self.corpus.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fuzz/crashes")
        let fuzz = LobRun.binary.deletingLastPathComponent().appendingPathComponent("lob-fuzz")
        var replayed = 0
        for reader in try FileManager.default.contentsOfDirectory(atPath: crashes.path).sorted() {
            let folder = crashes.appendingPathComponent(reader)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let outcome = try run([reader, folder.appendingPathComponent(name).path], program: fuzz)
                #expect(outcome.status == 0 && !outcome.hung, "\(reader)/\(name): \(outcome.stderr.prefix(400))")
                #expect(outcome.seconds < 5, "\(reader)/\(name) took \(outcome.seconds) s")
                replayed += 1
            }
        }
        #expect(replayed >= 1)
    }

    /// Team and round names with terminal control in them (a clipboard write, a screen clear, a bidirectional
    /// override): refused where they would be stored, and echoed only as visible text where they are looked up.
    @Test func team_and_round_names_are_visible_text_on_every_command() async throws {
        let scan = TeamCommandTests.repository.appendingPathComponent("docs/examples/scan.yaml").path
        // A database with one scan in it, so that "unchanged" is about rows.
        #expect(try run(["scan", "--answers", scan, "--db", db]).status == 0)
        let before = try counts()
        let names = folder.appendingPathComponent("namen.txt")
        try "Ans Bakker\n".write(to: names, atomically: true, encoding: .utf8)
        let clipboard = "Bouw\u{1B}]52;c;aGFjaw==\u{07}", clear = "Bouw\u{1B}[2J", flipped = "Bouw\u{202E}kaas"
        for name in [clipboard, clear, flipped, String(repeating: "b", count: 81)] {
            for (arguments, stored) in [
                (["team", "import", scan, "--team", name], true),
                (["team", "import", scan, "--team", "Bouw", "--round", name], true),
                (["team", "round", "open", "--team", name, "--round", "r", "--invite", names.path], true),
                (["team", "round", "open", "--team", "Bouw", "--round", name, "--invite", names.path], true),
                (["team", "report", "--team", name], false), (["team", "members", name], false),
            ] {
                let outcome = try run(arguments + ["--db", db])
                let controls = outcome.stderr.unicodeScalars.filter { VisibleText.isHidden($0) && $0 != "\n" }
                #expect(outcome.status != 0 && controls.isEmpty, "\(arguments[0...1]): \(outcome.stderr)")
                if stored {
                    // Refused by the application core, or already by the option's own check (--round of round open).
                    #expect(
                        outcome.stderr.contains("moet één regel zichtbare tekst zijn")
                            || outcome.stderr.contains("--round: verwacht één regel van hooguit 80 tekens"),
                        "\(outcome.stderr)")
                }
            }
        }
        let account = try run([
            "serve", "account", "--team", clear, "--login", "voorzitter", "--password-stdin", "--db", db,
        ])
        #expect(account.status == 1 && account.stderr.contains("de teamnaam moet één regel zichtbare tekst zijn"))
        #expect(try counts() == before, "a refused name changed the database")
    }

    /// A LOB-spiegel file of another kind is named for what it is and which command reads it; a YAML file that is
    /// no LOB-spiegel file at all (someone's configuration with secrets for keys) is refused without one of its keys.
    @Test func a_file_of_another_kind_is_named_and_a_foreign_file_never_quoted() async throws {
        let repository = TeamCommandTests.repository
        func file(_ path: String) -> String { repository.appendingPathComponent(path).path }
        let kinds: [(file: String, named: String, noun: String, command: (String) -> [String])] = [
            (
                file("docs/examples/scan.yaml"), "een scanbestand (lob scan --answers, lob team import)", "scanbestand",
                { ["scan", "--answers", $0, "--db", db] }
            ),
            (
                file("docs/examples/feedback/collega-1.yaml"), "een feedbackbestand (lob feedback import)",
                "feedbackbestand", { ["feedback", "import", $0, "--db", db] }
            ),
            (
                file("Profiles/decaan-model1.yaml"), "een profiel (lob profiles validate, --profiles)", "profiel",
                { ["profiles", "validate", $0] }
            ),
            (
                file("Profiles/activities/voorbeeld-scholingsvormen.yaml"),
                "een catalogus van scholingsvormen (lob plan --costs)", "catalogus van scholingsvormen",
                { ["plan", "--costs", $0, "--check"] }
            ),
            (
                file("docs/examples/schoolscan.yaml"), "een schoolscan (lob schoolscan --answers)", "schoolscan",
                { ["schoolscan", "--answers", $0, "--db", db] }
            ),
            (
                Self.survey.appendingPathComponent("mapping.yaml").path,
                "een mapping van een enquête (lob import survey --mapping)", "mapping van een enquête",
                {
                    [
                        "import", "survey", Self.survey.appendingPathComponent("google.csv").path, "--mapping", $0,
                        "--team", "Bouw", "--db", db,
                    ]
                }
            ),
        ]
        let secrets = folder.appendingPathComponent("instellingen.yaml")
        try "wachtwoord: hunter2\nsk-9f8e7d: sleutel\nlijst:\n  - geheim\n".write(
            to: secrets, atomically: true, encoding: .utf8)
        for reader in kinds {
            for other in kinds where other.file != reader.file {
                let outcome = try run(reader.command(other.file))
                #expect(
                    outcome.status == 1
                        && outcome.stderr.hasPrefix("lob: \(other.file): dit is \(other.named), geen \(reader.noun)\n"),
                    "\(reader.noun) ← \(other.noun): \(outcome.stderr)")
            }
            let foreign = try run(reader.command(secrets.path))
            #expect(
                foreign.status == 1
                    && foreign.stderr.hasPrefix("lob: \(secrets.path): is geen \(reader.noun): het heeft "),
                "\(foreign.stderr)")
            for key in ["wachtwoord", "hunter2", "sk-9f8e7d", "lijst", "geheim"] {
                #expect(!foreign.stderr.contains(key), "\(reader.noun) quoted '\(key)'")
            }
            // The form itself, given where its download belongs: named as a web page, not 700 lines of YAML faults.
            let form = file("Exports/zelfscan.html")
            let page = try run(reader.command(form))
            #expect(
                page.stderr.hasPrefix(
                    "lob: \(form): is een webpagina (HTML), geen YAML of JSON: is het het formulier van 'lob form'? Open het in een browser, vul het in en lees het bestand in dat het je laat downloaden\n"
                ), "\(reader.noun): \(page.stderr)")
        }
        let system = try run(["scan", "--answers", "/etc/passwd", "--db", db])
        #expect(
            system.stderr
                == "lob: /etc/passwd: is geen scanbestand: verwacht sleutels met waarden (YAML), gevonden losse tekst\n"
        )
        #expect(try counts().isEmpty)
    }

    /// A file name with terminal control in it (a clipboard write, a bell) is echoed as visible text by every command
    /// that names its files, on success as on failure.
    @Test func file_names_are_echoed_as_visible_text() async throws {
        let repository = TeamCommandTests.repository
        let hostile = folder.appendingPathComponent("x\u{1B}]52;c;aGk=\u{07}")
        try FileManager.default.createDirectory(at: hostile, withIntermediateDirectories: true)
        for (source, name) in [
            ("Profiles/decaan-model1.yaml", "profiel.yaml"),
            ("Profiles/activities/voorbeeld-scholingsvormen.yaml", "kosten.yaml"),
            ("docs/examples/feedback/collega-1.yaml", "feedback.yaml"), ("docs/examples/scan.yaml", "scan.yaml"),
        ] {
            try FileManager.default.copyItem(
                at: repository.appendingPathComponent(source), to: hostile.appendingPathComponent(name))
        }
        func path(_ name: String) -> String { hostile.appendingPathComponent(name).path }
        let shown = folder.appendingPathComponent("x\\u{1B}]52;c;aGk=\\u{7}").path
        for (arguments, expected) in [
            (["profiles", "validate", path("profiel.yaml")], "\(shown)/profiel.yaml: in orde"),
            (["plan", "--costs", path("kosten.yaml"), "--check"], "\(shown)/kosten.yaml: in orde"),
            (["scan", "--answers", path("scan.yaml"), "--db", db], "Bekijk je uitslag"),
            (["team", "import", path("scan.yaml"), "--team", "Bouw", "--db", db], "feedback.yaml"),
            (["feedback", "import", path("feedback.yaml"), "--db", db], "\(shown)/feedback.yaml: nieuw"),
            (["form", "--out", path("zelfscan.html")], "Formulier geschreven naar \(shown)/zelfscan.html"),
            (["report", "1", "--db", db, "--out", path("uitslag.md")], "geschreven naar \(shown)/uitslag.md"),
        ] {
            let run = try LobRun(arguments)
            let controls = (run.stdout + run.stderr).unicodeScalars.filter { VisibleText.isHidden($0) && $0 != "\n" }
            #expect(controls.isEmpty, "\(arguments[0...1]): \(run.stdout + run.stderr)")
            #expect(
                arguments[0...1] == ["team", "import"]
                    ? run.stdout.contains("\(shown)/scan.yaml") && !run.stdout.contains(expected)
                    : (run.stdout + run.stderr).contains(expected),
                "\(arguments[0...1]): \(run.stdout + run.stderr)")
        }
    }

    /// The system's reasons in Dutch, not `strerror`'s English: a link that points to itself (as a file and as a
    /// folder), and a file written into a folder that is not there.
    @Test func system_errors_are_worded_in_dutch() async throws {
        let loop = folder.appendingPathComponent("lus.yaml")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.lastPathComponent)
        let looping = "te veel symbolische koppelingen na elkaar (wijst een koppeling naar zichzelf?)"
        let scan = try run(["scan", "--answers", loop.path, "--db", db])
        #expect(scan.status == 1 && scan.stderr == "lob: \(loop.path): kan het bestand niet lezen: \(looping)\n")
        let team = try run(["team", "import", loop.path, "--team", "Bouw", "--db", db])
        #expect(
            team.status == 1
                && team.stderr == "lob: \(loop.path): kan niet gelezen worden: \(looping); niets ingelezen\n")
        let missing = folder.appendingPathComponent("weg/zelfscan.html").path
        let form = try run(["form", "--out", missing])
        #expect(form.status == 1 && form.stderr == "lob: \(missing): kan niet schrijven: de map bestaat niet\n")
        let example = TeamCommandTests.repository.appendingPathComponent("docs/examples/scan.yaml").path
        #expect(try run(["scan", "--answers", example, "--db", db]).status == 0)
        let report = try run(["report", "1", "--db", db, "--out", missing])
        #expect(report.status == 1 && report.stderr == "lob: kan '\(missing)' niet schrijven: de map bestaat niet\n")
        #expect(
            !(scan.stderr + team.stderr + form.stderr + report.stderr).contains("Too many")
                && !FileManager.default.fileExists(atPath: missing))
    }

    /// Files that are not files, too large, or not text; and a team folder with what does not belong in it.
    @Test func special_files_are_named_for_what_they_are() async throws {
        let manager = FileManager.default
        let directory = folder.appendingPathComponent("een-map.yaml")
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        let pipe = folder.appendingPathComponent("pijp.yaml")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        let large = folder.appendingPathComponent("groot.yaml")
        try Data(("formatVersion: 1\nteacher: \"" + String(repeating: "x", count: 20 << 20) + "\"\n").utf8).write(
            to: large)
        let cases: [(String, String)] = [
            (directory.path, "is een map"), (pipe.path, "is geen gewoon bestand"),
            ("/dev/zero", "is geen gewoon bestand"),
            (large.path, "is te groot"), (folder.appendingPathComponent("weg.yaml").path, "niet gevonden"),
        ]
        let before = try counts()
        for (path, message) in cases {
            for arguments in [
                ["scan", "--answers", path, "--db", db], ["team", "import", path, "--team", "Bouw", "--db", db],
                ["profiles", "validate", path], ["plan", "--costs", path, "--check"],
                ["schoolscan", "--answers", path, "--db", db],
                [
                    "import", "survey", path, "--mapping", Self.survey.appendingPathComponent("mapping.yaml").path,
                    "--team", "Bouw", "--db", db,
                ],
                ["team", "round", "open", "--team", "Bouw", "--round", "r", "--invite", path, "--db", db],
                ["feedback", "invite", "--team", "Bouw", "--for", "Jan", "--invite", path, "--db", db],
            ] {
                let outcome = try run(arguments)
                expectRefused(outcome, file: path, "\(path) via \(arguments[0])")
                // A folder named to `team import` is opened; it holds no scans.
                let expected =
                    arguments[0...1] == ["team", "import"] && path == directory.path
                    ? "is een map zonder bestanden" : message
                #expect(outcome.stderr.contains(expected), "\(path) via \(arguments[0]): \(outcome.stderr)")
                #expect(outcome.seconds < 5)
            }
        }
        #expect(try counts() == before)

        // A team folder: two scans (one with an upper-case extension), and what must be named, not read.
        let team = folder.appendingPathComponent("team")
        try manager.createDirectory(at: team.appendingPathComponent("oud"), withIntermediateDirectories: true)
        let example = try String(
            contentsOf: TeamCommandTests.repository.appendingPathComponent("docs/examples/scan.yaml"), encoding: .utf8)
        try example.write(to: team.appendingPathComponent("jan.yaml"), atomically: true, encoding: .utf8)
        try example.replacingOccurrences(of: "Jan de Vries", with: "Els Jansen").write(
            to: team.appendingPathComponent("ELS.YAML"), atomically: true, encoding: .utf8)
        try example.write(to: team.appendingPathComponent("kopie.yaml.txt"), atomically: true, encoding: .utf8)
        try Data([0x50, 0x4B, 0x03, 0x04, 0, 0]).write(to: team.appendingPathComponent("antwoorden.xlsx"))
        try manager.createSymbolicLink(
            atPath: team.appendingPathComponent("systeem.yaml").path, withDestinationPath: "/etc/passwd")
        let imported = try run(["team", "import", team.path, "--team", "Bouw", "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        for (name, reason) in [
            ("kopie.yaml.txt", "niet de extensie"), ("antwoorden.xlsx", "spreadsheet"),
            ("systeem.yaml", "symbolische koppeling"), ("oud", "is een map"),
        ] {
            #expect(
                imported.stderr.contains("\(name): \(reason)")
                    || imported.stderr.contains("/\(name): ") && imported.stderr.contains(reason), "\(name)")
        }
        #expect(imported.stderr.contains("4 bestanden in de map niet ingelezen") && !imported.stderr.contains("root:"))
        #expect(try counts()["teamScan"] == 2)
        // Named on its own, the link is read as what it points to — and refused without echoing the system file.
        let link = try run([
            "team", "import", team.appendingPathComponent("systeem.yaml").path, "--team", "Bouw", "--db", db,
        ])
        expectRefused(link, file: "systeem.yaml", "link")
        #expect(!link.stderr.contains("root:"))
    }
}
