import Testing
@testable import ProbityCore

/// A complete, valid profile for an imaginary authority, and helpers to break it one way at a time.
enum ProfileFixture {
    static let valid = #"""
    schemaVersion: 1
    id: testing-borough
    authorityName: London Borough of Testing
    document:
      title: "Constitution Part 5: Member/Officer Relations Protocol"
      citationName: Testing protocol
      date: "2024"
    region: england-and-wales

    enquiries:
      responseDeadline:
        statement: "A full response, or an explanatory acknowledgement, is due within 10 working days of receipt."
        cite: "13.5"
        workingDays: 10
      acknowledgementDeadline:
        statement: "The enquiry is acknowledged within 3 working days."
        silent: "The protocol sets no acknowledgement period; Probity acknowledges within 3 working days so the member knows the enquiry is in hand."
        workingDays: 3
      delayNotice:
        statement: "The member is told of any appreciable delay."
        cite: ["13.4", "13.5"]
      routing:
        statement: "Routine enquiries go to the head of service or the service's liaison officer; policy matters go to the director."
        cite: {paragraphs: ["13.1"], heading: "Members' enquiries"}
        routine: [service.head-of-service, service.liaison-officer]
        nonRoutine: [service.director]
      coveringSheet:
        statement: "A covering sheet goes with every enquiry."
        cite: "13.4"
      replyRoutes:
        statement: "Replies go to the member, to the member for onward posting, or direct to the constituent, never direct when confidential."
        cite: "13.6"
        allowed: [to-member, to-member-for-onward-posting, direct-to-constituent]
        directBarredWhenConfidential: true
      refusedPurposes:
        statement: "Officers do not handle enquiries made for party political, campaigning, personal or private business purposes."
        cite: "11.2"
        purposes: [party-political, campaigning, personal, private-business]
      noQueueJumping:
        statement: "Members cannot set or raise the priority of an enquiry."
        cite: "11.7"
      chasing:
        statement: "Overdue enquiries are chased with the head of service, then the director."
        silent: "The protocol sets no chasing; Probity follows the management line."
        steps:
          - afterWorkingDaysOverdue: 0
            notify: [service.head-of-service]
          - afterWorkingDaysOverdue: 5
            notify: [service.director]
      volumeIndicator:
        statement: "A member whose enquiries far exceed the norm is shown to the chief executive."
        silent: "The protocol sets no threshold; Probity flags three times the median over a year."
        multipleOfMedian: 3.0
        windowMonths: 12
        visibleTo: [chief-executive, service.director]
      confidentiality:
        statement: "Only the member, their assistant and the handling officers' line see an enquiry."
        cite: "12.3"
        roles: []
      correspondenceConsent:
        statement: "One member's correspondence is copied to another only with their consent."
        silent: "The protocol does not address copying correspondence."
        inForce: false

    complaints:
      acknowledgementDeadline: {statement: "Complaints are acknowledged within 5 working days.", silent: "Probity's default, the period London Councils sets.", workingDays: 5}
      routes:
        - key: member-about-officer
          statement: "A member's complaint about an officer goes to the officer's director."
          cite: {paragraphs: ["13"], heading: "Formal complaint by a Member about an officer"}
          complainant: member
          about: officer
          procedure: formal
          routing: {to: [subject.director], inform: [chief-executive]}
          complainantLearns: "The outcome of any disciplinary investigation, not its details."
        - key: member-about-chief-executive
          statement: "A complaint about the chief executive follows the statutory procedure."
          cite: "14.2"
          complainant: member
          about: chief-executive
          procedure: statutory
          routing: {to: [monitoring-officer], copyTo: [independent-person]}
          statutoryInstrument: "Local Authorities (Standing Orders) (England) Regulations 2001"
        - key: officer-about-member
          statement: "An officer's complaint about a member goes to the monitoring officer."
          cite: "14.4"
          complainant: officer
          about: member
          procedure: formal
          routing:
            to: [monitoring-officer]
      informalLadder:
        statement: "There is no informal ladder."
        silent: "The protocol sets no informal ladder."
        inForce: false
        steps: []
      referral:
        statement: "A dissatisfied complainant may refer the complaint to the chief executive."
        cite: "13.8"
        to: [chief-executive]
      needToKnow:
        statement: "Full details go only to those who need to know."
        cite: "13.9"
        roles: [chief-executive, chair, complaints-officer]
      complainantIdentityProtected:
        statement: "The complainant's identity is disclosed only on a need-to-know basis."
        cite: "13.9"
      improperInfluence:
        statement: "Improper pressure on an officer is reported to their director."
        cite: "15.1"
        to: [complainant.director]
        inform: [chief-executive]
      monitoring:
        statement: "The complaints officer monitors complaints and reports to the Standards Committee."
        cite: "13.10"
        to: [complaints-officer]
        inform: [standards-committee]
      repeatedComplaintsIndicator:
        statement: "Repeated minor complaints by one person raise an indicator."
        silent: "The protocol sets no threshold."
        count: 3
        withinMonths: 12

