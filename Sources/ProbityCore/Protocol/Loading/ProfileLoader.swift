import Foundation

/// Loads protocol profiles from YAML (schema: docs/protocol-profile-schema.md), reporting every
/// problem at once with its field path and line. Never traps on malformed input.
public enum ProfileLoader {
    /// Parses and validates a profile; `file` names it in the error.
    public static func load(yaml: String, file: String? = nil) throws(ProfileValidationError) -> ProtocolProfile {
        let reader = YAMLReader(mode: .profile)
        let profile = reader.document(yaml, path: "", expecting: YAMLReader.profileExpectation).flatMap(reader.profile)
        let issues = reader.sortedIssues
        guard let profile, issues.isEmpty else {
            let reported = issues.isEmpty ? [ProfileIssue(path: "", message: "the profile could not be read")] : issues
            throw ProfileValidationError(file: file, issues: reported)
        }
        return profile
    }

    /// Loads the profile file at `url` (for `probity protocol check FILE`).
    public static func load(contentsOf url: URL) throws(ProfileValidationError) -> ProtocolProfile {
        let text = try ProfileFile.read(url)
        return try load(yaml: text, file: url.lastPathComponent)
    }

    /// Every problem in a profile's text; empty when it is valid.
    public static func issues(in yaml: String) -> [ProfileIssue] {
        do {
            _ = try load(yaml: yaml)
            return []
        } catch {
            return error.issues
        }
    }

    /// Loads every `*.yaml` profile in `directory`, sorted by id. Each file's id must match its
    /// name (`tower-hamlets.yaml` holds `id: tower-hamlets`) and ids must be unique. Reports the
    /// problems of every file together.
    public static func loadProfiles(inDirectory directory: URL) throws(ProfileCatalogueError) -> [ProtocolProfile] {
        guard let files = ProfileFile.yamlFiles(in: directory) else {
            throw ProfileCatalogueError(files: [ProfileValidationError(
                file: directory.lastPathComponent,
                issues: [ProfileIssue(path: "", message: "the profiles folder \(directory.path) cannot be read")]
            )])
        }
        var profiles: [ProtocolProfile] = []
        var failures: [ProfileValidationError] = []
        var filesByID: [String: String] = [:]
        for url in files {
            let name = url.lastPathComponent
            do {
                let profile = try load(contentsOf: url)
                let expected = String(name.dropLast(".yaml".count))
                var issues: [ProfileIssue] = []
                if profile.id != expected {
                    issues.append(ProfileIssue(path: "id", message: "is '\(profile.id)' but the file is named \(name): name the file \(profile.id).yaml"))
                }
                if let other = filesByID[profile.id] {
                    issues.append(ProfileIssue(path: "id", message: "'\(profile.id)' is also the id of \(other)"))
                }
                guard issues.isEmpty else {
                    failures.append(ProfileValidationError(file: name, issues: issues))
                    continue
                }
                filesByID[profile.id] = name
                profiles.append(profile)
            } catch {
                failures.append(error)
            }
        }
        guard failures.isEmpty else { throw ProfileCatalogueError(files: failures) }
        return profiles.sorted { $0.id < $1.id }
    }
}

/// Profiles in a folder (the built-ins) that failed to load, each with its problems.
public struct ProfileCatalogueError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    public var files: [ProfileValidationError]

    public init(files: [ProfileValidationError]) {
        self.files = files
    }

    public var description: String { files.map(\.description).joined(separator: "\n\n") }
    public var errorDescription: String? { description }
}
