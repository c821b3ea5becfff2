import Foundation
import ReportCore
import MalkollTestSupport

/// Builds synthetic reports in the data format, `scale` times the size of the bundled report:
/// per scale unit 3 goal areas, 8 KF-mål, 10 nämndmål, 26 indicators, 7 uppdrag, about 50 rows
/// of financial tables and 15 internal-control items.
///
/// The same scale and seed always give the same bytes. The figures are consistent (deviations
/// follow the sign rules, sums add up) except for a few deliberate rounding differences (±1 in the
/// last digit, within what the audit calls rounding) and a few real errors (a reversed sign, a
/// figure off by thousands), and a few summary statements state wrong counts, so that the audit
/// has work at every scale.
struct ReportGenerator {
    let scale: Int
    var random: SeededRandom

    /// What was put in on purpose, for the generator's own report.
    struct Plan: Sendable {
        var roundingDifferences = 0
        var realErrors = 0
        var wrongStatements = 0
    }

    private(set) var plan = Plan()
    private var indicatorCounter = 0

    init(scale: Int, seed: UInt64) {
        precondition(scale >= 1, "scale must be at least 1")
        self.scale = scale
        random = SeededRandom(seed: seed)
    }

    static let years = [2019, 2020, 2021]
    static let reportingYear = 2021

    // MARK: - Word banks

    static let districts = [
        "Flemingsberg", "Skogås", "Trångsund", "Stuvsta", "Segeltorp", "Sjödalen", "Vårby", "Masmo", "Glömsta", "Länna",
        "Visättra", "Snättringe", "Kungens kurva", "Fullersta", "Vista", "Balingsnäs", "Gladö kvarn", "Högmora", "Sörskogen",
        "Solgård", "Östra Huddinge", "Myrängen", "Lännaskolan", "Källbrink", "Björkängen", "Utsälje",
    ]
    static let areaThemes: [(id: String, title: String)] = [
        ("ekonomisk", "God ekonomi och effektiv verksamhet – ekonomisk hållbarhet"),
        ("social", "Ett tryggt och jämlikt samhälle – social hållbarhet"),
        ("ekologisk", "En klimatsmart och grön kommun – ekologisk hållbarhet"),
    ]
    static let councilGoalTitles = [
        "Skattemedel används effektivt", "Kommunen är en attraktiv arbetsgivare", "Fler invånare är i egen försörjning",
        "Barn och unga har goda uppväxtvillkor", "Invånarna känner sig trygga i sitt närområde", "Äldre får en värdig vård och omsorg",
        "Näringslivet växer och utvecklas", "Utsläppen av växthusgaser minskar", "Den biologiska mångfalden stärks",
        "Bostadsbyggandet ökar i hela kommunen", "Kollektivtrafiken är tillgänglig för alla", "Skolans resultat förbättras",
    ]
    static let boardGoalPrefixes = [
        "Effektiv och rättssäker handläggning", "Ökad digitalisering av välfärdstjänster", "Förbättrat bemötande",
        "Stärkt samverkan med civilsamhället", "Hållbar upphandling", "Minskad energianvändning", "Fler gröna resor",
        "Ökad delaktighet för unga", "Säkrare skolvägar", "Bättre arbetsmiljö och lägre sjukfrånvaro",
    ]
    static let indicatorSubjects = [
        "Andel elever med godkända betyg i årskurs 9", "Andel invånare som känner sig trygga", "Sjukfrånvaro bland medarbetare",
        "Andel förnybart bränsle i kommunens fordon", "Kostnad per invånare för äldreomsorg", "Nöjd-Kund-Index, bygglov",
        "Andel ekologiska livsmedel", "Energianvändning i kommunens lokaler", "Antal nyproducerade bostäder",
        "Hållbart medarbetarengagemang", "Andel hushåll med försörjningsstöd", "Väntetid till särskilt boende",
        "Andel återvunnet avfall", "Cykelvägnät, utbyggnad", "Företagsklimat enligt Svenskt Näringsliv", "Personalomsättning",
        "Andel av inköpen från avtalade leverantörer", "Utsläpp av växthusgaser per invånare",
    ]
    static let assignmentTitles = [
        "Ta fram en plan för kommunens lokalförsörjning", "Utreda förutsättningarna för en ny simhall",
        "Genomföra en översyn av kommunens styrdokument", "Införa e-tjänst för ansökan om förskoleplats",
        "Utveckla arbetet mot våldsbejakande extremism", "Ta fram en strategi för klimatanpassning",
        "Se över taxor och avgifter inom samhällsbyggnad", "Utreda samordnad varudistribution",
    ]
    static let assignmentStatuses = ["Blir klart i år", "Blir klart i år", "Troligen klart i år", "Ej klart i år", "Pågår enligt plan"]
    static let controlStatuses = ["Blir klart i år", "Blir klart i år", "Troligen klart i år", "Ej klart i år"]
    static let processes = [
        "Upphandlingsprocessen", "Informationsteknologisäkerhet", "Löneprocessen", "Attestprocessen", "Dokumenthantering",
        "Inköp och fakturahantering", "Personuppgiftshantering", "Kontanthantering", "Delegering av beslut", "Representation",
    ]
    static let organisations = [
        "Kommunledningsförvaltningen", "Medborgarförvaltningen", "Ekonomiavdelningen", "HR-avdelningen", "Kommunikationsavdelningen",
        "Näringslivsavdelningen", "Säkerhetsavdelningen", "Digitaliseringsavdelningen", "Juridiska avdelningen", "Överförmyndarenheten",
    ]
    static let sentences = [
        "Arbetet fortlöper enligt plan och följs upp vid varje nämndsammanträde.",
        "Under perioden har förvaltningen genomfört en kartläggning av nuläget tillsammans med berörda verksamheter.",
        "Resultatet är något sämre än föregående år, främst till följd av pandemins påverkan på verksamheten.",
        "En handlingsplan med åtgärder för att nå målvärdet tas fram under hösten.",
        "Jämfört med länssnittet ligger Huddinge fortfarande högre, men skillnaden har minskat.",
        "Insatserna riktas särskilt mot områden där behoven är störst, bland annat Flemingsberg och Vårby.",
        "Samverkan med regionen och civilsamhället har förstärkts under året.",
        "Mätningen genomförs vartannat år, varför något utfall för innevarande år inte redovisas.",
        "Bedömningen är att målet nås under året om inga oförutsedda händelser inträffar.",
        "Förseningen beror på att upphandlingen överklagades och fick göras om.",
        "Medarbetarnas delaktighet i förändringsarbetet har ökat, vilket märks i årets medarbetarenkät.",
        "Kostnaderna för köp av verksamhet överstiger budget på grund av fler placeringar än planerat.",
    ]

