import Foundation

/// What kind of council information a document is, which decides who may read it.
public enum DocumentClass: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Part I: open to the public, so to everyone (TH 12.2, 12.6(i)).
    case `public`
    /// Part II: exempt under a category of Schedule 12A to the Local Government Act 1972 (TH 12.4).
    case exempt(ExemptCategory)
    /// Disclosure to the public barred by a Government department's terms, by or under an
    /// enactment, or by a court order (LGA 1972 s.100A(3); TH 12.3).
    case confidential
    /// Part of the internal workings of a political group: no councillor of another group has a
    /// need to know it (TH 12.14).
    case groupInternal(groupID: UUID)
    /// Draft documents on emerging policy and draft committee reports: where the profile says so,
    /// for the group forming the administration only (TH 12.13).
    case draftPolicy
    /// An individual's personal records: not accessible to councillors (TH 12.13; UK GDPR and
    /// the Data Protection Act 2018).
    case personal

    /// Whether the public may see it.
    public var isPublic: Bool { self == .public }

    /// Whether a need-to-know release to a councillor can ever cover it. Personal records never
    /// (TH 12.13) and a group's internal documents never (TH 12.14, reserved to that group);
    /// drafts only where the profile does not keep them for the administration (checked with the profile).
    public var mayBeReleasedOnNeedToKnow: Bool {
        switch self {
        case .exempt, .confidential, .draftPolicy: true
        case .public, .groupInternal, .personal: false
        }
    }

    public var description: String {
        switch self {
        case .public: "public (Part I) information"
        case .exempt(let category): category.description
        case .confidential: "confidential information"
        case .groupInternal: "a political group's internal document"
        case .draftPolicy: "a draft policy document or draft report"
        case .personal: "an individual's personal records"
        }
    }
}
