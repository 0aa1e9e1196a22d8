import ProbityCore

/// The built-in protocol profiles an authority can choose, as the server shows them.
enum ProtocolCatalogue {
    static let names: [(id: String, name: String)] = [
        ("london-councils", "London Councils protocol (2019)"),
        ("tower-hamlets", "Tower Hamlets protocol (Constitution Part 5.4, 2017)"),
        ("wigan", "Wigan protocol"),
        ("leicestershire", "Leicestershire protocol (Constitution Part 5C)"),
        ("hackney", "Hackney protocol (Standards Committee report, 2013)"),
    ]

    static func displayName(of id: String) -> String {
        names.first(where: { $0.id == id })?.name ?? id
    }

    static func isKnown(_ id: String) -> Bool { names.contains { $0.id == id } }
}
