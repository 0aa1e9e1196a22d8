/// Previous and next links of a paged list page.
struct Pagination: Encodable {
    var page: Int
    var pages: Int
    var previous: String?
    var next: String?
    var from: Int
    var to: Int

    init(page: Int, per: Int, total: Int, path: String, query: String = "") {
        self.page = page
        pages = max(1, (total + per - 1) / per)
        let join = query.isEmpty ? "" : "&" + query
        previous = page > 1 ? "\(path)?page=\(page - 1)\(join)" : nil
        next = page < pages ? "\(path)?page=\(page + 1)\(join)" : nil
        from = total == 0 ? 0 : (page - 1) * per + 1
        to = min(total, page * per)
    }
}
