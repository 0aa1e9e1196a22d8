import Fluent
import ProbityCore
import Vapor

/// A member's printout and CSV of their enquiry records (TH 13.6), and the chief officers'
/// report: timeliness by service, member and group (LC 3(h), 5) and the volume indicator (Wigan 6.5).
extension EnquiriesController {
    /// Everything the viewer may see, for the printout and the CSV (no paging).
    private func allVisible(_ req: Request, _ ctx: EnquiryContext) async throws -> [EnquiryJSON] {
        let service = EnquiryService(req: req, ctx: ctx)
        let (items, _) = try await service.list(try EnquiryQuery.filters(req), page: 1, perPage: Int.max / 2)
        return items.map { EnquiryJSON(summary: $0, ctx: ctx, overdue: service.isOverdue($0)) }
    }

    struct PrintoutPage: Encodable {
        var items: [EnquiryJSON]
        var generated: String
        var name: String
    }

    func printout(req: Request) async throws -> View {
        let ctx = try await EnquiryContext.load(req)
        let items = try await allVisible(req, ctx)
        let now = req.now
        try await req.write { db in try await AuditLog.append(ctx.actor.auditEvent("enquiry.printout", detail: ["count": "\(items.count)"]), on: db, at: now) }
        return try await req.render("enquiries/printout", title: "Enquiry records", content: PrintoutPage(
            items: items, generated: DisplayFormat.dateTime(now), name: ctx.actor.displayName))
    }

    func csv(req: Request) async throws -> Response {
        let ctx = try await EnquiryContext.load(req)
        let items = try await allVisible(req, ctx)
        var rows = [["Reference", "Subject", "Member", "Service", "Handled by", "Status", "Received", "Due", "Rule", "Overdue", "Responded"]]
        for e in items {
            rows.append([e.reference, e.subject, e.member.name, e.service.name, e.handler.name, e.statusDisplay,
                         DisplayFormat.isoDate(e.receivedAt), e.dueOn, "\(e.dueRule.ruleId) (\(e.dueRule.citation))",
                         e.overdue ? "yes" : "no", e.respondedAt.map(DisplayFormat.isoDate) ?? ""])
        }
        let now = req.now
        try await req.write { db in try await AuditLog.append(ctx.actor.auditEvent("enquiry.export", detail: ["count": "\(items.count)"]), on: db, at: now) }
        let response = Response(status: .ok, body: .init(string: CSV.encode(rows)))
        response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"enquiries.csv\"")
        return response
    }

    struct ReportPage: Encodable {
        struct Row: Encodable {
            var name: String
            var total: Int
            var onTime: Int
            var late: Int
            var openOverdue: Int
            var openInTime: Int
            var onTimeRate: String
            var median: String
        }
        var overall: Row
        var byService: [Row]
        var byGroup: [Row]
        var byMember: [Row]
        var volume: [String]
        var volumeNote: String?
        var showVolume: Bool
        var volumeRule: String
        var deadlineRule: String
    }

    func report(req: Request) async throws -> Response {
        let ctx = try await EnquiryContext.load(req)
        let page = try await EnquiryReport.make(req: req, ctx: ctx)
        return try await req.renderResponse("enquiries/report", title: "Enquiry timeliness", content: page,
                                            breadcrumbs: [.init(href: "/enquiries", label: "Enquiries")])
    }
}

/// The chief officers' report, for the page and the API.
enum EnquiryReport {
    static func make(req: Request, ctx: EnquiryContext) async throws -> EnquiriesController.ReportPage {
        let may = EnquiryPolicy.canViewTimeliness(viewer: ctx.viewer, profile: ctx.profile, org: ctx.org)
        guard may.allowed else { throw await req.refusal("enquiry.report", reason: may.explanation) }
        let records = try await EnquiryRecord.scoped(to: ctx.actor.authorityID, on: req.db).all()
        let timeliness = EnquiryTimeliness.report(try records.map { r in
            let state = try r.state
            return EnquiryTimelinessRecord(
                serviceID: r.serviceID, memberID: r.memberID, groupID: ctx.org.members[r.memberID]?.groupID,
                receivedOn: CalendarDate.london(r.receivedAt), respondBy: CalendarDate(iso: r.respondBy) ?? ctx.today,
                respondedOn: r.respondedAt.map(CalendarDate.london), closedUnanswered: r.status == "closed" && r.respondedAt == nil,
                explainedOn: state.explainedAt.map(CalendarDate.london))
        }, today: ctx.today, calendar: ctx.calendar, org: ctx.org)
        func row(_ r: EnquiryTimelinessRow) -> EnquiriesController.ReportPage.Row {
            .init(name: r.name, total: r.total, onTime: r.answeredOnTime, late: r.answeredLate, openOverdue: r.openOverdue,
                  openInTime: r.openInTime, onTimeRate: r.onTimeRate.map { "\(Int(($0 * 100).rounded()))%" } ?? "–",
                  median: r.medianWorkingDaysToRespond.map { String(format: "%.1f", $0) } ?? "–")
        }
        let showVolume = EnquiryPolicy.canViewVolumeIndicator(viewer: ctx.viewer, profile: ctx.profile, org: ctx.org).allowed
        var volume: [String] = []
        var note: String?
        if showVolume {
            let window = ctx.profile.enquiries.volumeIndicator.parameters.windowMonths
            let start = EnquiryVolume.windowStart(today: ctx.today, months: window)
            var counts: [UUID: Int] = [:]
            for r in records where CalendarDate.london(r.receivedAt) >= start { counts[r.memberID, default: 0] += 1 }
            let assessment = EnquiryVolume.assess(counts: counts, profile: ctx.profile, org: ctx.org)
            volume = assessment.flags.map(\.message)
            note = assessment.note
        }
        let now = req.now
        try await req.write { db in try await AuditLog.append(ctx.actor.auditEvent("enquiry.report"), on: db, at: now) }
        return .init(overall: row(timeliness.overall), byService: timeliness.byService.map(row), byGroup: timeliness.byGroup.map(row),
                     byMember: timeliness.byMember.map(row), volume: volume, volumeNote: note, showVolume: showVolume,
                     volumeRule: ctx.profile.enquiries.volumeIndicator.reference(in: ctx.profile.document).citation,
                     deadlineRule: ctx.profile.enquiries.responseDeadline.reference(in: ctx.profile.document).citation)
    }
}
