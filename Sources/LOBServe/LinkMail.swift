import Foundation
import LOBApp
import LOBCore
import LOBMail

/// Personal links mailed by the server itself, each to its own person: the teamvoorzitter never sees them. The words
/// of the mails are here; the conversation with the school's mail server is `SMTPMailer`'s.
public enum LinkMail {
    /// What became of one link: mailed, or why not (then the link was not shown either: a new one can be made).
    public struct Outcome: Sendable, Hashable {
        public let name: String
        public let failure: String?
    }

    /// Mails each link to its address, in one conversation with the mail server.
    public static func send(
        _ links: [LOBApp.IssuedLink], server: MailServer, compose: (LOBApp.IssuedLink, String) -> MailMessage
    ) async throws(MailError) -> [Outcome] {
        let messages = links.map { compose($0, $0.address ?? "") }
        let results = try await SMTPMailer(server: server).send(messages)
        return zip(links, results).map { Outcome(name: $0.name, failure: $1?.description) }
    }

    /// The colleague's invitation: his own link, what the code is for, and that nobody else saw the link.
    public static func colleague(
        name: String, team: String, round: String, link: String, expires: String, to address: String
    ) -> MailMessage {
        MailMessage(
            to: address, subject: "Je persoonlijke link voor de LOB-spiegelscan",
            body: """
                Beste \(name),

                Je bent uitgenodigd voor de LOB-spiegelscan van team \(team) (\(round)). Met deze persoonlijke link \
                vul je hem in:

                \(link)

                De link is geldig tot \(expires). Bij je eerste bezoek kies je een persoonlijke code; daarna opent de \
                link je scan alleen in die browser, of op een ander apparaat met je code. De link is alleen voor jou: \
                stuur hem niet door.

                Deze mail is rechtstreeks door LOB-spiegel van je school verstuurd; je teamvoorzitter heeft de link \
                niet gezien. Zegt de link bij je eerste bezoek dat hij al in gebruik is, meld het dan je \
                teamvoorzitter of de school.

                """)
    }

    /// A rater's invitation: whom, as which group, and that his name is not kept.
    public static func rater(
        name: String, subject: String, group: RaterGroup, link: String, expires: String, to address: String
    ) -> MailMessage {
        MailMessage(
            to: address, subject: "Feedback gevraagd over \(subject)",
            body: """
                Beste \(name),

                Je wordt gevraagd als \(group.word) feedback te geven over \(subject): hoe zie jij hem of haar als \
                loopbaanbegeleider? Het kost ongeveer een kwartier. Met deze link geef je je feedback:

                \(link)

                De link is geldig tot \(expires) en werkt één keer, in de browser waarin je hem het eerst opent. Je \
                naam wordt nergens bewaard; \(subject) ziet de feedback alleen als groep, samen met die van anderen.

                Deze mail is rechtstreeks door LOB-spiegel van je school verstuurd.

                """)
    }
}
