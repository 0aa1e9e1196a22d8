/// A file attached to an enquiry at intake, as the intake rules see it (the server stores the bytes).
public struct EnquiryAttachment: Sendable, Hashable, Codable {
    public var filename: String
    public var byteCount: Int
    public var contentType: String

    public init(filename: String, byteCount: Int, contentType: String) {
        self.filename = filename
        self.byteCount = byteCount
        self.contentType = contentType
    }

    /// Probity's limits (the protocols set none): 10 files of up to 10MB each.
    public static let maximumCount = 10
    public static let maximumBytes = 10 * 1024 * 1024
}
