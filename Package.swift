// swift-tools-version:6.1
import Foundation
import PackageDescription

// The shipped profiles are resources of a small target whose folder is the top-level `Profiles`; every
// `*.yaml` there is copied, so a new profile needs no change here.
let profilesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Profiles")
let shippedProfiles = ((try? FileManager.default.contentsOfDirectory(atPath: profilesFolder.path)) ?? [])
    .filter { $0.hasSuffix(".yaml") }
    .sorted()

// Dependencies run one way: `lob` wires LOBFormats (files), LOBRender (output), LOBStore (SQLite) and, later, the
// terminal UI to LOBCore, the pure domain. LOBCore imports only the standard library.
let package = Package(
    name: "LOB-spiegel",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lob", targets: ["lob"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // Writes the .xlsx files the survey tests read (the reader itself unpacks with the system's zlib).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // SHA-1 for the name-based (version 5) UUIDs of the CASE export.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // `lob serve`: the web service, bcrypt for the dashboard's passwords, and logging without personal data.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Mailing each colleague his link through the school's mail server (SMTP with STARTTLS): SwiftNIO and its TLS.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // A school board's server database: PostgreSQL through postgres-nio's connection pool.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(name: "LOBCore"),
        .target(
            name: "LOBFormats",
            dependencies: ["LOBCore", "Yams", .product(name: "CSV", package: "CSV.swift"), "CSystemZlib"]),
        .target(
            name: "LOBRender",
            dependencies: [
                "LOBCore", "Plot",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(
            name: "LOBStore",
            dependencies: [
                "LOBCore", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for binding a board's scores without boxing each value (GRDB's raw pointers).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // Every store port on a PostgreSQL server (a school board's, or an expertise centre's): the same answers as
        // the SQLite file, for many schools and several `lob serve` behind one proxy.
        .target(
            name: "LOBPostgresStore",
            dependencies: [
                // LOBFormats reads the address and the .pgpass file (readers of user input, fuzzed with the others).
                "LOBCore", "LOBFormats", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        // Every store port in memory: the application core's tests, and a third store for the contract suites.
        .target(name: "LOBMemoryStore", dependencies: ["LOBCore"]),
        // The application core: one call per user action over the store protocols; every front end calls it.
        .target(name: "LOBApp", dependencies: ["LOBCore", .product(name: "Crypto", package: "swift-crypto")]),
        // The scan's screens as a state machine over a plain screen buffer; no ncurses in it.
        .target(name: "LOBTerminal", dependencies: ["LOBApp", "LOBCore"]),
        // `lob form`: the scan as one offline HTML file; its page, style and script are files in Resources/. The
        // page of reactions to a plan's activities (`lob plan react --out`) has its own page and script, the same style.
        .target(
            name: "LOBForm", dependencies: ["LOBCore", .product(name: "Crypto", package: "swift-crypto")],
            resources: [
                .copy("Resources/scan-form.html"), .copy("Resources/scan-form.css"), .copy("Resources/scan-form.js"),
                .copy("Resources/reaction-page.html"), .copy("Resources/reaction-page.js"),
            ]),
        // `lob serve`: a team's scan round in the browser (Hummingbird 2), over the application core; the colleague's
        // pages are lob form's. Its own module, so that only it and `lob` build Hummingbird.
        .target(
            name: "LOBServe",
            dependencies: [
                "LOBApp", "LOBCore", "LOBForm", "LOBFormats", "LOBMail", "LOBRender", "Plot",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/serve.css")]),
        // Mail through the school's own SMTP server: the links of a round go to each colleague, not through a person.
        .target(
            name: "LOBMail",
            dependencies: [
                "LOBCore", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        // ncurses with wide characters, for UTF-8 (ë, é, ï); only the thin driver uses it.
        // zlib's inflate, for the .xlsx that Microsoft Forms downloads (`lob import survey`).
        .systemLibrary(name: "CSystemZlib", path: "Sources/CSystemZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "LOBCurses", dependencies: ["CNcursesw", "LOBTerminal"]),
        .target(
            name: "LOBShippedProfiles", path: "Profiles",
            resources: shippedProfiles.map { .copy($0) } + [.copy("activities")]),
        .executableTarget(
            name: "lob",
            dependencies: [
                "LOBApp", "LOBCore", "LOBCurses", "LOBForm", "LOBFormats", "LOBMail", "LOBRender", "LOBServe",
                "LOBPostgresStore", "LOBShippedProfiles", "LOBStore", "LOBTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Every reader under libFuzzer (`Tests/fuzz/run.sh`, built with -sanitize=fuzzer,address and -DFUZZING); built
        // plainly it replays inputs through a reader.
        .executableTarget(
            name: "lob-fuzz", dependencies: ["LOBCore", "LOBFormats", "LOBShippedProfiles"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        // Benchmarks with a reference measured in the same run; `swift run -c release lob-bench tui`.
        .executableTarget(
            name: "lob-bench",
            dependencies: [
                "LOBApp", "LOBCore", "LOBFormats", "LOBPostgresStore", "LOBRender", "LOBShippedProfiles", "LOBStore",
                "LOBTerminal", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "LOBCoreTests", dependencies: ["LOBCore"]),
        .testTarget(name: "LOBFormatsTests", dependencies: ["LOBFormats", "LOBShippedProfiles", "ZIPFoundation"]),
        .testTarget(
            name: "LOBRenderTests", dependencies: ["LOBRender", .product(name: "CSV", package: "CSV.swift")],
            resources: [.copy("Schemas")]),
        .testTarget(
            name: "LOBStoreTests",
            dependencies: [
                "LOBStore", "LOBMemoryStore", "LOBPostgresStore", "LOBFormats",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "LOBAppTests", dependencies: ["LOBApp", "LOBMemoryStore", "LOBStore"]),
        .testTarget(
            name: "LOBServeTests",
            dependencies: [
                "LOBServe", "LOBStore", "LOBApp", "LOBShippedProfiles", "LOBFormats", "LOBPostgresStore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "LOBFormTests", dependencies: ["LOBForm", "LOBFormats", "LOBShippedProfiles"]),
        .testTarget(name: "LOBMailTests", dependencies: ["LOBMail", "LOBCore"]),
        .testTarget(
            name: "LOBTerminalTests", dependencies: ["LOBTerminal", "LOBApp", "LOBStore"], exclude: ["Snapshots"]),
        .testTarget(
            name: "lobTests",
            dependencies: [
                "lob", "LOBApp", "LOBCore", "LOBForm", "LOBFormats", "LOBPostgresStore", "LOBRender", "LOBStore",
                "LOBShippedProfiles", .product(name: "GRDB", package: "GRDB.swift"), "Yams",
            ]),
    ],
    swiftLanguageModes: [.v6]
)
