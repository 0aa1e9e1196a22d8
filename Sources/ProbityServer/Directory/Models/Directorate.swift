import Fluent
import Foundation

/// A directorate (department) led by a Corporate or Divisional Director.
final class Directorate: DirectoryModel, @unchecked Sendable {
    static let schema = "directorates"
    static let kind = DirectoryKind.directorates
    static let uniqueName = true

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "name") var name: String
    @OptionalField(key: "director_officer_id") var directorOfficerID: UUID?

    init() {}

    var displayName: String { name }

    static let fields: [BoundField<Directorate>] = [
        Bind.text(FieldSpec("name", "Name", .text(maxLength: 160), required: true, listed: true), \.$name),
        Bind.reference(FieldSpec("director", "Director", .reference(.officers), listed: true), \.directorOfficerID),
    ]
}

/// A service within a directorate: where members' enquiries are routed.
final class Service: DirectoryModel, @unchecked Sendable {
    static let schema = "services"
    static let kind = DirectoryKind.services
    static let uniqueName = true

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "name") var name: String
    @OptionalField(key: "directorate_id") var directorateID: UUID?
    @OptionalField(key: "head_of_service_officer_id") var headOfServiceOfficerID: UUID?
    @OptionalField(key: "liaison_officer_id") var liaisonOfficerID: UUID?
    @OptionalField(key: "complaints_officer_id") var complaintsOfficerID: UUID?

    init() {}

    var displayName: String { name }

    static let fields: [BoundField<Service>] = [
        Bind.text(FieldSpec("name", "Name", .text(maxLength: 160), required: true, listed: true), \.$name),
        Bind.reference(FieldSpec("directorate", "Directorate", .reference(.directorates), required: true, listed: true), \.directorateID),
        Bind.reference(FieldSpec("headOfService", "Head of Service", .reference(.officers), listed: true), \.headOfServiceOfficerID),
        Bind.reference(FieldSpec("liaisonOfficer", "Designated liaison officer", .reference(.officers),
                                 hint: "Receives routine members' enquiries for the service where the protocol allows."), \.liaisonOfficerID),
        Bind.reference(FieldSpec("complaintsOfficer", "Named complaints officer", .reference(.officers),
                                 hint: "The officer members may direct complaints to (Wigan 5.3)."), \.complaintsOfficerID),
    ]
}
