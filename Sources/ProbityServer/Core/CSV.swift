/// RFC 4180 CSV: quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF or LF,
/// an optional UTF-8 byte-order mark.
enum CSV {
    struct ParseError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "Line \(line): \(message)" }
    }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var fieldStarted = false
        var line = 1
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRow() {
            row.append(field)
            if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
            row = []
            field = ""
            fieldStarted = false
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else {
                switch c {
                case "\"":
                    guard !fieldStarted else { throw ParseError(line: line, message: "a quote appears inside an unquoted field") }
                    inQuotes = true
                    fieldStarted = true
                case ",":
                    row.append(field)
                    field = ""
                    fieldStarted = false
                case "\r":
                    if i + 1 < chars.count, chars[i + 1] == "\n" { i += 1 }
                    endRow()
                    line += 1
                case "\n":
                    endRow()
                    line += 1
                default:
                    field.unicodeScalars.append(c)
                    fieldStarted = true
                }
            }
            i += 1
        }
        if inQuotes { throw ParseError(line: line, message: "a quoted field is not closed") }
        if fieldStarted || !field.isEmpty || !row.isEmpty { endRow() }
        return rows
    }

    /// Rows as dictionaries keyed by the header row. Every row must have the header's width.
    static func parseRecords(_ text: String) throws -> [[String: String]] {
        let rows = try parse(text)
        guard let header = rows.first else { throw ParseError(line: 1, message: "the file is empty; the first row must name the columns") }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        if Set(names).count != names.count { throw ParseError(line: 1, message: "a column name is repeated") }
        var records: [[String: String]] = []
        for (index, row) in rows.dropFirst().enumerated() {
            guard row.count == names.count else {
                throw ParseError(line: index + 2, message: "expected \(names.count) fields but found \(row.count)")
            }
            records.append(Dictionary(uniqueKeysWithValues: zip(names, row)))
        }
        return records
    }

    static func encode(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { value in
                // Neutralise spreadsheet formulas (CSV injection) and quote where needed.
                var v = value
                if let first = v.first, "=+-@\t\r".contains(first) { v = "'" + v }
                return v.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
            }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }
}
