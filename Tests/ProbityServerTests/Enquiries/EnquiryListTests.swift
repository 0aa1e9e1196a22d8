import Fluent
import ProbityCore
import SQLKit
import Testing
import Vapor
@testable import ProbityServer

/// The enquiry list is narrowed and paged by the database; these tests hold it to the access
/// check of a single enquiry, and the per-authority cache to changes made behind its back.
@Suite("Enquiries: lists paged by the database, and the directory cache")
struct EnquiryListTests {
    static let start = CalendarDate(iso: "2026-12-01")!.instant(hour: 10)

    @Test("Every viewer's list, page by page, is exactly the enquiries they may open, overdue first", arguments: TestDatabase.all)
    func listsAgreeWithTheAccessCheck(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.start)) { app, clock in
            let e = try await EnquiryFixture.make(app)
            let member = try await e.api(app, e.base.north.memberEmail)
            let head = try await e.api(app, EnquiryFixture.emails.head)
            var ids: [String] = []
            ids.append(try #require(try await e.raise(member, subject: "First").string("id")))
            ids.append(try #require(try await e.raise(member, subject: "Parks bench", service: e.parks).string("id")))
            let reassigned = try #require(try await e.raise(member, subject: "Reassigned").string("id"))
            ids.append(reassigned)
            #expect(try await head.call(.POST, "/api/v1/enquiries/\(reassigned)/assignment", json: #"{"officer":"\#(e.caseOfficer)"}"#).status == .ok)
            ids.append(try #require(try await e.raise(try await e.api(app, EnquiryFixture.emails.otherGroupMember), subject: "Other group").string("id")))
            ids.append(try #require(try await e.raise(try await e.api(app, EnquiryFixture.emails.memberServices), subject: "Logged for the member",
                                                      extra: #","member":"\#(e.base.north.memberID.uuidString)","channel":"phone""#).string("id")))
            clock.advance(20 * 86_400)  // all of those are now overdue
            ids.append(try #require(try await e.raise(member, subject: "Recent").string("id")))
            let answered = try #require(try await e.raise(member, subject: "Answered").string("id"))
            ids.append(answered)
            #expect(try await head.call(.POST, "/api/v1/enquiries/\(answered)/response",
                                        json: #"{"route":"to-member","reply":"Done."}"#).status == .ok)

            let emails = [e.base.north.memberEmail, e.base.north.officerEmail, e.base.north.adminEmail, e.base.north.moEmail,
                          EnquiryFixture.emails.director, EnquiryFixture.emails.head, EnquiryFixture.emails.caseOfficer,
                          EnquiryFixture.emails.parks, EnquiryFixture.emails.memberServices, EnquiryFixture.emails.assistant,
                          EnquiryFixture.emails.sameGroupMember, EnquiryFixture.emails.otherGroupMember, e.base.south.memberEmail]
            var someoneSawSome = false, someoneSawNone = false
            for email in emails {
                let client = try await e.api(app, email)
                var mayOpen: Set<String> = []
                for id in ids where try await client.call(.GET, "/api/v1/enquiries/\(id)").status == .ok { mayOpen.insert(id) }
                let listed = try await Self.walk(client, "/api/v1/enquiries?perPage=2")
                #expect(Set(listed.ids) == mayOpen, "\(email): the list and the access check disagree")
                #expect(listed.ids.count == Set(listed.ids).count, "\(email): an enquiry is listed twice")
                #expect(listed.total == mayOpen.count, "\(email): the total counts what the viewer may not see")
                let overdueFirst = listed.overdue.firstIndex(of: false).map { listed.overdue[$0...].allSatisfy { !$0 } } ?? true
                #expect(overdueFirst, "\(email): overdue enquiries come first")
                let overdue = try await Self.walk(client, "/api/v1/enquiries?overdue=true&perPage=3")
                #expect(Set(overdue.ids) == Set(zip(listed.ids, listed.overdue).filter(\.1).map(\.0)), "\(email): the overdue filter")
                if mayOpen.isEmpty { someoneSawNone = true } else { someoneSawSome = true }
            }
            #expect(someoneSawSome && someoneSawNone)
        }
    }

    /// Follows the pages to the end: the ids in order, whether each is overdue, and the total.
    static func walk(_ client: APIClient, _ path: String) async throws -> (ids: [String], overdue: [Bool], total: Int) {
        var ids: [String] = [], overdue: [Bool] = [], total = 0
        for page in 1...50 {
            let reply = try await client.call(.GET, "\(path)&page=\(page)")
            #expect(reply.status == .ok, "\(reply.body)")
            guard case .array(let items)? = reply["items"], case .object(let meta)? = reply["page"],
                  case .number(let count)? = meta["total"] else { Issue.record("not a list: \(reply.body)"); break }
            total = Int(count)
            for case .object(let item) in items {
                if case .string(let id)? = item["id"] { ids.append(id) }
                overdue.append(item["overdue"] == .bool(true))
            }
            if items.isEmpty || ids.count >= total { break }
        }
        return (ids, overdue, total)
    }

    @Test("A directory change made outside the server, by hand in SQL, reaches the very next request", arguments: TestDatabase.all)
    func cacheSeesChangesMadeElsewhere(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.start)) { app, _ in
            let e = try await EnquiryFixture.make(app)
            let member = try await e.api(app, e.base.north.memberEmail)
            let id = try #require(try await e.raise(member).string("id"))
            #expect(try await member.call(.GET, "/api/v1/enquiries/\(id)").body.contains("Harriet Head"))
            let sql = try #require(app.db as? any SQLDatabase)
            let before = try #require(try await AuthorityCache.version(on: app.db))
            try await sql.raw("UPDATE officers SET name = 'Harriet Renamed' WHERE id = \(bind: e.headOfService)").run()
            #expect(try #require(try await AuthorityCache.version(on: app.db)) > before)
            let after = try await member.call(.GET, "/api/v1/enquiries/\(id)")
            #expect(after.body.contains("Harriet Renamed"))
            #expect(!after.body.contains("Harriet Head"))
            // On PostgreSQL, also from a session whose search path is not Probity's schema
            // (an administrator in psql naming the table in full).
            if case .postgres = database, let schema = app.probity.settings.postgresSchema {
                let version = try #require(try await AuthorityCache.version(on: app.db))
                try await app.db.transaction { db in
                    let sql = try #require(db as? any SQLDatabase)
                    try await sql.raw("SET LOCAL search_path TO public").run()
                    try await sql.raw("UPDATE \(ident: schema).officers SET name = 'Harriet Edited' WHERE id = \(bind: e.headOfService)").run()
                }
                #expect(try #require(try await AuthorityCache.version(on: app.db)) > version)
                #expect(try await member.call(.GET, "/api/v1/enquiries/\(id)").body.contains("Harriet Edited"))
            }
            // A closure day written straight to the table moves the next enquiry's due date.
            let dueBefore = try #require(try await e.raise(member, subject: "Before").string("dueOn"))
            let tomorrow = CalendarDate.london(app.probity.clock.now).adding(days: 1)
            try await ClosureDay(authorityID: e.base.north.authorityID, date: tomorrow.iso, title: "Office closed").create(on: app.db)
            let dueAfter = try #require(try await e.raise(member, subject: "After").string("dueOn"))
            #expect(dueAfter > dueBefore, "due \(dueAfter) after the closure day, \(dueBefore) before it")
        }
    }

    @Test("A reopened enquiry is chased again in its new response period, and a closure day added since receipt moves the chase",
          arguments: TestDatabase.all)
    func chasingAfterReopeningAndCalendarChanges(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.start)) { app, clock in
            let e = try await EnquiryFixture.make(app)
            let member = try await e.api(app, e.base.north.memberEmail)
            let head = try await e.api(app, EnquiryFixture.emails.head)
            let admin = try await e.api(app, e.base.north.adminEmail)
            let ladder = #"statement: \"Overdue enquiries are chased, then escalated to the Director.\"\ncite: {document: \"North escalation procedure\", paragraphs: [\"2\"]}\nsteps:\n  - {afterWorkingDaysOverdue: 0, notify: [service.head-of-service]}\n  - {afterWorkingDaysOverdue: 5, notify: [service.director]}"#
            #expect(try await admin.call(.POST, "/api/v1/protocol/overrides", json: #"{"ruleId":"enquiries.chasing","yaml":"\#(ladder)"}"#).status == .created)
            let id = try #require(try await e.raise(member).string("id"))
            let uuid = try #require(UUID(uuidString: id))
            func chases() async throws -> Int { try await EnquiryChase.query(on: app.db).filter(\.$enquiryID == uuid).count() }

            clock.advance(15 * 86_400)  // Wed 16 Dec: overdue
            _ = await app.runJobsOnce()
            let firstPeriod = try await chases()
            #expect(firstPeriod >= 1, "chased in its first response period")
            #expect(try await head.call(.POST, "/api/v1/enquiries/\(id)/response", json: #"{"route":"to-member","reply":"Done."}"#).status == .ok)
            #expect(try await member.call(.POST, "/api/v1/enquiries/\(id)/reopening", json: #"{"reason":"It was not done."}"#).status == .ok)
            _ = await app.runJobsOnce()
            #expect(try await chases() == firstPeriod, "not due again until the new period is overdue")
            clock.advance(21 * 86_400)  // well past the new due date
            _ = await app.runJobsOnce()
            #expect(try await chases() > firstPeriod, "chased again in the new response period")
            let cycles = try await EnquiryChase.query(on: app.db).filter(\.$enquiryID == uuid).all().map(\.cycle)
            #expect(Set(cycles) == [0, 1])

            // A second enquiry, and then a week of closure days that moves its due date later:
            // the scheduler works to the calendar as it is now, not as it was at receipt.
            let secondID = try #require(try await e.raise(member, subject: "Second").string("id"))
            let second = try #require(UUID(uuidString: secondID))
            var day = CalendarDate.london(app.probity.clock.now)
            for _ in 0..<7 {
                day = day.adding(days: 1)
                guard !day.weekday.isWeekend else { continue }
                let added = try await admin.call(.POST, "/api/v1/calendar/closures", json: #"{"date":"\#(day.iso)","title":"Office closed"}"#)
                #expect(added.status == .created, "\(added.body)")
            }
            clock.advance(15 * 86_400)  // overdue by the old calendar, not yet by the new one
            _ = await app.runJobsOnce()
            #expect(try await EnquiryChase.query(on: app.db).filter(\.$enquiryID == second).count() == 0)
            clock.advance(10 * 86_400)
            _ = await app.runJobsOnce()
            #expect(try await EnquiryChase.query(on: app.db).filter(\.$enquiryID == second).count() >= 1)
        }
    }
}
