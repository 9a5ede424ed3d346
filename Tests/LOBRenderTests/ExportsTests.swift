import Foundation
import LOBCore
import Testing
@testable import LOBRender

/// `Exports/` holds example outputs; this test fails when one is out of date.
/// Regenerate with `LOB_UPDATE_EXPORTS=1 swift test --filter ExportsTests`.
struct ExportsTests {
    private static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Exports")

    private func check(_ name: String, _ expected: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["LOB_UPDATE_EXPORTS"] == "1" {
            try expected.write(to: url, atomically: true, encoding: .utf8)
        }
        let actual = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "Exports/\(name) is out of date: run LOB_UPDATE_EXPORTS=1 swift test --filter ExportsTests")
    }

    @Test func framework_exports_are_current() throws {
        try check("framework.md", MarkdownRenderer().render(FrameworkReport.blocks(.standard)))
        try check("framework.json", try JSON.encode(FrameworkJSON(.standard)))
    }
}
