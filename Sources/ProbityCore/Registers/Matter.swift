import Foundation

/// Business that people take part in and may have a conflict over: a committee meeting and
/// its agenda, a delegated decision, a recruitment panel, or a committee's membership itself.
public struct Matter: Sendable, Hashable, Codable {
    /// For a meeting, the meeting's id: non-registerable interests are declared against it.
    public var id: String
    public var kind: MatterKind
    /// The day of the meeting or decision: declarations and dispensations are read as on it.
    public var date: CalendarDate
    public var items: [MatterItem]

    public init(id: String, kind: MatterKind, date: CalendarDate, items: [MatterItem]) {
        self.id = id
        self.kind = kind
        self.date = date
        self.items = items
    }

    /// A meeting of `committee` with its agenda.
    public static func meeting(id: String, committee: DecisionBody, date: CalendarDate, items: [MatterItem]) -> Matter {
        Matter(id: id, kind: .committeeMeeting(committee), date: date, items: items)
    }

    /// A decision taken by one officer or member under delegated powers.
    public static func delegatedDecision(id: String, title: String, date: CalendarDate, tags: Set<InterestTag>) -> Matter {
        Matter(id: id, kind: .delegatedDecision, date: date, items: [MatterItem(id: id, title: title, tags: tags)])
    }

    /// A selection or appointment panel (TH 14.2): one item, tagged with the process and the post.
    public static func recruitmentPanel(processID: String, post: String, date: CalendarDate, tags: Set<InterestTag> = []) -> Matter {
        let item = MatterItem(id: processID, title: "Selection and appointment: \(post)",
                              tags: tags.union([.recruitment(processID), .post(post)]))
        return Matter(id: processID, kind: .recruitmentPanel(processID: processID), date: date, items: [item])
    }

    /// Who sits on `committee` (TH 14.9, 14.15): one item, tagged with the committee's
    /// departments, and as staff negotiations where the committee negotiates with the unions.
    public static func committeeMembership(committee: DecisionBody, date: CalendarDate) -> Matter {
        var tags = Set(committee.departments.map(InterestTag.department))
        if committee.negotiatesWithStaff { tags.insert(.staffNegotiations) }
        let item = MatterItem(id: "membership:\(committee.id)", title: "Membership of \(committee.name)", tags: tags)
        return Matter(id: "membership:\(committee.id)", kind: .committeeMembership(committee), date: date, items: [item])
    }

    /// The committee a meeting or membership concerns.
    public var committee: DecisionBody? {
        switch kind {
        case .committeeMeeting(let committee), .committeeMembership(let committee): committee
        case .delegatedDecision, .recruitmentPanel: nil
        }
    }
}

public enum MatterKind: Sendable, Hashable, Codable {
    case committeeMeeting(DecisionBody)
    case delegatedDecision
    case recruitmentPanel(processID: String)
    case committeeMembership(DecisionBody)
}

/// A committee, sub-committee or other body of the council.
public struct DecisionBody: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// The directorates and services the committee is responsible for (TH 14.15).
    public var departments: Set<UUID>
    /// The body negotiates with staff and the trade unions, like TH's Joint Consultative
    /// Advisory Group (TH 14.9): every item of its meetings counts as staff negotiations.
    public var negotiatesWithStaff: Bool

    public init(id: String, name: String, departments: Set<UUID> = [], negotiatesWithStaff: Bool = false) {
        self.id = id
        self.name = name
        self.departments = departments
        self.negotiatesWithStaff = negotiatesWithStaff
    }
}

/// One agenda item, or the single subject of a decision or panel, with what it touches.
public struct MatterItem: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var tags: Set<InterestTag>

    public init(id: String, title: String, tags: Set<InterestTag>) {
        self.id = id
        self.title = title
        self.tags = tags
    }
}

/// Someone taking part in a matter.
public struct MatterParticipant: Sendable, Hashable, Codable {
    public enum Capacity: String, Sendable, Hashable, Codable {
        case chair
        case member
        case substitute
        /// A co-opted or other member without a vote.
        case nonVotingMember = "non-voting-member"
        case panelMember = "panel-member"
        /// The officer or member taking a delegated decision.
        case decisionMaker = "decision-maker"
        case officerAdvising = "officer-advising"
    }

    public var person: PersonRef
    public var capacity: Capacity

    public init(_ person: PersonRef, as capacity: Capacity = .member) {
        self.person = person
        self.capacity = capacity
    }
}
