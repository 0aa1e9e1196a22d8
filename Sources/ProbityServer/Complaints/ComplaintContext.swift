import Fluent
import Foundation
import ProbityCore
import Vapor

/// Everything a complaints request decides with: who is asking (as the access policy sees
/// them), the authority's protocol and calendar, its directory, and the time.
struct ComplaintContext: Sendable {
    var actor: Actor
    var viewer: Viewer
    var current: AuthorityProtocol
    var org: OrgSnapshot
    var now: Date

    var profile: ProtocolProfile { current.profile }
    var today: CalendarDate { CalendarDate.london(now) }
    var person: PersonRef? { viewer.asPerson }

    static func load(_ req: Request) async throws -> ComplaintContext {
        let actor = try req.requireActor()
        async let viewer = req.viewer()
        async let current = req.authorityProtocol()
        async let org = req.orgSnapshot()
        return ComplaintContext(actor: actor, viewer: try await viewer, current: try await current, org: try await org, now: req.now)
    }

    /// What this person may see of `complaint` (ComplaintPolicy, LC 13 "Confidentiality").
    func access(_ complaint: ComplaintCase) -> ComplaintAccess {
        ComplaintPolicy.view(for: viewer, facts: complaint.accessFacts, profile: profile, org: org)
    }

    /// Whether this person monitors complaints (LC 13 "Monitoring complaints"; Hackney 5.17).
    var monitoring: Decision { ComplaintPolicy.mayMonitor(viewer, profile: profile, org: org) }

    /// Whether the policy could give this person cases they are not named in: the roles that
    /// need to know every complaint and the officers who monitor them. Relative roles (an
    /// authority's override could name `subject.director`) are decided per case, so any such
    /// role makes every case a candidate.
    var mayHaveCasesWithoutBeingNamed: Bool {
        guard let person else { return false }
        let rules = profile.complaints
        var recipients: [Recipient] = []
        if rules.needToKnow.inForce { recipients += rules.needToKnow.parameters.roles }
        if rules.monitoring.inForce { recipients += rules.monitoring.parameters.to }
        if recipients.contains(where: { $0.anchor != nil }) { return true }
        return org.resolveAll(recipients, parties: CaseParties()).contains(person)
    }

    func name(_ person: PersonRef) -> String { org.name(of: person) }
}
