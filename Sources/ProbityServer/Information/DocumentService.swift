import Fluent
import Foundation
import ProbityCore
import Vapor

/// Documents for pages and the API. Every decision is `DocumentPolicy`'s; this adapts it to
/// storage, files and the audit log.
struct DocumentService {
    let req: Request
    let ctx: InformationContext

    // MARK: Listing

    struct Listed {
        var record: DocumentRecord
        var access: DocumentAccess
    }

    /// The documents the reader may read, and (for councillors) those they could ask for on a
    /// need-to-know basis. Each is decided by the policy before counting and paging, so neither
    /// reveals a document the reader may not know of.
    func list(page: Int, perPage: Int) async throws -> (items: [Listed], total: Int) {
        let records = try await DocumentRecord.scoped(to: ctx.authorityID, on: req.db).sort(\.$filedAt, .descending).sort(\.$title).all()
        let grants = try await ctx.grants(on: req.db)
        let now = req.now
        let visible = records.compactMap { record -> Listed? in
            let access = DocumentPolicy.access(context: ctx.reader, document: record.facts, grants: grants, at: now,
                                               profile: ctx.profile, org: ctx.org)
            let askable = access.mayRequestNeedToKnow && (ctx.viewer.kind == .member || ctx.viewer.kind == .assistant)
            return access.allowed || askable ? Listed(record: record, access: access) : nil
        }
        let start = min((page - 1) * perPage, visible.count)
        return (Array(visible[start..<min(start + perPage, visible.count)]), visible.count)
    }

