import Foundation
import Testing

@testable import lob

/// Help and argument errors as an installed user reads them: Dutch, within 80 columns, examples for the commands a
/// user starts from, no pointers to repository files, and a shell that completes file names.
struct HelpTests {
    static let starting: [[String]] = [
        ["scan"], ["report"], ["plan"], ["team", "import"], ["team", "report"], ["team", "plan"], ["budget"],
        ["schoolscan"], ["serve"], ["team", "round", "open"], ["feedback", "invite"], ["team", "feedback"],
    ]
    static let all: [[String]] =
        [[]] + starting + [
            ["scans"], ["export"], ["team"], ["team", "board"], ["team", "members"], ["team", "threshold"],
            ["team", "remove-member"], ["schoolscan", "show"], ["framework"], ["profiles", "validate"],
            ["serve", "account"], ["serve", "start"], ["team", "round"],
        ]

    @Test func help_is_dutch_and_points_to_no_repository_file() throws {
        for command in Self.all {
            let help = try LobRun(command + ["--help"])
            #expect(help.status == 0, "\(command)")
            for english in [
                "OVERVIEW", "USAGE:", "OPTIONS:", "Show help information", "default:", "values:", "See '", "(default)",
                "detailed help",
            ] {
                #expect(!help.stdout.contains(english), "\(command): \(english)")
            }
            #expect(help.stdout.contains("OVERZICHT: ") && help.stdout.contains("Toon deze uitleg."), "\(command)")
            #expect(!help.stdout.contains("docs/"), "\(command) points to docs/")
        }
    }

    @Test func every_starting_command_has_examples_that_fit_80_columns() throws {
        for command in Self.starting {
            let help = try LobRun(command + ["--help"]).stdout
            let examples = try #require(help.components(separatedBy: "Voorbeelden:\n").dropFirst().first, "\(command)")
            let lines = examples.components(separatedBy: "\n\n")[0].split(separator: "\n")
            #expect(lines.count >= 2, "\(command)")
            for line in lines { #expect(line.count <= 80, "\(command): \(line)") }
            // Each example is one whole command or an explicitly continued one, never broken mid-command.
            for (previous, line) in zip([""] + lines, lines) where !line.hasPrefix("  #") {
                #expect(line.hasPrefix("  lob ") || previous.hasSuffix("\\"), "\(command): \(line)")
            }
        }
    }

    @Test func argument_errors_are_dutch_with_a_usage_error_status() throws {
        let format = try LobRun(["report", "--format", "x"])
        #expect(format.status == 64)
        #expect(format.stderr.contains("Fout: De waarde 'x' is ongeldig voor '--format <format>'. Kies uit 'text',"))
        #expect(format.stderr.contains("'html' of 'json'") && format.stderr.contains("Zie 'lob report --help'"))
        let missing = try LobRun(["team", "remove-member"])
        #expect(missing.status == 64 && missing.stderr.contains("Verplicht argument ontbreekt: '<naam>'"))
        let noFiles = try LobRun(["team", "import", "--team", "Bouw"])
        #expect(noFiles.status == 64 && noFiles.stderr.contains("Fout: Geef scanbestanden of mappen, of --files-from"))
        let two = try LobRun(["team", "report", "--csv-dialect", "x"])
        #expect(two.stderr.contains("Kies uit 'excel' of 'rfc4180'."), "\(two.stderr)")
        let unknown = try LobRun(["report", "--id", "3"])
        #expect(unknown.stderr.contains("Onbekende optie '--id'. Bedoel je '--db'?"), "\(unknown.stderr)")
        for run in [format, missing, unknown] {
            #expect(!run.stderr.contains("Error:") && !run.stderr.contains("Usage:"))
        }
    }

    @Test func help_topics_replace_the_documentation_files() throws {
        for topic in HelpTopics.topics {
            let run = try LobRun(["help", topic.name])
            #expect(run.status == 0 && run.stdout == topic.text + "\n")
            for line in run.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(topic.name): \(line)") }
        }
        #expect(try LobRun(["--help"]).stdout.contains("  lob help privacy      wie wat ziet"))
        // Not a topic: the argument parser's own help of that command.
        #expect(try LobRun(["help", "team", "import"]).stdout.contains("GEBRUIK: lob team import"))
        #expect(try LobRun(["help", "budget"]).stdout.contains("GEBRUIK: lob budget"))
        // Neither: said so, with the topics, instead of the general help.
        let unknown = try LobRun(["help", "privacyy"])
        #expect(unknown.status == 64 && unknown.stdout.isEmpty)
        #expect(
            unknown.stderr.contains(
                "geen onderwerp of commando 'privacyy'. Onderwerpen: scanbestand, formulier, enquete, feedback, webdienst, privacy,"
            ))
    }

    @Test func bash_completes_file_names_where_a_file_is_expected() throws {
        let folder = TemporaryFolder("lob-completion")
        let script = folder.url.appendingPathComponent("lob.bash")
        try LobRun(["--generate-completion-script", "bash"]).stdout.write(to: script, atomically: true, encoding: .utf8)
        try "".write(to: folder.url.appendingPathComponent("scan-ans.yaml"), atomically: true, encoding: .utf8)
        for line in ["lob team import scan-", "lob scan --answers scan-", "lob team report --out scan-"] {
            let words = line.split(separator: " ").map { "'\($0)'" }.joined(separator: " ")
            let bash = Process()
            bash.executableURL = URL(fileURLWithPath: "/bin/bash")
            bash.currentDirectoryURL = folder.url
            bash.arguments = [
                "-c",
                "source lob.bash; COMP_WORDS=(\(words)); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}; _lob lob \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"; echo \"${COMPREPLY[*]}\"",
            ]
            let out = Pipe()
            bash.standardOutput = out
            try bash.run()
            bash.waitUntilExit()
            let reply = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(reply.contains("scan-ans.yaml"), "\(line) → \(reply)")
        }
    }
}

/// Text output follows the terminal: COLUMNS when there is no terminal to ask, else 80.
struct TerminalWidthTests {
    func widths(_ environment: [String: String]) throws -> [Int] {
        try LobRun(["framework"], environment: environment).stdout.split(separator: "\n").map(\.count)
    }

    @Test func text_wraps_at_the_width_it_is_given() throws {
        let narrow = try widths([:]), wide = try widths(["COLUMNS": "120"])
        #expect(wide.max() == 120 && wide.filter { $0 > 80 }.count > 50)
        // At 80 only the rows of a few tables (stars per role) run over: far fewer lines than at 120.
        #expect(narrow.filter { $0 > 80 }.count < 40 && (narrow.max() ?? 0) < 100)
        #expect(TerminalWidth.current(environment: ["COLUMNS": "7"]) == 80)
    }
}
