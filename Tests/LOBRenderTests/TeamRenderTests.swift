import LOBCore
import Testing

@testable import LOBRender

/// The heatmap in text (with and without colour) and CSV quoting.
struct TeamRenderTests {
    let chart = HeatmapChart(
        title: "Heatmap", columns: ["Ans", "anoniem 1"],
        rows: [
            .init(label: "1.1", cells: [.init(score: 4, target: 3), .init(score: 1, target: 3)]),
            .init(label: "2.10", cells: [nil, .init(score: 2, target: 3)]),
        ])

    @Test func without_colour_the_cells_carry_score_and_mark() async {
        let text = TextRenderer().render([.chart(.heatmap(chart))])
        #expect(
            text == """
                Heatmap
                      1   2
                1.1   4   1!!
                2.10  ·   2!
                Kolommen: 1 = Ans, 2 = anoniem 1.
                Cijfer = score (1–4); ! = tot één niveau onder het doel van dat profiel, !! =
                meer eronder; · = niet beantwoord. Kleur: groen = doel gehaald, geel = tot één
                niveau eronder, rood = meer eronder.

                """)
        #expect(!text.contains("\u{1B}"))
    }

    @Test func with_colour_each_cell_gets_the_background_of_its_shortfall() async {
        let text = TextRenderer(colour: true).render([.chart(.heatmap(chart))])
        #expect(text.contains("\u{1B}[30;42m 4  \u{1B}[0m\u{1B}[30;41m 1!!\u{1B}[0m"))
        #expect(text.contains("2.10  ·  \u{1B}[30;43m 2! \u{1B}[0m"))
    }

    @Test func csv_quotes_what_needs_quoting() async throws {
        let csv = try CSVTable(header: ["team", "n"], rows: [[.text("Bouw, \"boven\""), .integer(3)]]).render(.rfc4180)
        #expect(csv == "team,n\r\n\"Bouw, \"\"boven\"\"\",3\r\n")
    }

    @Test func the_html_heatmap_is_a_table_per_competency_with_names_signs_and_colours() async {
        let html = HTMLRenderer(title: "t").render([
            .chart(
                .heatmap(
                    HeatmapChart(
                        title: "<x>", columns: ["A&B", "Carla"],
                        rows: [
                            .init(
                                label: "1.1", text: "kent zijn leerlingen", group: "1 Interpersoonlijk",
                                cells: [.init(score: 2, target: 3), .init(score: 1, target: 3)]),
                            .init(
                                label: "2.1", text: "tweede", group: "2 Pedagogisch",
                                cells: [nil, .init(score: 4, target: 3)]),
                        ])))
        ])
        #expect(html.components(separatedBy: "<table class=\"heatmap\">").count == 3)
        #expect(
            html.contains("<caption>1 Interpersoonlijk</caption>") && html.contains("<caption>2 Pedagogisch</caption>"))
        #expect(html.contains("<th scope=\"col\" class=\"person\">A&amp;B</th>") && html.contains("&lt;x&gt;"))
        #expect(html.contains("<th scope=\"row\">1.1 kent zijn leerlingen</th>"))
        #expect(html.contains("<td class=\"near\">2!</td>") && html.contains("<td class=\"far\">1!!</td>"))
        #expect(html.contains("<td class=\"none\">·</td>") && html.contains("<td class=\"met\">4</td>"))
        // Two names fit: no key of numbered columns.
        #expect(!html.contains("Kolommen: 1 = A&amp;B"))
    }
}

