/// The outcome of checking an enquiry at intake.
public enum EnquiryIntakeDecision: Sendable, Hashable {
    case accepted
    /// Fields to correct before the enquiry can be accepted, in form order.
    case invalid([EnquiryFieldError])
    /// Refused for its purpose, whatever else is wrong with the form: fixing the other fields
    /// would not help.
    case refused(EnquiryRefusal)

    public var isAccepted: Bool { self == .accepted }
}

/// Why an enquiry cannot be accepted at all, with the protocol rule that says so.
public struct EnquiryRefusal: Sendable, Hashable {
    public var purpose: EnquiryIntakePurpose
    /// "This enquiry is for party political business, which officers cannot help with."
    public var reason: String
    /// `enquiries.refusedPurposes`, e.g. "Tower Hamlets protocol 6.5 and 13.7".
    public var rule: RuleReference

    public init(purpose: EnquiryIntakePurpose, reason: String, rule: RuleReference) {
        self.purpose = purpose
        self.reason = reason
        self.rule = rule
    }

    /// "This enquiry is for … (Tower Hamlets protocol 6.5 and 13.7)".
    public var explanation: String { "\(reason) (\(rule.citation))" }
}
