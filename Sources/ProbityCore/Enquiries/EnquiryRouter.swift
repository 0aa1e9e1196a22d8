import Foundation

/// Where an accepted enquiry goes first: the officer who will handle it.
public struct EnquiryRoutingOutcome: Sendable, Hashable {
    public var officerID: UUID
    /// The routing-table entry that named them, e.g. `service.liaison-officer`.
    public var recipient: Recipient
    public var routine: Bool
    /// Earlier preferences nobody in the directory holds, so the page can say "no Head of
    /// Service is recorded; sent to the liaison officer".
    public var skipped: [Recipient]
    /// `enquiries.routing`, e.g. "Tower Hamlets protocol 4.6, 13.1 and 13.4".
    public var rule: RuleReference
    /// `enquiries.coveringSheet` when in force (TH 13.4): the enquiry goes with a covering sheet.
    public var coveringSheetRule: RuleReference?

    public init(officerID: UUID, recipient: Recipient, routine: Bool, skipped: [Recipient], rule: RuleReference,
                coveringSheetRule: RuleReference?) {
        self.officerID = officerID
        self.recipient = recipient
        self.routine = routine
        self.skipped = skipped
        self.rule = rule
        self.coveringSheetRule = coveringSheetRule
    }
}

/// Nobody in the directory can take the enquiry.
public struct EnquiryRoutingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// "Highways has no Head of Service or liaison officer in the directory. …"
    public var message: String
    public var rule: RuleReference
    public var description: String { message }
}

/// Routes enquiries by `profile.enquiries.routing`: routine ones down the `routine` list,
/// non-routine and policy ones down `nonRoutine` (TH 13.1, Wigan 4.5, LC 7), first entry that
/// names an officer wins.
public enum EnquiryRouter {
    public static func route(routine: Bool, serviceID: UUID, memberID: UUID, profile: ProtocolProfile,
                             org: OrgSnapshot) -> Result<EnquiryRoutingOutcome, EnquiryRoutingError> {
        let rule = profile.enquiries.routing
        let reference = rule.reference(in: profile.document)
        guard let service = org.services[serviceID] else {
            return .failure(EnquiryRoutingError(message: "That service is not in the directory.", rule: reference))
        }
        let preferences = routine ? rule.parameters.routine : rule.parameters.nonRoutine
        let parties = CaseParties([.service: .service(serviceID), .member: .member(memberID)])
        var skipped: [Recipient] = []
        for recipient in preferences {
            // Enquiries are handled by officers: an entry naming only members is passed over.
            let officer = org.resolve(recipient, parties: parties).people.lazy.compactMap { person -> UUID? in
                if case .officer(let id) = person { return id }
                return nil
            }.first
            if let officer {
                let sheet = profile.enquiries.coveringSheet
                return .success(EnquiryRoutingOutcome(
                    officerID: officer, recipient: recipient, routine: routine, skipped: skipped, rule: reference,
                    coveringSheetRule: sheet.inForce ? sheet.reference(in: profile.document) : nil
                ))
            }
            skipped.append(recipient)
        }
        return .failure(EnquiryRoutingError(
            message: missingMessage(service: service, preferences: preferences, routine: routine), rule: reference))
    }

    /// "Highways has no Head of Service or liaison officer in the directory. Add one, or ask
    /// member services to pass the enquiry on by hand."
    static func missingMessage(service: OrgSnapshot.Service, preferences: [Recipient], routine: Bool) -> String {
        guard !preferences.isEmpty else {
            return "The protocol profile names nobody to handle \(routine ? "routine" : "non-routine") enquiries. Ask member services to pass the enquiry on by hand."
        }
        let ofService = preferences.filter { $0.anchor == .service }.map { $0.role.enquiryPostName }
        let elsewhere = preferences.filter { $0.anchor != .service }.map { $0.role.enquiryPostName }
        var parts: [String] = []
        if !ofService.isEmpty { parts.append("\(service.name) has no \(ofService.enquiryOrList) in the directory") }
        if !elsewhere.isEmpty {
            parts.append(parts.isEmpty ? "The directory has no \(elsewhere.enquiryOrList)" : "nor is there a \(elsewhere.enquiryOrList)")
        }
        return parts.joined(separator: ", ") + ". Add one, or ask member services to pass the enquiry on by hand."
    }

    /// Whether `officerID` may be given an enquiry for `serviceID`: an officer of the service,
    /// its Head of Service, liaison officer or director; for a non-routine enquiry also any
    /// officer of the service's directorate, whom the director may nominate (TH 13.1).
    /// Returns the problem in plain English, or nil when the assignment is fine.
    public static func assignmentProblem(officerID: UUID, serviceID: UUID, routine: Bool, org: OrgSnapshot) -> String? {
        guard let officer = org.officers[officerID] else { return "That officer is not in the directory." }
        guard let service = org.services[serviceID] else { return "That service is not in the directory." }
        if officer.serviceID == serviceID || service.headOfServiceID == officerID || service.liaisonOfficerID == officerID
            || org.directorID(ofService: serviceID) == officerID {
            return nil
        }
        if !routine, let directorate = service.directorateID,
           (officer.directorateID ?? officer.serviceID.flatMap { org.services[$0]?.directorateID }) == directorate {
            return nil
        }
        return "\(officer.name) does not work in \(service.name). Assign the enquiry to an officer of the service."
    }
}

extension OrgRole {
    /// How routing messages name a post: "Head of Service", "liaison officer", "Chief Executive".
    var enquiryPostName: String {
        switch self {
        case .headOfService: "Head of Service"
        case .chiefExecutive: "Chief Executive"
        case .assistantDirector: "Assistant Director"
        case .director: "director"
        default: displayName
        }
    }
}

extension Array where Element == String {
    /// "a", "a or b", "a, b or c".
    var enquiryOrList: String {
        switch count {
        case 0: ""
        case 1: self[0]
        default: dropLast().joined(separator: ", ") + " or " + (last ?? "")
        }
    }
}
