import FluentPostgresDriver

/// Errors that mean the database cannot be reached or is restarting: the request may succeed if
/// tried again, so they answer 503 with Retry-After rather than 500.
enum DatabaseOutage {
    static func isOutage(_ error: any Error) -> Bool {
        if error is ConnectionPoolTimeoutError { return true }
        if let pool = error as? ConnectionPoolError, case .shutdown = pool { return true }
        guard let psql = error as? PSQLError else { return false }
        switch psql.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection:
            return true
        case .server:
            // Class 08 (connection exception) and 57P01–57P03 (administrator shutdown, crash
            // shutdown, cannot connect now).
            guard let state = psql.serverInfo?[.sqlState] else { return false }
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        default:
            return false
        }
    }
}
