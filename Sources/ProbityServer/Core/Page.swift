import Leaf
import Vapor

/// What every page's layout needs: the signed-in user, navigation, the CSRF token, breadcrumbs
/// and a one-off flash message.
struct LayoutContext: Encodable {
    struct NavItem: Encodable {
        var href: String
        var label: String
        var current: Bool
    }
    struct Crumb: Encodable {
        var href: String
        var label: String
    }
    struct UserInfo: Encodable {
        var displayName: String
        var role: String
    }

    var authorityName: String?
    var user: UserInfo?
    var nav: [NavItem]
    var csrfToken: String?
    var breadcrumbs: [Crumb]
    var flash: String?
}

/// The context of a rendered page: `title`, `layout`, `errors` (for the error summary) and the
/// page's own values under `page`.
struct PageContext<Content: Encodable>: Encodable {
    var title: String
    var layout: LayoutContext
    var errors: [FieldError]
    /// The first message for each field, for the message beside the field: `#(errorFor.date)`.
    var errorFor: [String: String]
    var page: Content

    init(title: String, layout: LayoutContext, errors: [FieldError], page: Content) {
        self.title = title
        self.layout = layout
        self.errors = errors
        self.errorFor = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        self.page = page
    }
}

struct Empty: Encodable {}

/// One option of a select or radio group on a page.
struct SelectOption: Encodable, Sendable {
    var value: String
    var label: String
    var selected: Bool = false
}

extension Request {
    static let flashCookie = "probity_flash"

    func render<C: Encodable>(
        _ template: String, title: String, content: C, errors: [FieldError] = [],
        breadcrumbs: [LayoutContext.Crumb] = []
    ) async throws -> View {
        let context = PageContext(title: title, layout: layoutContext(breadcrumbs: breadcrumbs), errors: errors, page: content)
        return try await view.render(template, context)
    }

    /// Renders a page with a status other than 200 (e.g. 422 for a form with errors).
    func renderResponse<C: Encodable>(
        _ template: String, title: String, content: C, errors: [FieldError] = [],
        breadcrumbs: [LayoutContext.Crumb] = [], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let view = try await render(template, title: title, content: content, errors: errors, breadcrumbs: breadcrumbs)
        let response = try await view.encodeResponse(status: status, for: self)
        if cookies[Request.flashCookie] != nil {
            response.cookies[Request.flashCookie] = .expired
        }
        return response
    }

    /// Redirects after a successful form post, with a message for the next page.
    func redirect(to location: String, flash: String) -> Response {
        let response = redirect(to: location)
        response.cookies[Request.flashCookie] = HTTPCookies.Value(
            string: flash.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
            maxAge: 60, path: "/", isSecure: probity.settings.secureCookies, isHTTPOnly: true, sameSite: .lax
        )
        return response
    }

    private func layoutContext(breadcrumbs: [LayoutContext.Crumb]) -> LayoutContext {
        let flash = cookies[Request.flashCookie]?.string.removingPercentEncoding
        guard let actor else {
            return LayoutContext(authorityName: nil, user: nil, nav: [], csrfToken: nil, breadcrumbs: breadcrumbs, flash: flash)
        }
        let path = url.path
        var items: [(String, String)] = [("/", "Home"), ("/enquiries", "Enquiries"), ("/directory", "Directory"), ("/protocol", "Protocol"), ("/calendar", "Calendar"), ("/complaints", "Complaints"), ("/registers", "Registers"), ("/ward-matters", "Ward matters"), ("/consultations", "Consultations"), ("/media", "Media"), ("/correspondence", "Letters and visits"), ("/inbox", "Inbox")]
        items += [("/documents", "Documents"), ("/briefings", "Group briefings")] + (actor.personKind == .officer ? [("/confidences", "Confidences")] : [])
        if actor.canReadAudit { items.append(("/audit", "Audit trail")) }
        if actor.canAdminister { items.append(("/admin/users", "Users")) }
        if actor.isPlatformAdmin { items.append(("/authorities", "Authorities")) }
        items.append(("/account", "Your account"))
        let nav = items.map { href, label in
            LayoutContext.NavItem(href: href, label: label, current: href == "/" ? path == "/" : path.hasPrefix(href))
        }
        return LayoutContext(
            authorityName: actor.authority.name,
            user: .init(displayName: actor.displayName, role: actor.roleDescription),
            nav: nav, csrfToken: actor.csrfToken, breadcrumbs: breadcrumbs, flash: flash
        )
    }
}

extension Response {
    /// Page responses are per-user: never cache them (ASVS 5 V14.3).
    func noStore() -> Response {
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return self
    }
}
