import Fluent
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Enquiries: intake, routing and deadlines")
struct EnquiryIntakeTests {
    /// Tue 1 Dec 2026, 10:00 London.
    static let start = CalendarDate(iso: "2026-12-01")!.instant(hour: 10)

    @Test("A routine enquiry goes to the Head of Service, due in 10 working days with its citation", arguments: TestDatabase.all)
    func routine(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.start)) { app, _ in
            let e = try await EnquiryFixture.make(app)
            let member = try await e.api(app, e.base.north.memberEmail)
            let reply = try await e.raise(member)
            #expect(reply.status == .created, "\(reply.body)")
            #expect(reply.string("reference") == "ENQ-2026-00001")
            #expect(reply.string("status") == "received")
            #expect(reply.object("handler")?["id"] == .string(e.headOfService.uuidString))
            #expect(reply.string("dueOn") == "2026-12-15")
            #expect(reply.object("dueRule")?["ruleId"] == .string("enquiries.responseDeadline"))
            #expect(reply.object("dueRule")?["citation"] == .string("Tower Hamlets protocol 13.5"))
            #expect(reply.string("dueDisplay") == "Due Tue 15 Dec 2026 — 10 working days (Tower Hamlets protocol 13.5)")
            // The handler is told, and the change is audited.
            #expect(try await Notification.query(on: app.db).filter(\.$personID == e.headOfService).count() == 1)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "enquiry.create").filter(\.$outcome == "success").count() == 1)
            let second = try await e.raise(member, subject: "Street light out")
            #expect(second.string("reference") == "ENQ-2026-00002")
        }
    }

    @Test("A non-routine or policy enquiry goes to the Director")
    func nonRoutine() async throws {
        try await withProbity(clock: TestClock(Self.start)) { app, _ in
            let e = try await EnquiryFixture.make(app)
            let member = try await e.api(app, e.base.north.memberEmail)
            let marked = try await e.raise(member, nonRoutine: true)
            #expect(marked.object("handler")?["id"] == .string(e.director.uuidString))
            #expect(marked["routine"] == .bool(false))
            let policy = try await e.raise(member, purpose: "policy")
            #expect(policy.object("handler")?["id"] == .string(e.director.uuidString))
        }
    }

    @Test("Due dates skip Christmas, Boxing Day substitute and New Year")
    func bankHolidays() async throws {
        let friday = CalendarDate(iso: "2026-12-18")!.instant(hour: 11)
        try await withProbity(clock: TestClock(friday)) { app, _ in
            let e = try await EnquiryFixture.make(app)
            let reply = try await e.raise(try await e.api(app, e.base.north.memberEmail))
            #expect(reply.string("dueOn") == "2027-01-06")
        }
    }

    @Test("Party political help is refused at intake with the protocol's reason, and nothing is saved", arguments: TestDatabase.all)
    func refusedPurpose(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.start)) { app, _ in
            let e = try await EnquiryFixture.make(app)
            let member = try await e.api(app, e.base.north.memberEmail)
            for purpose in ["party-political", "campaigning", "personal", "private-business"] {
                let reply = try await e.raise(member, purpose: purpose)
                #expect(reply.status == .unprocessableEntity, "\(purpose)")
                #expect(reply.errorFields == ["purpose"])
                #expect(reply.body.contains("Tower Hamlets protocol"), "\(purpose): \(reply.body)")
            }
            #expect(try await EnquiryRecord.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "enquiry.create").filter(\.$outcome == "refused").count() == 4)
        }
    }

    @Test("Bad input gets field errors and saves nothing", arguments: TestDatabase.all)
    func badInput(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.start)) { app, _ in
            let e = try await EnquiryFixture.make(app)
            let member = try await e.api(app, e.base.north.memberEmail)
            let missing = try await member.call(.POST, "/api/v1/enquiries", json: #"{"purpose":"ward-casework","service":"\#(e.highways)"}"#)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.errorFields.contains("subject"))
            #expect(missing.errorFields.contains("details"))
            let unknownService = try await e.raise(member, service: UUID())
            #expect(unknownService.status == .unprocessableEntity)
            #expect(unknownService.errorFields.contains("service"))
            let wrongTypes = try await member.call(.POST, "/api/v1/enquiries", json: #"{"subject":7,"details":"x","purpose":"policy","service":"\#(e.highways)","nonRoutine":"yes"}"#)
            #expect(wrongTypes.status == .unprocessableEntity)
            #expect(Set(wrongTypes.errorFields).isSuperset(of: ["subject", "nonRoutine"]))
            let extra = try await e.raise(member, extra: #","priority":"urgent""#)
            #expect(extra.status == .unprocessableEntity, "members cannot set priority (TH 11.7)")
            #expect(extra.errorFields == ["priority"])
            let ms = try await e.api(app, EnquiryFixture.emails.memberServices)
            let noMember = try await e.raise(ms)
            #expect(noMember.status == .unprocessableEntity)
            #expect(noMember.errorFields.contains("member"))
            let unknownMember = try await e.raise(ms, extra: #","member":"\#(UUID())""#)
            #expect(unknownMember.errorFields.contains("member"))
            let notJSON = try await member.call(.POST, "/api/v1/enquiries", json: "subject=x", contentType: "application/x-www-form-urlencoded")
            #expect(notJSON.status == .unsupportedMediaType)
            #expect(try await EnquiryRecord.query(on: app.db).count() == 0)
        }
    }

    @Test("Who may raise for whom: assistants for their members, member services for anyone, nobody else", arguments: TestDatabase.all)
    func whoMayRaise(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.start)) { app, _ in
            let e = try await EnquiryFixture.make(app)
            let memberID = e.base.north.memberID.uuidString
            let assistant = try await e.api(app, EnquiryFixture.emails.assistant)
            let forTheirMember = try await e.raise(assistant, extra: #","member":"\#(memberID)""#)
            #expect(forTheirMember.status == .created, "\(forTheirMember.body)")
            #expect(forTheirMember.string("raisedBy")?.hasPrefix("assistant") == true)
            let forAnother = try await e.raise(assistant, extra: #","member":"\#(e.otherGroupMember.uuidString)""#)
            #expect(forAnother.status == .forbidden)
            #expect(forAnother.isProblem)
            let ms = try await e.api(app, EnquiryFixture.emails.memberServices)
            let logged = try await e.raise(ms, extra: #","member":"\#(e.otherGroupMember.uuidString)","channel":"phone""#)
            #expect(logged.status == .created)
            let otherMember = try await e.api(app, EnquiryFixture.emails.sameGroupMember)
            let forColleague = try await e.raise(otherMember, extra: #","member":"\#(memberID)""#)
            #expect(forColleague.status == .forbidden)
            let officer = try await e.api(app, EnquiryFixture.emails.caseOfficer)
            #expect(try await e.raise(officer, extra: #","member":"\#(memberID)""#).status == .forbidden)
            #expect(try await EnquiryRecord.query(on: app.db).count() == 2)
        }
    }
}
