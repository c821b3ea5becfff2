/// The Ekonomi part: operations, net cost per verksamhet, Covid-19, and the texts around them.
public struct Economy: Codable, Sendable, Equatable {
    /// The operations table (Verksamhet, tkr: helår, perioden, perioden fg år).
    public var operations: FinancialTable
    /// Nettokostnad per verksamhet over the years.
    public var netCost: FinancialTable
    /// Covid-19, ekonomiska konsekvenser.
    public var covid: FinancialTable
    /// Tables of the PDF that the text does not carry, recorded so that nobody invents them.
    public var absentTables: [AbsentTable]
    /// Commentary, in printed order, with its headings.
    public var commentary: [TextSection]

    public init(operations: FinancialTable, netCost: FinancialTable, covid: FinancialTable, absentTables: [AbsentTable], commentary: [TextSection]) {
        self.operations = operations
        self.netCost = netCost
        self.covid = covid
        self.absentTables = absentTables
        self.commentary = commentary
    }
}

/// The Investeringar part: the board's own investments and samhällsbyggnadsprojekt.
public struct Investments: Codable, Sendable, Equatable {
    /// Nämndernas investeringar (reinvestering, nyinvestering, sums).
    public var board: FinancialTable
    /// Samhällsbyggnadsprojekt (exploaterings- and investeringsprojekt by område).
    public var urbanDevelopment: FinancialTable
    public var commentary: [TextSection]

    public init(board: FinancialTable, urbanDevelopment: FinancialTable, commentary: [TextSection]) {
        self.board = board
        self.urbanDevelopment = urbanDevelopment
        self.commentary = commentary
    }
}

/// A table that the PDF had but its text lacks (it was an image).
public struct AbsentTable: Codable, Sendable, Equatable {
    public var title: String
    /// Where it stood, e.g. "Ekonomi, efter rubriken".
    public var location: String
    public var reason: String

    public init(title: String, location: String, reason: String) {
        self.title = title
        self.location = location
        self.reason = reason
    }
}

/// What a column holds.
public enum ColumnRole: String, Codable, Sendable, CaseIterable {
    case budget
    case forecast
    case actual
    case deviation
    /// A plain value, e.g. a year's net cost or a Covid-19 effect.
    case value
}

/// A column of a financial table.
public struct TableColumn: Codable, Sendable, Equatable {
    /// Unique within the table, e.g. "fullYearBudget".
    public var id: String
    /// The column heading as printed, e.g. "Budget".
    public var label: String
    /// The printed group heading above it, e.g. "Helår" or "Perioden jan-aug".
    public var group: String?
    public var role: ColumnRole
    /// Columns with the same scope belong together: a deviation column is computed from the
    /// budget and forecast (or actual) columns of its scope.
    public var scope: String?

    public init(id: String, label: String, group: String? = nil, role: ColumnRole, scope: String? = nil) {
        self.id = id
        self.label = label
        self.group = group
        self.role = role
        self.scope = scope
    }

    /// Group and label, e.g. "Helår budget".
    public var fullLabel: String {
        guard let group, !group.isEmpty else { return label }
        return "\(group) \(label.lowercased())"
    }
}

/// What a row is, which decides the sign of its deviation.
public enum RowKind: String, Codable, Sendable, CaseIterable {
    /// Income: deviation = forecast − budget.
    case income
    /// Cost: deviation = budget − forecast.
    case cost
    /// Result printed as net cost: deviation = budget − forecast.
    case result
    /// Investment printed as negative spending: deviation = forecast − budget.
    case investment
    /// A plain value with no deviation rule (net cost per year, a Covid-19 effect).
    case value
    /// A group heading without figures, e.g. "Reinvestering".
    case heading
}

/// A row of a financial table.
public struct TableRow: Codable, Sendable, Equatable {
    /// Unique within the table.
    public var id: String
    /// The label as printed.
    public var label: String
    public var kind: RowKind
    /// Nesting depth for grouping: 0 top level, 1 group heading, 2 rows in a group.
    public var level: Int?
    /// One printed cell per column; "" where nothing is printed.
    public var cells: [String]
    /// For a sum row: the ids of the rows it adds up, a leading "-" subtracting that row.
    public var sumOf: [String]?

    public init(id: String, label: String, kind: RowKind, level: Int? = nil, cells: [String], sumOf: [String]? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.level = level
        self.cells = cells
        self.sumOf = sumOf
    }

    /// Whether the row is printed as a sum of others.
    public var isSum: Bool { !(sumOf ?? []).isEmpty }
}

/// A table of money figures, every cell as printed.
public struct FinancialTable: Codable, Sendable, Equatable {
    public var id: String
    /// The table's heading or caption, e.g. "Nämndernas investeringar".
    public var title: String
    /// The first column's heading as printed, e.g. "Verksamhet, tkr".
    public var rowHeader: String
    /// "tkr" or "mnkr".
    public var unit: String
    public var columns: [TableColumn]
    public var rows: [TableRow]
    /// Footnotes printed with the table.
    public var notes: [String]?

    public init(id: String, title: String, rowHeader: String, unit: String, columns: [TableColumn], rows: [TableRow], notes: [String]? = nil) {
        self.id = id
        self.title = title
        self.rowHeader = rowHeader
        self.unit = unit
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}
