import ArgumentParser
import Foundation
import LOBCore
import LOBFormats
import LOBRender

extension LobCommand {
    struct Profiles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profiles",
            abstract: "Bekijk en controleer profielen: de keuze van gedragskenmerken, doelen en gewichten.",
            subcommands: [List.self, Show.self, Validate.self]
        )
    }
}

extension LobCommand.Profiles {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Toon alle beschikbare profielen.")

        @Option(help: "Uitvoer: text of json.")
        var format: ListFormat = .text

        @OptionGroup var profiles: ProfileOptions

        func run() async throws {
            let library = profiles.library()
            let all = library.entries.map(\.profile)
            Output.write(
                format == .json
                    ? try JSON.encode(ListJSON.Profiles(all))
                    : TextRenderer(width: TerminalWidth.current()).render(
                        ProfileReport.listBlocks(all, catalogue: .standard)))
            // A broken profile of the school's own must not go unnoticed: list the rest, then fail.
            guard library.problems.isEmpty else {
                library.problems.forEach(Output.warn)
                throw ExitCode.failure
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Toon één profiel met zijn gedragskenmerken, doelen en gewichten.")

        @Argument(help: "Het id van het profiel (zie 'lob profiles list') of een profielbestand.", completion: .file())
        var id: String

        @Option(help: "Uitvoer: text of json.")
        var format: OutputFormat = .text

        @OptionGroup var profiles: ProfileOptions

        func validate() throws {
            if format == .markdown { throw ValidationError("--format markdown kan hier niet: kies text of json.") }
        }

        func run() async throws {
            let profile = try resolve()
            let catalogue = Catalogue.standard
            switch format {
            case .json: Output.write(try JSON.encode(ProfileJSON(profile, catalogue: catalogue)))
            default:
                Output.write(
                    TextRenderer(width: TerminalWidth.current()).render(
                        ProfileReport.blocks(profile, catalogue: catalogue)))
            }
        }

        private func resolve() throws -> Profile {
            if id.hasSuffix(".yaml") || id.hasSuffix(".yml") || id.contains("/") {
                do { return try ProfileFile.load(URL(fileURLWithPath: id)) } catch { throw Output.fail(error) }
            }
            return try profiles.library().required(id)
        }
    }

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Controleer profielbestanden; meldt per fout het bestand, de regel en wat er verwacht werd.")

        @Argument(help: "Een of meer profielbestanden (YAML).", completion: .file())
        var files: [String]

        func run() async throws {
            var failed = false
            for file in files {
                do {
                    let profile = try ProfileFile.load(InputFile.url(file))
                    Output.write(
                        "\(Excerpt.visible(file)): in orde (\(profile.id), \(profile.scoredBehaviours(in: .standard).count) gedragskenmerken)\n"
                    )
                } catch {
                    Output.warn(error)
                    failed = true
                }
            }
            if failed { throw ExitCode.failure }
        }
    }
}
