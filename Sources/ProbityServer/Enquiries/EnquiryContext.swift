import Fluent
import ProbityCore
import Vapor

/// Everything an enquiry operation needs about who is asking and what rules apply, loaded once
/// per request.
struct EnquiryContext: Sendable {
    var actor: Actor
    var viewer: Viewer
    var current: AuthorityProtocol
    var org: OrgSnapshot

    var profile: ProtocolProfile { current.profile }
    var calendar: WorkingCalendar { current.calendar }
    var today: CalendarDate

    static func load(_ req: Request) async throws -> EnquiryContext {
        let actor = try req.requireActor()
        let (current, org) = try await req.probity.authorityCache.protocolAndOrg(actor.authorityID, on: req.db)
        return EnquiryContext(actor: actor, viewer: try await req.viewer(), current: current, org: org, today: CalendarDate.london(req.now))
    }

    func facts(_ record: EnquiryRecord, _ state: EnquiryState) -> EnquiryAccessFacts { state.accessFacts }

    func memberName(_ id: UUID) -> String { org.members[id]?.name ?? "A member no longer in the directory" }
    func officerName(_ id: UUID) -> String { org.officers[id]?.name ?? "An officer no longer in the directory" }
    func serviceName(_ id: UUID) -> String { org.services[id]?.name ?? "A service no longer in the directory" }
}