/// A team too large for a heatmap a person can read says so instead of drawing thousands of columns.
struct LargeTeamRenderTests {
    @Test func more_named_colleagues_than_a_heatmap_holds_are_left_to_the_json() async {
        let profile = Profile(id: "p", title: "P", behaviours: ["1.1"], defaultTarget: 3)
        func team(_ size: Int) -> TeamAnalysis {
            TeamAnalysis(
                members: (0..<size).map {
                    TeamMemberScan(
                        teacher: "Collega \($0)", consent: .metNaam, learningPreference: .oefenen,
                        date: SchoolDate("2026-10-01")!, profile: profile, scores: ["1.1": 1 + $0 % 4],
                        fingerprint: "f\($0)")
                }, threshold: 3)
        }
        let large = TextRenderer().render(TeamReport(team: "Groot", round: "r", analysis: team(61)).blocks())
        #expect(large.contains("61 collega's deelden met naam: te veel voor een leesbare heatmap"))
        #expect(!large.contains("Kolommen: 1 = "))
        // Peer learning lists 30 pairs per behaviour; the JSON has all.
        let hundred = team(100)
        let pairs = hundred.peerLearning.first?.pairs.count ?? 0
        #expect(pairs == 50)
        #expect(
            TextRenderer().render(TeamReport(team: "Groot", round: "r", analysis: hundred).blocks()).contains(
                "en nog 20 koppels"))
        let small = TextRenderer().render(TeamReport(team: "Klein", round: "r", analysis: team(60)).blocks())
        #expect(small.contains("Kolommen: 1 = ") && !small.contains("te veel voor een leesbare heatmap"))
    }
}

/// Charts in HTML come with their numbers: a table beside the picture or an SVG description; charts whose numbers
/// are in the table before them are pictures only, left out of text.
struct ChartNumbersTests {
    let progress = Block.chart(
        .bars(
            BarChart(
                title: "Voortgang", series: ["najaar", "voorjaar"],
                groups: [
                    .init(label: "1 Interpersoonlijk", values: [2.5, 3.25]), .init(label: "2 <b>", values: [nil, 2]),
                ],
                maximum: 4, numbersInTable: true)))

    /// A long table of short cells runs in two columns only when its narrowest form fits half the printed line:
    /// six columns of 14-character cells do not, and print clipped their right side.
    @Test func only_a_table_that_fits_half_a_line_runs_in_two_columns() async {
        let header = ["gedragskenmerk", "n", "gemiddelde", "verdeling", "op/boven doel"]
        let fitting = (1...24).map { ["1.\($0)", "5", "3,00", "0 · 1 · 3 · 1", "4"] }
        let wide = (1...24).map { _ in Array(repeating: "12345678901234", count: 6) }
        let renderer = HTMLRenderer(title: "t")
        #expect(renderer.render([.table(header: header, rows: fitting)]).contains("class=\"two-columns\""))
        #expect(HTMLRenderer.narrowestWidth(header: header, rows: fitting) <= HTMLRenderer.halfLine)
        #expect(
            !renderer.render([.table(header: Array(repeating: "kolom", count: 6), rows: wide)]).contains(
                "class=\"two-columns\""))
    }

    @Test func a_chart_describes_its_values_to_a_screen_reader() async {
        let html = HTMLRenderer(title: "t").render([progress])
        #expect(html.contains("role=\"img\" class=\"bars\"><title>Voortgang</title>"))
        #expect(
            html.contains(
                "<desc>1 Interpersoonlijk, najaar 2,5, voorjaar 3,25; 2 &lt;b&gt;, najaar –, voorjaar 2</desc>"))
        #expect(!html.contains("<b>"))
    }

    @Test func a_picture_of_the_table_before_it_is_left_out_of_text_and_markdown() async {
        #expect(TextRenderer().render([.paragraph("x"), progress]) == "x\n")
        #expect(MarkdownRenderer().render([.paragraph("x"), progress]) == "x\n")
    }

    @Test func a_radar_gets_a_printed_table_and_a_board_mean_a_sign() async {
        let radar = RadarChart(title: "r", maximum: 4, axes: [.init(label: "1 A", value: 2.75, target: 3)])
        let html = HTMLRenderer(title: "t").render([.chart(.radar(radar))])
        #expect(html.contains("<table class=\"data short-table\">"))
        #expect(html.contains("<td class=\"num short\">2,75</td>"))
        #expect(HeatmapChart.text(.init(mean: 2.75, target: 3)) == "2,75!")
        #expect(HeatmapChart.text(.init(mean: 1.5, target: 3)) == "1,5!!")
        #expect(HeatmapChart.text(.init(mean: 3, target: 3)) == "3")
    }
}

