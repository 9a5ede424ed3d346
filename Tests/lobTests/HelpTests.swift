import ArgumentParser
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

    @Test func help_is_dutch_and_points_to_no_repository_file() async throws {
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

    @Test func every_starting_command_has_examples_that_fit_80_columns() async throws {
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

    @Test func argument_errors_are_dutch_with_a_usage_error_status() async throws {
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

    /// Words the argument parser (or a slip of ours) writes in English; none is Dutch. Names and ids (options,
    /// `<values>`, quoted text, `ENVIRONMENT`, file names, addresses) are taken out before the words are compared.
    static let english: Set<String> = [
        "the", "and", "for", "with", "not", "any", "but", "was", "has", "had", "been", "please", "provide", "following",
        "missing", "expected", "unexpected", "arguments", "invalid", "unknown", "option", "options",
        "value",
        "values", "default", "error", "usage", "see", "information", "detailed", "subcommand",
        "command", "required", "did", "you", "mean", "specified", "take", "already", "set", "flag", "version",
        "overview", "file", "folder", "name", "output", "format", "team's", "found", "cannot", "could", "must",
        "should", "only", "this", "that", "from", "into", "none", "all", "internal",
    ]

    static func englishWords(_ text: String) -> [String] {
        var text = text
        for pattern in [
            #"'[^'\n]*'"#, #"<[^>\n]*>"#, #"`[^`\n]*`"#, #"--?[A-Za-z][\w-]*"#, #"\S+://\S+"#,
            #"\S*[./]\S*"#, #"\b[A-Z][A-Z_]+\b"#,
        ] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init).filter {
            english.contains($0)
        }
    }

    /// Every command `lob` has, found from its configuration: none is left out of the checks below.
    static func everyCommand(_ type: ParsableCommand.Type = LobCommand.self, _ path: [String] = []) -> [[String]] {
        [path] + type.configuration.subcommands.flatMap { everyCommand($0, path + [$0._commandName]) }
    }

    /// Every help page within 80 columns (Dutch is longer than the English the parser wrapped, and its usage line
    /// is never wrapped), each default said once, not one English word, and no line of prose ending in a backslash
    /// (only a shell example continues with one).
    @Test func every_help_page_fits_80_columns_says_a_default_once_and_is_dutch() async throws {
        let commands = Self.everyCommand()
        #expect(commands.count > 60 && commands.contains(["plan", "follow-up"]))
        for command in commands {
            let help = try LobRun(command + ["--help"], environment: ["COLUMNS": "80"])
            #expect(help.status == 0, "\(command)")
            for line in help.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(command): \(line)") }
            let options = help.stdout.components(separatedBy: "\n  -")
            for option in options where option.contains("(standaard:") {
                #expect(
                    option.components(separatedBy: "standaard").count == 2, "\(command): a default twice: \(option)")
            }
            #expect(Self.englishWords(help.stdout).isEmpty, "\(command): \(Self.englishWords(help.stdout))")
            for line in help.stdout.split(separator: "\n") where line.hasSuffix("\\") {
                let example = line.hasPrefix("  ") && (line.contains("lob ") || line.contains(" --"))
                #expect(example, "\(command): a line of prose ends in a backslash: \(line)")
            }
        }
    }

    /// The mistakes people make, answered in Dutch, with the command they nearly typed.
    @Test func mistakes_are_answered_in_dutch_with_the_command_meant() async throws {
        let mistakes: [([String], String)] = [
            (["raport"], "Fout: Onverwacht argument 'raport'\nBedoel je 'lob report'?\n"),
            (["team", "improt", "x"], "Fout: 2 onverwachte argumenten: 'improt', 'x'\nBedoel je 'lob team import'?\n"),
            (["serve", "acount"], "Fout: Onverwacht argument 'acount'\nBedoel je 'lob serve account'?\n"),
            (["shoolscan"], "Bedoel je 'lob schoolscan'?"),
            (["xyz"], "Fout: Onverwacht argument 'xyz'\nGebruik: lob <subcommando>\n"),
            (["team", "report", "--formaat", "html"], "Fout: Onbekende optie '--formaat'. Bedoel je '--format'?"),
            (["report", "--format"], "Fout: Geen waarde gegeven bij '--format <format>'"),
            (["scan", "--answers"], "Fout: Geen waarde gegeven bij '--answers <bestand>'"),
            (["report", "1", "2"], "Fout: Onverwacht argument '2'"),
            (["team", "report", "--latest"], "Fout: Onbekende optie '--latest'"),
            (["form", "--group", "ouder"], "Fout: De waarde 'ouder' is ongeldig voor '--group <groep>'. Kies uit"),
            (["budget"], "Fout: Verplicht argument ontbreekt: '--budget <euro>'"),
        ]
        for (arguments, expected) in mistakes {
            let run = try LobRun(arguments)
            #expect(run.status == 64, "\(arguments): \(run.status)")
            #expect(run.stderr.contains(expected), "\(arguments): \(run.stderr)")
            #expect(Self.englishWords(run.stderr).isEmpty, "\(arguments): \(Self.englishWords(run.stderr))")
            // The usage line is wrapped; a message stays one line, as a terminal or a script reads it.
            for line in run.stderr.split(separator: "\n") where line.hasPrefix("Gebruik") || line.hasPrefix("    ") {
                #expect(line.count <= 80, "\(arguments): \(line)")
            }
        }
    }

    @Test func help_topics_replace_the_documentation_files() async throws {
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
        #expect(
            unknown.stderr.hasSuffix("; commando's: lob --help.\nBedoel je 'lob help privacy'?\n"), "\(unknown.stderr)")
        let command = try LobRun(["help", "raport"])
        #expect(command.stderr.hasSuffix("\nBedoel je 'lob help report'?\n"), "\(command.stderr)")
    }

    @Test func bash_completes_file_names_where_a_file_is_expected() async throws {
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

    @Test func text_wraps_at_the_width_it_is_given() async throws {
        let narrow = try widths([:]), wide = try widths(["COLUMNS": "120"])
        #expect(wide.max() == 120 && wide.filter { $0 > 80 }.count > 50)
        // At 80 only the rows of a few tables (stars per role) run over: far fewer lines than at 120.
        #expect(narrow.filter { $0 > 80 }.count < 40 && (narrow.max() ?? 0) < 100)
        #expect(TerminalWidth.current(environment: ["COLUMNS": "7"]) == 80)
    }
}
