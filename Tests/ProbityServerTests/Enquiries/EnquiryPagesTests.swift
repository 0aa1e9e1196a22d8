import Fluent
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Enquiry pages")
struct EnquiryPagesTests {
    static let start = CalendarDate(iso: "2026-12-01")!.instant(hour: 10)

    /// A multipart body like a browser sends for the intake form.
    static func multipart(_ fields: [(String, String)], files: [(name: String, filename: String, type: String, body: String)] = []) -> (String, String) {
        let boundary = "----probity-test-boundary"
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        for file in files {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n\(file.body)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    @Test("A member raises an enquiry on the form, the officer answers on the page, the member reads the answer", arguments: TestDatabase.all)
    func journey(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.start)) { app, _ in
            let e = try await EnquiryFixture.make(app)
            let member = Browser(app)
            try await member.signIn(e.base.north.memberEmail)
            let form = try await member.get("/enquiries/new")
            #expect(form.status == .ok)
            #expect(form.body.contains("10 working days (Tower Hamlets protocol 13.5)"))
            let csrf = try #require(member.csrf)

            let (bad, badType) = Self.multipart([("csrf", csrf), ("purpose", "party-political"), ("service", e.highways.uuidString), ("subject", ""), ("details", "x")])
            let refused = try await member.request(.POST, "/enquiries", body: bad, contentType: badType)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("There is a problem"))
            #expect(refused.body.contains("id=\"purpose-error\""))
            #expect(refused.body.contains("Tower Hamlets protocol"))

            let (wrongFile, wrongType) = Self.multipart(
                [("csrf", csrf), ("purpose", "ward-casework"), ("service", e.highways.uuidString), ("subject", "Fly-tipping"),
                 ("details", "Sofa dumped on Cable Street."), ("ward", e.base.north.wardID.uuidString)],
                files: [("attachments[]", "virus.pdf", "application/pdf", "MZ not a pdf")])
            let rejected = try await member.request(.POST, "/enquiries", body: wrongFile, contentType: wrongType)
            #expect(rejected.status == .unprocessableEntity)
            #expect(rejected.body.contains("virus.pdf must be a"))
            #expect(rejected.body.contains("Fly-tipping"), "what was typed is kept")
            #expect(try await EnquiryRecord.query(on: app.db).count() == 0)

            let (good, goodType) = Self.multipart(
                [("csrf", csrf), ("purpose", "ward-casework"), ("service", e.highways.uuidString), ("subject", "Fly-tipping"),
                 ("details", "Sofa dumped on Cable Street."), ("ward", e.base.north.wardID.uuidString)],
                files: [("attachments[]", "photo-note.pdf", "application/pdf", "%PDF-1.4 photo")])
            let sent = try await member.request(.POST, "/enquiries", body: good, contentType: goodType)
            #expect(sent.status == .seeOther)
            let location = try #require(sent.location)
            let show = try await member.get(location)
            #expect(show.status == .ok)
            #expect(show.body.contains("Due Tue 15 Dec 2026 — 10 working days (Tower Hamlets protocol 13.5)"))
            #expect(show.body.contains("photo-note.pdf"))
            #expect(!show.body.contains("Send the response"), "members do not answer their own enquiries")

            let head = Browser(app)
            try await head.signIn(EnquiryFixture.emails.head)
            let queue = try await head.get("/enquiries?scope=mine")
            #expect(queue.body.contains("Fly-tipping"))
            let officerView = try await head.get(location)
            #expect(officerView.body.contains("Send the response"))
            #expect(officerView.body.contains("Print the covering sheet"))
            let empty = try await head.post(location + "/respond", form: [("route", "to-member"), ("reply", "")])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.contains("id=\"reply-error\""))
            let answered = try await head.post(location + "/respond", form: [("route", "to-member"), ("reply", "Removed on Wednesday.")])
            #expect(answered.status == .seeOther)
            let sheet = try await head.get(location + "/covering-sheet")
            #expect(sheet.status == .ok)
            #expect(sheet.body.contains("ENQ-2026-00001"))

            let after = try await member.get(location)
            #expect(after.body.contains("Removed on Wednesday."))
            let csv = try await member.get("/enquiries/records.csv")
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            #expect(csv.body.contains("ENQ-2026-00001"))
            #expect(try await member.get("/enquiries/printout").body.contains("ENQ-2026-00001"))
        }
    }

    @Test("The timeliness report is for chief officers only")
    func report() async throws {
        try await withProbity(clock: TestClock(Self.start)) { app, _ in
            let e = try await EnquiryFixture.make(app)
            _ = try await e.raise(try await e.api(app, e.base.north.memberEmail))
            let director = Browser(app)
            try await director.signIn(EnquiryFixture.emails.director)
            let page = try await director.get("/enquiries/report")
            #expect(page.status == .ok)
            #expect(page.body.contains("By political group"))
            let member = Browser(app)
            try await member.signIn(e.base.north.memberEmail)
            #expect(try await member.get("/enquiries/report").status == .forbidden)
            let api = try await e.api(app, EnquiryFixture.emails.head).call(.GET, "/api/v1/enquiries/report")
            #expect(api.status == .forbidden)
            #expect(api.isProblem)
        }
    }
}
