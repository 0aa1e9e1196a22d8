import Foundation

/// Delegated decisions consulted with members (LE 19–25; TH 9.2–9.4). The officer records the
/// proposal, the member's view and their own decision, which stays the officer's: a member
/// is consulted, never asked to approve or sign off (LE 22, 25; TH 9.3–9.4). Where the views
/// differ materially the protocol's routes are offered and the officer's choice recorded.
public enum Consultations {
    /// What the officer does where the views differ materially.
    public enum Route: String, Sendable, Codable, CaseIterable {
        /// Seek advice from the Chief Executive, Monitoring Officer or Chief Financial Officer (LE 24(a); TH 9.2).
        case adviceChiefExecutive = "advice-chief-executive"
        case adviceMonitoringOfficer = "advice-monitoring-officer"
        case adviceChiefFinanceOfficer = "advice-chief-finance-officer"
        /// Refer the issue to the Cabinet, or decline the delegation and refer it back to the body that conferred it (LE 23, 24(b)).
        case referToCabinet = "refer-to-cabinet"
        case referToDelegatingBody = "refer-to-delegating-body"
        /// Take the decision despite the objection: the officer may (LE 23).
        case proceed

        public var label: String {
            switch self {
            case .adviceChiefExecutive: "Seek the Chief Executive's advice"
            case .adviceMonitoringOfficer: "Seek the Monitoring Officer's advice"
            case .adviceChiefFinanceOfficer: "Seek the Chief Financial Officer's advice"
            case .referToCabinet: "Refer the issue to a meeting of the Cabinet"
            case .referToDelegatingBody: "Decline the delegation and refer the decision back to the body that conferred it"
            case .proceed: "Take the decision despite the difference of view"
            }
        }

        /// The adviser a route asks, if it asks one.
        public var adviser: OrgRole? {
            switch self {
            case .adviceChiefExecutive: .chiefExecutive
            case .adviceMonitoringOfficer: .monitoringOfficer
            case .adviceChiefFinanceOfficer: .chiefFinanceOfficer
            default: nil
            }
        }
    }

    /// The routes the authority's protocol offers: advice from the roles its rule names (LE 24(a);
    /// TH 9.2), referral to the Cabinet or back to the delegating body where the protocol
    /// provides it (LE 23, 24(b): the Leicestershire profile), and always proceeding, since the
    /// decision is the officer's (LE 23; TH 9.3).
    public static func routes(_ profile: ProtocolProfile) -> [Route] {
        let rule = profile.notifications.delegatedDecisionConsultation
        guard rule.inForce else { return [.proceed] }
        let roles = Set(rule.parameters.to.filter { $0.anchor == nil }.map(\.role))
        var routes = Route.allCases.filter { $0.adviser.map(roles.contains) ?? false }
        if profile.id == "leicestershire" { routes += [.referToCabinet, .referToDelegatingBody] }
        routes.append(.proceed)
        return routes
    }

    public enum Problem: Error, Sendable, Equatable {
        /// `field`, message.
        case invalid(String, String)
    }

    /// Checks a consultation's outcome: a route is needed exactly when the views differ
    /// materially, and must be one the protocol offers. Nothing records a member's approval.
    public static func check(divergent: Bool, route: Route?, profile: ProtocolProfile) -> Problem? {
        if divergent {
            guard let route else { return .invalid("route", "Choose what you will do about the difference of view") }
            guard routes(profile).contains(route) else { return .invalid("route", "Choose one of the routes the protocol offers") }
        } else if route != nil {
            return .invalid("route", "A route is chosen only where the views differ materially")
        }
        return nil
    }
}
