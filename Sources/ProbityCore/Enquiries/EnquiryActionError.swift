/// Why an action cannot be applied to an enquiry as it stands, in words a page can show.
public struct EnquiryActionError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, Codable {
        /// The enquiry is closed: reopen it first.
        case closed
        case alreadyAcknowledged = "already-acknowledged"
        /// Already answered: reopen it to send a further response.
        case alreadyResponded = "already-responded"
        /// Reopening an enquiry that is still open.
        case stillOpen = "still-open"
        /// A required text (reason, note, explanation) is missing or too long.
        case invalidField = "invalid-field"
        /// The profile does not offer this reply route (`enquiries.replyRoutes`).
        case replyRouteNotAllowed = "reply-route-not-allowed"
        /// A confidential reply goes to the member only (TH 13.4).
        case confidentialReplyToMemberOnly = "confidential-reply-to-member-only"
        /// The route reaches a constituent, but the enquiry has none (or no consent, no contact).
        case constituentNeeded = "constituent-needed"
        case officerNotInService = "officer-not-in-service"
        case alreadyAssigned = "already-assigned"
        case unknownChaseStep = "unknown-chase-step"
        /// The ladder step was already sent in this response period: never chase twice.
        case chaseAlreadySent = "chase-already-sent"
        /// Chasing an enquiry that is not waiting for a response.
        case notAwaitingResponse = "not-awaiting-response"
    }

    public var code: Code
    public var message: String
    /// The form field to mark, for `invalidField` and constituent problems.
    public var field: String?
    /// The protocol rule that refused the action, where one did.
    public var rule: RuleReference?

    public init(_ code: Code, _ message: String, field: String? = nil, rule: RuleReference? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.rule = rule
    }

    /// "message (Tower Hamlets protocol 13.4)".
    public var description: String { rule.map { "\(message) (\($0.citation))" } ?? message }
}
