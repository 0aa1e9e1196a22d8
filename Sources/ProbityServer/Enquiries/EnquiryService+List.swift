import Fluent
import Foundation
import ProbityCore
import SQLKit
import Vapor

/// Lists narrowed to what the viewer may see, paged by the database.
///
/// The query narrows by the viewer's standing exactly as `EnquiryPolicy` grants it: a member's
/// own enquiries; the enquiries of the members an assistant acts for in their group; for an
/// officer, those they or the officers they manage handle or handled, those of the services they
/// have standing in, those they logged, and every enquiry for an officer the protocol names
/// whatever the service (a confidentiality role, or an absolute chasing recipient such as the
/// Chief Executive). So counts and pages come from the database, and a page costs the same
/// however long the backlog. The policy still decides every enquiry on the page (from the
/// columns and handler rows the query narrowed on); if it ever
/// refuses one the query let through, the list is rebuilt by asking the policy of every
/// candidate, so a list never reveals that an enquiry exists to someone who may not see it.
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
        guard let query = narrowed(filters) else { return ([], 0) }
        let total = try await query.copy().count()
        let start = (page - 1) * perPage
        guard start < total else { return ([], total) }
        // The page's ids first, sorted on narrow rows; then only those records, whole.
        let ids = try await query
            .sort(.custom(SQLQueryString("CASE WHEN \(ident: EnquiryRecord.schema).\(ident: "status") IN (\(binds: Self.awaitingResponse)) AND \(ident: EnquiryRecord.schema).\(ident: "respond_by") < \(bind: ctx.today.iso) THEN 0 ELSE 1 END")))
            .sort(\.$respondBy).sort(\.$reference)
            .offset(start).limit(perPage)
            .all(\.$id)
        // In slices: a printout of every enquiry asks for one very long page, and PostgreSQL
        // takes at most 65,535 bound values a query.
        var byID: [UUID: EnquiryRecord] = [:]
        var handlers: [UUID: [UUID]] = [:]
        for first in stride(from: 0, to: ids.count, by: 1000) {
            let slice = Array(ids[first..<min(first + 1000, ids.count)])
            for record in try await EnquiryRecord.query(on: req.db).filter(\.$id ~~ slice).all() { byID[record.id!] = record }
            for handler in try await EnquiryHandler.query(on: req.db).filter(\.$enquiryID ~~ slice).all() {
                handlers[handler.enquiryID, default: []].append(handler.officerID)
            }
        }
        let items = ids.compactMap { byID[$0] }
        for record in items where !mayView(record, handledBy: handlers[record.id!] ?? []) {
            req.logger.warning("The enquiry list's query let through an enquiry the policy refuses; listing by the policy instead",
                               metadata: ["enquiry": .string(record.reference)])
            return try await listCheckingEach(filters, page: page, perPage: perPage)
        }
        return (items, total)
    }

    func isOverdue(_ record: EnquiryRecord) -> Bool {
        guard let status = EnquiryStatus(rawValue: record.status), status.awaitsResponse else { return false }
        return record.respondBy < ctx.today.iso
    }

    private static let awaitingResponse = EnquiryStatus.allCases.filter(\.awaitsResponse).map(\.rawValue)

    private func mayView(_ record: EnquiryRecord) throws -> Bool {
        EnquiryPolicy.canView(viewer: ctx.viewer, facts: try record.state.accessFacts, profile: ctx.profile, org: ctx.org).allowed
    }

    /// The same decision from the columns and the handler rows the query narrowed on, without
    /// reading the enquiry's history (the list tests hold it to the history's answer).
    private func mayView(_ record: EnquiryRecord, handledBy officers: [UUID]) -> Bool {
        let facts = EnquiryAccessFacts(memberID: record.memberID, serviceID: record.serviceID, raisedByAssistantID: record.assistantID,
                                       loggedByOfficerID: record.loggedByOfficerID, currentHandlerID: record.currentHandlerID,
                                       handlingOfficerIDs: officers)
        return EnquiryPolicy.canView(viewer: ctx.viewer, facts: facts, profile: ctx.profile, org: ctx.org).allowed
    }

    /// The authority's enquiries matching the filters that the viewer has standing in; nil
    /// when the viewer can see none at all.
    private func narrowed(_ filters: Filters) -> QueryBuilder<EnquiryRecord>? {
        var query = EnquiryRecord.scoped(to: ctx.actor.authorityID, on: req.db)
        switch ctx.viewer.kind {
        case .member:
            guard let me = ctx.viewer.personID else { return nil }
            query = query.filter(\.$memberID == me)
        case .assistant:
            // TH 12.23: only while the member is in the assistant's group.
            let members = ctx.viewer.actsForMemberIDs.filter { id in
                ctx.viewer.groupID != nil && ctx.org.members[id]?.groupID == ctx.viewer.groupID
            }
            guard !members.isEmpty else { return nil }
            query = query.filter(\.$memberID ~~ Array(members))
        case .partyWorker, .none:
            return nil
        case .officer:
            guard let me = ctx.viewer.personID else { return nil }
            if !seesEveryService(me) {
                let services = servicesWithStanding(me)
                let handledByTeam = handledByTeamCondition(me)
                query = query.group(.or) { or in
                    or.filter(.custom(handledByTeam))
                    if !services.isEmpty { or.filter(\.$serviceID ~~ services) }
                    or.filter(\.$loggedByOfficerID == me)
                }
            }
            if filters.scope == .mine { query = query.filter(\.$currentHandlerID == me) }
        }
        if let status = filters.status { query = query.filter(\.$status == status.rawValue) }
        if let member = filters.memberID { query = query.filter(\.$memberID == member) }
        if let service = filters.serviceID { query = query.filter(\.$serviceID == service) }
        if filters.overdueOnly {
            query = query.filter(\.$status ~~ Self.awaitingResponse)
                .filter(\.$respondBy < ctx.today.iso)
        }
        return query
    }

    /// Handled, now or before, by the officer or anyone whose management line they are in.
    /// Put the short way round for the database: by the team when it is small, or, for a Chief
    /// Executive or Director over most of the directory, as "by someone in the directory who is
    /// not among the few outside the team" (a long list inside a per-row subquery is slow).
    private func handledByTeamCondition(_ me: UUID) -> SQLQueryString {
        let managed = ctx.org.officersManaged(by: me)
        let team = [me] + managed
        let outside = ctx.org.officers.keys.filter { $0 != me && !managed.contains($0) }
        let handlers = EnquiryHandler.schema, enquiries = EnquiryRecord.schema
        if team.count <= outside.count || outside.count > 64 {
            return SQLQueryString("""
                \(ident: enquiries).\(ident: "id") IN (SELECT \(ident: "enquiry_id") FROM \(ident: handlers) WHERE \(ident: "officer_id") IN (\(binds: team)))
                """)
        }
        let notOutside = outside.isEmpty ? SQLQueryString("") : SQLQueryString(" AND \(ident: handlers).\(ident: "officer_id") NOT IN (\(binds: outside))")
        // A count per row rather than EXISTS: under the OR PostgreSQL turns an EXISTS into a hash
        // of every handler row of the authority (113 ms a query on the benchmark data, against 8 ms).
        return SQLQueryString("""
            (SELECT COUNT(*) FROM \(ident: handlers) JOIN \(ident: Officer.schema) ON \(ident: Officer.schema).\(ident: "id") = \(ident: handlers).\(ident: "officer_id") \
            WHERE \(ident: handlers).\(ident: "enquiry_id") = \(ident: enquiries).\(ident: "id") \
            AND \(ident: Officer.schema).\(ident: "authority_id") = \(bind: ctx.actor.authorityID)\(notOutside)) > 0
            """)
    }

    /// The list as the policy decides each candidate: the safe way round if the query and the
    /// policy ever disagree.
    private func listCheckingEach(_ filters: Filters, page: Int, perPage: Int) async throws -> (items: [EnquiryRecord], total: Int) {
        guard let query = narrowed(filters) else { return ([], 0) }
        let visible = try await query.all().filter { try mayView($0) }
        let sorted = visible.sorted { a, b in
            let ao = isOverdue(a), bo = isOverdue(b)
            if ao != bo { return ao }
            return (a.respondBy, a.reference) < (b.respondBy, b.reference)
        }
        let start = min((page - 1) * perPage, sorted.count)
        return (Array(sorted[start..<min(start + perPage, sorted.count)]), sorted.count)
    }

    /// Officers the protocol names for every enquiry, whatever its service: a confidentiality
    /// role or a chasing step with no anchor (e.g. the Chief Executive), while that rule is in force.
    private func seesEveryService(_ me: UUID) -> Bool {
        let absolute = (chasingRecipients + confidentialityRoles).filter { $0.anchor == nil }
        return ctx.org.resolveAll(absolute, parties: CaseParties()).contains(.officer(me))
    }

    /// Services whose enquiries the officer has standing in whoever handles them: as Head of
    /// Service, or named for the service by the chasing ladder or the confidentiality rule.
    private func servicesWithStanding(_ me: UUID) -> [UUID] {
        let serviceRoles = (chasingRecipients + confidentialityRoles).filter { $0.anchor == .service }
        return ctx.org.services.values.filter { service in
            service.headOfServiceID == me
                || ctx.org.resolveAll(serviceRoles, parties: CaseParties([.service: .service(service.id)])).contains(.officer(me))
        }.map(\.id)
    }

    private var chasingRecipients: [Recipient] {
        let chasing = ctx.profile.enquiries.chasing
        return chasing.inForce ? chasing.parameters.steps.flatMap(\.notify) : []
    }

    private var confidentialityRoles: [Recipient] {
        let rule = ctx.profile.enquiries.confidentiality
        return rule.inForce ? rule.parameters.roles : []
    }
}
