import Fluent
import Foundation
import ProbityCore
import Vapor

/// The demo council's documents of each access class, a group briefing request and a
/// party-political confidence, so the information pages have something to show.
enum DemoInformation {
    static func seed(_ app: Application, at now: Date) async throws {
        guard let authority = try await Authority.query(on: app.db).filter(\.$slug == DemoSeeder.slug).first() else { return }
        let a = try authority.requireID()
        let db = app.db
        func officer(_ name: String) async throws -> Officer? { try await Officer.scoped(to: a, on: db).filter(\.$name == name).first() }
        func member(_ name: String) async throws -> Member? { try await Member.scoped(to: a, on: db).filter(\.$name == name).first() }
        guard let highwaysHead = try await officer("Sam Turner"), let housingHead = try await officer("Fatima Ali"),
              let memberServices = try await officer("Aisha Khan"),
              let cabinet = try await Committee.scoped(to: a, on: db).filter(\.$name == "Cabinet").first(),
              let forward = try await PartyGroup.scoped(to: a, on: db).filter(\.$name == "Forward Together Group").first(),
              let okafor = try await member("Grace Okafor"), let hughes = try await member("Tom Hughes") else { return }
        let dataDirectory = app.probity.settings.dataDirectory
        var documents: [DocumentRecord] = []
        func document(_ title: String, kind: String, category: Int? = nil, group: UUID? = nil, committee: Committee? = nil,
                      by filer: Officer, subjects: [String] = [], summary: String) throws {
            let text = "\(title)\n\n\(summary)\n\nDemo document: not a real council paper.\n"
            let (files, _) = AttachmentStore.check([.init(filename: title.lowercased().replacingOccurrences(of: " ", with: "-").filter { $0.isLetter || $0.isNumber || $0 == "-" } + ".txt",
                                                          data: Data(text.utf8))], field: "file")
            guard let file = files.first else { return }
            let d = DocumentRecord()
            d.id = UUID()
            d.authorityID = a
            d.title = title
            d.classKind = kind
            d.exemptCategory = category
            d.ownerGroupID = group
            d.serviceID = filer.serviceID
            d.ownerOfficerID = filer.id
            d.committeeID = committee?.id
            d.isCabinetItem = committee?.committeeKind == "cabinet"
            d.subjects = subjects
            d.wardIDs = []
            d.disclosableToAnyone = false
            d.summary = summary
            d.filename = file.filename
            d.contentType = file.contentType
            d.byteCount = file.data.count
            d.sha256 = file.sha256
            d.storedPath = try AttachmentStore.write(file, authorityID: a, dataDirectory: dataDirectory)
            d.filedByOfficerID = filer.id!
            d.filedAt = now
            documents.append(d)
        }
        try document("Highways capital programme 2027/28", kind: "public", committee: cabinet, by: highwaysHead, subjects: ["highways"],
                     summary: "The schemes proposed for next year's highways capital programme.")
        try document("Depot site disposal: valuation advice", kind: "exempt", category: 3, committee: cabinet, by: highwaysHead, subjects: ["depot", "budget"],
                     summary: "Valuation advice on the former depot site (Part II, Schedule 12A paragraph 3).")
        try document("Housing allocations policy review (draft)", kind: "draft-policy", by: housingHead, subjects: ["housing"],
                     summary: "Emerging policy: for the administration's group only until published.")
        try document("Forward Together Group: budget amendment notes", kind: "group-internal", group: forward.id, by: memberServices,
                     summary: "Notes the group gave officers for costing its budget amendment.")
        try document("Tenancy file: 14 Harbour Row", kind: "personal", by: housingHead, subjects: ["housing"],
                     summary: "An individual's tenancy records: not accessible to councillors.")

        let current = try await AuthorityProtocol.load(authorityID: a, on: db)
        let org = try await OrgSnapshot.load(authorityID: a, on: db)
        let briefing = try? BriefingRequest.request(id: UUID(), by: .member(Viewer(kind: .member, personID: hughes.id, groupID: hughes.groupID)),
                                                    topic: "The budget consultation timetable", at: now, profile: current.profile, org: org)
        let confidence = try? PartyConfidenceRecord.record(id: UUID(), by: Viewer(kind: .officer, personID: highwaysHead.id), givenByMemberID: okafor.id!,
                                                           setting: .privateConversation,
                                                           summary: "The Leader plans to propose closing the Castle Hill depot in the budget.",
                                                           matterServiceID: highwaysHead.serviceID, at: now, profile: current.profile, org: org)
        let docs = documents
        try await app.write { db in
            for d in docs { try await d.create(on: db) }
            if let briefing {
                let row = BriefingRecordRow()
                row.id = briefing.id
                row.authorityID = a
                row.groupID = briefing.groupID
                row.requestedByMemberID = briefing.requestedByMemberID
                row.requestedAt = now
                try row.store(briefing, at: now)
                try await row.create(on: db)
            }
            if let confidence {
                let row = ConfidenceRecord()
                row.id = confidence.id
                row.authorityID = a
                row.groupID = confidence.groupID
                row.givenByMemberID = confidence.givenByMemberID
                row.receivedByOfficerID = confidence.receivedByOfficerID
                row.receivedAt = now
                try row.store(confidence, at: now)
                try await row.create(on: db)
            }
            try await AuditLog.append(AuditEvent(authorityID: a, actorUserID: nil, actorName: "probity demo", action: "demo.seed-information",
                                                 resourceType: "authority", resourceID: a.uuidString, detail: ["documents": "\(docs.count)"]), on: db, at: now)
        }
    }
}
