import Fluent
import ProbityCore
import Vapor

/// `/api/v1/documents`, `/api/v1/access-requests`, `/api/v1/confidences` and `/api/v1/briefings`:
/// the same operations and checks as the pages, as JSON.
struct InformationAPIController {
    func boot(routes: any RoutesBuilder) {
        let documents = routes.grouped("documents")
        documents.get(use: listDocuments)
        documents.on(.POST, body: .collect(maxSize: "16mb"), use: createDocument)
        documents.get("interests", use: listInterests)
        documents.post("interests", use: declareInterest)
        documents.get(":documentID", use: showDocument)
        documents.get(":documentID", "download", use: download)
        documents.on(.POST, ":documentID", "redacted-version", body: .collect(maxSize: "16mb"), use: fileRedacted)

        let requests = routes.grouped("access-requests")
        requests.get(use: listRequests)
        requests.post(use: createRequest)
        requests.get(":requestID", use: showRequest)
        requests.post(":requestID", "decision", use: decide)

        let confidences = routes.grouped("confidences")
        confidences.get(use: listConfidences)
        confidences.post(use: createConfidence)
        confidences.get(":confidenceID", use: showConfidence)
        for action in ["share", "refer", "waive"] {
            confidences.post(":confidenceID", .constant(action == "share" ? "shares" : action == "refer" ? "referrals" : "waiver")) {
                try await actOnConfidence(req: $0, name: action)
            }
        }

        let briefings = routes.grouped("briefings")
        briefings.get(use: listBriefings)
        briefings.post(use: requestBriefing)
        briefings.get(":briefingID", use: showBriefing)
        for (path, name) in Self.briefingActions {
            briefings.post(":briefingID", .constant(path)) { try await actOnBriefing(req: $0, name: name) }
        }
    }

    /// API sub-resources and the briefing steps they take.
    static let briefingActions: [(String, String)] = [
        ("assignment", "assign"), ("declining", "decline"), ("attendance", "attendance"), ("offers", "offer"),
        ("offer-answer", "offer-answer"), ("held", "held"), ("record", "record"), ("withdrawal", "withdraw"),
    ]

    // MARK: Documents

