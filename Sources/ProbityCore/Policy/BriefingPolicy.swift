import Foundation

/// Who may see a party group briefing (TH 6.4(vi), 12.19; LC 6; LE 12–17): the councillors of
/// the group that asked and its assistants acting for them, the gatekeeper and the officers
/// attending. The officer's record likewise. Officers never relay a group's discussions to another
/// group, so no councillor or assistant of another group sees anything of it; another group sees
/// only an offer made to it, in the gatekeeper's neutral words (`canViewOffer`).
public enum BriefingPolicy {
    /// The request, its arrangements and history.
    public static func canView(viewer: Viewer, briefing: BriefingRequest, profile: ProtocolProfile, org: OrgSnapshot) -> Decision {
        let rules = confidentialityRules(profile)
        if isOfGroup(viewer, groupID: briefing.groupID, org: org) {
            return .allow(viewer.kind == .assistant ? "You act for a councillor of the group that asked for this briefing."
                                                    : "Your group asked for this briefing.", rules: rules)
        }
        if viewer.kind == .officer, let id = viewer.personID {
            if briefing.gatekeeperIDs.contains(id) {
                return .allow("Requests for group briefings come to you to assign the officer.",
                              rules: [profile.briefings.gatekeeper.reference(in: profile.document)])
            }
            if briefing.attendingOfficerIDs.contains(id) { return .allow("You are the officer briefing the group.", rules: rules) }
            if briefing.agreementGiverIDs.contains(id) {
                return .allow("Your advance agreement is needed for non-councillors to be present.",
                              rules: [profile.briefings.nonCouncillorAttendance.reference(in: profile.document)])
            }
        }
        return refusal(viewer, briefing: briefing, org: org, rules: rules)
    }

    /// The officer's record: the group, the gatekeeper and the officers who attended.
    public static func canViewRecord(viewer: Viewer, briefing: BriefingRequest, profile: ProtocolProfile, org: OrgSnapshot) -> Decision {
        let rules = confidentialityRules(profile)
        guard briefing.record != nil else { return .deny("No record has been saved for this briefing.", rules: []) }
        if isOfGroup(viewer, groupID: briefing.groupID, org: org) {
            return .allow("This is the record of your group's briefing.", rules: rules)
        }
        if viewer.kind == .officer, let id = viewer.personID,
           briefing.gatekeeperIDs.contains(id) || briefing.attendingOfficerIDs.contains(id) {
            return .allow("You arranged or gave this briefing.", rules: rules)
        }
        return refusal(viewer, briefing: briefing, org: org, rules: rules)
    }

    /// An offer of the same briefing to `groupID`: that group's councillors and assistants, and the
    /// gatekeeper. They see `offerView(for:)`, never the request itself.
    public static func canViewOffer(viewer: Viewer, briefing: BriefingRequest, toGroupID groupID: UUID,
                                    profile: ProtocolProfile, org: OrgSnapshot) -> Decision {
        let rules = [profile.briefings.offerToOtherGroups.reference(in: profile.document)]
        guard briefing.offers.contains(where: { $0.toGroupID == groupID }) else {
            return .deny("No briefing has been offered to that group.", rules: rules)
        }
        if isOfGroup(viewer, groupID: groupID, org: org) {
            return .allow("Your group has been offered this briefing.", rules: rules)
        }
        if viewer.kind == .officer, let id = viewer.personID, briefing.gatekeeperIDs.contains(id) {
            return .allow("You made this offer.", rules: rules)
        }
        return .deny("An offer to a group is seen only by that group and the gatekeeper.", rules: rules)
    }

    /// A councillor of the group, or an assistant of the group acting for at least one of its
    /// councillors (TH 12.23). Group membership is read from the directory, never from the viewer alone.
    static func isOfGroup(_ viewer: Viewer, groupID: UUID, org: OrgSnapshot) -> Bool {
        switch viewer.kind {
        case .member:
            return viewer.personID.flatMap { org.members[$0]?.groupID } == groupID
        case .assistant:
            guard viewer.personID != nil, viewer.groupID == groupID else { return false }
            return viewer.actsForMemberIDs.contains { org.members[$0]?.groupID == groupID }
        case .officer, .partyWorker, .none:
            return false
        }
    }

    private static func confidentialityRules(_ profile: ProtocolProfile) -> [RuleReference] {
        profile.referenceIfInForce(profile.information.partyConfidence) + profile.informationGuidance("group-meeting-neutrality")
    }

    private static func refusal(_ viewer: Viewer, briefing: BriefingRequest, org: OrgSnapshot, rules: [RuleReference]) -> Decision {
        switch viewer.kind {
        case .member, .assistant:
            return .deny("Officers keep a group's briefings and discussions confidential and never relay them to another group.", rules: rules)
        case .partyWorker:
            return .deny("Party workers have no entitlement to council information, including group briefings.", rules: rules)
        case .officer:
            return .deny("A group's briefing is seen only by the gatekeeper and the officers who give it.", rules: rules)
        case .none:
            return .deny("A group's briefing is seen only by the group and the officers concerned.", rules: rules)
        }
    }
}
