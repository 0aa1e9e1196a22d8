/// Pages with several forms that send a field under the same name (the enquiry page's
/// Acknowledge and Delay forms both send `explanation`). The later form's control has an id of
/// its own, and a failed post's errors and echoed text are filed under that id, so the error
/// summary links to the control in the form that was sent and the other form is left alone.
struct FormControls: Sendable {
    /// Action name → field name → the id of that form's control.
    let ids: [String: [String: String]]

    init(_ ids: [String: [String: String]]) {
        self.ids = ids
    }

    /// The id of the control for `field` in the form of `action`.
    func id(_ field: String, action: String) -> String { ids[action]?[field] ?? field }

    /// The posted values, each under its control's id, to show the form again.
    func echo(_ form: FormBody, action: String) -> [String: String] {
        var echo: [String: String] = [:]
        for (field, values) in form.values { echo[id(field, action: action)] = values.first }
        return echo
    }

    /// The errors, each under its control's id.
    func errors(_ errors: [FieldError], action: String) -> [FieldError] {
        errors.map { FieldError(field: id($0.field, action: action), message: $0.message) }
    }
}
