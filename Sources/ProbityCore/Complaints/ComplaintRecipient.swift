/// One entry of a complaint's routing table resolved for a case: who it names, or why nobody.
///
/// Unlike a plain `ResolvedRecipient`, the complainant and the person complained about are never
/// counted as recipients: a complaint about a director must not reach that director through
/// `subject.director`, nor a director's own complaint be sent back to them through
/// `complainant.director`.
public struct ComplaintRecipient: Sendable, Hashable {
    public var recipient: Recipient
    public var people: [PersonRef]
    /// Set when `people` is empty: what is missing, in plain English.
    public var unresolved: String?

    public init(recipient: Recipient, people: [PersonRef], unresolved: String? = nil) {
        self.recipient = recipient
        self.people = people
        self.unresolved = unresolved
    }

    public var isResolved: Bool { !people.isEmpty }
}

extension OrgSnapshot {
    /// `recipient` in a complaint with these parties, leaving out the complainant and the subject.
    func complaintRecipient(
        _ recipient: Recipient, parties: CaseParties, complainant: PersonRef, subject: PersonRef
    ) -> ComplaintRecipient {
        let resolved = resolve(recipient, parties: parties)
        let people = resolved.people.filter { $0 != complainant && $0 != subject }
        if !people.isEmpty { return ComplaintRecipient(recipient: recipient, people: people) }
        let reason: String
        if resolved.people.contains(subject) {
            reason = "The \(recipient.displayName) is the person complained about, so cannot receive the complaint."
        } else if resolved.people.contains(complainant) {
            reason = "The \(recipient.displayName) is the complainant, so cannot receive the complaint."
        } else {
            reason = resolved.unresolved ?? "Nobody in the directory is \(recipient.displayName)."
        }
        return ComplaintRecipient(recipient: recipient, people: [], unresolved: reason)
    }

    func complaintRecipients(
        _ recipients: [Recipient], parties: CaseParties, complainant: PersonRef, subject: PersonRef
    ) -> [ComplaintRecipient] {
        recipients.map { complaintRecipient($0, parties: parties, complainant: complainant, subject: subject) }
    }
}
