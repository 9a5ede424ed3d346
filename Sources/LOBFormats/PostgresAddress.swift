import Foundation

/// Where a PostgreSQL database is, as `--db` or `LOB_DB` names it (read here with the other inputs of the user;
/// `LOBPostgresStore` connects to it): `postgresql://user@host:port/database`, with
/// libpq's `sslmode` (and `sslrootcert`) and a `schema` of our own. The password is never part of it (a command line
/// is visible to every user of the machine in `ps`): it comes from `PGPASSWORD` or a `.pgpass` file, as libpq's.
public struct PostgresAddress: Sendable, Equatable {
    public var user: String
    /// A host name or address; nil for the server's Unix socket in `/var/run/postgresql`.
    public var host: String?
    public var port: Int
    public var database: String
    public var sslMode: SSLMode
    /// The CA certificates a `verify-ca`/`verify-full` connection trusts (a PEM file); nil for the system's.
    public var sslRootCertificate: String?
    /// The schema the tables are in (the server's default `public` when nil): one database can hold several.
    public var schema: String?
    public var password: String?

    /// libpq's `sslmode`, which PostgreSQL's users know: `prefer` is its default.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// Whether `text` names a server database rather than a file.
    public static func isAddress(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// "host:port/database" (or the socket), and the schema when it is not the default, for messages: never the
    /// password.
    public var server: String {
        "\(host ?? "/var/run/postgresql"):\(port)/\(database)" + (schema.map { " (schema \($0))" } ?? "")
    }

    /// What is wrong with an address, in Dutch for the command line.
    public enum Problem: Error, Equatable, CustomStringConvertible, Sendable {
        case notAnAddress
        case passwordInAddress
        case badPort(String)
        case unknownParameter(String)
        case badSSLMode(String)
        case badSchema(String)
        case tooLong

        public var description: String {
            let example = "postgresql://gebruiker@server:5432/database"
            return switch self {
            case .notAnAddress:
                "het databaseadres is geen geldig PostgreSQL-adres; schrijf het als \(example)"
            case .passwordInAddress:
                "zet het wachtwoord niet in het databaseadres (iedereen op deze computer ziet het in de proceslijst); geef het met PGPASSWORD of in ~/.pgpass"
            case .badPort(let port):
                "de poort '\(port)' in het databaseadres is geen getal van 1 tot en met 65535"
            case .unknownParameter(let name):
                "het databaseadres kent '\(name)' niet; wel: sslmode, sslrootcert en schema"
            case .badSSLMode(let mode):
                "sslmode '\(mode)' bestaat niet; kies uit \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))"
            case .badSchema(let schema):
                "het schema '\(schema)' mag alleen kleine letters, cijfers en _ bevatten en begint met een letter (hooguit 63 tekens)"
            case .tooLong: "het databaseadres is langer dan 2.000 tekens"
            }
        }
    }

    /// Reads an address; the password is looked up in `environment` (`PGPASSWORD`, `PGPASSFILE`, `HOME`) and is
    /// nil when neither gives one (the server may not ask).
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard text.utf8.count <= 2_000 else { throw Problem.tooLong }
        guard Self.isAddress(text), let components = URLComponents(string: text) else { throw Problem.notAnAddress }
        guard components.password == nil else { throw Problem.passwordInAddress }
        user = components.user?.removingPercentEncoding ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        let host = components.host?.removingPercentEncoding ?? ""
        self.host = host.isEmpty ? nil : host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        port = 5432
        if let given = components.port {
            guard (1...65_535).contains(given) else { throw Problem.badPort(String(given)) }
            port = given
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } ?? user
        guard !database.contains("/") else { throw Problem.notAnAddress }
        sslMode = .prefer
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else { throw Problem.badSSLMode(value) }
                sslMode = mode
            case "sslrootcert": sslRootCertificate = value
            case "schema":
                guard Self.isPlainIdentifier(value) else { throw Problem.badSchema(value) }
                schema = value
            default: throw Problem.unknownParameter(item.name)
            }
        }
        password =
            environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
            ?? PasswordFile.password(
                for: self, environment: environment)
    }

    /// A name PostgreSQL takes without quotes: it is put into `SET search_path` as it is.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.utf8.count <= 63 else {
            return false
        }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

/// libpq's password file (`~/.pgpass`, or `PGPASSFILE`): lines of `host:port:database:user:password`, `*` for any,
/// `\:` and `\\` for a colon and a backslash in a field. As libpq, a file that others may read is not used.
public enum PasswordFile {
    /// The file is read up to this size: a password file is a handful of lines.
    static let maximumSize = 64 * 1024

    static func password(for address: PostgresAddress, environment: [String: String]) -> String? {
        let path =
            environment["PGPASSFILE"]
            ?? environment["HOME"].map { $0 + "/.pgpass" } ?? NSHomeDirectory() + "/.pgpass"
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o077 == 0,
            info.st_size <= maximumSize, let handle = FileHandle(forReadingAtPath: path)
        else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maximumSize) else { return nil }
        return password(in: String(decoding: data, as: UTF8.self), for: address)
    }

    /// The password of the first line that matches, as libpq reads the file.
    public static func password(in text: String, for address: PostgresAddress) -> String? {
        let host = address.host ?? "localhost"
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = self.fields(Substring(line))
            guard fields.count == 5 else { continue }
            let wanted = [host, String(address.port), address.database, address.user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// A line's fields: split on unescaped colons, `\` taking the next character as it is.
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var field = ""
        var escaped = false
        for character in line {
            if escaped {
                field.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
