import ArgumentParser
import Foundation
import LOBFormats

/// swift-argument-parser writes its own words in English and has no translations. It does let a program catch its
/// errors and help requests and print `fullMessage(for:)` itself, so `lob` rewords that text here. What this cannot
/// change: the option names themselves (`--help`, `-h`) and the layout of the help.
enum DutchArguments {
    /// Whole phrases first, then the headings and the loose words.
    private static let phrases: [(String, String)] = [
        ("Missing expected argument '", "Verplicht argument ontbreekt: '"),
        ("Missing value for '", "Geen waarde gegeven bij '"),
        ("Unknown option '", "Onbekende optie '"),
        ("Unexpected argument '", "Onverwacht argument '"),
        // "2 unexpected arguments: 'improt', 'x'"
        (" unexpected arguments: '", " onverwachte argumenten: '"),
        ("Missing one of: '", "Een van deze ontbreekt: '"),
        ("Invalid option: ", "Ongeldige optie: "),
        ("The option '", "De optie '"),
        ("' does not take any value, but '", "' neemt geen waarde, maar '"),
        ("' was specified.", "' werd gegeven."),
        ("Value to be set with flag ", "De waarde van vlag "),
        ("Value to be set with ", "De waarde van "),
        (" had already been set with flag ", " was al gegeven met vlag "),
        (" had already been set with ", " was al gegeven met "),
        ("\n   or: ", "\n   of: "),
        ("' is invalid.", "' is ongeldig."),
        ("Unexpected extra value '", "Eén waarde te veel: '"),
        ("' is invalid for '", "' is ongeldig voor '"),
        ("The value '", "De waarde '"),
        ("Please provide one of the following:", "Kies uit:"),
        ("Please provide one of ", "Kies uit "),
        ("Did you mean '", "Bedoel je '"),
        ("Error: ", "Fout: "),
        ("Help:  ", "Hulp:  "),
        ("Usage: ", "Gebruik: "),
        ("' for more information.", "' voor meer uitleg."),
        ("  See '", "  Zie '"),
        ("  See 'lob help <subcommand>' for detailed help.", "  Zie 'lob help <subcommando>' voor meer uitleg."),
        // A command with subcommands under `lob` ("See 'lob help serve <subcommand>' …").
        ("' for detailed help.", "' voor meer uitleg."),
        ("(default)  ", "(standaard)"),  // as wide, so the column stays where it was
        ("OVERVIEW: ", "OVERZICHT: "),
        ("USAGE: ", "GEBRUIK: "),
        ("ARGUMENTS:", "ARGUMENTEN:"),
        ("OPTIONS:", "OPTIES:"),
        ("SUBCOMMANDS:", "SUBCOMMANDO'S:"),
        ("Show the version.", "Toon het versienummer."),
        ("Show help information.", "Toon deze uitleg."),
        ("default:", "standaard:"),
        ("(values:", "(waarden:"),
        ("<subcommand>", "<subcommando>"),
        ("[<options>]", "[<opties>]"),
        ("Missing required subcommand", "Geef een subcommando"),
        ("Unspecified version", "Onbekende versie"),
    ]

    static func translate(_ text: String) -> String {
        var result = text
        for (english, dutch) in phrases { result = result.replacingOccurrences(of: english, with: dutch) }
        // "'text', 'markdown' or 'json'" and "'excel' and 'rfc4180'" → "… of 'json'", "'excel' of 'rfc4180'"
        return result.replacingOccurrences(of: "' or '", with: "' of '").replacingOccurrences(
            of: "' and '", with: "' of '")
    }
}

