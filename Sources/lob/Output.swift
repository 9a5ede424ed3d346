import ArgumentParser
import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBPostgresStore
import LOBStore

/// How wide text output is: the terminal's width, else COLUMNS, else 80 (a pipe, a file, a test).
enum TerminalWidth {
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 {
            return min(Int(size.ws_col), 200)
        }
        if let columns = environment["COLUMNS"].flatMap(Int.init), (40...200).contains(columns) { return columns }
        return 80
    }
}

/// Writing results and failing with a Dutch message on stderr and a non-zero exit status.
enum Output {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func warn(_ text: String) {
        FileHandle.standardError.write(Data(("lob: " + text + "\n").utf8))
    }

    /// Prints the message and ends the command with exit status 1.
    static func fail(_ message: String) -> ExitCode {
        warn(message)
        return ExitCode.failure
    }

    /// Prints every problem of a file, one `file:line: message` per line.
    static func warn(_ error: FormatError) {
        for problem in error.problems { warn(problem.description) }
    }

    /// A store or system error in words for the user: ours say themselves what happened; SQLite's and
    /// Foundation's are not shown raw.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as AppError: wording(error)
        case let error as StoreError: wording(error)
        case let error as FormatError: error.description
        case let error as PostgresAddress.Problem: error.description
        default: "onverwachte fout: \(Excerpt.visible(String(describing: error)).prefix(200))"
        }
    }

    /// The store's reasons in the words of the command line.
    static func wording(_ error: StoreError) -> String {
        switch error {
        case .busy:
            "de database is bezet: een ander lob-proces schrijft er al langer dan 5 seconden in. Wacht tot het klaar is en probeer het opnieuw."
        case .cannotCreate(let path):
            "kan het databasebestand '\(VisibleText.make(path))' niet aanmaken: bestaat de map, en mag je erin schrijven?"
        case .cannotOpen(let path):
            "kan het databasebestand '\(VisibleText.make(path))' niet openen: mag je het lezen en schrijven?"
        case .notADatabase(let path):
            "'\(VisibleText.make(path))' is geen LOB-spiegeldatabase (of is beschadigd); geef met --db een ander bestand"
        case .diskFull: "de schijf is vol: er is niets opgeslagen"
        case .inputOutput:
            "de database kon niet lezen of schrijven (schijf of netwerkmap?); er is niets opgeslagen"
        case .readOnly: "de database is alleen-lezen: er is niets opgeslagen"
        case .corruptScan(let id): "scan \(id): het opgeslagen profiel is onleesbaar"
        case .corruptFeedback(let id): "feedback \(VisibleText.make(id)) is in de database beschadigd"
        case .constraint:
            "de database weigerde dit: het botst met wat er al in staat of valt buiten de grenzen; er is niets opgeslagen"
        case .refused(let code): "de database weigerde dit (code \(code)); er is niets opgeslagen"
        case .unreachable(let server):
            "de databaseserver \(VisibleText.make(server)) antwoordt niet: draait hij, en klopt het adres in --db of LOB_DB?"
        case .loginRefused(let user, let server):
            "de databaseserver \(VisibleText.make(server)) laat gebruiker '\(VisibleText.make(user))' niet binnen: klopt het wachtwoord (PGPASSWORD of ~/.pgpass), en mag deze gebruiker erin?"
        case .noSuchDatabase(let server):
            "de database \(VisibleText.make(server)) bestaat niet; laat de beheerder hem aanmaken (createdb)"
        case .insecure(let server):
            "kan geen beveiligde verbinding (sslmode) maken met \(VisibleText.make(server))"
        case .notEmpty(let database):
            "de database \(VisibleText.make(database)) is niet leeg: een kopie schrijft alleen in een lege database, zodat er niets samengevoegd of overschreven wordt"
        case .schemaOutdated(let server):
            "de database \(VisibleText.make(server)) is van een oudere versie van LOB-spiegel; werk hem eerst bij met 'lob db migrate'"
        case .schemaNewer(let server):
            "de database \(VisibleText.make(server)) is bijgewerkt door een nieuwere versie van LOB-spiegel; gebruik die versie"
        }
    }

    /// The application core's reasons in the words of the command line.
    static func wording(_ error: AppError) -> String {
        switch error {
        case .noScans:
            "nog geen scans; begin er een met 'lob scan' (of lees een bestand in met 'lob scan --answers BESTAND')"
        case .noSuchScan(let id): "geen scan met nummer \(id); zie 'lob scans list'"
        case .noTeams: "er is nog geen team: lees eerst scans in met 'lob team import BESTAND… --team NAAM'"
        case .chooseTeam(let names):
            "geef het team met --team NAAM; er zijn: \(names.map { VisibleText.make($0) }.joined(separator: ", "))"
        case .noSuchTeam(let team): "er is geen team '\(VisibleText.make(team))' (zie 'lob team list')"
        case .noSuchRound(let team, let round):
            "team '\(VisibleText.make(team))' heeft geen ronde '\(VisibleText.make(round))'"
        case .noTeamRounds(let round?): "geen teamscans om te tonen in ronde '\(VisibleText.make(round))'"
        case .noTeamRounds(nil): "er zijn nog geen teamscans: lees ze in met 'lob team import'"
        case .noSchoolScan(let year?): "er is geen schoolscan van \(year) (zie 'lob schoolscan list')"
        case .noSchoolScan(nil): "er is nog geen schoolscan: vul er een in met 'lob schoolscan'"
        case .noSuchMember(let team, let teacher):
            "team '\(VisibleText.make(team))' heeft geen scans van '\(VisibleText.make(teacher))'"
        case .noFeedback(let teacher, let profile):
            "nog geen feedback over \(teacher) op profiel \(profile): lees feedbackbestanden in met 'lob feedback import MAP' (uitleg: lob help feedback)"
        case .thresholdOutOfRange(let value):
            "de privacydrempel is minstens \(PrivacyRule.settableThresholds.lowerBound) en hooguit \(PrivacyRule.settableThresholds.upperBound), niet \(value)"
        case .noSuchActivity(let id): "geen activiteit met nummer \(id) in je logboek; zie 'lob plan progress'"
        case .noSuchTeamActivity(let id):
            "het team heeft geen vastgelegde activiteit met nummer \(id); zie 'lob team plan'"
        case .logbook(let problem): wording(problem)
        case .reactionSheet(let faults):
            faults.map { ($0.answer.map { "reactie \($0 + 1): " } ?? "") + wording($0.problem) }.joined(
                separator: "; ")
        case .noEvaluation(let year?):
            "er is niets te evalueren van schooljaar \(VisibleText.make(year)): lees logboeken in met 'lob evaluation import MAP'"
        case .noEvaluation(nil):
            "er is nog niets te evalueren: lees logboeken in met 'lob evaluation import MAP' (uitleg: lob help evaluatie)"
        case .linkNotValid: "die uitnodiging bestaat niet (meer)"
        case .forbidden: "niet toegestaan"
        case .invitationList(let why): "de lijst met namen: \(why)"
        case .alreadyFinished: "deze scan is al ingeleverd"
        case .notNewerThanWithdrawal: "niet nieuwer dan de privé-scan waarmee deze collega zich terugtrok"
        case .linkClaimed: "deze link is al in gebruik genomen"
        case .personalCode(let fault): "de persoonlijke code " + wording(fault, shortest: LOBApp.codeLength)
        case .password(let fault): "het wachtwoord " + wording(fault, shortest: LOBApp.passwordLength)
        case .badLabel(let kind):
            "\(["team": "de teamnaam", "round": "de naam van de ronde", "login": "de inlognaam"][kind.rawValue] ?? "de naam") moet één regel zichtbare tekst zijn van hooguit \(LOBApp.labelLength) tekens (geen stuurtekens)"
        }
    }

    static func wording(_ problem: LogbookEntry.Problem) -> String {
        switch problem {
        case .noSuchPlannedActivity(let number, let planned):
            "je plan heeft geen activiteit \(number): het heeft er \(planned) (zie 'lob plan progress')"
        case .noSuchForm(let id):
            "de catalogus van scholingsvormen heeft geen vorm '\(VisibleText.make(id))' (zie 'lob plan progress' of je --costs-bestand)"
        case .noSuchGoal(let goal, let goals):
            "je plan heeft geen doel \(goal): het heeft er \(goals)"
        case .beforePlan(let date):
            "die datum ligt vóór je scan van \(date.dutch), waar het plan uit komt; klopt de datum?"
        case .hoursOutOfRange:
            "de uren vallen buiten de grenzen: 0 tot en met \(ActivityDone.minuteRange.upperBound / 60)"
        case .costOutOfRange:
            "de kosten vallen buiten de grenzen: € 0 tot en met \(DutchNumber.euro(Double(ActivityDone.centRange.upperBound) / 100))"
        case .outOfScale(let question):
            "'\(question)' is een getal van \(Reaction.scale.lowerBound) tot en met \(Reaction.scale.upperBound)"
        case .remarkTooLong: "de opmerking is te lang: hooguit \(Reaction.remarkLength) tekens"
        case .reactionBeforeActivity(let date):
            "een reactie kan niet van vóór de activiteit zijn (\(date.dutch))"
        case .agreementEmpty: "een afspraak heeft woorden nodig"
        case .agreementTooLong: "een afspraak is hooguit \(Agreement.maximumLength) tekens"
        case .participantsOutOfRange:
            "het aantal deelnemers is \(TeamActivityDone.participantRange.lowerBound) tot en met \(DutchNumber.format(Double(TeamActivityDone.participantRange.upperBound)))"
        case .goalWithoutForm(let goal):
            "doel \(goal) van het teamplan heeft geen vorm uit de catalogus: er is niets gedaan om vast te leggen"
        case .otherTeacher(let teacher):
            "deze reacties horen niet bij het logboek van \(VisibleText.make(teacher)): lees ze in in het logboek waar de pagina uit komt"
        case .notInPlan(let id):
            "activiteit \(id) staat niet (meer) in het logboek van dit plan; zie 'lob plan progress'"
        case .otherActivity(let id, let now):
            "activiteit \(id) in je logboek is nu '\(VisibleText.make(now))', een andere dan de pagina noemde; maak een nieuwe pagina met 'lob plan react --out'"
        case .reactedTwice(let id): "activiteit \(id) staat er twee keer in: geef één reactie per activiteit"
        case .noReactions: "het bestand geeft geen enkele reactie"
        }
    }

    static func wording(_ fault: AppError.CodeFault, shortest: Int) -> String {
        switch fault {
        case .tooShort: "is te kort: minstens \(shortest) tekens"
        case .tooLong: "is te lang: hooguit \(LOBApp.passwordBytes) bytes (bcrypt leest er niet meer)"
        case .hidden: "bevat een onzichtbaar teken"
        case .different: "is de tweede keer anders"
        }
    }

    /// Why an import stores nothing (`ImportBatch`), counted in `unit` (one, many: "bestand", "bestanden"), with
    /// `nothing` for no good one; nil when it stores.
    static func refusal(
        _ decision: ImportBatch.Decision, _ unit: (String, String), what: String, more: String = "", nothing: String
    ) -> String? {
        switch decision {
        case .store: nil
        case .refuseAll(let bad, let total):
            "niets ingelezen: \(bad) van de \(DutchNumber.count(total, unit.0, unit.1)) \(bad == 1 ? "is" : "zijn") niet in orde\(more). Verbeter \(what), of lees de goede in met --skip-bad."
        case .nothingGood: nothing
        }
    }

    /// What an import did with one scan, in the words of the command line.
    static func wording(_ outcome: TeamImportOutcome) -> String {
        switch outcome {
        case .added: "nieuw"
        case .replaced: "vervangt een eerdere scan van deze collega (die blijft als geschiedenis)"
        case .history: "ouder dan de scan die telt: bewaard als geschiedenis"
        case .unchanged: "al ingelezen: niets veranderd"
        case .skippedPrivate: "privé: niet opgeslagen"
        case .withdrawn: "privé en nieuwer: alle eerdere scans van deze collega in dit team zijn verwijderd"
        case .olderThanWithdrawal:
            "niet nieuwer dan de privé-scan waarmee deze collega zich terugtrok: niet opgeslagen"
        }
    }

    /// Runs a store operation; a failure (busy database, disk full) ends the command with its message. A command's
    /// own refusal inside it passes through as it is.
    static func store<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let exit as ExitCode { throw exit } catch { throw fail(describe(error)) }
    }

    /// Writes personal data to `path`: mode 0600, complete or not at all (temporary file, then rename).
    static func writePrivately(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).tmp")
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw fail("kan '\(Excerpt.visible(path))' niet schrijven: \(SystemError.dutch(errno, writing: true))")
        }
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw fail("kan '\(Excerpt.visible(path))' niet schrijven: \(SystemError.dutch(errno, writing: true))")
        }
    }

    static func fail(_ error: FormatError) -> ExitCode {
        warn(error)
        return ExitCode.failure
    }
}
