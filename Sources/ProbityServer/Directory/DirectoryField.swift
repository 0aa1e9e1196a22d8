import Foundation

/// A value of one directory field, whatever the record type.
enum FieldValue: Sendable, Equatable {
    case text(String?)
    case flag(Bool)
    case texts([String])
    case reference(UUID?)
    case references([UUID])
}

/// One allowed value of a choice field.
struct Choice: Sendable, Equatable {
    var value: String
    var label: String
}

/// What kind of input a field takes, which decides its form control, JSON type and CSV syntax.
enum FieldKind: Sendable {
    case text(maxLength: Int)
    case longText(maxLength: Int)
    case email
    /// Text that must match a pattern, e.g. an ONS GSS code.
    case pattern(regex: String, example: String, maxLength: Int)
    case flag
    case choice([Choice])
    case choices([Choice])
    case reference(DirectoryKind)
    case references(DirectoryKind)
}

/// Describes one field of a directory record: how it is labelled, validated and stored.
/// The same description drives the web form, the list and detail pages, the JSON API, CSV
/// import and the OpenAPI schema, so they cannot disagree.
struct FieldSpec: Sendable {
    /// The form input name, JSON key and CSV column.
    var key: String
    var label: String
    var hint: String?
    var kind: FieldKind
    var required: Bool
    /// Shown as a column on the list page.
    var listed: Bool

    init(_ key: String, _ label: String, _ kind: FieldKind, required: Bool = false, hint: String? = nil, listed: Bool = false) {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.hint = hint
        self.listed = listed
    }

    var emptyValue: FieldValue {
        switch kind {
        case .text, .longText, .email, .pattern, .choice: .text(nil)
        case .flag: .flag(false)
        case .choices: .texts([])
        case .reference: .reference(nil)
        case .references: .references([])
        }
    }

    var referencedKind: DirectoryKind? {
        switch kind {
        case .reference(let k), .references(let k): k
        default: nil
        }
    }
}

/// A field bound to a model type: the spec plus how to read and write it.
struct BoundField<M>: Sendable {
    var spec: FieldSpec
    var get: @Sendable (M) -> FieldValue
    var set: @Sendable (M, FieldValue) -> Void
}