extension DutchArguments {
    /// The parser wraps its text before `lob` translates it, and Dutch is longer; its usage line is never wrapped.
    /// A usage line over `width` is wrapped between its `[…]` groups; an option's text that runs over is wrapped
    /// again as a whole, under its own column.
    static func fit(_ text: String, width: Int) -> String {
        // A help page; an error keeps its message on one line (a terminal wraps it; a script greps it).
        let page = text.hasPrefix("OVERZICHT: ")
        var lines = text.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("GEBRUIK: ") || line.hasPrefix("Gebruik: ") {
                let wrapped = wrap(usageWords(line), head: "", indent: 4, width: width)
                lines.replaceSubrange(index...index, with: wrapped)
                index += wrapped.count
                continue
            }
            // An option's or subcommand's row: its text starts after the first gap of two spaces past the name,
            // and the lines after it indented to that column go on with it.
            guard page, line.hasPrefix("  "), let column = textColumn(line) else {
                // Prose (the overview, the discussion): wrapped at its own indent.
                if page, line.count > width {
                    let indent = line.prefix { $0 == " " }.count
                    let wrapped = wrap(
                        line.split(separator: " ").map(String.init), head: String(repeating: " ", count: indent),
                        indent: indent, width: width)
                    lines.replaceSubrange(index...index, with: wrapped)
                    index += wrapped.count
                } else {
                    index += 1
                }
                continue
            }
            var end = index + 1
            let indent = String(repeating: " ", count: column)
            while end < lines.count, lines[end].hasPrefix(indent), lines[end].dropFirst(column).first != " " {
                end += 1
            }
            guard lines[index..<end].contains(where: { $0.count > width }) else {
                index = end
                continue
            }
            let words = lines[index..<end].flatMap {
                String($0.dropFirst(column)).split(separator: " ").map(String.init)
            }
            let wrapped = wrap(words, head: String(line.prefix(column)), indent: column, width: width)
            lines.replaceSubrange(index..<end, with: wrapped)
            index += wrapped.count
        }
        return lines.joined(separator: "\n")
    }

    /// Where the text of an option's row starts: after the name and a gap of at least two spaces.
    private static func textColumn(_ line: String) -> Int? {
        let characters = Array(line)
        var column = characters.prefix { $0 == " " }.count
        while column + 1 < characters.count, characters[column] != " " || characters[column + 1] != " " {
            column += 1
        }
        guard column + 1 < characters.count else { return nil }
        while column < characters.count, characters[column] == " " { column += 1 }
        return column < characters.count ? column : nil
    }

    /// A usage line's words: a `[…]` group and an option with its `<value>` stay whole.
    private static func usageWords(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var depth = 0
        for character in line {
            if character == "[" { depth += 1 }
            if character == "]" { depth -= 1 }
            if character == " ", depth == 0, !word.isEmpty {
                words.append(word)
                word = ""
            } else if character != " " || !word.isEmpty {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        // "--invite" and "<bestand>" are one thing.
        var joined: [String] = []
        for word in words {
            if word.hasPrefix("<"), let last = joined.last, last.hasPrefix("-") {
                joined[joined.count - 1] = last + " " + word
            } else {
                joined.append(word)
            }
        }
        return joined
    }

    private static func wrap(_ words: [String], head: String, indent: Int, width: Int) -> [String] {
        var lines: [String] = []
        var current = head
        for word in words {
            let fresh = current.count == (lines.isEmpty ? head.count : indent)
            if !fresh, current.count + 1 + word.count > width {
                lines.append(current)
                current = String(repeating: " ", count: indent) + word
            } else {
                current += (fresh ? "" : " ") + word
            }
        }
        lines.append(current)
        return lines
    }

    /// "Bedoel je 'lob team import'?" for a command typed nearly right (`lob raport`, `lob team improt`): the
    /// arguments are followed down the tree of commands, and at the first word that is no command where one is
    /// expected, the nearest name (at most two letters off) is offered. `nil` when there is none.
    static func suggestion(for arguments: [String], root: any ParsableCommand.Type) -> String? {
        var command = root
        var path = [root._commandName]
        for argument in arguments {
            let subcommands = command.configuration.subcommands
            guard !argument.hasPrefix("-"), !subcommands.isEmpty else { return nil }
            if let next = subcommands.first(where: { $0._commandName == argument }) {
                command = next
                path.append(argument)
                continue
            }
            return nearest(to: argument, among: subcommands.map { $0._commandName }).map {
                "Bedoel je '\((path + [$0]).joined(separator: " "))'?"
            }
        }
        return nil
    }

    /// The name at most two letters off `word` (and shorter than that distance would make any name), the closest
    /// first; `nil` when there is none.
    static func nearest(to word: String, among names: [String]) -> String? {
        names.map { ($0, distance($0, word)) }.filter { $0.1 <= 2 && $0.1 < $0.0.count }.min { $0.1 < $1.1 }?.0
    }

    /// How many letters must be added, removed, changed or swapped with a neighbour to make one word the other.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

extension LobCommand {
    /// As `ParsableCommand.main()`, with every message of the argument parser in Dutch and `lob help ONDERWERP`
    /// for the topics in `HelpTopics`. Async for the one command that runs until it is stopped (`lob serve`).
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.count == 2, arguments[0] == "help" {
            if let topic = HelpTopics.text(arguments[1]) { return print(topic, terminator: "") }
            // Neither a topic nor a command: the argument parser would show the general help without a word.
            if !configuration.subcommands.contains(where: { $0._commandName == arguments[1] }) {
                let topics = HelpTopics.topics.map(\.name).joined(separator: ", ")
                // The nearest topic or command, when one is at most two letters off.
                let names = HelpTopics.topics.map(\.name) + configuration.subcommands.map { $0._commandName }
                let meant =
                    DutchArguments.nearest(to: arguments[1], among: names).map { "\nBedoel je 'lob help \($0)'?" } ?? ""
                FileHandle.standardError.write(
                    Data(
                        "Fout: geen onderwerp of commando '\(Excerpt.visible(arguments[1]))'. Onderwerpen: \(topics); commando's: lob --help.\(meant)\n"
                            .utf8))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
        }
        do {
            var command = try parseAsRoot(arguments)
            if var server = command as? any AsyncParsableCommand {
                try await server.run()
            } else {
                try command.run()
            }
        } catch {
            var message = DutchArguments.fit(
                DutchArguments.translate(fullMessage(for: error)), width: TerminalWidth.current())
            let code = exitCode(for: error)
            if code != .success, let suggestion = DutchArguments.suggestion(for: arguments, root: Self.self) {
                var lines = message.components(separatedBy: "\n")
                lines.insert(suggestion, at: min(1, lines.count))
                message = lines.joined(separator: "\n")
            }
            if !message.isEmpty {
                if code == .success {
                    print(message)
                } else {
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
