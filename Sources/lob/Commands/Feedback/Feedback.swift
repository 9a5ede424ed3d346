import ArgumentParser

extension LobCommand {
    /// `lob feedback`: 360° feedback from colleagues and the leidinggevende on the behaviours of a teacher's profile.
    struct Feedback: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "feedback",
            abstract: "360°-feedback: collega's en je leidinggevende beoordelen dezelfde gedragskenmerken.",
            subcommands: [Import.self, Report.self, Invite.self])
    }
}
