import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

/// The complaints world (a Chief Executive, directors, a Director of Governance, heads of service,
/// a Monitoring Officer, two groups of which A forms the administration, an independent, an
/// assistant acting for Member A) with committees, seats, a declared interest and a set of
/// documents of every class, filed through the API.
struct InformationWorld {
    typealias Who = ComplaintWorld.Who
    var base: ComplaintWorld
    var cabinetID: UUID
    var planningID: UUID
    var scrutinyID: UUID
    var documents: [Doc: UUID] = [:]

    enum Doc: String, CaseIterable, Sendable {
        case publicReport, planningPartII, cabinetHousingPartII, cabinetBudgetPartII, confidentialOrder, groupAInternal, groupBInternal, draftPolicy, personalRecord
    }

    static let monday = ComplaintWorld.monday
    /// A tiny PDF.
    static let pdf = Data("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)
    static let redactedPDF = Data("%PDF-1.4\n% redacted\ntrailer<<>>\n%%EOF\n".utf8)

    func id(_ who: Who) -> UUID { base.ref(who).id }
    func api(_ app: Application, _ who: Who) async throws -> APIClient { try await base.api(app, who) }
    func assistant(_ app: Application) async throws -> APIClient { APIClient(app: app, token: try await Fixtures.token(app, base.assistantEmail)) }
    func doc(_ d: Doc) -> String { documents[d]!.uuidString.lowercased() }

    static func make(_ app: Application, slug: String = "th", profile: String = "tower-hamlets", documents withDocuments: Bool = true) async throws -> InformationWorld {
        let base = try await ComplaintWorld.make(app, slug: slug, profile: profile)
        let db = app.db
        let a = base.authorityID
        func committee(_ name: String, _ kind: String, terms: String? = nil, members: [Who]) async throws -> UUID {
            let c = Committee(); c.authorityID = a; c.name = name; c.committeeKind = kind; c.termsOfReference = terms
            try await c.create(on: db)
            for who in members {
                let seat = CommitteeMembership(); seat.authorityID = a; seat.committeeID = c.id; seat.memberID = base.ref(who).id; seat.role = "member"
                try await seat.create(on: db)
            }
            return try c.requireID()
        }
        let cabinet = try await committee("Cabinet", "cabinet", members: [.leaderA])
        let planning = try await committee("Planning", "regulatory", members: [.memberB, .memberA])
        let scrutiny = try await committee("Overview and Scrutiny", "overview-and-scrutiny", terms: "Housing, Adult social care", members: [.leaderB])
        // Member A has an interest in the Riverside appeal: a private individual's access only (TH 12.7).
        let interest = DeclaredInterestRecord(); interest.authorityID = a; interest.memberID = base.ref(.memberA).id
        interest.subject = "riverside-appeal"; interest.declaredAt = monday
        try await interest.create(on: db)
        var world = InformationWorld(base: base, cabinetID: cabinet, planningID: planning, scrutinyID: scrutiny)
        guard withDocuments else { return world }
        let groups = try await PartyGroup.query(on: db).filter(\.$authorityID == a).all()
        let groupA = groups.first { $0.name == "Group A" }!.id!, groupB = groups.first { $0.name == "Group B" }!.id!
        func file(_ d: Doc, by who: Who, _ fields: String) async throws {
            let reply = try await world.api(app, who).call(.POST, "/api/v1/documents", json: #"{"title":"\#(d.rawValue)",\#(fields),"file":{"filename":"\#(d.rawValue).pdf","contentBase64":"\#(pdf.base64EncodedString())"}}"#)
            guard reply.status == .created, case .string(let id)? = reply["id"] else { throw TestFailure("filing \(d): \(reply.status) \(reply.body)") }
            world.documents[d] = UUID(uuidString: id)
        }
        try await file(.publicReport, by: .highwaysOfficer, #""documentClass":"public""#)
        try await file(.planningPartII, by: .highwaysOfficer, #""documentClass":"exempt","exemptCategory":3,"committee":"\#(planning)","subjects":["Riverside appeal"]"#)
        try await file(.cabinetHousingPartII, by: .caseworker, #""documentClass":"exempt","exemptCategory":1,"committee":"\#(cabinet)","subjects":["housing"]"#)
        try await file(.cabinetBudgetPartII, by: .highwaysOfficer, #""documentClass":"exempt","exemptCategory":3,"committee":"\#(cabinet)","subjects":["budget"],"disclosableToAnyone":true"#)
        try await file(.confidentialOrder, by: .highwaysOfficer, #""documentClass":"confidential""#)
        try await file(.groupAInternal, by: .highwaysOfficer, #""documentClass":"group-internal","ownerGroup":"\#(groupA)""#)
        try await file(.groupBInternal, by: .highwaysOfficer, #""documentClass":"group-internal","ownerGroup":"\#(groupB)""#)
        try await file(.draftPolicy, by: .highwaysOfficer, #""documentClass":"draft-policy""#)
        try await file(.personalRecord, by: .caseworker, #""documentClass":"personal""#)
        return world
    }

    /// Makes a need-to-know request through the API; returns the reply.
    @discardableResult
    func ask(_ app: Application, _ who: Who, for d: Doc, kind: String = "ward-problem",
             reason: String = "Residents in my ward have raised the road closure and I need the background to answer them.") async throws -> APIClient.Reply {
        let ward = kind == "ward-problem" ? #","ward":"\#(try await wardID(app))""# : ""
        return try await api(app, who).call(.POST, "/api/v1/access-requests",
                                            json: #"{"document":"\#(doc(d))","reasonKind":"\#(kind)","reason":"\#(reason)"\#(ward)}"#)
    }

    func wardID(_ app: Application) async throws -> String {
        if let ward = try await Ward.query(on: app.db).filter(\.$authorityID == base.authorityID).first() { return ward.id!.uuidString.lowercased() }
        let ward = Ward(); ward.authorityID = base.authorityID; ward.name = "Riverside"; ward.gssCode = "E05000002"
        try await ward.create(on: app.db)
        return ward.id!.uuidString.lowercased()
    }
}

