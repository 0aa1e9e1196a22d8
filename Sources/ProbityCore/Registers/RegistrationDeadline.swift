/// What starts the clock for registering an interest.
public enum RegistrationTrigger: Sendable, Hashable, Codable {
    /// Becoming a member or co-opted member (Localism Act 2011 s.30(1)).
    case tookOffice(CalendarDate)
    /// A new interest, or a change to a registered one (the authority's code; the profile's period).
    case change(CalendarDate)
    /// An unregistered disclosable pecuniary interest disclosed at a meeting (s.31(3)).
    case disclosedAtMeeting(CalendarDate)

    public var date: CalendarDate {
        switch self {
        case .tookOffice(let date), .change(let date), .disclosedAtMeeting(let date): date
        }
    }
}

/// The last day to register an interest, and when to remind the member.
///
/// The period is the profile's `declarations.registrationPeriod` (28 calendar days in every
/// built-in profile). It is counted as the statute counts it, "28 days beginning with the day"
/// of the trigger (s.30(1), s.31(3)): the trigger day is day 1, so taking office on 7 May 2026
/// gives a last day of 3 June 2026.
public struct RegistrationDeadline: Sendable, Hashable {
    /// Reminders go this many days before the last day (and again once it has passed).
    public static let reminderDaysBefore = [14, 7]

    public var trigger: RegistrationTrigger
    public var calendarDays: Int
    public var lastDay: CalendarDate
    /// The profile's period rule, then the statute behind the trigger.
    public var rules: [RuleReference]

    public init(trigger: RegistrationTrigger, profile: ProtocolProfile) {
        let rules = RegisterRules(profile: profile)
        let days = max(1, profile.declarations.registrationPeriod.parameters.calendarDays)
        self.trigger = trigger
        self.calendarDays = days
        self.lastDay = trigger.date.adding(days: days - 1)
        switch trigger {
        case .tookOffice: self.rules = [rules.registrationPeriod, Statute.registration]
        case .change: self.rules = [rules.registrationPeriod]
        case .disclosedAtMeeting: self.rules = [rules.registrationPeriod, Statute.disclosureAtMeeting]
        }
    }

    /// The first day the registration is overdue.
    public var firstOverdueDay: CalendarDate { lastDay.adding(days: 1) }

    /// Every reminder in date order: 14 and 7 days before the last day (where those fall after
    /// the trigger), then overdue on the day after it.
    public var reminders: [RegistrationReminder] {
        let before = Self.reminderDaysBefore.sorted(by: >).compactMap { days -> RegistrationReminder? in
            let date = lastDay.adding(days: -days)
            guard date > trigger.date else { return nil }
            return RegistrationReminder(date: date, kind: .dueSoon(daysLeft: days), lastDay: lastDay)
        }
        return before + [RegistrationReminder(date: firstOverdueDay, kind: .overdue, lastDay: lastDay)]
    }

    /// Where the registration stands on `date`, given when (if ever) it was registered.
    public func status(on date: CalendarDate, registeredOn: CalendarDate? = nil) -> RegistrationStatus {
        if let registeredOn, registeredOn <= date {
            return registeredOn <= lastDay ? .registered(on: registeredOn) : .registeredLate(on: registeredOn, daysLate: lastDay.days(to: registeredOn))
        }
        if date > lastDay { return .overdue(days: lastDay.days(to: date)) }
        return .due(daysLeft: date.days(to: lastDay))
    }

    /// The reminder to send on `date`, if one falls that day and nothing is registered yet.
    public func reminder(on date: CalendarDate, registeredOn: CalendarDate? = nil) -> RegistrationReminder? {
        if let registeredOn, registeredOn <= date { return nil }
        return reminders.first { $0.date == date }
    }
}

public enum RegistrationStatus: Sendable, Hashable {
    /// Not yet registered; `daysLeft` is 0 on the last day.
    case due(daysLeft: Int)
    case overdue(days: Int)
    case registered(on: CalendarDate)
    case registeredLate(on: CalendarDate, daysLate: Int)
}

/// A reminder to register, and whom it goes to.
public struct RegistrationReminder: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case dueSoon(daysLeft: Int)
        case overdue
    }

    public var date: CalendarDate
    public var kind: Kind
    public var lastDay: CalendarDate

    /// The member always; once overdue, the Monitoring Officer too, who keeps the register
    /// (Localism Act 2011 s.29) and to whom the member must notify (s.30(1)).
    public func recipients(declarant: PersonRef, org: OrgSnapshot) -> [PersonRef] {
        switch kind {
        case .dueSoon: return [declarant]
        case .overdue:
            let officers = org.holders(of: .monitoringOfficer).map(PersonRef.officer)
            return [declarant] + officers.filter { $0 != declarant }
        }
    }

    /// "Register this interest by Wednesday 3 June 2026: 7 days left."
    public var message: String {
        switch kind {
        case .dueSoon(let days):
            "Register this interest by \(lastDay.displayLong): \(days) days left."
        case .overdue:
            "This interest was due to be registered by \(lastDay.displayLong) and is overdue."
        }
    }
}
