import Fluent
import Vapor

/// Creating, disabling and enabling users. Shared by the admin pages, the API and the CLI.
enum UserAdministration {
    struct NewUser: Sendable {
        var email: String
        var displayName: String
        var password: String
        var personKind: User.PersonKind
        var personID: UUID?
        var isAdministrator: Bool
        var isPlatformAdmin: Bool = false
    }

    /// Validates everything, including that the linked person is in the same authority.
    static func validate(_ input: NewUser, authorityID: UUID, on db: any Database) async throws -> [FieldError] {
        var errors: [FieldError] = []
        let email = User.normalise(email: input.email)
        if email.isEmpty { errors.append(FieldError(field: "email", message: "Enter an email address")) }
        else if !DirectoryInput.isPlausibleEmail(email) || email.count > 254 {
            errors.append(FieldError(field: "email", message: "Enter an email address in the correct format, like name@example.gov.uk"))
        } else if try await User.query(on: db).filter(\.$email == email).count() > 0 {
            errors.append(FieldError(field: "email", message: "A user with this email address already exists"))
        }
        let name = input.displayName.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors.append(FieldError(field: "displayName", message: "Enter the person's name")) }
        else if name.count > 120 { errors.append(FieldError(field: "displayName", message: "Name must be 120 characters or fewer")) }
        errors += PasswordPolicy.problems(input.password)
        switch input.personKind {
        case .none:
            if input.personID != nil { errors.append(FieldError(field: "person", message: "Choose who this user is, or no directory record")) }
        case .member, .officer, .assistant:
            guard let personID = input.personID else {
                errors.append(FieldError(field: "person", message: "Choose the directory record this user signs in as"))
                break
            }
            let exists: Bool
            switch input.personKind {
            case .member: exists = try await Member.find(personID, in: authorityID, on: db) != nil
            case .officer: exists = try await Officer.find(personID, in: authorityID, on: db) != nil
            default: exists = try await GroupAssistant.find(personID, in: authorityID, on: db) != nil
            }
            if !exists { errors.append(FieldError(field: "person", message: "Choose a \(input.personKind.rawValue) of this authority")) }
            else if try await User.query(on: db).filter(\.$personID == personID).count() > 0 {
                errors.append(FieldError(field: "person", message: "Another user already signs in as this person"))
            }
        }
        return errors
    }

    /// Creates the user in the caller's transaction and audits it. `hash` is the bcrypt hash of the password.
    static func create(_ input: NewUser, hash: String, authorityID: UUID, by actor: AuditEvent, on db: any Database, at now: Date) async throws -> User {
        let user = User(authorityID: authorityID, email: User.normalise(email: input.email),
                        displayName: input.displayName.trimmingCharacters(in: .whitespaces), passwordHash: hash,
                        personKind: input.personKind, personID: input.personID,
                        isAdministrator: input.isAdministrator, isPlatformAdmin: input.isPlatformAdmin)
        try await user.create(on: db)
        var event = actor
        event.action = "user.create"
        event.resourceType = "user"
        event.resourceID = user.id?.uuidString
        event.detail = ["email": user.email, "person-kind": user.personKind.rawValue, "administrator": String(user.isAdministrator)]
        try await AuditLog.append(event, on: db, at: now)
        return user
    }

    /// Disables (true) or enables (false) a user; disabling ends their sessions at once, and their
    /// tokens stop working because the authenticator refuses disabled users.
    static func setDisabled(_ disabled: Bool, user: User, by actor: AuditEvent, on db: any Database, at now: Date) async throws {
        user.disabledAt = disabled ? now : nil
        try await user.update(on: db)
        var ended = 0
        if disabled { ended = try await SignInService.endAllSessions(of: try user.requireID(), on: db, at: now) }
        var event = actor
        event.action = disabled ? "user.disable" : "user.enable"
        event.resourceType = "user"
        event.resourceID = user.id?.uuidString
        event.detail = ["email": user.email, "sessions-ended": String(ended)]
        try await AuditLog.append(event, on: db, at: now)
    }
}
