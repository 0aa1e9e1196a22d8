import Foundation

/// The protocol profiles shipped with Probity (`Sources/ProbityCore/Protocol/Profiles/*.yaml`),
/// parsed once and cached.
public enum BuiltInProfiles {
    /// The bundled folder of profiles, if the resource bundle is present.
    public static var directory: URL? {
        Bundle.module.url(forResource: "Profiles", withExtension: nil)
    }

    /// Every built-in profile, sorted by id.
    public static func all() throws(ProfileCatalogueError) -> [ProtocolProfile] {
        try catalogue.get()
    }

    /// The built-in profile with this id, or nil if there is none.
    public static func named(_ id: String) throws(ProfileCatalogueError) -> ProtocolProfile? {
        try all().first { $0.id == id }
    }

    /// The ids of every built-in profile, sorted.
    public static func ids() throws(ProfileCatalogueError) -> [String] {
        try all().map(\.id)
    }

    /// Loaded on first use (thread-safe: a static let is initialised once).
    private static let catalogue: Result<[ProtocolProfile], ProfileCatalogueError> = {
        guard let directory else {
            return .failure(ProfileCatalogueError(files: [ProfileValidationError(
                file: "Protocol/Profiles",
                issues: [ProfileIssue(path: "", message: "the built-in profiles folder is missing from ProbityCore's resource bundle")]
            )]))
        }
        do throws(ProfileCatalogueError) {
            return .success(try ProfileLoader.loadProfiles(inDirectory: directory))
        } catch {
            return .failure(error)
        }
    }()
}
