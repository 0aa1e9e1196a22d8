import Fluent
import Foundation
import ProbityCore
import Vapor

/// Lists narrowed to what the viewer may see. The database query takes the candidates by the
/// viewer's standing (their own enquiries; the enquiries of the officers they manage; their
/// services); the policy then decides each one, and paging and counts are taken after that,
/// so a list never reveals that an enquiry exists to someone who may not see it.
extension EnquiryService {
    struct Filters: Sendable {
        enum Scope: String, Sendable { case all, mine }
        var status: EnquiryStatus?
        var overdueOnly = false
        var memberID: UUID?
        var serviceID: UUID?
        var scope: Scope = .all
    }

    func list(_ filters: Filters, page: Int, perPage: Int) async throws -> (items: [EnquiryRecord], total: Int) {
        var query = EnquiryRecord.scoped(to: ctx.actor.authorityID, on: req.db)
        switch ctx.viewer.kind {
        case .member:
            guard let me = ctx.viewer.personID else { return ([], 0) }
            query = query.filter(\.$memberID == me)
        case .assistant:
            query = query.filter(\.$memberID ~~ Array(ctx.viewer.actsForMemberIDs))
        case .partyWorker, .none:
            return ([], 0)
        case .officer:
            guard let me = ctx.viewer.personID else { return ([], 0) }
            if !seesEveryService(me) {
                let team = [me] + ctx.org.officers.keys.filter { ctx.org.managementLine(of: $0).contains(me) }
                let services = servicesWithStanding(me)
                query = query.join(EnquiryHandler.self, on: \EnquiryRecord.$id == \EnquiryHandler.$enquiryID, method: .left)
                    .group(.or) { or in
                        or.filter(EnquiryHandler.self, \.$officerID ~~ team)
                        or.filter(\.$serviceID ~~ services)
                        or.filter(\.$loggedByOfficerID == me)
                    }
                    .unique()
            }
            if filters.scope == .mine { query = query.filter(\.$currentHandlerID == me) }
        }
        if let status = filters.status { query = query.filter(\.$status == status.rawValue) }
        if let member = filters.memberID { query = query.filter(\.$memberID == member) }
        if let service = filters.serviceID { query = query.filter(\.$serviceID == service) }
        if filters.overdueOnly {
            query = query.filter(\.$status ~~ [EnquiryStatus.received, .acknowledged, .reopened].map(\.rawValue))
                .filter(\.$respondBy < ctx.today.iso)
        }
        let candidates = try await query.sort(\.$respondBy).sort(\.$reference).all()
        let visible = try candidates.filter { record in
            EnquiryPolicy.canView(viewer: ctx.viewer, facts: try record.state.accessFacts, profile: ctx.profile, org: ctx.org).allowed
        }
        // Overdue first, then soonest due.
        let sorted = visible.sorted { a, b in
            let ao = isOverdue(a), bo = isOverdue(b)
            if ao != bo { return ao }
            return (a.respondBy, a.reference) < (b.respondBy, b.reference)
        }
        let start = min((page - 1) * perPage, sorted.count)
        return (Array(sorted[start..<min(start + perPage, sorted.count)]), sorted.count)
    }

    func isOverdue(_ record: EnquiryRecord) -> Bool {
        guard let status = EnquiryStatus(rawValue: record.status), status.awaitsResponse else { return false }
        return record.respondBy < ctx.today.iso
    }

    /// Officers the protocol lets see every enquiry (e.g. a confidentiality role, or an absolute
    /// chasing recipient such as the Chief Executive) skip the database narrowing; the policy
    /// still decides each enquiry.
    private func seesEveryService(_ me: UUID) -> Bool {
        let absolute = ctx.profile.enquiries.chasing.parameters.steps.flatMap(\.notify).filter { $0.anchor == nil }
            + ctx.profile.enquiries.confidentiality.parameters.roles.filter { $0.anchor == nil }
        return ctx.org.resolveAll(absolute, parties: CaseParties()).contains(.officer(me))
    }

    /// Services whose enquiries the officer has standing in whoever handles them: as Head of
    /// Service, or named for the service by the chasing ladder or the confidentiality rule.
    private func servicesWithStanding(_ me: UUID) -> [UUID] {
        let serviceRoles = (ctx.profile.enquiries.chasing.parameters.steps.flatMap(\.notify)
            + ctx.profile.enquiries.confidentiality.parameters.roles).filter { $0.anchor == .service }
        return ctx.org.services.values.filter { service in
            service.headOfServiceID == me
                || ctx.org.resolveAll(serviceRoles, parties: CaseParties([.service: .service(service.id)])).contains(.officer(me))
        }.map(\.id)
    }
}
