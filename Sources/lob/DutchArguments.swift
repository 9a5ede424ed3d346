import ArgumentParser
import Foundation

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
        ("Unexpected extra value '", "Eén waarde te veel: '"),
        ("' is invalid for '", "' is ongeldig voor '"),
        ("The value '", "De waarde '"),
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
        ("Missing required subcommand", "Geef een subcommando"),
    ]

    static func translate(_ text: String) -> String {
        var result = text
        for (english, dutch) in phrases { result = result.replacingOccurrences(of: english, with: dutch) }
        // "'text', 'markdown' or 'json'" and "'excel' and 'rfc4180'" → "… of 'json'", "'excel' of 'rfc4180'"
        return result.replacingOccurrences(of: "' or '", with: "' of '").replacingOccurrences(
            of: "' and '", with: "' of '")
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
                FileHandle.standardError.write(
                    Data(
                        "Fout: geen onderwerp of commando '\(arguments[1])'. Onderwerpen: \(topics); commando's: lob --help.\n"
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
            let message = DutchArguments.translate(fullMessage(for: error))
            let code = exitCode(for: error)
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
