import Yams

/// Reads a whole profile from its composed YAML tree (schema: docs/protocol-profile-schema.md).
extension YAMLReader {
    static let profileExpectation = "a protocol profile: a mapping starting `schemaVersion: 1`, `id: …`"
    static let sectionExpectation = "the section's rules, each on its own indented line"

    func profile(_ root: Field) -> ProtocolProfile? {
        guard let map = MappingReader(root, reader: self, expecting: Self.profileExpectation) else { return nil }

        let versionField = map.required("schemaVersion")
        if let versionField, case .scalar(let scalar) = versionField.node,
           let version = Int(scalar.string.trimmingCharacters(in: .whitespaces)),
           version != ProtocolProfile.currentSchemaVersion {
            // A different version may name its fields differently: checking them would mislead.
            report(versionField.path, at: versionField.valueMark,
                   "schemaVersion \(version) is not supported: this version of Probity reads schemaVersion \(ProtocolProfile.currentSchemaVersion)")
            return nil
        }
        let version = versionField.flatMap { integer($0, in: ProtocolProfile.currentSchemaVersion...ProtocolProfile.currentSchemaVersion) }
        let id = map.required("id").flatMap { slug($0, example: "tower-hamlets") }
        let authorityName = map.required("authorityName").flatMap(text)
        let document = map.required("document").flatMap(sourceDocument)
        let region: Region? = map.required("region").flatMap { choice($0, "region") }
        let enquiries = section(map, "enquiries", enquiryRules)
        let complaints = section(map, "complaints", complaintRules)
        let declarations = section(map, "declarations", declarationRules)
        let information = section(map, "information", informationRules)
        let briefings = section(map, "briefings", briefingRules)
        let notifications = section(map, "notifications", notificationRules)
        let guidance = map.required("guidance", .section).flatMap(guidanceRules)
        map.finish()

        guard let version, let id, let authorityName, let document, let region, let enquiries, let complaints,
              let declarations, let information, let briefings, let notifications, let guidance
        else { return nil }
        return ProtocolProfile(
            schemaVersion: version, id: id, authorityName: authorityName, document: document, region: region,
            enquiries: enquiries, complaints: complaints, declarations: declarations, information: information,
            briefings: briefings, notifications: notifications, guidance: guidance
        )
    }

    private func section<Section>(_ map: MappingReader, _ key: String, _ read: (MappingReader) -> Section?) -> Section? {
        guard let field = map.required(key, .section),
              let sectionMap = MappingReader(field, reader: self, expecting: Self.sectionExpectation)
        else { return nil }
        let section = read(sectionMap)
        sectionMap.finish()
        return section
    }

    private func sourceDocument(_ field: Field) -> SourceDocument? {
        guard let map = MappingReader(field, reader: self, expecting: "the protocol document: {title: …, citationName: …, date: …}") else { return nil }
        let title = map.required("title").flatMap(text)
        let citationName = map.required("citationName").flatMap(text)
        let date = map.required("date").flatMap(text)
        let seed = optional(map.optional("seed"), text)
        map.finish()
        guard let title, let citationName, let date, let seed else { return nil }
        return SourceDocument(title: title, citationName: citationName, date: date, seed: seed)
    }

    /// The rule at `section.key`, required; its id is its path.
    private func fixed<P: ProfileParameters>(_ map: MappingReader, _ key: String) -> Rule<P>? {
        guard let field = map.required(key, .rule) else { return nil }
        return rule(field, id: field.path)
    }

