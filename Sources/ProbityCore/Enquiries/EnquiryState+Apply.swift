import Foundation

extension EnquiryState {
    /// The enquiry after `action`, done at `at`, or why it cannot be done now. Permission is
    /// checked separately (`EnquiryPolicy.canAct`); this checks that the action makes sense
    /// for the enquiry as it stands and under the profile's rules.
    public func applying(_ action: EnquiryAction, at: Date, profile: ProtocolProfile,
                         org: OrgSnapshot) throws(EnquiryActionError) -> EnquiryState {
        var next = self
        switch action {
        case .acknowledge(let explanation):
            try requireNotClosed(.acknowledge)
            guard status == .received else {
                throw status == .responded
                    ? EnquiryActionError(.alreadyResponded, "This enquiry has already been answered.")
                    : EnquiryActionError(.alreadyAcknowledged, "This enquiry has already been acknowledged.")
            }
            let text = try Self.optionalText(explanation, field: "explanation", limit: EnquiryTextLimits.explanation,
                                             tooLong: "Explanation must be 2,000 characters or fewer")
            next.acknowledgement = EnquiryAcknowledgement(at: at, explanation: text)
            next.status = .acknowledged

        case .notifyDelay(let explanation):
            try requireNotClosed(.notifyDelay)
            guard status != .responded else {
                throw EnquiryActionError(.alreadyResponded, "This enquiry has already been answered, so there is no delay to tell the member about.")
            }
            let text = try Self.requiredText(explanation, field: "explanation", limit: EnquiryTextLimits.explanation,
                                             missing: "Enter what is causing the delay",
                                             tooLong: "Explanation must be 2,000 characters or fewer")
            next.delayNotices.append(EnquiryDelayNotice(at: at, explanation: text))

        case .respond(let route, let confidential, let officerID):
            try requireNotClosed(.respond)
            guard status != .responded else {
                throw EnquiryActionError(.alreadyResponded, "This enquiry has already been answered. Reopen it to send a further response.")
            }
            try checkReplyRoute(route, confidential: confidential, profile: profile)
            next.responses.append(EnquiryResponse(at: at, route: route, confidential: confidential, byOfficerID: officerID))
            next.status = .responded

        case .assign(let officerID):
            try requireNotClosed(.assign)
            if officerID == handlingOfficerID {
                let name = org.officers[officerID]?.name ?? "That officer"
                throw EnquiryActionError(.alreadyAssigned, "\(name) is already handling this enquiry.", field: "officer")
            }
            if let problem = EnquiryRouter.assignmentProblem(officerID: officerID, serviceID: serviceID, routine: routine, org: org) {
                throw EnquiryActionError(.officerNotInService, problem, field: "officer",
                                         rule: profile.enquiries.routing.reference(in: profile.document))
            }
            next.assignments.append(EnquiryAssignment(at: at, officerID: officerID))

        case .addNote(let text, let authorID):
            let note = try Self.requiredText(text, field: "note", limit: EnquiryTextLimits.note,
                                             missing: "Enter a note", tooLong: "Note must be 10,000 characters or fewer")
            next.notes.append(EnquiryNote(at: at, authorID: authorID, text: note))

        case .close(let reason):
            guard status != .closed else { throw EnquiryActionError(.closed, "This enquiry is already closed.") }
            let text = try Self.requiredText(reason, field: "reason", limit: EnquiryTextLimits.reason,
                                             missing: "Enter a reason for closing the enquiry",
                                             tooLong: "Reason must be 2,000 characters or fewer")
            next.closings.append(EnquiryStatusChange(at: at, reason: text))
            next.status = .closed

        case .reopen(let reason):
            guard !status.awaitsResponse else {
                throw EnquiryActionError(.stillOpen, "This enquiry is still open, so it cannot be reopened.")
            }
            let text = try Self.requiredText(reason, field: "reason", limit: EnquiryTextLimits.reason,
                                             missing: "Enter a reason for reopening the enquiry",
                                             tooLong: "Reason must be 2,000 characters or fewer")
            next.reopenings.append(EnquiryStatusChange(at: at, reason: text))
            next.status = .reopened
            next.chaseStepsSent = []

        case .chase(let step):
            guard status.awaitsResponse else {
                throw EnquiryActionError(.notAwaitingResponse, "This enquiry is not waiting for a response, so it is not chased.")
            }
            let chasing = profile.enquiries.chasing
            guard chasing.inForce, chasing.parameters.steps.indices.contains(step) else {
                throw EnquiryActionError(.unknownChaseStep, "The chasing ladder has no step \(step + 1).",
                                         rule: chasing.reference(in: profile.document))
            }
            guard !chaseStepsSent.contains(step) else {
                throw EnquiryActionError(.chaseAlreadySent, "Step \(step + 1) of the chasing ladder has already been sent for this enquiry.",
                                         rule: chasing.reference(in: profile.document))
            }
            next.chaseStepsSent.insert(step)
        }
        return next
    }

