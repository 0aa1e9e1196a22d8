/// The member of the public an enquiry is on behalf of, where there is one.
public struct Constituent: Sendable, Hashable, Codable {
    public var name: String
    /// An address, email or phone number, as the member gave it.
    public var contact: String
    /// The constituent agreed to their details being shared with officers and to officers
    /// writing to them direct (needed for the direct reply route, TH 13.4).
    public var consentToShare: Bool

    public init(name: String, contact: String = "", consentToShare: Bool = false) {
        self.name = name
        self.contact = contact
        self.consentToShare = consentToShare
    }

    /// Officers may reply to the constituent direct only with their consent and a way to reach them.
    public var canBeWrittenToDirect: Bool {
        consentToShare && !contact.enquiryTrimmed.isEmpty
    }
}

extension String {
    /// Without leading and trailing spaces and newlines.
    var enquiryTrimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