    // MARK: - Text helpers

    mutating func paragraph(sentences count: ClosedRange<Int> = 1 ... 3) -> String {
        (0 ..< random.int(count)).map { _ in random.pick(Self.sentences) }.joined(separator: " ")
    }

    mutating func paragraphs(_ count: ClosedRange<Int>) -> [String] {
        (0 ..< random.int(count)).map { _ in paragraph() }
    }

    /// Swedish grouping and decimal comma for an integer in units of 10^-fractionDigits.
    static func printed(_ scaled: Int, fractionDigits: Int = 0) -> String {
        let negative = scaled < 0
        let magnitude = scaled.magnitude
        var divisor: UInt = 1
        for _ in 0 ..< fractionDigits { divisor *= 10 }
        let whole = String(magnitude / divisor)
        var grouped = ""
        for (i, digit) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(" ") }
            grouped.append(digit)
        }
        if fractionDigits > 0 {
            let fraction = String(magnitude % divisor)
            grouped += "," + String(repeating: "0", count: fractionDigits - fraction.count) + fraction
        }
        return (negative ? "-" : "") + grouped
    }

    // MARK: - The report

    mutating func report() -> Report {
        var areas: [GoalArea] = []
        for unit in 0 ..< scale {
            for (t, theme) in Self.areaThemes.enumerated() {
                areas.append(goalArea(unit: unit, theme: t, themeID: theme.id, themeTitle: theme.title))
            }
        }
        var control = internalControl()
        let economy = Economy(
            operations: operationsTable(), netCost: netCostTable(), covid: covidTable(),
            absentTables: [AbsentTable(title: "Nettokostnadsutveckling per verksamhet", location: "Ekonomi, efter tabellen Nettokostnad",
                                       reason: "Diagrammet var en bild i PDF:en och saknas i texten.")],
            commentary: [TextSection(heading: "Kommentar till resultatet", paragraphs: paragraphs(2 ... 4))])
        let investments = Investments(
            board: boardInvestmentTable(), urbanDevelopment: urbanDevelopmentTable(),
            commentary: [TextSection(heading: "Investeringar", paragraphs: paragraphs(1 ... 3))])
        if control.systematicControls.isEmpty { control.systematicControls = [] }
        var report = Report(
            formatVersion: 1,
            metadata: ReportMetadata(
                municipality: "Syntetiska kommun", board: "Kommunstyrelsen (genererad, skala \(scale))", kind: .interimReport,
                period: "januari–augusti 2021", periodStart: "2021-01-01", periodEnd: "2021-08-31", reportingYear: Self.reportingYear,
                units: ReportUnits(operations: "tkr", investments: "tkr", urbanDevelopment: "mnkr"),
                source: "malkoll-bench generate --scale \(scale)"),
            statusRule: StatusRuleConfig(approaching: .trend, allowEarlierValue: false, useLongTermTargetWhenNoMilestone: false),
            summary: ReportSummary(sections: [], preliminaryAssessment: [], statements: []),
            goalAreas: areas, economy: economy, investments: investments,
            sections: [
                TextSection(id: "handelser", heading: "Händelser av väsentlig betydelse", paragraphs: paragraphs(2 ... 3)),
                TextSection(id: "personal", heading: "Personal", paragraphs: paragraphs(1 ... 2),
                            subsections: [TextSection(heading: "Sjukfrånvaro", paragraphs: paragraphs(1 ... 2))]),
                TextSection(id: "lokaler", heading: "Lokaler", paragraphs: paragraphs(1 ... 2)),
            ],
            internalControl: control,
            transcriptionNotes: ["Rapporten är genererad av malkoll-bench och beskriver ingen verklig kommun."])
        report.summary = summary(for: report)
        return report
    }

    mutating func goalArea(unit: Int, theme: Int, themeID: String, themeTitle: String) -> GoalArea {
        let district = Self.districts[(unit * 3 + theme) % Self.districts.count]
        let councilCount = [2, 4, 2][theme]
        var councilGoals: [CouncilGoal] = []
        for c in 0 ..< councilCount {
            let title = Self.councilGoalTitles[(unit + theme * 4 + c) % Self.councilGoalTitles.count]
            let boardCount = (theme == 1 && c % 2 == 1) ? 2 : 1
            var boardGoals: [BoardGoal] = []
            for b in 0 ..< boardCount {
                let goalTitle = "\(Self.boardGoalPrefixes[(unit + c + b + theme) % Self.boardGoalPrefixes.count]) i \(district)"
                // Seven of the ten nämndmål of a unit carry an uppdrag.
                let assignments: [Assignment] = (c + b + theme) % 4 == 3 ? [] : [assignment()]
                boardGoals.append(BoardGoal(title: goalTitle, narrative: paragraphs(1 ... 3),
                                            indicatorTable: indicatorTable(count: 1, district: district), assignments: assignments))
            }
            councilGoals.append(CouncilGoal(title: title, indicatorTable: indicatorTable(count: 2, district: district), boardGoals: boardGoals))
        }
        return GoalArea(id: "\(themeID)-\(unit + 1)", title: "\(themeTitle), \(district)", councilGoals: councilGoals)
    }

    mutating func assignment() -> Assignment {
        Assignment(title: random.pick(Self.assignmentTitles), status: random.pick(Self.assignmentStatuses), comment: paragraphs(1 ... 2))
    }

    mutating func indicatorTable(count: Int, district: String) -> IndicatorTable {
        let years = random.chance(10) ? [2020, 2021] : Self.years
        let indicators = (0 ..< count).map { _ in indicator(years: years, district: district) }
        let notes = random.chance(30) ? ["Utfall \(Self.reportingYear) avser helårsprognos i delårsrapport per augusti."] : []
        return IndicatorTable(years: years, longTermTargetYear: 2030, indicators: indicators, notes: notes)
    }

    /// A value cell: mostly a number in the indicator's form, sometimes blank or a dash.
    mutating func value(_ make: (inout SeededRandom) -> String) -> String {
        switch random.int(0 ..< 20) {
        case 0: ""
        case 1, 2: "-"
        default: make(&random)
        }
    }

    mutating func indicator(years: [Int], district: String) -> Indicator {
        indicatorCounter += 1
        let subject = random.pick(Self.indicatorSubjects)
        let name = random.chance(50) ? "\(subject), \(district)" : subject
        var unit: String?
        var values: [String]
        var milestone: String
        var longTerm: String
        var direction: Direction?
        switch random.int(0 ..< 9) {
        case 0: // percent, ≥
            unit = "%"
            values = years.map { _ in value { "\(Self.printed($0.int(0 ... 1000), fractionDigits: 1)) %" } }
            milestone = "≥\(percentText(random.int(5 ... 90)))"
            longTerm = random.chance(50) ? "≥\(percentText(random.int(50 ... 100)))" : "Länssnitt"
        case 1: // percent, <
            unit = "%"
            values = years.map { _ in value { "\(Self.printed($0.int(10 ... 150), fractionDigits: 1)) %" } }
            milestone = "<\(Self.printed(random.int(20 ... 120), fractionDigits: 1)) %"
            longTerm = random.chance(50) ? "Länssnitt" : "<\(Self.printed(random.int(10 ... 60), fractionDigits: 1)) %"
        case 2: // plain with direction
            unit = "%"
            values = years.map { _ in value { "\(Self.printed($0.int(0 ... 100))) %" } }
            milestone = "\(random.int(0 ... 100)) %"
            longTerm = "\(random.int(50 ... 100)) %"
            direction = random.chance(85) ? random.pick(Direction.allCases) : nil // some unassessable on purpose
        case 3: // index, >
            unit = "index"
            values = years.map { _ in value { random in random.chance(50) ? "index \(random.int(55 ... 90))" : "index\(random.int(55 ... 90))" } }
            milestone = ">\(random.int(60 ... 85))"
            longTerm = ">\(random.int(70 ... 90))"
        case 4: // count, lower is better, rank in county
            values = years.map { _ in value { Self.printed($0.int(100 ... 2500)) } }
            milestone = random.chance(50) ? "Plats \(random.int(1 ... 26)) i länet" : "<\(Self.printed(random.int(100 ... 2500)))"
            longTerm = "Topp tre i länet"
            direction = .lowerIsBetter
        case 5: // only symbolic targets
            unit = "%"
            values = years.map { _ in value { "\(Self.printed($0.int(0 ... 1000), fractionDigits: 1)) %" } }
            milestone = "Länssnitt"
            longTerm = "Topp tre i länet"
        case 6: // a plain decimal, lower is better (like the tax rate)
            values = years.map { _ in value { Self.printed($0.int(1700 ... 2100), fractionDigits: 2) } }
            milestone = Self.printed(random.int(1700 ... 2100), fractionDigits: 2)
            longTerm = "Länssnitt"
            direction = .lowerIsBetter
        case 7: // an increase
            unit = "kilometer"
            values = years.map { _ in value { "\(Self.printed($0.int(0 ... 120), fractionDigits: 1))" } }
            milestone = "+\(Self.printed(random.int(10 ... 90), fractionDigits: 1)) km"
            longTerm = "+\(random.int(20 ... 80)) km"
        default: // blank targets
            unit = random.chance(50) ? "NKI" : nil
            values = years.map { _ in value { Self.printed($0.int(40 ... 90)) } }
            milestone = random.chance(50) ? "" : ">\(random.int(50 ... 80))"
            longTerm = ""
            direction = random.chance(50) ? .higherIsBetter : nil
        }
        var reported: ReportedStatus?
        if random.chance(30) {
            let status = random.pick([IndicatorStatus.met, .approaching, .notMet])
            reported = ReportedStatus(status: status, quote: "\(name) bedöms att \(status.swedishName) under året.", basis: .stated)
        }
        let override = random.chance(3)
            ? StatusOverride(status: random.pick([IndicatorStatus.met, .notMet, .notAssessed]), reason: "Mätmetoden ändrades under året; utfallen är inte jämförbara.")
            : nil
        let note = random.chance(10) ? "Värdet för \(years.last ?? Self.reportingYear) är preliminärt." : nil
        return Indicator(
            id: "indikator-\(indicatorCounter)", name: name, unit: unit, values: values, milestoneTarget: milestone,
            longTermTarget: longTerm, direction: direction, reportedStatus: reported, override: override, note: note)
    }

    private func percentText(_ value: Int) -> String { "\(value) %" }

    // MARK: - Financial tables

    /// Puts a deliberate rounding difference (±1 in the last digit) or a real error into a
    /// figure, now and then; returns the printed cell.
    mutating func perturb(_ value: Int, fractionDigits: Int = 0, roundingChance: Int, errorChance: Int) -> String {
        if random.int(0 ..< 1000) < roundingChance {
            plan.roundingDifferences += 1
            return Self.printed(value + (random.chance(50) ? 1 : -1), fractionDigits: fractionDigits)
        }
        if random.int(0 ..< 1000) < errorChance {
            plan.realErrors += 1
            if value != 0 && random.chance(50) { return Self.printed(-value, fractionDigits: fractionDigits) }
            return Self.printed(value + random.int(1 ... 9) * 1000, fractionDigits: fractionDigits)
        }
        return Self.printed(value, fractionDigits: fractionDigits)
    }

    static let operationsColumns = [
        TableColumn(id: "fullYearBudget", label: "Budget", group: "Helår", role: .budget, scope: "fullYear"),
        TableColumn(id: "fullYearForecast", label: "Prognos", group: "Helår", role: .forecast, scope: "fullYear"),
        TableColumn(id: "fullYearDeviation", label: "Avvikelse", group: "Helår", role: .deviation, scope: "fullYear"),
        TableColumn(id: "periodBudget", label: "Budget", group: "Perioden jan-aug", role: .budget, scope: "period"),
        TableColumn(id: "periodActual", label: "Utfall", group: "Perioden jan-aug", role: .actual, scope: "period"),
        TableColumn(id: "periodDeviation", label: "Avvikelse", group: "Perioden jan-aug", role: .deviation, scope: "period"),
        TableColumn(id: "previousYearActual", label: "Utfall", group: "Perioden fg år", role: .actual, scope: "previousYear"),
    ]

    /// Figures of one operations row: budget, forecast, period budget, period actual, previous year.
    struct Figures {
        var budget: Int, forecast: Int, periodBudget: Int, periodActual: Int, previous: Int

        static func + (a: Figures, b: Figures) -> Figures {
            Figures(budget: a.budget + b.budget, forecast: a.forecast + b.forecast, periodBudget: a.periodBudget + b.periodBudget,
                    periodActual: a.periodActual + b.periodActual, previous: a.previous + b.previous)
        }

        static prefix func - (a: Figures) -> Figures {
            Figures(budget: -a.budget, forecast: -a.forecast, periodBudget: -a.periodBudget, periodActual: -a.periodActual, previous: -a.previous)
        }

        static let zero = Figures(budget: 0, forecast: 0, periodBudget: 0, periodActual: 0, previous: 0)
    }

    mutating func figures(around size: Int) -> Figures {
        let budget = random.int(size / 2 ... size * 2)
        let forecast = budget + random.int(-budget / 8 ... budget / 8)
        let periodBudget = budget * 2 / 3
        let periodActual = periodBudget + random.int(-periodBudget / 10 ... periodBudget / 10)
        let previous = periodActual + random.int(-periodActual / 6 ... periodActual / 6)
        return Figures(budget: budget, forecast: forecast, periodBudget: periodBudget, periodActual: periodActual, previous: previous)
    }

    /// The seven cells of an operations row; deviations by the sign rule of `kind`.
    mutating func operationsCells(_ f: Figures, kind: RowKind, isSum: Bool) -> [String] {
        let sign = (kind == .income || kind == .investment) ? 1 : -1
        let rounding = isSum ? 40 : 8, error = isSum ? 0 : 6
        return [
            perturb(f.budget, roundingChance: rounding, errorChance: error),
            perturb(f.forecast, roundingChance: rounding, errorChance: error),
            perturb(sign * (f.forecast - f.budget), roundingChance: 8, errorChance: 8),
            perturb(f.periodBudget, roundingChance: rounding, errorChance: error),
            perturb(f.periodActual, roundingChance: rounding, errorChance: error),
            perturb(sign * (f.periodActual - f.periodBudget), roundingChance: 8, errorChance: 8),
            perturb(f.previous, roundingChance: rounding, errorChance: error),
        ]
    }

    mutating func operationsTable() -> FinancialTable {
        var rows: [TableRow] = []
        var results: [String] = []
        var total = Figures.zero
        let costNames: [(String, String)] = [
            ("personal", "Personal"), ("lokaler", "Lokaler"), ("bidrag", "Bidrag kostnader"), ("kop", "Köp av verksamhet"), ("ovrigt", "Övrigt"),
        ]
        for unit in 0 ..< scale {
            let organisation = Self.organisations[unit % Self.organisations.count]
            let suffix = scale == 1 ? "" : "-\(unit + 1)"
            let label = scale == 1 ? "" : ", \(organisation) \(unit / Self.organisations.count + 1)"
            let income = figures(around: 40000)
            rows.append(TableRow(id: "intakter\(suffix)", label: "Verksamhetens intäkter\(label)", kind: .income,
                                 cells: operationsCells(income, kind: .income, isSum: false)))
            var costs = Figures.zero
            for (id, name) in costNames {
                let cost = figures(around: id == "personal" ? 200_000 : 30000)
                costs = costs + cost
                rows.append(TableRow(id: "\(id)\(suffix)", label: name, kind: .cost, level: 1, cells: operationsCells(cost, kind: .cost, isSum: false)))
            }
            rows.append(TableRow(id: "kostnader\(suffix)", label: "Verksamhetens kostnader\(label)", kind: .cost,
                                 cells: operationsCells(costs, kind: .cost, isSum: true), sumOf: costNames.map { "\($0.0)\(suffix)" }))
            let result = costs + -income
            total = total + result
            rows.append(TableRow(id: "resultat\(suffix)", label: "Årets resultat\(label)", kind: .result,
                                 cells: operationsCells(result, kind: .result, isSum: true), sumOf: ["kostnader\(suffix)", "-intakter\(suffix)"]))
            results.append("resultat\(suffix)")
        }
        if scale > 1 {
            rows.append(TableRow(id: "resultat-totalt", label: "Årets resultat, nämnden totalt", kind: .result,
                                 cells: operationsCells(total, kind: .result, isSum: true), sumOf: results))
        }
        return FinancialTable(id: "operations", title: "Driftredovisning", rowHeader: "Verksamhet, tkr", unit: "tkr",
                              columns: Self.operationsColumns, rows: rows, notes: ["Beloppen är avrundade till tusental kronor."])
    }

    mutating func valueSumTable(id: String, title: String, rowHeader: String, columns: [TableColumn], names: [String], sumLabel: String) -> FinancialTable {
        var rows: [TableRow] = []
        for unit in 0 ..< scale {
            let suffix = scale == 1 ? "" : "-\(unit + 1)"
            var sums = [Int](repeating: 0, count: columns.count)
            var members: [String] = []
            for (n, name) in names.enumerated() {
                let base = random.int(-3000 ... 150_000)
                let cells = columns.indices.map { _ in base + random.int(-abs(base) / 10 - 1 ... abs(base) / 10 + 1) }
                for k in cells.indices { sums[k] += cells[k] }
                members.append("r\(n)\(suffix)")
                rows.append(TableRow(id: "r\(n)\(suffix)", label: name, kind: .value, cells: cells.map { Self.printed($0) }))
            }
            rows.append(TableRow(id: "summa\(suffix)", label: sumLabel, kind: .value,
                                 cells: sums.map { perturb($0, roundingChance: 30, errorChance: 10) }, sumOf: members))
        }
        return FinancialTable(id: id, title: title, rowHeader: rowHeader, unit: "tkr", columns: columns, rows: rows)
    }

    mutating func netCostTable() -> FinancialTable {
        valueSumTable(
            id: "netCost", title: "Nettokostnad per verksamhet", rowHeader: "Verksamhet, tkr",
            columns: Self.years.map { TableColumn(id: "y\($0)", label: "Jan-Aug \($0)", role: .value, scope: String($0)) },
            names: ["Politisk verksamhet", "Infrastruktur, skydd m.m.", "Gemensamma lokaler och verksamheter"], sumLabel: "Summa nettokostnad")
    }

    mutating func covidTable() -> FinancialTable {
        valueSumTable(
            id: "covid", title: "Covid-19, ekonomiska konsekvenser", rowHeader: "tkr",
            columns: [TableColumn(id: "periodActual", label: "Utfall perioden", role: .actual, scope: "period"),
                      TableColumn(id: "fullYearForecast", label: "Prognos helår", role: .forecast, scope: "fullYear")],
            names: ["Intäkter (minskade - /ökade +)", "Personalkostnader (minskade + /ökade -)", "Övriga kostnader (minskade + /ökade -)"],
            sumLabel: "Minskade nettokostnader (+) /ökade nettokostnader (-)")
    }

    static func investmentColumns(periodGroup: String) -> [TableColumn] {
        [
            TableColumn(id: "fullYearBudget", label: "Budget", group: "Helår", role: .budget, scope: "fullYear"),
            TableColumn(id: "fullYearForecast", label: "Prognos", group: "Helår", role: .forecast, scope: "fullYear"),
            TableColumn(id: "fullYearDeviation", label: "Avvikelse", group: "Helår", role: .deviation, scope: "fullYear"),
            TableColumn(id: "periodBudget", label: "Budget", group: periodGroup, role: .budget, scope: "period"),
            TableColumn(id: "periodActual", label: "Utfall", group: periodGroup, role: .actual, scope: "period"),
            TableColumn(id: "periodDeviation", label: "Avvikelse", group: periodGroup, role: .deviation, scope: "period"),
        ]
    }

    /// Investment figures (negative spending) in units of the last printed digit.
    mutating func investmentFigures(around size: Int) -> [Int] {
        let budget = -random.int(0 ... size)
        let forecast = random.chance(10) ? 0 : budget + random.int(-size / 3 ... size / 3)
        let periodBudget = budget * 2 / 3
        let periodActual = random.chance(15) ? 0 : periodBudget + random.int(-size / 4 ... size / 4)
        return [budget, forecast, periodBudget, periodActual]
    }

    /// Six cells of an investment row (deviation = forecast/actual − budget).
    mutating func investmentCells(_ f: [Int], fractionDigits: Int, isSum: Bool) -> [String] {
        let rounding = isSum ? 40 : 0
        return [
            perturb(f[0], fractionDigits: fractionDigits, roundingChance: rounding, errorChance: 0),
            perturb(f[1], fractionDigits: fractionDigits, roundingChance: rounding, errorChance: 0),
            perturb(f[1] - f[0], fractionDigits: fractionDigits, roundingChance: 10, errorChance: 6),
            perturb(f[2], fractionDigits: fractionDigits, roundingChance: rounding, errorChance: 0),
            perturb(f[3], fractionDigits: fractionDigits, roundingChance: rounding, errorChance: 0),
            perturb(f[3] - f[2], fractionDigits: fractionDigits, roundingChance: 10, errorChance: 6),
        ]
    }

    /// Appends a heading, its rows and their sum row; returns the sum row's id and figures.
    mutating func investmentGroup(
        rows: inout [TableRow], headingID: String?, heading: String, level: Int, items: [(id: String, label: String)],
        sumID: String, sumLabel: String, sumLevel: Int, sumFirst: Bool, size: Int, fractionDigits: Int
    ) -> [Int] {
        var members: [TableRow] = []
        var total = [0, 0, 0, 0]
        if let headingID {
            members.append(TableRow(id: headingID, label: heading, kind: .heading, level: level, cells: Array(repeating: "", count: 6)))
        }
        for item in items {
            let f = investmentFigures(around: size)
            for k in 0 ..< 4 { total[k] += f[k] }
            members.append(TableRow(id: item.id, label: item.label, kind: .investment, level: level + 1,
                                    cells: investmentCells(f, fractionDigits: fractionDigits, isSum: false)))
        }
        let sum = TableRow(id: sumID, label: sumLabel, kind: .investment, level: sumLevel,
                           cells: investmentCells(total, fractionDigits: fractionDigits, isSum: true), sumOf: items.map(\.id))
        rows += sumFirst ? [sum] + members : members + [sum]
        return total
    }

    mutating func boardInvestmentTable() -> FinancialTable {
        var rows: [TableRow] = []
        var totals: [String] = []
        var grand = [0, 0, 0, 0]
        let reinvestments = ["Utbyte och uppgradering IT", "Utbyggnad av IT-struktur", "Säkerhet och övervakning IT", "Inventarier", "Teknik sessionssalen"]
        let newInvestments = ["Fiberutbyggnad IT", "Utredningar lokalförsörjning", "Trygghetskameror"]
        for unit in 0 ..< scale {
            let s = scale == 1 ? "" : "-\(unit + 1)"
            let a = investmentGroup(rows: &rows, headingID: "reinvestering\(s)", heading: "Reinvestering", level: 0,
                                    items: reinvestments.enumerated().map { ("re\($0.offset)\(s)", $0.element) },
                                    sumID: "summa-reinvestering\(s)", sumLabel: "Summa reinvestering", sumLevel: 0, sumFirst: false, size: 9000, fractionDigits: 0)
            let b = investmentGroup(rows: &rows, headingID: "nyinvestering\(s)", heading: "Nyinvestering", level: 0,
                                    items: newInvestments.enumerated().map { ("ny\($0.offset)\(s)", $0.element) },
                                    sumID: "summa-nyinvestering\(s)", sumLabel: "Summa nyinvestering", sumLevel: 0, sumFirst: false, size: 30000, fractionDigits: 0)
            let total = (0 ..< 4).map { a[$0] + b[$0] }
            for k in 0 ..< 4 { grand[k] += total[k] }
            rows.append(TableRow(id: "summa\(s)", label: scale == 1 ? "Summa" : "Summa, projektgrupp \(unit + 1)", kind: .investment, level: 0,
                                 cells: investmentCells(total, fractionDigits: 0, isSum: true), sumOf: ["summa-reinvestering\(s)", "summa-nyinvestering\(s)"]))
            totals.append("summa\(s)")
        }
        if scale > 1 {
            rows.append(TableRow(id: "summa-totalt", label: "Summa investeringar", kind: .investment, level: 0,
                                 cells: investmentCells(grand, fractionDigits: 0, isSum: true), sumOf: totals))
        }
        return FinancialTable(id: "board", title: "Nämndernas investeringar", rowHeader: "Investeringar, tkr", unit: "tkr",
                              columns: Self.investmentColumns(periodGroup: "Perioden"), rows: rows)
    }

    mutating func urbanDevelopmentTable() -> FinancialTable {
        var rows: [TableRow] = []
        var totals: [String] = []
        let areas = ["Kommunövergripande", "Mellersta", "Nordvästra", "Sydvästra", "Östra"]
        for unit in 0 ..< scale {
            let s = scale == 1 ? "" : "-\(unit + 1)"
            var groupSums: [String] = []
            var groupSumRows: [Int] = []
            for (kind, label) in [("expl", "Exploateringsprojekt/Område"), ("inv", "Investeringsprojekt/Område")] {
                // The group's sum row is printed first, above its headings (as in the bundled report).
                var groupRows: [TableRow] = []
                var members: [String] = []
                var total = [0, 0, 0, 0]
                for (phase, phaseLabel) in [("genomforande", "Genomförandeprojekt"), ("planering", "Planeringsprojekt")] {
                    let items = areas.enumerated().map { (id: "\(kind)-\(phase)-\($0.offset)\(s)", label: $0.element) }
                    groupRows.append(TableRow(id: "\(kind)-\(phase)\(s)", label: phaseLabel, kind: .heading, level: 1, cells: Array(repeating: "", count: 6)))
                    for item in items {
                        let f = investmentFigures(around: 600)
                        for k in 0 ..< 4 { total[k] += f[k] }
                        groupRows.append(TableRow(id: item.id, label: item.label, kind: .investment, level: 2,
                                                  cells: investmentCells(f, fractionDigits: 1, isSum: false)))
                        members.append(item.id)
                    }
                }
                groupSumRows.append(rows.count)
                rows.append(TableRow(id: "\(kind)\(s)", label: label, kind: .investment, level: 0,
                                     cells: investmentCells(total, fractionDigits: 1, isSum: true), sumOf: members))
                rows += groupRows
                groupSums.append("\(kind)\(s)")
            }
            // The unit's total is recomputed from the printed group sums' cells, as a reader would.
            let printedSums = groupSumRows.map { rows[$0] }.map { row in
                row.cells.map { cell -> Int in
                    Int(cell.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: "")) ?? 0
                }
            }
            let f = [0, 1, 3, 4].map { k in printedSums.reduce(0) { $0 + $1[k] } }
            rows.append(TableRow(id: "summa\(s)", label: "Summa samhällsbyggnad\(scale == 1 ? "" : ", etapp \(unit + 1)")", kind: .investment, level: 0,
                                 cells: investmentCells(f, fractionDigits: 1, isSum: true), sumOf: groupSums))
            totals.append("summa\(s)")
        }
        return FinancialTable(id: "urbanDevelopment", title: "Samhällsbyggnadsprojekt", rowHeader: "Samhällsbyggnad, mnkr", unit: "mnkr",
                              columns: Self.investmentColumns(periodGroup: "För perioden"), rows: rows)
    }

    // MARK: - Internal control and summary

    mutating func internalControl() -> InternalControl {
        var risks: [RiskReduction] = [], audits: [AuditAction] = [], controls: [SystematicControl] = []
        for unit in 0 ..< scale {
            for _ in 0 ..< 2 {
                risks.append(RiskReduction(
                    process: random.pick(Self.processes), risk: "Risk för att \(random.pick(["känsliga uppgifter sprids", "avtal inte följs", "beslut fattas utan delegation", "felaktiga utbetalningar görs"])).",
                    action: "Ett systematiskt arbetssätt införs hos respektive förvaltning.", status: random.pick(Self.controlStatuses),
                    comment: paragraphs(1 ... 2)))
            }
            for a in 0 ..< 3 {
                audits.append(AuditAction(
                    review: "Granskning av \(random.pick(["intern kontroll", "styrning via styrdokument", "upphandling", "informationssäkerhet"]))",
                    registrationNumber: "KS-\(2016 + (unit + a) % 6)/\(100 + (unit * 3 + a) % 900).912",
                    background: "Utifrån revisionens rekommendation ser kommunstyrelsen ett behov av åtgärder.",
                    action: "Etablera en fördjupad uppföljning och analys.", status: random.pick(Self.controlStatuses), comment: paragraphs(1 ... 1)))
            }
            for _ in 0 ..< 10 {
                controls.append(SystematicControl(
                    process: random.pick(Self.processes), control: "Kontroll av att \(random.pick(["inköp sker från avtalade leverantörer", "attest sker enligt attestordningen", "behörigheter är aktuella", "representation redovisas korrekt"])).",
                    rationale: "Kontrollen genomförs för att säkerställa god förvaltning enligt kommunallagen.",
                    status: random.pick(Self.controlStatuses), comment: paragraphs(1 ... 2),
                    note: random.chance(5) ? "Processrubriken är otydlig i källan." : nil))
            }
        }
        return InternalControl(introduction: TextSection(heading: "Plan för intern kontroll", paragraphs: paragraphs(1 ... 2)),
                               riskReductions: risks, auditActions: audits, systematicControls: controls)
    }

    /// A number that is right, or, now and then on purpose, one off.
    mutating func stated(_ count: Int) -> Int {
        guard random.chance(8) else { return count }
        plan.wrongStatements += 1
        return count + (count > 0 && random.chance(50) ? -1 : 1)
    }

    /// Summary statements computed from the generated report, so that most of them agree.
    mutating func summary(for report: Report) -> ReportSummary {
        let analysis = ReportAnalysis(report: report)
        let year = analysis.rule.assessedYear
        var statements: [SummaryStatement] = []
        for area in report.goalAreas {
            let scoped = analysis.indicators.filter { item in
                guard item.areaId == area.id, let column = item.years.firstIndex(of: year), column < item.indicator.values.count else { return false }
                return IndicatorValue(parsing: item.indicator.values[column]).quantity != nil
            }
            var counts = StatusCounts()
            for item in scoped { counts[item.evaluation.status] += 1 }
            let total = stated(scoped.count), met = stated(counts.met), notMet = stated(counts.notMet)
            statements.append(SummaryStatement(
                quote: "Inom målområdet rapporteras resultat på \(total) indikatorer där \(met) uppnår etappmålet och \(notMet) inte gör det.",
                location: "Sammanfattning › \(area.title)", subject: .indicators, goalArea: area.id,
                counts: StatedCounts(total: total, met: met, notMet: notMet)))
            let boardGoals = stated(area.councilGoals.map(\.boardGoals.count).reduce(0, +))
            statements.append(SummaryStatement(
                quote: "Kommunstyrelsen har totalt \(boardGoals) mål kopplade till målområdet.", location: "Sammanfattning › \(area.title)",
                subject: .boardGoals, goalArea: area.id, counts: StatedCounts(total: boardGoals)))
        }
        let assignments = analysis.assignmentCounts()
        let notCompleted = stated(assignments.notCompleted)
        statements.append(SummaryStatement(
            quote: "Alla utom \(notCompleted) uppdrag förväntas genomföras under året.", location: "Sammanfattning › Nämndmål",
            subject: .assignments, counts: StatedCounts(notCompleted: notCompleted)))
        let controls = analysis.internalControlCounts(kind: .systematicControl)
        let controlTotal = stated(controls.total), controlDone = stated(controls.completed)
        statements.append(SummaryStatement(
            quote: "Av \(controlTotal) systematiska kontroller blir \(controlDone) klara i år.", location: "Sammanfattning › Intern kontroll",
            subject: .systematicControls, counts: StatedCounts(total: controlTotal, completed: controlDone)))
        return ReportSummary(
            sections: [TextSection(id: "sammanfattning", heading: "Sammanfattning", paragraphs: paragraphs(2 ... 4))],
            preliminaryAssessment: [PreliminaryAssessment(area: "Ekonomi", assessment: "Uppnås"),
                                    PreliminaryAssessment(area: "Verksamhet", assessment: "Uppnås delvis")],
            statements: statements)
    }

    // MARK: - Output

    /// The report as JSON bytes (keys in the model's order, pretty-printed like the bundled file).
    static func encode(_ report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(report)
    }
}
