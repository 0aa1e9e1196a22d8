import ProbityCore

/// The built-in protocol profiles an authority can choose, as the server shows them.
enum ProtocolCatalogue {
    /// Every built-in profile. They are validated by the test suite, so a failure here means the
    /// bundle was damaged on disk; it is reported as unavailable rather than trapping.
    static func profiles() throws -> [ProtocolProfile] {
        do {
            return try BuiltInProfiles.all()
        } catch {
            throw AppError(.unavailable, detail: "The built-in protocol profiles could not be read: \(error.description)")
        }
    }

    static func profile(_ id: String) throws -> ProtocolProfile? {
        try profiles().first { $0.id == id }
    }

    static var names: [(id: String, name: String)] {
        ((try? profiles()) ?? []).map { ($0.id, displayName(of: $0)) }
    }

    static func displayName(of profile: ProtocolProfile) -> String {
        let date = profile.document.date == "undated" ? "" : " (\(profile.document.date))"
        return "\(profile.authorityName): \(profile.document.title)\(date)"
    }

    static func displayName(of id: String) -> String {
        ((try? profile(id)) ?? nil).map(displayName(of:)) ?? id
    }

    static func isKnown(_ id: String) -> Bool { names.contains { $0.id == id } }
}
