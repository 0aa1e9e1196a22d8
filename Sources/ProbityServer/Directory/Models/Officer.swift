import Fluent
import Foundation

/// A council employee.
final class Officer: DirectoryModel, @unchecked Sendable {
    static let schema = "officers"
    static let kind = DirectoryKind.officers

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "name") var name: String
    @Field(key: "job_title") var jobTitle: String
    @Field(key: "post") var post: String
    /// Statutory or corporate designations, e.g. `monitoring-officer` (values of `OrgRole`).
    @Field(key: "designations") var designations: [String]
    @OptionalField(key: "directorate_id") var directorateID: UUID?
    @OptionalField(key: "service_id") var serviceID: UUID?
    @OptionalField(key: "line_manager_officer_id") var lineManagerOfficerID: UUID?
    @Field(key: "politically_restricted") var politicallyRestricted: Bool
    @OptionalField(key: "email") var email: String?

    init() {}

    var displayName: String { name }

    static let fields: [BoundField<Officer>] = [
        Bind.text(FieldSpec("name", "Full name", .text(maxLength: 120), required: true, listed: true), \.$name),
        Bind.text(FieldSpec("jobTitle", "Job title", .text(maxLength: 160), required: true, listed: true), \.$jobTitle),
        Bind.text(FieldSpec("post", "Level of post", .choice(Choices.officerPost), required: true), \.$post),
        Bind.texts(FieldSpec("designations", "Designations", .choices(Choices.designations),
                             hint: "Statutory and corporate roles this officer holds.", listed: true), \.$designations),
        Bind.reference(FieldSpec("directorate", "Directorate", .reference(.directorates)), \.directorateID),
        Bind.reference(FieldSpec("service", "Service", .reference(.services), listed: true), \.serviceID),
        Bind.reference(FieldSpec("lineManager", "Line manager", .reference(.officers)), \.lineManagerOfficerID),
        Bind.flag(FieldSpec("politicallyRestricted", "Politically restricted post", .flag,
                            hint: "Local Government and Housing Act 1989: the holder cannot be a councillor."), \.$politicallyRestricted),
        Bind.optionalText(FieldSpec("email", "Email address", .email), \.email),
    ]

    func crossCheck(on db: any Database) async throws -> [FieldError] {
        guard let id, let manager = lineManagerOfficerID else { return [] }
        if manager == id { return [FieldError(field: "lineManager", message: "An officer cannot be their own line manager")] }
        // Walk up the line to refuse a loop (A manages B manages A).
        var seen: Set<UUID> = [id]
        var next: UUID? = manager
        while let current = next {
            if seen.contains(current) {
                return [FieldError(field: "lineManager", message: "This line manager would create a loop in the management line")]
            }
            seen.insert(current)
            next = try await Officer.find(current, on: db)?.lineManagerOfficerID
        }
        return []
    }
}
