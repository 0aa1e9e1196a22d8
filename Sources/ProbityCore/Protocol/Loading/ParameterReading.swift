/// How each kind of rule parameter is read and checked. Ranges are deliberately generous: they
/// catch typing mistakes ("100" for "10"), not unusual protocols.
enum ParameterLimits {
    static let workingDays = 1...60
    static let workingDaysOverdue = 0...60
    static let calendarDays = 1...366
    static let months = 1...24
    static let count = 1...100
}

extension NoParameters: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> NoParameters? {
        NoParameters()
    }
}

extension WorkingDaysPeriod: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> WorkingDaysPeriod? {
        map.required("workingDays")
            .flatMap { context.reader.integer($0, in: ParameterLimits.workingDays, of: "working days") }
            .map(WorkingDaysPeriod.init(workingDays:))
    }
}

extension CalendarDaysPeriod: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> CalendarDaysPeriod? {
        map.required("calendarDays")
            .flatMap { context.reader.integer($0, in: ParameterLimits.calendarDays, of: "calendar days") }
            .map(CalendarDaysPeriod.init(calendarDays:))
    }
}

extension ArrearsThreshold: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> ArrearsThreshold? {
        map.required("months")
            .flatMap { context.reader.integer($0, in: ParameterLimits.months, of: "months") }
            .map(ArrearsThreshold.init(months:))
    }
}

extension Threshold: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> Threshold? {
        let reader = context.reader
        let count = map.required("count").flatMap { reader.integer($0, in: ParameterLimits.count) }
        let withinMonths = map.required("withinMonths").flatMap { reader.integer($0, in: ParameterLimits.months, of: "months") }
        guard let count, let withinMonths else { return nil }
        return Threshold(count: count, withinMonths: withinMonths)
    }
}

extension Routing: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> Routing? {
        let reader = context.reader
        let to = map.required("to").flatMap { reader.recipients($0, required: context.inForce) }
        let copyTo = reader.optional(map.optional("copyTo")) { reader.recipients($0, required: false) }
        let inform = reader.optional(map.optional("inform")) { reader.recipients($0, required: false) }
        guard let to, let copyTo, let inform else { return nil }
        return Routing(to: to, copyTo: copyTo ?? [], inform: inform ?? [])
    }
}

extension Audience: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> Audience? {
        map.required("roles")
            .flatMap { context.reader.recipients($0, required: false) }
            .map(Audience.init(roles:))
    }
}

extension ResolutionLadder: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> ResolutionLadder? {
        map.required("steps")
            .flatMap { context.reader.recipients($0, required: context.inForce) }
            .map(ResolutionLadder.init(steps:))
    }
}

extension EscalationLadder: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> EscalationLadder? {
        let reader = context.reader
        guard let stepsField = map.required("steps"),
              let items = reader.list(stepsField, example: "[{afterWorkingDaysOverdue: 0, notify: [service.head-of-service]}]")
        else { return nil }
        var ok = true
        if context.inForce, items.isEmpty {
            reader.report(stepsField.path, at: stepsField.mark, "must have at least one step; a rule that does not apply takes `inForce: false`")
            ok = false
        }
        var steps: [Step] = []
        for item in items {
            guard let step = MappingReader(item, reader: reader, expecting: "a step such as {afterWorkingDaysOverdue: 0, notify: [service.head-of-service]}") else {
                ok = false
                continue
            }
            let after = step.required("afterWorkingDaysOverdue")
                .flatMap { reader.integer($0, in: ParameterLimits.workingDaysOverdue, of: "working days overdue") }
            let notify = step.required("notify").flatMap { reader.recipients($0, required: true) }
            step.finish()
            guard let after, let notify else {
                ok = false
                continue
            }
            if let previous = steps.last, after <= previous.afterWorkingDaysOverdue {
                reader.report(YAMLReader.join(item.path, "afterWorkingDaysOverdue"), at: item.mark,
                              "steps must be in ascending order of working days overdue: \(after) comes after \(previous.afterWorkingDaysOverdue)")
                ok = false
            }
            steps.append(Step(afterWorkingDaysOverdue: after, notify: notify))
        }
        return ok ? EscalationLadder(steps: steps) : nil
    }
}

extension EnquiryRouting: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> EnquiryRouting? {
        let reader = context.reader
        let routine = map.required("routine").flatMap { reader.recipients($0, required: context.inForce) }
        let nonRoutine = map.required("nonRoutine").flatMap { reader.recipients($0, required: context.inForce) }
        guard let routine, let nonRoutine else { return nil }
        return EnquiryRouting(routine: routine, nonRoutine: nonRoutine)
    }
}

extension ReplyRoutePolicy: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> ReplyRoutePolicy? {
        let reader = context.reader
        let allowed: [ReplyRoute]? = map.required("allowed").flatMap { reader.choices($0, "reply route", required: true) }
        let barred = map.required("directBarredWhenConfidential").flatMap(reader.bool)
        guard let allowed, let barred else { return nil }
        return ReplyRoutePolicy(allowed: allowed, directBarredWhenConfidential: barred)
    }
}

