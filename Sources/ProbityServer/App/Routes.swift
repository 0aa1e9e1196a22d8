import Vapor

extension Application {
    func registerRoutes() throws {
        try routes.register(collection: HealthController())

        // Pages.
        try routes.register(collection: SignInController())
        try routes.register(collection: HomeController())
        try routes.register(collection: AccountController())
        try routes.register(collection: UsersController())
        try routes.register(collection: DirectoryController())
        try routes.register(collection: AuditController())
        try routes.register(collection: AuthoritiesController())
        try routes.register(collection: ProtocolController())
        try routes.register(collection: CalendarController())
        try routes.register(collection: InboxController())
        try routes.register(collection: EnquiriesController())
        try routes.register(collection: ComplaintsController())
        try routes.register(collection: RegistersController())
        try routes.register(collection: WardMattersController())
        try routes.register(collection: ConsultationsController())
        try routes.register(collection: MediaController())
        try routes.register(collection: CorrespondenceController())
        try routes.register(collection: InformationRoutes())

        // API.
        let api = routes.grouped("api", "v1")
        api.get("openapi.json") { _ in try APIResponse.json(OpenAPIDocument.build()) }
        let authenticated = api.grouped(APIAuthenticationRequired())
        AccountController().bootAPI(routes: authenticated)
        UsersController().bootAPI(routes: authenticated)
        AuditController().bootAPI(routes: authenticated)
        AuthoritiesController().bootAPI(routes: authenticated)
        ProtocolAPIController().boot(routes: authenticated)
        CalendarAPIController().boot(routes: authenticated)
        InboxController().bootAPI(routes: authenticated)
        EnquiriesAPIController().boot(routes: authenticated)
        ComplaintsAPIController().boot(routes: authenticated)
        RegistersAPIController().boot(routes: authenticated); RegistersAPIController().bootPublic(routes: api)
        WardMattersAPIController().boot(routes: authenticated)
        ConsultationsAPIController().boot(routes: authenticated)
        MediaAPIController().boot(routes: authenticated)
        CorrespondenceAPIController().boot(routes: authenticated)
        InformationAPIController().boot(routes: authenticated)
        try authenticated.register(collection: DirectoryAPIController())
    }
}

/// API routes answer 401 problem+json without credentials, before any handler runs.
struct APIAuthenticationRequired: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.actor != nil else {
            throw AppError(.unauthenticated, detail: "Send a personal API token: Authorization: Bearer pbt_…")
        }
        return try await next.respond(to: req)
    }
}