    declarations:
      registrationPeriod:
        statement: "Interests are registered within 28 days."
        silent: "Localism Act 2011 ss.30-31."
        calendarDays: 28
      memberRelationshipRecipients:
        statement: "A member reports a close relationship with an officer to their group leader."
        cite: "5.2"
        to: [declarant.group-leader]
      officerRelationshipRecipients:
        statement: "An officer reports a close relationship with a member to the chief executive."
        cite: "5.2"
        to: [chief-executive]
      recruitment:
        statement: "Relationships with candidates are declared to the HR director."
        cite: "5.4"
        to: [hr-director]
      councilTaxArrearsMonths:
        statement: "Members two months in arrears do not vote on the budget."
        silent: "Local Government Finance Act 1992 s.106."
        months: 2
      relativeInDepartmentBarsCommittee:
        statement: "A member does not sit on the committee for a department where a relative works."
        cite: "14.15"
      relatedOfficerDecisionBar:
        statement: "A member takes no part in decisions affecting a related officer."
        cite: "5.3"

    information:
      needToKnowDecision:
        statement: "The director decides need-to-know requests; refusals go to the governance director."
        cite: "12.22"
        decidedBy: [service.director]
        referredTo: [governance-director]
      fishingRefused:
        statement: "Fishing expeditions are refused."
        cite: "12.11"
      redactedRelease:
        statement: "A redacted version may be released."
        cite: "12.12"
      freedomOfInformationRoute:
        statement: "Where anyone could ask, the Freedom of Information route is offered."
        silent: "The protocol does not mention FOI."
      draftsAdministrationOnly:
        statement: "Drafts are for the administration only."
        cite: "12.13"
      partyConfidence:
        statement: "Party-political confidences are kept; apparent unlawfulness goes to the monitoring officer."
        cite: "12.14"
        to: [monitoring-officer]

    briefings:
      gatekeeper:
        statement: "Groups ask the chief executive for briefings."
        cite: "6.4"
        to: [chief-executive]
      offerToOtherGroups:
        statement: "Other groups may ask for the same briefing."
        cite: "6.4"
        mode: on-request
      nonCouncillorAttendance:
        statement: "Non-councillors attend only with the chief executive's agreement."
        cite: "6.4 ii"
        to: [chief-executive]
      factsAndOptionsOnly:
        statement: "Officers give facts and options, not recommendations."
        cite: "6.4 iii"
      officerLeavesBeforeDecision:
        statement: "The officer leaves before any decision."
        silent: "The protocol is silent; Probity records the officer's departure."
      officerMayDecline:
        statement: "An officer cannot be instructed to attend."
        silent: "The protocol is silent."

    notifications:
      privateTime:
        statement: "Messages outside working hours wait until the next working morning."
        silent: "Ordinary office hours."
        start: "08:00"
        end: "18:00"
      wardMatters:
        statement: "Ward members are told of matters in their ward."
        cite: "11.1"
        kinds: [event, public-meeting, consultation, major-incident]
        includeAdjoiningWards: true
      preElectionMeetings:
        statement: "No public meetings on council premises before an election."
        cite: "11.5"
      delegatedDecisionConsultation:
        statement: "A consulted member does not sign off a delegated decision."
        cite: "10.2"
        to: [chief-executive, monitoring-officer, chief-finance-officer]
      lettersInMembersName:
        statement: "Letters creating obligations are not issued in a member's name."
        cite: "7.2"
      mediaClearance:
        statement: "Officer contact with the media is cleared with communications."
        cite: "15.4"
        to: [communications]
      departmentVisits:
        statement: "Visits to a department are notified to its director."
        cite: "4.6"
        to: [matter.director]

    guidance:
      - key: no-insisting-on-discipline
        context: complaints
        audience: members
        statement: "A member must not insist that an officer is disciplined."
        cite: {paragraphs: ["13"], heading: "Formal complaint by a Member about an officer"}
      - key: no-public-criticism
        context: general
        audience: everyone
        statement: "Members and officers do not criticise each other in public."
        cite: "4.2"
    """#

    /// The valid fixture with `old` (which must occur exactly once) replaced by `new`.
    static func replacing(_ old: String, with new: String, in yaml: String = valid) -> String {
        let count = yaml.components(separatedBy: old).count - 1
        if count != 1 {
            Issue.record("fixture text occurs \(count) times, not once: \(old)")
        }
        return yaml.replacingOccurrences(of: old, with: new)
    }

    /// The valid fixture without the lines from the one containing `start` up to (not including)
    /// the one containing `end`.
    static func removingLines(from start: String, to end: String, in yaml: String = valid) -> String {
        var lines = yaml.components(separatedBy: "\n")
        guard let first = lines.firstIndex(where: { $0.contains(start) }),
              let last = lines[(first + 1)...].firstIndex(where: { $0.contains(end) }) else {
            Issue.record("fixture lines not found: \(start) … \(end)")
            return yaml
        }
        lines.removeSubrange(first..<last)
        return lines.joined(separator: "\n")
    }

    /// The 1-based line of the first line containing `text`.
    static func line(of text: String, in yaml: String, after marker: String? = nil) -> Int? {
        let lines = yaml.components(separatedBy: "\n")
        let start = marker.flatMap { marker in lines.firstIndex { $0.contains(marker) } } ?? 0
        return lines[start...].firstIndex { $0.contains(text) }.map { $0 + 1 }
    }

    static func issues(_ yaml: String) -> [ProfileIssue] {
        ProfileLoader.issues(in: yaml)
    }

    /// The only issue at `path`, recording a test issue if there is not exactly one.
    static func issue(at path: String, in issues: [ProfileIssue], sourceLocation: SourceLocation = #_sourceLocation) -> ProfileIssue? {
        let matching = issues.filter { $0.path == path }
        #expect(matching.count == 1, "expected one issue at \(path), found: \(issues.map(\.description))", sourceLocation: sourceLocation)
        return matching.first
    }
}
