import Fluent
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Enquiries: confidentiality, work, replies and chasing")
struct EnquiryWorkTests {
    static let start = CalendarDate(iso: "2026-12-01")!.instant(hour: 10)

    @Test("Only the member, their assistant and the handling line see an enquiry; every refusal is audited", arguments: TestDatabase.all)
    func confidentiality(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.start)) { app, _ in
            let e = try await EnquiryFixture.make(app)
            let created = try await e.raise(try await e.api(app, e.base.north.memberEmail))
            let id = try #require(created.string("id"))
            let path = "/api/v1/enquiries/\(id)"
            for email in [e.base.north.memberEmail, EnquiryFixture.emails.assistant, EnquiryFixture.emails.head, EnquiryFixture.emails.director] {
                #expect(try await e.api(app, email).call(.GET, path).status == .ok, "\(email) should see it")
            }
            for email in [EnquiryFixture.emails.sameGroupMember, EnquiryFixture.emails.otherGroupMember, EnquiryFixture.emails.parks,
                          EnquiryFixture.emails.caseOfficer, e.base.north.officerEmail] {
                let reply = try await e.api(app, email).call(.GET, path)
                #expect(reply.status == .forbidden, "\(email) must not see it")
                #expect(reply.isProblem)
                #expect(!reply.body.contains("Pothole"), "a refusal reveals nothing of the enquiry")
            }
            #expect(try await e.api(app, e.base.south.memberEmail).call(.GET, path).status == .notFound)
            #expect(try await e.api(app, e.base.south.adminEmail).call(.GET, path).status == .notFound)
            let refusals = try await AuditEntry.query(on: app.db).filter(\.$action == "enquiry.view").filter(\.$outcome == "refused").count()
            #expect(refusals == 5)
            // Lists never show it to those who may not see it.
            for email in [EnquiryFixture.emails.sameGroupMember, EnquiryFixture.emails.otherGroupMember, EnquiryFixture.emails.parks] {
                let list = try await e.api(app, email).call(.GET, "/api/v1/enquiries")
                #expect(list.status == .ok)
                #expect(!list.body.contains(id), "\(email)'s list")
                #expect(list.body.contains("\"total\":0"))
            }
            let headList = try await e.api(app, EnquiryFixture.emails.head).call(.GET, "/api/v1/enquiries?scope=mine")
            #expect(headList.body.contains(id))
            // The page refusal is clear and audited too.
            let browser = Browser(app)
            try await browser.signIn(EnquiryFixture.emails.otherGroupMember)
            let page = try await browser.get("/enquiries/\(id)")
            #expect(page.status == .forbidden)
            #expect(page.body.contains("confidential"))
        }
    }

    @Test("The handler acknowledges and answers; the member sees the answer but never the internal notes", arguments: TestDatabase.all)
    func answer(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.start)) { app, clock in
            let e = try await EnquiryFixture.make(app)
            let member = try await e.api(app, e.base.north.memberEmail)
            let id = try #require(try await e.raise(member).string("id"))
            let head = try await e.api(app, EnquiryFixture.emails.head)
            #expect(try await head.call(.POST, "/api/v1/enquiries/\(id)/acknowledgement", json: #"{"explanation":"Inspector visiting Thursday."}"#).string("status") == "acknowledged")
            #expect(try await head.call(.POST, "/api/v1/enquiries/\(id)/notes", json: #"{"note":"Contractor says three weeks."}"#).status == .ok)
            let assign = try await head.call(.POST, "/api/v1/enquiries/\(id)/assignment", json: #"{"officer":"\#(e.caseOfficer)"}"#)
            #expect(assign.object("handler")?["id"] == .string(e.caseOfficer.uuidString))
            let outside = try await head.call(.POST, "/api/v1/enquiries/\(id)/assignment", json: #"{"officer":"\#(e.parksOfficer)"}"#)
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.errorFields == ["officer"])
            clock.advance(3600)
            let caseOfficer = try await e.api(app, EnquiryFixture.emails.caseOfficer)
            let noText = try await caseOfficer.call(.POST, "/api/v1/enquiries/\(id)/response", json: #"{"route":"to-member"}"#)
            #expect(noText.status == .unprocessableEntity)
            #expect(noText.errorFields == ["reply"])
            let answered = try await caseOfficer.call(.POST, "/api/v1/enquiries/\(id)/response", json: #"{"route":"to-member","reply":"The pothole will be filled on 10 December."}"#)
            #expect(answered.string("status") == "responded")
            let seen = try await member.call(.GET, "/api/v1/enquiries/\(id)")
            #expect(seen.body.contains("The pothole will be filled on 10 December."))
            #expect(!seen.body.contains("Contractor says three weeks."))
            #expect(seen["notes"] == .null || seen["notes"] == nil)
            #expect(try await head.call(.GET, "/api/v1/enquiries/\(id)").body.contains("Contractor says three weeks."))
            // The member cannot act as an officer.
            let memberNote = try await member.call(.POST, "/api/v1/enquiries/\(id)/notes", json: #"{"note":"hello"}"#)
            #expect(memberNote.status == .forbidden)
            // Closing and reopening need reasons; reopening sets a new due date.
            #expect(try await member.call(.POST, "/api/v1/enquiries/\(id)/closure", json: #"{"reason":""}"#).status == .unprocessableEntity)
            #expect(try await member.call(.POST, "/api/v1/enquiries/\(id)/closure", json: #"{"reason":"Resolved, thank you."}"#).string("status") == "closed")
            let reopened = try await member.call(.POST, "/api/v1/enquiries/\(id)/reopening", json: #"{"reason":"The repair failed."}"#)
            #expect(reopened.string("status") == "reopened")
            #expect(reopened.string("dueOn") == "2026-12-15")
            #expect(try await Notification.query(on: app.db).filter(\.$personID == e.base.north.memberID).filter(\.$category == "enquiry.responded").count() == 1)
        }
    }

    @Test("Reply routes: never direct to the constituent when confidential, and only with their consent")
    func replyRoutes() async throws {
        try await withProbity(clock: TestClock(Self.start)) { app, _ in
            let e = try await EnquiryFixture.make(app)
            let member = try await e.api(app, e.base.north.memberEmail)
            let withoutConsent = try #require(try await e.raise(member, extra: #","constituent":{"name":"Ann Smith","contact":"ann@example.org"}"#).string("id"))
            let withConsent = try #require(try await e.raise(member, extra: #","constituent":{"name":"Bo Jones","contact":"bo@example.org","consentToShare":true}"#).string("id"))
            let head = try await e.api(app, EnquiryFixture.emails.head)
            let direct = #"{"route":"direct-to-constituent","reply":"Dear resident"}"#
            let noConsent = try await head.call(.POST, "/api/v1/enquiries/\(withoutConsent)/response", json: direct)
            #expect(noConsent.status == .unprocessableEntity)
            let confidential = try await head.call(.POST, "/api/v1/enquiries/\(withConsent)/response", json: #"{"route":"direct-to-constituent","confidential":true,"reply":"Restricted detail"}"#)
            #expect(confidential.status == .unprocessableEntity)
            #expect(confidential.body.contains("Tower Hamlets protocol 13.4"))
            let ok = try await head.call(.POST, "/api/v1/enquiries/\(withConsent)/response", json: direct)
            #expect(ok.status == .ok)
            #expect(ok.string("status") == "responded")
        }
    }

    @Test("Overdue enquiries are chased once, then escalated once, even when the job runs twice", arguments: TestDatabase.all)
    func chasing(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.start)) { app, clock in
            let e = try await EnquiryFixture.make(app)
            // North's own escalation ladder: head of service on the first overdue day, director after 5 more.
            let admin = try await e.api(app, e.base.north.adminEmail)
            let ladder = #"statement: \"Overdue enquiries are chased, then escalated to the Director.\"\ncite: {document: \"North escalation procedure\", paragraphs: [\"2\"]}\nsteps:\n  - {afterWorkingDaysOverdue: 0, notify: [service.head-of-service]}\n  - {afterWorkingDaysOverdue: 5, notify: [service.director]}"#
            let override = try await admin.call(.POST, "/api/v1/protocol/overrides", json: #"{"ruleId":"enquiries.chasing","yaml":"\#(ladder)"}"#)
            #expect(override.status == .created, "\(override.body)")
            let id = try #require(try await e.raise(try await e.api(app, e.base.north.memberEmail)).string("id"))
            #expect(await app.runJobsOnce().first { $0.job == "enquiry-chasing" }?.done == 0, "not due yet")

            clock.advance(15 * 86_400)  // Wed 16 Dec: first working day overdue
            #expect(await app.runJobsOnce().first { $0.job == "enquiry-chasing" }?.done == 1)
            #expect(await app.runJobsOnce().first { $0.job == "enquiry-chasing" }?.done == 0, "never twice")
            let uuid = try #require(UUID(uuidString: id))
            #expect(try await EnquiryChase.query(on: app.db).filter(\.$enquiryID == uuid).count() == 1)
            #expect(try await Notification.query(on: app.db).filter(\.$category == "enquiry.chased").filter(\.$personID == e.headOfService).count() == 1)

            clock.advance(7 * 86_400)  // Wed 23 Dec: 5 working days overdue
            #expect(await app.runJobsOnce().first { $0.job == "enquiry-chasing" }?.done == 1)
            _ = await app.runJobsOnce()
            #expect(try await EnquiryChase.query(on: app.db).filter(\.$enquiryID == uuid).count() == 2)
            #expect(try await Notification.query(on: app.db).filter(\.$category == "enquiry.escalated").filter(\.$personID == e.director).count() == 1)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "enquiry.chase").count() == 2)
            #expect(try await AuditLog.verify(on: app.db).isIntact)
        }
    }

    @Test("Attachments are type-checked and size-limited; downloads pass the access check")
    func attachments() async throws {
        try await withProbity(clock: TestClock(Self.start)) { app, _ in
            let e = try await EnquiryFixture.make(app)
            let member = try await e.api(app, e.base.north.memberEmail)
            let id = try #require(try await e.raise(member).string("id"))
            let pdf = "%PDF-1.4\n% a letter from the resident"
            let good = try await member.call(.POST, "/api/v1/enquiries/\(id)/attachments?filename=letter.pdf", json: pdf, contentType: "application/octet-stream")
            #expect(good.status == .created, "\(good.body)")
            let exe = try await member.call(.POST, "/api/v1/enquiries/\(id)/attachments?filename=letter.pdf", json: "MZ program", contentType: "application/octet-stream")
            #expect(exe.status == .unprocessableEntity)
            #expect(exe.errorFields == ["attachments"])
            let renamed = try await member.call(.POST, "/api/v1/enquiries/\(id)/attachments?filename=photo.png", json: pdf, contentType: "application/octet-stream")
            #expect(renamed.status == .unprocessableEntity, "content must agree with the name")
            let big = String(repeating: "a", count: 10 * 1024 * 1024 + 1)
            let oversize = try await member.call(.POST, "/api/v1/enquiries/\(id)/attachments?filename=big.txt", json: big, contentType: "application/octet-stream")
            #expect(oversize.status == .unprocessableEntity)
            #expect(try await EnquiryAttachmentRecord.query(on: app.db).count() == 1)
            guard let attachment = good.string("id") else { return }
            let path = "/api/v1/enquiries/\(id)/attachments/\(attachment)"
            #expect(try await member.call(.GET, path).status == .ok)
            #expect(try await e.api(app, EnquiryFixture.emails.otherGroupMember).call(.GET, path).status == .forbidden)
        }
    }
}
