import ArgumentParser
import LOBCore
import LOBRender

extension LobCommand {
    struct Framework: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Toon het hele kader: competenties, gedragskenmerken, schoolmodellen, rollen en meer.")

        @Option(help: "Uitvoer: text, markdown of json.")
        var format: OutputFormat = .text

        func run() throws {
            let catalogue = Catalogue.standard
            switch format {
            case .text: Output.write(TextRenderer().render(FrameworkReport.blocks(catalogue)))
            case .markdown: Output.write(MarkdownRenderer().render(FrameworkReport.blocks(catalogue)))
            case .json: Output.write(try JSON.encode(FrameworkJSON(catalogue)))
            }
        }
    }
}
