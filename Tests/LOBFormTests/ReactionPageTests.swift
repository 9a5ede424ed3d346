import Crypto
import Foundation
import LOBCore
import Testing

@testable import LOBForm

/// The page of reactions (`lob plan react --out`) as a browser and an attacker read it; `Tests/e2e/form-browser.py`
/// answers it in Chromium.
struct ReactionPageTests {
    let hostile = "</script><script>alert(1)</script><!-- & {{script}}"

    var activities: [ActivityDone] {
        [
            ActivityDone(
                id: 4, planScanID: 3, competency: 2, formID: "training", formName: hostile,
                date: SchoolDate("2026-12-10")!, minutes: 720, cents: 27_500)
        ]
    }

    private func element(_ tag: String, in html: String, _ index: Int = 0) throws -> String {
        let parts = html.components(separatedBy: "<\(tag)")
        try #require(parts.count > index + 1, "no <\(tag)> number \(index + 1)")
        let opened = try #require(parts[index + 1].firstIndex(of: ">"))
        let body = parts[index + 1][parts[index + 1].index(after: opened)...]
        let end = try #require(body.range(of: "</\(tag)>"))
        return String(body[..<end.lowerBound])
    }

    @Test func the_page_loads_and_sends_nothing_and_hostile_names_stay_text() throws {
        let html = try ReactionPage.html(teacher: "Jan " + hostile, planScanID: 3, activities: activities)
        let policy = try #require(
            html.components(separatedBy: "Content-Security-Policy\" content=\"").last?
                .components(separatedBy: "\"").first)
        let hash = { (text: String) in "sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() }
        #expect(policy.contains("script-src '\(hash(try element("script", in: html, 1)))'"))
        #expect(policy.contains("style-src '\(hash(try element("style", in: html)))'"))
        #expect(policy.hasPrefix("default-src 'none'") && !policy.contains("connect-src") && !policy.contains("unsafe"))
        for load in [" src=", "<link", "@import", "url(", "fetch(", "XMLHttpRequest", "sendBeacon", "localStorage"] {
            #expect(!html.contains(load), "the page contains \(load)")
        }
        // Only the page's own two scripts are opened and closed; the names are data, not markup.
        #expect(html.components(separatedBy: "<script").count == 3)
        #expect(html.components(separatedBy: "</script>").count == 3)
        #expect(html.contains("<title>Reacties van Jan &lt;/script&gt;&lt;script&gt;alert(1)"))
        let data = try #require(
            try JSONSerialization.jsonObject(with: Data(try element("script", in: html, 0).utf8)) as? [String: Any])
        #expect(data["teacher"] as? String == "Jan " + hostile && data["planScan"] as? Int == 3)
        let listed = try #require(data["activities"] as? [[String: Any]])
        #expect(listed.count == 1 && listed[0]["name"] as? String == hostile && listed[0]["id"] as? Int == 4)
        #expect(listed[0]["date"] as? String == "2026-12-10" && listed[0]["dateText"] as? String == "10 december 2026")
        #expect(data["satisfiedLabels"] as? [String] == Reaction.satisfiedLabels)
        // Same input, same bytes.
        #expect(html == (try ReactionPage.html(teacher: "Jan " + hostile, planScanID: 3, activities: activities)))
    }
}
