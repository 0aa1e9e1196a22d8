/// Plain-English names for the words profiles use, for pages, the CLI and rule summaries.
extension OrgRole {
    /// "chief executive", "HR director", "head of service".
    public var displayName: String {
        switch self {
        case .hrDirector: "HR director"
        case .foiOfficer: "FOI officer"
        case .communications: "communications office"
        case .standardsCommittee: "Standards Committee"
        default: rawValue.replacingOccurrences(of: "-", with: " ")
        }
    }
}

extension RoleAnchor {
    public var displayName: String { rawValue }
}

extension Recipient {
    /// "chief executive", "service head of service", "the subject" (for `subject.self`).
    public var displayName: String {
        guard let anchor else { return role.displayName }
        return role == .self_ ? "the \(anchor.displayName)" : "\(anchor.displayName) \(role.displayName)"
    }
}

extension ComplainantKind {
    /// "a member", "an officer".
    public var phrase: String {
        switch self {
        case .member: "a member"
        case .officer: "an officer"
        }
    }
}

extension ComplaintSubjectKind {
    /// "an officer", "the chief executive".
    public var phrase: String {
        switch self {
        case .officer: "an officer"
        case .director: "a director"
        case .chiefExecutive: "the chief executive"
        case .monitoringOfficer: "the monitoring officer"
        case .member: "a member"
        case .groupLeader: "a group leader"
        case .chair: "the chair"
        }
    }
}

extension ComplaintProcedure {
    public var displayName: String { rawValue }
}

extension ReplyRoute {
    public var displayName: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

extension EnquiryPurpose {
    public var displayName: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

extension WardMatterKind {
    public var displayName: String {
        switch self {
        case .controversialFoi: "controversial FOI request"
        default: rawValue.replacingOccurrences(of: "-", with: " ")
        }
    }
}

extension OfferMode {
    public var displayName: String {
        switch self {
        case .automatic: "offered to the other groups automatically"
        case .onRequest: "offered to the other groups on request"
        case .none: "not offered to the other groups"
        }
    }
}

extension GuidanceContext {
    public var displayName: String { rawValue }
}

extension GuidanceAudience {
    public var displayName: String { rawValue }
}
