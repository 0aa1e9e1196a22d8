/// Parameter types shared by several sections of a profile.

/// A period counted in working days on the authority's calendar (receipt day never counted).
public struct WorkingDaysPeriod: Sendable, Hashable, Codable {
    public var workingDays: Int
    public init(workingDays: Int) { self.workingDays = workingDays }
}

/// A period counted in calendar days (e.g. the statutory 28 days to register an interest).
public struct CalendarDaysPeriod: Sendable, Hashable, Codable {
    public var calendarDays: Int
    public init(calendarDays: Int) { self.calendarDays = calendarDays }
}

/// Who receives something, who is copied, who is told of it.
public struct Routing: Sendable, Hashable, Codable {
    public var to: [Recipient]
    public var copyTo: [Recipient]
    public var inform: [Recipient]

    public init(to: [Recipient], copyTo: [Recipient] = [], inform: [Recipient] = []) {
        self.to = to
        self.copyTo = copyTo
        self.inform = inform
    }

    enum CodingKeys: String, CodingKey { case to, copyTo, inform }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        to = try c.decode([Recipient].self, forKey: .to)
        copyTo = try c.decodeIfPresent([Recipient].self, forKey: .copyTo) ?? []
        inform = try c.decodeIfPresent([Recipient].self, forKey: .inform) ?? []
    }
}

/// Who may see a class of record (beyond the parties the capability always lets in).
public struct Audience: Sendable, Hashable, Codable {
    public var roles: [Recipient]
    public init(roles: [Recipient]) { self.roles = roles }
}

/// An escalation ladder: each step names whom to chase or escalate to once the case is the given
/// number of working days past its deadline (0 = on the first working day overdue).
public struct EscalationLadder: Sendable, Hashable, Codable {
    public struct Step: Sendable, Hashable, Codable {
        public var afterWorkingDaysOverdue: Int
        public var notify: [Recipient]
        public init(afterWorkingDaysOverdue: Int, notify: [Recipient]) {
            self.afterWorkingDaysOverdue = afterWorkingDaysOverdue
            self.notify = notify
        }
    }
    public var steps: [Step]
    public init(steps: [Step]) { self.steps = steps }
}

/// An ordered informal resolution ladder (e.g. Wigan 5.1: line manager, Assistant Director, Director).
public struct ResolutionLadder: Sendable, Hashable, Codable {
    public var steps: [Recipient]
    public init(steps: [Recipient]) { self.steps = steps }
}

/// A count within a window that, when exceeded, raises an indicator (never an accusation).
public struct Threshold: Sendable, Hashable, Codable {
    public var count: Int
    public var withinMonths: Int
    public init(count: Int, withinMonths: Int) {
        self.count = count
        self.withinMonths = withinMonths
    }
}
