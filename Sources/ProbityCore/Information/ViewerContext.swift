import Foundation

/// A member's standing for access to information: the bodies they sit on and the matters in
/// which they have declared a financial or personal interest.
public struct MemberStanding: Sendable, Hashable {
    public var memberID: UUID
    public var committees: [CommitteeSeat]
    /// Subject tags of matters in which the member has a financial or personal interest under the
    /// Code of Conduct: for those matters they have only a private individual's access (TH 12.7).
    public var declaredInterests: Set<String>

    public init(memberID: UUID, committees: [CommitteeSeat] = [], declaredInterests: Set<String> = []) {
        self.memberID = memberID
        self.committees = committees
        self.declaredInterests = declaredInterests
    }

    /// Whether the member has declared an interest in a matter about `subjects`.
    public func hasInterest(in subjects: Set<String>) -> Bool {
        !declaredInterests.isDisjoint(with: subjects)
    }
}

/// The person reading, with what access decisions need beyond `Viewer`: for a member their own
/// standing; for a political group assistant the standing of the member they say they act for on
/// this occasion (TH 12.23: they must say on whose behalf); nothing more for anyone else.
public struct ViewerContext: Sendable, Hashable {
    public var viewer: Viewer
    /// The member whose standing counts: the viewer themself, or the member an assistant acts for.
    public var member: MemberStanding?

    public init(viewer: Viewer, member: MemberStanding? = nil) {
        self.viewer = viewer
        self.member = member
    }

    /// A member reading as themself.
    public static func member(_ viewer: Viewer, committees: [CommitteeSeat] = [],
                              declaredInterests: Set<String> = []) -> ViewerContext {
        ViewerContext(viewer: viewer, member: viewer.personID.map {
            MemberStanding(memberID: $0, committees: committees, declaredInterests: declaredInterests)
        })
    }

    /// An assistant acting for the member whose standing is given (nil: acting for nobody named).
    public static func assistant(_ viewer: Viewer, actingFor member: MemberStanding?) -> ViewerContext {
        ViewerContext(viewer: viewer, member: member)
    }

    /// Officers, party workers and users with no directory person.
    public static func plain(_ viewer: Viewer) -> ViewerContext {
        ViewerContext(viewer: viewer, member: nil)
    }
}
