import Fluent
import ProbityCore
import Vapor

/// The enquiry pages: lists and queues, intake, the enquiry with its actions, the covering
/// sheet, attachments, the member's printout and CSV, and the chief officers' report.
struct EnquiriesController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("enquiries")
        group.get(use: index)
        group.get("new", use: newForm)
        group.on(.POST, body: .collect(maxSize: "110mb"), use: create)
        group.get("records.csv", use: csv)
        group.get("printout", use: printout)
        group.get("report", use: report)
        group.get(":enquiryID", use: show)
        group.get(":enquiryID", "covering-sheet", use: coveringSheet)
        group.get(":enquiryID", "attachments", ":attachmentID", use: attachment)
        for action in EnquiryFormAction.allCases {
            group.post(":enquiryID", .constant(action.rawValue)) { try await act(req: $0, action: action) }
        }
    }

    // MARK: Lists

    struct IndexPage: Encodable {
        var items: [EnquiryJSON]
        var total: Int
        var pagination: Pagination
        var isOfficer: Bool
        var canRaise: Bool
        var canReport: Bool
        var scope: String
        var status: String
        var overdue: Bool
        var statuses: [SelectOption]
    }

    func index(req: Request) async throws -> View {
        let ctx = try await EnquiryContext.load(req)
        let service = EnquiryService(req: req, ctx: ctx)
        let filters = try EnquiryQuery.filters(req)
        let page = req.pageNumber
        let (items, total) = try await service.list(filters, page: page, perPage: Self.perPage)
        let query = EnquiryQuery.queryString(filters)
        let content = IndexPage(
            items: items.map { EnquiryJSON(summary: $0, ctx: ctx, overdue: service.isOverdue($0)) }, total: total,
            pagination: Pagination(page: page, per: Self.perPage, total: total, path: "/enquiries", query: query),
            isOfficer: ctx.viewer.kind == .officer, canRaise: EnquiryQuery.canRaiseAny(ctx), canReport: EnquiryPolicy.canViewTimeliness(viewer: ctx.viewer, profile: ctx.profile, org: ctx.org).allowed,
            scope: filters.scope.rawValue, status: filters.status?.rawValue ?? "", overdue: filters.overdueOnly,
            statuses: EnquiryStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName, selected: $0 == filters.status) })
        let title = ctx.viewer.kind == .officer ? (filters.scope == .mine ? "My enquiry queue" : "Enquiries") : "My enquiries"
        return try await req.render("enquiries/index", title: title, content: content)
    }

    // MARK: Intake

    struct NewPage: Encodable {
        var members: [SelectOption]
        var chooseMember: Bool
        var services: [SelectOption]
        var wards: [SelectOption]
        var channels: [SelectOption]
        var purposes: [SelectOption]
        var form: [String: String]
        var nonRoutine: Bool
        var consent: Bool
        var guidance: [RuleReference]
        var responseRule: String
        var outOfHours: Bool
        var accepted: String
    }

    func newForm(req: Request) async throws -> Response {
        let ctx = try await EnquiryContext.load(req)
        guard EnquiryQuery.canRaiseAny(ctx) else {
            throw await req.refusal("enquiry.create", resourceType: "enquiry",
                                    reason: "Only members, their group's assistants and member services staff can raise enquiries.")
        }
        return try await renderNew(req: req, ctx: ctx, form: [:], nonRoutine: false, consent: false, errors: [], status: .ok)
    }

    private func renderNew(req: Request, ctx: EnquiryContext, form: [String: String], nonRoutine: Bool, consent: Bool,
                           errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let wards = try await Ward.scoped(to: ctx.actor.authorityID, on: req.db).sort(\.$name).all()
        let members = EnquiryQuery.raisableMembers(ctx)
        let page = NewPage(
            members: members.map { SelectOption(value: $0.id.uuidString.lowercased(), label: $0.name, selected: form["member"] == $0.id.uuidString.lowercased()) },
            chooseMember: ctx.viewer.kind != .member,
            services: ctx.org.services.values.sorted { $0.name < $1.name }.map {
                SelectOption(value: $0.id.uuidString.lowercased(), label: $0.name, selected: form["service"] == $0.id.uuidString.lowercased())
            },
            wards: wards.map { SelectOption(value: $0.id!.uuidString.lowercased(), label: $0.name, selected: form["ward"] == $0.id!.uuidString.lowercased()) },
            channels: EnquiryChannel.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName, selected: form["channel"] == $0.rawValue) },
            purposes: EnquiryIntakePurpose.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName, selected: form["purpose"] == $0.rawValue) },
            form: form, nonRoutine: nonRoutine, consent: consent,
            guidance: EnquiryIntake.formGuidance(profile: ctx.profile),
            responseRule: EnquiryDeadlines.compute(receivedAt: req.now, profile: ctx.profile, calendar: ctx.calendar).responseDisplay,
            outOfHours: PrivateTime.isOutOfHours(req.now, rule: ctx.profile.notifications.privateTime, calendar: ctx.calendar),
            accepted: AttachmentStore.acceptedDescription)
        return try await req.renderResponse("enquiries/new", title: "Raise an enquiry", content: page, errors: errors,
                                            breadcrumbs: [.init(href: "/enquiries", label: "Enquiries")], status: status)
    }

    struct IntakeForm: Content {
        var member: String?
        var channel: String?
        var subject: String?
        var details: String?
        var purpose: String?
        var service: String?
        var ward: String?
        var nonRoutine: String?
        var constituentName: String?
        var constituentContact: String?
        var constituentConsent: String?
        var attachments: [File]?
    }

    func create(req: Request) async throws -> Response {
        let ctx = try await EnquiryContext.load(req)
        let form: IntakeForm
        do {
            form = try req.content.decode(IntakeForm.self)
        } catch {
            throw AppError(.badRequest, detail: "The form could not be read. Go back and try again.")
        }
        let input = EnquiryIntakeInput(
            memberID: form.member, channel: form.channel, subject: form.subject ?? "", details: form.details ?? "",
            purpose: form.purpose, serviceID: form.service, wardID: form.ward, nonRoutine: form.nonRoutine == "true",
            constituentName: form.constituentName, constituentContact: form.constituentContact,
            constituentConsent: form.constituentConsent == "true",
            uploads: (form.attachments ?? []).map { AttachmentStore.Upload(filename: $0.filename, data: Data(buffer: $0.data)) })
        do {
            let record = try await EnquiryService(req: req, ctx: ctx).create(input)
            return req.redirect(to: "/enquiries/\(record.id!.uuidString.lowercased())",
                                flash: "Enquiry \(record.reference) sent. \(ctx.officerName(record.currentHandlerID)) will deal with it.")
        } catch let error as AppError where error.kind == .validation {
            var echo: [String: String] = [:]
            for (k, v) in [("member", form.member), ("channel", form.channel), ("subject", form.subject), ("details", form.details),
                           ("purpose", form.purpose), ("service", form.service), ("ward", form.ward),
                           ("constituentName", form.constituentName), ("constituentContact", form.constituentContact)] {
                echo[k] = v ?? ""
            }
            return try await renderNew(req: req, ctx: ctx, form: echo, nonRoutine: form.nonRoutine == "true",
                                       consent: form.constituentConsent == "true", errors: error.fieldErrors, status: .unprocessableEntity)
        }
    }

    // MARK: One enquiry

    struct ShowPage: Encodable {
        var enquiry: EnquiryJSON
        var can: [String: Bool]
        var routes: [SelectOption]
        var officers: [SelectOption]
        var delayRule: String?
        var coveringSheet: Bool
        var form: [String: String]
    }

    func show(req: Request) async throws -> Response {
        let ctx = try await EnquiryContext.load(req)
        return try await renderShow(req: req, ctx: ctx, id: try EnquiryQuery.id(req), form: [:], errors: [], status: .ok)
    }

    func renderShow(req: Request, ctx: EnquiryContext, id: UUID, form: [String: String], errors: [FieldError],
                    status: HTTPResponseStatus) async throws -> Response {
        let service = EnquiryService(req: req, ctx: ctx)
        let (record, state) = try await service.load(id)
        let facts = state.accessFacts
        let notes = EnquiryPolicy.canSeeNotes(viewer: ctx.viewer, facts: facts, profile: ctx.profile, org: ctx.org).allowed
        let json = EnquiryJSON(detail: record, state: state, draft: try record.draft, replies: try await service.replies(record),
                               attachments: try await service.attachments(record), showNotes: notes, ctx: ctx, overdue: service.isOverdue(record))
        var can: [String: Bool] = ["notes": notes]
        for kind in EnquiryActionKind.allCases {
            can["\(kind)"] = EnquiryPolicy.canAct(kind, viewer: ctx.viewer, facts: facts, profile: ctx.profile, org: ctx.org).allowed
        }
        let officers = ctx.org.officers.values
            .filter { EnquiryRouter.assignmentProblem(officerID: $0.id, serviceID: record.serviceID, routine: record.routine, org: ctx.org) == nil && $0.id != record.currentHandlerID }
            .sorted { $0.name < $1.name }
            .map { SelectOption(value: $0.id.uuidString.lowercased(), label: $0.name, selected: form["officer"] == $0.id.uuidString.lowercased()) }
        let routes = ctx.profile.enquiries.replyRoutes.parameters.allowed.map {
            SelectOption(value: $0.rawValue, label: $0.displayName, selected: form["route"] == $0.rawValue)
        }
        let delay = EnquiryChasing.delayNoticeOwed(for: state, today: ctx.today, profile: ctx.profile, calendar: ctx.calendar)
        let page = ShowPage(enquiry: json, can: can, routes: routes, officers: officers,
                            delayRule: delay.map { "\($0.statement) (\($0.citation))" },
                            coveringSheet: ctx.viewer.kind == .officer && ctx.profile.enquiries.coveringSheet.inForce, form: form)
        return try await req.renderResponse("enquiries/show", title: "\(record.reference): \(record.subject)", content: page, errors: errors,
                                            breadcrumbs: [.init(href: "/enquiries", label: "Enquiries")], status: status)
    }

    /// The Acknowledge and Delay forms both send `explanation` and can be on the page together.
    static let controls = FormControls(["delay": ["explanation": "delayExplanation"]])

    func act(req: Request, action kind: EnquiryFormAction) async throws -> Response {
        let ctx = try await EnquiryContext.load(req)
        let id = try EnquiryQuery.id(req)
        let form = try FormBody(req)
        do {
            let action = try kind.action(form: form, ctx: ctx)
            _ = try await EnquiryService(req: req, ctx: ctx).act(id, action, replyText: form["reply"])
            return req.redirect(to: "/enquiries/\(id.uuidString.lowercased())", flash: kind.done)
        } catch let error as AppError where error.kind == .validation {
            return try await renderShow(req: req, ctx: ctx, id: id, form: Self.controls.echo(form, action: kind.rawValue),
                                        errors: Self.controls.errors(error.fieldErrors, action: kind.rawValue), status: .unprocessableEntity)
        }
    }

    struct SheetPage: Encodable {
        var title: String
        var lines: [EnquiryCoveringSheet.Line]
        var rules: [RuleReference]
    }

    func coveringSheet(req: Request) async throws -> View {
        let ctx = try await EnquiryContext.load(req)
        let (record, state) = try await EnquiryService(req: req, ctx: ctx).load(try EnquiryQuery.id(req), auditAs: "enquiry.covering-sheet")
        guard ctx.viewer.kind == .officer else {
            throw await req.refusal("enquiry.covering-sheet", resourceType: "enquiry", resourceID: record.id?.uuidString,
                                    reason: "The covering sheet goes with the enquiry to the officers dealing with it.")
        }
        let draft = try record.draft
        let routing = EnquiryRoutingOutcome(officerID: state.assignments.first?.officerID ?? record.currentHandlerID,
                                            recipient: Recipient(.headOfService, of: .service), routine: record.routine, skipped: [],
                                            rule: ctx.profile.enquiries.routing.reference(in: ctx.profile.document), coveringSheetRule: nil)
        let deadlines = EnquiryDeadlines.compute(receivedAt: state.clockStartedAt, profile: ctx.profile, calendar: ctx.calendar)
        var assistantName: String?
        if let assistant = record.assistantID { assistantName = try await GroupAssistant.find(assistant, in: ctx.actor.authorityID, on: req.db)?.name }
        guard let sheet = EnquiryCoveringSheet.make(reference: record.reference, draft: draft, raisedBy: state.raisedBy, assistantName: assistantName,
                                                    routing: routing, deadlines: deadlines, profile: ctx.profile, org: ctx.org) else {
            throw AppError.notFound("A covering sheet (the protocol does not use one)")
        }
        return try await req.render("enquiries/covering-sheet", title: sheet.title, content: SheetPage(title: sheet.title, lines: sheet.lines, rules: sheet.rules))
    }

    func attachment(req: Request) async throws -> Response {
        let ctx = try await EnquiryContext.load(req)
        let (record, _) = try await EnquiryService(req: req, ctx: ctx).load(try EnquiryQuery.id(req), auditAs: "enquiry.attachment.download")
        guard let aid = req.parameters.get("attachmentID").flatMap(UUID.init(uuidString:)),
              let file = try await EnquiryAttachmentRecord.query(on: req.db).filter(\.$id == aid).filter(\.$enquiryID == record.id!).first() else {
            throw AppError.notFound("The attachment")
        }
        let data = try AttachmentStore.read(file.storedPath, dataDirectory: req.probity.settings.dataDirectory)
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: file.contentType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(file.filename)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
