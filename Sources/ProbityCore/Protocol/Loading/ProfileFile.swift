import Foundation

/// The only file-system access in profile loading: reading a profile's text, and listing a folder
/// of profiles.
enum ProfileFile {
    /// The text of the file at `url`, or a validation error naming the file.
    static func read(_ url: URL) throws(ProfileValidationError) -> String {
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ProfileValidationError(file: name, issues: [ProfileIssue(path: "", message: "the file cannot be read: \(error.localizedDescription)")])
        }
        guard data.count <= YAMLReader.maximumLength else {
            throw ProfileValidationError(file: name, issues: [ProfileIssue(path: "", message: "the file is too long (\(data.count) bytes) to be a protocol profile")])
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw ProfileValidationError(file: name, issues: [ProfileIssue(path: "", message: "the file is not UTF-8 text: check that this is the right file, and save it as UTF-8")])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// The `*.yaml` files directly inside `directory`, sorted by name; nil if it cannot be listed.
    static func yamlFiles(in directory: URL) -> [URL]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return nil }
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appendingPathComponent($0) }
    }
}
