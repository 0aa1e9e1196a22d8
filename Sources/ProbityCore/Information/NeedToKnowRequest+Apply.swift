import Foundation

extension NeedToKnowRequest {
    /// The request after `action` by `actor` at `at`, or why it cannot be done. Only the officers
    /// the profile names decide (TH 12.22(i)) and determine on referral (TH 12.22(ii)).
    public func applying(_ action: NeedToKnowAction, by actor: Viewer, at: Date, document: DocumentFacts,
                         profile: ProtocolProfile, org: OrgSnapshot) throws(InformationError) -> NeedToKnowRequest {
        let procedure = profile.information.needToKnowDecision.reference(in: profile.document)
        guard actor.kind == .officer, let officerID = actor.personID, org.officers[officerID] != nil else {
            throw InformationError(.notPermitted, "Only the officers the protocol names decide need-to-know requests.", rule: procedure)
        }
        guard document.id == documentID else {
            throw InformationError(.wrongState, "That is not the document this request is for.")
        }
        var next = self
        switch action {
        case .grant(let release):
            try requireDecider(officerID, rule: procedure)
            next.grant = try makeGrant(release, by: officerID, at: at, document: document, profile: profile, org: org)
            next.status = .granted
            var rules = [procedure] + profile.confidentialUseReferences
            if release.version.isRedacted { rules += profile.referenceIfInForce(profile.information.redactedRelease) }
            next.history.append(NeedToKnowEvent(kind: .granted, at: at, by: .officer(officerID),
                                                note: release.version.isRedacted ? "Released with redactions." : "Released in full.",
                                                rules: rules))

        case .refuse(let ground, let explanation):
            try requireDecider(officerID, rule: procedure)
            let text = try InformationText.required(explanation, field: "explanation",
                                                    missing: "Say why the request is refused: the councillor is told.")
            let onReferral = status == .referred
            next.refusals.append(NeedToKnowRefusal(ground: ground, explanation: text, byOfficerID: officerID, at: at, onReferral: onReferral))
            next.history.append(NeedToKnowEvent(kind: .refused, at: at, by: .officer(officerID), note: "\(ground.displayName): \(text)",
                                                rules: ground.rules(in: profile) + [procedure]))
            if onReferral {
                next.status = .refused
            } else {
                let referees = referees(excluding: officerID, document: document, profile: profile, org: org)
                if referees.isEmpty {
                    next.status = .refused
                } else {
                    next.refer(to: referees, at: at, note: "Refused, so referred for determination.", rule: procedure)
                }
            }

        case .referInDoubt(let note):
            guard status == .submitted, deciderIDs.contains(officerID) else {
                throw status == .submitted
                    ? InformationError(.notPermitted, "Only the officer the request was sent to can refer it.", rule: procedure)
                    : InformationError(.wrongState, "This request is no longer with the first decider.", rule: procedure)
            }
            let text = try InformationText.required(note, field: "note", missing: "Say what you are in doubt about.")
            let referees = referees(excluding: officerID, document: document, profile: profile, org: org)
            guard !referees.isEmpty else {
                let wanted = profile.information.needToKnowDecision.parameters.referredTo.map(\.displayName).joined(separator: " or ")
                throw InformationError(.nobodyToRoute, "Nobody in the directory is the \(wanted), so the request cannot be referred.", rule: procedure)
            }
            next.refer(to: referees, at: at, note: "In doubt: \(text)", rule: procedure)

        case .revoke(let reason):
            guard status == .granted, let grant else {
                throw InformationError(.wrongState, "Only a granted request has a release to withdraw.")
            }
            guard decidingOfficerIDs.contains(officerID) || grant.grantedByOfficerID == officerID else {
                throw InformationError(.notPermitted, "Only the officers who decided this request can withdraw the release.", rule: procedure)
            }
            guard grant.revokedAt == nil else { throw InformationError(.wrongState, "This release has already been withdrawn.") }
            let text = try InformationText.required(reason, field: "reason", missing: "Say why the release is withdrawn.")
            next.grant?.revokedAt = at
            next.history.append(NeedToKnowEvent(kind: .revoked, at: at, by: .officer(officerID), note: text, rules: [procedure]))
        }
        return next
    }

    /// The decider while submitted; the referral recipients once referred.
    private func requireDecider(_ officerID: UUID, rule: RuleReference) throws(InformationError) {
        switch status {
        case .submitted:
            guard deciderIDs.contains(officerID) else {
                throw InformationError(.notPermitted, "Only the officer the request was sent to can decide it.", rule: rule)
            }
        case .referred:
            guard referralIDs.contains(officerID) else {
                throw InformationError(.notPermitted, "This request has been referred: only the officer it was referred to can determine it.", rule: rule)
            }
        case .granted, .refused:
            throw InformationError(.wrongState, "This request has already been decided.", rule: rule)
        }
    }

    private func makeGrant(_ release: NeedToKnowRelease, by officerID: UUID, at: Date, document: DocumentFacts,
                           profile: ProtocolProfile, org: OrgSnapshot) throws(InformationError) -> ReleaseGrant {
        try Self.checkReleasable(document: document, groupID: org.members[memberID]?.groupID, profile: profile, org: org)
        if case .redacted(let note) = release.version {
            let rule = profile.information.redactedRelease
            guard rule.inForce else {
                throw InformationError(.redactionNotProvided,
                                       "This protocol does not provide for releasing a redacted version: release it in full or refuse.",
                                       rule: rule.reference(in: profile.document))
            }
            _ = try InformationText.required(note, field: "redaction", missing: "Say what was redacted and why.")
            guard release.redactionLeavesRoleUnimpeded else {
                throw InformationError(.invalidField,
                                       "Confirm the redaction does not stop the councillor doing their job as an elected representative.",
                                       field: "redaction", rule: rule.reference(in: profile.document))
            }
        }
        if let expiresAt = release.expiresAt, expiresAt <= at {
            throw InformationError(.invalidField, "The release must end after it is made.", field: "expiresAt")
        }
        var purpose = reason.purpose
        if let stated = release.purpose {
            purpose = try InformationText.required(stated, field: "purpose", missing: "Say what the information may be used for.")
        }
        let version: ReleaseVersion
        if case .redacted(let note) = release.version {
            version = .redacted(note: InformationText.clean(note))
        } else {
            version = .full
        }
        return ReleaseGrant(requestID: id, documentID: documentID, memberID: memberID, raisedByAssistantID: raisedByAssistantID,
                            version: version, purpose: purpose, grantedByOfficerID: officerID, grantedAt: at,
                            expiresAt: release.expiresAt)
    }

    /// Everyone `referredTo` names who is an officer, other than the officer referring it.
    private func referees(excluding officerID: UUID, document: DocumentFacts, profile: ProtocolProfile, org: OrgSnapshot) -> [UUID] {
        let parties = document.routingParties(requesterMemberID: memberID)
        return org.resolveAll(profile.information.needToKnowDecision.parameters.referredTo, parties: parties)
            .compactMap(Self.officerID).filter { $0 != officerID }
    }

    private mutating func refer(to officers: [UUID], at: Date, note: String, rule: RuleReference) {
        referralIDs = officers
        status = .referred
        history.append(NeedToKnowEvent(kind: .referred, at: at, by: nil, note: note, rules: [rule]))
    }
}
