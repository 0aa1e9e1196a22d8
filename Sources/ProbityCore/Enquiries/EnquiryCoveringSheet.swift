import Foundation

/// The covering sheet an enquiry is sent with (TH 13.4: "registered on the computer system and
/// sent with an automatic covering sheet to the appropriate Service Head"). Only where the
/// profile's `enquiries.coveringSheet` rule is in force.
public struct EnquiryCoveringSheet: Sendable, Hashable {
    public struct Line: Sendable, Hashable, Codable {
        public var label: String
        public var value: String
    }

    public var title: String
    public var lines: [Line]
    /// The rules the handling officer works to, each with its citation: the covering sheet
    /// itself, the deadlines, the reply routes and confidentiality.
    public var rules: [RuleReference]

    /// The sheet for a registered enquiry, or nil when the profile does not use covering sheets.
    /// `assistantName` names the assistant who raised it, when one did (assistants are not in `OrgSnapshot`).
    public static func make(reference: String, draft: EnquiryDraft, raisedBy: EnquiryRaisedBy, assistantName: String? = nil,
                            routing: EnquiryRoutingOutcome, deadlines: EnquiryDeadlines, profile: ProtocolProfile,
                            org: OrgSnapshot) -> EnquiryCoveringSheet? {
        let enquiries = profile.enquiries
        guard enquiries.coveringSheet.inForce else { return nil }
        func line(_ label: String, _ value: String) -> Line { Line(label: label, value: value) }
        let memberName = org.members[raisedBy.memberID]?.name.withCouncillorTitle ?? "Member not in the directory"
        var lines = [line("Reference", reference), line("Member", memberName)]
        switch raisedBy {
        case .member: break
        case .assistant:
            let who = assistantName.map { "\($0.enquiryTrimmed), political group assistant," } ?? "The member's political group assistant"
            lines.append(line("Raised by", "\(who) on the member's behalf"))
        case .memberServices(let id, _): lines.append(line("Logged by", org.officers[id]?.name ?? "Member services"))
        }
        lines.append(line("Received", deadlines.receivedOn.displayLong))
        if let channel = draft.channel { lines.append(line("Received by", channel.displayName)) }
        if let service = draft.serviceID.flatMap({ org.services[$0] }) { lines.append(line("Service", service.name)) }
        lines.append(line("Sent to", org.officers[routing.officerID]?.name ?? "Officer not in the directory"))
        lines.append(line("Type", routing.routine ? "Routine enquiry" : "Not routine or involves policy"))
        lines.append(line("Subject", draft.subject.enquiryTrimmed))
        if let purpose = draft.purpose { lines.append(line("Purpose", purpose.displayName)) }
        if let constituent = draft.constituent {
            lines.append(line("Constituent", constituent.name.enquiryTrimmed))
            if constituent.consentToShare, !constituent.contact.enquiryTrimmed.isEmpty {
                lines.append(line("Constituent's contact details", constituent.contact.enquiryTrimmed))
            }
            lines.append(line("Consent to share", constituent.consentToShare
                ? "Yes: officers may write to the constituent direct"
                : "No: reply through the member"))
        }
        if let acknowledgement = deadlines.acknowledgementDisplay { lines.append(line("Acknowledgement", acknowledgement)) }
        lines.append(line("Response", deadlines.responseDisplay))
        if enquiries.replyRoutes.inForce {
            lines.append(line("Reply routes", enquiries.replyRoutes.parameters.allowed.map(\.enquiryPhrase).enquiryOrList.capitalizedFirst))
        }
        return EnquiryCoveringSheet(
            title: "Members' enquiry",
            lines: lines,
            rules: [enquiries.coveringSheet.reference(in: profile.document)] + deadlines.rules
                + (enquiries.replyRoutes.inForce ? [enquiries.replyRoutes.reference(in: profile.document)] : [])
                + [enquiries.confidentiality.reference(in: profile.document)]
        )
    }
}