    /// Applies `action` in place.
    public mutating func apply(_ action: EnquiryAction, at: Date, profile: ProtocolProfile,
                               org: OrgSnapshot) throws(EnquiryActionError) {
        self = try applying(action, at: at, profile: profile, org: org)
    }

    private func requireNotClosed(_ kind: EnquiryActionKind) throws(EnquiryActionError) {
        guard status == .closed else { return }
        throw EnquiryActionError(.closed, "You cannot \(kind.verbPhrase) a closed enquiry. Reopen it first.")
    }

    /// TH 13.4: the reply goes to the member; if not confidential, also a copy for onward
    /// posting, or direct to the enquirer with a copy to the member — never direct (nor copied
    /// on) when it holds confidential or restricted information.
    func checkReplyRoute(_ route: ReplyRoute, confidential: Bool, profile: ProtocolProfile) throws(EnquiryActionError) {
        let rule = profile.enquiries.replyRoutes
        let reference = rule.reference(in: profile.document)
        if rule.inForce, !rule.parameters.allowed.contains(route) {
            let offered = rule.parameters.allowed.map(\.enquiryPhrase).enquiryOrList
            throw EnquiryActionError(.replyRouteNotAllowed,
                                     offered.isEmpty ? "The protocol offers no reply route." : "The protocol does not allow this reply route. Send the reply \(offered).",
                                     field: "route", rule: reference)
        }
        guard route != .toMember else { return }
        if confidential, rule.inForce, rule.parameters.directBarredWhenConfidential {
            throw EnquiryActionError(.confidentialReplyToMemberOnly,
                                     route == .directToConstituent
                                         ? "A confidential or restricted reply cannot go direct to the constituent. Send it to the member."
                                         : "A confidential or restricted reply goes to the member only. It cannot be copied for onward posting.",
                                     field: "route", rule: reference)
        }
        let cite = rule.inForce ? reference : nil
        guard let constituent else {
            throw EnquiryActionError(.constituentNeeded, "There is no constituent on this enquiry. Send the reply to the member.",
                                     field: "route", rule: cite)
        }
        guard route == .directToConstituent else { return }
        guard constituent.consentToShare else {
            throw EnquiryActionError(.constituentNeeded, "The constituent has not agreed to officers writing to them direct. Send the reply to the member.",
                                     field: "route", rule: cite)
        }
        guard !constituent.contact.enquiryTrimmed.isEmpty else {
            throw EnquiryActionError(.constituentNeeded, "There are no contact details for the constituent. Send the reply to the member.",
                                     field: "route", rule: cite)
        }
    }

    static func requiredText(_ text: String, field: String, limit: Int, missing: String,
                             tooLong: String) throws(EnquiryActionError) -> String {
        let value = text.enquiryTrimmed
        guard !value.isEmpty else { throw EnquiryActionError(.invalidField, missing, field: field) }
        guard value.count <= limit else { throw EnquiryActionError(.invalidField, tooLong, field: field) }
        return value
    }

    static func optionalText(_ text: String?, field: String, limit: Int, tooLong: String) throws(EnquiryActionError) -> String? {
        guard let value = text?.enquiryTrimmed, !value.isEmpty else { return nil }
        guard value.count <= limit else { throw EnquiryActionError(.invalidField, tooLong, field: field) }
        return value
    }
}

extension ReplyRoute {
    /// "to the member", for sentences.
    public var enquiryPhrase: String {
        switch self {
        case .toMember: "to the member"
        case .toMemberForOnwardPosting: "to the member with a copy to post on to the constituent"
        case .directToConstituent: "direct to the constituent with a copy to the member"
        }
    }
}
