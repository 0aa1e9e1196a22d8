/// Why a need-to-know request, a party-political confidence or a group briefing cannot be moved
/// on as asked, in words a page can show, with the protocol rule that stops it where one does.
public struct InformationError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, Codable {
        /// The profile does not run this procedure (its rule is not in force).
        case procedureNotInForce = "procedure-not-in-force"
        /// This person may not take this step.
        case notPermitted = "not-permitted"
        /// A required text is missing, too short or too long.
        case invalidField = "invalid-field"
        /// Fishing or idle curiosity is no need to know (TH 12.11; Wigan 6.4).
        case fishing
        /// An ulterior, private or party-political purpose is no need to know (TH 12.8, 12.11).
        case improperPurpose = "improper-purpose"
        /// The document can never be released to this councillor (TH 12.13, 12.14).
        case notReleasable = "not-releasable"
        /// The councillor has declared an interest: private individual's access only (TH 12.7).
        case personalInterest = "personal-interest"
        /// They can already see it: no request is needed.
        case alreadyAvailable = "already-available"
        /// Nobody in the directory holds the post the profile names.
        case nobodyToRoute = "nobody-to-route"
        /// The step does not fit the request or briefing as it stands.
        case wrongState = "wrong-state"
        /// The profile does not provide for a redacted release (TH 12.12 where it does).
        case redactionNotProvided = "redaction-not-provided"
        /// The briefing record contains a recommendation (TH 6.4(iii)).
        case recommendationInRecord = "recommendation-in-record"
        /// The briefing record deals with political implications (TH 6.4(iii)).
        case politicalImplicationsInRecord = "political-implications-in-record"
        /// Non-councillors present without the Chief Executive's advance agreement (TH 6.4(ii)).
        case attendanceNotAgreed = "attendance-not-agreed"
        /// The officer must leave before party business or any decision (Wigan 8.4).
        case officerMustLeave = "officer-must-leave"
        /// The protocol gives the officer no right to decline (Wigan 8.3 where it does).
        case declineNotProvided = "decline-not-provided"
        /// The profile does not offer briefings to other groups this way.
        case offerNotProvided = "offer-not-provided"
        /// Someone not privy to a party-political confidence tried to pass it on.
        case notPrivy = "not-privy"
    }

    public var code: Code
    public var message: String
    /// The form field to mark, for `invalidField` and wording problems.
    public var field: String?
    /// The protocol rule that refused the step, where one did.
    public var rule: RuleReference?

    public init(_ code: Code, _ message: String, field: String? = nil, rule: RuleReference? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.rule = rule
    }

    /// "message (Tower Hamlets protocol 12.11)".
    public var description: String { rule.map { "\(message) (\($0.citation))" } ?? message }
}
