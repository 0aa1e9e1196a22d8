import Foundation
import ProbityCore
import Vapor

/// Reading enquiry list filters and ids from requests, shared by pages and the API.
enum EnquiryQuery {
    static func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("enquiryID").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound("The enquiry") }
        return id
    }

    static func filters(_ req: Request) throws -> EnquiryService.Filters {
        var filters = EnquiryService.Filters()
        var errors: [FieldError] = []
        if let raw = APIQuery.value(req, "status", errors: &errors, describe: "one of \(EnquiryStatus.allCases.map(\.rawValue).joined(separator: ", "))") {
            if let status = EnquiryStatus(rawValue: raw) { filters.status = status } else {
                errors.append(FieldError(field: "status", message: "status must be one of \(EnquiryStatus.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        if let raw = APIQuery.value(req, "overdue", errors: &errors, describe: "true or false") {
            switch raw {
            case "true": filters.overdueOnly = true
            case "false": filters.overdueOnly = false
            default: errors.append(FieldError(field: "overdue", message: "overdue must be true or false"))
            }
        }
        for (name, apply) in [("member", { (id: UUID) in filters.memberID = id }), ("service", { (id: UUID) in filters.serviceID = id })] {
            if let raw = APIQuery.value(req, name, errors: &errors, describe: "an id") {
                if let id = UUID(uuidString: raw) { apply(id) } else { errors.append(FieldError(field: name, message: "\(name) must be an id")) }
            }
        }
        if let raw = APIQuery.value(req, "scope", errors: &errors, describe: "all or mine") {
            if let scope = EnquiryService.Filters.Scope(rawValue: raw) { filters.scope = scope } else {
                errors.append(FieldError(field: "scope", message: "scope must be all or mine"))
            }
        }
        if !errors.isEmpty { throw AppError(.badRequest, detail: "The filters are not valid.", fieldErrors: errors) }
        return filters
    }

    static func queryString(_ f: EnquiryService.Filters) -> String {
        var parts: [String] = []
        if let s = f.status { parts.append("status=\(s.rawValue)") }
        if f.overdueOnly { parts.append("overdue=true") }
        if let m = f.memberID { parts.append("member=\(m.uuidString.lowercased())") }
        if let s = f.serviceID { parts.append("service=\(s.uuidString.lowercased())") }
        if f.scope != .all { parts.append("scope=\(f.scope.rawValue)") }
        return parts.joined(separator: "&")
    }

    /// The members the viewer may raise an enquiry for.
    static func raisableMembers(_ ctx: EnquiryContext) -> [OrgSnapshot.Member] {
        ctx.org.members.values
            .filter { EnquiryIntake.mayRaise(viewer: ctx.viewer, forMemberID: $0.id, profile: ctx.profile, org: ctx.org).allowed }
            .sorted { $0.name < $1.name }
    }

    static func canRaiseAny(_ ctx: EnquiryContext) -> Bool { !raisableMembers(ctx).isEmpty }
}
