import Foundation

/// What the access rules need to know about one document. The server builds it from its
/// document register; nothing here reads storage.
public struct DocumentFacts: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var title: String
    public var documentClass: DocumentClass
    /// The department the document belongs to: a need-to-know request goes to its Chief Officer
    /// or Divisional Director (TH 12.22(i); `information.needToKnowDecision.decidedBy`).
    public var serviceID: UUID?
    /// The officer who holds the document for the council.
    public var ownerOfficerID: UUID?
    /// The Cabinet, committee or sub-committee whose agenda the item is on (TH 12.6(ii)).
    public var committeeID: UUID?
    /// A Cabinet agenda item: Overview and Scrutiny members have a prima facie need to know its
    /// Part II items within their terms of reference (TH 12.6(iii)).
    public var isCabinetItem: Bool
    /// Subject tags ("housing", "budget-2026"): matched against scrutiny terms of reference and
    /// against members' declared interests (TH 12.6(iii), 12.7).
    public var subjects: Set<String>
    /// Wards the document concerns (a ward problem is a typical need to know, TH 12.10).
    public var wardIDs: Set<UUID>
    /// Officers' judgement that any person would be entitled to it under the Freedom of
    /// Information Act 2000, so it may be supplied without a formal request (Wigan 6.7).
    public var disclosableToAnyone: Bool

    public init(id: UUID, title: String, documentClass: DocumentClass, serviceID: UUID? = nil,
                ownerOfficerID: UUID? = nil, committeeID: UUID? = nil, isCabinetItem: Bool = false,
                subjects: Set<String> = [], wardIDs: Set<UUID> = [], disclosableToAnyone: Bool = false) {
        self.id = id
        self.title = title
        self.documentClass = documentClass
        self.serviceID = serviceID
        self.ownerOfficerID = ownerOfficerID
        self.committeeID = committeeID
        self.isCabinetItem = isCabinetItem
        self.subjects = subjects
        self.wardIDs = wardIDs
        self.disclosableToAnyone = disclosableToAnyone
    }

    /// The parties recipients in `information.*` routing are resolved against: the department
    /// (`service.director`), the officer holding it, and the matter (its department).
    func routingParties(requesterMemberID: UUID? = nil) -> CaseParties {
        var parties = CaseParties()
        if let serviceID {
            parties[.service] = .service(serviceID)
            parties[.matter] = .service(serviceID)
        }
        if let ownerOfficerID { parties[.officer] = .officer(ownerOfficerID) }
        if let requesterMemberID {
            parties[.requester] = .member(requesterMemberID)
            parties[.member] = .member(requesterMemberID)
        }
        return parties
    }
}
