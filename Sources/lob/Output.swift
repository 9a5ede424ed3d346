import ArgumentParser
import Foundation
import LOBFormats

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

    static func fail(_ error: FormatError) -> ExitCode {
        warn(error)
        return ExitCode.failure
    }
}
