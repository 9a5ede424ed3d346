import Foundation

/// The profiles that ship with LOB-spiegel: the YAML files in this folder, copied into the build as resources
/// (Package.swift lists them), and the example activity catalogue in `activities/`. A school copies one, edits it and keeps it in its own profiles folder.
public enum ShippedProfiles {
    /// The folder holding the shipped `*.yaml` files.
    public static var directory: URL? { Bundle.module.resourceURL }

    /// The example catalogue of forms of professionalisation, with example hours and costs (`activities/`).
    public static var exampleActivities: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("activities/voorbeeld-scholingsvormen.yaml")
    }
}
