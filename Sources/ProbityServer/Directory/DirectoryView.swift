import Foundation

/// What the directory pages show: records as rows of text and forms as typed inputs.
struct DirectoryView {
    struct Cell: Encodable {
        var text: String
        var href: String?
    }

    struct Row: Encodable {
        var id: String
        var name: String
        var href: String
        var cells: [Cell]
    }

    struct Detail: Encodable {
        var label: String
        var cells: [Cell]
    }

    typealias Option = SelectOption

    struct FormField: Encodable {
        var key: String
        var label: String
        var hint: String?
        var error: String?
        /// `text`, `email`, `textarea`, `select`, `checkbox`, `checkboxes`.
        var control: String
        var value: String
        var checked: Bool
        var required: Bool
        var options: [Option]
    }

    /// Renders a value for display, linking references to their records.
    static func cells(_ value: FieldValue?, spec: FieldSpec, names: [UUID: String]) -> [Cell] {
        switch value {
        case .text(let s?) where !s.isEmpty:
            if case .choice(let choices) = spec.kind, let label = choices.first(where: { $0.value == s })?.label {
                return [Cell(text: label)]
            }
            return [Cell(text: s)]
        case .flag(let b):
            return [Cell(text: b ? "Yes" : "No")]
        case .texts(let list) where !list.isEmpty:
            if case .choices(let choices) = spec.kind {
                return list.map { v in Cell(text: choices.first(where: { $0.value == v })?.label ?? v) }
            }
            return list.map { Cell(text: $0) }
        case .reference(let id?):
            return [Cell(text: names[id] ?? "Unknown", href: spec.referencedKind.map { "/directory/\($0.rawValue)/\(id.uuidString)" })]
        case .references(let ids) where !ids.isEmpty:
            return ids.map { id in Cell(text: names[id] ?? "Unknown", href: spec.referencedKind.map { "/directory/\($0.rawValue)/\(id.uuidString)" }) }
        default:
            return []
        }
    }

    static func rows(_ records: [DirectoryRecord], specs: [FieldSpec], names: [UUID: String]) -> [Row] {
        records.map { record in
            Row(id: record.id.uuidString, name: record.displayName,
                href: "/directory/\(record.kind.rawValue)/\(record.id.uuidString)",
                cells: specs.filter(\.listed).map { spec in
                    let parts = cells(record.values[spec.key], spec: spec, names: names)
                    return Cell(text: parts.map(\.text).joined(separator: ", "), href: parts.count == 1 ? parts[0].href : nil)
                })
        }
    }

    static func form(specs: [FieldSpec], values: [String: FieldValue], raw: [String: [String]]?,
                     errors: [FieldError], options: [DirectoryKind: [DirectoryRecord]]) -> [FormField] {
        specs.map { spec in
            let error = errors.first(where: { $0.field == spec.key })?.message
            // After a failed post, show exactly what was typed; otherwise the stored value.
            let selected: [String]
            if let raw { selected = raw[spec.key] ?? [] } else {
                switch values[spec.key] {
                case .text(let s?): selected = [s]
                case .flag(let b): selected = b ? ["true"] : []
                case .texts(let list): selected = list
                case .reference(let id?): selected = [id.uuidString]
                case .references(let ids): selected = ids.map(\.uuidString)
                default: selected = []
                }
            }
            var field = FormField(key: spec.key, label: spec.label, hint: spec.hint, error: error, control: "text",
                                  value: selected.first ?? "", checked: false, required: spec.required, options: [])
            switch spec.kind {
            case .text, .pattern: field.control = "text"
            case .email: field.control = "email"
            case .longText: field.control = "textarea"
            case .flag:
                field.control = "checkbox"
                field.checked = selected.contains { ["true", "yes", "on", "1"].contains($0.lowercased()) }
            case .choice(let choices):
                field.control = "select"
                field.options = choices.map { Option(value: $0.value, label: $0.label, selected: selected.contains($0.value)) }
            case .choices(let choices):
                field.control = "checkboxes"
                field.options = choices.map { Option(value: $0.value, label: $0.label, selected: selected.contains($0.value)) }
            case .reference(let kind):
                field.control = "select"
                field.options = (options[kind] ?? []).map { Option(value: $0.id.uuidString, label: $0.displayName, selected: selected.contains($0.id.uuidString)) }
            case .references(let kind):
                field.control = "checkboxes"
                field.options = (options[kind] ?? []).map { Option(value: $0.id.uuidString, label: $0.displayName, selected: selected.contains($0.id.uuidString)) }
            }
            return field
        }
    }

    /// JSON for the API: `id`, `name` and every field by its key.
    static func json(_ record: DirectoryRecord, specs: [FieldSpec]) -> JSONValue {
        var object: [String: JSONValue] = ["id": .string(record.id.uuidString.lowercased()), "displayName": .string(record.displayName)]
        for spec in specs {
            switch record.values[spec.key] ?? spec.emptyValue {
            case .text(let s): object[spec.key] = s.map(JSONValue.string) ?? .null
            case .flag(let b): object[spec.key] = .bool(b)
            case .texts(let list): object[spec.key] = .array(list.map(JSONValue.string))
            case .reference(let id): object[spec.key] = id.map { .string($0.uuidString.lowercased()) } ?? .null
            case .references(let ids): object[spec.key] = .array(ids.map { .string($0.uuidString.lowercased()) })
            }
        }
        return .object(object)
    }
}
