import Foundation
import LOBCore
import Testing

@testable import LOBRender

struct RenderTests {
    @Test func text_renderer_wraps_and_indents() async {
        let text = TextRenderer(width: 30).render([
            .heading(level: 2, "Kop"),
            .definitions([("1.1", "een tekst die te lang is voor een regel")]),
            .table(header: ["a", "bb"], rows: [["ccc", "d"]]),
        ])
        #expect(
            text == """
                Kop
                ---

                  1.1  een tekst die te lang
                       is voor een regel

                a    bb
                ---  --
                ccc  d

                """)
    }

    @Test func markdown_renderer_escapes_and_makes_tables() async {
        let markdown = MarkdownRenderer().render([
            .heading(level: 1, "Titel"),
            .bullets(["*nadruk*", "a | b"]),
            .table(header: ["x"], rows: [["a | b"]]),
        ])
        #expect(
            markdown == """
                # Titel

                - \\*nadruk\\*
                - a | b

                | x |
                | --- |
                | a \\| b |

                """)
    }

    @Test func framework_json_carries_the_catalogue_ids_and_is_deterministic() async throws {
        let first = try JSON.encode(FrameworkJSON(.standard))
        #expect(first == (try JSON.encode(FrameworkJSON(.standard))))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        let behaviours = try #require(object["behaviours"] as? [[String: Any]])
        #expect(behaviours.count == 44)
        #expect(behaviours.first?["id"] as? String == "1.1")
        let models = try #require(object["schoolModels"] as? [[String: Any]])
        #expect(models.map { $0["id"] as? String } == ["model1", "model2", "model3"])
        let aspects = try #require(object["aspects"] as? [[String: Any]])
        let descriptions = try #require(aspects.first?["descriptions"] as? [String: String])
        #expect(descriptions["model1"] == "Geïnformeerd kiezen in en aan het eind van de school")
        let stars = try #require(object["starRatings"] as? [[String: Any]])
        #expect(stars.count == 12)
    }

    @Test func framework_text_names_every_behaviour() async {
        let text = TextRenderer(width: 1000).render(FrameworkReport.blocks(.standard))
        for behaviour in Catalogue.standard.behaviours {
            #expect(
                text.contains("\(behaviour.id)  \(behaviour.text)")
                    || text.contains("\(behaviour.id)   \(behaviour.text)"), "\(behaviour.id)")
        }
        #expect(text.contains("De flexibele school"))
    }

    @Test func profile_report_shows_weights_targets_and_own_behaviours() async {
        let profile = Profile(
            id: "p", title: "P", behaviours: ["3.4"],
            ownBehaviours: [Behaviour(id: "eigen-1", competency: 3, text: "eigen tekst")],
            behaviourTargets: ["3.4": 4], weights: [3: 1.5])
        let text = TextRenderer(width: 200).render(ProfileReport.blocks(profile, catalogue: .standard))
        #expect(text.contains("gewicht 1,5 · doel 3"))
        #expect(text.contains("(doel 4)"))
        #expect(text.contains("eigen-1  eigen tekst [eigen]"))
    }

    @Test func numbers_use_the_dutch_decimal_comma() async {
        #expect(DutchNumber.format(2.75) == "2,75")
        #expect(DutchNumber.format(1.5) == "1,5")
        #expect(DutchNumber.format(3) == "3")
        #expect(DutchNumber.format(0.571) == "0,57")
        #expect(DutchNumber.format(-0.25) == "-0,25")
        #expect(DutchNumber.format(-1.5) == "-1,5")
        #expect(DutchNumber.format(0.05) == "0,05")
        #expect(DutchNumber.format(nil) == "–")
        #expect(DutchNumber.signed(0.29) == "+0,29")
    }
}
