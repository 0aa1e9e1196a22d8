import Foundation

/// One problem found in a protocol profile (or an override), named by the field's path and its
/// position in the file, in words a council administrator can act on.
public struct ProfileIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Dotted path of the field, with list positions in brackets, e.g.
    /// `enquiries.responseDeadline.workingDays` or `complaints.routes[2].routing.to[0]`.
    /// Empty for problems with the file as a whole.
    public var path: String
    /// 1-based line in the file, where known.
    public var line: Int?
    /// 1-based column in the file, where known.
    public var column: Int?
    public var message: String

    public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// "line 12: enquiries.responseDeadline.workingDays: must be a whole number …"
    public var description: String {
        var parts: [String] = []
        if let line { parts.append("line \(line)") }
        if !path.isEmpty { parts.append(path) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}

/// A profile (or override) that could not be loaded, with every problem found in it.
public struct ProfileValidationError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The file the problems are in, where the text came from a file.
    public var file: String?
    /// Every problem found, in file order.
    public var issues: [ProfileIssue]

    public init(file: String? = nil, issues: [ProfileIssue]) {
        self.file = file
        self.issues = issues
    }

    public var description: String {
        let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
        let heading = file.map { "\($0): \(count)" } ?? count
        return ([heading] + issues.map(\.description)).joined(separator: "\n")
    }

    public var errorDescription: String? { description }
}