    private func enquiryRules(_ s: MappingReader) -> EnquiryRules? {
        let responseDeadline: Rule<WorkingDaysPeriod>? = fixed(s, "responseDeadline")
        let acknowledgementDeadline: Rule<WorkingDaysPeriod>? = fixed(s, "acknowledgementDeadline")
        let delayNotice: Rule<NoParameters>? = fixed(s, "delayNotice")
        let routing: Rule<EnquiryRouting>? = fixed(s, "routing")
        let coveringSheet: Rule<NoParameters>? = fixed(s, "coveringSheet")
        let replyRoutes: Rule<ReplyRoutePolicy>? = fixed(s, "replyRoutes")
        let refusedPurposes: Rule<RefusedPurposes>? = fixed(s, "refusedPurposes")
        let noQueueJumping: Rule<NoParameters>? = fixed(s, "noQueueJumping")
        let chasing: Rule<EscalationLadder>? = fixed(s, "chasing")
        let volumeIndicator: Rule<VolumeIndicator>? = fixed(s, "volumeIndicator")
        let confidentiality: Rule<Audience>? = fixed(s, "confidentiality")
        let correspondenceConsent: Rule<NoParameters>? = fixed(s, "correspondenceConsent")
        guard let responseDeadline, let acknowledgementDeadline, let delayNotice, let routing, let coveringSheet,
              let replyRoutes, let refusedPurposes, let noQueueJumping, let chasing, let volumeIndicator,
              let confidentiality, let correspondenceConsent
        else { return nil }
        return EnquiryRules(
            responseDeadline: responseDeadline, acknowledgementDeadline: acknowledgementDeadline,
            delayNotice: delayNotice, routing: routing, coveringSheet: coveringSheet, replyRoutes: replyRoutes,
            refusedPurposes: refusedPurposes, noQueueJumping: noQueueJumping, chasing: chasing,
            volumeIndicator: volumeIndicator, confidentiality: confidentiality,
            correspondenceConsent: correspondenceConsent
        )
    }

    private func complaintRules(_ s: MappingReader) -> ComplaintRules? {
        let acknowledgementDeadline: Rule<WorkingDaysPeriod>? = fixed(s, "acknowledgementDeadline")
        let routes = s.required("routes").flatMap(complaintRoutes)
        let informalLadder: Rule<ResolutionLadder>? = fixed(s, "informalLadder")
        let referral: Rule<Routing>? = fixed(s, "referral")
        let needToKnow: Rule<Audience>? = fixed(s, "needToKnow")
        let complainantIdentityProtected: Rule<NoParameters>? = fixed(s, "complainantIdentityProtected")
        let improperInfluence: Rule<Routing>? = fixed(s, "improperInfluence")
        let monitoring: Rule<Routing>? = fixed(s, "monitoring")
        let repeatedComplaintsIndicator: Rule<Threshold>? = fixed(s, "repeatedComplaintsIndicator")
        guard let acknowledgementDeadline, let routes, let informalLadder, let referral, let needToKnow,
              let complainantIdentityProtected, let improperInfluence, let monitoring, let repeatedComplaintsIndicator
        else { return nil }
        return ComplaintRules(
            acknowledgementDeadline: acknowledgementDeadline, routes: routes, informalLadder: informalLadder,
            referral: referral, needToKnow: needToKnow, complainantIdentityProtected: complainantIdentityProtected,
            improperInfluence: improperInfluence, monitoring: monitoring,
            repeatedComplaintsIndicator: repeatedComplaintsIndicator
        )
    }

    private func declarationRules(_ s: MappingReader) -> DeclarationRules? {
        let registrationPeriod: Rule<CalendarDaysPeriod>? = fixed(s, "registrationPeriod")
        let memberRelationshipRecipients: Rule<Routing>? = fixed(s, "memberRelationshipRecipients")
        let officerRelationshipRecipients: Rule<Routing>? = fixed(s, "officerRelationshipRecipients")
        let recruitment: Rule<Routing>? = fixed(s, "recruitment")
        let councilTaxArrearsMonths: Rule<ArrearsThreshold>? = fixed(s, "councilTaxArrearsMonths")
        let relativeInDepartmentBarsCommittee: Rule<NoParameters>? = fixed(s, "relativeInDepartmentBarsCommittee")
        let relatedOfficerDecisionBar: Rule<NoParameters>? = fixed(s, "relatedOfficerDecisionBar")
        guard let registrationPeriod, let memberRelationshipRecipients, let officerRelationshipRecipients,
              let recruitment, let councilTaxArrearsMonths, let relativeInDepartmentBarsCommittee,
              let relatedOfficerDecisionBar
        else { return nil }
        return DeclarationRules(
            registrationPeriod: registrationPeriod, memberRelationshipRecipients: memberRelationshipRecipients,
            officerRelationshipRecipients: officerRelationshipRecipients, recruitment: recruitment,
            councilTaxArrearsMonths: councilTaxArrearsMonths,
            relativeInDepartmentBarsCommittee: relativeInDepartmentBarsCommittee,
            relatedOfficerDecisionBar: relatedOfficerDecisionBar
        )
    }