    func listDocuments(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req, actingFor: try req.uuidQuery("actingFor"))
        let paging = try APIPaging(req, maxPerPage: 200)
        let service = DocumentService(req: req, ctx: ctx)
        let (items, total) = try await service.list(page: paging.page, perPage: paging.perPage)
        let committees = try await service.committeeNames()
        struct Body: Encodable { var items: [DocumentJSON]; var page: JSONValue }
        return try APIResponse.json(encodable: Body(items: items.map { DocumentJSON($0.record, access: $0.access, ctx: ctx, committees: committees) },
                                                    page: paging.metadata(total: total)))
    }

    func createDocument(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        var body = try JSONBody(req, allowed: ["title", "documentClass", "exemptCategory", "ownerGroup", "committee", "service", "subjects",
                                               "wards", "disclosableToAnyone", "summary", "file"], what: "a document")
        var category: String?
        switch body.object["exemptCategory"] {
        case .number(let n)?: category = n == n.rounded() ? String(Int(n)) : "x"
        case nil, .null?: break
        default: body.errors.append(FieldError(field: "exemptCategory", message: "exemptCategory must be a whole number from 1 to 7"))
        }
        let upload = Self.upload(&body, key: "file")
        let input = DocumentService.Input(
            title: body.string("title"), documentClass: body.string("documentClass"), exemptCategory: category, ownerGroup: body.string("ownerGroup"),
            committee: body.string("committee"), service: body.string("service"), subjects: body.strings("subjects").joined(separator: ","),
            wards: body.strings("wards"), disclosableToAnyone: body.bool("disclosableToAnyone"), summary: body.string("summary"), upload: upload)
        try body.check()
        let record = try await DocumentService(req: req, ctx: ctx).create(input)
        let committees = try await DocumentService(req: req, ctx: ctx).committeeNames()
        let access = DocumentPolicy.access(context: ctx.reader, document: record.facts, grants: [], at: req.now, profile: ctx.profile, org: ctx.org)
        let response = try APIResponse.json(encodable: DocumentJSON(record, access: access, ctx: ctx, committees: committees), status: .created)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/documents/\(record.id!.uuidString.lowercased())")
        return response
    }

    /// `{"filename": "...", "contentBase64": "..."}`.
    static func upload(_ body: inout JSONBody, key: String) -> AttachmentStore.Upload? {
        switch body.object[key] {
        case .object(let o)?:
            var file = JSONBody(object: o, allowed: ["filename", "contentBase64"], what: "a file", prefix: "\(key).")
            let name = file.string("filename") ?? ""
            let content = file.string("contentBase64") ?? ""
            body.errors += file.errors.map { $0.field.hasPrefix(key) ? $0 : FieldError(field: "\(key).\($0.field)", message: $0.message) }
            guard let data = Data(base64Encoded: content, options: .ignoreUnknownCharacters) else {
                body.errors.append(FieldError(field: key, message: "\(key).contentBase64 must be the file's bytes in base64"))
                return nil
            }
            return AttachmentStore.Upload(filename: name, data: data)
        case nil, .null?: return nil
        default:
            body.errors.append(FieldError(field: key, message: "\(key) must be an object with filename and contentBase64"))
            return nil
        }
    }

    func showDocument(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req, actingFor: try req.uuidQuery("actingFor"))
        let service = DocumentService(req: req, ctx: ctx)
        let (record, access) = try await service.load(try req.idParameter("documentID", "The document"))
        return try APIResponse.json(encodable: DocumentJSON(record, access: access, ctx: ctx, committees: try await service.committeeNames()))
    }

    func download(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req, actingFor: try req.uuidQuery("actingFor"))
        return try await DocumentService(req: req, ctx: ctx).download(try req.idParameter("documentID", "The document"))
    }

    func fileRedacted(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        let id = try req.idParameter("documentID", "The document")
        var body = try JSONBody(req, allowed: ["redactionNote", "file"], what: "a redacted version")
        let note = body.string("redactionNote")
        let upload = Self.upload(&body, key: "file")
        try body.check()
        let service = DocumentService(req: req, ctx: ctx)
        let record = try await service.fileRedacted(id, upload: upload ?? .init(filename: "", data: Data()), note: note)
        let access = DocumentPolicy.access(context: ctx.reader, document: record.facts, grants: [], at: req.now, profile: ctx.profile, org: ctx.org)
        return try APIResponse.json(encodable: DocumentJSON(record, access: access, ctx: ctx, committees: try await service.committeeNames()))
    }

    /// A councillor's declared interests in matters (TH 12.7).
    func listInterests(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        struct Body: Encodable { var subjects: [String] }
        return try APIResponse.json(encodable: Body(subjects: ctx.viewer.kind == .member ? Array(ctx.reader.member?.declaredInterests ?? []).sorted() : []))
    }

    func declareInterest(req: Request) async throws -> Response {
        var body = try JSONBody(req, allowed: ["subjects"], what: "a declaration of interest")
        let subjects = body.strings("subjects")
        try body.check()
        try await DocumentService(req: req, ctx: try await InformationContext.load(req)).declareInterest(subjects.joined(separator: ","))
        return try await listInterests(req: req)
    }

    // MARK: Need-to-know requests

    func listRequests(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        let paging = try APIPaging(req, maxPerPage: 200)
        let (items, total) = try await AccessRequestService(req: req, ctx: ctx).list(page: paging.page, perPage: paging.perPage)
        let titles = try await AccessRequestsController.titles(req: req, ctx: ctx, ids: items.map(\.1.documentID))
        struct Body: Encodable { var items: [AccessRequestJSON]; var page: JSONValue }
        return try APIResponse.json(encodable: Body(items: items.map { AccessRequestJSON($0.1, title: titles[$0.1.documentID] ?? "", ctx: ctx, profile: ctx.profile) },
                                                    page: paging.metadata(total: total)))
    }

    func createRequest(req: Request) async throws -> Response {
        var body = try JSONBody(req, allowed: ["document", "reasonKind", "reason", "ward", "actingFor"], what: "a need-to-know request")
        let document = body.string("document")
        let acting = body.string("actingFor")
        let input = (body.string("reasonKind"), body.string("reason"), body.string("ward"))
        var documentID: UUID?
        if let document { documentID = UUID(uuidString: document) }
        if documentID == nil { body.errors.append(FieldError(field: "document", message: "Give the id of the document you need")) }
        if let acting, UUID(uuidString: acting) == nil { body.errors.append(FieldError(field: "actingFor", message: "actingFor must be a member's id")) }
        try body.check()
        let ctx = try await InformationContext.load(req, actingFor: acting.flatMap(UUID.init(uuidString:)))
        let row = try await AccessRequestService(req: req, ctx: ctx).submit(.init(documentID: documentID!, reasonKind: input.0, explanation: input.1, wardID: input.2))
        let response = try APIResponse.json(encodable: try await requestDetail(req: req, ctx: ctx, id: row.id!), status: .created)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/access-requests/\(row.id!.uuidString.lowercased())")
        return response
    }

    private func requestDetail(req: Request, ctx: InformationContext, id: UUID) async throws -> AccessRequestJSON {
        let (_, state, document) = try await AccessRequestService(req: req, ctx: ctx).load(id)
        return AccessRequestJSON(state, title: document.title, ctx: ctx, profile: ctx.profile)
    }

    func showRequest(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        return try APIResponse.json(encodable: try await requestDetail(req: req, ctx: ctx, id: try req.idParameter("requestID", "The request")))
    }

    func decide(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        let id = try req.idParameter("requestID", "The request")
        var body = try JSONBody(req, allowed: ["outcome", "ground", "explanation", "purpose", "expiresOn", "redactionConfirmed"], what: "a decision")
        let decision = AccessRequestService.Decision(outcome: body.string("outcome"), ground: body.string("ground"), explanation: body.string("explanation"),
                                                     purpose: body.string("purpose"), expiresOn: body.string("expiresOn"),
                                                     redactionConfirmed: body.bool("redactionConfirmed"))
        try body.check()
        _ = try await AccessRequestService(req: req, ctx: ctx).decide(id, decision)
        return try APIResponse.json(encodable: try await requestDetail(req: req, ctx: ctx, id: id))
    }

    // MARK: Party-political confidences

    func listConfidences(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        let items = try await ConfidenceService(req: req, ctx: ctx).list()
        struct Body: Encodable { var items: [ConfidenceService.JSON] }
        return try APIResponse.json(encodable: Body(items: items.map { .init($0, ctx: ctx) }))
    }

    func createConfidence(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        var body = try JSONBody(req, allowed: ["member", "setting", "summary", "service"], what: "a party-political confidence")
        let values = (body.string("member"), body.string("setting"), body.string("summary"), body.string("service"))
        try body.check()
        let service = ConfidenceService(req: req, ctx: ctx)
        let row = try await service.record(member: values.0, setting: values.1, summary: values.2, service: values.3)
        let response = try APIResponse.json(encodable: ConfidenceService.JSON(try row.state, ctx: ctx), status: .created)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/confidences/\(row.id!.uuidString.lowercased())")
        return response
    }

    func showConfidence(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        let (_, state) = try await ConfidenceService(req: req, ctx: ctx).load(try req.idParameter("confidenceID", "The record"))
        return try APIResponse.json(encodable: ConfidenceService.JSON(state, ctx: ctx))
    }

    func actOnConfidence(req: Request, name: String) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        let id = try req.idParameter("confidenceID", "The record")
        let allowed: Set<String> = switch name {
        case "share": ["officer", "necessity", "explanation"]
        case "refer": ["concern", "explanation"]
        default: ["note"]
        }
        var body = try JSONBody(req, allowed: allowed, what: "this action")
        var texts: [String: String] = [:]
        for key in allowed { texts[key] = body.string(key) }
        try body.check()
        let row = try await ConfidenceService(req: req, ctx: ctx).act(id, name, text: { texts[$0] })
        return try APIResponse.json(encodable: ConfidenceService.JSON(try row.state, ctx: ctx))
    }

    // MARK: Briefings

    func listBriefings(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        let service = BriefingService(req: req, ctx: ctx)
        let (briefings, offers) = try await service.list()
        struct Body: Encodable { var items: [BriefingJSON]; var offers: [BriefingOfferJSON] }
        return try APIResponse.json(encodable: Body(items: briefings.map { BriefingJSON($0, ctx: ctx, showRecord: service.canViewRecord($0)) }, offers: offers))
    }

    func requestBriefing(req: Request) async throws -> Response {
        var body = try JSONBody(req, allowed: ["topic", "service", "nonCouncillorsAttending", "actingFor", "answersOffer"], what: "a briefing request")
        let input = BriefingService.RequestInput(topic: body.string("topic"), service: body.string("service"),
                                                 nonCouncillors: body.strings("nonCouncillorsAttending"), answersOffer: body.bool("answersOffer"))
        let acting = body.string("actingFor")
        if let acting, UUID(uuidString: acting) == nil { body.errors.append(FieldError(field: "actingFor", message: "actingFor must be a member's id")) }
        try body.check()
        let ctx = try await InformationContext.load(req, actingFor: acting.flatMap(UUID.init(uuidString:)))
        let service = BriefingService(req: req, ctx: ctx)
        let row = try await service.request(input)
        let state = try row.state
        let response = try APIResponse.json(encodable: BriefingJSON(state, ctx: ctx, showRecord: service.canViewRecord(state)), status: .created)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/briefings/\(row.id!.uuidString.lowercased())")
        return response
    }

    func showBriefing(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        let service = BriefingService(req: req, ctx: ctx)
        let (_, state) = try await service.load(try req.idParameter("briefingID", "The briefing"))
        return try APIResponse.json(encodable: BriefingJSON(state, ctx: ctx, showRecord: service.canViewRecord(state)))
    }

    static let briefingFields: [String: Set<String>] = [
        "assign": ["officer", "accompanying", "neutralTopic"], "decline": ["reason"], "attendance": ["agreed", "note"],
        "offer": ["group", "neutralTopic"], "offer-answer": ["accept"], "held": ["officerLeftBeforePartyBusiness"],
        "record": ["facts", "options"], "withdraw": ["reason"],
    ]

    func actOnBriefing(req: Request, name: String) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        let id = try req.idParameter("briefingID", "The briefing")
        let allowed = Self.briefingFields[name] ?? []
        var body = try JSONBody(req, allowed: allowed, what: "this action")
        var texts: [String: String] = [:]
        var lists: [String: [String]] = [:]
        var options: [BriefingOption] = []
        for key in allowed {
            switch key {
            case "accompanying", "facts": lists[key] = body.strings(key)
            case "agreed", "accept", "officerLeftBeforePartyBusiness":
                if let value = body.requiredBool(key) { texts[key] = value ? "true" : "false" }
            case "options":
                for (index, o) in body.objects("options").enumerated() {
                    var option = JSONBody(object: o, allowed: ["title", "merits", "demerits"], what: "an option", prefix: "options[\(index)].")
                    let title = option.string("title") ?? ""
                    let merits = option.strings("merits"), demerits = option.strings("demerits")
                    body.errors += option.errors.map { $0.field.hasPrefix("options[") ? $0 : FieldError(field: "options[\(index)].\($0.field)", message: $0.message) }
                    options.append(BriefingOption(title: title, merits: merits, demerits: demerits))
                }
            default: texts[key] = body.string(key)
            }
        }
        try body.check()
        let service = BriefingService(req: req, ctx: ctx)
        let action = try service.action(name, text: { texts[$0] }, lists: { lists[$0] ?? [] }, options: options)
        let row = try await service.act(id, action, name: name)
        let state = try row.state
        if name == "offer-answer" {
            struct Answered: Encodable { var briefingId: UUID; var status: String }
            let group = ctx.viewer.personID.flatMap { ctx.org.members[$0]?.groupID }
            return try APIResponse.json(encodable: Answered(briefingId: id, status: group.flatMap { state.offerView(for: $0)?.status.rawValue } ?? ""))
        }
        return try APIResponse.json(encodable: BriefingJSON(state, ctx: ctx, showRecord: service.canViewRecord(state)))
    }
}
