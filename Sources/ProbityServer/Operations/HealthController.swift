import Fluent
import SQLKit
import Vapor

/// Liveness and readiness for load balancers and orchestrators.
struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: health)
        routes.get("readyz", use: ready)
    }

    struct Status: Content { var status: String; var database: String? }

    /// The process is up and answering.
    func health(req: Request) async throws -> Response {
        try APIResponse.json(encodable: Status(status: "ok", database: nil))
    }

    /// The database answers a query.
    func ready(req: Request) async throws -> Response {
        do {
            guard let sql = req.db as? any SQLDatabase else { throw AppError(.unavailable, detail: "The database is not an SQL database.") }
            try await sql.raw("SELECT 1").run()
            return try APIResponse.json(encodable: Status(status: "ok", database: "reachable"))
        } catch {
            req.logger.warning("Readiness check failed", metadata: ["error": .string("\(error)")])
            return Problem(status: .serviceUnavailable, title: "Not ready", detail: "The database cannot be reached.")
                .response(status: .serviceUnavailable)
        }
    }
}