extension RefusedPurposes: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> RefusedPurposes? {
        map.required("purposes")
            .flatMap { context.reader.choices($0, "purpose", required: false) }
            .map(RefusedPurposes.init(purposes:))
    }
}

extension VolumeIndicator: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> VolumeIndicator? {
        let reader = context.reader
        let multiple = map.required("multipleOfMedian").flatMap {
            reader.number($0, expectation: "must be a number greater than 1 and at most 100, such as 3.0") { $0 > 1 && $0 <= 100 }
        }
        let window = map.required("windowMonths").flatMap { reader.integer($0, in: ParameterLimits.months, of: "months") }
        let visibleTo = map.required("visibleTo").flatMap { reader.recipients($0, required: context.inForce) }
        guard let multiple, let window, let visibleTo else { return nil }
        return VolumeIndicator(multipleOfMedian: multiple, windowMonths: window, visibleTo: visibleTo)
    }
}

extension NeedToKnowRouting: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> NeedToKnowRouting? {
        let reader = context.reader
        let decidedBy = map.required("decidedBy").flatMap { reader.recipients($0, required: context.inForce) }
        let referredTo = map.required("referredTo").flatMap { reader.recipients($0, required: false) }
        guard let decidedBy, let referredTo else { return nil }
        return NeedToKnowRouting(decidedBy: decidedBy, referredTo: referredTo)
    }
}

extension OfferPolicy: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> OfferPolicy? {
        map.required("mode")
            .flatMap { context.reader.choice($0, "offer mode") }
            .map(OfferPolicy.init(mode:))
    }
}

extension WorkingHours: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> WorkingHours? {
        let reader = context.reader
        let startField = map.required("start")
        let endField = map.required("end")
        let start = startField.flatMap { time($0, reader) }
        let end = endField.flatMap { time($0, reader) }
        guard let start, let end, let endField else { return nil }
        guard start.minutes < end.minutes else {
            reader.report(endField.path, at: endField.valueMark, "must be later than start (\(start.text)), found '\(end.text)'")
            return nil
        }
        return WorkingHours(start: start.text, end: end.text)
    }

    /// "HH:MM" on the 24-hour clock.
    private static func time(_ field: Field, _ reader: YAMLReader) -> (text: String, minutes: Int)? {
        guard let text = reader.text(field) else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
           let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...23).contains(hours), (0...59).contains(minutes) {
            return (text, hours * 60 + minutes)
        }
        reader.report(field.path, at: field.valueMark, "must be a time written HH:MM on the 24-hour clock, such as \"08:00\", found '\(YAMLReader.shown(text))'")
        return nil
    }
}

extension WardMatterPolicy: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> WardMatterPolicy? {
        let reader = context.reader
        let kinds: [WardMatterKind]? = map.required("kinds").flatMap { reader.choices($0, "ward matter", required: context.inForce) }
        let adjoining = map.required("includeAdjoiningWards").flatMap(reader.bool)
        guard let kinds, let adjoining else { return nil }
        return WardMatterPolicy(kinds: kinds, includeAdjoiningWards: adjoining)
    }
}

extension ComplaintRoute: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> ComplaintRoute? {
        let reader = context.reader
        let key = map.required("key").flatMap { reader.slug($0, example: "member-about-officer") }
        let complainant: ComplainantKind? = map.required("complainant").flatMap { reader.choice($0, "complainant") }
        let about: ComplaintSubjectKind? = map.required("about").flatMap { reader.choice($0, "subject of complaint") }
        let procedure: ComplaintProcedure? = map.required("procedure").flatMap { reader.choice($0, "procedure") }
        let routing = map.required("routing").flatMap { field -> Routing? in
            guard let routingMap = MappingReader(field, reader: reader, expecting: "a routing such as {to: [subject.director]}") else { return nil }
            defer { routingMap.finish() }
            return Routing.read(from: routingMap, context)
        }
        let instrumentField = map.optional("statutoryInstrument")
        let instrument = reader.optional(instrumentField, reader.text)
        let learns = reader.optional(map.optional("complainantLearns"), reader.text)
        guard let key, let complainant, let about, let procedure, let routing, let instrument, let learns else { return nil }
        if instrument != nil, procedure != .statutory, let instrumentField {
            reader.report(instrumentField.path, at: instrumentField.mark,
                          "only a route with `procedure: statutory` names a statutory instrument; this route's procedure is '\(procedure.rawValue)'")
            return nil
        }
        return ComplaintRoute(key: key, complainant: complainant, about: about, procedure: procedure,
                              routing: routing, statutoryInstrument: instrument, complainantLearns: learns)
    }
}

extension GuidanceParameters: ProfileParameters {
    static func read(from map: MappingReader, _ context: ParameterContext) -> GuidanceParameters? {
        let reader = context.reader
        let key = map.required("key").flatMap { reader.slug($0, example: "no-public-criticism") }
        let guidanceContext: GuidanceContext? = map.required("context").flatMap { reader.choice($0, "context") }
        let audience: GuidanceAudience? = map.required("audience").flatMap { reader.choice($0, "audience") }
        guard let key, let guidanceContext, let audience else { return nil }
        return GuidanceParameters(key: key, context: guidanceContext, audience: audience)
    }
}