    func committeeNames() async throws -> [UUID: String] {
        let committees = try await Committee.scoped(to: ctx.authorityID, on: req.db).all()
        return Dictionary(committees.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: Reading

    /// The document and the reader's access to it. Every read is audited, allowed or refused;
    /// a refusal throws unless `allowRefused` (the page then offers a need-to-know request).
    func load(_ id: UUID, action: String = "document.read", allowRefused: Bool = false) async throws -> (DocumentRecord, DocumentAccess) {
        guard let record = try await DocumentRecord.find(id, in: ctx.authorityID, on: req.db) else {
            throw AppError.notFound("The document")
        }
        let grants = try await ctx.grants(on: req.db, documentIDs: [id])
        let access = DocumentPolicy.access(context: ctx.reader, document: record.facts, grants: grants, at: req.now,
                                           profile: ctx.profile, org: ctx.org)
        guard access.allowed else {
            let refusal = await req.refusal(action, resourceType: "document", resourceID: id.uuidString, reason: access.decision.explanation)
            if allowRefused && access.mayRequestNeedToKnow { return (record, access) }
            throw refusal
        }
        var detail = ["basis": access.basis?.rawValue ?? "", "version": access.version?.isRedacted == true ? "redacted" : "full",
                      "citations": access.decision.rules.map(\.citation).joined(separator: "; ")]
        if let member = ctx.readerMemberID, ctx.viewer.kind == .assistant { detail["actingFor"] = member.uuidString }
        let event = ctx.actor.auditEvent(action, resourceType: "document", resourceID: id.uuidString, detail: detail)
        let now = req.now
        try await req.write { db in try await AuditLog.append(event, on: db, at: now) }
        return (record, access)
    }

    /// The file the reader may have, marked confidential with its limited purpose where it is not public (TH 12.16).
    func download(_ id: UUID) async throws -> Response {
        let (record, access) = try await load(id, action: "document.download")
        let data: Data
        let filename: String
        let contentType: String
        if access.version?.isRedacted == true {
            guard let path = record.redactedStoredPath else {
                throw AppError(.conflict, detail: "The redacted version released to you has not been filed yet. Ask the officer who decided the request.")
            }
            data = try AttachmentStore.read(path, dataDirectory: req.probity.settings.dataDirectory)
            filename = "REDACTED " + (record.redactedFilename ?? record.filename)
            contentType = record.redactedContentType ?? record.contentType
        } else {
            data = try AttachmentStore.read(record.storedPath, dataDirectory: req.probity.settings.dataDirectory)
            filename = record.filename
            contentType = record.contentType
        }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: contentType)
        let confidential = access.handling?.markedConfidential == true
        let name = AttachmentStore.safeName((confidential ? "CONFIDENTIAL " : "") + filename)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        if confidential, let handling = access.handling {
            response.headers.replaceOrAdd(name: "X-Probity-Classification", value: "CONFIDENTIAL")
            response.headers.replaceOrAdd(name: "X-Probity-Use-Limited-To", value: Self.headerSafe(handling.useLimitedTo))
        }
        return response
    }

    static func headerSafe(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F ? Character($0) : " " }.prefix(500))
    }

    // MARK: Filing

    struct Input: Sendable {
        var title: String?
        var documentClass: String?
        var exemptCategory: String?
        var ownerGroup: String?
        var committee: String?
        var service: String?
        var subjects: String?
        var wards: [String] = []
        var disclosableToAnyone = false
        var summary: String?
        var upload: AttachmentStore.Upload?
    }

    /// Files a document: officers only. Checks every field, stores the file, then writes the
    /// record and its audit entry in one transaction.
    func create(_ input: Input) async throws -> DocumentRecord {
        guard ctx.viewer.kind == .officer, let officerID = ctx.viewer.personID, ctx.org.officers[officerID] != nil else {
            throw await req.refusal("document.create", resourceType: "document", reason: "Only officers file council documents.")
        }
        var errors: [FieldError] = []
        let title = (input.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { errors.append(FieldError(field: "title", message: "Enter the document's title")) }
        else if title.count > 300 { errors.append(FieldError(field: "title", message: "The title must be 300 characters or fewer")) }
        let kind = input.documentClass ?? ""
        if !DocumentClasses.kinds.contains(where: { $0.value == kind }) {
            errors.append(FieldError(field: "documentClass", message: "Choose the document's class"))
        }
        var category: Int?
        if kind == "exempt" {
            if let n = input.exemptCategory.flatMap({ Int($0) }), ExemptCategory(rawValue: n) != nil { category = n }
            else { errors.append(FieldError(field: "exemptCategory", message: "Choose the Schedule 12A category, 1 to 7")) }
        } else if let raw = input.exemptCategory, !raw.isEmpty {
            errors.append(FieldError(field: "exemptCategory", message: "Only exempt (Part II) documents have a Schedule 12A category"))
        }
        var ownerGroup: UUID?
        if kind == "group-internal" {
            if let id = input.ownerGroup.flatMap(UUID.init(uuidString:)), ctx.org.groups[id] != nil { ownerGroup = id }
            else { errors.append(FieldError(field: "ownerGroup", message: "Choose the political group whose internal document it is")) }
        } else if let raw = input.ownerGroup, !raw.isEmpty {
            errors.append(FieldError(field: "ownerGroup", message: "Only a group's internal document has an owner group"))
        }
        var committee: Committee?
        if let raw = input.committee, !raw.isEmpty {
            if let id = UUID(uuidString: raw), let found = try await Committee.find(id, in: ctx.authorityID, on: req.db) { committee = found }
            else { errors.append(FieldError(field: "committee", message: "Choose a committee of this council")) }
        }
        var service: UUID?
        if let raw = input.service, !raw.isEmpty {
            if let id = UUID(uuidString: raw), ctx.org.services[id] != nil { service = id }
            else { errors.append(FieldError(field: "service", message: "Choose a service of this council")) }
        }
        let subjects = InformationContext.subjectTags(input.subjects ?? "")
        if subjects.count > 30 { errors.append(FieldError(field: "subjects", message: "Give 30 subjects or fewer")) }
        var wards: [UUID] = []
        for raw in input.wards where !raw.isEmpty {
            if let id = UUID(uuidString: raw), try await Ward.find(id, in: ctx.authorityID, on: req.db) != nil { wards.append(id) }
            else { errors.append(FieldError(field: "wards", message: "Choose wards of this council")); break }
        }
        let summary = (input.summary ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if summary.count > 4_000 { errors.append(FieldError(field: "summary", message: "The summary must be 4,000 characters or fewer")) }
        var file: AttachmentStore.Checked?
        if let upload = input.upload, !(upload.data.isEmpty && upload.filename.isEmpty) {
            let (files, fileErrors) = AttachmentStore.check([upload], field: "file")
            errors += fileErrors
            file = files.first
        } else {
            errors.append(FieldError(field: "file", message: "Choose the file to upload"))
        }
        guard errors.isEmpty, let file else {
            throw AppError.validation(errors, detail: "The document was not filed. Correct the problems and try again.")
        }
        let dataDirectory = req.probity.settings.dataDirectory
        let path: String
        do { path = try AttachmentStore.write(file, authorityID: ctx.authorityID, dataDirectory: dataDirectory) } catch {
            throw AppError(.unavailable, detail: "The file could not be stored, so the document was not filed. Please try again.")
        }
        let record = DocumentRecord()
        record.id = UUID()
        record.authorityID = ctx.authorityID
        record.title = title
        record.classKind = kind
        record.exemptCategory = category
        record.ownerGroupID = ownerGroup
        record.serviceID = service ?? ctx.org.officers[officerID]?.serviceID
        record.ownerOfficerID = officerID
        record.committeeID = committee?.id
        record.isCabinetItem = committee?.committeeKind == CommitteeKind.cabinet.rawValue
        record.subjects = subjects
        record.wardIDs = wards
        record.disclosableToAnyone = input.disclosableToAnyone
        record.summary = summary
        record.filename = file.filename
        record.contentType = file.contentType
        record.byteCount = file.data.count
        record.sha256 = file.sha256
        record.storedPath = path
        record.filedByOfficerID = officerID
        record.filedAt = req.now
        let event = ctx.actor.auditEvent("document.create", resourceType: "document", resourceID: record.id!.uuidString,
                                         detail: ["class": DocumentClasses.display(record.documentClass), "sha256": file.sha256])
        let now = req.now
        do {
            try await req.write { db in
                try await AuditLog.append(event, on: db, at: now)
                try await record.create(on: db)
            }
        } catch {
            try? FileManager.default.removeItem(at: URL(fileURLWithPath: dataDirectory).appendingPathComponent(path))
            throw error
        }
        return record
    }

    /// Files the redacted version released under TH 12.12: an officer who may read the document.
    func fileRedacted(_ id: UUID, upload: AttachmentStore.Upload, note: String?) async throws -> DocumentRecord {
        guard ctx.viewer.kind == .officer else {
            throw await req.refusal("document.redacted-version", resourceType: "document", resourceID: id.uuidString,
                                    reason: "Only officers file redacted versions.")
        }
        let (record, _) = try await load(id, action: "document.redacted-version")
        var errors: [FieldError] = []
        let text = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { errors.append(FieldError(field: "redactionNote", message: "Say what was redacted and why")) }
        else if text.count > 2_000 { errors.append(FieldError(field: "redactionNote", message: "Keep this to 2,000 characters or fewer")) }
        let (files, fileErrors) = AttachmentStore.check([upload], field: "file")
        errors += fileErrors
        if upload.data.isEmpty && upload.filename.isEmpty { errors.append(FieldError(field: "file", message: "Choose the redacted file")) }
        guard errors.isEmpty, let file = files.first else { throw AppError.validation(errors) }
        let dataDirectory = req.probity.settings.dataDirectory
        let path = try AttachmentStore.write(file, authorityID: ctx.authorityID, dataDirectory: dataDirectory)
        record.redactedFilename = file.filename
        record.redactedContentType = file.contentType
        record.redactedStoredPath = path
        record.redactedNote = text
        let event = ctx.actor.auditEvent("document.redacted-version", resourceType: "document", resourceID: id.uuidString,
                                         detail: ["sha256": file.sha256])
        let now = req.now
        try await req.write { db in
            try await AuditLog.append(event, on: db, at: now)
            try await record.update(on: db)
        }
        return record
    }

    /// A member records a matter they have an interest in: for it they see only what the public may (TH 12.7).
    func declareInterest(_ raw: String?) async throws {
        guard ctx.viewer.kind == .member, let memberID = ctx.viewer.personID else {
            throw await req.refusal("document.declare-interest", resourceType: "member", reason: "Only councillors declare interests in matters.")
        }
        let tags = InformationContext.subjectTags(raw ?? "")
        guard !tags.isEmpty else { throw AppError.validation([FieldError(field: "subject", message: "Enter the matter, for example a subject such as housing")]) }
        guard tags.count <= 10 else { throw AppError.validation([FieldError(field: "subject", message: "Declare 10 matters or fewer at a time")]) }
        let existing = Set(try await DeclaredInterestRecord.scoped(to: ctx.authorityID, on: req.db).filter(\.$memberID == memberID).all().map(\.subject))
        let authorityID = ctx.authorityID
        let event = ctx.actor.auditEvent("document.declare-interest", resourceType: "member", resourceID: memberID.uuidString,
                                         detail: ["subjects": tags.joined(separator: ", ")])
        let now = req.now
        try await req.write { db in
            try await AuditLog.append(event, on: db, at: now)
            for tag in tags where !existing.contains(tag) {
                let r = DeclaredInterestRecord()
                r.authorityID = authorityID
                r.memberID = memberID
                r.subject = tag
                r.declaredAt = now
                try await r.create(on: db)
            }
        }
    }
}
