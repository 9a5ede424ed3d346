import ArgumentParser

extension LobCommand {
    /// `lob import`: answers collected elsewhere, read in as scans.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Lees antwoorden uit een ander programma in als scans.",
            subcommands: [Survey.self])
    }
}
