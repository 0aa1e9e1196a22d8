import Fluent
import ProbityCore
import Vapor

/// Need-to-know request pages: a councillor's own requests (never another's, TH 12.19), the
/// deciding officer's queue, one request with its history, and the decision form for the Chief
/// Officer or Divisional Director with referral to the Corporate Director of Governance (TH 12.22).
struct AccessRequestsController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("access-requests")
        group.get(use: index)
        group.get(":requestID", use: show)
        group.post(":requestID", "decision", use: decide)
    }

    struct IndexPage: Encodable {
        var items: [AccessRequestJSON]
        var total: Int
        var pagination: Pagination
        var isOfficer: Bool
    }

    func index(req: Request) async throws -> View {
        let ctx = try await InformationContext.load(req)
        let page = req.pageNumber
        let (items, total) = try await AccessRequestService(req: req, ctx: ctx).list(page: page, perPage: Self.perPage)
        let titles = try await Self.titles(req: req, ctx: ctx, ids: items.map(\.1.documentID))
        let content = IndexPage(items: items.map { AccessRequestJSON($0.1, title: titles[$0.1.documentID] ?? "", ctx: ctx, profile: ctx.profile) },
                                total: total, pagination: Pagination(page: page, per: Self.perPage, total: total, path: "/access-requests"),
                                isOfficer: ctx.viewer.kind == .officer)
        return try await req.render("information/requests", title: ctx.viewer.kind == .officer ? "Need-to-know requests" : "My need-to-know requests",
                                    content: content)
    }

    static func titles(req: Request, ctx: InformationContext, ids: [UUID]) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let docs = try await DocumentRecord.scoped(to: ctx.authorityID, on: req.db).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(docs.map { ($0.id!, $0.title) }, uniquingKeysWith: { a, _ in a })
    }

    struct ShowPage: Encodable {
        var request: AccessRequestJSON
        var documentHref: String
        var canDecide: Bool
        var canRefer: Bool
        var canRevoke: Bool
        var redactionProvided: Bool
        var hasRedactedVersion: Bool
        var grounds: [SelectOption]
        var form: [String: String]
        var procedure: RuleJSON
    }

    func show(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        return try await renderShow(req: req, ctx: ctx, id: try req.idParameter("requestID", "The request"), form: [:], errors: [], status: .ok)
    }

    private func renderShow(req: Request, ctx: InformationContext, id: UUID, form: [String: String], errors: [FieldError],
                            status: HTTPResponseStatus) async throws -> Response {
        let (_, state, document) = try await AccessRequestService(req: req, ctx: ctx).load(id)
        var form = form
        form["outcome"] = form["outcome"] ?? ""
        let me = ctx.viewer.kind == .officer ? ctx.viewer.personID : nil
        let canDecide = me.map { (state.status == .submitted && state.deciderIDs.contains($0)) || (state.status == .referred && state.referralIDs.contains($0)) } ?? false
        let canRevoke = me.map { state.status == .granted && state.grant?.revokedAt == nil && (state.decidingOfficerIDs.contains($0) || state.grant?.grantedByOfficerID == $0) } ?? false
        let page = ShowPage(
            request: AccessRequestJSON(state, title: document.title, ctx: ctx, profile: ctx.profile),
            documentHref: "/documents/\(document.id!.uuidString.lowercased())", canDecide: canDecide,
            canRefer: canDecide && state.status == .submitted, canRevoke: canRevoke,
            redactionProvided: ctx.profile.information.redactedRelease.inForce, hasRedactedVersion: document.redactedStoredPath != nil,
            grounds: NeedToKnowRefusalGround.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName.prefix(1).uppercased() + $0.displayName.dropFirst(), selected: form["ground"] == $0.rawValue) },
            form: form, procedure: RuleJSON(ctx.profile.information.needToKnowDecision.reference(in: ctx.profile.document)))
        return try await req.renderResponse("information/request", title: "Need-to-know request: \(document.title)", content: page, errors: errors,
                                            breadcrumbs: [.init(href: "/access-requests", label: "Need-to-know requests")], status: status)
    }

    func decide(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        let id = try req.idParameter("requestID", "The request")
        let form = try FormBody(req)
        var echo: [String: String] = [:]
        for (k, v) in form.values { echo[k] = v.first }
        do {
            let row = try await AccessRequestService(req: req, ctx: ctx).decide(id, .init(
                outcome: form["outcome"], ground: form["ground"], explanation: form["explanation"], purpose: form["purpose"],
                expiresOn: form["expiresOn"], redactionConfirmed: form["redactionConfirmed"] == "true"))
            let said = switch row.status {
            case "granted": form["outcome"] == "revoke" ? "Release withdrawn." : "Released. The councillor is told, and the document is marked confidential to its purpose."
            case "referred": "Referred for determination."
            default: "Refused. The councillor is told why."
            }
            return req.redirect(to: "/access-requests/\(id.uuidString.lowercased())", flash: said)
        } catch let error as AppError where error.kind == .validation {
            return try await renderShow(req: req, ctx: ctx, id: id, form: echo, errors: error.fieldErrors, status: .unprocessableEntity)
        }
    }
}