    private func informationRules(_ s: MappingReader) -> InformationRules? {
        let needToKnowDecision: Rule<NeedToKnowRouting>? = fixed(s, "needToKnowDecision")
        let fishingRefused: Rule<NoParameters>? = fixed(s, "fishingRefused")
        let redactedRelease: Rule<NoParameters>? = fixed(s, "redactedRelease")
        let freedomOfInformationRoute: Rule<NoParameters>? = fixed(s, "freedomOfInformationRoute")
        let draftsAdministrationOnly: Rule<NoParameters>? = fixed(s, "draftsAdministrationOnly")
        let partyConfidence: Rule<Routing>? = fixed(s, "partyConfidence")
        guard let needToKnowDecision, let fishingRefused, let redactedRelease, let freedomOfInformationRoute,
              let draftsAdministrationOnly, let partyConfidence
        else { return nil }
        return InformationRules(
            needToKnowDecision: needToKnowDecision, fishingRefused: fishingRefused, redactedRelease: redactedRelease,
            freedomOfInformationRoute: freedomOfInformationRoute, draftsAdministrationOnly: draftsAdministrationOnly,
            partyConfidence: partyConfidence
        )
    }

    private func briefingRules(_ s: MappingReader) -> BriefingRules? {
        let gatekeeper: Rule<Routing>? = fixed(s, "gatekeeper")
        let offerToOtherGroups: Rule<OfferPolicy>? = fixed(s, "offerToOtherGroups")
        let nonCouncillorAttendance: Rule<Routing>? = fixed(s, "nonCouncillorAttendance")
        let factsAndOptionsOnly: Rule<NoParameters>? = fixed(s, "factsAndOptionsOnly")
        let officerLeavesBeforeDecision: Rule<NoParameters>? = fixed(s, "officerLeavesBeforeDecision")
        let officerMayDecline: Rule<NoParameters>? = fixed(s, "officerMayDecline")
        guard let gatekeeper, let offerToOtherGroups, let nonCouncillorAttendance, let factsAndOptionsOnly,
              let officerLeavesBeforeDecision, let officerMayDecline
        else { return nil }
        return BriefingRules(
            gatekeeper: gatekeeper, offerToOtherGroups: offerToOtherGroups,
            nonCouncillorAttendance: nonCouncillorAttendance, factsAndOptionsOnly: factsAndOptionsOnly,
            officerLeavesBeforeDecision: officerLeavesBeforeDecision, officerMayDecline: officerMayDecline
        )
    }

    private func notificationRules(_ s: MappingReader) -> NotificationRules? {
        let privateTime: Rule<WorkingHours>? = fixed(s, "privateTime")
        let wardMatters: Rule<WardMatterPolicy>? = fixed(s, "wardMatters")
        let preElectionMeetings: Rule<NoParameters>? = fixed(s, "preElectionMeetings")
        let delegatedDecisionConsultation: Rule<Routing>? = fixed(s, "delegatedDecisionConsultation")
        let lettersInMembersName: Rule<NoParameters>? = fixed(s, "lettersInMembersName")
        let mediaClearance: Rule<Routing>? = fixed(s, "mediaClearance")
        let departmentVisits: Rule<Routing>? = fixed(s, "departmentVisits")
        guard let privateTime, let wardMatters, let preElectionMeetings, let delegatedDecisionConsultation,
              let lettersInMembersName, let mediaClearance, let departmentVisits
        else { return nil }
        return NotificationRules(
            privateTime: privateTime, wardMatters: wardMatters, preElectionMeetings: preElectionMeetings,
            delegatedDecisionConsultation: delegatedDecisionConsultation, lettersInMembersName: lettersInMembersName,
            mediaClearance: mediaClearance, departmentVisits: departmentVisits
        )
    }

