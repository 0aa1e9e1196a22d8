import Vapor

/// The access-to-information and party group pages, registered together.
struct InformationRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.register(collection: DocumentsController())
        try routes.register(collection: AccessRequestsController())
        try routes.register(collection: ConfidencesController())
        try routes.register(collection: BriefingsController())
    }
}
