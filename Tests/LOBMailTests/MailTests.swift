import Foundation
import LOBCore
import Testing

@testable import LOBMail

/// The mail server's URL, addresses and the message as it goes over the wire. The conversation with a real SMTP
/// server on loopback (plain with a login, STARTTLS with the school's own CA, a wrong password) is run by
/// `Tests/e2e/serve-mail.py`.
struct MailTests {
    @Test func a_mail_server_is_named_by_a_url_without_its_password() async throws {
        let submission = try MailServer(
            url: "smtp://lob%40school.nl@mail.school.nl", password: "p", from: "lob@school.nl")
        #expect(submission.security == .startTLS && submission.port == 587 && submission.user == "lob@school.nl")
        let tls = try MailServer(url: "smtps://mail.school.nl", password: nil, from: "lob@school.nl")
        #expect(tls.security == .tls && tls.port == 465 && tls.user == nil)
        let local = try MailServer(url: "smtp+onversleuteld://127.0.0.1:2525", password: nil, from: "lob@school.nl")
        #expect(local.security == .none && local.port == 2525)
        #expect(
            throws: MailError.badURL("zonder versleuteling alleen naar een mailserver op deze computer (127.0.0.1)")
        ) {
            try MailServer(url: "smtp+onversleuteld://mail.school.nl", password: nil, from: "lob@school.nl")
        }
        #expect(throws: MailError.badURL("zet het wachtwoord niet in de URL maar in LOB_SMTP_PASSWORD")) {
            try MailServer(url: "smtp://lob:geheim@mail.school.nl", password: nil, from: "lob@school.nl")
        }
        #expect(throws: MailError.badURL("onbekend schema 'http': verwacht smtp, smtps of smtp+onversleuteld")) {
            try MailServer(url: "http://mail.school.nl", password: nil, from: "lob@school.nl")
        }
        #expect(throws: MailError.badAddress("lob school")) {
            try MailServer(url: "smtps://mail.school.nl", password: nil, from: "lob school")
        }
    }

    @Test(arguments: [
        ("ans.bakker@school.nl", true), ("a+lob@mail.school.nl", true), ("ans@school", false),
        ("ans@@school.nl", false),
        ("ans bakker@school.nl", false), ("<ans@school.nl>", false), ("ans@school.nl\r\nBcc: x@y.nl", false),
        ("\"ans\"@school.nl", false), ("ans@.school.nl", false), ("@school.nl", false), ("ans@school..nl", false),
    ])
    func an_address_is_one_a_header_cannot_be_broken_by(address: String, valid: Bool) {
        #expect(MailAddress.isValid(address) == valid)
    }

    @Test func a_message_is_headers_and_a_base64_body_no_line_of_which_ends_the_data() async throws {
        let message = MailMessage(
            to: "ans@school.nl", subject: "Je link voor de scan · één keer",
            body: "Dag Ans,\n.\nJe link: https://lob.school.nl/s/abc\n")
        let rendered = message.rendered(
            from: "lob@school.nl", date: Date(timeIntervalSince1970: 1_795_000_000), messageID: "1@lob")
        let lines = rendered.components(separatedBy: "\r\n")
        #expect(
            lines.contains("Subject: =?UTF-8?B?\(Data("Je link voor de scan · één keer".utf8).base64EncodedString())?=")
        )
        #expect(lines.contains("Date: Wed, 18 Nov 2026 11:06:40 +0000"))
        #expect(lines.contains("Content-Transfer-Encoding: base64") && lines.contains("To: ans@school.nl"))
        let blank = try #require(lines.firstIndex(of: ""))
        let body = lines[(blank + 1)...].joined()
        let decoded = String(decoding: try #require(Data(base64Encoded: body)), as: UTF8.self)
        #expect(decoded == "Dag Ans,\r\n.\r\nJe link: https://lob.school.nl/s/abc\r\n")
        // No line is a lone dot, and none is longer than SMTP allows.
        #expect(!lines.contains(".") && lines.allSatisfy { $0.utf8.count <= 998 })
        #expect(MailMessage.encodedWord("Plain subject") == "Plain subject")
    }
}
