import Fluent
import Testing
import Foundation
import ProbityCore
import Vapor
@testable import ProbityServer

/// North's directory filled out for enquiries: a Highways service with its head and a case
/// officer, their director, a Parks service with its own staff, member services, an assistant,
/// and members of two groups, each with a sign-in.
struct EnquiryFixture {
    var base: Fixtures
    var highways: UUID
    var parks: UUID
    var director: UUID
    var headOfService: UUID
    var caseOfficer: UUID
    var parksOfficer: UUID
    var memberServices: UUID
    var otherGroupMember: UUID

    static let emails = (director: "director@north.test", head: "head@north.test", caseOfficer: "case@north.test",
                         parks: "parks@north.test", memberServices: "ms@north.test", assistant: "assistant@north.test",
                         sameGroupMember: "cllr.same@north.test", otherGroupMember: "cllr.other@north.test")

    static func make(_ app: Application) async throws -> EnquiryFixture {
        let f = try await Fixtures.make(app)
        let a = f.north.authorityID
        let db = app.db
        func officer(_ name: String, _ post: String, service: UUID?, directorate: UUID?, manager: UUID?, designations: [String] = []) async throws -> UUID {
            let o = Officer(); o.authorityID = a; o.name = name; o.jobTitle = name; o.post = post; o.designations = designations
            o.serviceID = service; o.directorateID = directorate; o.lineManagerOfficerID = manager; o.politicallyRestricted = true
            try await o.create(on: db); return try o.requireID()
        }
        let director = try await officer("Dana Director", "corporate-director", service: nil, directorate: f.north.directorateID, manager: nil)
        let directorate = try #require(try await Directorate.find(f.north.directorateID, on: db))
        directorate.directorOfficerID = director; try await directorate.update(on: db)
        let highways = try #require(try await Service.find(f.north.serviceID, on: db))
        let head = try await officer("Harriet Head", "head-of-service", service: f.north.serviceID, directorate: f.north.directorateID, manager: director)
        highways.headOfServiceOfficerID = head; try await highways.update(on: db)
        let caseOfficer = try await officer("Cass Officer", "officer", service: f.north.serviceID, directorate: f.north.directorateID, manager: head)
        let parksService = Service(); parksService.authorityID = a; parksService.name = "Parks"; parksService.directorateID = f.north.directorateID
        try await parksService.create(on: db)
        let parksHead = try await officer("Pat Parks", "head-of-service", service: parksService.id, directorate: f.north.directorateID, manager: director)
        parksService.headOfServiceOfficerID = parksHead; try await parksService.update(on: db)
        let ms = try await officer("Morgan Services", "officer", service: nil, directorate: nil, manager: nil, designations: ["member-services"])
        let otherGroup = PartyGroup(); otherGroup.authorityID = a; otherGroup.name = "Opposition"; otherGroup.isAdministration = false
        try await otherGroup.create(on: db)
        let other = Member(); other.authorityID = a; other.name = "Cllr Olu Other"; other.position = "councillor"; other.wardID = f.north.wardID
        other.groupID = otherGroup.id; other.executiveRole = "none"; try await other.create(on: db)
        let same = try #require(try await Member.find(f.north.otherMemberID, on: db))
        same.groupID = f.north.groupID; try await same.update(on: db)
        let assistant = try #require(try await GroupAssistant.scoped(to: a, on: db).first())

        let hash = try await app.password.async.hash(Fixtures.password)
        for (email, kind, person) in [(emails.director, User.PersonKind.officer, director), (emails.head, .officer, head),
                                      (emails.caseOfficer, .officer, caseOfficer), (emails.parks, .officer, parksHead),
                                      (emails.memberServices, .officer, ms), (emails.assistant, .assistant, try assistant.requireID()),
                                      (emails.sameGroupMember, .member, f.north.otherMemberID), (emails.otherGroupMember, .member, try other.requireID())] {
            try await User(authorityID: a, email: email, displayName: email, passwordHash: hash, personKind: kind, personID: person).create(on: db)
        }
        return EnquiryFixture(base: f, highways: f.north.serviceID, parks: try parksService.requireID(), director: director, headOfService: head,
                              caseOfficer: caseOfficer, parksOfficer: parksHead, memberServices: ms, otherGroupMember: try other.requireID())
    }

    func api(_ app: Application, _ email: String) async throws -> APIClient {
        APIClient(app: app, token: try await Fixtures.token(app, email))
    }

    func raise(_ client: APIClient, subject: String = "Pothole on Mile End Road", purpose: String = "ward-casework",
               service: UUID? = nil, nonRoutine: Bool = false, extra: String = "") async throws -> APIClient.Reply {
        let body = #"{"subject":"\#(subject)","details":"A deep pothole outside number 12.","purpose":"\#(purpose)","service":"\#((service ?? highways).uuidString)","ward":"\#(base.north.wardID.uuidString)","nonRoutine":\#(nonRoutine)\#(extra)}"#
        return try await client.call(.POST, "/api/v1/enquiries", json: body)
    }
}

extension APIClient.Reply {
    func string(_ key: String) -> String? {
        if case .string(let s)? = self[key] { return s }
        return nil
    }
    func object(_ key: String) -> [String: JSONValue]? {
        if case .object(let o)? = self[key] { return o }
        return nil
    }
}
