import ArgumentParser
import Foundation
import LOBMail

/// The school's mail server, for every command that can mail links (`lob team round open --mail`, `lob feedback
/// invite --mail`, `lob serve`): from the options, else the environment; the password only from `LOB_SMTP_PASSWORD`.
struct MailOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "De mailserver (anders LOB_SMTP): smtp://gebruiker@server:587, smtps://…:465; wachtwoord in LOB_SMTP_PASSWORD.",
            valueName: "url"))
    var smtp: String?

    @Option(help: ArgumentHelp("Het afzenderadres van de mails (anders LOB_MAIL_FROM).", valueName: "adres"))
    var mailFrom: String?

    @Option(
        help: ArgumentHelp(
            "Certificaten (PEM) om naast die van het systeem te vertrouwen: een eigen CA van de school.",
            valueName: "bestand"))
    var smtpCa: String?

    /// The mail server when one is named (nil otherwise); `option` is what the messages call for it.
    func server(option: String) throws -> MailServer? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = smtp ?? environment["LOB_SMTP"] else { return nil }
        guard let from = mailFrom ?? environment["LOB_MAIL_FROM"] else {
            throw Output.fail("\(option): geef het afzenderadres met --mail-from of LOB_MAIL_FROM")
        }
        switch Result(catching: { () throws(MailError) -> MailServer in
            try MailServer(
                url: url, password: environment["LOB_SMTP_PASSWORD"], from: from, trustedCertificates: smtpCa)
        }) {
        case .success(let server): return server
        case .failure(let error): throw Output.fail(error.description)
        }
    }
}
