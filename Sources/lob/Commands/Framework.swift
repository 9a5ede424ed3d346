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
            Output.write(try format.render(FrameworkReport.blocks(catalogue)) { try JSON.encode(FrameworkJSON(catalogue)) })
        }
    }
}
