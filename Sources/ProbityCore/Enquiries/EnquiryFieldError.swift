/// A problem with one field of a form, worded for the GOV.UK error summary ("Enter a subject").
public struct EnquiryFieldError: Sendable, Hashable, Codable {
    /// The form field's name: `subject`, `details`, `constituentName`, `reason`, …
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Length limits for enquiry text fields, in characters.
public enum EnquiryTextLimits {
    public static let subject = 200
    public static let details = 10_000
    public static let constituentName = 200
    public static let constituentContact = 500
    public static let reason = 2_000
    public static let note = 10_000
    public static let explanation = 2_000
}
