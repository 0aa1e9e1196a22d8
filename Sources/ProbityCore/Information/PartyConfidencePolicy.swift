import Foundation

/// Who may read a party-political confidence (LE 12–17; TH 6.4(vi), 12.19–12.20; LC 6): the
/// officers who hold it (told, shared with where necessary, or referred to) and the councillor who
/// gave it and their group leader. Nobody of another group, and no other councillor, unless the
/// group agreed to its being shared (LE 16). Whether a group forms the administration never enters
/// into it, so a change of administration changes nothing (LE 17).
public enum PartyConfidencePolicy {
    public static func canRead(viewer: Viewer, record: PartyConfidenceRecord, profile: ProtocolProfile,
                               org: OrgSnapshot) -> Decision {
        let rules = [record.rule] + profile.informationGuidance("confirm-party-confidentiality", "change-of-administration")
        switch viewer.kind {
        case .officer:
            guard let id = viewer.personID, record.privyOfficerIDs.contains(id) else {
                return .deny("Officers pass on what they are told in party-political confidence only to colleagues who need it, and you are not one of them.",
                             rules: rules)
            }
            if id == record.receivedByOfficerID { return .allow("You were told this in confidence.", rules: rules) }
            if record.referrals.contains(where: { $0.toOfficerIDs.contains(id) }) {
                return .allow("This was referred to you because it appears to be outside the confidence.", rules: rules)
            }
            return .allow("This was shared with you because you needed it. The confidence binds you too.", rules: rules)
        case .member:
            guard let id = viewer.personID else { return .deny("Only the councillor who gave this can see it.", rules: rules) }
            if id == record.givenByMemberID { return .allow("You gave this in confidence.", rules: rules) }
            if org.groups[record.groupID]?.leaderID == id { return .allow("Your group gave this in confidence.", rules: rules) }
            if record.isWaived { return .allow("The group agreed to this being shared with the other groups.", rules: rules) }
            let sameGroup = org.members[id]?.groupID == record.groupID
            return .deny(sameGroup
                         ? "Officers keep what a councillor tells them in confidence to themselves, even from councillors of the same group."
                         : "Officers never relay what one group tells them in confidence to another group or its councillors.",
                         rules: rules)
        case .assistant, .partyWorker, .none:
            return .deny("Party-political confidences are held only by the officers concerned and the councillor who gave them.", rules: rules)
        }
    }
}
