/// Short human renderings of rule parameters, for the protocol page, comparisons and the CLI.
enum Phrase {
    /// "chief executive, monitoring officer".
    static func recipients(_ recipients: [Recipient], or: Bool = false) -> String {
        let names = recipients.map(\.displayName)
        return or ? names.joined(separator: ", or ") : names.joined(separator: ", ")
    }

    /// "1 working day", "10 working days".
    static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(value) \(value == 1 ? singular : plural)"
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }
}

extension NoParameters {
    var summary: String { "" }
}

extension WorkingDaysPeriod {
    var summary: String { Phrase.count(workingDays, "working day", "working days") }
}

extension CalendarDaysPeriod {
    var summary: String { Phrase.count(calendarDays, "calendar day", "calendar days") }
}

extension ArrearsThreshold {
    var summary: String { Phrase.count(months, "month", "months") + " or more" }
}

extension Threshold {
    var summary: String { "\(count) within \(Phrase.count(withinMonths, "month", "months"))" }
}

extension Routing {
    /// "to: chief executive; copy to: …; inform: …".
    var summary: String {
        var parts = ["to: " + (to.isEmpty ? "no one" : Phrase.recipients(to))]
        if !copyTo.isEmpty { parts.append("copy to: " + Phrase.recipients(copyTo)) }
        if !inform.isEmpty { parts.append("inform: " + Phrase.recipients(inform)) }
        return parts.joined(separator: "; ")
    }
}

extension Audience {
    var summary: String { roles.isEmpty ? "no one else" : Phrase.recipients(roles) }
}

extension ResolutionLadder {
    var summary: String {
        steps.isEmpty ? "no steps" : steps.map(\.displayName).joined(separator: ", then ")
    }
}

extension EscalationLadder {
    /// "on the first working day overdue: service head of service; 5 working days overdue: service director".
    var summary: String {
        guard !steps.isEmpty else { return "no steps" }
        return steps.map { step in
            let when = step.afterWorkingDaysOverdue == 0
                ? "on the first working day overdue"
                : Phrase.count(step.afterWorkingDaysOverdue, "working day", "working days") + " overdue"
            return "\(when): \(Phrase.recipients(step.notify))"
        }.joined(separator: "; ")
    }
}

extension EnquiryRouting {
    /// "Routine: service head of service, or service liaison officer; non-routine: service director".
    var summary: String {
        "Routine: \(Phrase.recipients(routine, or: true)); non-routine: \(Phrase.recipients(nonRoutine, or: true))"
    }
}

extension ReplyRoutePolicy {
    var summary: String {
        let routes = allowed.map(\.displayName).joined(separator: ", ")
        return directBarredWhenConfidential ? "\(routes); never direct to the constituent when confidential" : routes
    }
}

extension RefusedPurposes {
    var summary: String { purposes.isEmpty ? "none" : purposes.map(\.displayName).joined(separator: ", ") }
}

extension VolumeIndicator {
    var summary: String {
        let visible = visibleTo.isEmpty ? "" : "; visible to \(Phrase.recipients(visibleTo))"
        return "more than \(Phrase.number(multipleOfMedian)) × the median over \(Phrase.count(windowMonths, "month", "months"))\(visible)"
    }
}

extension NeedToKnowRouting {
    var summary: String {
        let decided = "decided by: " + (decidedBy.isEmpty ? "no one" : Phrase.recipients(decidedBy, or: true))
        return referredTo.isEmpty ? decided : "\(decided); referred to: \(Phrase.recipients(referredTo))"
    }
}

extension OfferPolicy {
    var summary: String { mode.displayName }
}

extension WorkingHours {
    var summary: String { "\(start)–\(end) on working days" }
}

extension WardMatterPolicy {
    var summary: String {
        let kinds = self.kinds.isEmpty ? "none" : self.kinds.map(\.displayName).joined(separator: ", ")
        return includeAdjoiningWards ? "\(kinds); adjoining wards included" : kinds
    }
}

extension ComplaintRoute {
    /// "formal; to: subject director".
    var summary: String {
        var parts = [procedure.displayName, routing.summary]
        if let statutoryInstrument { parts.append("under \(statutoryInstrument)") }
        return parts.joined(separator: "; ")
    }

    /// "Complaint by a member about an officer".
    var title: String { "Complaint by \(complainant.phrase) about \(about.phrase)" }
}

extension GuidanceParameters {
    /// "for members, with complaints"; "for everyone, in general".
    var summary: String {
        let shown = context == .general ? "in general" : "with \(context.displayName)"
        return "for \(audience.displayName), \(shown)"
    }

    /// "No public criticism" from `no-public-criticism`.
    var title: String {
        let words = key.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
