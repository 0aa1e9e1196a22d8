import Fluent
import Foundation
import ProbityCore
import Vapor

/// What an authority works to: its chosen profile with its own overrides applied, and its
/// working-day calendar (its region's bank holidays plus its closure days). Every capability
/// that times, routes or explains a case asks for this.
struct AuthorityProtocol: Sendable {
    var profile: ProtocolProfile
    var calendar: WorkingCalendar
    /// Rule ids the authority has overridden.
    var overriddenRuleIDs: Set<String>

    static func load(authorityID: UUID, on db: any Database) async throws -> AuthorityProtocol {
        guard let authority = try await Authority.find(authorityID, on: db) else { throw AppError.notFound("The authority") }
        guard let base = try ProtocolCatalogue.profile(authority.profileID) else {
            throw AppError(.unavailable, detail: "The authority's protocol profile '\(authority.profileID)' is not one Probity knows.")
        }
        let overrides = try await RuleOverride.scoped(to: authorityID, on: db).sort(\.$ruleID).all()
        let profile: ProtocolProfile
        do {
            profile = try base.applying(overrides.map { ProfileOverride(ruleId: $0.ruleID, yaml: $0.yaml) })
        } catch {
            // Overrides are validated when saved; one that no longer applies (a newer profile
            // renamed its rule) must not stop the authority working, so the base rule stands.
            profile = base
        }
        let region = Region(rawValue: authority.region) ?? profile.region
        let closures = try await ClosureDay.scoped(to: authorityID, on: db).all()
        var closureTitles: [CalendarDate: String] = [:]
        for day in closures {
            if let date = CalendarDate(iso: day.date) { closureTitles[date] = day.title }
        }
        return AuthorityProtocol(profile: profile, calendar: WorkingCalendar(region: region, closures: closureTitles),
                                 overriddenRuleIDs: Set(overrides.map(\.ruleID)))
    }
}

extension Request {
    /// The signed-in actor's authority's protocol and calendar.
    func authorityProtocol() async throws -> AuthorityProtocol {
        try await probity.authorityCache.authorityProtocol(requireActor().authorityID, on: db)
    }
}
