import Fluent
import Foundation
import ProbityCore
import Vapor

/// The cases one person may see, each as the access policy lets them see it. Candidates come
/// from the index of people named in cases (or, for those who need to know every case and the
/// officers monitoring them, every case of the authority); the policy then decides each one, and
/// counts and pages are taken after it, so a list never hints at a case the person may not see.
enum ComplaintListing {
    /// Which cases to list, by the person's part in them.
    enum Part: String, CaseIterable, Sendable {
        case all
        /// Cases the person made.
        case made
        /// Cases the person handles, investigates, assesses or needs to know in full.
        case handling
        /// Cases about the person, once the allegation is disclosed to them.
        case about
        /// Cases the person is a witness in or is told of.
        case involved
        /// The monitoring view of every case.
        case monitoring

        var label: String {
            switch self {
            case .all: "All I can see"
            case .made: "Made by me"
            case .handling: "Handling or investigating"
            case .about: "About me"
            case .involved: "Witness or told of"
            case .monitoring: "Monitoring"
            }
        }

        func includes(_ view: ComplaintView) -> Bool {
            switch self {
            case .all: true
            case .made: view.audiences.contains(.complainant)
            case .handling: view.audiences.contains(.full)
            case .about: view.audiences.contains(.subject)
            case .involved: view.audiences.contains(.witness) || view.audiences.contains(.informed)
            case .monitoring: view.audiences.contains(.monitoring)
            }
        }
    }

    struct Row: Encodable, Sendable {
        var id: String
        var reference: String
        var href: String
        /// "Handling", "Complainant", "Monitoring", …
        var part: String
        var kind: String?
        var kindLabel: String?
        var categoryLabel: String?
        var stage: String?
        var stageLabel: String?
        var subjectName: String?
        var receivedOn: String?
        var receivedDisplay: String?
        var acknowledgeBy: String?
        var acknowledgeByDisplay: String?
        var timeliness: String?
        var timelinessLabel: String?
        var overdue: Bool
    }

    struct Result: Sendable {
        var rows: [Row]
        var total: Int
    }

    static func list(part: Part, page: Int, perPage: Int, req: Request, context: ComplaintContext) async throws -> Result {
        guard let person = context.person else { return Result(rows: [], total: 0) }
        let authorityID = context.actor.authorityID
        var query = ComplaintRecord.scoped(to: authorityID, on: req.db)
        if !context.mayHaveCasesWithoutBeingNamed {
            let (kind, id) = NotificationCenter.split(person)
            let named = try await ComplaintPerson.scoped(to: authorityID, on: req.db)
                .filter(\.$personKind == kind).filter(\.$personID == id).all().map(\.complaintID)
            guard !named.isEmpty else { return Result(rows: [], total: 0) }
            query = query.filter(\.$id ~~ Array(Set(named)))
        }
        let records = try await query.sort(\.$receivedAt, .descending).sort(\.$referenceNumber, .descending).all()
        var visible: [(ComplaintRecord, ComplaintCase, ComplaintAccess)] = []
        for record in records {
            let complaint = try record.complaintCase()
            let access = context.access(complaint)
            if access.decision.allowed, part.includes(access.view) { visible.append((record, complaint, access)) }
        }
        let start = min(visible.count, (page - 1) * perPage)
        let end = min(visible.count, start + perPage)
        let rows = try visible[start..<end].map { try row($0.0, $0.1, $0.2, context: context) }
        return Result(rows: rows, total: visible.count)
    }

    static func row(_ record: ComplaintRecord, _ complaint: ComplaintCase, _ access: ComplaintAccess, context: ComplaintContext) throws -> Row {
        let view = access.view
        let id = try record.requireID().uuidString.lowercased()
        let timeliness = complaint.monitoringRecord.acknowledgementTimeliness(asOf: context.today)
        let deadline = try record.routingRecord().deadline(for: complaint)
        let timely = view.shows(.timeliness)
        return Row(
            id: id, reference: record.reference, href: "/complaints/\(id)", part: partLabel(view),
            kind: view.shows(.kind) ? complaint.kind.rawValue : nil,
            kindLabel: view.shows(.kind) ? complaint.kind.displayName.capitalizedFirst : nil,
            categoryLabel: view.shows(.category) ? complaint.category.displayName.capitalizedFirst : nil,
            stage: view.shows(.stage) ? complaint.stage.rawValue : nil,
            stageLabel: view.shows(.stage) ? complaint.stage.displayName.capitalizedFirst : nil,
            subjectName: view.shows(.subjectIdentity) ? context.name(complaint.subject) : nil,
            receivedOn: timely ? complaint.receivedOn.iso : nil,
            receivedDisplay: timely ? complaint.receivedOn.displayShort : nil,
            acknowledgeBy: timely ? complaint.acknowledgeBy.iso : nil,
            acknowledgeByDisplay: timely ? deadline.display : nil,
            timeliness: timely ? timeliness.rawValue : nil,
            timelinessLabel: timely ? timeliness.displayName.capitalizedFirst : nil,
            overdue: timely && timeliness == .overdue)
    }

    static func partLabel(_ view: ComplaintView) -> String {
        view.audiences.map { audience in
            switch audience {
            case .full: "Handling or need to know"
            case .complainant: "You made it"
            case .subject: "About you"
            case .witness: "Witness"
            case .informed: "Told of it"
            case .monitoring: "Monitoring"
            case .none: "None"
            }
        }.joined(separator: ", ")
    }
}
