import Crypto
import Foundation
import LOBCore
import LOBFormats
import LOBShippedProfiles
import Testing

@testable import LOBForm

/// The form's HTML file as a browser and an attacker read it; `Tests/e2e/form-browser.py` answers it in Chromium.
struct ScanFormTests {
    let profile: Profile

    init() throws {
        let library = ProfileLibrary(folders: [ShippedProfiles.directory].compactMap { $0 })
        profile = try #require(library.profile("loopbaanbegeleider-vmbo"))
    }

    /// The text between `<tag…>` and `</tag>`, the n-th occurrence.
    private func element(_ tag: String, in html: String, _ index: Int = 0) throws -> String {
        let parts = html.components(separatedBy: "<\(tag)")
        try #require(parts.count > index + 1, "no <\(tag)> number \(index + 1)")
        let opened = try #require(parts[index + 1].firstIndex(of: ">"))
        let body = parts[index + 1][parts[index + 1].index(after: opened)...]
        let end = try #require(body.range(of: "</\(tag)>"))
        return String(body[..<end.lowerBound])
    }

    @Test func the_policy_allows_exactly_the_embedded_style_and_script_and_no_network() async throws {
        let html = try ScanForm.html(profile: profile, team: "Bouwtechniek bovenbouw")
        let policy = try #require(
            html.components(separatedBy: "Content-Security-Policy\" content=\"").last?
                .components(separatedBy: "\"").first)
        let style = try element("style", in: html)
        let script = try element("script", in: html, 1)
        let hash = { (text: String) in "sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() }
        #expect(policy.contains("script-src '\(hash(script))'"))
        #expect(policy.contains("style-src '\(hash(style))'"))
        #expect(policy.hasPrefix("default-src 'none'"))
        #expect(!policy.contains("unsafe"))
        // Nothing is loaded from elsewhere: no source, link, import or url() at all.
        for load in [" src=", "<link", "@import", "url(", "XMLHttpRequest", "sendBeacon", "WebSocket"] {
            #expect(!html.contains(load), "the form contains \(load)")
        }
        // The script talks only to the server of `lob serve`, and only when served: offline the policy allows no
        // connection at all (default-src 'none', no connect-src), and every request goes to the server's own URLs.
        #expect(!policy.contains("connect-src"))
        let requests = html.components(separatedBy: "fetch(").dropFirst()
        #expect(requests.count == 2 && requests.allSatisfy { $0.hasPrefix("server.") })
        let served = try ScanForm.html(
            profile: profile, team: "T",
            server: .init(name: "Ans", save: "/s/x/antwoorden", handIn: "/s/x/inleveren", csrf: "c", draft: nil))
        #expect(served.contains("connect-src 'self'") && served.contains("\"save\":\"/s/x/antwoorden\""))
        #expect(html.contains("<html lang=\"nl\">"))
        // Same input, same bytes.
        #expect(html == (try ScanForm.html(profile: profile, team: "Bouwtechniek bovenbouw")))
    }

    @Test func the_questionnaire_asks_what_the_profile_scores_in_the_seeds_words() async throws {
        let html = try ScanForm.html(profile: profile, team: nil)
        let json = try element("script", in: html, 0)
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let competencies = try #require(data["competencies"] as? [[String: Any]])
        let asked = competencies.flatMap { ($0["behaviours"] as? [[String: Any]]) ?? [] }
        let scored = profile.scoredBehaviours(in: .standard)
        #expect(asked.map { $0["id"] as? String } == scored.map(\.id))
        #expect(asked.map { $0["text"] as? String } == scored.map(\.text))
        #expect(asked.map { $0["target"] as? Int } == scored.map { profile.target(for: $0) })
        #expect(asked.count == 44)
        #expect((data["statements"] as? [Any])?.count == PreferenceCheck.statements.count)
        #expect((data["consent"] as? [[String: Any]])?.map { $0["id"] as? String } == ["prive", "anoniem", "metNaam"])
        #expect(data["caveat"] as? String == LearningPreference.caveat)
        #expect(data["team"] == nil)
        #expect((data["profile"] as? [String: Any])?["id"] as? String == "loopbaanbegeleider-vmbo")
    }

    @Test func a_hostile_team_name_stays_text() async throws {
        let team = "</script><script>alert(1)</script><!-- & {{script}}"
        let html = try ScanForm.html(profile: profile, team: team)
        // Only the form's own two scripts are opened and closed, and the placeholder is not filled twice.
        #expect(html.components(separatedBy: "<script").count == 3)
        #expect(html.components(separatedBy: "</script>").count == 3)
        #expect(!html.contains("<!-- &"))
        let json = try element("script", in: html, 0)
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(data["team"] as? String == team)
    }

    @Test func placeholders_are_filled_once_and_unknown_ones_are_left() async {
        #expect(ScanForm.fill("a {{x}} b {{y}} {{", ["x": "{{y}}"]) == "a {{y}} b {{y}} {{")
        #expect(ScanForm.escape("<a href=\"x\">&</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
    }
}

/// The feedback form: the same page with the rater's target, and nothing that asks the rater's name.
struct FeedbackFormTests {
    @Test func the_feedback_form_names_the_teacher_and_the_group() async throws {
        let library = ProfileLibrary(folders: [ShippedProfiles.directory].compactMap { $0 })
        let profile = try #require(library.profile("loopbaanbegeleider-vmbo"))
        let html = try ScanForm.html(
            profile: profile, team: nil, feedbackFor: ("Jan </script> de Vries", .leidinggevende))
        #expect(html.contains("<title>Feedback voor Jan &lt;/script&gt; de Vries</title>"))
        #expect(
            html.contains(
                "\"feedback\":{\"group\":\"leidinggevende\",\"groupPlural\":\"leidinggevenden\",\"groupWord\":\"leidinggevende\",\"moment\":\"nulmeting\",\"subject\":\"Jan \\u003c/script\\u003e de Vries\"}"
            ))
        #expect(!(try ScanForm.html(profile: profile, team: nil)).contains("\"feedback\""))
    }

    /// The follow-up (level 3) asks the plan's goal behaviours only, and its file says it is a follow-up.
    @Test func the_follow_up_form_asks_the_goal_behaviours_only() async throws {
        let library = ProfileLibrary(folders: [ShippedProfiles.directory].compactMap { $0 })
        let profile = try #require(library.profile("loopbaanbegeleider-vmbo"))
        let goals: Set<String> = ["1.1", "1.2", "4.3"]
        let html = try ScanForm.html(
            profile: profile, team: nil, feedbackFor: ("Jan de Vries", .collega), followUp: goals)
        #expect(html.contains("<title>Vervolgmeting voor Jan de Vries</title>"))
        #expect(html.contains("\"moment\":\"vervolg\""))
        let asked = html.matches(of: /\{"id":"(\d+\.\d+)","target"/).map { String($0.output.1) }
        #expect(Set(asked) == goals)
        // Without a teacher to rate, there is no follow-up: the self-scan asks everything.
        let scan = try ScanForm.html(profile: profile, team: nil, followUp: goals)
        #expect(scan.matches(of: /\{"id":"(\d+\.\d+)","target"/).count > 30)
    }
}
