import Foundation

extension PartyConfidenceRecord {
    /// Records what an officer was told in party-political confidence by a councillor of a group.
    /// The group is the councillor's group now, and stays with the record.
    public static func record(id: UUID, by actor: Viewer, givenByMemberID: UUID, setting: ConfidenceSetting, summary: String,
                              matterServiceID: UUID? = nil, at: Date, profile: ProtocolProfile,
                              org: OrgSnapshot) throws(InformationError) -> PartyConfidenceRecord {
        let rule = profile.information.partyConfidence.reference(in: profile.document)
        guard actor.kind == .officer, let officerID = actor.personID, org.officers[officerID] != nil else {
            throw InformationError(.notPermitted, "Only the officer who was told something in confidence records it.", rule: rule)
        }
        guard let member = org.members[givenByMemberID], let groupID = member.groupID else {
            throw InformationError(.invalidField, "Choose the councillor, of a political group, who gave the information in confidence.",
                                   field: "member", rule: rule)
        }
        let text = try InformationText.required(summary, field: "summary", missing: "Note what you were told in confidence.",
                                                limit: 10_000)
        return PartyConfidenceRecord(id: id, groupID: groupID, givenByMemberID: givenByMemberID, receivedByOfficerID: officerID,
                                     receivedAt: at, setting: setting, summary: text, matterServiceID: matterServiceID, shares: [],
                                     referrals: [], waiver: nil, rule: rule)
    }

    /// Passes the confidence to another officer where necessary (LE 12; TH 6.4(vi)). The
    /// confidence travels with it: it is confirmed to the receiving officer, who must honour it.
    /// Only an officer already privy may pass it on, and never to a councillor or group.
    public func sharing(with officerID: UUID, necessity: SharingNecessity, explanation: String, by actor: Viewer, at: Date,
                        profile: ProtocolProfile, org: OrgSnapshot) throws(InformationError) -> PartyConfidenceRecord {
        let rule = profile.information.partyConfidence.reference(in: profile.document)
        let sharer = try privyOfficer(actor, rule: rule)
        guard org.officers[officerID] != nil else {
            throw InformationError(.invalidField, "A confidence can be shared only with another officer of the council.", field: "officer", rule: rule)
        }
        guard !privyOfficerIDs.contains(officerID) else {
            throw InformationError(.wrongState, "That officer already holds this confidence.", field: "officer", rule: rule)
        }
        let text = try InformationText.required(explanation, field: "explanation",
                                                missing: "Say why it is necessary for this officer to know, for example to check the legality of what is proposed.")
        var next = self
        next.shares.append(ConfidenceShare(toOfficerID: officerID, byOfficerID: sharer, necessity: necessity, explanation: text,
                                           at: at, confidenceConfirmed: true))
        return next
    }

    /// Refers what appears unlawful, against standards, an abuse of process, severely damaging
    /// or maladministration to the officers the profile names (TH 12.20; LE 15; LC 6). They then
    /// hold the information too; nothing goes to any councillor or other group.
    public func referring(_ concern: ConfidenceConcern, explanation: String, by actor: Viewer, at: Date,
                          profile: ProtocolProfile, org: OrgSnapshot) throws(InformationError) -> PartyConfidenceRecord {
        let partyConfidence = profile.information.partyConfidence
        let rule = partyConfidence.reference(in: profile.document)
        let referrer = try privyOfficer(actor, rule: rule)
        let text = try InformationText.required(explanation, field: "explanation", missing: "Say what appears to be wrong.")
        var parties = CaseParties([.officer: .officer(receivedByOfficerID), .member: .member(givenByMemberID),
                                   .requester: .member(givenByMemberID)])
        if let matterServiceID {
            parties[.matter] = .service(matterServiceID)
            parties[.service] = .service(matterServiceID)
        }
        let routing = partyConfidence.parameters
        let recipients = org.resolveAll(routing.to + routing.copyTo + routing.inform, parties: parties)
            .compactMap(NeedToKnowRequest.officerID).filter { $0 != referrer }
        guard !recipients.isEmpty else {
            let wanted = routing.to.map(\.displayName).joined(separator: " and ")
            throw InformationError(.nobodyToRoute, "Nobody in the directory is the \(wanted), so the concern cannot be referred.", rule: rule)
        }
        var next = self
        next.referrals.append(ConfidenceReferral(concern: concern, explanation: text, byOfficerID: referrer, at: at,
                                                 toOfficerIDs: recipients, rule: rule))
        return next
    }

    /// The councillor who asked for confidentiality, or their group leader, agrees to the
    /// information being shared with the other groups (LE 16). Without it the confidence stands.
    public func waiving(by memberID: UUID, note: String, at: Date, profile: ProtocolProfile,
                        org: OrgSnapshot) throws(InformationError) -> PartyConfidenceRecord {
        let rule = profile.information.partyConfidence.reference(in: profile.document)
        guard memberID == givenByMemberID || org.groups[groupID]?.leaderID == memberID else {
            throw InformationError(.notPermitted, "Only the councillor who asked for confidentiality, or their group leader, can agree to it being shared.",
                                   rule: profile.informationGuidance("seek-agreement-to-share").first ?? rule)
        }
        guard waiver == nil else { throw InformationError(.wrongState, "The group has already agreed to this being shared.") }
        let text = try InformationText.required(note, field: "note", missing: "Note what the group agreed to.")
        var next = self
        next.waiver = ConfidenceWaiver(byMemberID: memberID, at: at, note: text)
        return next
    }

    private func privyOfficer(_ actor: Viewer, rule: RuleReference) throws(InformationError) -> UUID {
        guard actor.kind == .officer, let id = actor.personID, privyOfficerIDs.contains(id) else {
            throw InformationError(.notPrivy, "Only an officer who holds this confidence can pass it on.", rule: rule)
        }
        return id
    }
}
