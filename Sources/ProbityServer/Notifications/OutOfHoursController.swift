import ProbityCore
import Vapor

/// `GET /api/v1/notifications/out-of-hours`: whether a message sent now is outside working
/// hours, so a member is warned before contacting an officer (LC 3(n), 4(k); TH 14.7).
struct OutOfHoursController {
    struct Body: Encodable {
        var outOfHours: Bool
        var heldUntil: Date?
        var warning: String?
        var rule: String
    }

    static func warning(_ req: Request) async throws -> (ContactWarning?, String?) {
        let current = try await req.authorityProtocol()
        guard let warning = PrivateTime.contactWarning(req.now, profile: current.profile, calendar: current.calendar) else { return (nil, nil) }
        let text = "It is outside working hours. Officers' private time is respected: unless it is urgent, your message reaches the officer at \(DisplayFormat.dateTime(warning.heldUntil)) (\(warning.rule.citation))."
        return (warning, text)
    }

    func bootAPI(routes: any RoutesBuilder) {
        routes.get("notifications", "out-of-hours") { req async throws -> Response in
            let current = try await req.authorityProtocol()
            let (warning, text) = try await Self.warning(req)
            return try APIResponse.json(encodable: Body(outOfHours: warning != nil, heldUntil: warning?.heldUntil, warning: text,
                                                        rule: current.profile.notifications.privateTime.citationText(in: current.profile.document)))
        }
    }

    static var openAPI: APIDescription {
        APIDescription(operations: [
            ("/api/v1/notifications/out-of-hours", "get", Operation(summary: "Whether it is outside working hours now", tag: "Notifications",
                                                                     responses: [200: ("The warning to show before contacting an officer", Schema.ref("OutOfHours"))])),
        ], schemas: [
            "OutOfHours": Schema.object(["outOfHours": Schema.boolean, "heldUntil": Schema.dateTime, "warning": Schema.string, "rule": Schema.string],
                                        required: ["outOfHours", "rule"]),
        ])
    }
}