    // MARK: Keyed lists

    /// `complaints.routes`: one rule per (complainant, about) pair, ids `complaints.routes.<key>`.
    private func complaintRoutes(_ field: Field) -> [Rule<ComplaintRoute>]? {
        guard let items = list(field, example: "a list of routes, each starting `- key: member-about-officer`") else { return nil }
        guard !items.isEmpty else {
            report(field.path, at: field.mark, "must list at least one complaint route")
            return nil
        }
        var ok = true
        var routes: [Rule<ComplaintRoute>] = []
        var keys = KeyRegister(reader: self, what: "route key")
        var pairs: [String: (key: String, line: Int?)] = [:]
        for item in items {
            guard let rule: Rule<ComplaintRoute> = complaintRoute(item) else {
                ok = false
                continue
            }
            let route = rule.parameters
            if !keys.register(route.key, at: item) { ok = false }
            let pair = "\(route.complainant.phrase) about \(route.about.phrase)"
            if let earlier = pairs[pair] {
                report(YAMLReader.join(item.path, "about"), at: item.mark,
                       "route '\(route.key)' covers complaints by \(pair), as route '\(earlier.key)'\(earlier.line.map { " (line \($0))" } ?? "") already does: give one route per pair")
                ok = false
            } else {
                pairs[pair] = (route.key, item.mark?.line)
            }
            routes.append(rule)
        }
        return ok ? routes : nil
    }

    /// One route; its id uses its key (or its position, if the key itself is wrong).
    func complaintRoute(_ item: Field, id fixedID: String? = nil) -> Rule<ComplaintRoute>? {
        guard let map = MappingReader(item, reader: self, expecting: Self.ruleExpectation) else { return nil }
        let key = map.peekText("key").flatMap { Self.isSlug($0) ? $0 : nil }
        let id = fixedID ?? "complaints.routes.\(key ?? item.path)"
        return rule(map, id: id)
    }

    /// `guidance`: rules shown as guidance, ids `guidance.<key>`.
    private func guidanceRules(_ field: Field) -> [Rule<GuidanceParameters>]? {
        guard let items = list(field, example: "a list of guidance rules, each starting `- key: no-public-criticism`; [] for none") else { return nil }
        var ok = true
        var rules: [Rule<GuidanceParameters>] = []
        var keys = KeyRegister(reader: self, what: "guidance key")
        for item in items {
            guard let rule: Rule<GuidanceParameters> = guidanceRule(item) else {
                ok = false
                continue
            }
            if !keys.register(rule.parameters.key, at: item) { ok = false }
            rules.append(rule)
        }
        return ok ? rules : nil
    }

    func guidanceRule(_ item: Field, id fixedID: String? = nil) -> Rule<GuidanceParameters>? {
        guard let map = MappingReader(item, reader: self, expecting: Self.ruleExpectation) else { return nil }
        let key = map.peekText("key").flatMap { Self.isSlug($0) ? $0 : nil }
        let id = fixedID ?? "guidance.\(key ?? item.path)"
        return rule(map, id: id)
    }
}

/// Keys of list items (routes, guidance) must be unique: they are part of rule ids.
private struct KeyRegister {
    let reader: YAMLReader
    let what: String
    private var lines: [String: Int?] = [:]

    init(reader: YAMLReader, what: String) {
        self.reader = reader
        self.what = what
    }

    /// False (reported) if the key was used before.
    mutating func register(_ key: String, at item: Field) -> Bool {
        if let earlier = lines[key] {
            reader.report(YAMLReader.join(item.path, "key"), at: item.mark,
                          "duplicate \(what) '\(key)'\(earlier.map { ": already used at line \($0)" } ?? ""); each must be different, as it is part of the rule id")
            return false
        }
        lines[key] = item.mark?.line
        return true
    }
}
