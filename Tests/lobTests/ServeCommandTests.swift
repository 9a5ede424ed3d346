import Foundation
import GRDB
import LOBApp
import LOBCore
import LOBFormats
import LOBShippedProfiles
import LOBStore
import Testing

@testable import lob

/// `lob team round open` and `lob serve account`: the round's links from the command line, and the dashboard's
/// login, with their refusals.
struct ServeCommandTests {
    private let temporary = TemporaryFolder("lob-serve")
    private var db: String { temporary.url.appendingPathComponent("lob.sqlite").path }

    private func lob(_ arguments: [String], input: URL? = nil) throws -> LobRun {
        try LobRun(arguments + ["--db", db], input: input)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = temporary.url.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func opening_a_round_shows_each_link_once_and_keeps_only_hashes() async throws {
        let names = try write("namen.txt", "# team Bouw\nAns Bakker\n\nBram de Jong\n")
        let out = temporary.url.appendingPathComponent("links.csv").path
        let run = try lob([
            "team", "round", "open", "--team", "Bouw", "--round", "voorjaar 2027", "--invite", names, "--url",
            "https://lob.school.nl/", "--out", out,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOfFile: out, encoding: .utf8)
        let lines = csv.split(separator: "\r\n")
        #expect(lines.first == "naam;link" && lines.count == 3)
        #expect(lines[1].hasPrefix("\"Ans Bakker\";https://lob.school.nl/s/"))
        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // The database holds no token: only its SHA-256 hash.
        let token = String(lines[1].split(separator: "/").last!)
        let stored = try await DatabaseQueue(path: db).read { db in
            try String.fetchAll(db, sql: "SELECT tokenHash FROM invitation ORDER BY id")
        }
        #expect(stored.count == 2 && stored.allSatisfy { $0.count == 64 && !$0.contains(token) })
        for file in [db, db + "-wal"] {
            let dump = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            #expect(dump.range(of: Data(token.utf8)) == nil, "\(file)")
        }

        // The same colleague again in the same round is refused, and nothing is added.
        let again = try lob([
            "team", "round", "open", "--team", "Bouw", "--round", "voorjaar 2027", "--invite",
            try write("nog.txt", "Carla Visser\nans  bakker\n"),
        ])
        #expect(again.status != 0 && again.stderr.contains("al uitgenodigd"))
        await #expect(
            try DatabaseQueue(path: db).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM invitation") } == 2)
    }

    @Test func a_bad_list_names_its_line_and_a_csv_its_column() async throws {
        let bad = try write("namen.txt", "Ans Bakker\nBram\u{202E}kaas\n")
        let run = try lob([
            "team", "round", "open", "--team", "Bouw", "--round", "r", "--invite", bad, "--profile", "mentor-model2",
        ])
        #expect(run.status != 0 && run.stderr.contains("namen.txt:2: verwacht een naam"))
        let empty = try lob([
            "team", "round", "open", "--team", "Bouw", "--round", "r", "--invite", try write("leeg.txt", "# niemand\n"),
        ])
        #expect(empty.status != 0 && empty.stderr.contains("de lijst noemt niemand"))
        let unknown = try lob([
            "team", "round", "open", "--team", "Bouw", "--round", "r", "--invite", bad, "--profile", "bestaat-niet",
        ])
        #expect(unknown.status != 0 && unknown.stderr.contains("onbekend profiel"))
        // A CSV export with a column "Naam" (Dutch Excel: semicolons, a BOM).
        let csv = try write(
            "team.csv", "\u{FEFF}E-mail;Naam\r\nans@school.nl;Ans Bakker\r\nbram@school.nl;Bram de Jong\r\n")
        let good = try lob(["team", "round", "open", "--team", "Bouw", "--round", "r", "--invite", csv])
        #expect(good.status == 0 && good.stdout.contains("Ans Bakker\thttp://127.0.0.1:8080/s/"))
        #expect(good.stdout.contains("Bram de Jong\t") && !good.stdout.contains("school.nl"))
    }

    @Test func an_account_needs_a_long_password_and_keeps_only_its_bcrypt_hash() async throws {
        let short = try lob(
            ["serve", "account", "--team", "Bouw", "--login", "voorzitter", "--password-stdin"],
            input: URL(fileURLWithPath: try write("kort", "kort\n")))
        #expect(short.status != 0 && short.stderr.contains("het wachtwoord is te kort: minstens 10 tekens"))
        // bcrypt reads 72 bytes; a longer password would be cut unseen, so it is refused.
        let long = try lob(
            ["serve", "account", "--team", "Bouw", "--login", "voorzitter", "--password-stdin"],
            input: URL(fileURLWithPath: try write("lang", String(repeating: "ä", count: 37) + "\n")))
        #expect(long.status != 0 && long.stderr.contains("het wachtwoord is te lang: hooguit 72 bytes"))
        let made = try lob(
            ["serve", "account", "--team", "Bouw", "--login", "voorzitter", "--password-stdin"],
            input: URL(fileURLWithPath: try write("goed", "een lang wachtwoord\n")))
        #expect(made.status == 0, "\(made.stderr)")
        let hash = try await DatabaseQueue(path: db).read { db in
            try String.fetchOne(db, sql: "SELECT passwordHash FROM dashboardAccount WHERE login = 'voorzitter'")
        }
        #expect(hash?.hasPrefix("$2b$12$") == true && hash?.contains("wachtwoord") == false)
    }

    @Test func the_server_refuses_a_port_or_url_that_cannot_work() async throws {
        let port = try lob(["serve", "--port", "70000"])
        #expect(port.status != 0 && port.stderr.contains("--port"))
        let url = try lob(["serve", "--url", "lob.school.nl"])
        #expect(url.status != 0 && url.stderr.contains("http://"))
    }

    /// A port another program holds, or an address of another computer: said in Dutch with what to do, and no
    /// "luistert op" before it; started, the line names the port it really got.
    /// A scan handed in through a link has one home: it is a scan like any other, and `lob scans list`, `lob report`
    /// and `lob plan` on the server's database show it. One handed in before that (kept as a scan file's text on the
    /// invitation) is moved among the scans when `lob serve` starts.
    @Test func a_scan_handed_in_on_the_web_is_a_scan_like_any_other() async throws {
        let out = temporary.url.appendingPathComponent("links.csv").path
        let opened = try lob([
            "team", "round", "open", "--team", "Bouw", "--round", "voorjaar", "--invite",
            try write("namen.txt", "Ans Bakker\nBram de Jong\n"), "--out", out,
        ])
        #expect(opened.status == 0, "\(opened.stderr)")
        let tokens = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\r\n").dropFirst().map {
            String($0.split(separator: "/").last!)
        }
        let library = ProfileLibrary(folders: [ShippedProfiles.directory].compactMap { $0 })
        let profile = try #require(library.profile("loopbaanbegeleider-vmbo"))
        let scores = profile.scoredBehaviours(in: .standard).map { "  \"\($0.id)\": 3" }
        let file =
            ([
                "formatVersion: 1", "teacher: \"wie dan ook\"", "profile: loopbaanbegeleider-vmbo", "date: 2026-11-25",
                "consent: anoniem", "scores:",
            ] + scores).joined(separator: "\n") + "\n"
        let (scan, _) = try ScanFile.decode(data: Data(file.utf8), file: "t", profile: { library.profile($0) })
        // Ans hands in through her link: the application call the page's route makes.
        let app = LOBApp(store: try LOBDatabase.openFile(at: db))
        let now = Int64(Date().timeIntervalSince1970)
        let record = try await app.invitation(token: tokens[0], now: now)
        let handedIn = try await app.handIn(
            record, scan: scan, profile: profile, today: SchoolDate("2026-11-25")!, now: now)
        #expect(handedIn.outcome == .added)
        // Bram handed in before scans had one home: his scan file's text on the invitation.
        let bram = file.replacingOccurrences(of: "wie dan ook", with: "Bram de Jong")
        try await DatabaseQueue(path: db).write { db in
            try db.execute(
                sql: "UPDATE invitation SET scan = ?, finishedAt = ? WHERE name = 'Bram de Jong'",
                arguments: [bram, now])
        }
        let running = try LobRun.start(["serve", "--port", "\(Self.freePort())", "--db", db])
        var said = Data()
        while !String(decoding: said, as: UTF8.self).contains("luistert op") {
            let chunk = running.out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said.append(chunk)
        }
        running.process.terminate()
        _ = running.finish()
        #expect(String(decoding: said, as: UTF8.self).hasPrefix("1 ingeleverde scan verplaatst naar de scans.\n"))

        let list = try lob(["scans", "list"])
        #expect(list.status == 0 && list.stdout.contains("Ans Bakker") && list.stdout.contains("Bram de Jong"))
        let report = try lob(["report", "\(handedIn.scan.id)"])
        #expect(report.status == 0 && report.stdout.hasPrefix("ZELFSCAN VAN ANS BAKKER\n"), "\(report.stderr)")
        let plan = try lob(["plan", "\(handedIn.scan.id)"])
        #expect(plan.status == 0 && plan.stdout.hasPrefix("SCHOLINGSPLAN VAN ANS BAKKER\n"), "\(plan.stderr)")
        // Nothing is moved twice.
        await #expect(
            try DatabaseQueue(path: db).read {
                try Int.fetchOne($0, sql: "SELECT count(*) FROM invitation WHERE scan IS NOT NULL OR scanId IS NULL")
            } == 0)
    }

