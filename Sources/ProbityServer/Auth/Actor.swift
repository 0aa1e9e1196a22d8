import Foundation
import Vapor

/// The signed-in person a request acts for, with their authority. Built once per request by the
/// authenticators; every capability takes its decisions from this value.
struct Actor: Sendable {
    struct AuthoritySummary: Sendable, Encodable {
        var id: UUID
        var slug: String
        var name: String
        var profileID: String
        var region: String
    }

    enum Via: Sendable { case session(id: UUID, csrfToken: String), token(id: UUID) }

    var userID: UUID
    var displayName: String
    var email: String
    var authority: AuthoritySummary
    /// The user's own authority (differs from `authority` only for a platform administrator at work elsewhere).
    var homeAuthorityID: UUID
    var personKind: User.PersonKind
    var personID: UUID?
    var isAdministrator: Bool
    var isPlatformAdmin: Bool
    /// Officer designations, e.g. `monitoring-officer`.
    var designations: Set<String>
    var via: Via

    var authorityID: UUID { authority.id }
    var canAdminister: Bool { isPlatformAdmin || (isAdministrator && homeAuthorityID == authority.id) }
    var isMonitoringOfficer: Bool { personKind == .officer && designations.contains("monitoring-officer") }
    var canReadAudit: Bool { isMonitoringOfficer || isPlatformAdmin }

    var csrfToken: String? {
        if case .session(_, let token) = via { return token }
        return nil
    }

    var roleDescription: String {
        var parts: [String] = []
        switch personKind {
        case .member: parts.append("Member")
        case .officer: parts.append(isMonitoringOfficer ? "Monitoring Officer" : "Officer")
        case .assistant: parts.append("Political group assistant")
        case .none: break
        }
        if isAdministrator { parts.append("Administrator") }
        if isPlatformAdmin { parts.append("Platform administrator") }
        return parts.isEmpty ? "User" : parts.joined(separator: ", ")
    }

    func auditEvent(_ action: String, resourceType: String? = nil, resourceID: String? = nil,
                    outcome: AuditEvent.Outcome = .success, detail: [String: String] = [:]) -> AuditEvent {
        AuditEvent(authorityID: authorityID, actorUserID: userID, actorName: displayName, action: action,
                   resourceType: resourceType, resourceID: resourceID, outcome: outcome, detail: detail)
    }
}

extension Request {
    private struct ActorKey: StorageKey { typealias Value = Actor }

    var actor: Actor? {
        get { storage[ActorKey.self] }
        set { storage[ActorKey.self] = newValue }
    }

    /// The signed-in actor, or 401.
    func requireActor() throws -> Actor {
        guard let actor else { throw AppError(.unauthenticated, detail: "Sign in to use this.") }
        return actor
    }

    var isAPI: Bool { url.path.hasPrefix("/api/") }
}
