import Foundation
import ProbityCore

/// A briefing as the group that asked and the officers concerned see it.
struct BriefingJSON: Encodable, Sendable {
    struct Offer: Encodable, Sendable {
        var group: NamedRef
        var topic: String
        var status: String
        var offeredAt: Date
    }
    struct Option: Encodable, Sendable {
        var title: String
        var merits: [String]
        var demerits: [String]
    }
    struct Record: Encodable, Sendable {
        var facts: [String]
        var options: [Option]
        var by: String
        var savedAt: Date
        var savedDisplay: String
    }
    struct Event: Encodable, Sendable {
        var kind: String
        var at: Date
        var atDisplay: String
        var by: String?
        var note: String?
        var citations: [String]
    }

    var id: UUID
    var group: NamedRef
    var topic: String
    var service: NamedRef?
    var requestedBy: NamedRef
    var raisedByAssistant: Bool
    var requestedAt: Date
    var requestedDisplay: String
    var status: String
    var gatekeepers: [NamedRef]
    var nonCouncillorsAttending: [String]
    var agreementNeededFrom: [NamedRef]
    var attendanceAgreed: Bool?
    var attendanceNote: String?
    var assignedOfficer: NamedRef?
    var accompanyingOfficers: [NamedRef]
    var declinedBy: [String]
    var offers: [Offer]
    var answersOffer: Bool
    var heldAt: Date?
    var officerLeftBeforePartyBusiness: Bool?
    var record: Record?
    var history: [Event]

    init(_ b: BriefingRequest, ctx: InformationContext, showRecord: Bool) {
        let officer = { (id: UUID) in NamedRef(id: id, name: ctx.officerName(id)) }
        id = b.id
        group = NamedRef(id: b.groupID, name: ctx.groupName(b.groupID))
        topic = b.topic
        service = b.matterServiceID.map { NamedRef(id: $0, name: ctx.serviceName($0)) }
        requestedBy = NamedRef(id: b.requestedByMemberID, name: ctx.memberName(b.requestedByMemberID))
        raisedByAssistant = b.raisedByAssistantID != nil
        requestedAt = b.requestedAt
        requestedDisplay = DisplayFormat.dateTime(b.requestedAt)
        status = b.status.rawValue
        gatekeepers = b.gatekeeperIDs.map(officer)
        nonCouncillorsAttending = b.nonCouncillorsAttending
        agreementNeededFrom = b.agreementGiverIDs.map(officer)
        attendanceAgreed = b.attendanceAgreement?.agreed
        attendanceNote = b.attendanceAgreement?.note
        assignedOfficer = b.assignedOfficerID.map(officer)
        accompanyingOfficers = b.accompanyingOfficerIDs.map(officer)
        declinedBy = b.declines.map { ctx.officerName($0.officerID) }
        offers = b.offers.map { Offer(group: NamedRef(id: $0.toGroupID, name: ctx.groupName($0.toGroupID)), topic: $0.topic,
                                      status: $0.status.rawValue, offeredAt: $0.offeredAt) }
        answersOffer = b.answersOffer
        heldAt = b.heldAt
        officerLeftBeforePartyBusiness = b.officerLeftBeforePartyBusiness
        record = showRecord ? b.record.map {
            Record(facts: $0.facts, options: $0.options.map { Option(title: $0.title, merits: $0.merits, demerits: $0.demerits) },
                   by: ctx.officerName($0.byOfficerID), savedAt: $0.savedAt, savedDisplay: DisplayFormat.dateTime($0.savedAt))
        } : nil
        history = b.history.map { event in
            let by: String? = switch event.by {
            case .officer(let id)?: ctx.officerName(id)
            case .member(let id)?: ctx.memberName(id)
            case nil: nil
            }
            return Event(kind: event.kind.rawValue, at: event.at, atDisplay: DisplayFormat.dateTime(event.at), by: by, note: event.note,
                         citations: event.rules.map(\.citation))
        }
    }
}

/// What another group sees of a briefing offered to it: the gatekeeper's neutral words, nothing
/// of who asked or what was said (TH 6.3; LC 6; LE 14).
struct BriefingOfferJSON: Encodable, Sendable {
    var briefingId: UUID
    var group: NamedRef
    var topic: String
    var status: String
    var offeredAt: Date
    var offeredDisplay: String
}