    /// A port nobody listens on now: bound to 0, read back and closed.
    static func freePort() -> Int {
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(holder, $0, length) == 0 && getsockname(holder, $0, &length) == 0
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test func the_server_says_it_listens_only_once_it_does() async throws {
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(holder, $0, length) == 0 && listen(holder, 1) == 0 && getsockname(holder, $0, &length) == 0
            }
        }
        #expect(bound)
        let taken = Int(UInt16(bigEndian: address.sin_port))
        let busy = try lob(["serve", "--port", "\(taken)"])
        #expect(busy.status == 1 && busy.stdout.isEmpty)
        #expect(
            busy.stderr
                == "lob: poort \(taken) is al in gebruik (draait lob serve al, of een ander programma?): kies een andere met --port\n"
        )
        let foreign = try lob(["serve", "--host", "192.0.2.1", "--port", "\(taken)"])
        #expect(foreign.status == 1 && foreign.stdout.isEmpty)
        #expect(
            foreign.stderr
                == "lob: het adres 192.0.2.1 hoort niet bij deze computer: kies er een van deze computer met --host (127.0.0.1 voor alleen deze computer, 0.0.0.0 voor het netwerk)\n"
        )
        // Free again, the port is taken by lob serve, and only then is it said.
        close(holder)
        let running = try LobRun.start(["serve", "--port", "\(taken)", "--db", db])
        var first = Data()
        while !first.contains(UInt8(ascii: "\n")) {
            let chunk = running.out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            first.append(chunk)
        }
        running.process.terminate()
        _ = running.finish()
        let line = String(decoding: first, as: UTF8.self)
        #expect(
            line.hasPrefix("LOB-spiegel luistert op http://127.0.0.1:")
                && !line.hasPrefix("LOB-spiegel luistert op http://127.0.0.1:0 "), "\(line)")
    }

    /// The server reads a profile's catalogue once, not on every plan page (nor a missing one again and again).
    @Test func a_catalogue_is_read_once_per_profile() async {
        let cache = CatalogueCache()
        var reads = 0
        for profile in ["a", "a", "b", "a", "b"] {
            _ = cache.catalogue(for: profile) { () -> ActivityCatalogue? in
                reads += 1
                return nil
            }
        }
        #expect(reads == 2)
    }

    @Test func raters_links_name_no_rater_in_the_database() async throws {
        let raters = try write("beoordelaars.txt", "Carla Visser\nDirk Smit\n")
        // Feedback is asked about a colleague of an open round of the team, never about a typed name.
        let outside = try lob([
            "feedback", "invite", "--team", "Bouw", "--for", "Ans Bakker", "--group", "collega", "--invite", raters,
        ])
        #expect(outside.status != 0 && outside.stderr.contains("Ans Bakker is niet uitgenodigd in een open ronde"))
        let names = try write("namen.txt", "Ans Bakker\nBram de Jong\n")
        let round = try lob([
            "team", "round", "open", "--team", "Bouw", "--round", "r", "--invite", names, "--profile", "mentor-model2",
        ])
        #expect(round.status == 0, "\(round.stderr)")
        let run = try lob([
            "feedback", "invite", "--team", "Bouw", "--for", "Ans Bakker", "--group", "collega", "--invite", raters,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Carla Visser\thttp://127.0.0.1:8080/f/"))
        // Neither in the database nor in its write-ahead log.
        let files = [db, db + "-wal"].compactMap { try? Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(!files.isEmpty)
        for name in ["Carla Visser", "Dirk Smit"] {
            #expect(files.allSatisfy { $0.range(of: Data(name.utf8)) == nil }, "\(name)")
        }
        // The files looked in are the ones that hold the links: the teacher rated is in them.
        #expect(files.contains { $0.range(of: Data("Ans Bakker".utf8)) != nil })
        // One leidinggevende, and nobody rates himself.
        let two = try lob([
            "feedback", "invite", "--team", "Bouw", "--for", "Ans Bakker", "--group", "leidinggevende", "--invite",
            raters,
        ])
        #expect(two.status == 1 && two.stderr == "lob: \(raters): er is één leidinggevende; de lijst noemt er 2\n")
        let own = try lob([
            "feedback", "invite", "--team", "Bouw", "--for", "Bram de Jong", "--invite",
            try write("zelf.txt", "Bram de Jong\n"),
        ])
        #expect(own.status == 1 && own.stderr.hasSuffix("zelf.txt: Bram de Jong kan zichzelf geen feedback geven\n"))
        // One person twice is named with both lines, and nothing is made.
        let twice = try lob([
            "feedback", "invite", "--team", "Bouw", "--for", "Ans Bakker", "--invite",
            try write("twee.txt", "Carla Visser\nDirk Smit\ncarla  visser\n"),
        ])
        #expect(
            twice.status == 1
                && twice.stderr.hasSuffix("twee.txt:3: 'carla  visser' staat ook op regel 1: noem iedereen één keer\n"))
    }
}
