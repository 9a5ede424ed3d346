import Foundation
import LOBFormats
import Testing

/// The invitation list of a round: names, and where each link may be mailed.
struct InvitationListTests {
    @Test func a_text_list_gives_names_and_addresses_on_any_line_end() async throws {
        let text =
            "# team\r\nAns Bakker <ans@school.nl>\r\nBram de Jong\tbram@school.nl\r\n\r\nCarla; de Vries\nDirk <b>\n"
        let list = try InvitationList.invitees(Data(text.utf8), file: "namen.txt", csv: false)
        #expect(
            list == [
                .init(name: "Ans Bakker", address: "ans@school.nl"),
                .init(name: "Bram de Jong", address: "bram@school.nl"),
                // A ";" or "<…>" without an "@" is part of the name.
                .init(name: "Carla; de Vries", address: nil), .init(name: "Dirk <b>", address: nil),
            ])
    }

    @Test func a_csv_export_gives_its_name_and_mail_columns() async throws {
        let csv = "\u{FEFF}E-mail;Naam\r\nans@school.nl;Ans Bakker\r\n;Bram de Jong\r\n"
        let list = try InvitationList.invitees(Data(csv.utf8), file: "team.csv", csv: true)
        #expect(
            list == [.init(name: "Ans Bakker", address: "ans@school.nl"), .init(name: "Bram de Jong", address: nil)])
    }

    @Test(arguments: [
        ("Ans <ans@school>\n", "namen.txt:1: 'ans@school' is geen e-mailadres (naam@school.nl)"),
        ("Bram\nAns <ans@@school.nl>\n", "namen.txt:2: 'ans@@school.nl' is geen e-mailadres (naam@school.nl)"),
        // The same person twice, as the privacy rule counts people: case and spaces do not make another.
        (
            "Ans Bakker\n# x\nBram\nANS  bakker <ans@school.nl>\n",
            "namen.txt:4: 'ANS  bakker' staat ook op regel 1: noem iedereen één keer"
        ),
    ])
    func an_address_or_a_second_line_for_one_person_is_refused_with_its_line(text: String, message: String) {
        do {
            _ = try InvitationList.invitees(Data(text.utf8), file: "namen.txt", csv: false)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description == message)
        }
    }
}
