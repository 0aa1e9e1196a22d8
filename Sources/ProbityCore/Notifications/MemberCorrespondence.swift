import Foundation

/// Letters in a member's name (Wigan 7.2; LC 12(b)) and members' visits to departments (Wigan 4.6).
public enum MemberCorrespondence {
    /// A letter that creates obligations or gives instructions on the council's behalf goes
    /// in a member's name only with specific delegated authority (Wigan 7.2). Returns the rule
    /// that refuses it, or nil when the letter may go.
    public static func letterRefusal(createsObligations: Bool, givesInstructions: Bool, delegatedAuthority: String?,
                                     profile: ProtocolProfile) -> RuleReference? {
        let rule = profile.notifications.lettersInMembersName
        guard rule.inForce, createsObligations || givesInstructions else { return nil }
        if let authority = delegatedAuthority, !authority.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return nil }
        return rule.reference(in: profile.document)
    }

    /// Whether the Chief Officer must be told in advance of a member's visit to a department:
    /// where the rule is in force, except for statutory inspections (Wigan 4.6).
    public static func visitNotice(statutoryInspection: Bool, profile: ProtocolProfile) -> RuleReference? {
        let rule = profile.notifications.departmentVisits
        guard rule.inForce, !statutoryInspection else { return nil }
        return rule.reference(in: profile.document)
    }
}
