import Fluent
import ProbityCore
import Vapor

/// The complaints pages: the cases each person may see, making a complaint or report, one case
/// as the access policy lets the person see it with the steps they may take, and the Standards
/// Committee summary.
struct ComplaintsController: RouteCollection {
    static let perPage = 25

    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("complaints")
        group.get(use: index)
        group.get("new", use: newForm)
        group.post(use: create)
        group.get("report", use: report)
        group.get(":complaintID", use: show)
        group.post(":complaintID", "actions", ":action", use: act)
    }

    // MARK: List

    struct IndexPage: Encodable {
        var rows: [ComplaintListing.Row]
        var total: Int
        var parts: [SelectOption]
        var part: String
        var partLabel: String
        var canMonitor: Bool
        var canComplain: Bool
        var pagination: Pagination
    }

    func index(req: Request) async throws -> Response {
        let context = try await ComplaintContext.load(req)
        let raw = req.query[String.self, at: "part"] ?? ComplaintListing.Part.all.rawValue
        let part = ComplaintListing.Part(rawValue: raw) ?? .all
        let number = req.pageNumber
        let result = try await ComplaintListing.list(part: part, page: number, perPage: Self.perPage, req: req, context: context)
        let listed = context.actor.auditEvent("complaint.list", resourceType: "complaint",
                                              detail: ["part": part.rawValue, "shown": String(result.rows.count), "total": String(result.total)])
        let now = context.now
        try await req.write { db in try await AuditLog.append(listed, on: db, at: now) }
        let page = IndexPage(
            rows: result.rows, total: result.total,
            parts: ComplaintListing.Part.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == part) },
            part: part.rawValue, partLabel: part.label,
            canMonitor: context.monitoring.allowed || ComplaintReport.indicatorDecision(context).allowed,
            canComplain: context.person.map { !context.org.complaintSubjectKinds(of: $0).isEmpty } ?? false,
            pagination: Pagination(page: number, per: Self.perPage, total: result.total, path: "/complaints",
                                   query: part == .all ? "" : "part=\(part.rawValue)"))
        return try await req.renderResponse("complaints/index", title: "Complaints and reports", content: page).noStore()
    }

    // MARK: New

    struct GuidanceInfo: Encodable, Sendable {
        var statement: String
        var citation: String
    }

    struct NewPage: Encodable {
        var kinds: [SelectOption]
        var categories: [SelectOption]
        var officers: [SelectOption]
        var members: [SelectOption]
        var details: String
        var dates: String
        var guidance: [GuidanceInfo]
        var deadline: String
        var routes: [ComplaintPresentation.RuleInfo]
        var improperInfluence: ComplaintPresentation.RuleInfo?
        var isOfficer: Bool
    }

    func newForm(req: Request) async throws -> Response {
        let context = try await ComplaintContext.load(req)
        _ = try await ComplaintSubmission.requireComplainant(req, context)
        return try await renderNew(req: req, context: context, input: ComplaintInput(values: [:]), errors: [])
    }

    func renderNew(req: Request, context: ComplaintContext, input: ComplaintInput, errors: [FieldError]) async throws -> Response {
        let person = context.person
        let isOfficer = person?.complainantKind == .officer
        let profile = context.profile
        let kindLabels: [ComplaintKind: String] = [
            .complaint: "A complaint about someone's conduct, behaviour or performance",
            .breachOfProtocol: "A breach of the protocol",
            .improperInfluence: "Improper influence or undue pressure on me",
        ]
        let kinds = ComplaintKind.allCases.filter { $0 != .improperInfluence || isOfficer }.map {
            SelectOption(value: $0.rawValue, label: kindLabels[$0] ?? $0.displayName, selected: input.text("kind") == $0.rawValue)
        }
        let chosen = input.text("subject")
        let org = context.org
        let officers = org.officers.values.filter { PersonRef.officer($0.id) != person }.sorted { $0.name < $1.name }.map {
            SelectOption(value: PersonRef.officer($0.id).description, label: "\($0.name) (\($0.post.rawValue.replacingOccurrences(of: "-", with: " ")))",
                         selected: PersonRef.officer($0.id).description == chosen)
        }
        let members = org.members.values.filter { PersonRef.member($0.id) != person }.sorted { $0.name < $1.name }.map {
            SelectOption(value: PersonRef.member($0.id).description, label: $0.name, selected: PersonRef.member($0.id).description == chosen)
        }
        let audience: GuidanceAudience = isOfficer ? .officers : .members
        let deadline = ComplaintDeadlines.acknowledgeBy(receivedOn: context.today, profile: profile, calendar: context.current.calendar)
        let complainantKind: ComplainantKind = isOfficer ? .officer : .member
        let improper = profile.complaints.improperInfluence
        let page = NewPage(
            kinds: kinds,
            categories: ComplaintCategory.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.displayName.capitalizedFirst, selected: input.text("category") == $0.rawValue)
            },
            officers: officers, members: members, details: input.text("details"), dates: input.list("dates").joined(separator: ", "),
            guidance: ComplaintGuidance.items(for: audience, profile: profile).map { GuidanceInfo(statement: $0.statement, citation: $0.citation) },
            deadline: "If you send it today, it must be acknowledged in writing by \(deadline.dueOn.displayShort): \(deadline.workingDays) working days (\(deadline.rule.citation)).",
            routes: profile.complaints.routes.filter { $0.inForce && $0.parameters.complainant == complainantKind }
                .map { .init($0.reference(in: profile.document)) },
            improperInfluence: isOfficer && improper.inForce ? .init(improper.reference(in: profile.document)) : nil,
            isOfficer: isOfficer)
        return try await req.renderResponse("complaints/new", title: "Make a complaint or report", content: page, errors: errors,
                                            breadcrumbs: [.init(href: "/complaints", label: "Complaints")],
                                            status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    func create(req: Request) async throws -> Response {
        let context = try await ComplaintContext.load(req)
        let input = ComplaintInput(form: try FormBody(req))
        do {
            let result = try await ComplaintSubmission.submit(input, req: req, context: context)
            let id = try result.record.requireID().uuidString.lowercased()
            return req.redirect(to: "/complaints/\(id)?new=1", flash: "Your \(result.complaint.kind.displayName) has been recorded: \(result.record.reference)")
        } catch let error as AppError where error.kind == .validation {
            return try await renderNew(req: req, context: context, input: input, errors: error.fieldErrors)
        }
    }

    // MARK: Report

    struct ReportPage: Encodable {
        var report: ComplaintReport?
        var from: String
        var to: String
    }

    func report(req: Request) async throws -> Response {
        let context = try await ComplaintContext.load(req)
        try await ComplaintReport.authorise(req, context, period: nil)
        let rawFrom = req.query[String.self, at: "from"], rawTo = req.query[String.self, at: "to"]
        let crumbs: [LayoutContext.Crumb] = [.init(href: "/complaints", label: "Complaints")]
        let title = "Complaints summary for the Standards Committee"
        do {
            let period = try ComplaintReport.period(from: rawFrom, to: rawTo, today: context.today)
            try await ComplaintReport.authorise(req, context, period: period)
            let report = try await ComplaintReport.make(period: period, req: req, context: context)
            return try await req.renderResponse("complaints/report", title: title,
                                                content: ReportPage(report: report, from: period.from.iso, to: period.through.iso),
                                                breadcrumbs: crumbs).noStore()
        } catch let error as AppError where error.kind == .validation {
            return try await req.renderResponse("complaints/report", title: title,
                                                content: ReportPage(report: nil, from: rawFrom ?? "", to: rawTo ?? ""),
                                                errors: error.fieldErrors, breadcrumbs: crumbs, status: .unprocessableEntity).noStore()
        }
    }
}
