import Foundation

/// The profiles that ship with LOB-spiegel: the YAML files in this folder, copied into the build as resources
/// (Package.swift lists them). A school copies one, edits it and keeps it in its own profiles folder.
public enum ShippedProfiles {
    /// The folder holding the shipped `*.yaml` files.
    public static var directory: URL? { Bundle.module.resourceURL }
}