/// Period labels of the timeline stay within their column at any count of periods: two short lines each.
struct TimelineLabelTests {
    @Test func period_labels_are_two_lines_that_fit_their_column() async {
        let columns = (1...12).map { "periode \($0 % 4 + 1) \(2026 + $0 / 4)-\(2027 + $0 / 4)" }
        let svg = SVG.timeline(
            TimelineChart(
                title: "t", columns: columns, rows: [.init(label: "Doel 1", bars: [], marks: [])], legend: []))
        let labels = svg.components(separatedBy: "class=\"column\">").dropFirst().map {
            String($0.prefix { $0 != "<" })
        }
        #expect(labels.count == 24)
        // 11 characters of 11 px bold text (about 7 px each) fit the 88 px column.
        #expect(labels.allSatisfy { $0.count <= 11 })
        #expect(labels.prefix(2) == ["periode 2", "2026-2027"])
        // A school's longer period name keeps every word, on as many lines as it needs.
        let long = SVG.timeline(
            TimelineChart(title: "t", columns: ["blok 1 herfst en winter 2026-2027"], rows: [], legend: []))
        #expect(long.contains(">blok 1<") && long.contains(">herfst en<") && long.contains(">2026-2027<"))
    }

    /// Scores on a 1–4 scale: the axis starts at 1, and a mean of 1 has no bar (0 is not on the scale).
    @Test func a_bar_of_scores_starts_at_the_lowest_level() async {
        let svg = SVG.bars(
            BarChart(
                title: "t", series: ["a"], groups: [.init(label: "x", values: [1]), .init(label: "y", values: [4])],
                maximum: 4, minimum: 1))
        #expect(svg.contains("class=\"tick\">1</text>") && !svg.contains("class=\"tick\">0</text>"))
        #expect(svg.contains("width=\"0.0\" height=\"10\"") && svg.contains("width=\"460.0\" height=\"10\""))
    }

    /// Two marks in one period read in their order, left to right: N3 before N4.
    @Test func marks_in_one_period_stand_in_their_order() async throws {
        let svg = SVG.timeline(
            TimelineChart(
                title: "t", columns: ["p1", "p2"],
                rows: [
                    .init(
                        label: "Doel 2", bars: [], marks: [.init(column: 1, text: "N3"), .init(column: 1, text: "N4")])
                ],
                legend: []))
        func x(_ text: String) throws -> Double {
            let before = try #require(svg.components(separatedBy: ">\(text)</text>").first)
            let attribute = try #require(before.components(separatedBy: "<text x=\"").last)
            return try #require(Double(attribute.prefix { $0 != "\"" }))
        }
        #expect(try x("N3") < x("N4"))
    }
}

/// A text table keeps to the width: its widest text column wraps in its cell, or goes under its row when the
/// figures leave it too little room.
struct TextTableWidthTests {
    let text = "laat non-verbale signalen zien die aandacht en interesse tonen"

    @Test func the_widest_text_column_wraps_within_its_cell() async {
        let out = TextRenderer(width: 40).render([.table(header: ["id", "tekst", "n"], rows: [["1.3", text, "5"]])])
        #expect(out.split(separator: "\n").allSatisfy { $0.count <= 40 })
        #expect(out.contains("1.3  laat non-verbale signalen zien    5\n     die aandacht en interesse tonen\n"))
    }

    @Test func with_little_room_the_text_goes_under_its_row() async {
        let header = ["id", "n", "gemiddelde", "verdeling", "prioriteit", "gedragskenmerk"]
        let out = TextRenderer(width: 64).render([
            .table(header: header, rows: [["1.3", "5", "2,6", "1 · 1 · 2 · 1", "1,8", text]])
        ])
        #expect(out.split(separator: "\n").allSatisfy { $0.count <= 64 })
        #expect(out.contains("1.3  5         2,6  1 · 1 · 2 · 1         1,8\n    laat non-verbale signalen"))
    }

    @Test func a_column_of_withheld_figures_stays_on_its_row() async {
        // No cell is wider than the header: wrapping it or putting it under the row would gain nothing.
        let header = ["groep", "docenten", "doelen bereikt", "per bereikt doel"]
        let out = TextRenderer(width: 40).render([
            .table(header: header, rows: [["oefenen", "3", "– (9 gemeten)", "–"]])
        ])
        #expect(out.hasSuffix("oefenen         3  – (9 gemeten)   –\n"))
    }
}
