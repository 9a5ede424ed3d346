import Foundation
import Testing

@testable import LOBRender

/// WCAG 2.1 AA: every text colour of the HTML documents has a contrast of at least 4.5:1 with what it stands on.
struct ContrastTests {
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// The CSS rules as (selector, declarations).
    var rules: [(String, String)] {
        HTMLRenderer.css.components(separatedBy: "}").compactMap { rule in
            let parts = rule.components(separatedBy: "{")
            return parts.count >= 2 ? (parts[parts.count - 2], parts[parts.count - 1]) : nil
        }
    }

    func colour(_ property: String, in declarations: String) -> String? {
        let pattern = "(^|[;\\s])\(property):\\s*(#[0-9a-fA-F]{6})"
        guard let match = declarations.range(of: pattern, options: .regularExpression) else { return nil }
        return String(declarations[match].suffix(7))
    }

    @Test func every_text_colour_meets_aa_on_its_background() async {
        var checked = 0
        for (selector, declarations) in rules {
            let background = colour("background", in: declarations) ?? "#ffffff"
            // Text colours, and SVG fills of text (labels, ticks, marks); not the fills of shapes.
            var foreground = colour("color", in: declarations)
            if selector.contains("svg"),
                ["text", "tick", "marktext", "label", "column"].contains(where: selector.contains)
            {
                foreground = colour("fill", in: declarations) ?? foreground
            }
            guard let foreground else { continue }
            checked += 1
            #expect(Self.contrast(foreground, background) >= 4.5, "\(selector): \(foreground) on \(background)")
        }
        #expect(checked >= 6)
        // The heatmap's cells carry body text (#1a1a1a) on their colour.
        for cell in ["met", "near", "far", "none"] {
            let declarations = rules.first { $0.0.contains(".\(cell) ") || $0.0.hasSuffix(".\(cell)") }?.1 ?? ""
            let background = colour("background", in: declarations) ?? "#000000"
            #expect(Self.contrast("#1a1a1a", background) >= 4.5, "\(cell): \(background)")
        }
    }
}
