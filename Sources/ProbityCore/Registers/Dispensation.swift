import Foundation

/// A dispensation letting a member take part despite an interest (Localism Act 2011 s.33),
/// recorded by the Monitoring Officer. It has effect from `grantedOn` to `expiresOn` inclusive,
/// for at most four years (s.33(3)).
///
/// The conflict check honours a dispensation for disclosable pecuniary interests (s.33) and,
/// as authorities' codes provide, for other registerable and non-registerable interests. No
/// dispensation lifts a bar that the law or the protocol puts beyond it: council tax arrears
/// (LGFA 1992 s.106), rent arrears on rents (TH 3.28), union office or another authority's
/// employment on staff negotiations (TH 14.9), a politically restricted post (LGHA 1989 s.1),
/// a related officer or a relative in the department (TH 5.3, 14.15), or a relationship to a
/// candidate, which is for the HR director's determination (TH 14.2). However generous its
/// terms, a member with an interest still declares it.
public struct Dispensation: Sendable, Hashable, Codable, Identifiable {
    public enum Grantee: Sendable, Hashable, Codable {
        case member(UUID)
        /// Every member, e.g. for setting council tax or members' allowances.
        case allMembers
    }

    public enum Scope: Sendable, Hashable, Codable {
        /// Any business the interest is engaged by.
        case anyBusiness
        /// One declared interest, wherever it is engaged.
        case declaration(UUID)
        /// One item of one matter.
        case item(matterID: String, itemID: String)
        /// Any item touching this (e.g. `.councilTaxSetting`, `.body("Acme Housing Trust")`).
        case tag(InterestTag)
    }

    /// What the member may do (s.33(1)).
    public enum Terms: String, Sendable, Hashable, Codable {
        /// Take part in the discussion but not vote.
        case discussion
        case discussionAndVote = "discussion-and-vote"

        public var outcome: ConflictOutcome {
            switch self {
            case .discussion: .maySpeakNotVote
            case .discussionAndVote: .mustDeclare
            }
        }
    }

    /// The grounds in s.33(2).
    public enum Ground: String, Sendable, Hashable, Codable, CaseIterable {
        /// (a) so many members would be barred that the business could not be transacted.
        case tooManyBarred = "too-many-barred"
        /// (b) the political balance of the body would be upset.
        case politicalBalance = "political-balance"
        /// (c) it is in the interests of people living in the area.
        case inhabitantsInterests = "inhabitants-interests"
        /// (d) every member of the executive would be barred.
        case executive = "executive"
        /// (e) it is otherwise appropriate.
        case otherwiseAppropriate = "otherwise-appropriate"
    }

    public var id: UUID
    public var grantee: Grantee
    public var scope: Scope
    public var terms: Terms
    public var ground: Ground
    public var grantedBy: PersonRef
    public var grantedOn: CalendarDate
    /// The last day it has effect.
    public var expiresOn: CalendarDate
    public var reasons: String

    public init(id: UUID, grantee: Grantee, scope: Scope, terms: Terms, ground: Ground, grantedBy: PersonRef,
                grantedOn: CalendarDate, expiresOn: CalendarDate, reasons: String = "") {
        self.id = id
        self.grantee = grantee
        self.scope = scope
        self.terms = terms
        self.ground = ground
        self.grantedBy = grantedBy
        self.grantedOn = grantedOn
        self.expiresOn = expiresOn
        self.reasons = reasons
    }

    public func isInEffect(on date: CalendarDate) -> Bool { grantedOn <= date && date <= expiresOn }

    public func covers(member id: UUID) -> Bool {
        switch grantee {
        case .allMembers: true
        case .member(let member): member == id
        }
    }

    /// Problems that stop it being recorded; empty when sound.
    public func issues(org: OrgSnapshot) -> [DeclarationIssue] {
        var issues: [DeclarationIssue] = []
        if !isGrantedByMonitoringOfficer(org: org) {
            issues.append(.init(field: "grantedBy", message: "Dispensations are recorded by the Monitoring Officer."))
        }
        if expiresOn < grantedOn {
            issues.append(.init(field: "expiresOn", message: "A dispensation cannot expire before it is granted."))
        }
        let limit = CalendarDate(year: grantedOn.year + Statute.dispensationMaximumYears, month: grantedOn.month,
                                 day: min(grantedOn.day, CalendarDate.daysInMonth(year: grantedOn.year + Statute.dispensationMaximumYears, month: grantedOn.month)))
        if let limit, expiresOn >= limit {
            issues.append(.init(field: "expiresOn", message: "A dispensation may have effect for at most four years (Localism Act 2011 s.33(3))."))
        }
        if case .member(let id) = grantee, org.members[id] == nil {
            issues.append(.init(field: "grantee", message: "Dispensations are granted to members in the directory."))
        }
        return issues
    }

    func isGrantedByMonitoringOfficer(org: OrgSnapshot) -> Bool {
        guard case .officer(let id) = grantedBy else { return false }
        return org.officers[id]?.designations.contains(.monitoringOfficer) ?? false
    }
}
